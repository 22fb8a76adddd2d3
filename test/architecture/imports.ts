// The architecture rules as code: which top-level folder of src/ may import which, checked on the real imports.
// cli → pipeline → editions → reading / edition contract / content → model → lib, and nothing the other way.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The editions: renderers of the model. None may import another. */
export const EDITION_FOLDERS = ["codes", "print", "audio", "braille", "site", "talkingbook"] as const;

const BELOW_EDITIONS = ["edition", "reading", "content", "model", "lib"];

/** For each folder of src/, the folders its (non-test) files may import from. */
export const ALLOWED: Record<string, readonly string[]> = {
  lib: [],
  model: ["lib"],
  content: ["model", "lib"],
  edition: ["model", "lib"],
  reading: ["model", "lib"],
  ...Object.fromEntries(EDITION_FOLDERS.map((e) => [e, BELOW_EDITIONS])),
  pipeline: [...EDITION_FOLDERS, ...BELOW_EDITIONS],
  cli: ["pipeline", ...EDITION_FOLDERS, ...BELOW_EDITIONS],
};

/** One import edge between files: `from` imports `to` (both relative to the project root). */
export interface ImportEdge {
  from: string;
  to: string;
}

export interface Violation {
  kind: "wrong-way" | "unknown-folder" | "cycle" | "forbidden-folder";
  message: string;
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/** The relative imports of one source text (static, re-exports and dynamic `import()`), resolved to root-relative paths. */
export function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2];
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
  }
  return out;
}

/** The top-level folder of src/ a root-relative path is in, or undefined outside src/. */
export function folderOf(file: string): string | undefined {
  const parts = file.split("/");
  return parts[0] === "src" && parts.length > 2 ? parts[1] : undefined;
}

/** Every rule broken by these edges: wrong-way imports, folders without a rule, cycles between folders. */
export function checkImports(edges: ImportEdge[], folders: string[]): Violation[] {
  const violations: Violation[] = [];
  for (const f of folders) {
    if (f === "build")
      violations.push({ kind: "forbidden-folder", message: "src/build/ must not exist: build output tools ignore folders of that name" });
    else if (!(f in ALLOWED))
      violations.push({
        kind: "unknown-folder",
        message: `src/${f}/ has no import rule: add it to ALLOWED in test/architecture/imports.ts`,
      });
  }
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
    if (a in ALLOWED && !ALLOWED[a].includes(b)) {
      violations.push({
        kind: "wrong-way",
        message: `${e.from} imports ${e.to}: src/${a}/ may import only ${ALLOWED[a].join(", ") || "nothing in src/"}`,
      });
    }
  }
  for (const cycle of folderCycles(graph)) violations.push({ kind: "cycle", message: cycle.join(" → ") });
  return violations;
}

/** Cycles in the folder graph, each as a path that returns to its start (found by depth-first search). */
function folderCycles(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const key = (c: string[]) => [...c.slice(0, -1)].sort().join(",");
  const visit = (node: string, stack: string[]) => {
    if (stack.includes(node)) {
      const cycle = [...stack.slice(stack.indexOf(node)), node];
      if (!seen.has(key(cycle))) {
        seen.add(key(cycle));
        cycles.push(cycle);
      }
      return;
    }
    for (const next of graph.get(node) ?? []) visit(next, [...stack, node]);
  };
  for (const node of graph.keys()) visit(node, []);
  return cycles;
}

/** The import edges of every non-test source file under src/ (TypeScript and Astro). */
export function sourceEdges(root: string): { edges: ImportEdge[]; folders: string[] } {
  const edges: ImportEdge[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) {
        if (name !== "testing") walk(rel);
      } else if (/\.(ts|tsx|astro|mjs)$/.test(name) && !/\.test\.ts$/.test(name)) {
        for (const to of importsOf(rel, readFileSync(path.join(root, rel), "utf8"))) edges.push({ from: rel, to });
      }
    }
  };
  walk("src");
  const folders = readdirSync(path.join(root, "src")).filter((n) => statSync(path.join(root, "src", n)).isDirectory());
  return { edges, folders };
}
