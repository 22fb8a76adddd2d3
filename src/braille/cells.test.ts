import { describe, expect, it } from "vitest";
import { BRF_ASCII, brailleToBrf, brfToBraille, cell, dotsOf, kanaTable } from "./cells.ts";
import { kanaToBraille, UntranslatableError } from "./writer.ts";

// The published kana table (日本点字表記法), written out cell by cell.
const EXPECTED: Record<string, string> = {
  ア: "⠁",
  イ: "⠃",
  ウ: "⠉",
  エ: "⠋",
  オ: "⠊",
  カ: "⠡",
  キ: "⠣",
  ク: "⠩",
  ケ: "⠫",
  コ: "⠪",
  サ: "⠱",
  シ: "⠳",
  ス: "⠹",
  セ: "⠻",
  ソ: "⠺",
  タ: "⠕",
  チ: "⠗",
  ツ: "⠝",
  テ: "⠟",
  ト: "⠞",
  ナ: "⠅",
  ニ: "⠇",
  ヌ: "⠍",
  ネ: "⠏",
  ノ: "⠎",
  ハ: "⠥",
  ヒ: "⠧",
  フ: "⠭",
  ヘ: "⠯",
  ホ: "⠮",
  マ: "⠵",
  ミ: "⠷",
  ム: "⠽",
  メ: "⠿",
  モ: "⠾",
  ヤ: "⠌",
  ユ: "⠬",
  ヨ: "⠜",
  ラ: "⠑",
  リ: "⠓",
  ル: "⠙",
  レ: "⠛",
  ロ: "⠚",
  ワ: "⠄",
  ヰ: "⠆",
  ヱ: "⠖",
  ヲ: "⠔",
  ン: "⠴",
  ッ: "⠂",
  ー: "⠒",
  ガ: "⠐⠡",
  ギ: "⠐⠣",
  グ: "⠐⠩",
  ゲ: "⠐⠫",
  ゴ: "⠐⠪",
  ザ: "⠐⠱",
  ジ: "⠐⠳",
  ズ: "⠐⠹",
  ゼ: "⠐⠻",
  ゾ: "⠐⠺",
  ダ: "⠐⠕",
  ヂ: "⠐⠗",
  ヅ: "⠐⠝",
  デ: "⠐⠟",
  ド: "⠐⠞",
  バ: "⠐⠥",
  ビ: "⠐⠧",
  ブ: "⠐⠭",
  ベ: "⠐⠯",
  ボ: "⠐⠮",
  ヴ: "⠐⠉",
  パ: "⠠⠥",
  ピ: "⠠⠧",
  プ: "⠠⠭",
  ペ: "⠠⠯",
  ポ: "⠠⠮",
  キャ: "⠈⠡",
  キュ: "⠈⠩",
  キョ: "⠈⠪",
  キェ: "⠈⠫",
  シャ: "⠈⠱",
  シュ: "⠈⠹",
  ショ: "⠈⠺",
  シェ: "⠈⠻",
  チャ: "⠈⠕",
  チュ: "⠈⠝",
  チョ: "⠈⠞",
  チェ: "⠈⠟",
  ティ: "⠈⠗",
  ニャ: "⠈⠅",
  ニュ: "⠈⠍",
  ニョ: "⠈⠎",
  ニェ: "⠈⠏",
  ヒャ: "⠈⠥",
  ヒュ: "⠈⠭",
  ヒョ: "⠈⠮",
  ヒェ: "⠈⠯",
  ミャ: "⠈⠵",
  ミュ: "⠈⠽",
  ミョ: "⠈⠾",
  リャ: "⠈⠑",
  リュ: "⠈⠙",
  リョ: "⠈⠚",
  イェ: "⠈⠋",
  スィ: "⠈⠳",
  ギャ: "⠘⠡",
  ギュ: "⠘⠩",
  ギョ: "⠘⠪",
  ジャ: "⠘⠱",
  ジュ: "⠘⠹",
  ジョ: "⠘⠺",
  ジェ: "⠘⠻",
  ヂャ: "⠘⠕",
  ヂュ: "⠘⠝",
  ヂョ: "⠘⠞",
  ディ: "⠘⠗",
  ビャ: "⠘⠥",
  ビュ: "⠘⠭",
  ビョ: "⠘⠮",
  ズィ: "⠘⠳",
  ピャ: "⠨⠥",
  ピュ: "⠨⠭",
  ピョ: "⠨⠮",
  テュ: "⠨⠝",
  フュ: "⠨⠬",
  フョ: "⠨⠜",
  デュ: "⠸⠝",
  ヴュ: "⠸⠬",
  ヴョ: "⠸⠜",
  ウィ: "⠢⠃",
  ウェ: "⠢⠋",
  ウォ: "⠢⠊",
  クァ: "⠢⠡",
  クィ: "⠢⠣",
  クェ: "⠢⠫",
  クォ: "⠢⠪",
  ツァ: "⠢⠕",
  ツィ: "⠢⠗",
  ツェ: "⠢⠟",
  ツォ: "⠢⠞",
  トゥ: "⠢⠝",
  ファ: "⠢⠥",
  フィ: "⠢⠧",
  フェ: "⠢⠯",
  フォ: "⠢⠮",
  グァ: "⠲⠡",
  グィ: "⠲⠣",
  グェ: "⠲⠫",
  グォ: "⠲⠪",
  ドゥ: "⠲⠝",
  ヴァ: "⠲⠥",
  ヴィ: "⠲⠧",
  ヴェ: "⠲⠯",
  ヴォ: "⠲⠮",
};

