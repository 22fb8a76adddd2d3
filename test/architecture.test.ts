// Architecture rules kept as tests: imports run one way, folders have no cycles, and no source file grows past 500 lines.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkImports, importsOf, sourceEdges } from "./architecture/imports.ts";
import { ROOT } from "./helpers.ts";

describe("imports run one way: cli → pipeline → editions → reading / edition / content → model → lib", () => {
  it("holds for every source file under src/", () => {
    const { edges, folders } = sourceEdges(ROOT);
    expect(edges.length).toBeGreaterThan(50);
    expect(checkImports(edges, folders).map((v) => v.message)).toEqual([]);
  });

  it("fails on a wrong-way import, an edition importing another, a folder cycle, an unknown folder and src/build", () => {
    const folders = ["lib", "model", "content", "print", "braille", "reading", "build", "utils"];
    const edges = [
      ...importsOf("src/model/types.ts", 'import { x } from "../content/leaflet.ts";').map((to) => ({ from: "src/model/types.ts", to })),
      { from: "src/print/index.ts", to: "src/braille/label.ts" },
      { from: "src/content/load.ts", to: "src/model/types.ts" },
      { from: "src/reading/speech.ts", to: "src/braille/kana.ts" },
      { from: "src/braille/kana.ts", to: "src/reading/overrides.ts" },
    ];
    const kinds = checkImports(edges, folders).map((v) => `${v.kind}: ${v.message}`);
    expect(kinds).toEqual([
      "forbidden-folder: src/build/ must not exist: build output tools ignore folders of that name",
      "unknown-folder: src/utils/ has no import rule: add it to ALLOWED in test/architecture/imports.ts",
      "wrong-way: src/model/types.ts imports src/content/leaflet.ts: src/model/ may import only lib",
      "wrong-way: src/print/index.ts imports src/braille/label.ts: src/print/ may import only edition, reading, content, model, lib",
      "wrong-way: src/reading/speech.ts imports src/braille/kana.ts: src/reading/ may import only model, lib",
      "cycle: model → content → model",
      "cycle: braille → reading → braille",
    ]);
  });

  it("reads static imports, re-exports and dynamic imports", () => {
    const text = [
      'import type { A } from "../model/types.ts";',
      'export { b } from "./b.ts";',
      'const c = await import("../content/load.ts");',
      'import "node:fs";',
    ].join("\n");
    expect(importsOf("src/cli/main.ts", text)).toEqual(["src/model/types.ts", "src/cli/b.ts", "src/content/load.ts"]);
  });
});

describe("small modules", () => {
  it("no source file under src/ is over 500 lines", () => {
    const long: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.(ts|astro)$/.test(name) && !name.endsWith(".test.ts")) {
          const lines = readFileSync(file, "utf8").split("\n").length;
          if (lines > 500) long.push(`${path.relative(ROOT, file)}: ${lines} lines`);
        }
      }
    };
    walk(path.join(ROOT, "src"));
    expect(long).toEqual([]);
  });
});
