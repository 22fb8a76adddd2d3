// What the audio tests measure with the real tools: ffprobe's view of a file, ffmpeg's loudness and decoded samples.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface Probe {
  format: { duration: string; tags: Record<string, string> };
  streams: { sample_rate: string; channels: number; bit_rate: string; codec_name: string }[];
  chapters: { start_time: string; end_time: string; tags: { title: string } }[];
}

/** ffprobe's format, streams and chapters of a media file. */
export function probe(file: string): Probe {
  const out = execFileSync("ffprobe", ["-v", "error", "-show_format", "-show_streams", "-show_chapters", "-of", "json", file], {
    encoding: "utf8",
  });
  return JSON.parse(out) as Probe;
}

/** Integrated loudness and true peak as ffmpeg's ebur128 filter measures them. */
export function loudness(file: string): { integrated: number; truePeak: number } {
  const err = execFileSync("sh", ["-c", `ffmpeg -hide_banner -nostats -i '${file}' -af ebur128=peak=true -f null - 2>&1 | tail -20`], {
    encoding: "utf8",
  });
  const integrated = Number(/I:\s+(-?[\d.]+) LUFS/.exec(err)?.[1]);
  const truePeak = Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(err)?.[1]);
  return { integrated, truePeak };
}

/** The samples ffmpeg decodes from a file, mono 16-bit at 48 kHz (gapless: encoder delay and padding removed). */
export function decode(file: string): Int16Array {
  const out = execFileSync("ffmpeg", ["-v", "error", "-i", file, "-f", "s16le", "-ac", "1", "-ar", "48000", "-"], {
    maxBuffer: 1 << 30,
  });
  return new Int16Array(out.buffer, out.byteOffset, Math.floor(out.byteLength / 2));
}

/** Where sound starts at or after `from`: the first millisecond whose peak passes `threshold`. */
export function onsetAfter(samples: Int16Array, from: number, threshold: number, rate = 48000): number | undefined {
  const ms = rate / 1000;
  for (let at = Math.max(0, from); at + ms <= samples.length; at += ms) {
    let peak = 0;
    for (let i = at; i < at + ms; i++) peak = Math.max(peak, Math.abs(samples[i]));
    if (peak >= threshold) return at;
  }
  return undefined;
}

/** Largest absolute sample in [from, to). */
export function peakOf(samples: Int16Array, from = 0, to = samples.length): number {
  let peak = 0;
  for (let i = Math.max(0, from); i < Math.min(to, samples.length); i++) peak = Math.max(peak, Math.abs(samples[i]));
  return peak;
}

/** Every file under a folder, relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(join(dir, f)).isFile());
}

/**
 * Where `reference` best lines up in `signal` near `at`: the lag (in samples, a multiple of `step`, within
 * ±`maxLag`) that maximises their correlation. Measures an offset without any threshold on levels.
 */
export function bestLag(reference: Int16Array, signal: Int16Array, at: number, maxLag: number, step = 48): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let lag = -maxLag; lag <= maxLag; lag += step) {
    let score = 0;
    for (let i = 0; i < reference.length; i += 2) {
      const j = at + lag + i;
      if (j >= 0 && j < signal.length) score += reference[i] * signal[j];
    }
    if (score > bestScore) {
      bestScore = score;
      best = lag;
    }
  }
  return best;
}
