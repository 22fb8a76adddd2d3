// The morphological analyser (kuromoji with IPADIC), loaded once per process on first use.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { type IpadicFeatures, type LoaderConfig, TokenizerBuilder } from "@patdx/kuromoji";

export type Token = IpadicFeatures;

interface Analyzer {
  tokenize(text: string): Token[];
}

let pending: Promise<Analyzer> | undefined;

/** Folder of the IPADIC files shipped inside the @patdx/kuromoji package. */
export function dictionaryPath(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its entry points, so locate it through package.json's folder.
  const entry = require.resolve("@patdx/kuromoji");
  return path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}build${path.sep}`)), "dict");
}

/** The shared analyser; the dictionary (≈0.7–1.5 s, ≈400 MB) is read on the first call only. */
export function analyzer(): Promise<Analyzer> {
  pending ??= new TokenizerBuilder({ loader: lowMemoryLoader(dictionaryPath()) }).build().catch((err: unknown) => {
    pending = undefined;
    throw new Error(`could not load the kuromoji dictionary from ${dictionaryPath()}: ${(err as Error).message}`, { cause: err });
  });
  return pending;
}

/**
 * Reads the gzipped dictionary files one at a time and hands over the decompressed bytes
 * without copying. The package's own loader inflates all twelve files at once and copies each
 * result, which pushes the peak memory of a build past 500 MB.
 */
function lowMemoryLoader(dir: string): LoaderConfig {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    loadArrayBuffer(file: string): Promise<ArrayBufferLike> {
      const next = queue.then(async () => {
        const bytes = gunzipSync(await readFile(path.join(dir, file)));
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        return whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
