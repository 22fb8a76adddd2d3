// The audio edition: one MP3 per section/question and one whole-leaflet MP3 with ID3 tags and chapters.
// Clips are synthesized in parallel and cached by content; units are normalised to −18 LUFS and cached as MP3;
// the whole-leaflet file is the units' MP3 frames joined without re-encoding, so an edit redoes one unit only.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { MissingToolError, type RenderContext, RenderError, type Renderer } from "../edition/contract.ts";
import { layout } from "../edition/layout.ts";
import { produceAtomic, tempPath } from "../lib/atomic.ts";
import { ContentCache, type DamagedHandler, hashKey } from "../lib/cache.ts";
import { Pool } from "../lib/pool.ts";
import { runProcess } from "../lib/process.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";
import { type LeafletScript, leafletScript, type SpeakerNameMode, type UnitScript, type Utterance } from "../reading/speech.ts";
import { type DetectOptions, EngineUnavailableError, resolveEngine, SynthesisError, type TtsEngine } from "./engine.ts";
import { mp3Frames } from "./mp3.ts";
import { NormalizeWorkers } from "./normalize.ts";

export type { EngineStatus, TtsEngine } from "./engine.ts";
export { describeEngineStatus, detectEngines, EngineUnavailableError, resolveEngine } from "./engine.ts";

/** Output format and loudness targets of the audio edition. */
export const AUDIO_FORMAT = {
  sampleRate: 44100,
  bitrateKbps: 64,
  targetLufs: -18,
  /** Loudness the 64 kbps encoder's low-pass takes away (measured: 0.4–0.6 LU on this voice), added back before encoding. */
  codecLossLu: 0.5,
  /** Sample-peak ceiling of the limiter; leaves room for inter-sample peaks so true peak stays ≤ −1.5 dBTP. */
  limiterDbfs: -2.5,
  leadSilenceMs: 300,
  /** Silence at the end of each unit file: the pause between sections in the whole-leaflet file. */
  tailSilenceMs: 1000,
} as const;

const CACHE_VERSION = 1;
const INTERNAL_RATE = 48000;

export interface AudioOptions {
  /** Use this engine instead of detecting one from the settings (tests, benchmarks). */
  engine?: TtsEngine;
  /** Where to look for engines. */
  detect?: DetectOptions;
  /** Time limit per clip; default 30 s plus half a second per character. */
  clipTimeoutMs?: number;
  /** Processes at a time; default every core. */
  concurrency?: number;
}

/** What a render did, for tests, the bench and the build log. */
export interface AudioStats {
  clips: number;
  clipsSynthesized: number;
  unitsEncoded: number;
  unitFiles: number;
  leafletFiles: number;
  audioSeconds: number;
}

interface ClipResult {
  key: string;
  wav: string;
}

interface PartResult {
  script: UnitScript;
  mp3: string;
  durationSeconds: number;
  frames: number;
}

/** A job skipped because another one already failed; never the error reported. */
class StoppedError extends Error {
  constructor() {
    super("stopped after an earlier failure");
  }
}

/** The first real failure among settled jobs (skipped jobs only report when nothing else failed). */
function firstFailure(results: PromiseSettledResult<unknown>[]): unknown {
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
  return rejected.find((e) => !(e instanceof StoppedError)) ?? rejected[0];
}

/** The audio edition's caches: synthesized clips, the engine's analyses of texts, and encoded units. */
export function audioCaches(cacheDir: string, onDamaged?: DamagedHandler) {
  return {
    clips: new ContentCache(cacheDir, "audio/clips", onDamaged),
    traces: new ContentCache(cacheDir, "audio/traces", onDamaged),
    units: new ContentCache(cacheDir, "audio/units", onDamaged),
  };
}

/** Cache key of a clip: everything that changes its sound. */
export function clipKey(engine: TtsEngine, text: string, speed: number, pitch: number): string {
  return hashKey({ v: CACHE_VERSION, engine: engine.id, version: engine.version, voice: engine.voice, speed, pitch, text });
}

/** Cache key of an engine's analysis of a text (its reading does not depend on speed or pitch). */
export function traceKey(engine: TtsEngine, text: string): string {
  return hashKey({ v: CACHE_VERSION, engine: engine.id, version: engine.version, text });
}

