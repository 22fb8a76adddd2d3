import { describe, expect, it } from "vitest";
import { id3v2Length, id3v2Tag, retag } from "./id3.ts";
import { trackFileName, zipDate } from "./tracks.ts";

describe("track names and tags", () => {
  it("zero-pads track numbers to the count, so names sort in reading order (q2 before q10)", () => {
    const ids = ["_intro", ...Array.from({ length: 11 }, (_, i) => `q${i + 1}`), "_credits"];
    const names = ids.map((id, i) => trackFileName({ id }, i, ids.length));
    expect(names.slice(0, 3)).toEqual(["01-intro.mp3", "02-q1.mp3", "03-q2.mp3"]);
    expect(names.at(-1)).toBe("13-credits.mp3");
    expect([...names].sort()).toEqual(names);
    expect(trackFileName({ id: "q7" }, 6, 120)).toBe("007-q7.mp3");
  });

  it("replaces a file's ID3v2 tag, keeping the audio after it byte for byte", () => {
    const audio = new Uint8Array([0xff, 0xfb, 0x90, 0x64, 1, 2, 3]);
    const first = retag(audio, id3v2Tag({ title: "Q1. どこで受け取れますか。", track: { number: 2, of: 15 } }));
    const second = retag(first, id3v2Tag({ title: "持ち歩き方", date: "2024-04-01" }));
    expect(Buffer.from(second.subarray(id3v2Length(second))).equals(Buffer.from(audio))).toBe(true);
    expect(id3v2Length(audio)).toBe(0);
  });

  it("dates the zip's files with the information date, else SOURCE_DATE_EPOCH", () => {
    expect(zipDate("2024-04-01").toISOString()).toBe("2024-04-01T00:00:00.000Z");
    expect(zipDate("", { SOURCE_DATE_EPOCH: "1711962000" }).toISOString()).toBe("2024-04-01T09:00:00.000Z");
  });
});
