// The RenderContext every renderer gets: the build uses it, and so do renderer tests and benches.
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Leaflet, SiteModel } from "../model/types.ts";
import type { Artifact, Logger, RenderContext } from "./contract.ts";

export interface ContextOptions {
  site: SiteModel;
  /** The leaflets to render; default every leaflet of the site. */
  leaflets?: Leaflet[];
  /** The folder outputs go to (the build's temporary folder). */
  outDir: string;
  cacheDir: string;
  /** Artifacts already there (carried over from the last build); the context appends to this array. */
  artifacts?: Artifact[];
  log?: Logger;
}

/** Makes a render context over `outDir`: `emit` writes atomically, both `emit` and `record` keep one artifact per path. */
export function createRenderContext(opts: ContextOptions): RenderContext {
  const outDir = path.resolve(opts.outDir);
  const artifacts = opts.artifacts ?? [];
  const remember = (artifact: Artifact) => {
    const i = artifacts.findIndex((a) => a.path === artifact.path);
    if (i >= 0) artifacts.splice(i, 1);
    artifacts.push(artifact);
    return artifact;
  };
  return {
    site: opts.site,
    leaflets: opts.leaflets ?? opts.site.leaflets,
    outDir,
    cacheDir: opts.cacheDir,
    artifacts,
    log: opts.log ?? { progress() {}, info() {}, warn() {} },
    async emit(artifact, rel, data) {
      const file = safeJoin(outDir, rel);
      await mkdir(path.dirname(file), { recursive: true });
      const part = `${file}.part`;
      await writeFile(part, data);
      await rename(part, file);
      return remember({ ...artifact, path: rel, bytes: (await stat(file)).size });
    },
    async record(artifact) {
      const file = safeJoin(outDir, artifact.path);
      return remember({ ...artifact, bytes: (await stat(file)).size });
    },
  };
}

/** `dir/rel`, refusing a path that would leave `dir`. */
export function safeJoin(dir: string, rel: string): string {
  const file = path.resolve(dir, rel);
  if (!file.startsWith(dir + path.sep)) throw new Error(`output path escapes the build folder: ${rel}`);
  return file;
}
