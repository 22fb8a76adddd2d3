import { describe, expect, it } from "vitest";
import { fixtureModel } from "../../test/site/fixture.ts";
import type { Artifact } from "../edition/contract.ts";
import {
  downloadFacts,
  formatBytes,
  formatDate,
  formatDuration,
  infoDate,
  leafletEditions,
  opensInBrowser,
  relHref,
  siteView,
  subHeadingLevel,
  telHref,
} from "./view.ts";

const site = fixtureModel("/nonexistent/card-front.png");
const [cardSafety, faq] = site.leaflets;

describe("relHref", () => {
  it("links pages and files relatively so the site works under any base path", () => {
    expect(relHref("index.html", "card-safety/index.html")).toBe("card-safety/");
    expect(relHref("card-safety/index.html", "index.html")).toBe("../");
    expect(relHref("card-safety/index.html", "card-safety/index.html")).toBe("./");
    expect(relHref("card-safety/index.html", "card-safety/audio/q1.mp3")).toBe("audio/q1.mp3");
    expect(relHref("index.html", "card-safety/card-safety.pdf")).toBe("card-safety/card-safety.pdf");
    expect(relHref("card-safety/index.html", "_site/site.css")).toBe("../_site/site.css");
  });
  it("escapes characters that would break a URL", () => {
    expect(relHref("a/index.html", "a/images/カード 表.png")).toBe("images/%E3%82%AB%E3%83%BC%E3%83%89%20%E8%A1%A8.png");
  });
});

describe("formatting", () => {
  it("prints sizes the way Japanese public sites do", () => {
    expect(formatBytes(17)).toBe("17バイト");
    expect(formatBytes(1024)).toBe("1KB");
    expect(formatBytes(250_000)).toBe("244KB");
    expect(formatBytes(1_500_000)).toBe("1.4MB");
    expect(formatBytes(52_428_800)).toBe("50MB");
  });
  it("prints durations as words a screen reader reads naturally", () => {
    expect(formatDuration(0.4)).toBe("1秒");
    expect(formatDuration(45)).toBe("45秒");
    expect(formatDuration(185)).toBe("3分5秒");
    expect(formatDuration(180)).toBe("3分");
    expect(formatDuration(3723)).toBe("1時間2分3秒");
  });
  it("puts format, duration and size after a download link", () => {
    expect(downloadFacts({ kind: "audio-unit", label: "", format: "MP3", path: "x.mp3", bytes: 98_304, durationSeconds: 62 })).toBe(
      "（MP3、再生時間1分2秒、96KB）",
    );
    expect(downloadFacts({ kind: "pdf", label: "", format: "PDF", path: "x.pdf", bytes: 2048 })).toBe("（PDF、2KB）");
  });
  it("writes dates in Japanese", () => {
    expect(formatDate("2021-10-01")).toBe("2021年10月1日");
  });
  it("escapes # in tel: links so #9110 dials instead of becoming a fragment", () => {
    expect(telHref("0120950178")).toBe("tel:0120950178");
    expect(telHref("#9110")).toBe("tel:%239110");
  });
  it("never lets a sub-heading skip a level below its unit", () => {
    expect(subHeadingLevel(4, 2)).toBe(3);
    expect(subHeadingLevel(4, 3)).toBe(4);
    expect(subHeadingLevel(3, 3)).toBe(3);
    expect(subHeadingLevel(3, 1)).toBe(2);
  });
});

