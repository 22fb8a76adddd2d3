import { execFileSync } from "node:child_process";
import { chmodSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { smallLeaflet, smallSite } from "../../test/support/models.ts";
import { MissingToolError, RenderError } from "../edition/contract.ts";
import type { Leaflet } from "../model/types.ts";
import {
  createOpenJTalkEngine,
  DEBIAN_OPEN_JTALK,
  describeEngineStatus,
  detectEngines,
  EngineUnavailableError,
  resolveEngine,
} from "./engine.ts";
import { renderAudioEdition } from "./index.ts";
import { testContext } from "./testing/context.ts";
import { parseWav } from "./wav.ts";

function probe(file: string) {
  const out = execFileSync("ffprobe", ["-v", "error", "-show_format", "-show_streams", "-show_chapters", "-of", "json", file], {
    encoding: "utf8",
  });
  return JSON.parse(out) as {
    format: { duration: string; tags: Record<string, string> };
    streams: { sample_rate: string; channels: number; bit_rate: string; codec_name: string }[];
    chapters: { start_time: string; end_time: string; tags: { title: string } }[];
  };
}

function loudness(file: string): { integrated: number; truePeak: number } {
  const out = execFileSync("ffmpeg", ["-hide_banner", "-nostats", "-i", file, "-af", "ebur128=peak=true", "-f", "null", "-"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  // ffmpeg writes the summary on stderr; execFileSync returns stdout, so run again capturing stderr.
  void out;
  const err = execFileSync("sh", ["-c", `ffmpeg -hide_banner -nostats -i '${file}' -af ebur128=peak=true -f null - 2>&1 | tail -20`], {
    encoding: "utf8",
  });
  const integrated = Number(/I:\s+(-?[\d.]+) LUFS/.exec(err)?.[1]);
  const truePeak = Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(err)?.[1]);
  return { integrated, truePeak };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(join(dir, f)).isFile());
}

describe("engine detection", () => {
  it("finds Open JTalk here with Debian's dictionary and voice, and says why say is not usable on Linux", async () => {
    const statuses = await detectEngines({ platform: "linux" });
    expect(statuses.find((s) => s.id === "openjtalk")).toMatchObject({ available: true });
    expect(statuses.find((s) => s.id === "openjtalk")?.detail).toMatch(/Open JTalk 1\.10/);
    expect(statuses.find((s) => s.id === "say")).toMatchObject({ available: false });
    expect(statuses.find((s) => s.id === "say")?.detail).toMatch(/festival/);
  });

  it("with an empty PATH, fails with an error that says how to install an engine", async () => {
    const opts = { env: { PATH: "" }, platform: "linux" as const };
    const error = await resolveEngine({ engine: "auto" }, opts).catch((e) => e);
    expect(error).toBeInstanceOf(EngineUnavailableError);
    expect(error.message).toMatch(/No speech engine was found/);
    expect(error.message).toContain("apt-get install open-jtalk open-jtalk-mecab-naist-jdic hts-voice-nitech-jp-atr503-m001");
    expect(error.message).toMatch(/contrib/);
    expect(error.message).toMatch(/macOS: `say` is built in/);
    const status = await describeEngineStatus(opts);
    expect(status.ok).toBe(false);
    expect(status.text).toMatch(/missing openjtalk: `open_jtalk` not found on PATH/);
  });

  it("asked for say on Linux, explains that it cannot export audio there", async () => {
    const error = await resolveEngine({ engine: "say" }, { platform: "linux" }).catch((e) => e);
    expect(error).toBeInstanceOf(EngineUnavailableError);
    expect(error.message).toMatch(/The speech engine "say" is not available/);
    expect(error.message).toMatch(/festival/);
  });

  it("the renderer turns a missing engine into a MissingToolError naming the leaflet", async () => {
    const ctx = await testContext(smallSite([smallLeaflet()]));
    const error = await renderAudioEdition(ctx, { detect: { env: { PATH: "" }, platform: "linux" } }).catch((e) => e);
    expect(error).toBeInstanceOf(MissingToolError);
    expect(error.leaflet.file).toBe("content/leaflets/test-card.md");
    expect(filesUnder(ctx.outDir)).toEqual([]);
  });
});

describe("Open JTalk synthesis", () => {
  it("writes 48 kHz mono WAV whose duration is plausible for the text", async () => {
    const engine = await resolveEngine({ engine: "openjtalk" });
    const dir = await mkdtemp(join(tmpdir(), "ojt-"));
    const short = await engine.synthesize({ text: "こんにちは。", outWav: join(dir, "a.wav"), speed: 1, pitch: 0, timeoutMs: 30_000 });
    const text = "マイナンバーカードは、市役所の窓口で、平日の9時から17時まで受け取れます。";
    const long = await engine.synthesize({ text, outWav: join(dir, "b.wav"), speed: 1, pitch: 0, timeoutMs: 30_000 });
    expect(short.sampleRate).toBe(48000);
    expect(short.durationSeconds).toBeGreaterThan(0.6);
    expect(short.durationSeconds).toBeLessThan(3);
    // Japanese read aloud: roughly 5 to 12 characters a second.
    expect(text.length / long.durationSeconds).toBeGreaterThan(4);
    expect(text.length / long.durationSeconds).toBeLessThan(14);
    const pcm = parseWav(await readFile(long.wavPath));
    expect(pcm.samples.length / pcm.sampleRate).toBeCloseTo(long.durationSeconds, 3);
    const fast = await engine.synthesize({ text, outWav: join(dir, "c.wav"), speed: 1.5, pitch: 0, timeoutMs: 30_000 });
    expect(fast.durationSeconds).toBeLessThan(long.durationSeconds * 0.8);
  });
});

describe("audio edition of a small leaflet", () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let stats: Awaited<ReturnType<typeof renderAudioEdition>>;
  beforeAll(async () => {
    ctx = await testContext(smallSite([smallLeaflet()]));
    stats = await renderAudioEdition(ctx);
  });

  it("records one MP3 per unit and one whole-leaflet MP3 with durations", () => {
    expect(ctx.artifacts.map((a) => [a.kind, a.path, a.unitId])).toEqual([
      ["audio-unit", "test-card/audio/q1.mp3", "q1"],
      ["audio-unit", "test-card/audio/carrying.mp3", "carrying"],
      ["audio-leaflet", "test-card/audio/test-card-all.mp3", undefined],
    ]);
    for (const a of ctx.artifacts) {
      const seconds = Number(probe(join(ctx.outDir, a.path)).format.duration);
      expect(a.durationSeconds).toBeGreaterThan(3);
      expect(Math.abs(seconds - a.durationSeconds!)).toBeLessThan(0.15);
    }
    expect(stats.clipsSynthesized).toBe(stats.clips);
    expect(ctx.progress.at(-1)).toMatch(/clips/);
  });

  it("is mono 44.1 kHz 64 kbps MP3", () => {
    const s = probe(join(ctx.outDir, "test-card/audio/q1.mp3")).streams[0];
    expect([s.codec_name, s.sample_rate, s.channels, s.bit_rate]).toEqual(["mp3", "44100", 1, "64000"]);
  });

  it("the whole-leaflet file has ID3 tags (title, issuer, date, credit) and a chapter per unit", () => {
    const p = probe(join(ctx.outDir, "test-card/audio/test-card-all.mp3"));
    expect(p.format.tags).toMatchObject({
      title: "マイナンバーカードの受け取り",
      artist: "市川市 市民課",
      publisher: "市川市 市民課",
      date: "2024-04-01",
    });
    expect(p.format.tags.comment).toMatch(/CC BY 3\.0/);
    expect(p.chapters.map((c) => c.tags.title)).toEqual(["Q1. どこで受け取れますか。", "持ち歩き方"]);
    const q1 = ctx.artifacts.find((a) => a.unitId === "q1")!;
    // The second chapter starts after the opening announcement and Q1 (whose file ends with the pause between sections).
    const start = Number(p.chapters[1].start_time);
    expect(start).toBeGreaterThan(q1.durationSeconds!);
    expect(start).toBeLessThan(q1.durationSeconds! + 15);
    expect(Number(p.chapters[1].end_time)).toBeCloseTo(Number(p.format.duration), 1);
  });

  it("is at −18 LUFS ±1 with true peak ≤ −1.5 dBTP (measured by ffmpeg ebur128)", () => {
    for (const file of ["test-card/audio/test-card-all.mp3", "test-card/audio/q1.mp3", "test-card/audio/carrying.mp3"]) {
      const { integrated, truePeak } = loudness(join(ctx.outDir, file));
      expect(Math.abs(integrated + 18), file).toBeLessThanOrEqual(1);
      expect(truePeak, file).toBeLessThanOrEqual(-1.5);
    }
  });

  it("a second render synthesizes nothing; editing one unit synthesizes one clip and re-encodes that unit", async () => {
    const again = await testContext(smallSite([smallLeaflet()]), ctx.cacheDir);
    const second = await renderAudioEdition(again);
    expect(second.clipsSynthesized).toBe(0);
    expect(second.unitsEncoded).toBe(0);
    expect(await readFile(join(again.outDir, "test-card/audio/q1.mp3"))).toEqual(
      await readFile(join(ctx.outDir, "test-card/audio/q1.mp3")),
    );

    const edited = smallLeaflet();
    const answer = (edited.body[0] as { answer: { children: { value: string }[] }[] }).answer[0];
    answer.children[0].value = "市役所の窓口で、平日9時～16時に受け取れます。";
    const third = await testContext(smallSite([edited]), ctx.cacheDir);
    const stats3 = await renderAudioEdition(third);
    expect(stats3.clipsSynthesized).toBe(1);
    expect(stats3.unitsEncoded).toBe(1);
    expect(await readFile(join(third.outDir, "test-card/audio/carrying.mp3"))).toEqual(
      await readFile(join(ctx.outDir, "test-card/audio/carrying.mp3")),
    );
    const whole = (c: typeof ctx) => c.artifacts.find((a) => a.kind === "audio-leaflet")!.durationSeconds!;
    expect(whole(third)).not.toBe(whole(ctx));
  });
});

