// Renders small hand-made leaflets and checks the PDFs with poppler and zbar, as a print shop or reader would.

import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFDocument, type PDFHexString, PDFName, PDFRawStream, type PDFString } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { dialogueLeaflet, faqLeaflet, fixtureSite } from "../../test/support/models.ts";
import { RenderError } from "../edition/contract.ts";
import { inlineText, listUnits } from "../model/walk.ts";
import { registerPrintFonts } from "./fonts.ts";
import { A4, BLEED, DEFAULT_BRAILLE_METRICS, mm, SLUG } from "./geometry.ts";
import { type PrintResult, renderLeafletPdfs } from "./index.ts";
import { renderColumns } from "./testing/columns.ts";
import { ARTIFACTS, decodePageCodes, kinsokuViolations, pagePng, pdffonts, pdfinfo, pdftotext, save } from "./testing/poppler.ts";

const OWN_BRAILLE = { text: "マイナンバーカード アンシン", braille: "⠵⠃⠅⠴⠐⠥⠒ ⠝⠒⠗" };

describe("kinsoku in rendered PDFs at several column widths", () => {
  const text =
    "マイナンバーカードは、住民票を持つ全ての方（外国人も含む）に割り振られる12桁の個人番号が記載されたカードです。「マイナポータル」（https://myna.go.jp/）から申請できます。お問い合わせは0120-95-0178（無料）、または047-334-1111（代表）まで。ちょっと、ぎゅっと、キャッシュカードの感覚！？　手数料は1,000円です。受付時間は平日9時30分～17時30分です。";
  // The narrowest column still fits the longest unbreakable run of the text (a URL in brackets, about 152 pt):
  // a run wider than its column is the one case where react-pdf's fallback breaker hyphenates at a script change.
  const widths = [160, 205, 262, 318, 377, 431];
  let layouts: string[] = [];

  beforeAll(async () => {
    const family = registerPrintFonts(fixtureSite().settings);
    const file = save(`${ARTIFACTS}/kinsoku-widths.pdf`, await renderColumns(family, [text], widths));
    layouts = widths.map((_, i) => pdftotext(file, { layout: true, page: i + 1 }));
  });

  it("breaks lines without violating 禁則 or inserting hyphens at every width", () => {
    for (const [i, l] of layouts.entries()) {
      expect(l.split("\n").filter((x) => x.trim()).length, `width ${widths[i]}`).toBeGreaterThan(2);
      expect(kinsokuViolations(l), `width ${widths[i]}:\n${l}`).toEqual([]);
      expect(l).not.toMatch(/[^\d]-\n/);
    }
  });

  it("never splits URLs, phone numbers or numbers", () => {
    for (const l of layouts) {
      for (const whole of ["https://myna.go.jp/", "0120-95-0178", "047-334-1111", "1,000", "12", "17"]) expect(l).toContain(whole);
    }
  });

  it("keeps every character: the text reads back complete", () => {
    for (const l of layouts) expect(l.replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
  });
});

describe("a dialogue leaflet (office and print-shop PDFs)", () => {
  const leaflet = dialogueLeaflet();
  const site = fixtureSite(leaflet);
  let r: PrintResult;
  let office = "";
  let shop = "";

  beforeAll(async () => {
    r = await renderLeafletPdfs(leaflet, site, { braille: OWN_BRAILLE });
    office = save(`${ARTIFACTS}/fixture-${leaflet.slug}.pdf`, r.office);
    shop = save(`${ARTIFACTS}/fixture-${leaflet.slug}-print.pdf`, r.printShop);
  });

  it("embeds BIZ UDPGothic Regular and Bold as subsets", () => {
    for (const file of [office, shop]) {
      const fonts = pdffonts(file);
      const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ""));
      expect(names).toContain("BIZUDPGothic-Regular");
      expect(names).toContain("BIZUDPGothic-Bold");
      for (const f of fonts) {
        expect(f.emb, f.name).toBe(true);
        expect(f.sub, f.name).toBe(true);
        expect(f.name).toMatch(/^[A-Z]{6}\+/);
      }
    }
  });

  it("writes the metadata: title, author = issuer, subject = summary, language, no conformance claim", async () => {
    const info = pdfinfo(office);
    expect(info.get("Title")).toBe(leaflet.title);
    expect(info.get("Author")).toBe(leaflet.issuer);
    expect(info.get("Subject")).toBe(leaflet.summary);
    expect(info.get("Page size")).toMatch(/^595\.2\d* x 841\.89 pts \(A4\)$/);
    for (const bytes of [r.office, r.printShop]) {
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      expect((doc.catalog.lookup(PDFName.of("Lang")) as PDFString).decodeText()).toBe("ja");
      const prefs = doc.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict);
      expect(String(prefs.get(PDFName.of("DisplayDocTitle")))).toBe("true");
      // Tagged, with no conformance claim: the XMP (if any) names no PDF/A or PDF/UA part.
      const xmp = doc.catalog.lookup(PDFName.of("Metadata"));
      const xmpText = xmp instanceof PDFRawStream ? Buffer.from(xmp.getContents()).toString("utf8") : "";
      expect(xmpText).not.toMatch(/pdfuaid|pdfaid/);
      expect(doc.catalog.lookup(PDFName.of("MarkInfo"), PDFDict).get(PDFName.of("Marked"))?.toString()).toBe("true");
    }
  });

  it("reads in order: title, lead, sections, speakers' names with their lines, contact box", () => {
    const text = pdftotext(office);
    const order = [
      "知って安心！",
      "身分証明書として使える",
      "持ち歩いても大丈夫？",
      "マイナちゃん：",
      "普通に持ち歩いていいの？",
      "マイナンバあちゃん：",
      "ええんじゃよ。",
      "一時利用停止",
      "暗証番号の管理",
      "暗証番号の種類",
      "マイナンバー総合フリーダイヤル",
      "0120-95-0178",
    ];
    let at = -1;
    for (const s of order) {
      const i = text.indexOf(s, at + 1);
      expect(i, `「${s}」 after position ${at}`).toBeGreaterThan(at);
      at = i;
    }
  });

  it("prints furigana for displayed ruby above the base text", () => {
    const text = pdftotext(office, { layout: true });
    const lines = text.split("\n");
    // Readings wider than their base leave gaps that pdftotext shows as spaces.
    const base = lines.findIndex((l) => l.replace(/\s+/g, "").includes("他人に教えたり"));
    expect(base).toBeGreaterThan(0);
    const above = lines.slice(0, base).filter((l) => l.trim() !== "");
    expect(above[above.length - 1]).toMatch(/たにん\s+ほかん/);
  });

  it("keeps 禁則 in the leaflet itself", () => {
    expect(kinsokuViolations(pdftotext(office, { layout: true }))).toEqual([]);
  });

  it("puts a QR code on every page that decodes to that page's URL", () => {
    const codes = decodePageCodes(office);
    expect(codes.length).toBe(r.pageCount);
    expect(codes.map((c) => c[0])).toEqual(r.pageUrls);
    // Page 1's code opens the leaflet's listening view; later pages the view of their first unit.
    expect(r.pageUrls[0]).toBe("https://www.city.ichikawa.example.jp/leaflets/card-safety/listen/");
    for (const [i, url] of r.pageUrls.entries()) expect(url).toBe(r.pageMap[i].url);
    expect(decodePageCodes(shop).map((c) => c[0])).toEqual(r.pageUrls);
  });

  it("labels the code plainly and prints the short address", () => {
    const text = pdftotext(office);
    expect(text).toContain("音声・文字で読めます");
    expect(text).toContain("音声コードではありません");
    expect(text).toContain("www.city.ichikawa.example.jp/leaflets/card-safety/");
  });

  it("has a running footer with the title, page X / Y and the issuer", () => {
    const text = pdftotext(office, { page: 1 });
    expect(text).toContain(`1 / ${r.pageCount} ページ`);
    expect(text).toContain(`発行：${leaflet.issuer}`);
  });

  it("has a bookmark per section, at the section's page", async () => {
    const titles = await outline(r.office);
    expect(titles).toEqual(["持ち歩いても大丈夫？", "暗証番号の管理"]);
  });

  it("sizes the print-shop page to trim + 3 mm bleed + marks, with TrimBox and BleedBox", () => {
    const info = pdfinfo(shop, true);
    const [w, hgt] = (info.get("Page size") ?? "").split(/\s*x\s*|\s+pts/).map(Number);
    expect(w).toBeCloseTo(A4.width + 2 * (BLEED + SLUG), 1);
    expect(hgt).toBeCloseTo(A4.height + 2 * (BLEED + SLUG), 1);
    const box = (k: string) => (info.get(k) ?? "").split(/\s+/).map(Number);
    const trim = box("TrimBox");
    expect(trim[2] - trim[0]).toBeCloseTo(A4.width, 1);
    expect(trim[3] - trim[1]).toBeCloseTo(A4.height, 1);
    const bleed = box("BleedBox");
    expect(trim[0] - bleed[0]).toBeCloseTo(mm(3), 2);
    expect(bleed[3] - trim[3]).toBeCloseTo(mm(3), 2);
  });

  it("draws the braille label on a Braille spot colour in its own layer, dots at true size", async () => {
    const doc = await PDFDocument.load(r.printShop);
    const oc = doc.catalog.lookup(PDFName.of("OCProperties"), PDFDict);
    const ocgs = oc.lookup(PDFName.of("OCGs"), PDFArray);
    const names = Array.from({ length: ocgs.size() }, (_, i) =>
      (ocgs.lookup(i, PDFDict).lookup(PDFName.of("Name")) as PDFString).decodeText(),
    );
    expect(names).toEqual(["Braille", "DieCut"]);
    const page1 = doc.getPages()[0];
    const cs = page1.node.Resources()!.lookup(PDFName.of("ColorSpace"), PDFDict).lookup(PDFName.of("CSBraille"), PDFArray);
    expect(cs.get(0).toString()).toBe("/Separation");
    expect(cs.get(1).toString()).toBe("/Braille");
    const ops = contentStreams(page1.node.Contents()).find((s) => s.includes("/CSBraille cs"))!;
    expect(ops).toContain("/OC /LBraille BDC");
    // One closed circle per raised dot: count the dots of the braille string bit by bit.
    const expectedDots = [...OWN_BRAILLE.braille]
      .filter((c) => c >= "\u2800" && c <= "\u28ff")
      .reduce((n, c) => n + popcount(c.codePointAt(0)! - 0x2800), 0);
    expect(expectedDots).toBe(27);
    expect(brailleCircles(ops).length).toBe(expectedDots);
    expect(firstDotRadius(ops)).toBeCloseTo(DEFAULT_BRAILLE_METRICS.dotDiameter / 2, 2);
    expect(pdftotext(office, { page: 1 })).toContain(`点字：${OWN_BRAILLE.text}`);
  });

  it("cuts no notch without a Uni-Voice slot: the web QR is not a voice code", async () => {
    const doc = await PDFDocument.load(r.printShop);
    for (const page of doc.getPages()) expect(contentStreams(page.node.Contents()).join("\n")).not.toContain("/OC /LDie BDC");
    const officeDoc = await PDFDocument.load(r.office);
    expect(officeDoc.catalog.get(PDFName.of("OCProperties"))).toBeUndefined();
  });

  it("exports Uni-Voice encoder text per page: page number first, at most 800 characters, readings normalised", () => {
    expect(r.uniVoice.length).toBe(r.pageCount);
    r.uniVoice.forEach((t, i) => {
      expect(t.startsWith(`${i + 1}ページ。`)).toBe(true);
      expect([...t].length).toBeLessThanOrEqual(800);
    });
    const all = r.uniVoice.join("");
    // The author's ruby reading of 他人 is the dictionary's own: the kanji stay, so the voice keeps its accent.
    expect(all).toContain("他人に教えたり");
    expect(all).toContain("アイシーチップ"); // readings normalised
    expect(all).toContain("マイナちゃん。"); // speakers are named, as the audio names them (one speech script)
  });

  it("keeps a PNG of page 1 for people to look at", () => {
    const png = pagePng(office, 1, `${ARTIFACTS}/fixture-${leaflet.slug}-page1`);
    expect(pdfinfo(office).get("Pages")).toBe(`${r.pageCount}`);
    expect(png).toMatch(/page1\.png$/);
  });
});

