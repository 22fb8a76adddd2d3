// A small hand-made site and real files standing in for the other editions, so site tests need no other renderer:
// MP3s of sine tones, PDFs whose pages carry real QR codes, a page map and a timing map in the shapes of
// src/edition (timed from the real speech script, so every sentence id is one the audio edition would write), and
// placeholder talking-book files (the site only links them).
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import QRCode from "qrcode";
import { createElement as h } from "react";
import sharp from "sharp";
import { createRenderContext } from "../../src/edition/context.ts";
import type { Artifact, RenderContext } from "../../src/edition/contract.ts";
import { layout, type PageMapEntry, publicUrl } from "../../src/edition/layout.ts";
import { TIMING_MAP_VERSION, type TimedPart, type TimingMap } from "../../src/edition/timing.ts";
import type { ContactInfo, Leaflet, SiteModel } from "../../src/model/types.ts";
import { listUnits } from "../../src/model/walk.ts";
import { leafletScript } from "../../src/reading/speech.ts";
import { fixtureModel } from "../support/models.ts";

export { fixtureModel } from "../support/models.ts";

const run = promisify(execFile);

/** The leaflet with every edition; the other one has none. */
export const FULL = "card-safety-mini";
export const PLAIN = "faq-mini";
/** Seconds of audio per unit of the full leaflet, and of its opening. */
export const UNIT_SECONDS = 4;
export const INTRO_SECONDS = 2;
/** The printed pages of the full leaflet: which units each shows. */
export const PAGES: string[][] = [
  ["carrying", "pin"],
  ["q1", "q2", "q3"],
];

/** A RenderContext over a real folder, recording artifacts the way the build does. */
export function makeContext(site: SiteModel, outDir: string, cacheDir: string, artifacts: Artifact[] = []): RenderContext {
  return createRenderContext({ site, outDir, cacheDir, artifacts });
}

/** The city's contact of the fixture site (the shape the settings give). */
export const CITY_CONTACT: ContactInfo = {
  department: "○○市 市民部 市民課",
  phone: { number: "047-334-1111", dial: "0473341111" },
  fax: { number: "047-334-1112", dial: "0473341112" },
  email: "shiminka@city.example.lg.jp",
  address: "〒000-0000 ○○県○○市本町1-1",
  hours: "平日 8時45分～17時15分",
  url: "https://www.city.example.lg.jp/shiminka/",
};

/**
 * The shared site fixture with what the website adds: the city's contact on every leaflet, an English run marked by
 * the author and an English sentence to be detected, and the small FAQ's information checked today (so one
 * leaflet is current and the other, dated 2024, is old enough to warn).
 */
export function siteFixtureModel(imageFile: string): SiteModel {
  const site = fixtureModel(imageFile);
  site.settings.contact = CITY_CONTACT;
  for (const l of site.leaflets) l.contact = CITY_CONTACT;
  const full = site.leaflets.find((l) => l.slug === FULL) as Leaflet;
  const lead = full.body[0];
  if (lead.type === "paragraph") {
    lead.children.push(
      { type: "text", value: "英語の案内（" },
      { type: "foreign", lang: "en", children: [{ type: "text", value: "Inquiries in English" }] },
      { type: "text", value: "）もあります。" },
    );
  }
  full.body.splice(
    1,
    0,
    {
      type: "paragraph",
      pos: { file: full.file, line: 22, column: 1 },
      children: [{ type: "text", value: "This telephone number is toll-free." }],
    },
    {
      type: "paragraph",
      pos: { file: full.file, line: 23, column: 1 },
      children: [{ type: "text", value: "英語での受付は Monday to Friday only です。" }],
    },
  );
  const plain = site.leaflets.find((l) => l.slug === PLAIN) as Leaflet;
  const today = new Date().toISOString().slice(0, 10);
  plain.updated = today;
  plain.asOf = today;
  return site;
}