describe("bad input and broken engines", () => {
  /** A stand-in for open_jtalk that misbehaves on texts containing 爆発 and otherwise runs the real one. */
  async function fakeEngine(behaviour: "hang" | "crash" | "reject") {
    const dir = await mkdtemp(join(tmpdir(), "fake-ojt-"));
    const script = join(dir, "open_jtalk");
    const action = { hang: "sleep 30", crash: "kill -SEGV $$", reject: "echo 'error: cannot analyse text' >&2; exit 1" }[behaviour];
    writeFileSync(
      script,
      `#!/bin/sh\nfor last; do :; done\nif [ -f "$last" ] && grep -q 爆発 "$last"; then ${action}; fi\nexec /usr/bin/open_jtalk "$@"\n`,
    );
    chmodSync(script, 0o755);
    return createOpenJTalkEngine({ ...DEBIAN_OPEN_JTALK, binary: script });
  }

  function leafletWithBadLine(): Leaflet {
    const leaflet = smallLeaflet();
    const dialogue = (leaflet.body[1] as { children: { lines: { children: { value: string }[] }[] }[] }).children[0];
    dialogue.lines[1].children[0].value = "爆発するのじゃ。";
    return leaflet;
  }

  for (const behaviour of ["hang", "crash", "reject"] as const) {
    it(`an engine that ${{ hang: "hangs", crash: "crashes", reject: "rejects the text" }[behaviour]} gives a RenderError naming the leaflet, unit and line, and leaves no MP3 behind`, async () => {
      const ctx = await testContext(smallSite([leafletWithBadLine()]));
      const started = Date.now();
      const error = await renderAudioEdition(ctx, { engine: await fakeEngine(behaviour), clipTimeoutMs: 3000 }).catch((e) => e);
      expect(error).toBeInstanceOf(RenderError);
      expect(error.unitId).toBe("carrying");
      expect(error.pos).toEqual({ file: "content/leaflets/test-card.md", line: 23, column: 1 });
      expect(error.message).toContain("content/leaflets/test-card.md");
      expect(error.message).toContain("爆発するのじゃ");
      expect(error.message).toMatch(
        { hang: /did not finish within 3\.0 s/, crash: /crashed \(SIGSEGV\)/, reject: /exited with code 1/ }[behaviour],
      );
      expect(error.hint).toBeTruthy();
      if (behaviour === "hang") expect(Date.now() - started).toBeLessThan(20_000);
      expect(filesUnder(ctx.outDir).filter((f) => f.includes("carrying") || f.endsWith("-all.mp3"))).toEqual([]);
      expect(filesUnder(ctx.cacheDir).filter((f) => f.includes(".tmp-"))).toEqual([]);
    });
  }
});
