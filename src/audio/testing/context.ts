// A render context for the audio and reading tests: fresh temporary folders, artifacts and progress collected.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRenderContext } from "../../edition/context.ts";
import type { RenderContext } from "../../edition/contract.ts";
import type { SiteModel } from "../../model/types.ts";

/** A render context writing into fresh temporary folders (or the given cache), collecting artifacts and progress. */
export async function testContext(site: SiteModel, cacheDir?: string): Promise<RenderContext & { progress: string[] }> {
  const outDir = await mkdtemp(join(tmpdir(), "audio-out-"));
  const cache = cacheDir ?? (await mkdtemp(join(tmpdir(), "audio-cache-")));
  const progress: string[] = [];
  const log = { progress: (m: string) => progress.push(m), info: () => {}, warn: () => {} };
  return Object.assign(createRenderContext({ site, outDir, cacheDir: cache, log }), { progress });
}
