// The real sample leaflets under content/, through the print renderer, checked with poppler and zbar.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSite } from "../content/load.ts";
import { layout } from "../edition/layout.ts";
import type { Inline, Leaflet, SiteModel } from "../model/types.ts";
import { blockText, inlineText, listUnits, unitBlocks } from "../model/walk.ts";
import { registerPrintFonts } from "./fonts.ts";
import { A4, BLEED, mm, SLUG } from "./geometry.ts";
import { printRenderer } from "./index.ts";
import { checkTagTree, popplerTagged, readTagTree } from "./tagtree.ts";
import { renderColumns } from "./testing/columns.ts";
import { tempContext } from "./testing/context.ts";
import { ARTIFACTS, decodePageCodes, kinsokuViolations, pagePng, pdffonts, pdfinfo, pdftotext, save } from "./testing/poppler.ts";
import { blackWithColour, blobs, clusters, separate } from "./testing/press.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
let site: SiteModel;
let ctx: ReturnType<typeof tempContext>;

beforeAll(async () => {
  const loaded = await loadSite(ROOT);
  if (!loaded.site) throw new Error(`the sample content does not load: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
  site = loaded.site;
  ctx = tempContext(site);
  await printRenderer.render(ctx);
});
afterAll(() => ctx?.dispose());

const file = (rel: string) => path.join(ctx.outDir, rel);

describe("the sample leaflets", () => {
  it("are the three expected, with the FAQ as a booklet", () => {
    const slugs = site.leaflets.map((l) => l.slug).sort();
    expect(slugs).toEqual(["card-safety", "mynumber-faq", "mynumber-misconceptions"]);
    const faq = site.leaflets.find((l) => l.slug === "mynumber-faq")!;
    expect(faq.layout).toBe("booklet");
    expect(listUnits(faq).filter((u) => u.type === "question").length).toBe(62);
  });

  it("each produce an office PDF, a print-shop PDF and Uni-Voice text per page", () => {
    for (const l of site.leaflets) {
      const pdf = ctx.artifacts.find((a) => a.kind === "pdf" && a.slug === l.slug)!;
      const shop = ctx.artifacts.find((a) => a.kind === "pdf-print" && a.slug === l.slug)!;
      expect(pdf.path).toBe(layout.pdf(l.slug));
      expect(shop.path).toBe(layout.printPdf(l.slug));
      const pages = Number(pdfinfo(file(pdf.path)).get("Pages"));
      expect(pdf.meta?.pages).toBe(pages);
      expect(Number(pdfinfo(file(shop.path)).get("Pages"))).toBe(pages);
      const uv = ctx.artifacts.filter((a) => a.kind === "univoice-text" && a.slug === l.slug);
      expect(uv.map((a) => a.path)).toEqual(Array.from({ length: pages }, (_, i) => layout.uniVoiceText(l.slug, i + 1)));
      save(`${ARTIFACTS}/${l.slug}.pdf`, new Uint8Array(readFileSync(file(pdf.path))));
      save(`${ARTIFACTS}/${l.slug}-print.pdf`, new Uint8Array(readFileSync(file(shop.path))));
      pagePng(file(pdf.path), 1, `${ARTIFACTS}/${l.slug}-page1`);
    }
  });

  it("embed BIZ UDPGothic Regular and Bold, subset, and nothing else", () => {
    for (const l of site.leaflets) {
      for (const rel of [layout.pdf(l.slug), layout.printPdf(l.slug)]) {
        const fonts = pdffonts(file(rel));
        expect(new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, "")))).toEqual(
          new Set(["BIZUDPGothic-Regular", "BIZUDPGothic-Bold"]),
        );
        for (const f of fonts) expect(f.emb && f.sub, `${rel}: ${f.name}`).toBe(true);
      }
    }
  });

  it("carry title, author = issuer, subject = summary; A4 office pages; bleed-sized print pages with a TrimBox", () => {
    for (const l of site.leaflets) {
      const info = pdfinfo(file(layout.pdf(l.slug)));
      expect(info.get("Title")).toBe(l.title);
      expect(info.get("Author")).toBe(l.issuer);
      expect(info.get("Subject")).toBe(l.summary);
      expect(info.get("Page size")).toMatch(/\(A4\)$/);
      const shop = pdfinfo(file(layout.printPdf(l.slug)), true);
      const [w, h] = (shop.get("Page size") ?? "").split(/\s*x\s*|\s+pts/).map(Number);
      expect(w).toBeCloseTo(A4.width + 2 * (BLEED + SLUG), 1);
      expect(h).toBeCloseTo(A4.height + 2 * (BLEED + SLUG), 1);
      const trim = (shop.get("TrimBox") ?? "").split(/\s+/).map(Number);
      expect(trim[2] - trim[0]).toBeCloseTo(A4.width, 1);
    }
  });

  it("read in the order of the source: every section and question heading in turn", () => {
    for (const l of site.leaflets) {
      const text = pdftotext(file(layout.pdf(l.slug))).replace(/\s+/g, "");
      let at = text.indexOf(l.title.replace(/\s+/g, ""));
      expect(at, l.slug).toBeGreaterThanOrEqual(0);
      for (const u of listUnits(l)) {
        // Questions by their number (furigana may sit between the number and the text), sections by title.
        const heading = u.type === "question" ? `Q${u.number}.` : inlineText(u.title).replace(/\s+/g, "").slice(0, 12);
        const i = text.indexOf(heading, at + 1);
        expect(i, `${l.slug}: ${heading}`).toBeGreaterThan(at);
        at = i;
      }
    }
  });

  it("name the speaker on every dialogue line", () => {
    const l = site.leaflets.find((x) => x.slug === "card-safety")!;
    const text = pdftotext(file(layout.pdf(l.slug)));
    for (const sp of l.speakers) expect(text).toContain(`${sp.name}：`);
    const lines = listUnits(l)
      .flatMap((u) => unitBlocks(u))
      .filter((b) => b.type === "dialogue");
    const count = lines.reduce((n, b) => n + (b.type === "dialogue" ? b.lines.length : 0), 0);
    const printed = l.speakers.reduce((n, sp) => n + text.split(`${sp.name}：`).length - 1, 0);
    expect(printed).toBe(count);
  });

  it("keep 禁則 and leave URLs and phone numbers whole", () => {
    for (const l of site.leaflets) {
      const text = pdftotext(file(layout.pdf(l.slug)), { layout: true });
      expect(kinsokuViolations(text), l.slug).toEqual([]);
      for (const whole of unbreakables(l)) expect(text, `${l.slug}: ${whole}`).toContain(whole);
    }
  });

  it("carry a QR code on every page of both files that decodes to that page's unit URL", () => {
    for (const l of site.leaflets) {
      const expected = ctx.artifacts.filter((a) => a.kind === "univoice-text" && a.slug === l.slug).map((a) => a.meta?.url);
      const ids = new Set(listUnits(l).map((u) => u.id));
      // A page holding only the closing (the settings' contact and the information date) shows no unit.
      const pageMap = JSON.parse(readFileSync(file(layout.pageMap(l.slug)), "utf8")) as { units: string[] }[];
      expected.forEach((url, i) => {
        const m = String(url).match(/^(.*\/)listen\/(?:([^/]+)\/)?$/)!;
        expect(m[1]).toBe(`${site.settings.baseUrl}${l.slug}/`);
        if (i === 0 || pageMap[i]?.units.length === 0) expect(m[2]).toBeUndefined();
        else expect(ids.has(m[2]), `${l.slug} page ${i + 1}: ${url}`).toBe(true);
      });
      for (const rel of [layout.pdf(l.slug), layout.printPdf(l.slug)]) {
        expect(
          decodePageCodes(file(rel)).map((c) => c[0]),
          rel,
        ).toEqual(expected);
      }
    }
  });

  it("export Uni-Voice text that starts with the page number and fits 800 characters", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const a of ctx.artifacts.filter((x) => x.kind === "univoice-text")) {
      const text = await readFile(file(a.path), "utf8");
      expect(text.startsWith(`${a.meta?.page}ページ。`), a.path).toBe(true);
      expect([...text.trim()].length).toBeLessThanOrEqual(800);
    }
  });
});

describe("the samples' paragraphs at several column widths", () => {
  const widths = [250, 330, 420];
  it("break by 禁則 with no hyphen and keep URLs, numbers and phone numbers whole", async () => {
    const family = registerPrintFonts(site.settings);
    const texts = site.leaflets.flatMap((l) =>
      listUnits(l)
        .flatMap((u) => unitBlocks(u))
        .filter((b) => b.type === "paragraph" || b.type === "note")
        .map((b) => blockText(b).replace(/\n/g, "")),
    );
    expect(texts.length).toBeGreaterThan(50);
    const pdf = save(`${ARTIFACTS}/samples-widths.pdf`, await renderColumns(family, texts, widths));
    const out = pdftotext(pdf, { layout: true });
    expect(kinsokuViolations(out)).toEqual([]);
    const joined = out.replace(/\s+/g, "");
    for (const t of texts) expect(joined).toContain(t.replace(/\s+/g, "").slice(0, 20));
    for (const l of site.leaflets)
      for (const whole of unbreakables(l)) expect(out.split(whole).length - 1, whole).toBeGreaterThanOrEqual(widths.length);
  });
});

// URLs, phone numbers and numbers with separators that appear in a leaflet's paragraphs and notes.
function unbreakables(l: Leaflet): string[] {
  const texts = listUnits(l)
    .flatMap((u) => unitBlocks(u))
    .filter((b) => b.type === "paragraph" || b.type === "note")
    .map((b) => inlineText((b as { children: Inline[] }).children));
  const found = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/https?:\/\/[!-~]+|\d{2,4}-\d{2,4}-\d{3,4}|\d{1,3}(?:,\d{3})+/g)) found.add(m[0]);
  return [...found];
}

describe("the samples as a print shop and a reader meet them", () => {
  const shop = (l: Leaflet) => file(layout.printPdf(l.slug));
  const office = (l: Leaflet) => file(layout.pdf(l.slug));

  it("fit the paper: card-safety on at most 4 A4 pages (its closing contact included), no last page under a quarter full", () => {
    const pages = (l: Leaflet) => Number(pdfinfo(office(l)).get("Pages"));
    expect(pages(site.leaflets.find((l) => l.slug === "card-safety")!)).toBeLessThanOrEqual(4);
    for (const l of site.leaflets) {
      const n = pages(l);
      // Measured from the text drawn on the last page (footer and codes excluded): how far down the text area it reaches.
      const words = bboxWords(office(l), n).filter((w) => w.yMax < A4.height - mm(31));
      const bottom = Math.max(...words.map((w) => w.yMax));
      const fill = (bottom - mm(13)) / (A4.height - mm(13) - mm(31));
      expect(fill, `${l.slug} last page`).toBeGreaterThanOrEqual(0.25);
    }
  });

  it("never separate a question from the start of its answer", () => {
    for (const l of site.leaflets) {
      const pages = Array.from({ length: Number(pdfinfo(office(l)).get("Pages")) }, (_, i) =>
        pdftotext(office(l), { page: i + 1 }).replace(/\s+/g, ""),
      );
      for (const u of listUnits(l)) {
        if (u.type !== "question") continue;
        const first = unitBlocks(u).find((b) => b.type === "paragraph" || b.type === "dialogue");
        if (!first) continue;
        const start = (first.type === "paragraph" ? inlineText(first.children) : inlineText(first.lines[0].children))
          .replace(/\s+/g, "")
          .slice(0, 6);
        const q = pages.findIndex((p) => p.includes(`Q${u.number}.`));
        expect(pages[q], `${l.slug} Q${u.number}: answer 「${start}」 on the question's page`).toContain(start);
      }
    }
  });

  it("keep the outer 5 mm of every office page empty (office printers cannot print there)", async () => {
    for (const l of site.leaflets) {
      const n = Number(pdfinfo(office(l)).get("Pages"));
      for (let p = 1; p <= n; p++) {
        const png = pagePng(office(l), p, path.join(ctx.outDir, `margin-${l.slug}-${p}`), 72);
        expect(await inkInBand(png, 5), `${l.slug} page ${p}`).toBe(0);
      }
    }
  });

  it("print black text on the black plate only, with no RGB anywhere in the print-shop file", async () => {
    for (const l of site.leaflets) {
      const plates = await separate(shop(l), 1, 150);
      expect([...plates.keys()].sort(), l.slug).toEqual(expect.arrayContaining(["Black", "Cyan", "Magenta", "Yellow"]));
      const k = blackWithColour(plates);
      expect(k.black, `${l.slug}: black pixels`).toBeGreaterThan(10000);
      expect(k.withCmy, `${l.slug}: black pixels with C, M or Y`).toBe(0);
      const qdf = path.join(ctx.outDir, `${l.slug}-qdf.pdf`);
      execFileSync("qpdf", ["--qdf", "--object-streams=disable", shop(l), qdf]);
      const text = readFileSync(qdf, "latin1");
      expect(text, l.slug).not.toMatch(/\/DeviceRGB|\s(rg|RG)\n/);
      expect(text).toContain("/OutputIntents");
    }
  });

  it("draw the braille label to the standard: dots 1.3–1.7 mm, 2.1–2.5 mm apart in a cell, cells 5.1–6.8 mm apart, none touching", async () => {
    const dpi = 400;
    const px = 25.4 / dpi;
    for (const l of site.leaflets) {
      const plate = (await separate(shop(l), 1, dpi)).get("Braille")!;
      const dots = blobs(plate);
      const label = await ctx.shared.brailleLabel(l);
      const expected = [...label.braille].reduce((n, c) => n + popcount(c.codePointAt(0)! - 0x2800), 0);
      // As many separate blobs as raised dots: none overlaps another.
      expect(dots.length, l.slug).toBe(expected);
      for (const d of dots) {
        expect(d.diameter * px).toBeGreaterThanOrEqual(1.3);
        expect(d.diameter * px).toBeLessThanOrEqual(1.7);
      }
      const columns = clusters(
        dots.map((d) => d.x * px),
        0.3,
      );
      const gaps = columns.slice(1).map((c, i) => c - columns[i]);
      const dotPitch = Math.min(...gaps);
      const between = Math.min(...gaps.filter((g) => g > dotPitch + 0.5));
      expect(dotPitch, l.slug).toBeGreaterThanOrEqual(2.1);
      expect(dotPitch).toBeLessThanOrEqual(2.5);
      // Right column of one cell to the left column of the next, plus the dot pitch: the cell pitch.
      expect(dotPitch + between, l.slug).toBeGreaterThanOrEqual(5.1);
      expect(dotPitch + between).toBeLessThanOrEqual(6.8);
      const rows = clusters(
        dots.map((d) => d.y * px),
        0.3,
      );
      const rowGaps = rows.slice(1).map((r, i) => r - rows[i]);
      for (const g of rowGaps.filter((g) => g < 5)) expect(g).toBeCloseTo(dotPitch, 0);
    }
  });

  it("carry a tag tree a screen reader can follow: headings and reading order as in the source, furniture as Artifacts", async () => {
    for (const l of site.leaflets) {
      for (const f of [office(l), shop(l)]) {
        const tree = await readTagTree(new Uint8Array(readFileSync(f)));
        expect(popplerTagged(f), f).toBe(true);
        // Known: when a list runs over a page break, pdf.js's per-page view also lists the items of the other page,
        // as empty elements. Tolerated only when dropping empty elements makes the two views equal (docs/print.md).
        const problems = checkTagTree(tree, { lang: "ja" }).filter((p) => !onlyEmptyShells(p));
        expect(problems, f).toEqual([]);
        const headings = tree.elements.filter((e) => /^H[1-6]$/.test(e.role)).map((e) => e.text.replace(/\s+/g, ""));
        expect(headings[0], f).toBe(l.title.replace(/\s+/g, ""));
        const units = listUnits(l);
        let at = 0;
        for (const u of units) {
          const want = u.type === "question" ? `Q${u.number}.` : inlineText(u.title).replace(/\s+/g, "").slice(0, 10);
          const i = headings.findIndex((h, j) => j > at && h.includes(want));
          expect(i, `${f}: heading ${want} after #${at}`).toBeGreaterThan(at);
          at = i;
        }
      }
    }
  });
});

