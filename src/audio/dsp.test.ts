import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeMp3 } from "./encode.ts";
import { applyGainWithLimiter, limitForGain } from "./limiter.ts";
import { integratedLoudness, measureLoudness } from "./loudness.ts";
import { mp3Frames } from "./mp3.ts";
import { encodeWav, parseWav } from "./wav.ts";

function tone(seconds: number, amplitude: number, hz = 1000, rate = 48000): Int16Array {
  const out = new Int16Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * hz * i) / rate));
  return out;
}

function ffmpegLoudness(file: string): number {
  const err = execFileSync("sh", ["-c", `ffmpeg -hide_banner -nostats -i '${file}' -af ebur128 -f null - 2>&1 | tail -12`], {
    encoding: "utf8",
  });
  return Number(/I:\s+(-?[\d.]+) LUFS/.exec(err)?.[1]);
}

describe("integratedLoudness (BS.1770-4)", () => {
  it("agrees with ffmpeg's ebur128 on a tone and on tone with silence (gating)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lufs-"));
    const gated = new Int16Array(48000 * 6);
    gated.set(tone(3, 0.25), 0);
    for (const [name, samples] of [
      ["tone", tone(5, 0.1)],
      ["gated", gated],
    ] as const) {
      const file = join(dir, `${name}.wav`);
      await writeFile(file, encodeWav({ sampleRate: 48000, samples }));
      expect(Math.abs(integratedLoudness(samples) - ffmpegLoudness(file)), name).toBeLessThan(0.15);
    }
  });
  it("reports the peak of every 100 ms step", () => {
    const samples = new Int16Array(48000);
    samples[4800 * 3 + 17] = -12345;
    samples[4800 * 7] = 99;
    expect([...measureLoudness(samples).stepPeaks]).toEqual([0, 0, 0, 12345, 0, 0, 0, 99, 0, 0]);
  });
  it("reports −70 LUFS for silence", () => {
    expect(integratedLoudness(new Int16Array(48000))).toBe(-70);
  });
});

describe("applyGainWithLimiter", () => {
  it("applies the gain where there is headroom and never exceeds the ceiling", () => {
    const quiet = tone(0.5, 0.05);
    const loud = tone(0.5, 0.9);
    const input = new Int16Array(quiet.length + loud.length);
    input.set(quiet, 0);
    input.set(loud, quiet.length);
    const out = applyGainWithLimiter(input, 6, -3);
    const ceiling = 32767 * 10 ** (-3 / 20);
    expect(Math.max(...out.map(Math.abs))).toBeLessThanOrEqual(Math.ceil(ceiling));
    // Well before the loud part the 6 dB gain is applied in full (×1.995).
    const peakOfQuiet = Math.max(...out.subarray(1000, quiet.length - 2000).map(Math.abs));
    expect(peakOfQuiet / (0.05 * 32767)).toBeCloseTo(10 ** (6 / 20), 1);
  });
});

describe("limitForGain", () => {
  it("lowers only the peaks the gain would take over the ceiling, in the input's own scale", () => {
    const input = new Int16Array(48000);
    input.set(tone(0.2, 0.05), 0);
    input.set(tone(0.2, 0.8), 24000);
    const limited = input.slice();
    const changed = limitForGain(limited, 4, -2.5);
    const ceiling = 32767 * 10 ** (-2.5 / 20);
    expect(Math.max(...limited.map((v) => Math.abs(v * 10 ** (4 / 20))))).toBeLessThanOrEqual(ceiling);
    expect(limited.subarray(0, 12000)).toEqual(input.subarray(0, 12000));
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(24000);
    // With the loudness pass's step peaks it looks only where they say, and does exactly the same.
    const guided = input.slice();
    limitForGain(guided, 4, -2.5, 48000, measureLoudness(input));
    expect(guided).toEqual(limited);
  });
});

describe("WAV and MP3 helpers", () => {
  it("LAME turns whole frames of samples into exactly one frame more (its delay and padding), at 48 kHz", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mp3-"));
    for (const frames of [1, 40, 417]) {
      const file = join(dir, `${frames}.mp3`);
      await encodeMp3(tone((frames * 1152) / 48000, 0.3), -3, file);
      expect(mp3Frames(await readFile(file))).toEqual({ frames: frames + 1, samplesPerFrame: 1152, sampleRate: 48000 });
    }
  });

  it("round-trips WAV", () => {
    const samples = tone(0.1, 0.3);
    expect(parseWav(encodeWav({ sampleRate: 48000, samples })).samples).toEqual(samples);
  });
  it("counts MP3 frames as ffprobe does", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mp3-"));
    await writeFile(join(dir, "a.wav"), encodeWav({ sampleRate: 48000, samples: tone(2, 0.3) }));
    execFileSync("ffmpeg", [
      "-v",
      "error",
      "-i",
      join(dir, "a.wav"),
      "-ar",
      "44100",
      "-b:a",
      "64k",
      "-c:a",
      "libmp3lame",
      join(dir, "a.mp3"),
    ]);
    const { frames, sampleRate } = mp3Frames(await readFile(join(dir, "a.mp3")));
    const probed = execFileSync(
      "ffprobe",
      ["-v", "error", "-count_packets", "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", join(dir, "a.mp3")],
      {
        encoding: "utf8",
      },
    );
    expect(sampleRate).toBe(44100);
    expect(frames).toBe(Number(probed.trim()));
  });
});
