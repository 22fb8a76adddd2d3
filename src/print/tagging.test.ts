// The tagging patch to react-pdf, end to end: real Japanese leaflets rendered with BIZ UDPGothic, read back with
// pdf.js and poppler as a screen reader's viewer would, checked element by element in reading order.
import { Document, type DocumentProps, Font, Image, Link, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import React from "react";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { kinsokuTextProps } from "./kinsoku.ts";
import { checkTagTree, outline, popplerStructText, popplerTagged, readTagTree, type TagTree } from "./tagtree.ts";
import { ARTIFACTS, pdfinfo, pdftotext, save } from "./testing/poppler.ts";

// react-pdf's component typings fight React.createElement's overloads; the props are checked by use.
const h = React.createElement as unknown as <P = unknown>(
  type: unknown,
  props?: Record<string, unknown> | null,
  ...children: unknown[]
) => React.ReactElement<P>;
const FONT_DIR = "/usr/share/fonts/truetype/bizud-gothic";
const FAMILY = "TaggingTestGothic";
Font.register({
  family: FAMILY,
  fonts: [
    { src: `${FONT_DIR}/BIZUDPGothic-Regular.ttf`, fontWeight: 400 },
    { src: `${FONT_DIR}/BIZUDPGothic-Bold.ttf`, fontWeight: 700 },
  ],
});

const TITLE = "ごみと資源の出し方";
const INTRO =
  "市では、ごみを減らし資源を生かすため、分け方と出し方を決めています。収集日の朝8時30分までに、決められた場所へ出してください。";
const BURNABLE = "生ごみ、紙くず、木の枝は燃えるごみです。水気をよく切ってから、市の指定袋に入れてください。";
const ITEMS = ["生ごみ（水気を切る）", "紙おむつ（汚れを包む）", "木の枝（50センチ以下に切る）"];
const LINK_TEXT = "市のホームページ";
const LINK_URL = "https://www.city.example.jp/gomi/";
// Long enough that the flow runs onto a second A6 page.
const LONG =
  "粗大ごみは事前の申し込みが必要です。電話またはインターネットで申し込み、手数料分の処理券を買って、品物の見やすい所に貼ってください。収集日は申し込みのときにお知らせします。家電リサイクル法の対象となるエアコン、テレビ、冷蔵庫、洗濯機は粗大ごみとして出せません。購入したお店か、指定の引取場所へ運んでください。パソコンはメーカーの回収を利用してください。".repeat(
    2,
  );
const RUBY: { base: string; reading?: string }[] = [
  { base: "分別", reading: "ぶんべつ" },
  { base: "にご" },
  { base: "協力", reading: "きょうりょく" },
  { base: "ください。" },
];

const text = (props: Record<string, unknown> | null, ...children: unknown[]) => h(Text, { ...kinsokuTextProps, ...props }, ...children);
const body = { fontSize: 9, lineHeight: 1.5 };

async function pngImage(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 60, channels: 3, background: { r: 40, g: 110, b: 60 } } })
    .png()
    .toBuffer();
}

