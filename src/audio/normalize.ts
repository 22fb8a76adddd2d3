// Joining a unit's clips with their pauses, normalising the loudness and encoding the MP3: the work done per unit,
// in worker threads (normalize-worker.ts) so the main thread stays free to start the next engine process.
// Every sample offset is decided here, so the unit's layout (where each clip starts) is exact, not estimated.
import { Worker } from "node:worker_threads";
import { encodeMp3, MP3_FORMAT } from "./encode.ts";
import { limitForGain } from "./limiter.ts";
import { measureLoudness } from "./loudness.ts";
import { readWavHeader, readWavInto, type WavHeader } from "./wav.ts";

/** What to join and where to bring it. */
export interface NormalizeJob {
  wavs: string[];
  /** Silence after each clip but the last, in ms. */
  pausesMs: number[];
  leadMs: number;
  /** At least this much silence at the end; more, up to one MP3 frame, so the unit fills whole frames. */
  tailMs: number;
  targetLufs: number;
  ceilingDbfs: number;
  /** Never boost more than this: silence would otherwise be raised to noise. */
  maxGainDb: number;
  /** Where to write the MP3. */
  outMp3: string;
}

/** Where every clip lies in the unit's audio, in samples at 48 kHz. */
export interface UnitLayout {
  sampleRate: number;
  leadSamples: number;
  /** Length of each clip. */
  clipSamples: number[];
  /** Silence after each clip (the last one's is the tail). */
  pauseSamples: number[];
  /** All of it: a whole number of MP3 frames. */
  samples: number;
}

export interface NormalizeResult {
  layout: UnitLayout;
  measuredLufs: number;
  gainDb: number;
}

/** A clip that could not be used, with its place in the job (the caller names the sentence). */
export class ClipAudioError extends Error {
  readonly clip: number;
  constructor(clip: number, message: string) {
    super(message);
    this.name = "ClipAudioError";
    this.clip = clip;
  }
}

/** Joins the clips, measures the integrated loudness, limits the peaks the gain would raise too high, encodes. */
export async function normalizeUnit(job: NormalizeJob): Promise<NormalizeResult> {
  const rate = MP3_FORMAT.sampleRate;
  const ms = (n: number) => Math.round((n / 1000) * rate);
  // Headers first, so the unit's length is known; then every clip's samples are read straight into their place.
  const headers: WavHeader[] = [];
  for (let i = 0; i < job.wavs.length; i++) {
    let header: WavHeader;
    try {
      header = await readWavHeader(job.wavs[i]);
    } catch (err) {
      throw new ClipAudioError(i, `the speech engine's audio cannot be read (${(err as Error).message})`);
    }
    if (header.sampleRate !== rate) throw new ClipAudioError(i, `the speech engine's audio is ${header.sampleRate} Hz, not ${rate} Hz`);
    headers.push(header);
  }
  const clipSamples = headers.map((h) => h.dataBytes / (2 * h.channels));
  let leadSamples = ms(job.leadMs);
  const pauseSamples = clipSamples.map((_, i) => (i === clipSamples.length - 1 ? ms(job.tailMs) : ms(job.pausesMs[i])));
  let samples = leadSamples + clipSamples.reduce((n, c) => n + c, 0) + pauseSamples.reduce((n, p) => n + p, 0);
  // Whole frames: the encoder then pads nothing, and each unit's frames join the next unit's in the whole-leaflet
  // file exactly where its own time says they do.
  const frame = MP3_FORMAT.frameSamples;
  const extra = (frame - (samples % frame)) % frame;
  if (pauseSamples.length > 0) pauseSamples[pauseSamples.length - 1] += extra;
  else leadSamples += extra;
  samples += extra;
  const joined = new Int16Array(samples);
  let at = leadSamples;
  for (let i = 0; i < headers.length; i++) {
    try {
      await readWavInto(job.wavs[i], headers[i], joined, at);
    } catch (err) {
      throw new ClipAudioError(i, `the speech engine's audio cannot be read (${(err as Error).message})`);
    }
    at += clipSamples[i] + pauseSamples[i];
  }
  const measured = measureLoudness(joined, rate);
  const measuredLufs = measured.lufs;
  const gainDb = Math.min(job.maxGainDb, job.targetLufs - measuredLufs);
  limitForGain(joined, gainDb, job.ceilingDbfs, rate, measured);
  await encodeMp3(joined, gainDb, job.outMp3);
  return {
    layout: { sampleRate: rate, leadSamples, clipSamples, pauseSamples, samples },
    measuredLufs,
    gainDb,
  };
}

type WorkerReply = { ok: true; result: NormalizeResult } | { ok: false; error: string; clip?: number };

/** A few worker threads running normalizeUnit; falls back to the main thread if workers cannot start. */
export class NormalizeWorkers {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly size: number;
  private broken = false;

  constructor(size: number) {
    this.size = Math.max(1, size);
  }

  private async take(): Promise<Worker | undefined> {
    if (this.broken) return undefined;
    const free = this.idle.pop();
    if (free) return free;
    if (this.all.length < this.size) {
      try {
        const w = new Worker(new URL("./normalize-worker.ts", import.meta.url));
        w.unref();
        this.all.push(w);
        return w;
      } catch {
        this.broken = true;
        return undefined;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /** Runs one job, in a worker when possible. */
  async run(job: NormalizeJob): Promise<NormalizeResult> {
    const w = await this.take();
    if (!w) return normalizeUnit(job);
    try {
      return await new Promise<NormalizeResult>((resolve, reject) => {
        const onMessage = (msg: WorkerReply) => {
          w.off("error", onError);
          if (msg.ok) resolve(msg.result);
          else reject(msg.clip === undefined ? new Error(msg.error) : new ClipAudioError(msg.clip, msg.error));
        };
        const onError = (err: Error) => {
          w.off("message", onMessage);
          reject(err);
        };
        w.once("message", onMessage);
        w.once("error", onError);
        w.postMessage(job);
      });
    } finally {
      this.give(w);
    }
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
