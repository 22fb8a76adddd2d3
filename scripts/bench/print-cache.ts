// Bench stage for the print cache: a no-change rebuild of the sample's PDFs, and of the 100-leaflet corpus after a
// one-word edit (one leaflet renders again, the others come from the cache).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadSite } from "../../src/content/load.ts";
import { templatesDirOf } from "../../src/edition/context.ts";
import type { SiteModel } from "../../src/model/types.ts";
import { tempContext } from "../../src/print/testing/context.ts";
import type { BenchContext, BenchStage } from "./harness.ts";

async function renderAll(site: SiteModel, cacheDir: string, root: string): Promise<number> {
  const { printRenderer } = await import("../../src/print/index.ts");
  const ctx = tempContext(site, { cacheDir, templatesDir: templatesDirOf(root) });
  const t0 = performance.now();
  try {
    await printRenderer.render(ctx);
    return performance.now() - t0;
  } finally {
    ctx.dispose();
  }
}

export default (async (ctx: BenchContext) => {
  const cache = mkdtempSync(path.join(ctx.scratch, "print-cache-"));
  const cold = await renderAll(ctx.sample, cache, ctx.root);
  ctx.row({ stage: "print-cache", corpus: "sample", metric: "all PDFs, empty cache", value: cold / 1000, unit: "s" });
  const warm = await renderAll(ctx.sample, cache, ctx.root);
  ctx.row({ stage: "print-cache", corpus: "sample", metric: "no-change rebuild (target < 5 s)", value: warm / 1000, unit: "s" });

  // The large corpus: fill the cache once (100 booklets: about 15 minutes on one core), edit one word, rebuild.
  if (process.env.BENCH_PRINT_LARGE !== "1") {
    process.stderr.write("bench: print-cache on the large corpus skipped; set BENCH_PRINT_LARGE=1 to run it\n");
    return;
  }
  const dir = mkdtempSync(path.join(ctx.scratch, "print-large-"));
  cpSync(path.join(ctx.scratch, "large"), dir, { recursive: true });
  const largeCache = mkdtempSync(path.join(ctx.scratch, "print-large-cache-"));
  const fill = await renderAll(ctx.large, largeCache, ctx.root);
  ctx.row({
    stage: "print-cache",
    corpus: "large",
    metric: `all PDFs of ${ctx.large.leaflets.length} leaflets, empty cache`,
    value: fill / 1000,
    unit: "s",
  });
  const file = path.join(dir, "content/leaflets/generated-050.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("市民の皆さまから", "市民のみなさまから"));
  const edited = await loadSite(dir);
  if (!edited.site) throw new Error("the edited corpus does not load");
  const t0 = performance.now();
  const again = await renderAll(edited.site, largeCache, ctx.root);
  ctx.row({
    stage: "print-cache",
    corpus: "large",
    metric: "rebuild after a one-word edit (target < 10 s)",
    value: (again || performance.now() - t0) / 1000,
    unit: "s",
  });
}) satisfies BenchStage;
