// Each checker shown failing: the good books of the fixture, broken one way at a time.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeZip } from "../lib/zip.ts";
import type { Inline } from "../model/types.ts";
import type { TalkingBookInput } from "./book.ts";
import { runAce } from "./check/ace.ts";
import { checkDaisy202 } from "./check/daisy202.ts";
import { runEpubcheck } from "./check/epubcheck.ts";
import { main } from "./check/index.ts";
import type { CheckReport } from "./check/report.ts";
import { writeDaisy } from "./daisy.ts";
import { writeEpub } from "./epub.ts";
import { renderTalkingBooks } from "./index.ts";
import { daisyPlayerScreen, daisyPlayerUnavailable } from "./testing/daisy-player.ts";
import { type BookFixture, buildFixture } from "./testing/fixture.ts";
import { utf8 } from "./xml.ts";

const SETTINGS = { baseUrl: "https://www.city.example.lg.jp/leaflets/", publisher: "市川市", modified: "2024-04-01T09:00:00Z" };
let fx: BookFixture;
let epubFiles: Map<string, Uint8Array>;
let daisyFiles: Map<string, Uint8Array>;
let scratch: string;

beforeAll(async () => {
  fx = await buildFixture();
  const input: TalkingBookInput = { ...fx, settings: SETTINGS };
  epubFiles = writeEpub(input).files;
  daisyFiles = writeDaisy(input).files;
  scratch = await mkdtemp(join(tmpdir(), "talkingbook-broken-"));
}, 120_000);

type Edit = (files: Map<string, Uint8Array>) => void;
/** Replaces text in a file of the book, failing the test if it is not there (so the breakage is real). */
const replace =
  (path: string, from: string | RegExp, to: string): Edit =>
  (files) => {
    const before = new TextDecoder().decode(files.get(path)!);
    const after = before.replace(from, to);
    if (after === before) throw new Error(`the fixture has no ${String(from)} in ${path}`);
    files.set(path, utf8(after));
  };

async function broken(name: string, original: Map<string, Uint8Array>, ...edits: Edit[]): Promise<string> {
  const files = new Map(original);
  for (const e of edits) e(files);
  const file = join(scratch, name);
  const entries = [...files].map(([path, data]) => ({ path, data, store: path === "mimetype" }));
  await writeFile(file, writeZip(entries, new Date(SETTINGS.modified)));
  return file;
}

const codes = (r: CheckReport) => r.messages.filter((m) => m.severity === "error").map((m) => m.code);
const errorText = (r: CheckReport) =>
  r.messages
    .filter((m) => m.severity === "error")
    .map((m) => `${m.file ?? ""} ${m.message}`)
    .join("\n");

describe("EPUBCheck", () => {
  it("fails an EPUB missing an overlay's media:duration and a SMIL pointing at a missing fragment", async () => {
    const file = await broken(
      "broken.epub",
      epubFiles,
      replace("EPUB/package.opf", /\s*<meta property="media:duration" refines="#mo-q1">[^<]*<\/meta>/, ""),
      replace("EPUB/smil/q2.smil", "#q2--h-s0", "#q2--nowhere"),
    );
    const r = await runEpubcheck(file);
    expect(r.ok).toBe(false);
    expect(codes(r)).toEqual(expect.arrayContaining(["RSC-005", "RSC-012"]));
    expect(errorText(r)).toMatch(/media:duration/);
  });
});

