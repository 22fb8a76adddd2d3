// Both talking books of a small leaflet spoken by the real Open JTalk, written, and checked by EPUBCheck, DAISY Ace,
// the DAISY 2.02 checker, ffprobe and daisy-player.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readZip } from "../lib/zip.ts";
import type { TalkingBookInput, WrittenBook } from "./book.ts";
import { checkDaisy202 } from "./check/daisy202.ts";
import { runEpubcheck } from "./check/epubcheck.ts";
import { probeAudio } from "./check/probe.ts";
import { formatReport } from "./check/report.ts";
import { allElements, parseXml } from "./check/xmltree.ts";
import { writeDaisy } from "./daisy.ts";
import { CONFORMS_TO, writeEpub } from "./epub.ts";
import { type RenderedTalkingBooks, renderTalkingBooks, talkingBookLayout } from "./index.ts";
import { daisyPlayerScreen, daisyPlayerUnavailable } from "./testing/daisy-player.ts";
import { type BookFixture, buildFixture } from "./testing/fixture.ts";
import { parseClock } from "./time.ts";

const SETTINGS = {
  baseUrl: "https://www.city.example.lg.jp/leaflets/",
  publisher: "市川市",
  narrator: "Open JTalk（NIT ATR503 M001）",
  modified: "2024-04-01T09:00:00Z",
};

let fx: BookFixture;
let rendered: RenderedTalkingBooks;
let partsEpub: WrittenBook;
let partsDaisy: WrittenBook;
let scratch: string;

beforeAll(async () => {
  fx = await buildFixture();
  scratch = await mkdtemp(join(tmpdir(), "talkingbook-books-"));
  // What the lead's renderer will do: read dist/, write both books, verify the EPUB with Ace before stating conformance.
  rendered = await renderTalkingBooks({ distDir: fx.distDir, leaflet: fx.leaflet, settings: SETTINGS });
  // And the other audio choice: every part's own MP3 (as if the opening and the credits had files of their own).
  const input: TalkingBookInput = { ...fx, timing: fx.partsTiming, settings: { ...SETTINGS, audio: "parts" } };
  partsEpub = writeEpub(input);
  partsDaisy = writeDaisy(input);
}, 180_000);

const distFile = (path: string) => join(fx.distDir, path);
const text = (files: Map<string, Uint8Array>, path: string) => new TextDecoder().decode(files.get(path)!);
async function filesOf(path: string): Promise<Map<string, Uint8Array>> {
  return new Map(readZip(await readFile(path)).map((e) => [e.path, e.data]));
}

describe("the EPUB 3 talking book", () => {
  it("is verified by DAISY Ace (no critical or serious violation) before it states EPUB Accessibility conformance", async () => {
    expect(rendered.ace, rendered.warnings.join("\n")).toBeDefined();
    expect(rendered.ace!.ok, formatReport(rendered.ace!)).toBe(true);
    expect(rendered.ace!.counts).toMatchObject({ critical: 0, serious: 0 });
    expect(rendered.conformance).toBe(true);
    const opf = text(await filesOf(distFile(rendered.epub.path)), "EPUB/package.opf");
    expect(opf).toContain(`<meta property="dcterms:conformsTo">${CONFORMS_TO}</meta>`);
    expect(opf).not.toContain("a11y:certifiedBy");
  });

  it("passes EPUBCheck with no error and no warning, with the whole-leaflet MP3 and with the units' own", async () => {
    const partsFile = join(scratch, "parts.epub");
    await writeFile(partsFile, partsEpub.archive);
    const reports = await Promise.all([runEpubcheck(distFile(rendered.epub.path)), runEpubcheck(partsFile)]);
    for (const r of reports) {
      expect(r.ok, formatReport(r)).toBe(true);
      expect(r.messages.filter((m) => m.severity !== "info")).toEqual([]);
    }
  });

  it("declares what it is: identifier, language, a11y metadata, and overlay durations that add up to the total", async () => {
    const files = await filesOf(distFile(rendered.epub.path));
    expect([...files.keys()][0]).toBe("mimetype");
    const meta = allElements(parseXml(text(files, "EPUB/package.opf")).root);
    const values = (p: string) => meta.filter((m) => m.attrs.property === p && !m.attrs.refines).map((m) => m.nodes.join(""));
    expect(meta.find((m) => m.name === "dc:identifier")!.nodes.join("")).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5/);
    expect(meta.find((m) => m.name === "dc:language")!.nodes.join("")).toBe("ja");
    expect(values("schema:accessMode")).toEqual(["textual", "auditory", "visual"]);
    expect(values("schema:accessModeSufficient")).toEqual(["textual", "auditory"]);
    expect(values("schema:accessibilityFeature")).toEqual([
      "structuralNavigation",
      "synchronizedAudioText",
      "tableOfContents",
      "readingOrder",
      "rubyAnnotations",
      "alternativeText",
    ]);
    expect(values("schema:accessibilityHazard")).toEqual(["none"]);
    expect(values("schema:accessibilitySummary")[0]).toMatch(/文ごとに同期/);
    expect(values("media:active-class")).toEqual(["-epub-media-overlay-active"]);
    const perOverlay = meta
      .filter((m) => m.attrs.property === "media:duration" && m.attrs.refines)
      .map((m) => parseClock(m.nodes.join(""))!);
    expect(perOverlay).toHaveLength(5);
    const total = parseClock(values("media:duration")[0])!;
    expect(perOverlay.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.abs(total / 1000 - fx.timing.leafletAudio.durationSeconds)).toBeLessThan(0.05);
    // The nav is a doc-toc with the leaflet's structure: the section holds its question.
    const nav = text(files, "EPUB/nav.xhtml");
    expect(nav).toContain('role="doc-toc"');
    expect(nav).toMatch(/受け取りの窓口<\/a><ol><li><a href="text\/q1\.xhtml#q1">Q1\./);
  });
});