// Words of one page with their boxes (pt from the top-left), from pdftotext -bbox.
function bboxWords(pdf: string, page: number): { text: string; yMax: number; xMin: number; xMax: number }[] {
  const html = execFileSync("pdftotext", ["-bbox", "-f", `${page}`, "-l", `${page}`, pdf, "-"], { encoding: "utf8" });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    xMax: Number(m[2]),
    yMax: Number(m[3]),
    text: m[4],
  }));
}

// Non-white pixels in the outer band of a page image rendered at 72 dpi (1 px = 1 pt).
async function inkInBand(png: string, bandMm: number): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const band = Math.floor(mm(bandMm));
  let n = 0;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (x >= band && x < info.width - band && y >= band && y < info.height - band) continue;
      const i = (y * info.width + x) * info.channels;
      if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) n++;
    }
  }
  return n;
}

// A pdf.js-versus-file disagreement that is only empty elements pdf.js shows on a page with none of their content.
function onlyEmptyShells(problem: string): boolean {
  const m = /^page \d+: pdf\.js reads the structure as (.*) but the file's tree gives (.*)$/.exec(problem);
  if (!m) return false;
  let a = m[1];
  for (let prev = ""; prev !== a; ) {
    prev = a;
    a = a.replace(/,?[A-Za-z0-9]+\(\)/g, "").replace(/\(,/g, "(");
  }
  return a === m[2];
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n; v > 0; v >>= 1) c += v & 1;
  return c;
}