describe("a 30-question booklet with a Uni-Voice slot", () => {
  const leaflet = faqLeaflet(30, 3);
  const site = fixtureSite(leaflet);
  let r: PrintResult;
  let office = "";

  beforeAll(async () => {
    r = await renderLeafletPdfs(leaflet, site, { braille: null });
    office = save(`${ARTIFACTS}/fixture-${leaflet.slug}.pdf`, r.office);
    save(`${ARTIFACTS}/fixture-${leaflet.slug}-print.pdf`, r.printShop);
  });

  it("starts with a cover and contents, then the questions", () => {
    expect(r.pageCount).toBeGreaterThan(3);
    const cover = pdftotext(office, { page: 1 });
    expect(cover).toContain("目次（質問 30 問）");
    expect(cover).toContain("Q1〜Q10");
    expect(cover).not.toContain("Q1. ");
    expect(pdftotext(office, { page: 2 })).toContain("Q1. ");
  });

  it("nests a bookmark per question under its section", async () => {
    const titles = await outline(r.office);
    const units = listUnits(leaflet);
    expect(titles.length).toBe(units.length);
    expect(titles[0]).toBe("カードの受け取り");
    expect(titles[1]).toBe("  Q1. Q1の質問：受け取りに必要なものは何ですか。");
  });

  it("points each page's code at the first unit with content on that page", () => {
    const codes = decodePageCodes(office).map((c) => c[0]);
    expect(codes).toEqual(r.pageUrls);
    for (let p = 2; p <= r.pageCount; p++) {
      const id = codes[p - 1].match(/\/listen\/([^/]+)\/$/)![1];
      const text = pdftotext(office, { page: p });
      const unit = listUnits(leaflet).find((u) => u.id === id)!;
      const heading = unit.type === "question" ? `Q${unit.number}. ` : inlineText(unit.title);
      const top = text.split("\n").find((l) => l.trim() !== "")!;
      if (/^Q\d+\. /.test(top)) expect(top.startsWith(heading), `page ${p}: ${top} vs ${id}`).toBe(true);
      else if (!top.startsWith(heading)) {
        // The page continues a unit from the page before: the code leads to that unit.
        expect(pdftotext(office, { page: p - 1 }), `page ${p}: ${id}`).toContain(heading);
      }
    }
  });

  it("reserves an 18 mm Uni-Voice slot on every page", () => {
    for (let p = 1; p <= r.pageCount; p++) expect(pdftotext(office, { page: p })).toContain("Uni-Voice");
  });

  it("cuts one notch per page beside the slot, on the outer edge: right on odd pages, left on even (stapled left)", async () => {
    const doc = await PDFDocument.load(r.printShop);
    const g = { ox: mm(13), width: A4.width };
    doc.getPages().forEach((page, i) => {
      const ops = contentStreams(page.node.Contents()).join("\n");
      const die = ops.split("/OC /LDie BDC").slice(1);
      expect(die.length, `page ${i + 1}`).toBe(1);
      // The die-line starts on the trim edge it is cut into.
      const x = Number(die[0].split("\n")[1].trim().split(/\s+/)[0]);
      expect(x, `page ${i + 1}`).toBeCloseTo(i % 2 === 0 ? g.ox + g.width : g.ox, 1);
    });
  });

  it("keeps 禁則 and leaves URLs and phone numbers whole", () => {
    const text = pdftotext(office, { layout: true });
    expect(kinsokuViolations(text)).toEqual([]);
    expect(text.split("https://www.city.ichikawa.example.jp/mynumber/").length - 1).toBe(30);
    expect(text.split("047-334-1111").length - 1).toBe(30);
  });
});