/** The test leaflet: title, two sections, list, figure, table, link, ruby, a fixed footer, a two-page flow. */
function leaflet(opts: { tagged: boolean; image: Buffer; experimentalPagination?: boolean }): React.ReactElement<DocumentProps> {
  const cell = (tag: string, s: string, extra: Record<string, unknown> = {}) =>
    h(View, { tag, style: { flex: 1, border: "0.5pt solid #666", padding: 2 }, ...extra }, text({ style: body }, s));
  const rubyUnit = (u: { base: string; reading?: string }, i: number) =>
    h(
      View,
      { key: i, style: { flexDirection: "column", alignItems: "center" } },
      text({ artifact: true, style: { fontSize: 5, lineHeight: 1.1, height: 6 } }, u.reading ?? " "),
      text({ style: body }, u.base),
    );
  return h<DocumentProps>(
    Document,
    { title: TITLE, author: "市川市 環境部", language: "ja", tagged: opts.tagged, creationDate: new Date(Date.UTC(2026, 10, 1)) },
    h(
      Page,
      {
        size: "A6",
        experimentalPagination: opts.experimentalPagination ?? true,
        style: { fontFamily: FAMILY, paddingTop: 24, paddingBottom: 36, paddingHorizontal: 22, color: "#222222" },
      },
      // Furniture first, as in the project's layout: an accent bar and a page-number footer on every page.
      h(View, { fixed: true, style: { position: "absolute", top: 0, left: 0, right: 0, height: 8, backgroundColor: "#2a6e3c" } }),
      text({
        fixed: true,
        // Placed from the top of the A6 page (420 pt), as the project places its footers.
        style: { position: "absolute", top: 396, left: 22, right: 22, textAlign: "center", fontSize: 7, lineHeight: 1.2 },
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) => `${pageNumber} / ${totalPages} ページ`,
      }),
      text({ tag: "H1", style: { fontSize: 15, lineHeight: 1.4, fontWeight: 700, marginBottom: 4 } }, TITLE),
      text({ style: body }, INTRO),
      h(
        View,
        { tag: "Sect" },
        text(
          { tag: "H2", style: { fontSize: 11, lineHeight: 1.4, fontWeight: 700, marginTop: 6, borderBottom: "0.75pt solid #2a6e3c" } },
          "燃えるごみ",
        ),
        text({ style: body }, BURNABLE),
        h(
          View,
          { tag: "L", style: { marginVertical: 3 } },
          ...ITEMS.map((item, i) =>
            h(
              View,
              { key: i, tag: "LI", style: { flexDirection: "row" } },
              text({ tag: "Lbl", style: { ...body, width: 10 } }, "・"),
              text({ tag: "LBody", style: { ...body, flex: 1 } }, item),
            ),
          ),
        ),
        h(Image, {
          alt: "燃えるごみの指定袋（緑色）",
          src: { data: opts.image, format: "png" },
          style: { width: 60, height: 30, marginVertical: 3 },
        }),
      ),
      h(
        View,
        { tag: "Sect" },
        text(
          { tag: "H2", style: { fontSize: 11, lineHeight: 1.4, fontWeight: 700, marginTop: 6, borderBottom: "0.75pt solid #2a6e3c" } },
          "収集日と問い合わせ",
        ),
        h(
          View,
          { tag: "Table", style: { marginVertical: 3 } },
          h(
            View,
            { tag: "TR", style: { flexDirection: "row", backgroundColor: "#e4efe6" } },
            cell("TH", "地区", { scope: "Column" }),
            cell("TH", "収集日", { scope: "Column" }),
          ),
          h(View, { tag: "TR", style: { flexDirection: "row" } }, cell("TD", "北部"), cell("TD", "月・木")),
          h(View, { tag: "TR", style: { flexDirection: "row" } }, cell("TD", "南部"), cell("TD", "火・金")),
        ),
        text(
          { style: body },
          "くわしくは",
          h(Link, { src: LINK_URL, style: { color: "#1a4d8f", textDecoration: "underline" } }, LINK_TEXT),
          "をご覧ください。",
        ),
        h(
          View,
          { tag: "P", style: { flexDirection: "row", flexWrap: "wrap", alignItems: "flex-end", marginVertical: 3 } },
          ...RUBY.map(rubyUnit),
        ),
        text({ style: body }, LONG),
      ),
    ),
  );
}

const RUBY_BASE = RUBY.map((u) => u.base).join("");
const EXPECTED_OUTLINE = [
  "Document",
  `  H1: ${TITLE}`,
  `  P: ${INTRO}`,
  "  Sect",
  "    H2: 燃えるごみ",
  `    P: ${BURNABLE}`,
  "    L",
  ...ITEMS.flatMap((item) => ["      LI", "        Lbl: ・", `        LBody: ${item}`]),
  "    Figure [alt=燃えるごみの指定袋（緑色）]: ",
  "  Sect",
  "    H2: 収集日と問い合わせ",
  "    Table",
  "      TR",
  "        TH [scope=Column]: 地区",
  "        TH [scope=Column]: 収集日",
  "      TR",
  "        TD: 北部",
  "        TD: 月・木",
  "      TR",
  "        TD: 南部",
  "        TD: 火・金",
  `    P: くわしくは${LINK_TEXT}をご覧ください。`,
  `      Link: ${LINK_TEXT}`,
  `    P: ${RUBY_BASE}`,
  `    P: ${LONG}`,
];

