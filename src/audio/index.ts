// The audio edition: one MP3 per part (the opening, each section and question, the credits), the whole leaflet in one
// MP3 with a chapter per part, the timing map of every sentence, and all parts in one zip as numbered tracks.
// Clips are synthesized in parallel and cached by content; units are normalised to −18 LUFS and cached as MP3;
// the whole-leaflet file is the units' MP3 frames joined without re-encoding, so an edit redoes one unit only.
import { readFile } from "node:fs/promises";
import { MissingToolError, type RenderContext, RenderError, type Renderer } from "../edition/contract.ts";
import { ContentCache, type DamagedHandler, hashKey } from "../lib/cache.ts";
import { Pool } from "../lib/pool.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";
import { type LeafletScript, leafletScript, type SpeakerNameMode, type UnitScript, type Utterance } from "../reading/speech.ts";
import { ClipSynthesizer, clipError, clipKey, describeUnit, firstFailure, StoppedError } from "./clips.ts";
import { MP3_FORMAT } from "./encode.ts";
import { type DetectOptions, EngineUnavailableError, resolveEngine, SynthesisError, type TtsEngine } from "./engine.ts";
import { mp3Frames } from "./mp3.ts";
import { ClipAudioError, NormalizeWorkers, type UnitLayout } from "./normalize.ts";
import { type EncodedPart, publishLeaflet } from "./publish.ts";

export { clipKey, traceKey } from "./clips.ts";
export type { EngineStatus, TtsEngine } from "./engine.ts";
export { describeEngineStatus, detectEngines, EngineUnavailableError, resolveEngine } from "./engine.ts";

/** Output format and loudness targets of the audio edition. */
export const AUDIO_FORMAT = {
  sampleRate: MP3_FORMAT.sampleRate,
  bitrateKbps: MP3_FORMAT.bitrateKbps,
  targetLufs: -18,
  /** Loudness the 64 kbps encoder's low-pass takes away (measured: 0.4–0.6 LU on this voice), added back before encoding. */
  codecLossLu: 0.5,
  /** Sample-peak ceiling of the limiter; leaves room for inter-sample peaks so true peak stays ≤ −1.5 dBTP. */
  limiterDbfs: -2.5,
  leadSilenceMs: 300,
  /** Silence at the end of each part file (rounded up to a whole MP3 frame): the pause between parts. */
  tailSilenceMs: 1000,
} as const;

/** Bump when what a cached unit holds changes. */
const UNIT_CACHE_VERSION = 2;

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

/** What the unit cache keeps beside each MP3: where every clip is, and how many frames it has. */
interface UnitInfo {
  layout: UnitLayout;
  frames: number;
}

/** The id of a part in the timing map and its file name (unit ids never start with `_`). */
function partId(unit: UnitScript): string {
  return unit.kind === "intro" ? "_intro" : unit.kind === "credits" ? "_credits" : unit.kind === "closing" ? "_closing" : unit.id;
}