describe("font errors", () => {
  it("names the missing font file and the settings key", async () => {
    const leaflet = dialogueLeaflet();
    const site = fixtureSite(leaflet);
    site.settings.print.fonts.bold = "/nonexistent/BIZUDPGothic-Bold.ttf";
    const err = await renderLeafletPdfs(leaflet, site, { braille: null }).catch((e) => e);
    expect(err).toBeInstanceOf(RenderError);
    expect(err.message).toContain("print.fonts.bold");
    expect(err.message).toContain("/nonexistent/BIZUDPGothic-Bold.ttf");
    expect(err.hint).toContain("fonts-morisawa-bizud-gothic");
  });
});

describe("braille dot sizes from content/settings.yaml", () => {
  it("draws the label's dots at the diameter the settings give", async () => {
    const leaflet = dialogueLeaflet();
    const site = fixtureSite(leaflet);
    site.settings.print.braille = { dotDiameter: 1.6, dotCentreSpacing: 2.4, cellCentreSpacing: 6.2, lineCentreSpacing: 12 };
    const result = await renderLeafletPdfs(leaflet, site, { braille: OWN_BRAILLE });
    const doc = await PDFDocument.load(result.printShop);
    const ops = contentStreams(doc.getPages()[0].node.Contents()).find((c) => c.includes("/CSBraille cs"))!;
    expect(firstDotRadius(ops)).toBeCloseTo(mm(0.8), 2);
  });
});