describe("a tagged Japanese leaflet (two pages, experimental pagination)", () => {
  let file = "";
  let tree: TagTree;

  beforeAll(async () => {
    const bytes = new Uint8Array(await renderToBuffer(leaflet({ tagged: true, image: await pngImage() })));
    file = save(`${ARTIFACTS}/tagged-leaflet.pdf`, bytes);
    tree = await readTagTree(bytes);
  });

  it("is tagged, in Japanese, and shows its title", () => {
    expect(popplerTagged(file)).toBe(true);
    expect(tree.tagged).toBe(true);
    expect(tree.lang).toBe("ja");
    expect(tree.title).toBe(TITLE);
    expect(tree.displayDocTitle).toBe(true);
    expect(tree.pageCount).toBe(2);
  });

  it("reads back the expected elements, in document order, with their text", () => {
    expect(outline(tree)).toEqual(EXPECTED_OUTLINE);
  });

  it("passes the checker: nothing unmarked, no orphan content, every link annotation in the tree", () => {
    expect(checkTagTree(tree, { lang: "ja", outline: EXPECTED_OUTLINE })).toEqual([]);
    expect(tree.unmarked).toEqual([]);
    expect(tree.orphans).toEqual([]);
    const links = tree.linkAnnotations.reduce((n, l) => n + l.total, 0);
    expect(links).toBeGreaterThan(0);
    expect(tree.linkAnnotations.every((l) => l.inTree === l.total)).toBe(true);
  });

  it("keeps one paragraph across the page break", () => {
    const long = tree.elements.find((e) => e.role === "P" && e.text === LONG);
    expect(long?.pages).toEqual([1, 2]);
  });

  it("makes the footer, the accent bar and the furigana artifacts, and leaves them out of the tree", () => {
    const artifactText = tree.artifacts.map((a) => a.text).join("|");
    expect(artifactText).toContain("1 / 2 ページ");
    expect(artifactText).toContain("2 / 2 ページ");
    for (const u of RUBY) if (u.reading) expect(artifactText).toContain(u.reading);
    for (const e of tree.elements) {
      expect(e.text).not.toMatch(/\d \/ \d ページ/);
      expect(e.text).not.toContain("ぶんべつ");
    }
    // The page number is also what a plain text extraction sees: the artifacts are drawn, not dropped.
    expect(pdftotext(file, { page: 2 })).toContain("2 / 2 ページ");
  });

  it("gives the Link an object reference to its annotation, and the Figure its box", () => {
    const link = tree.elements.find((e) => e.role === "Link");
    expect(link?.annotations).toBeGreaterThanOrEqual(1);
    const figure = JSON.stringify(tree.pdfjsPages[0]);
    expect(figure).toMatch(/"role":"Figure","children":\[[^\]]*\],"alt":"燃えるごみの指定袋（緑色）","bbox":\[/);
  });

  it("reads the same in poppler (pdfinfo -struct-text), the second reader", () => {
    const poppler = popplerStructText(file);
    expect(poppler.map((e) => `${"  ".repeat(e.depth)}${e.role}`)).toEqual(tree.elements.map((e) => `${"  ".repeat(e.depth)}${e.role}`));
    const leaves = poppler.filter((e) => e.children.length === 0 && e.role !== "Figure");
    for (const e of leaves)
      expect(
        tree.elements.some((t) => t.role === e.role && t.text === e.text),
        `${e.role}: ${e.text}`,
      ).toBe(true);
  });
});