async function sineMp3(file: string, seconds: number, hz: number): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await run("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    `sine=frequency=${hz}:duration=${seconds}`,
    "-ac",
    "1",
    "-b:a",
    "64k",
    file,
  ]);
}

/** A PDF with one page per URL, each carrying that URL's QR code at the bottom right, as printed leaflets do. */
export async function codedPdf(file: string, urls: string[]): Promise<void> {
  const { Document, Page, Text, Image, renderToBuffer } = await import("@react-pdf/renderer");
  const pages = [];
  for (const [i, url] of urls.entries()) {
    const png = await QRCode.toBuffer(url, { errorCorrectionLevel: "M", margin: 4, width: 400 });
    pages.push(
      h(
        Page,
        { key: i, size: "A4", style: { padding: 40 } },
        h(Text, null, `Fixture page ${i + 1}`),
        h(Image, { src: png, style: { position: "absolute", right: 40, bottom: 40, width: 90, height: 90 } }),
      ),
    );
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, await renderToBuffer(h(Document, { title: "fixture" }, ...pages)));
}

/** A timing map of a leaflet: the real speech script's utterances, spread evenly over each part's seconds. */
export async function fixtureTiming(leaflet: Leaflet, slug: string): Promise<TimingMap> {
  const script = await leafletScript(leaflet, { lexicon: [], speakerNames: "always" });
  const parts: TimedPart[] = [];
  let offset = 0;
  const timed = (utterances: typeof script.intro.utterances, seconds: number) => {
    const step = seconds / Math.max(1, utterances.length);
    return utterances.map((u, i) => ({
      id: u.id,
      role: u.role,
      path: u.path,
      text: u.source || u.text,
      start: Math.round(i * step * 1000) / 1000,
      end: Math.round((i + 1) * step * 1000) / 1000,
    }));
  };
  parts.push({
    id: "_intro",
    kind: "intro",
    title: leaflet.title,
    level: 1,
    durationSeconds: INTRO_SECONDS,
    offsetSeconds: offset,
    sentences: timed(script.intro.utterances, INTRO_SECONDS),
  });
  offset += INTRO_SECONDS;
  const units = listUnits(leaflet);
  for (const u of script.units) {
    const unit = units.find((x) => x.id === u.id);
    parts.push({
      id: u.id,
      kind: u.kind === "section" ? "section" : "question",
      title: u.title,
      level: unit && leaflet.body.includes(unit) ? 2 : 3,
      audio: layout.unitAudio(slug, u.id),
      durationSeconds: UNIT_SECONDS,
      offsetSeconds: offset,
      sentences: timed(u.utterances, UNIT_SECONDS),
    });
    offset += UNIT_SECONDS;
  }
  if (script.closing) {
    // The contact and the information date: heard in the whole-leaflet file only.
    parts.push({
      id: "_closing",
      kind: "closing",
      title: script.closing.title,
      level: 2,
      durationSeconds: INTRO_SECONDS,
      offsetSeconds: offset,
      sentences: timed(script.closing.utterances, INTRO_SECONDS),
    });
    offset += INTRO_SECONDS;
  }
  return {
    version: TIMING_MAP_VERSION,
    slug,
    title: leaflet.title,
    leafletAudio: { path: layout.leafletAudio(slug), durationSeconds: offset },
    parts,
  };
}