describe("the DAISY 2.02 talking book", () => {
  it("passes the DAISY 2.02 checker, written from the dist folder and with the units' own MP3s", async () => {
    const partsFile = join(scratch, "parts-daisy.zip");
    await writeFile(partsFile, partsDaisy.archive);
    for (const file of [distFile(rendered.daisy.path), partsFile]) {
      const r = await checkDaisy202(file);
      expect(r.ok, formatReport(r)).toBe(true);
      expect(r.messages).toEqual([]);
    }
  });

  it("states times that add up: each SMIL's time and elapsed time, and the NCC's total", async () => {
    const files = await filesOf(distFile(rendered.daisy.path));
    const ncc = text(files, "card-pickup/ncc.html");
    const totalTime = parseClock(/name="ncc:totalTime" content="([^"]+)"/.exec(ncc)![1])!;
    let elapsed = 0;
    const smils = [...files.keys()].filter((p) => p.endsWith(".smil")).sort();
    expect(smils).toHaveLength(5);
    for (const s of smils) {
      const smil = text(files, s);
      expect(parseClock(/name="ncc:totalElapsedTime" content="([^"]+)"/.exec(smil)![1])).toBe(elapsed);
      elapsed += parseClock(/name="ncc:timeInThisSmil" content="([^"]+)"/.exec(smil)![1])!;
    }
    expect(elapsed).toBe(totalTime);
    expect(ncc).toMatch(/<body>\s*<h1 class="title"/);
  });

  it("opens in daisy-player, which lists every part at its level and the total length", async (ctx) => {
    const why = await daisyPlayerUnavailable();
    if (why) ctx.skip(why);
    const screen = await daisyPlayerScreen(partsDaisy.archive);
    expect(screen).toContain("level: 1 of 3");
    const total = fx.timing.leafletAudio.durationSeconds;
    expect(screen).toContain(
      `total length: 00:${String(Math.floor(total / 60)).padStart(2, "0")}:${String(Math.floor(total % 60)).padStart(2, "0")}`,
    );
    for (const title of [
      "マイナンバーカードの受け取り",
      "受け取りの窓口",
      "Q1. 代理人でも受け取れますか。",
      "Q2. 手数料はかかりますか。",
      "クレジット",
    ])
      expect(screen).toContain(title);
  });
});

describe("both books", () => {
  it("play clips whose durations add up to each MP3's duration measured by ffprobe, within 50 ms", async () => {
    const books: [string, Map<string, Uint8Array>, RegExp, string, string][] = [
      ["epub", await filesOf(distFile(rendered.epub.path)), /^EPUB\/smil\/.*\.smil$/, "clipBegin", "clipEnd"],
      ["daisy", await filesOf(distFile(rendered.daisy.path)), /\.smil$/, "clip-begin", "clip-end"],
      ["epub, own MP3s", partsEpub.files, /^EPUB\/smil\/.*\.smil$/, "clipBegin", "clipEnd"],
      ["daisy, own MP3s", partsDaisy.files, /\.smil$/, "clip-begin", "clip-end"],
    ];
    for (const [name, files, smilPath, beginAttr, endAttr] of books) {
      const sums = new Map<string, number>();
      for (const [path, data] of files) {
        if (!smilPath.test(path)) continue;
        for (const a of allElements(parseXml(new TextDecoder().decode(data)).root).filter((e) => e.name === "audio")) {
          const file = posix.join(posix.dirname(path), a.attrs.src);
          sums.set(file, (sums.get(file) ?? 0) + parseClock(a.attrs[endAttr])! - parseClock(a.attrs[beginAttr])!);
        }
      }
      expect(sums.size, name).toBeGreaterThan(0);
      for (const [file, ms] of sums) {
        const tmp = join(scratch, file.replace(/\//g, "_"));
        await writeFile(tmp, files.get(file)!);
        const measured = (await probeAudio(tmp)).durationSeconds;
        expect(Math.abs(ms / 1000 - measured), `${name}: ${file}`).toBeLessThan(0.05);
      }
    }
  });

  it("are written where the site links them, with sizes and durations for the build log", () => {
    expect(rendered.epub.path).toBe(talkingBookLayout.epub("card-pickup"));
    expect(rendered.daisy.path).toBe("card-pickup/card-pickup-daisy.zip");
    expect(rendered.epub.bytes).toBeGreaterThan(100_000);
    expect(rendered.epub.totalSeconds).toBeCloseTo(fx.timing.leafletAudio.durationSeconds, 1);
    expect(rendered.warnings).toEqual([]);
  });
});
