import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { smallLeaflet, smallSite } from "../../test/support/models.ts";
import { MissingToolError } from "../edition/contract.ts";
import type { TimingMap } from "../edition/timing.ts";
import { readZip } from "../lib/zip.ts";
import { leafletScript } from "../reading/speech.ts";
import { clipKey } from "./clips.ts";
import { describeEngineStatus, detectEngines, EngineUnavailableError, resolveEngine } from "./engine.ts";
import { audioCaches, renderAudioEdition } from "./index.ts";
import { testContext } from "./testing/context.ts";
import { bestLag, decode, filesUnder, loudness, probe } from "./testing/probe.ts";
import { parseWav } from "./wav.ts";

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
  let timing: TimingMap;
  const out = (path: string) => join(ctx.outDir, path);
  beforeAll(async () => {
    ctx = await testContext(smallSite([smallLeaflet()]));
    stats = await renderAudioEdition(ctx);
    timing = JSON.parse(await readFile(out("test-card/audio/timing.json"), "utf8"));
  });

  it("records an MP3 per part (opening, units, closing, credits), the whole-leaflet MP3, the timing map and the zip", () => {
    expect(ctx.artifacts.map((a) => [a.kind, a.path, a.unitId])).toEqual([
      ["audio-unit", "test-card/audio/_intro.mp3", undefined],
      ["audio-unit", "test-card/audio/q1.mp3", "q1"],
      ["audio-unit", "test-card/audio/carrying.mp3", "carrying"],
      ["audio-unit", "test-card/audio/_closing.mp3", undefined],
      ["audio-unit", "test-card/audio/_credits.mp3", undefined],
      ["audio-leaflet", "test-card/audio/test-card-all.mp3", undefined],
      ["timing-map", "test-card/audio/timing.json", undefined],
      ["audio-zip", "test-card/audio/test-card-audio.zip", undefined],
    ]);
    for (const a of ctx.artifacts.filter((x) => x.kind.startsWith("audio-") && x.kind !== "audio-zip")) {
      const seconds = Number(probe(out(a.path)).format.duration);
      expect(a.durationSeconds).toBeGreaterThan(3);
      expect(Math.abs(seconds - a.durationSeconds!), a.path).toBeLessThan(0.002);
    }
    expect(stats.clipsSynthesized).toBe(stats.clips);
    expect(stats.unitFiles).toBe(2);
    expect(ctx.progress.at(-1)).toMatch(/clips/);
  });

  it("is mono 48 kHz 64 kbps MP3, the voice's own rate (nothing is resampled)", () => {
    for (const file of ["q1", "_intro"]) {
      const s = probe(out(`test-card/audio/${file}.mp3`)).streams[0];
      expect([s.codec_name, s.sample_rate, s.channels, s.bit_rate]).toEqual(["mp3", "48000", 1, "64000"]);
    }
  });

  it("the whole-leaflet file has ID3 tags and a chapter per part, the opening and the credits included", () => {
    const p = probe(out("test-card/audio/test-card-all.mp3"));
    expect(p.format.tags).toMatchObject({
      title: "マイナンバーカードの受け取り",
      artist: "市川市 市民課",
      publisher: "市川市 市民課",
      date: "2024-04-01",
    });
    expect(p.format.tags.comment).toMatch(/CC BY 3\.0/);
    expect(p.chapters.map((c) => c.tags.title)).toEqual([
      "マイナンバーカードの受け取り",
      "Q1. どこで受け取れますか。",
      "持ち歩き方",
      "お問い合わせ",
      "クレジット",
    ]);
    // Each chapter starts where the timing map puts its part, and the parts fill the file.
    p.chapters.forEach((c, i) => {
      expect(Number(c.start_time)).toBeCloseTo(timing.parts[i].offsetSeconds, 3);
      expect(Number(c.end_time)).toBeCloseTo(timing.parts[i].offsetSeconds + timing.parts[i].durationSeconds, 3);
    });
    expect(Number(p.chapters.at(-1)!.end_time)).toBeCloseTo(Number(p.format.duration), 2);
  });

  it("each part's file is a track: its own title, the album, the publisher and its number", () => {
    const tags = ["_intro", "q1", "carrying", "_closing", "_credits"].map((f) => probe(out(`test-card/audio/${f}.mp3`)).format.tags);
    expect(tags.map((t) => [t.title, t.track])).toEqual([
      ["マイナンバーカードの受け取り", "1/5"],
      ["Q1. どこで受け取れますか。", "2/5"],
      ["持ち歩き方", "3/5"],
      ["お問い合わせ", "4/5"],
      ["クレジット", "5/5"],
    ]);
    expect(tags[1]).toMatchObject({
      album: "マイナンバーカードの受け取り",
      artist: "市川市 市民課",
      publisher: "市川市 市民課",
      genre: "Speech",
    });
  });

  it("is at −18 LUFS ±1 with true peak ≤ −1.5 dBTP (measured by ffmpeg ebur128)", () => {
    for (const file of [
      "test-card/audio/test-card-all.mp3",
      "test-card/audio/q1.mp3",
      "test-card/audio/carrying.mp3",
      "test-card/audio/_intro.mp3",
    ]) {
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

  it("the timing map lists every utterance of the speech script, in order, each in its part", async () => {
    const script = await leafletScript(smallLeaflet(), { lexicon: smallSite([]).lexicon });
    const scripted = [script.intro, ...script.units, ...(script.closing ? [script.closing] : [])].map((u) =>
      u.utterances.map((x) => x.id).filter((id, i, all) => id !== all[i - 1]),
    );
    expect(timing.parts.map((p) => [p.id, p.kind, p.level])).toEqual([
      ["_intro", "intro", 1],
      ["q1", "question", 2],
      ["carrying", "section", 2],
      ["_closing", "closing", 2],
      ["_credits", "credits", 2],
    ]);
    expect(timing.parts.slice(0, 4).map((p) => p.sentences.map((s) => s.id))).toEqual(scripted);
    expect(timing.parts[1].sentences.map((s) => [s.role, s.text])).toContainEqual([
      "text",
      "市役所の窓口で、平日9時30分～17時00分に受け取れます。",
    ]);
    expect(timing.parts[1].sentences.map((s) => [s.role, s.text])).toContainEqual(["announcement", "答え。"]);
    for (const part of timing.parts) {
      expect(part.audio).toBe(`test-card/audio/${part.id}.mp3`);
      let last = 0;
      for (const s of part.sentences) {
        expect(s.start, s.id).toBeGreaterThanOrEqual(last);
        expect(s.end, s.id).toBeGreaterThan(s.start);
        last = s.end;
      }
      expect(last).toBeLessThan(part.durationSeconds);
    }
  });

  it("the parts' durations add up, and each equals its MP3's duration as ffprobe measures it (within 50 ms)", () => {
    let offset = 0;
    for (const part of timing.parts) {
      expect(part.offsetSeconds).toBeCloseTo(offset, 6);
      offset += part.durationSeconds;
      // The sentences and the silences around them: lead before the first, the pause after each, the tail.
      const spoken = part.sentences.at(-1)!.end;
      expect(spoken + 1).toBeLessThanOrEqual(part.durationSeconds + 0.05);
      expect(Math.abs(Number(probe(out(part.audio!)).format.duration) - part.durationSeconds), part.id).toBeLessThan(0.05);
    }
    const whole = Number(probe(out(timing.leafletAudio.path)).format.duration);
    expect(Math.abs(whole - offset)).toBeLessThan(0.05);
    expect(timing.leafletAudio.durationSeconds).toBeCloseTo(offset, 6);
  });

  it("every sentence is heard where the timing map says, in its part's MP3 and in the whole file (measured, within 5 ms)", async () => {
    const engine = await resolveEngine({ engine: "openjtalk" });
    const script = await leafletScript(smallLeaflet(), { lexicon: smallSite([]).lexicon });
    const clipsCache = audioCaches(ctx.cacheDir).clips;
    const whole = decode(out(timing.leafletAudio.path));
    const rate = 48000;
    let checked = 0;
    for (const [k, unit] of [script.intro, ...script.units, ...(script.closing ? [script.closing] : [])].entries()) {
      const part = timing.parts[k];
      const own = decode(out(part.audio!));
      for (const s of part.sentences) {
        const u = unit.utterances.find((x) => x.id === s.id)!;
        const clip = parseWav(await readFile(clipsCache.path(clipKey(engine, u.text, 1, u.pitch), "wav"))).samples;
        expect((s.end - s.start) * rate).toBeCloseTo(clip.length, 0);
        // The engine's clip, found in the decoded audio by correlation within ±50 ms of where the map puts it.
        for (const [samples, base] of [
          [own, 0],
          [whole, part.offsetSeconds],
        ] as const) {
          const lag = bestLag(clip, samples, Math.round((base + s.start) * rate), rate * 0.05);
          expect(Math.abs(lag) / rate, `${s.id} in ${base ? "the whole file" : "its part"}`).toBeLessThanOrEqual(0.005);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("the all-files zip holds every part as a numbered track, in order, with a playlist", async () => {
    const entries = readZip(await readFile(out("test-card/audio/test-card-audio.zip")));
    expect(entries.map((e) => e.path)).toEqual([
      "test-card/01-intro.mp3",
      "test-card/02-q1.mp3",
      "test-card/03-carrying.mp3",
      "test-card/04-closing.mp3",
      "test-card/05-credits.mp3",
      "test-card/test-card.m3u8",
    ]);
    for (const [i, id] of ["_intro", "q1", "carrying", "_closing", "_credits"].entries())
      expect(Buffer.from(entries[i].data).equals(await readFile(out(`test-card/audio/${id}.mp3`)))).toBe(true);
    const playlist = new TextDecoder().decode(entries[5].data).split("\r\n");
    expect(playlist.slice(0, 3)).toEqual(["#EXTM3U", expect.stringMatching(/^#EXTINF:\d+,マイナンバーカードの受け取り$/), "01-intro.mp3"]);
  });

  it("a new title is spoken again in the opening only, and re-tags the other files without encoding them", async () => {
    const renamed = await testContext(smallSite([smallLeaflet({ title: "カードの受け取り方" })]), ctx.cacheDir);
    const again = await renderAudioEdition(renamed);
    expect([again.clipsSynthesized, again.unitsEncoded]).toEqual([1, 1]);
    expect(probe(join(renamed.outDir, "test-card/audio/q1.mp3")).format.tags.album).toBe("カードの受け取り方");
  });
});
