// Bench of the braille edition: translating the 62-question FAQ leaflet, dictionary load included,
// in a fresh child process so the time and peak memory are those of a real first build.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { BenchContext, BenchStage } from "./harness.ts";

const SLUG = "mynumber-faq";

interface ChildResult {
  questions: number;
  pages: number;
  coldMs: number;
  warmMs: number;
  dictionaryMs: number;
  maxRssMb: number;
}

/** Child side: load content, then time dictionary load + translation + layout of one leaflet. */
async function child(root: string): Promise<void> {
  const { loadSite } = await import("../../src/content/load.ts");
  const { renderLeafletBraille } = await import("../../src/braille/renderer.ts");
  const { analyzer } = await import("../../src/braille/analyzer.ts");
  const { listQuestions } = await import("../../src/model/walk.ts");
  const { site } = await loadSite(root);
  const leaflet = site?.leaflets.find((l) => l.slug === SLUG);
  if (!site || !leaflet) throw new Error(`bench: content/leaflets/${SLUG}.md is missing or has errors`);
  const t0 = performance.now();
  await analyzer();
  const dictionaryMs = performance.now() - t0;
  const { brailleLabel } = await import("../../src/braille/label.ts");
  const out = await renderLeafletBraille(leaflet, site, await brailleLabel(leaflet, site));
  const coldMs = performance.now() - t0;
  const t1 = performance.now();
  await renderLeafletBraille(leaflet, site, await brailleLabel(leaflet, site));
  const warmMs = performance.now() - t1;
  const result: ChildResult = {
    questions: listQuestions(leaflet).length,
    pages: out.pages,
    coldMs,
    warmMs,
    dictionaryMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(result));
}

export default (async (ctx: BenchContext) => {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, [self, "--child", ctx.root], { cwd: ctx.root, maxBuffer: 1 << 20 });
  const r = JSON.parse(stdout) as ChildResult;
  const row = (metric: string, value: number, unit: string) =>
    ctx.row({ stage: "braille", corpus: "sample", metric, value: Math.round(value * 10) / 10, unit });
  row(`${SLUG}: questions`, r.questions, "count");
  row(`${SLUG}: braille pages (32×22)`, r.pages, "count");
  row("dictionary load (kuromoji IPADIC)", r.dictionaryMs, "ms");
  row(`${SLUG}: translate + paginate, dictionary load included (target < 2000)`, r.coldMs, "ms");
  row(`${SLUG}: translate + paginate, dictionary loaded`, r.warmMs, "ms");
  row("peak resident memory of the process (target < 500)", r.maxRssMb, "MB");
}) satisfies BenchStage;

if (process.argv[2] === "--child") await child(process.argv[3] ?? process.cwd());
