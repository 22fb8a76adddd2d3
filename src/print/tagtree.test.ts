// The tag-tree checker must fail on broken files: each case takes a good tagged PDF, breaks one thing in it
// with pdf-lib (as a careless post-processing step would) and expects the checker to name the fault.
import { Document, Font, Image, Link, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import { PDFArray, PDFDict, PDFDocument, PDFName, rgb, StandardFonts } from "pdf-lib";
import React from "react";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { kinsokuTextProps } from "./kinsoku.ts";
import { checkTagTree, outline, readTagTree } from "./tagtree.ts";
import { ARTIFACTS, save } from "./testing/poppler.ts";

const h = React.createElement as unknown as (
  type: unknown,
  props?: Record<string, unknown> | null,
  ...children: unknown[]
) => React.ReactElement;
const FONT_DIR = "/usr/share/fonts/truetype/bizud-gothic";
const FAMILY = "TagTreeTestGothic";
Font.register({
  family: FAMILY,
  fonts: [
    { src: `${FONT_DIR}/BIZUDPGothic-Regular.ttf`, fontWeight: 400 },
    { src: `${FONT_DIR}/BIZUDPGothic-Bold.ttf`, fontWeight: 700 },
  ],
});
const text = (props: Record<string, unknown> | null, ...children: unknown[]) => h(Text, { ...kinsokuTextProps, ...props }, ...children);
const body = { fontSize: 9, lineHeight: 1.5 };

const EXPECTED = [
  "Document",
  "  H1: 国民健康保険のお知らせ",
  "  P: 保険証は一人に一枚交付します。",
  "  Sect",
  "    H2: 保険料の納め方",
  "    Table",
  "      TR",
  "        TH [scope=Column]: 納期",
  "      TR",
  "        TD: 7月から翌年3月まで",
  "    Figure [alt=納付書の見本]: ",
  "    P: 口座振替の申し込みは市のページからできます。",
  "      Link: 市のページ",
];

async function goodPdf(tagged: boolean): Promise<Uint8Array> {
  const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .png()
    .toBuffer();
  const el = h(
    Document,
    { title: "国民健康保険のお知らせ", language: "ja", tagged },
    h(
      Page,
      { size: "A6", experimentalPagination: true, style: { fontFamily: FAMILY, padding: 20 } },
      text({
        fixed: true,
        style: { position: "absolute", top: 400, left: 20, fontSize: 7, lineHeight: 1.2 },
        render: ({ pageNumber }: { pageNumber: number }) => `${pageNumber}ページ`,
      }),
      text({ tag: "H1", style: { fontSize: 13, lineHeight: 1.4, fontWeight: 700 } }, "国民健康保険のお知らせ"),
      text({ style: body }, "保険証は一人に一枚交付します。"),
      h(
        View,
        { tag: "Sect" },
        text({ tag: "H2", style: { fontSize: 11, lineHeight: 1.4, fontWeight: 700 } }, "保険料の納め方"),
        h(
          View,
          { tag: "Table" },
          h(View, { tag: "TR" }, text({ tag: "TH", scope: "Column", style: body }, "納期")),
          h(View, { tag: "TR" }, text({ tag: "TD", style: body }, "7月から翌年3月まで")),
        ),
        h(Image, { alt: "納付書の見本", src: { data: png, format: "png" }, style: { width: 40, height: 20 } }),
        text(
          { style: body },
          "口座振替の申し込みは",
          h(Link, { src: "https://www.city.example.jp/kokuho/" }, "市のページ"),
          "からできます。",
        ),
      ),
    ),
  );
  return new Uint8Array(await renderToBuffer(el as never));
}

// Finds the first structure element with role `role`, depth first.
function findElement(doc: PDFDocument, role: string): { elem: PDFDict; parent: PDFDict; kids: PDFArray } {
  const root = doc.catalog.lookup(PDFName.of("StructTreeRoot"), PDFDict);
  const visit = (dict: PDFDict): { elem: PDFDict; parent: PDFDict; kids: PDFArray } | null => {
    const kids = dict.lookup(PDFName.of("K"));
    if (!(kids instanceof PDFArray)) return null;
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (!(kid instanceof PDFDict) || !kid.has(PDFName.of("S"))) continue;
      if (kid.lookup(PDFName.of("S"), PDFName).decodeText() === role) return { elem: kid, parent: dict, kids };
      const found = visit(kid);
      if (found) return found;
    }
    return null;
  };
  const found = visit(root);
  if (!found) throw new Error(`no ${role} element in the fixture`);
  return found;
}

async function broken(good: Uint8Array, name: string, breakIt: (doc: PDFDocument) => void | Promise<void>): Promise<string[]> {
  const doc = await PDFDocument.load(good, { updateMetadata: false });
  await breakIt(doc);
  const bytes = await doc.save({ useObjectStreams: false });
  save(`${ARTIFACTS}/tagtree-broken-${name}.pdf`, bytes);
  return checkTagTree(await readTagTree(bytes), { lang: "ja", outline: EXPECTED });
}

