import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { captureIO, fingerprint, scratchProjects } from "../../test/helpers.ts";
import { main } from "../cli/main.ts";
import { loadSite } from "../content/load.ts";
import { type RenderContext, RenderError, type Renderer } from "../edition/contract.ts";
import { layout } from "../edition/layout.ts";
import { buildSite } from "./build.ts";
import { OUTPUT_MARKER } from "./output.ts";

const project = scratchProjects();

/** A renderer writing one small file per leaflet, as a real edition would. */
function writing(edition: "print" | "braille", text: string): Renderer & { seen: RenderContext[] } {
  const seen: RenderContext[] = [];
  return {
    edition,
    seen,
    async render(ctx) {
      seen.push(ctx);
      for (const l of ctx.leaflets) {
        const rel = edition === "print" ? layout.pdf(l.slug) : layout.brailleText(l.slug);
        await ctx.emit({ edition, kind: edition === "print" ? "pdf" : "braille-text", slug: l.slug }, rel, `${text} ${l.title}`);
      }
    },
  };
}

const failing: Renderer = {
  edition: "braille",
  async render(ctx) {
    await ctx.emit({ edition: "braille", kind: "brf", slug: "card-pickup" }, "card-pickup/braille/half.brf", "half written");
    throw new RenderError("the label is too long", { leaflet: ctx.leaflets[0], unitId: "counters" });
  },
};

describe("buildSite", () => {
  it("hands every renderer the parsed model and swaps the finished build into dist/", async () => {
    const root = project();
    const print = writing("print", "v1");
    const result = await buildSite({ root, editions: ["print"], renderers: { print } });
    expect(result.ok).toBe(true);
    const model = await loadSite(root);
    expect(print.seen[0].site).toEqual(model.site);
    expect(print.seen[0].leaflets.map((l) => l.slug)).toEqual(["card-pickup"]);
    expect(readFileSync(path.join(root, "dist/card-pickup/card-pickup.pdf"), "utf8")).toBe("v1 マイナンバーカードの受け取り");
    const manifest = JSON.parse(readFileSync(path.join(root, "dist/manifest.json"), "utf8"));
    expect(manifest.units).toEqual({ "card-pickup": ["counters", "q28", "q29", "dialogue"] });
    expect(manifest.artifacts).toEqual([
      {
        edition: "print",
        kind: "pdf",
        slug: "card-pickup",
        path: "card-pickup/card-pickup.pdf",
        bytes: Buffer.byteLength("v1 マイナンバーカードの受け取り"),
      },
    ]);
    expect(readdirSync(root).filter((n) => n.startsWith("dist."))).toEqual([]);
  });

  it("leaves the last good dist/ untouched and no temporary folder when a renderer throws", async () => {
    const root = project();
    await buildSite({ root, editions: ["print"], renderers: { print: writing("print", "good") } });
    const before = fingerprint(path.join(root, "dist"));
    const content = fingerprint(path.join(root, "content"));
    const result = await buildSite({
      root,
      editions: ["print", "braille"],
      renderers: { print: writing("print", "new"), braille: failing },
    });
    expect(result).toMatchObject({ ok: false, reason: "render", edition: "braille" });
    expect(fingerprint(path.join(root, "dist"))).toBe(before);
    expect(fingerprint(path.join(root, "content"))).toBe(content);
    expect(readdirSync(root).filter((n) => n.startsWith("dist."))).toEqual([]);
  });

  it("keeps other editions' files from the last build when only some editions are rebuilt", async () => {
    const root = project();
    await buildSite({
      root,
      editions: ["print", "braille"],
      renderers: { print: writing("print", "v1"), braille: writing("braille", "b1") },
    });
    const result = await buildSite({ root, editions: ["print"], renderers: { print: writing("print", "v2") } });
    expect(result.ok).toBe(true);
    expect(readFileSync(path.join(root, "dist/card-pickup/card-pickup.pdf"), "utf8")).toMatch(/^v2 /);
    expect(readFileSync(path.join(root, "dist/card-pickup/braille/card-pickup.txt"), "utf8")).toMatch(/^b1 /);
    if (result.ok) expect(result.artifacts.map((a) => a.kind).sort()).toEqual(["braille-text", "pdf"]);
  });

  it("warns when a rebuild drops a section id that printed codes may point at", async () => {
    const root = project();
    await buildSite({ root, editions: ["print"], renderers: { print: writing("print", "v1") } });
    const file = path.join(root, "content/leaflets/card-pickup.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("{#counters}", "{#windows}"));
    const warnings: string[] = [];
    const log = { progress() {}, info() {}, warn: (m: string) => warnings.push(m) };
    await buildSite({ root, editions: ["print"], renderers: { print: writing("print", "v2") }, log });
    expect(warnings).toEqual([
      "card-pickup: #counters no longer exist: printed codes pointing there will land on the top of the page (keep the old {#id} if a section was renamed)",
    ]);
  });

  it("does not build at all when the content has errors", async () => {
    const root = project();
    writeFileSync(path.join(root, "content/leaflets/bad.md"), "---\ntitle: 題名\n---\n");
    const print = writing("print", "v1");
    const result = await buildSite({ root, editions: ["print"], renderers: { print } });
    expect(result).toMatchObject({ ok: false, reason: "content" });
    expect(print.seen).toEqual([]);
    expect(existsSync(path.join(root, "dist"))).toBe(false);
  });
});

describe("leaflet build (CLI)", () => {
  it("exits 4 with a file:line:col message when an edition fails, keeping dist/", async () => {
    const root = project();
    await mkdir(path.join(root, "dist"));
    await writeFile(path.join(root, "dist/index.html"), "last good build");
    await writeFile(path.join(root, "dist", OUTPUT_MARKER), "{}\n");
    const io = captureIO();
    const code = await main(["build", "--edition", "print,braille"], io, root, { print: writing("print", "x"), braille: failing });
    expect(code).toBe(4);
    expect(io.err()).toContain("content/leaflets/card-pickup.md:1:1 error: braille (counters): the label is too long");
    expect(io.err()).toContain("The previous dist/ was left as it was.");
    expect(readFileSync(path.join(root, "dist/index.html"), "utf8")).toBe("last good build");
  });

  it("exits 2 on an unknown edition or leaflet", async () => {
    const root = project();
    const io = captureIO();
    expect(await main(["build", "--edition", "video"], io, root)).toBe(2);
    expect(io.err()).toContain('unknown edition "video"');
    expect(await main(["build", "--leaflet", "nope"], io, root, { print: writing("print", "x") })).toBe(2);
    expect(io.err()).toContain("no leaflet with slug nope (the slugs are: card-pickup)");
  });
});