/** The closed circles (one per raised braille dot) of a content stream. */
function brailleCircles(ops: string): string[] {
  return ops.split("\n").filter((l) => / m .* c h$/.test(l));
}

/** Radius of the first dot: a circle starts at (cx + r, cy) and its first curve ends at (cx, cy + r). */
function firstDotRadius(ops: string): number {
  const nums = brailleCircles(ops)[0]
    .split(/\s+/)
    .filter((t) => /^-?[\d.]+$/.test(t))
    .map(Number);
  return nums[0] - nums[6];
}

/** Outline titles, indented by two spaces per level. */
async function outline(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const walk = (d: PDFDict | undefined, depth: number): string[] => {
    const out: string[] = [];
    let cur = d?.lookupMaybe(PDFName.of("First"), PDFDict);
    while (cur) {
      const t = cur.lookup(PDFName.of("Title")) as PDFString | PDFHexString;
      out.push("  ".repeat(depth) + t.decodeText());
      out.push(...walk(cur, depth + 1));
      cur = cur.lookupMaybe(PDFName.of("Next"), PDFDict);
    }
    return out;
  };
  return walk(doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict), 0);
}

function contentStreams(contents: unknown): string[] {
  const list = contents instanceof PDFArray ? Array.from({ length: contents.size() }, (_, i) => contents.lookup(i)) : [contents];
  return list
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .map((s) => {
      const filter = s.dict.get(PDFName.of("Filter"));
      const raw = s.contents;
      return Buffer.from(filter ? inflateSync(raw) : raw).toString("latin1");
    });
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x >>>= 1) c += x & 1;
  return c;
}
