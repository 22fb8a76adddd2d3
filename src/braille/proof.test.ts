// The braille edition of real leaflets: the proofreading sheet line by line, suspects flagged, the closing.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { at, leafletModel, siteModel, text } from "../../test/support/model.ts";
import { loadSite } from "../content/load.ts";
import { backTranslate } from "./back.ts";
import { toSpacedKana } from "./kana.ts";
import { brailleLabel } from "./label.ts";
import { renderLeafletBraille } from "./renderer.ts";
import { kanaToBraille } from "./writer.ts";

const root = path.resolve(import.meta.dirname, "../..");

describe("card-safety in braille", async () => {
  const { site } = await loadSite(root);
  const leaflet = site!.leaflets.find((l) => l.slug === "card-safety")!;
  const out = await renderLeafletBraille(leaflet, site!, await brailleLabel(leaflet, site!));
  const lines = out.text.split(/\n\f?/).filter((l) => l !== "");

  it("has none of the misreadings the issue found (エ エンジャヨ, シツクシタリ, マズハ)", () => {
    const kana = lines.map(backTranslate).join("\n");
    expect(kana).not.toMatch(/エ エンジャヨ|シツクシタリ|マズハ/);
    expect(kana).toContain("エエンジャヨ");
    expect(kana).toContain("ナクサナイヨーニ");
  });

  it("gives one row per BRF line, with its page and line, the line and its kana", () => {
    const rows = [
      ...out.proof.matchAll(
        /<td class="where">(\d+)ページ<br>(\d+)行<\/td>\n<td class="cells"><div class="braille"[^>]*>([^<]*)<\/div><div class="back" lang="ja">([^<]*)<\/div>/g,
      ),
    ];
    expect(rows.length).toBe(lines.length);
    const pages = out.text.split("\n\f").map((p) => p.split("\n"));
    for (const [, page, line, cells, back] of rows) {
      expect(cells.replace(/&nbsp;/, "")).toBe(pages[Number(page) - 1][Number(line) - 1]);
      expect(back.replace(/&nbsp;/, "")).toBe(backTranslate(cells.replace(/&nbsp;/, "")));
    }
  });

  it("counts the suspects at the top, never 0 when some are marked", () => {
    const marked = [...out.proof.matchAll(/<mark>/g)].length;
    const count = Number(/確認してほしい語：(\d+)か所/.exec(out.proof)?.[1]);
    expect(marked).toBeGreaterThan(0);
    expect(count).toBeGreaterThanOrEqual(marked);
    expect(out.proof).toContain("@page { size: A4;");
    expect(out.proof).toContain("訂正連絡票");
  });
});

describe("suspects and the closing", () => {
  const file = "content/leaflets/kessai.md";
  const leaflet = leafletModel({
    slug: "kessai",
    file,
    title: "窓口のご案内",
    braille: { label: "マドグチ" },
    updated: "2025-04-01",
    contact: { department: "市民課", phone: { number: "047-334-1111", dial: "0473341111" }, hours: "平日9時～17時" },
    body: [
      { type: "paragraph", children: [text("まずは鑁阿寺の前へお越しください。ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞも〓お持ちください。")], pos: at(8, file) },
      {
        type: "paragraph",
        children: [
          { type: "text", value: "英語では" },
          { type: "foreign", lang: "en", children: [text("My Number Card")] },
          { type: "text", value: "です。" },
        ],
        pos: at(9, file),
      },
    ],
  });
  const site = siteModel([leaflet], { siteName: "t", baseUrl: "https://example.jp/", issuer: "市" });

  it("flags words to check, reports what has no braille with where it is, keeps half-width kana", async () => {
    const out = await renderLeafletBraille(leaflet, site, await brailleLabel(leaflet, site));
    expect(out.proof).toContain("<mark>まずは</mark>");
    expect(out.proof).toMatch(/確認してほしい語：[1-9]/);
    expect(out.warnings).toContainEqual({ pos: at(8, file), unitId: undefined, message: expect.stringContaining("「〓」 (U+3013)") });
    expect(out.text).toContain(kanaToBraille("マイナンバー カードモ"));
    // A run marked as English is brailled with the foreign-language rules (外国語引用符).
    expect(out.text).toContain("⠦⠠⠍⠽ ⠠⠝⠥⠍⠃⠑⠗ ⠠⠉⠁⠗⠙⠴");
  });

  it("ends with the contact, phone numbers as numbers, and the date of the information", async () => {
    const out = await renderLeafletBraille(leaflet, site, await brailleLabel(leaflet, site));
    const flat = out.text.replace(/\s+/g, " ");
    expect(flat).toContain(kanaToBraille(await toSpacedKana("このページに関するお問い合わせ")));
    expect(flat).toContain(kanaToBraille("047-334-1111"));
    expect(flat).toContain(kanaToBraille(await toSpacedKana("この情報は2025年4月1日時点のものです。")).slice(0, 12));
  });
});
