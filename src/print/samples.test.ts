// The real sample leaflets under content/, through the print renderer, checked with poppler and zbar.

import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSite } from "../content/load.ts";
import { layout } from "../edition/layout.ts";
import type { Inline, Leaflet, SiteModel } from "../model/types.ts";
import { blockText, inlineText, listUnits, unitBlocks } from "../model/walk.ts";
import { registerPrintFonts } from "./fonts.ts";
import { A4, BLEED, SLUG } from "./geometry.ts";
import { printRenderer } from "./index.ts";
import { renderColumns } from "./testing/columns.ts";
import { tempContext } from "./testing/context.ts";
import { ARTIFACTS, decodePageCodes, kinsokuViolations, pagePng, pdffonts, pdfinfo, pdftotext, save } from "./testing/poppler.ts";

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
      expected.forEach((url, i) => {
        const [page, id] = String(url).split("#");
        expect(page).toBe(`${site.settings.baseUrl}${l.slug}/`);
        if (i === 0) expect(id).toBeUndefined();
        else expect(ids.has(id), `${l.slug} page ${i + 1}: ${url}`).toBe(true);
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
