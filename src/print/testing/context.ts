// A RenderContext that writes into a temporary folder, for renderer tests and the bench.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Artifact, RenderContext } from "../../build/renderer.ts";
import type { SiteModel } from "../../model/types.ts";

/** A context over `site` whose outDir is a fresh temporary folder; `warnings` collects log.warn calls. */
export function tempContext(site: SiteModel): RenderContext & { warnings: string[]; dispose(): void } {
  const outDir = mkdtempSync(path.join(tmpdir(), "render-out-"));
  const cacheDir = mkdtempSync(path.join(tmpdir(), "render-cache-"));
  const artifacts: Artifact[] = [];
  const warnings: string[] = [];
  const record = async (a: Omit<Artifact, "bytes">) => {
    const full = { ...a, bytes: statSync(path.join(outDir, a.path)).size };
    artifacts.push(full);
    return full;
  };
  return {
    site,
    leaflets: site.leaflets,
    outDir,
    cacheDir,
    artifacts,
    warnings,
    async emit(a, rel, data) {
      const file = path.join(outDir, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, data);
      return record({ ...a, path: rel });
    },
    record,
    log: { progress() {}, info() {}, warn: (m) => warnings.push(m) },
    dispose() {
      rmSync(outDir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