describe("DAISY Ace", () => {
  it("fails an EPUB whose content document has an image without alt text", async () => {
    const file = await broken("no-alt.epub", epubFiles, replace("EPUB/text/counters.xhtml", / alt="[^"]*"/, ""));
    const r = await runAce(file);
    expect(r.ok).toBe(false);
    expect(r.counts!.critical + r.counts!.serious).toBeGreaterThan(0);
    expect(codes(r)).toContain("image-alt");
  });

  it("keeps renderTalkingBooks from stating conformance when it fails the book, and says why", async () => {
    // A link whose text is only a blank has no accessible name: Ace reports it as serious.
    const leaflet = structuredClone(fx.leaflet);
    const q1 = leaflet.body[1].type === "section" ? leaflet.body[1].children.find((c) => c.type === "question") : undefined;
    if (q1?.type !== "question" || q1.answer[0].type !== "paragraph") throw new Error("fixture changed");
    q1.answer[0].children.push({
      type: "link",
      url: "https://www.city.example.lg.jp/",
      children: [{ type: "text", value: " " }],
    } as Inline);
    const out = await renderTalkingBooks({ distDir: fx.distDir, leaflet, settings: SETTINGS });
    expect(out.ace?.ok).toBe(false);
    expect(out.conformance).toBe(false);
    expect(out.warnings.join("\n")).toMatch(
      /DAISY Ace found \d+ critical and \d+ serious problems in the EPUB, so it does not state accessibility conformance/,
    );
  });
});

describe("the DAISY 2.02 checker", () => {
  const d = "card-pickup/";
  const cases: [string, Edit[], string[], RegExp][] = [
    [
      "a SMIL pointing at a missing fragment",
      [replace(`${d}s003.smil`, "#q1--h-s0", "#q1--gone")],
      ["d202-smil-link"],
      /id "q1--gone", which content\.html does not have/,
    ],
    [
      "a clip past the end of the MP3",
      [replace(`${d}s005.smil`, /clip-end="npt=[\d.]+s"(?![\s\S]*clip-end)/, 'clip-end="npt=999.000s"')],
      // The clip, and the seq's, the SMIL's and the book's durations it puts out of step.
      ["d202-clip", "d202-time", "d202-time", "d202-time"],
      /ends at 999 s, after the end of card-pickup-all\.mp3 \([\d.]+ s measured by ffprobe\)/,
    ],
    [
      "times that do not add up",
      [
        replace(`${d}s002.smil`, /name="ncc:timeInThisSmil" content="00:00:(\d\d)/, 'name="ncc:timeInThisSmil" content="00:01:$1'),
        replace(`${d}s004.smil`, /name="ncc:totalElapsedTime" content="[^"]+"/, 'name="ncc:totalElapsedTime" content="00:00:01.000"'),
        replace(`${d}ncc.html`, /name="ncc:totalTime" content="[^"]+"/, 'name="ncc:totalTime" content="00:00:30"'),
      ],
      ["d202-time", "d202-time", "d202-time"],
      /ncc:timeInThisSmil is 00:01:\d\d\.\d+ but the clips add up to [\d.]+ s/,
    ],
    [
      "a first heading that is not the title and a skipped level",
      [
        replace(`${d}ncc.html`, '<h1 class="title"', "<h1"),
        replace(`${d}ncc.html`, /<h2 id="nav-2">(.*?)<\/h2>/, '<h3 id="nav-2">$1</h3>'),
      ],
      ["d202-first-heading", "d202-heading-order"],
      /<h3> 「受け取りの窓口」 follows <h1>: a level is skipped/,
    ],
    [
      "missing required metadata",
      [replace(`${d}ncc.html`, /<meta name="dc:identifier"[^>]*>/, ""), replace(`${d}ncc.html`, /<meta name="ncc:totalTime"[^>]*>/, "")],
      ["d202-meta-missing", "d202-meta-missing"],
      /no "dc:identifier" metadata, which DAISY 2\.02 requires/,
    ],
    [
      "a content document that is not UTF-8",
      [
        (f) =>
          f.set(
            `${d}content.html`,
            new Uint8Array([
              ...f.get(`${d}content.html`)!.subarray(0, 400),
              0x8e,
              0x73,
              0x96,
              0xaf,
              ...f.get(`${d}content.html`)!.subarray(400),
            ]),
          ),
      ],
      ["d202-utf8"],
      /not valid UTF-8/,
    ],
    [
      "a file type DAISY 2.02 does not allow",
      [(f) => f.set(`${d}notes.txt`, utf8("メモ"))],
      ["d202-file-type", "d202-files"],
      /only hold XHTML, SMIL/,
    ],
    // Every SMIL file names the missing MP3 once, and the NCC's file count is off.
    [
      "a missing MP3",
      [(f) => f.delete(`${d}card-pickup-all.mp3`)],
      [...Array(5).fill("d202-smil-link"), "d202-files"],
      /card-pickup-all\.mp3, which is not in the book/,
    ],
    ["an image without alt", [replace(`${d}content.html`, / alt="[^"]*"/, "")], ["d202-img-alt"], /card-front\.png has no alt text/],
    [
      "a SMIL file outside the reading order",
      [(f) => f.set(`${d}s006.smil`, f.get(`${d}s005.smil`)!)],
      ["d202-smil-unreferenced", "d202-files"],
      /no NCC item points at this SMIL/,
    ],
    [
      "a wrong ncc:tocItems",
      [replace(`${d}ncc.html`, 'name="ncc:tocItems" content="5"', 'name="ncc:tocItems" content="7"')],
      ["d202-tocitems"],
      /ncc:tocItems is 7, the NCC has 5/,
    ],
    ["an NCC that is not well-formed", [replace(`${d}ncc.html`, "</body>", "<p></body>")], ["d202-xml"], /not well-formed XML/],
  ];
  for (const [name, edits, expected, message] of cases) {
    it(`fails ${name}`, async () => {
      const r = await checkDaisy202(await broken(`${name.replace(/\W+/g, "-")}.zip`, daisyFiles, ...edits));
      expect(r.ok).toBe(false);
      expect(codes(r).sort()).toEqual([...expected].sort());
      expect(errorText(r)).toMatch(message);
    });
  }
});

describe("daisy-player", () => {
  it("does not open a book without its NCC", async (ctx) => {
    const why = await daisyPlayerUnavailable();
    if (why) ctx.skip(why);
    const files = new Map(daisyFiles);
    files.delete("card-pickup/ncc.html");
    const zip = writeZip(
      [...files].map(([path, data]) => ({ path, data })),
      new Date(SETTINGS.modified),
    );
    const screen = await daisyPlayerScreen(zip, 4000);
    expect(screen).not.toContain("total length");
    expect(screen).not.toContain("受け取りの窓口");
  });
});

describe("the check command line", () => {
  it("prints each report and exits 1 when a book fails, 0 when it passes, 2 without a book", async () => {
    const good = await broken("good-daisy.zip", daisyFiles);
    const bad = await broken("bad-daisy.zip", daisyFiles, replace("card-pickup/s003.smil", "#q1--h-s0", "#q1--gone"));
    const lines: string[] = [];
    expect(await main([good], (l) => lines.push(l))).toBe(0);
    expect(lines.join("\n")).toMatch(/^daisy202: ok .*good-daisy\.zip: 0 errors, 0 warnings/);
    lines.length = 0;
    expect(await main([good, bad], (l) => lines.push(l))).toBe(1);
    expect(lines.join("\n")).toMatch(
      /daisy202: FAILED .*bad-daisy\.zip: 1 errors[\s\S]*s003\.smil:\d+ error: the link "content\.html#q1--gone"/,
    );
    expect(await main([], () => {})).toBe(2);
  });
});