/** The audio edition's caches: synthesized clips, the engine's analyses of texts, and encoded units. */
export function audioCaches(cacheDir: string, onDamaged?: DamagedHandler) {
  return {
    clips: new ContentCache(cacheDir, "audio/clips", onDamaged),
    traces: new ContentCache(cacheDir, "audio/traces", onDamaged),
    units: new ContentCache(cacheDir, "audio/units", onDamaged),
  };
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

/** The last part: the credit the voice's licence asks for, spoken. */
function creditsScript(leaflet: Leaflet, credit: NonNullable<TtsEngine["credit"]>): UnitScript {
  return {
    id: "credits",
    kind: "credits",
    title: "クレジット",
    pos: leaflet.pos,
    utterances: [
      {
        text: credit.spoken,
        source: credit.text,
        pitch: 0,
        pauseAfterMs: 500,
        pos: leaflet.pos,
        id: "_credits--h-s0",
        role: "announcement",
        path: "h",
      },
    ],
  };
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

  let lastProgress = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (!force && now - lastProgress < 250) return;
    lastProgress = now;
    ctx.log.progress(
      `audio: ${clips.done}/${clips.total} clips (${clips.synthesized} synthesized, ${clips.done - clips.synthesized} from cache)`,
    );
  };
  const clips = new ClipSynthesizer(cache, pool, () => progress(), opts.clipTimeoutMs);

  const renderPart = async (engine: TtsEngine, leaflet: Leaflet, unit: UnitScript): Promise<EncodedPart> => {
    const speed = leafletAudioSettings(ctx.site, leaflet).speed;
    const voiced = await voicesOf(leaflet, engine, unit.utterances);
    const encodeKey = hashKey({
      v: UNIT_CACHE_VERSION,
      format: AUDIO_FORMAT,
      mp3: MP3_FORMAT,
      clips: unit.utterances.map((u, i) => clipKey(voiced[i], u.text, speed, u.pitch)),
      pauses: unit.utterances.map((u) => u.pauseAfterMs),
    });
    // A unit already encoded needs none of its clips: they are looked at only when the unit must be made again.
    let mp3 = await cache.units.verified(encodeKey, "mp3");
    let infoText = mp3 ? await cache.units.getText(encodeKey, "json") : undefined;
    if (!mp3 || !infoText) {
      // Wait for every clip, failed or not, so no engine process outlives the render.
      const settled = await Promise.allSettled(
        unit.utterances.map((u, i) => clips.clip({ engine: voiced[i], leaflet, unit, utterance: u, index: i, speed })),
      );
      const clipFailure = firstFailure(settled);
      if (clipFailure) throw clipFailure;
      const wavs = settled.map((r) => (r as PromiseFulfilledResult<{ wav: string }>).value.wav);
      // Encoding jumps the queue: a unit is finished while other clips are still being synthesized, not all at the end.
      await pool.run(async () => {
        if (clips.failed) throw new StoppedError();
        let unitLayout: UnitLayout | undefined;
        try {
          mp3 = await cache.units.putFile(encodeKey, "mp3", async (tmp) => {
            unitLayout = (
              await normalizer.run({
                wavs,
                pausesMs: unit.utterances.map((u) => u.pauseAfterMs),
                leadMs: AUDIO_FORMAT.leadSilenceMs,
                tailMs: AUDIO_FORMAT.tailSilenceMs,
                targetLufs: AUDIO_FORMAT.targetLufs + AUDIO_FORMAT.codecLossLu,
                ceilingDbfs: AUDIO_FORMAT.limiterDbfs,
                maxGainDb: 20,
                outMp3: tmp,
              })
            ).layout;
          });
        } catch (err) {
          clips.failed = true;
          throw encodeError(leaflet, unit, err);
        }
        const info: UnitInfo = { layout: unitLayout!, frames: mp3Frames(await readFile(mp3)).frames };
        infoText = JSON.stringify(info);
        await cache.units.put(encodeKey, "json", infoText);
        stats.unitsEncoded++;
      }, true);
    }
    if (!mp3 || !infoText) throw new Error(`the unit ${unit.id} was not encoded`);
    const info = JSON.parse(infoText) as UnitInfo;
    return { id: partId(unit), script: unit, mp3, layout: info.layout, frames: info.frames };
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
    // The contact and the information date close the leaflet, before the credits.
    const scripts = [
      script.intro,
      ...script.units,
      ...(script.closing ? [script.closing] : []),
      ...(engine.credit ? [creditsScript(leaflet, engine.credit)] : []),
    ];
    const settled = await Promise.allSettled(scripts.map((u) => renderPart(engine, leaflet, u)));
    const failure = firstFailure(settled);
    if (failure) throw failure;
    const parts = settled.map((s) => (s as PromiseFulfilledResult<EncodedPart>).value);
    // The artist tag names who publishes the recording: the leaflet's issuer, else the site's publisher.
    const publisher = leaflet.issuer ?? ctx.site.settings.issuer;
    const comment = [leaflet.source, engine.credit?.text].filter(Boolean).join(" / ");
    const published = await publishLeaflet(ctx, leaflet, parts, {
      album: leaflet.title,
      artist: publisher,
      publisher,
      genre: "Speech",
      date: leaflet.date,
      comment: comment || undefined,
    });
    stats.unitFiles += published.unitFiles;
    stats.leafletFiles++;
    stats.audioSeconds += published.durationSeconds;
  };

  const results = await Promise.allSettled(ctx.leaflets.map(renderLeaflet));
  await normalizer.close();
  stats.clips = clips.total;
  stats.clipsSynthesized = clips.synthesized;
  progress(true);
  const failure = firstFailure(results);
  if (failure) throw failure;
  return stats;
}

/** A unit that could not be normalised or encoded, as a RenderError at the clip's sentence or the unit's heading. */
function encodeError(leaflet: Leaflet, unit: UnitScript, err: unknown): Error {
  if (err instanceof ClipAudioError) {
    const utterance = unit.utterances[err.clip];
    return clipError({ leaflet, unit, utterance, index: err.clip }, new SynthesisError("bad-audio", err.message));
  }
  return new RenderError(
    `${leaflet.file}: could not encode the audio of ${describeUnit(unit)} (「${unit.title}」): ${(err as Error).message}`,
    {
      leaflet,
      unitId: unit.id,
      pos: unit.pos,
      hint: "check that LAME (the `lame` program) is installed: run `leaflet doctor`",
      cause: err,
    },
  );
}

/** Factory for the audio renderer with options (a given engine, time limits); `audioRenderer` uses the defaults. */
export function createAudioRenderer(opts: AudioOptions = {}): Renderer & { lastStats?: AudioStats } {
  const renderer: Renderer & { lastStats?: AudioStats } = {
    edition: "audio",
    async render(ctx) {
      const stats = await renderAudioEdition(ctx, opts);
      renderer.lastStats = stats;
      ctx.log.info(
        `audio: ${stats.unitFiles} section and question files and ${stats.leafletFiles} whole-leaflet files with their openings, credits, timing maps and zips, ${Math.round(stats.audioSeconds)} s of speech; ` +
          `${stats.clipsSynthesized} of ${stats.clips} clips synthesized, ${stats.unitsEncoded} units encoded (the rest from cache)`,
      );
    },
  };
  return renderer;
}

/** The audio edition (edition "audio"): per-part MP3s, the whole leaflet with chapters, the timing map, the zip. */
export const audioRenderer: Renderer = createAudioRenderer();
