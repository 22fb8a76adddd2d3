// Synthesizing clips: one engine process per utterance, in parallel through the pool, each clip cached by
// everything that changes its sound, and a failed clip turned into a message that names its sentence.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { RenderError } from "../edition/contract.ts";
import { type ContentCache, hashKey } from "../lib/cache.ts";
import type { Pool } from "../lib/pool.ts";
import type { Leaflet } from "../model/types.ts";
import type { UnitScript, Utterance } from "../reading/speech.ts";
import { SynthesisError, type TtsEngine } from "./engine.ts";

/** Bump when what a cached clip or trace holds changes (the clips themselves are the engine's output, untouched). */
const CLIP_CACHE_VERSION = 1;

/** Cache key of a clip: everything that changes its sound. */
export function clipKey(engine: TtsEngine, text: string, speed: number, pitch: number): string {
  return hashKey({ v: CLIP_CACHE_VERSION, engine: engine.id, version: engine.version, voice: engine.voice, speed, pitch, text });
}

/** Cache key of an engine's analysis of a text (its reading does not depend on speed or pitch). */
export function traceKey(engine: TtsEngine, text: string): string {
  return hashKey({ v: CLIP_CACHE_VERSION, engine: engine.id, version: engine.version, text });
}

/** A job skipped because another one already failed; never the error reported. */
export class StoppedError extends Error {
  constructor() {
    super("stopped after an earlier failure");
  }
}

/** The first real failure among settled jobs (skipped jobs only report when nothing else failed). */
export function firstFailure(results: PromiseSettledResult<unknown>[]): unknown {
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
  return rejected.find((e) => !(e instanceof StoppedError)) ?? rejected[0];
}

export interface ClipResult {
  key: string;
  wav: string;
}

/** One clip to make: which engine, for which leaflet, unit and utterance. */
export interface ClipRequest {
  engine: TtsEngine;
  leaflet: Leaflet;
  unit: UnitScript;
  utterance: Utterance;
  index: number;
  speed: number;
}

/** Synthesizes clips once each (the same text at the same speed and pitch is one clip), from the cache when it can. */
export class ClipSynthesizer {
  private readonly jobs = new Map<string, Promise<ClipResult>>();
  /** Set by the first failure: clips not started yet are skipped. */
  failed = false;
  total = 0;
  done = 0;
  synthesized = 0;

  private readonly caches: { clips: ContentCache; traces: ContentCache };
  private readonly pool: Pool;
  private readonly onProgress: () => void;
  private readonly clipTimeoutMs?: number;

  constructor(caches: { clips: ContentCache; traces: ContentCache }, pool: Pool, onProgress: () => void, clipTimeoutMs?: number) {
    this.caches = caches;
    this.pool = pool;
    this.onProgress = onProgress;
    this.clipTimeoutMs = clipTimeoutMs;
  }

  /** The clip of one utterance, synthesized or from the cache. */
  clip(req: ClipRequest): Promise<ClipResult> {
    const { engine, utterance: utt, speed } = req;
    const key = clipKey(engine, utt.text, speed, utt.pitch);
    const existing = this.jobs.get(key);
    if (existing) return existing;
    this.total++;
    const job = (async (): Promise<ClipResult> => {
      const cached = await this.caches.clips.verified(key, "wav");
      if (cached) {
        this.done++;
        this.onProgress();
        return { key, wav: cached };
      }
      return this.pool.run(async () => {
        if (this.failed) throw new StoppedError();
        const tmpWav = await this.caches.clips.scratchPath(key, "wav");
        const tKey = traceKey(engine, utt.text);
        const tmpTrace = engine.analyze ? await this.caches.traces.scratchPath(tKey, "trace") : undefined;
        const timeoutMs = this.clipTimeoutMs ?? 30_000 + 500 * utt.text.length;
        let wav: string;
        try {
          await engine.synthesize({ text: utt.text, outWav: tmpWav, traceFile: tmpTrace, speed, pitch: utt.pitch, timeoutMs });
          if (tmpTrace && existsSync(tmpTrace)) await this.caches.traces.adopt(tKey, "trace", tmpTrace);
          wav = await this.caches.clips.adopt(key, "wav", tmpWav);
        } catch (err) {
          await rm(tmpWav, { force: true });
          if (tmpTrace) await rm(tmpTrace, { force: true });
          this.failed = true;
          throw clipError(req, err);
        }
        this.synthesized++;
        this.done++;
        this.onProgress();
        return { key, wav };
      });
    })();
    this.jobs.set(key, job);
    return job;
  }
}

/** What the audio calls a unit in messages. */
export function describeUnit(unit: UnitScript): string {
  return unit.kind === "intro" ? "the opening announcement" : unit.kind === "credits" ? "the credits" : `${unit.kind} "${unit.id}"`;
}

const HINTS: Record<SynthesisError["kind"], string> = {
  timeout: "the speech engine hung on this text: shorten the sentence or check the engine with `leaflet reading`",
  rejected: "the speech engine could not read this text: rephrase it or give the word a reading ({漢字|かんじ})",
  crashed: "the speech engine crashed on this text: try `leaflet reading` with the same text, and report it if it repeats",
  "bad-audio":
    "the speech engine or its voice is not working as the audio edition expects: run `leaflet doctor`, and check that the voice speaks at 48 kHz (settings audio.voice)",
};

/** A failed clip as a RenderError at the sentence's source line, with a hint for the kind of failure. */
export function clipError(req: Pick<ClipRequest, "leaflet" | "unit" | "utterance" | "index">, err: unknown): Error {
  if (!(err instanceof SynthesisError)) return err as Error;
  const { leaflet, unit, utterance: utt, index } = req;
  const said = utt.source || utt.text;
  const excerpt = said.length > 40 ? `${said.slice(0, 40)}…` : said;
  return new RenderError(
    `${leaflet.file}: speech synthesis failed in ${describeUnit(unit)}, clip ${index + 1} (「${excerpt}」): ${err.message}`,
    { leaflet, unitId: unit.id, pos: utt.pos, hint: HINTS[err.kind], cause: err },
  );
}
