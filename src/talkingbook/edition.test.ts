import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { smallLeaflet, smallSite } from "../../test/support/models.ts";
import { renderAudioEdition } from "../audio/index.ts";
import { testContext } from "../audio/testing/context.ts";
import { RenderError } from "../edition/contract.ts";
import type { TimingMap } from "../edition/timing.ts";
import { readZip } from "../lib/zip.ts";
import { checkTalkingBook } from "./check/index.ts";
import { talkingBookRenderer } from "./renderer.ts";

/** Seconds ffprobe measures in an MP3 given as bytes. */
async function probeBytes(data: Uint8Array): Promise<number> {
  const file = join(await mkdtemp(join(tmpdir(), "daisy-mp3-")), "a.mp3");
  await writeFile(file, data);
  return Number(execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file], { encoding: "utf8" }));
}

describe("the talking-book edition, from the audio edition's real output", () => {
  let ctx: Awaited<ReturnType<typeof testContext>>;
  let timing: TimingMap;
  beforeAll(async () => {
    ctx = await testContext(smallSite([smallLeaflet()]));
    await renderAudioEdition(ctx);
    await talkingBookRenderer.render(ctx);
    timing = JSON.parse(await readFile(join(ctx.outDir, "test-card/audio/timing.json"), "utf8"));
  });

  it("records the EPUB and the DAISY zip with their durations, those of the whole leaflet's audio", () => {
    const books = ctx.artifacts.filter((a) => a.edition === "talkingbook").map((a) => [a.kind, a.path]);
    expect(books).toEqual([
      ["epub", "test-card/test-card.epub"],
      ["daisy", "test-card/test-card-daisy.zip"],
    ]);
    for (const a of ctx.artifacts.filter((x) => x.edition === "talkingbook")) {
      expect(a.bytes).toBeGreaterThan(10_000);
      expect(Math.abs(a.durationSeconds! - timing.leafletAudio.durationSeconds), a.kind).toBeLessThan(0.05);
    }
  });

  it("passes EPUBCheck (no error, no warning), DAISY Ace (no critical or serious) and the DAISY 2.02 checker", async () => {
    const reports = [
      ...(await checkTalkingBook(join(ctx.outDir, "test-card/test-card.epub"))),
      ...(await checkTalkingBook(join(ctx.outDir, "test-card/test-card-daisy.zip"))),
    ];
    expect(reports.map((r) => [r.checker, r.ok])).toEqual([
      ["epubcheck", true],
      ["ace", true],
      ["daisy202", true],
    ]);
    expect(ctx.artifacts.find((a) => a.kind === "epub")?.meta).toEqual({ conformance: true });
  });

  it("plays each part's own MP3, and each SMIL's clips add up to its MP3's duration within 50 ms", async () => {
    const files = new Map(readZip(await readFile(join(ctx.outDir, "test-card/test-card-daisy.zip"))).map((e) => [e.path, e.data]));
    const smils = [...files.keys()].filter((p) => p.endsWith(".smil"));
    expect(smils).toHaveLength(timing.parts.length);
    for (const smil of smils) {
      const text = new TextDecoder().decode(files.get(smil));
      const clips = [...text.matchAll(/<audio src="([^"]+)" clip-begin="npt=([\d.]+)s" clip-end="npt=([\d.]+)s"/g)];
      const mp3s = new Set(clips.map((c) => c[1]));
      expect(mp3s.size, smil).toBe(1);
      const sum = clips.reduce((n, c) => n + Number(c[3]) - Number(c[2]), 0);
      const mp3 = [...files.keys()].find((p) => p.endsWith(`/${[...mp3s][0]}`) || p === [...mp3s][0])!;
      expect(mp3, [...files.keys()].join(" ")).toBeDefined();
      expect(Math.abs(sum - (await probeBytes(files.get(mp3)!))), `${smil} (${mp3})`).toBeLessThan(0.05);
    }
  });

  it("without the audio edition in the build, says to build it", async () => {
    const bare = await testContext(smallSite([smallLeaflet()]));
    const error = await talkingBookRenderer.render(bare).catch((e) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect(error.message).toMatch(/made from the audio edition/);
    expect(error.hint).toMatch(/--edition audio,talkingbook/);
  });
});