/** Copies a cached file into the output: never a link, so the published build shares no storage with the cache. */
async function placeFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const tmp = tempPath(to);
  try {
    await copyFile(from, tmp);
    await rename(tmp, to);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** The engine settings of a leaflet: settings.audio, overridden by the leaflet's audio. */
export function leafletAudioSettings(
  site: SiteModel,
  leaflet: Leaflet,
): { engine: "auto" | "openjtalk" | "say"; voice?: string; speed: number } {
  return {
    engine: site.settings.audio.engine,
    voice: leaflet.audio.voice ?? site.settings.audio.voice,
    speed: leaflet.audio.speed ?? site.settings.audio.speed ?? 1,
  };
}

/** How dialogue lines are introduced, from settings.audio.speakerNames (default: every line). */
export function speakerNameMode(site: SiteModel): SpeakerNameMode {
  return site.settings.audio.speakerNames;
}

/** Renders the audio edition of ctx.leaflets; returns what was synthesized and encoded. */
export async function renderAudioEdition(ctx: RenderContext, opts: AudioOptions = {}): Promise<AudioStats> {
  const cache = audioCaches(ctx.cacheDir, (m) => ctx.log.warn(`audio: ${m}`));
  const pool = new Pool(opts.concurrency);
  const normalizer = new NormalizeWorkers(pool.size);
  const stats: AudioStats = { clips: 0, clipsSynthesized: 0, unitsEncoded: 0, unitFiles: 0, leafletFiles: 0, audioSeconds: 0 };
  const engines = new Map<string, Promise<TtsEngine>>();
  const engineFor = (leaflet: Leaflet, speakerVoice?: string): Promise<TtsEngine> => {
    if (opts.engine) return Promise.resolve(opts.engine);
    const s = leafletAudioSettings(ctx.site, leaflet);
    const voice = speakerVoice ?? s.voice;
    const id = `${s.engine}|${voice ?? ""}`;
    if (!engines.has(id)) engines.set(id, resolveEngine({ engine: s.engine, voice }, opts.detect));
    return engines.get(id)!;
  };
  // A speaker with a voice of their own is spoken by an engine set up with that voice.
  const voicesOf = async (leaflet: Leaflet, engine: TtsEngine, utterances: Utterance[]): Promise<TtsEngine[]> =>
    Promise.all(utterances.map((u) => (u.voice ? engineFor(leaflet, u.voice) : engine)));

  let failed = false;
  let clipsDone = 0;
  let clipsTotal = 0;
  let lastProgress = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < 250) return;
    lastProgress = now;
    ctx.log.progress(
      `audio: ${clipsDone}/${clipsTotal} clips (${stats.clipsSynthesized} synthesized, ${clipsDone - stats.clipsSynthesized} from cache)`,
    );
  };

  const clipJobs = new Map<string, Promise<ClipResult>>();
  const synthesizeClip = (engine: TtsEngine, leaflet: Leaflet, unit: UnitScript, utt: Utterance, index: number): Promise<ClipResult> => {
    const speed = leafletAudioSettings(ctx.site, leaflet).speed;
    const key = clipKey(engine, utt.text, speed, utt.pitch);
    const existing = clipJobs.get(key);
    if (existing) return existing;
    clipsTotal++;
    const job = (async (): Promise<ClipResult> => {
      const cached = await cache.clips.verified(key, "wav");
      if (cached) {
        clipsDone++;
        progress();
        return { key, wav: cached };
      }
      return pool.run(async () => {
        if (failed) throw new StoppedError();
        const tmpWav = await cache.clips.scratchPath(key, "wav");
        const tKey = traceKey(engine, utt.text);
        const tmpTrace = engine.analyze ? await cache.traces.scratchPath(tKey, "trace") : undefined;
        const timeoutMs = opts.clipTimeoutMs ?? 30_000 + 500 * utt.text.length;
        let wav: string;
        try {
          await engine.synthesize({ text: utt.text, outWav: tmpWav, traceFile: tmpTrace, speed, pitch: utt.pitch, timeoutMs });
          if (tmpTrace && existsSync(tmpTrace)) await cache.traces.adopt(tKey, "trace", tmpTrace);
          wav = await cache.clips.adopt(key, "wav", tmpWav);
        } catch (err) {
          await rm(tmpWav, { force: true });
          if (tmpTrace) await rm(tmpTrace, { force: true });
          failed = true;
          throw clipError(leaflet, unit, utt, index, err);
        }
        stats.clipsSynthesized++;
        clipsDone++;
        progress();
        return { key, wav };
      });
    })();
    clipJobs.set(key, job);
    return job;
  };

  const renderPart = async (
    engine: TtsEngine,
    leaflet: Leaflet,
    unit: UnitScript,
    // No track number: inserting a question would otherwise change, and re-encode, every unit after it.
    meta: { album: string; artist: string },
  ) => {
    const speed = leafletAudioSettings(ctx.site, leaflet).speed;
    const voiced = await voicesOf(leaflet, engine, unit.utterances);
    const encodeKey = hashKey({
      v: CACHE_VERSION,
      format: AUDIO_FORMAT,
      clips: unit.utterances.map((u, i) => clipKey(voiced[i], u.text, speed, u.pitch)),
      pauses: unit.utterances.map((u) => u.pauseAfterMs),
      tags: { title: unit.title, ...meta },
    });
    // A unit already encoded needs none of its clips: they are looked at only when the unit must be made again.
    let mp3 = await cache.units.verified(encodeKey, "mp3");
    let infoText = mp3 ? await cache.units.getText(encodeKey, "json") : undefined;
    if (!mp3 || !infoText) {
      // Wait for every clip, failed or not, so no engine process outlives the render.
      const settledClips = await Promise.allSettled(unit.utterances.map((u, i) => synthesizeClip(voiced[i], leaflet, unit, u, i)));
      const clipFailure = firstFailure(settledClips);
      if (clipFailure) throw clipFailure;
      const clips = settledClips.map((r) => (r as PromiseFulfilledResult<ClipResult>).value);
      await pool.run(async () => {
        if (failed) throw new StoppedError();
        const { pcm } = await normalizer.run({
          wavs: clips.map((c) => c.wav),
          pausesMs: unit.utterances.map((u) => u.pauseAfterMs),
          leadMs: AUDIO_FORMAT.leadSilenceMs,
          tailMs: AUDIO_FORMAT.tailSilenceMs,
          sampleRate: INTERNAL_RATE,
          targetLufs: AUDIO_FORMAT.targetLufs + AUDIO_FORMAT.codecLossLu,
          ceilingDbfs: AUDIO_FORMAT.limiterDbfs,
          maxGainDb: 20,
        });
        try {
          mp3 = await cache.units.putFile(encodeKey, "mp3", (tmp) =>
            encodeMp3(pcm, tmp, { title: unit.title, album: meta.album, artist: meta.artist }),
          );
        } catch (err) {
          failed = true;
          throw new RenderError(`Could not encode the audio of "${unit.title}" (${unit.id}): ${(err as Error).message}`, {
            leaflet,
            unitId: unit.id,
            pos: unit.pos,
            hint: "check that ffmpeg with libmp3lame is installed (`leaflet doctor`)",
            cause: err,
          });
        }
        const frames = mp3Frames(await readFile(mp3)).frames;
        infoText = JSON.stringify({ durationSeconds: pcm.length / INTERNAL_RATE, frames });
        await cache.units.put(encodeKey, "json", infoText);
        stats.unitsEncoded++;
        // Encoding jumps the queue: a unit is finished while other clips are still being synthesized, not all at the end.
      }, true);
    }
    if (!mp3 || !infoText) throw new Error(`the unit ${unit.id} was not encoded`);
    const info = JSON.parse(infoText) as { durationSeconds: number; frames: number };
    return { script: unit, mp3, durationSeconds: info.durationSeconds, frames: info.frames } satisfies PartResult;
  };

  const renderLeaflet = async (leaflet: Leaflet) => {
    let engine: TtsEngine;
    try {
      engine = await engineFor(leaflet);
    } catch (err) {
      if (err instanceof EngineUnavailableError)
        throw new MissingToolError(err.message, { leaflet, pos: leaflet.pos, hint: "run `leaflet doctor`", cause: err });
      throw err;
    }
    const script: LeafletScript = await leafletScript(leaflet, { lexicon: ctx.site.lexicon, speakerNames: speakerNameMode(ctx.site) });
    // The artist tag names who publishes the recording: the leaflet's issuer, else the site's publisher.
    const meta = { album: leaflet.title, artist: leaflet.issuer ?? ctx.site.settings.issuer };
    const partJobs: Promise<PartResult>[] = [renderPart(engine, leaflet, script.intro, meta)];
    for (const u of script.units) partJobs.push(renderPart(engine, leaflet, u, meta));
    // The contact and the information date close the leaflet, before the credits.
    if (script.closing) partJobs.push(renderPart(engine, leaflet, script.closing, meta));
    if (engine.credit) {
      const credits: UnitScript = {
        id: "credits",
        kind: "credits",
        title: "クレジット",
        pos: leaflet.pos,
        utterances: [
          {
            text: engine.credit.spoken,
            source: engine.credit.text,
            pitch: 0,
            pauseAfterMs: 500,
            pos: leaflet.pos,
            id: "_credits--h-s0",
            role: "announcement",
            path: "h",
          },
        ],
      };
      partJobs.push(renderPart(engine, leaflet, credits, meta));
    }
    const settled = await Promise.allSettled(partJobs);
    const failure = firstFailure(settled);
    if (failure) throw failure;
    const parts = settled.map((s) => (s as PromiseFulfilledResult<PartResult>).value);

    for (const part of parts) {
      if (part.script.kind !== "section" && part.script.kind !== "question") continue;
      const path = layout.unitAudio(leaflet.slug, part.script.id);
      await placeFile(part.mp3, join(ctx.outDir, path));
      await ctx.record({
        edition: "audio",
        kind: "audio-unit",
        slug: leaflet.slug,
        unitId: part.script.id,
        path,
        durationSeconds: round(part.durationSeconds),
      });
      stats.unitFiles++;
    }
    const whole = layout.leafletAudio(leaflet.slug);
    const total = await joinLeaflet(parts, join(ctx.outDir, whole), leaflet, engine, meta.artist);
    await ctx.record({
      edition: "audio",
      kind: "audio-leaflet",
      slug: leaflet.slug,
      path: whole,
      durationSeconds: round(total),
      meta: { chapters: script.units.length },
    });
    stats.leafletFiles++;
    stats.audioSeconds += total;
  };

  const results = await Promise.allSettled(ctx.leaflets.map(renderLeaflet));
  await normalizer.close();
  stats.clips = clipsTotal;
  progress(true);
  const failure = firstFailure(results);
  if (failure) throw failure;
  return stats;
}