describe("the tag-tree checker", () => {
  let good: Uint8Array;

  beforeAll(async () => {
    good = await goodPdf(true);
    save(`${ARTIFACTS}/tagtree-good.pdf`, good);
  });

  it("passes the good fixture, and still passes it after a pdf-lib round trip", async () => {
    const tree = await readTagTree(good);
    expect(outline(tree)).toEqual(EXPECTED);
    expect(checkTagTree(tree, { lang: "ja", outline: EXPECTED })).toEqual([]);
    expect(await broken(good, "none", () => {})).toEqual([]);
  });

  it("fails an untagged PDF", async () => {
    const problems = checkTagTree(await readTagTree(await goodPdf(false)), { lang: "ja" });
    expect(problems).toContain("not a tagged PDF: the catalog has no /MarkInfo << /Marked true >>");
    expect(problems).toContain("no structure tree: there are no structure elements");
    expect(problems.join("\n")).toMatch(/page 1: drawing outside any marked content \(\d+ text, 1 image, \d+ path\): "1ページ国民健康保険/);
    // Untagged, react-pdf still writes one annotation per text run (市|の|ページ), as it always did.
    expect(problems).toContain("page 1: 3 of 3 link annotations are not in the structure tree");
  });

  it("fails a PDF whose reading order is wrong", async () => {
    const problems = await broken(good, "order", (doc) => {
      const { kids } = findElement(doc, "H1");
      const first = kids.get(0);
      kids.set(0, kids.get(1));
      kids.set(1, first);
    });
    expect(problems).toEqual([
      `reading order differs at element 2: expected "  H1: 国民健康保険のお知らせ", read "  P: 保険証は一人に一枚交付します。"`,
    ]);
  });

  it("fails content that drops out of the tree (its MCID claimed by no element)", async () => {
    const problems = await broken(good, "orphan", (doc) => {
      const { kids } = findElement(doc, "H1");
      kids.remove(0);
    });
    expect(problems.join("\n")).toMatch(
      /page 1: \/H1 content p\d+R_mc\d+ is neither in the structure tree nor an Artifact: "国民健康保険のお知らせ"/,
    );
  });

  it("fails drawing stamped afterwards without marking (as a post-processing step would)", async () => {
    const problems = await broken(good, "stamped", async (doc) => {
      const page = doc.getPage(0);
      const font = await doc.embedFont(StandardFonts.Helvetica);
      page.drawRectangle({ x: 200, y: 20, width: 40, height: 40, color: rgb(0, 0, 0) });
      page.drawText("CODE 1", { x: 200, y: 10, size: 6, font });
    });
    expect(problems).toEqual(['page 1: drawing outside any marked content (1 path, 1 text): "CODE 1"']);
  });

  it("fails a Figure without alternative text", async () => {
    const problems = await broken(good, "figure-alt", (doc) => {
      findElement(doc, "Figure").elem.delete(PDFName.of("Alt"));
    });
    expect(problems[0]).toBe("a Figure has no alternative text (alt)");
  });

  it("fails a skipped heading level", async () => {
    const problems = await broken(good, "heading", (doc) => findElement(doc, "H2").elem.set(PDFName.of("S"), PDFName.of("H3")));
    expect(problems[0]).toBe('heading H3 "保険料の納め方" skips a level (after H1)');
  });

  it("fails table rows outside a table", async () => {
    const problems = await broken(good, "table", (doc) => findElement(doc, "Table").elem.set(PDFName.of("S"), PDFName.of("Div")));
    expect(problems.slice(0, 2)).toEqual([
      "TR inside Div (expected inside Table or THead or TBody or TFoot)",
      "TR inside Div (expected inside Table or THead or TBody or TFoot)",
    ]);
  });

  it("fails a link annotation that is not in the structure tree", async () => {
    const problems = await broken(good, "link", (doc) => {
      const annots = doc.getPage(0).node.Annots()!;
      annots.lookup(0, PDFDict).delete(PDFName.of("StructParent"));
    });
    expect(problems[0]).toBe("page 1: 1 of 1 link annotations are not in the structure tree");
    // pdf.js finds annotations through /StructParent, so Firefox loses the link from the tree as well.
    expect(problems[1]).toMatch(
      /^page 1: pdf\.js reads the structure as .*Link\(p\d+R_mc\d+\).* but the file's tree gives .*Link\(annot:\d+R,/,
    );
  });

  it("fails a document without a language or a shown title", async () => {
    const problems = await broken(good, "lang", (doc) => {
      doc.catalog.delete(PDFName.of("Lang"));
      doc.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict).delete(PDFName.of("DisplayDocTitle"));
    });
    expect(problems).toEqual([
      "no document language: the catalog has no /Lang",
      "viewers are not told to show the title (/ViewerPreferences /DisplayDocTitle true)",
    ]);
  });
});
