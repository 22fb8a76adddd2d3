// A RenderContext that writes into a temporary folder, for renderer tests and the bench.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRenderContext } from "../../edition/context.ts";
import type { RenderContext } from "../../edition/contract.ts";
import type { SiteModel } from "../../model/types.ts";
import { createSharedServices } from "../../pipeline/shared.ts";

/**
 * A context over `site` whose outDir is a fresh temporary folder; `warnings` collects log.warn calls. A given
 * `cacheDir` is kept by dispose (benches reuse it); the default is a fresh one, removed with the context.
 */
export function tempContext(
  site: SiteModel,
  opts: { cacheDir?: string; templatesDir?: string } = {},
): RenderContext & { warnings: string[]; dispose(): void } {
  const outDir = mkdtempSync(path.join(tmpdir(), "render-out-"));
  const cacheDir = opts.cacheDir ?? mkdtempSync(path.join(tmpdir(), "render-cache-"));
  const warnings: string[] = [];
  const ctx = createRenderContext({
    site,
    outDir,
    cacheDir,
    templatesDir: opts.templatesDir,
    log: { progress() {}, info() {}, warn: (m) => warnings.push(m) },
    onReport: (r) => warnings.push(`${r.severity}: ${r.message}`),
    shared: createSharedServices(site),
  });
  return Object.assign(ctx, {
    warnings,
    dispose() {
      rmSync(outDir, { recursive: true, force: true });
      if (!opts.cacheDir) rmSync(cacheDir, { recursive: true, force: true });
    },
  });
}