/** Writes an image for the model and the other editions' files into outDir, and returns the model and artifacts. */
export async function fixtureBuild(outDir: string, imageDir: string): Promise<{ site: SiteModel; artifacts: Artifact[] }> {
  const imageFile = join(imageDir, "card-front.png");
  await mkdir(imageDir, { recursive: true });
  await sharp({ create: { width: 640, height: 400, channels: 3, background: "#7fa7d8" } })
    .png()
    .toFile(imageFile);
  const site = siteFixtureModel(imageFile);
  const slug = FULL;
  const leaflet = site.leaflets.find((l) => l.slug === slug) as Leaflet;
  const artifacts: Artifact[] = [];
  const ctx = makeContext(site, outDir, join(outDir, "..", "cache"), artifacts);

  const timing = await fixtureTiming(leaflet, slug);
  const total = timing.leafletAudio.durationSeconds;
  await sineMp3(join(outDir, layout.leafletAudio(slug)), total, 440);
  await ctx.record({ edition: "audio", kind: "audio-leaflet", slug, path: layout.leafletAudio(slug), durationSeconds: total });
  for (const [i, u] of listUnits(leaflet).entries()) {
    await sineMp3(join(outDir, layout.unitAudio(slug, u.id)), UNIT_SECONDS, 300 + 50 * i);
    await ctx.record({
      edition: "audio",
      kind: "audio-unit",
      slug,
      unitId: u.id,
      path: layout.unitAudio(slug, u.id),
      durationSeconds: UNIT_SECONDS,
    });
  }
  await ctx.emit({ edition: "audio", kind: "timing-map", slug }, layout.timingMap(slug), `${JSON.stringify(timing, null, 2)}\n`);

  // The page map and the PDF whose codes open each page's listening view, as the print edition is to write them.
  const base = site.settings.baseUrl;
  const pageMap: PageMapEntry[] = PAGES.map((units, i) => ({
    page: i + 1,
    units,
    url: publicUrl(base, i === 0 ? layout.listenPage(slug) : layout.listenPage(slug, units[0])),
  }));
  await ctx.emit({ edition: "print", kind: "page-map", slug }, layout.pageMap(slug), `${JSON.stringify(pageMap, null, 2)}\n`);
  await codedPdf(
    join(outDir, layout.pdf(slug)),
    pageMap.map((p) => p.url),
  );
  await ctx.record({ edition: "print", kind: "pdf", slug, path: layout.pdf(slug), meta: { pages: PAGES.length } });
  await codedPdf(
    join(outDir, layout.printPdf(slug)),
    pageMap.map((p) => p.url),
  );
  await ctx.record({ edition: "print", kind: "pdf-print", slug, path: layout.printPdf(slug) });

  // Talking books: the site links them with their size and length; their insides are the talking-book edition's.
  const placeholder = (what: string) => `placeholder ${what} for the website tests\n`;
  await ctx.emit({ edition: "talkingbook", kind: "epub", slug, durationSeconds: total }, layout.epub(slug), placeholder("EPUB"));
  await ctx.emit({ edition: "talkingbook", kind: "daisy", slug, durationSeconds: total }, layout.daisy(slug), placeholder("DAISY"));
  await ctx.emit({ edition: "audio", kind: "audio-zip", slug, durationSeconds: total }, layout.audioZip(slug), placeholder("zip"));

  const qr = await QRCode.toBuffer(`${base}${slug}/`, { margin: 4, width: 240 });
  await ctx.emit(
    { edition: "codes", kind: "code-png", slug, meta: { url: `${base}${slug}/` } },
    layout.codePng(slug, "page"),
    new Uint8Array(qr),
  );
  await ctx.emit({ edition: "braille", kind: "brf", slug }, layout.brf(slug), "MAIN8BA#3A ,A7,9\n");
  await ctx.emit({ edition: "braille", kind: "braille-text", slug }, layout.brailleText(slug), "⠵⠃⠅⠴⠐⠥⠒\n");
  await ctx.emit(
    { edition: "braille", kind: "braille-label-text", slug, meta: { text: "マイナンバーカード アンシン", braille: "⠵⠃⠅⠴⠐⠥⠒⠡⠐⠍ ⠁⠴⠩⠴" } },
    layout.brailleLabelText(slug),
    "⠵⠃⠅⠴⠐⠥⠒⠡⠐⠍ ⠁⠴⠩⠴\n",
  );
  return { site, artifacts };
}
