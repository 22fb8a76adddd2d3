// The unit's sound before encoding: clips joined with pauses, measured (pass 1) and brought to the target (pass 2).
// Runs in a worker thread (normalize-worker.ts) so the main thread stays free to start the next engine process.
import { readFile } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { applyGainWithLimiter } from "./limiter.ts";
import { integratedLoudness } from "./loudness.ts";
import { parseWav } from "./wav.ts";

/** What to join and where to bring it. */
export interface NormalizeJob {
  wavs: string[];
  /** Silence after each clip but the last, in ms. */
  pausesMs: number[];
  leadMs: number;
  tailMs: number;
  sampleRate: number;
  targetLufs: number;
  ceilingDbfs: number;
  /** Never boost more than this: silence would otherwise be raised to noise. */
  maxGainDb: number;
}

export interface NormalizeResult {
  pcm: Int16Array;
  measuredLufs: number;
  gainDb: number;
}

/** Joins the clips, measures the integrated loudness and applies gain with the limiter. */
export async function normalizeUnit(job: NormalizeJob): Promise<NormalizeResult> {
  const silence = (ms: number) => new Int16Array(Math.round((ms / 1000) * job.sampleRate));
  const chunks: Int16Array[] = [silence(job.leadMs)];
  for (let i = 0; i < job.wavs.length; i++) {
    const pcm = parseWav(await readFile(job.wavs[i]));
    if (pcm.sampleRate !== job.sampleRate) throw new Error(`clip ${job.wavs[i]} is ${pcm.sampleRate} Hz, expected ${job.sampleRate}`);
    chunks.push(pcm.samples, silence(i === job.wavs.length - 1 ? 0 : job.pausesMs[i]));
  }
  chunks.push(silence(job.tailMs));
  const joined = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.length;
  }
  const measuredLufs = integratedLoudness(joined, job.sampleRate);
  const gainDb = Math.min(job.maxGainDb, job.targetLufs - measuredLufs);
  return { pcm: applyGainWithLimiter(joined, gainDb, job.ceilingDbfs, job.sampleRate), measuredLufs, gainDb };
}

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
        const onMessage = (msg: { ok: true; result: NormalizeResult } | { ok: false; error: string }) => {
          w.off("error", onError);
          if (msg.ok) resolve(msg.result);
          else reject(new Error(msg.error));
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
