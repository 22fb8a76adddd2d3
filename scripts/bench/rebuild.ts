// Bench stage for the whole build: a full build of the sample with a warm cache, a rebuild with nothing changed,
// and a rebuild after a one-word edit in one leaflet, each with its time per edition and for the publish check.
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSite } from "../../src/pipeline/build.ts";
import type { BenchContext, BenchStage } from "./harness.ts";

export default (async (ctx: BenchContext) => {
  // A copy of the project's content (and templates) so the edit never touches content/; the real cache is shared.
  const root = join(ctx.scratch, "rebuild");
  cpSync(join(ctx.root, "content"), join(root, "content"), { recursive: true });
  if (existsSync(join(ctx.root, "templates"))) cpSync(join(ctx.root, "templates"), join(root, "templates"), { recursive: true });
  const cacheDir = join(ctx.root, ".cache");
  const run = async (label: string) => {
    const started = performance.now();
    const result = await buildSite({ root, cacheDir });
    const seconds = (performance.now() - started) / 1000;
    if (!result.ok) throw new Error(`the ${label} build failed: ${result.reason} ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
    ctx.row({ stage: "rebuild", corpus: "sample", metric: `${label}: total`, value: seconds, unit: "s" });
    for (const [edition, s] of Object.entries(result.seconds))
      ctx.row({ stage: "rebuild", corpus: "sample", metric: `${label}: ${edition}`, value: s, unit: "s" });
  };
  await run("first build (warm cache)");
  await run("no change");
  const file = join(root, "content/leaflets/mynumber-faq.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("住民票", "住民票（じゅうみんひょう）"));
  await run("one-word edit in the FAQ");
}) satisfies BenchStage;