describe("an untagged document renders as before", () => {
  it("has no structure tree, no marked content, and the same text and pages as the tagged one", async () => {
    const image = await pngImage();
    const plain = new Uint8Array(await renderToBuffer(leaflet({ tagged: false, image })));
    const tagged = new Uint8Array(await renderToBuffer(leaflet({ tagged: true, image })));
    const plainFile = save(`${ARTIFACTS}/untagged-leaflet.pdf`, plain);
    const taggedFile = save(`${ARTIFACTS}/tagged-leaflet-again.pdf`, tagged);
    const tree = await readTagTree(plain);
    expect(tree.tagged).toBe(false);
    expect(tree.elements).toEqual([]);
    expect(tree.artifacts).toEqual([]);
    expect(popplerTagged(plainFile)).toBe(false);
    expect(pdfinfo(plainFile).get("Pages")).toBe(pdfinfo(taggedFile).get("Pages"));
    expect(pdftotext(plainFile, { layout: true })).toBe(pdftotext(taggedFile, { layout: true }));
  });
});

describe("text split by a page break", () => {
  // One long paragraph between two short ones, on A7 pages: it must break over pages and come back whole.
  const split = "住民票の写しや印鑑登録証明書は、マイナンバーカードを使ってコンビニエンスストアでも取得できます。".repeat(9);
  const doc = (experimentalPagination: boolean) =>
    h<DocumentProps>(
      Document,
      { title: "証明書のコンビニ交付", language: "ja", tagged: true },
      h(
        Page,
        { size: "A7", experimentalPagination, style: { fontFamily: FAMILY, padding: 16 } },
        text({ tag: "H1", style: { fontSize: 12, lineHeight: 1.4, fontWeight: 700 } }, "証明書のコンビニ交付"),
        text({ style: body }, split),
        text({ style: body }, "手数料は窓口より安くなります。"),
      ),
    );

  for (const experimentalPagination of [true, false]) {
    it(`stays in one P, in order, nothing dropped (${experimentalPagination ? "experimental" : "classic"} pagination)`, async () => {
      const bytes = new Uint8Array(await renderToBuffer(doc(experimentalPagination)));
      save(`${ARTIFACTS}/tagged-split-${experimentalPagination ? "experimental" : "classic"}.pdf`, bytes);
      const tree = await readTagTree(bytes);
      expect(tree.pageCount).toBeGreaterThan(1);
      expect(outline(tree)).toEqual(["Document", "  H1: 証明書のコンビニ交付", `  P: ${split}`, "  P: 手数料は窓口より安くなります。"]);
      const p = tree.elements.find((e) => e.text === split);
      expect(p!.pages.length).toBeGreaterThan(1);
      expect(checkTagTree(tree, { lang: "ja" })).toEqual([]);
    });
  }
});

describe("tagging props that cannot be honoured are errors", () => {
  const one = (child: React.ReactElement) =>
    h<DocumentProps>(
      Document,
      { title: "誤り", language: "ja", tagged: true },
      h(Page, { size: "A7", style: { fontFamily: FAMILY } }, child),
    );

  it("rejects an unknown tag with the list of standard ones", async () => {
    await expect(renderToBuffer(one(text({ tag: "H7" }, "見出し")))).rejects.toThrow(/unknown tag "H7".*H1, H2/);
  });

  it("rejects a tag on text nested inside another Text", async () => {
    await expect(renderToBuffer(one(text(null, "前の文", text({ tag: "Span", lang: "en" }, "word"))))).rejects.toThrow(
      /nested in another <Text> is not supported/,
    );
  });

  it("rejects a bad table-header scope", async () => {
    await expect(renderToBuffer(one(h(View, { tag: "TH", scope: "column" }, text(null, "地区"))))).rejects.toThrow(/scope must be/);
  });
});

