// `npm run bench`: times each stage over the sample content and a generated large corpus, and prints a table.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSite } from "../src/content/load.ts";
import type { SiteModel } from "../src/model/types.ts";
import { listQuestions } from "../src/model/walk.ts";
import { writeCorpus } from "./bench/corpus.ts";
import type { BenchContext, BenchRow, BenchStage } from "./bench/harness.ts";

const root = path.resolve(import.meta.dirname, "..");
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
const failed: string[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), "leaflet-bench-"));

async function time<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

async function parseStage(dir: string, corpus: BenchRow["corpus"], runs: number): Promise<SiteModel> {
  const times: number[] = [];
  let site: SiteModel | null = null;
  for (let i = 0; i < runs; i++) {
    const { value, ms } = await time(() => loadSite(dir));
    if (!value.site) throw new Error(`the ${corpus} content has errors: run \`npm run check\``);
    site = value.site;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const questions = site!.leaflets.reduce((n, l) => n + listQuestions(l).length, 0);
  rows.push({ stage: "parse+validate", corpus, metric: "median time", value: times[Math.floor(times.length / 2)], unit: "ms" });
  rows.push({ stage: "parse+validate", corpus, metric: `questions in ${site!.leaflets.length} leaflets`, value: questions, unit: "" });
  return site!;
}

try {
  const sample = await parseStage(root, "sample", 7);
  const largeDir = writeCorpus(path.join(scratch, "large"), 100, 60, root);
  const large = await parseStage(largeDir, "large", 3);
  const ctx: BenchContext = { root, sample, large, scratch, row: (r) => rows.push(r) };
  const stages = readdirSync(path.join(root, "scripts/bench"))
    .filter((n) => n.endsWith(".ts") && !n.startsWith("_") && !["harness.ts", "corpus.ts", "print-measure.ts"].includes(n))
    .map((n) => n.replace(/\.ts$/, ""))
    .filter((n) => only.length === 0 || only.includes(n));
  for (const name of stages) {
    const file = path.join(root, "scripts/bench", `${name}.ts`);
    if (!existsSync(file)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    try {
      const stage = (await import(file)).default as BenchStage;
      await stage(ctx);
    } catch (error) {
      // One broken stage must not lose the figures the others measured.
      failed.push(name);
      process.stderr.write(`bench: the ${name} stage failed: ${(error as Error)?.stack ?? error}\n`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const header = ["stage", "corpus", "metric", "value", "unit"];
const table = rows.map((r) => [
  r.stage,
  r.corpus,
  r.metric,
  r.value < 10 && !Number.isInteger(r.value) ? r.value.toFixed(3) : Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(1),
  r.unit,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of table) console.log(line(row));
if (failed.length) {
  console.log(`\nfailed stages: ${failed.join(", ")}`);
  process.exitCode = 1;
}