describe("stage 2: kana cells", () => {
  it("writes every kana of the published table, and the table has no kana the test does not check", () => {
    for (const [kana, braille] of Object.entries(EXPECTED)) expect(`${kana} → ${kanaToBraille(kana)}`).toBe(`${kana} → ${braille}`);
    expect([...kanaTable().keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("reads hiragana like katakana", () => {
    expect(kanaToBraille("きょう")).toBe(kanaToBraille("キョウ"));
  });

  it("builds cells from dot numbers", () => {
    expect(cell(1)).toBe("⠁");
    expect(cell(1, 2, 3, 4, 5, 6)).toBe("⠿");
    expect(cell()).toBe("⠀");
    // the print layer draws dots from this
    expect(dotsOf("⠵")).toEqual([1, 3, 5, 6]);
    expect(dotsOf("⠀")).toEqual([]);
  });

  it("writes the My Number envelope label", () => {
    expect(kanaToBraille("マイナンバー ツーチ")).toBe("⠵⠃⠅⠴⠐⠥⠒ ⠝⠒⠗");
  });

  it("refuses characters it has no braille for", () => {
    expect(() => kanaToBraille("漢字")).toThrow(UntranslatableError);
  });
});

describe("stage 2: numbers and the connector", () => {
  it.each([
    ["12", "⠼⠁⠃"],
    ["1,000", "⠼⠁⠄⠚⠚⠚"],
    ["3.5", "⠼⠉⠂⠑"],
    // ア/ラ-row kana after a number take the connector, other rows do not.
    ["1エン", "⠼⠁⠤⠋⠴"],
    ["5レツ", "⠼⠑⠤⠛⠝"],
    ["3ニン", "⠼⠉⠇⠴"],
    ["12ケタ", "⠼⠁⠃⠫⠕"],
    // phone numbers: connector and a new numeral sign after each hyphen
    ["0120-95-0178", "⠼⠚⠁⠃⠚⠤⠼⠊⠑⠤⠼⠚⠁⠛⠓"],
    // ranges: 波線 without blanks
    ["9ジ〜17ジ", "⠼⠊⠐⠳⠤⠤⠼⠁⠛⠐⠳"],
  ])("%s → %s", (kana, braille) => {
    expect(kanaToBraille(kana)).toBe(braille);
  });
});

describe("stage 2: Latin letters", () => {
  it.each([
    ["IC", "⠰⠠⠠⠊⠉"],
    ["e", "⠰⠑"],
    ["Tax", "⠰⠠⠞⠁⠭"],
    // Latin letters then kana of the same word: connector (ADL研 → ADL⠤ケン)
    ["ADLケン", "⠰⠠⠠⠁⠙⠇⠤⠫⠴"],
    ["IC チップ", "⠰⠠⠠⠊⠉ ⠗⠂⠠⠭"],
    ["Q1", "⠰⠠⠟⠼⠁"],
  ])("%s → %s", (kana, braille) => {
    expect(kanaToBraille(kana)).toBe(braille);
  });

  it("writes English phrases and web addresses inside foreign-language quotes", () => {
    expect(kanaToBraille("Thank you")).toBe("⠦⠠⠞⠓⠁⠝⠅ ⠽⠕⠥⠴");
    // addresses in 情報処理用点字 (⠠⠦ … ⠠⠴), letters without 外字符
    expect(kanaToBraille("https://a.jp/")).toBe("⠠⠦⠓⠞⠞⠏⠎⠒⠌⠌⠁⠲⠚⠏⠌⠠⠴");
  });
});

describe("stage 2: punctuation and blanks", () => {
  it.each([
    // 。 then two blanks, 、 then one, at the end nothing
    ["イッタ。ソシテ、ミタ。", "⠃⠂⠕⠲  ⠺⠳⠟⠰ ⠷⠕⠲"],
    // blanks already present are not doubled
    ["イッタ。  ソシテ、 ミタ。", "⠃⠂⠕⠲  ⠺⠳⠟⠰ ⠷⠕⠲"],
    ["ナンデスカ？  ハイ！", "⠅⠴⠐⠟⠹⠡⠢  ⠥⠃⠖"],
    // ！ before a particle attaches: stage 2 writes the blanks stage 1 chose
    ["マサカ！ト", "⠵⠱⠡⠖⠞"],
    // 「」 are ⠤…⠤; a full stop before the closing quote takes no blanks
    ["「ハイ。」ト イウ", "⠤⠥⠃⠲⠤⠞ ⠃⠉"],
    ["（ムリョー）", "⠶⠽⠈⠚⠒⠶"],
    ["セイド・ ホーリツ", "⠻⠃⠐⠞⠐ ⠮⠒⠓⠝"],
    ["※ チュウイ", "⠔⠔ ⠈⠝⠉⠃"],
  ])("%s → %s", (kana, braille) => {
    expect(kanaToBraille(kana)).toBe(braille);
  });
});

describe("BRF (North American ASCII braille)", () => {
  it("maps all 64 cells to 64 distinct characters, and back", () => {
    expect(new Set(BRF_ASCII).size).toBe(64);
    for (let n = 0; n < 64; n++) {
      const ch = String.fromCharCode(0x2800 + n);
      expect(brailleToBrf(ch)).toBe(BRF_ASCII[n]);
      // The blank cell reads back as an ASCII space: this edition writes blanks that way.
      expect(brfToBraille(BRF_ASCII[n])).toBe(n === 0 ? " " : ch);
    }
  });

  it("agrees with the well-known letters and signs", () => {
    // a b c, the number sign ⠼ (#), the full cell ⠿ (=), dots 3-6 (-), dots 2-5-6 (4)
    expect(brailleToBrf("⠁⠃⠉⠼⠿⠤⠲ ⠀")).toBe("ABC#=-4  ");
    expect(brailleToBrf(kanaToBraille("マイナンバー ツーチ"))).toBe('ZBK0"U3 N3R');
  });

  it("keeps line and page breaks and rejects non-braille text", () => {
    expect(brailleToBrf("⠁\n⠃\f")).toBe("A\nB\f");
    expect(() => brailleToBrf("あ")).toThrow(/not a six-dot braille cell/);
  });
});
