// The morphological analyser (kuromoji with IPADIC), loaded once per process on first use.
import { createRequire } from "node:module";
import path from "node:path";
import { type IpadicFeatures, TokenizerBuilder } from "@patdx/kuromoji";
import NodeDictionaryLoader from "@patdx/kuromoji/node";

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
  pending ??= new TokenizerBuilder({ loader: new NodeDictionaryLoader({ dic_path: dictionaryPath() }) }).build().catch((err: unknown) => {
    pending = undefined;
    throw new Error(`could not load the kuromoji dictionary from ${dictionaryPath()}: ${(err as Error).message}`, { cause: err });
  });
  return pending;
}