describe("leafletEditions", () => {
  const a = (kind: Artifact["kind"], path: string, extra: Partial<Artifact> = {}): Artifact => ({
    edition: "audio",
    kind,
    slug: cardSafety.slug,
    path,
    bytes: 1000,
    ...extra,
  });
  const artifacts: Artifact[] = [
    a("pdf-print", "card-safety-mini/card-safety-mini-print.pdf"),
    a("pdf", "card-safety-mini/card-safety-mini.pdf"),
    a("audio-leaflet", "card-safety-mini/audio/card-safety-mini-all.mp3", { durationSeconds: 95 }),
    a("audio-unit", "card-safety-mini/audio/q1.mp3", { unitId: "q1", durationSeconds: 20 }),
    a("audio-unit", "card-safety-mini/audio/gone.mp3", { unitId: "no-such-unit" }),
    a("code-png", "card-safety-mini/codes/q1.png", { unitId: "q1", meta: { url: "https://example.jp/card-safety-mini/#q1" } }),
    a("code-png", "card-safety-mini/codes/page.png", { meta: { url: "https://example.jp/card-safety-mini/" } }),
    a("braille-label-text", "card-safety-mini/braille/label.txt", { meta: { text: "マイナンバーカード アンシン", braille: "⠵⠃⠅⠴" } }),
    a("braille-text", "card-safety-mini/braille/card-safety-mini.txt"),
    a("brf", "card-safety-mini/braille/card-safety-mini.brf"),
    a("pdf", "faq-mini/faq-mini.pdf", { slug: faq.slug }),
  ];

  it("groups a leaflet's files: the office PDF for residents, audio per unit, braille with its label, the page's own code", () => {
    const e = leafletEditions(cardSafety, artifacts, site.settings);
    // The print-shop PDF is kept apart for the print shops' page: residents' pages never offer it.
    expect(e.pdfs.map((d) => d.kind)).toEqual(["pdf"]);
    expect(e.printShopPdf?.kind).toBe("pdf-print");
    expect(e.leafletAudio).toMatchObject({ durationSeconds: 95, format: "MP3" });
    expect(Object.keys(e.unitAudio)).toEqual(["q1"]);
    expect(e.braille.map((d) => d.kind)).toEqual(["brf", "braille-text"]);
    expect(e.brailleLabel).toEqual({ text: "マイナンバーカード アンシン", braille: "⠵⠃⠅⠴" });
    expect(e.pageCode).toEqual({ path: "card-safety-mini/codes/page.png", url: "https://example.jp/card-safety-mini/" });
  });

  it("gives a leaflet without other editions nothing to link", () => {
    const e = leafletEditions(faq, artifacts.slice(0, 10), site.settings);
    expect(e).toEqual({ pdfs: [], unitAudio: {}, talkingBooks: [], braille: [] });
  });

  it("lists the talking books with their size and length, and finds the timing map", () => {
    const e = leafletEditions(
      cardSafety,
      [
        a("daisy", "card-safety-mini/card-safety-mini-daisy.zip", { edition: "talkingbook", bytes: 2_500_000, durationSeconds: 610 }),
        a("epub", "card-safety-mini/card-safety-mini.epub", { edition: "talkingbook", bytes: 3_000_000, durationSeconds: 610 }),
        a("audio-zip", "card-safety-mini/audio/card-safety-mini-audio.zip", { bytes: 9_000_000, durationSeconds: 610 }),
        a("timing-map", "card-safety-mini/audio/timing.json"),
      ],
      site.settings,
    );
    expect(e.talkingBooks.map((d) => d.kind)).toEqual(["epub", "daisy", "audio-zip"]);
    expect(downloadFacts(e.talkingBooks[0])).toBe("（EPUB、再生時間10分10秒、2.9MB）");
    expect(e.talkingBooks[1].label).toContain("DAISY 2.02");
    expect(e.timingMap).toBe("card-safety-mini/audio/timing.json");
  });

  it("opens PDFs and HTML in the browser and offers the rest for download", () => {
    expect(opensInBrowser({ path: "a/a.pdf" })).toBe(true);
    expect(opensInBrowser({ path: "a/braille/proof.html" })).toBe(true);
    expect(opensInBrowser({ path: "a/audio/q1.mp3" })).toBe(false);
    expect(opensInBrowser({ path: "a/braille/a.brf" })).toBe(false);
  });

  it("dates the information and flags it once older than freshness.warnAfterMonths", () => {
    const today = new Date("2026-04-01T00:00:00Z");
    expect(infoDate(cardSafety, { freshness: { warnAfterMonths: 24 } }, today)).toEqual({ asOf: "2024-04-01", months: 24, stale: true });
    expect(infoDate(cardSafety, { freshness: { warnAfterMonths: 25 } }, today).stale).toBe(false);
    expect(infoDate(cardSafety, { freshness: { warnAfterMonths: 24 } }, new Date("2026-03-31T00:00:00Z")).stale).toBe(false);
  });

  it("lists the newest leaflet first", () => {
    expect(siteView(site.settings, [faq, cardSafety], []).leaflets.map((l) => l.leaflet.slug)).toEqual(["card-safety-mini", "faq-mini"]);
  });
});
