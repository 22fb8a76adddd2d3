// Bench stage for the print edition: per PDF its render time, size and the peak memory of the process that made it.
// Each leaflet renders in a fresh Node process (the model is passed on stdin), so the peak is that render's own.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { SiteModel } from "../../src/model/types.ts";
import type { BenchContext, BenchStage } from "./harness.ts";
import type { PrintMeasure } from "./print-measure.ts";

function measure(root: string, site: SiteModel, slug: string): PrintMeasure {
  const one = { ...site, leaflets: site.leaflets.filter((l) => l.slug === slug) };
  const out = execFileSync(process.execPath, [path.join(root, "scripts/bench/print-measure.ts"), slug], {
    input: JSON.stringify(one),
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["pipe", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop()!) as PrintMeasure;
}

export default (async (ctx: BenchContext) => {
  for (const leaflet of ctx.sample.leaflets) {
    const m = measure(ctx.root, ctx.sample, leaflet.slug);
    const row = (metric: string, value: number, unit: string) =>
      ctx.row({ stage: "print", corpus: "sample", metric: `${m.slug} ${metric}`, value, unit });
    row("pages", m.pages, "");
    row("office PDF render", m.officeMs, "ms");
    row("office PDF size", m.officeBytes / 1024, "KB");
    row("print-shop PDF render", m.printMs, "ms");
    row("print-shop PDF size", m.printBytes / 1024, "KB");
    row("peak memory (both PDFs)", m.peakRss / (1024 * 1024), "MB");
  }
  // A few leaflets of the generated corpus: 60 questions each, like the booklet.
  const few = ctx.large.leaflets.slice(0, 3);
  const times: number[] = [];
  for (const leaflet of few) {
    const m = measure(ctx.root, ctx.large, leaflet.slug);
    times.push(m.officeMs + m.printMs);
    ctx.row({
      stage: "print",
      corpus: "large",
      metric: `${m.slug} both PDFs render (${m.pages} pages)`,
      value: m.officeMs + m.printMs,
      unit: "ms",
    });
  }
  if (times.length > 0)
    ctx.row({
      stage: "print",
      corpus: "large",
      metric: `mean per leaflet over ${times.length}`,
      value: times.reduce((a, b) => a + b, 0) / times.length,
      unit: "ms",
    });
}) satisfies BenchStage;