function round(s: number): number {
  return Math.round(s * 100) / 100;
}

function clipError(leaflet: Leaflet, unit: UnitScript, utt: Utterance, index: number, err: unknown): Error {
  if (!(err instanceof SynthesisError)) return err as Error;
  const what = unit.kind === "intro" ? "the opening announcement" : `${unit.kind} "${unit.id}"`;
  const excerpt = utt.source.length > 40 ? `${utt.source.slice(0, 40)}…` : utt.source;
  const hint =
    err.kind === "timeout"
      ? "the speech engine hung on this text: shorten the sentence or check the engine with `leaflet reading`"
      : err.kind === "rejected"
        ? "the speech engine could not read this text: rephrase it or give the word a reading ({漢字|かんじ})"
        : "the speech engine crashed on this text: try `leaflet reading` with the same text, and report it if it repeats";
  return new RenderError(`${leaflet.file}: speech synthesis failed in ${what}, clip ${index + 1} (「${excerpt}」): ${err.message}`, {
    leaflet,
    unitId: unit.id,
    pos: utt.pos,
    hint,
    cause: err,
  });
}

/** Resamples normalised PCM to 44.1 kHz and encodes 64 kbps mono MP3 with the unit's ID3 tags. */
async function encodeMp3(pcm: Int16Array, out: string, tags: Record<string, string>): Promise<void> {
  await produceAtomic(out, (tmp) =>
    runProcess("ffmpeg", mp3Args(tmp, tags), { timeoutMs: 600_000, input: new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength) }),
  );
}

