// Bench of the braille edition: translating the 62-question FAQ leaflet, MeCab start included, in a fresh child
// process so the time and peak memory are those of a real first build (MeCab's own memory is reported apart:
// it is another process); then the rule corpus's figures per class.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { BenchContext, BenchStage } from "./harness.ts";

const require = createRequire(import.meta.url);

const SLUG = "mynumber-faq";

/** Resident memory of the MeCab child processes of this process, from /proc (0 where /proc is missing). */
function mecabRss(): number {
  try {
    const { readdirSync, readFileSync } = require("node:fs") as typeof import("node:fs");
    let kb = 0;
    for (const pid of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
      try {
        const stat = readFileSync(`/proc/${pid}/status`, "utf8");
        if (!/^Name:\s+mecab$/m.test(stat) || !new RegExp(`^PPid:\\s+${process.pid}$`, "m").test(stat)) continue;
        kb += Number(/^VmRSS:\s+(\d+)/m.exec(stat)?.[1] ?? 0);
      } catch {}
    }
    return kb / 1024;
  } catch {
    return 0;
  }
}

interface ChildResult {
  questions: number;
  pages: number;
  coldMs: number;
  warmMs: number;
  dictionaryMs: number;
  maxRssMb: number;
  mecabRssMb: number;
}

/** Child side: load content, then time dictionary load + translation + layout of one leaflet. */
async function child(root: string): Promise<void> {
  const { loadSite } = await import("../../src/content/load.ts");
  const { renderLeafletBraille } = await import("../../src/braille/renderer.ts");
  const { analyzeInlines } = await import("../../src/reading/analysis.ts");
  const { listQuestions } = await import("../../src/model/walk.ts");
  const { site } = await loadSite(root);
  const leaflet = site?.leaflets.find((l) => l.slug === SLUG);
  if (!site || !leaflet) throw new Error(`bench: content/leaflets/${SLUG}.md is missing or has errors`);
  const t0 = performance.now();
  await analyzeInlines("起動");
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
    mecabRssMb: mecabRss(),
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
  row("analyser start (MeCab with Open JTalk's naist-jdic)", r.dictionaryMs, "ms");
  row(`${SLUG}: translate + paginate, dictionary load included (target < 2000)`, r.coldMs, "ms");
  row(`${SLUG}: translate + paginate, dictionary loaded`, r.warmMs, "ms");
  row("peak resident memory of the process (target < 500)", r.maxRssMb, "MB");
  row("resident memory of the MeCab process", r.mecabRssMb, "MB");
  const { loadCorpus, scoreCorpus, CORPUS_DIR } = await import("../../src/braille/testing/corpus.ts");
  const { translate } = await import("../../src/braille/translate.ts");
  const { kanaToBrailleReport } = await import("../../src/braille/writer.ts");
  const path = await import("node:path");
  const scores = await scoreCorpus(
    loadCorpus(path.join(ctx.root, CORPUS_DIR)),
    (l) => translate(l),
    (k) => kanaToBrailleReport(k).braille,
  );
  for (const s of scores.rule) {
    const pct = (n: number) => Math.round((1000 * n) / s.rows) / 10;
    ctx.row({
      stage: "braille corpus",
      corpus: "sample",
      metric: `${s.class}: text → braille (${s.rows} rows)`,
      value: pct(s.braille),
      unit: "%",
    });
    ctx.row({ stage: "braille corpus", corpus: "sample", metric: `${s.class}: text → spaced kana`, value: pct(s.kana), unit: "%" });
    ctx.row({ stage: "braille corpus", corpus: "sample", metric: `${s.class}: kana → cells`, value: pct(s.cells), unit: "%" });
  }
}) satisfies BenchStage;

if (process.argv[2] === "--child") await child(process.argv[3] ?? process.cwd());
