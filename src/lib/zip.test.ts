import { describe, expect, it } from "vitest";
import { isCompressedMedia, readZip, writeZip } from "./zip.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("writeZip", () => {
  const when = new Date("2024-04-01T09:30:00Z");
  const entries = [
    { path: "mimetype", data: utf8("application/epub+zip"), store: true },
    { path: "EPUB/text/本文.xhtml", data: utf8("<p>受け取りの窓口</p>".repeat(50)) },
    { path: "EPUB/audio/q1.mp3", data: new Uint8Array([0xff, 0xfb, 1, 2, 3]), store: true },
  ];
  const zip = writeZip(entries, when);

  it("reads back every entry byte for byte, in order, with UTF-8 names", () => {
    const back = readZip(zip);
    expect(back.map((e) => e.path)).toEqual(entries.map((e) => e.path));
    back.forEach((e, i) => {
      expect(Buffer.from(e.data).equals(Buffer.from(entries[i].data))).toBe(true);
    });
    expect(back[1].method).toBe(8);
  });

  it("puts the first entry's bytes right after its header when it is stored (the EPUB mimetype rule)", () => {
    const [first] = readZip(zip);
    expect([first.path, first.method, first.localExtraLength, first.offset]).toEqual(["mimetype", 0, 0, 0]);
    expect(Buffer.from(zip.subarray(30, 38)).toString()).toBe("mimetype");
    expect(Buffer.from(zip.subarray(38, 58)).toString()).toBe("application/epub+zip");
  });

  it("is reproducible: the same files and date give the same bytes", () => {
    expect(Buffer.from(writeZip(entries, when)).equals(Buffer.from(zip))).toBe(true);
  });

  it("refuses to write one path twice and reports a damaged archive", () => {
    expect(() => writeZip([entries[0], entries[0]], when)).toThrow(/written twice/);
    expect(() => readZip(zip.subarray(0, 100))).toThrow(/not a ZIP archive/);
  });

  it("stores media that is compressed already", () => {
    expect(["a.mp3", "b.PNG", "c.xhtml"].map(isCompressedMedia)).toEqual([true, true, false]);
  });
});