function mp3Args(tmp: string, tags: Record<string, string>): string[] {
  const args = ["-v", "error", "-nostdin", "-y", "-f", "s16le", "-ar", String(INTERNAL_RATE), "-ac", "1", "-i", "pipe:0"];
  // LAME's faster search (compression level 7) halves encoding time; at 64 kbps speech the difference is not audible.
  args.push(
    "-ac",
    "1",
    "-ar",
    String(AUDIO_FORMAT.sampleRate),
    "-c:a",
    "libmp3lame",
    "-b:a",
    `${AUDIO_FORMAT.bitrateKbps}k`,
    "-compression_level",
    "7",
  );
  args.push("-id3v2_version", "3");
  for (const [k, v] of Object.entries(tags)) args.push("-metadata", `${k}=${v}`);
  args.push("-f", "mp3", tmp);
  return args;
}

function ffmetaEscape(s: string): string {
  return s.replace(/[\\=;#\n]/g, (c) => `\\${c}`);
}

/** Joins the parts' MP3 frames into the whole-leaflet file with ID3 tags and one chapter per unit; returns its duration. */
async function joinLeaflet(parts: PartResult[], out: string, leaflet: Leaflet, engine: TtsEngine, publisher: string): Promise<number> {
  const work = tempPath(`${out}.d`);
  await mkdir(work, { recursive: true });
  const frameSeconds = 1152 / AUDIO_FORMAT.sampleRate;
  const lines = [";FFMETADATA1", `title=${ffmetaEscape(leaflet.title)}`, `artist=${ffmetaEscape(publisher)}`];
  lines.push(`album=${ffmetaEscape(leaflet.title)}`, `publisher=${ffmetaEscape(publisher)}`, "genre=Speech");
  if (leaflet.date) lines.push(`date=${leaflet.date}`);
  const comment = [leaflet.source, engine.credit?.text].filter(Boolean).join(" / ");
  if (comment) lines.push(`comment=${ffmetaEscape(comment)}`);
  let frames = 0;
  const starts = parts.map((p) => {
    const at = frames;
    frames += p.frames;
    return at;
  });
  const totalMs = Math.round(frames * frameSeconds * 1000);
  // Chapters: the opening announcement belongs to the first chapter's lead-in, the credits to the last chapter.
  const chapterParts = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.script.kind === "section" || p.script.kind === "question");
  chapterParts.forEach(({ p, i }, n) => {
    const start = n === 0 ? 0 : Math.round(starts[i] * frameSeconds * 1000);
    const next = chapterParts[n + 1];
    const end = next ? Math.round(starts[next.i] * frameSeconds * 1000) : totalMs;
    lines.push("[CHAPTER]", "TIMEBASE=1/1000", `START=${start}`, `END=${end}`, `title=${ffmetaEscape(p.script.title)}`);
  });
  const metaFile = join(work, "meta.txt");
  const listFile = join(work, "list.txt");
  await writeFile(metaFile, `${lines.join("\n")}\n`);
  await writeFile(listFile, parts.map((p) => `file '${p.mp3.replace(/'/g, "'\\''")}'`).join("\n"));
  try {
    await produceAtomic(out, (tmp) =>
      runProcess(
        "ffmpeg",
        [
          "-v",
          "error",
          "-nostdin",
          "-y",
          "-f",
          "concat",
          "-safe",
          "0",
          "-i",
          listFile,
          "-i",
          metaFile,
          "-map",
          "0:a",
          "-map_metadata",
          "1",
          "-map_chapters",
          "1",
        ].concat(["-c", "copy", "-id3v2_version", "3", "-f", "mp3", tmp]),
        { timeoutMs: 600_000 },
      ),
    );
  } catch (err) {
    throw new RenderError(`Could not join the audio of ${leaflet.file}: ${(err as Error).message}`, {
      leaflet,
      pos: leaflet.pos,
      cause: err,
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return frames * frameSeconds;
}

/** Factory for the audio renderer with options (a given engine, time limits); `audioRenderer` uses the defaults. */
export function createAudioRenderer(opts: AudioOptions = {}): Renderer & { lastStats?: AudioStats } {
  const renderer: Renderer & { lastStats?: AudioStats } = {
    edition: "audio",
    async render(ctx) {
      const stats = await renderAudioEdition(ctx, opts);
      renderer.lastStats = stats;
      ctx.log.info(
        `audio: ${stats.unitFiles + stats.leafletFiles} files, ${Math.round(stats.audioSeconds)} s of speech; ` +
          `${stats.clipsSynthesized} of ${stats.clips} clips synthesized, ${stats.unitsEncoded} units encoded (the rest from cache)`,
      );
    },
  };
  return renderer;
}

/** The audio edition (edition "audio"): per-unit MP3s and a whole-leaflet MP3 with chapters. */
export const audioRenderer: Renderer = createAudioRenderer();