// Why furigana are Artifacts: the three ways to tag ruby, as the two readers expose them. If a reader changes,
// this fails, and docs/tagged-pdf.md ("Ruby") should be revisited.
describe("ruby: what readers make of each way to tag it", () => {
  const units = [
    { base: "分別", reading: "ぶんべつ" },
    { base: "にご" },
    { base: "協力", reading: "きょうりょく" },
    { base: "ください。" },
  ];
  const plain = "分別にご協力ください。";
  const render = async (mode: "artifact" | "ruby" | "actual") => {
    const col = (u: { base: string; reading?: string }, i: number) =>
      mode === "ruby" && u.reading
        ? // column-reverse keeps the base first in the element tree (RB before RT) while drawing it below.
          h(
            View,
            { key: i, tag: "Ruby", style: { flexDirection: "column-reverse", alignItems: "center" } },
            text({ tag: "RB", style: body }, u.base),
            text({ tag: "RT", style: { fontSize: 5 } }, u.reading),
          )
        : h(
            View,
            { key: i, style: { flexDirection: "column", alignItems: "center" } },
            text({ artifact: mode === "artifact" || undefined, style: { fontSize: 5, height: 6 } }, u.reading ?? " "),
            text({ style: body }, u.base),
          );
    const doc = h<DocumentProps>(
      Document,
      { title: "ルビ", language: "ja", tagged: true },
      h(
        Page,
        { size: "A7", style: { fontFamily: FAMILY, padding: 12 } },
        h(
          View,
          { tag: "P", actualText: mode === "actual" ? plain : undefined, style: { flexDirection: "row", flexWrap: "wrap" } },
          ...units.map(col),
        ),
      ),
    );
    const bytes = new Uint8Array(await renderToBuffer(doc));
    const file = save(`${ARTIFACTS}/tagged-ruby-${mode}.pdf`, bytes);
    const poppler = popplerStructText(file).find((e) => e.role === "P")!;
    return { tree: await readTagTree(bytes), poppler: poppler.text.replace(/\s/g, "") };
  };

  it("furigana as Artifacts: pdf.js and poppler both read the base text once", async () => {
    const { tree, poppler } = await render("artifact");
    expect(outline(tree)).toEqual(["Document", `  P: ${plain}`]);
    expect(poppler).toBe(plain);
  });

  it("Ruby/RB/RT: both readers read base and reading one after the other", async () => {
    const { tree, poppler } = await render("ruby");
    expect(tree.elements.find((e) => e.role === "P")!.text).toBe("分別ぶんべつにご協力きょうりょくください。");
    expect(poppler).toBe("分別ぶんべつにご協力きょうりょくください。");
  });

  it("ActualText on the paragraph: poppler ignores it, pdf.js only passes it on as the element's alt", async () => {
    const { tree, poppler } = await render("actual");
    expect(poppler).toBe("ぶんべつ分別にごきょうりょく協力ください。");
    expect(JSON.stringify(tree.pdfjsPages[0])).toContain(`"alt":"${plain}"`);
  });
});

describe("a tagged page-repeated header and a block-level link", () => {
  it("reads the tagged header once (then Artifacts) and gives the block Link its annotation", async () => {
    const para = "市民課の窓口は、平日の午前8時45分から午後5時15分まで開いています。".repeat(10);
    const doc = h<DocumentProps>(
      Document,
      { title: "窓口のご案内", language: "ja", tagged: true },
      h(
        Page,
        {
          size: "A7",
          experimentalPagination: true,
          style: { fontFamily: FAMILY, paddingTop: 28, paddingHorizontal: 14, paddingBottom: 16 },
        },
        text({ fixed: true, tag: "P", style: { position: "absolute", top: 8, left: 14, fontSize: 7, lineHeight: 1.2 } }, "市報いちかわ"),
        text({ tag: "H1", style: { fontSize: 12, lineHeight: 1.4, fontWeight: 700 } }, "窓口のご案内"),
        text({ style: body }, para),
        h(Link, { src: "https://www.city.example.jp/madoguchi/", alt: "窓口の地図" }, text({ style: body }, "窓口の地図を見る")),
      ),
    );
    const bytes = new Uint8Array(await renderToBuffer(doc));
    save(`${ARTIFACTS}/tagged-fixed-and-block-link.pdf`, bytes);
    const tree = await readTagTree(bytes);
    expect(tree.pageCount).toBeGreaterThan(1);
    expect(outline(tree)).toEqual([
      "Document",
      "  P: 市報いちかわ",
      "  H1: 窓口のご案内",
      `  P: ${para}`,
      "  Link [alt=窓口の地図]: 窓口の地図を見る",
    ]);
    expect(tree.artifacts.filter((a) => a.text === "市報いちかわ").length).toBe(tree.pageCount - 1);
    expect(tree.elements.find((e) => e.role === "Link")?.annotations).toBe(1);
    expect(checkTagTree(tree, { lang: "ja" })).toEqual([]);
  });
});
