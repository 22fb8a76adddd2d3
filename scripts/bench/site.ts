// Bench stage for the website edition: Astro build time, and page weight (HTML, plus the shared stylesheet).
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createRenderContext } from "../../src/edition/context.ts";
import type { RenderContext } from "../../src/edition/contract.ts";
import { layout } from "../../src/edition/layout.ts";
import type { SiteModel } from "../../src/model/types.ts";
import { siteRenderer } from "../../src/site/index.ts";
import type { BenchContext, BenchStage } from "./harness.ts";

/** A render context over a scratch folder with no other editions: the site alone is measured. */
function contextFor(site: SiteModel, outDir: string, cacheDir: string): RenderContext {
  return createRenderContext({ site, outDir, cacheDir });
}

export default (async (ctx: BenchContext) => {
  for (const corpus of ["sample", "large"] as const) {
    const site = ctx[corpus];
    const outDir = join(ctx.scratch, `site-${corpus}`);
    await mkdir(outDir, { recursive: true });
    const rc = contextFor(site, outDir, join(ctx.scratch, "site-cache"));
    const started = performance.now();
    await siteRenderer.render(rc);
    const seconds = (performance.now() - started) / 1000;
    const pages = rc.artifacts.filter((a) => a.kind === "page");
    const css = (await readFile(join(outDir, "_site", "site.css"))).byteLength;
    const html = pages.map((p) => p.bytes);
    const mean = html.reduce((s, b) => s + b, 0) / Math.max(1, html.length);
    const index = pages.find((p) => p.path === layout.index())?.bytes ?? 0;
    ctx.row({ stage: "site", corpus, metric: "build time", value: seconds, unit: "s" });
    ctx.row({ stage: "site", corpus, metric: "pages", value: pages.length, unit: "pages" });
    ctx.row({ stage: "site", corpus, metric: "build time per page", value: (seconds * 1000) / Math.max(1, pages.length), unit: "ms" });
    ctx.row({ stage: "site", corpus, metric: "HTML+CSS per page (mean)", value: mean + css, unit: "bytes" });
    ctx.row({ stage: "site", corpus, metric: "HTML+CSS per page (max)", value: Math.max(...html) + css, unit: "bytes" });
    ctx.row({ stage: "site", corpus, metric: "index HTML", value: index, unit: "bytes" });
    ctx.row({ stage: "site", corpus, metric: "shared CSS", value: css, unit: "bytes" });
  }
}) satisfies BenchStage;
