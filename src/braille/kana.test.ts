import { describe, expect, it } from "vitest";
import type { Inline, LexiconEntry } from "../model/types.ts";
import { longVowels } from "../reading/overrides.ts";
import { toSpacedKana } from "./kana.ts";
import { toBraille } from "./translate.ts";

const pos = { file: "content/lexicon.yaml", line: 1, column: 1 };

// Each case is a rule of 日本点字表記法 with an example written from the published rules.
const cases = (rows: [string, string][]) =>
  it.each(rows)("%s → %s", async (text, kana) => {
    expect(await toSpacedKana(text)).toBe(kana);
  });

describe("long vowels", () => {
  cases([
    // ウ/オ rows lengthened with う are written ー
    ["東京", "トーキョー"],
    ["お父さん", "オトーサン"],
    ["郵便", "ユービン"],
    ["通知", "ツーチ"],
    // エ row keeps イ, ア/イ rows keep their kana
    ["先生", "センセイ"],
    ["お姉さん", "オネエサン"],
    ["お母さん", "オカアサン"],
    // historic お stays
    ["大きい", "オオキイ"],
    ["通り", "トオリ"],
    // a verb's final う stays
    ["言う", "イウ"],
    ["使う", "ツカウ"],
    ["吸う", "スウ"],
  ]);

  it("works on fixed readings as well", () => {
    expect(longVowels("コジンバンゴウ", undefined, false)).toBe("コジンバンゴー");
    expect(longVowels("ミズウミ", "ミズウミ", false)).toBe("ミズウミ");
  });
});

describe("particles は and へ", () => {
  cases([
    ["私は行く", "ワタシワ イク"],
    ["学校へ行く", "ガッコーエ イク"],
    ["本を読む", "ホンヲ ヨム"],
    ["ここでは", "ココデワ"],
    // は inside a word stays ハ
    ["はさみ", "ハサミ"],
  ]);
});

describe("numbers", () => {
  cases([
    ["12桁の番号です。", "12ケタノ バンゴーデス。"],
    // 4桁までは位取り点なし (てびき 第4版 本則)
    ["1,000円", "1000エン"],
    // counters are written as said after that number
    ["9時30分", "9ジ 30プン"],
    ["5分", "5フン"],
    // a day of the month read ツイタチ is written in kana
    ["2021年10月1日", "2021ネン 10ガツ ツイタチ"],
    ["2種類", "2シュルイ"],
  ]);

  it("writes the numeral sign and the connector before ア/ラ-row kana", async () => {
    expect(await toBraille("1,000円")).toBe("⠼⠁⠚⠚⠚⠤⠋⠴");
    expect(await toBraille("3人")).toBe("⠼⠉⠇⠴");
    expect(await toBraille("0120-95-0178")).toBe("⠼⠚⠁⠃⠚⠤⠼⠊⠑⠤⠼⠚⠁⠛⠓");
    // full-width digits are the same numbers
    expect(await toBraille("１２桁")).toBe(await toBraille("12桁"));
  });
});

describe("Latin letters", () => {
  cases([
    ["ICチップ", "IC チップ"],
    ["ISO/IEC 15408認証", "ISO／IEC 15408 ニンショー"],
  ]);

  it("writes the foreign-letter sign and capitals", async () => {
    expect(await toBraille("ICチップ")).toBe("⠰⠠⠠⠊⠉ ⠗⠂⠠⠭");
    // & takes a blank each side and each letter its own 外字符 (てびき: Q & A)
    expect(await toBraille("Ｑ＆Ａ")).toBe("⠰⠠⠟ ⠰⠯ ⠰⠠⠁");
  });
});

describe("punctuation and blanks", () => {
  cases([
    ["東京へ行った。そして、皇居を見た。", "トーキョーエ イッタ。  ソシテ、 コーキョヲ ミタ。"],
    ["本当ですか？", "ホントーデスカ？"],
    // a particle after a closing quote attaches; other words follow two blanks
    ["「マイナンバー」にログインできます。", "「マイナンバー」ニ ログイン デキマス。"],
    // 中点 between katakana words becomes a blank
    ["テレビ・ラジオ", "テレビ ラジオ"],
  ]);

  it("writes the blanks in braille", async () => {
    expect(await toBraille("見た。そして、")).toBe("⠷⠕⠲  ⠺⠳⠟⠰");
  });
});

describe("word spacing (分かち書き)", () => {
  cases([
    // independent words apart, particles and auxiliaries attached
    ["お父さんは先生へ手紙を書きます。", "オトーサンワ センセイエ テガミヲ カキマス。"],
    // auxiliary verbs (いる, ください) and formal nouns (こと) apart
    ["勉強している", "ベンキョー シテ イル"],
    ["見てください", "ミテ クダサイ"],
    ["申請することができます。", "シンセイ スル コトガ デキマス。"],
    // する after a noun apart, after a one-kanji word joined
    ["利用する", "リヨー スル"],
    ["愛する", "アイスル"],
    // ない after a particle or adjective apart, after a verb attached
    ["よくない", "ヨク ナイ"],
    ["ではない", "デワ ナイ"],
    ["行かない", "イカナイ"],
    // compounds: meaning units of 3+ morae apart, short ones joined
    ["マイナンバー通知", "マイナンバー ツーチ"],
    ["国民健康保険証", "コクミン ケンコー ホケンショー"],
    ["住民票", "ジューミンヒョー"],
    ["電子証明書", "デンシ ショーメイショ"],
    ["市役所", "シヤクショ"],
    ["マイナンバーカード", "マイナンバー カード"],
    // prefixes join
    ["ご本人", "ゴホンニン"],
    // names: surname and given name apart, honorifics apart
    ["山田太郎さん", "ヤマダ タロー サン"],
    // addresses per administrative level, numbers with their counters
    ["千葉県市川市八幡1丁目", "チバケン イチカワシ ヤハタ 1チョーメ"],
    // compound particles: the verb inside is apart
    ["カードについて", "カードニ ツイテ"],
    ["インターネットを通じて", "インターネットヲ ツージテ"],
    // ある after で is apart
    ["通知であること", "ツーチデ アル コト"],
    // a fixed reading is one meaning unit for the compound rule
    ["今後マイナンバー", "コンゴ マイナンバー"],
    // contracted auxiliaries stay attached
    ["持ち歩いてても", "モチアルイテテモ"],
  ]);
});

describe("reading overrides", () => {
  const lexicon: LexiconEntry[] = [
    { word: "個人番号", reading: "コジンバンゴウ", pos },
    { word: "e-Tax", reading: "イータックス", pos },
  ];

  it("uses lexicon readings, keeping the analyser's word boundaries when they agree", async () => {
    expect(await toSpacedKana("個人番号を使う", { lexicon })).toBe("コジン バンゴーヲ ツカウ");
    expect(await toSpacedKana("e-Taxで申告", { lexicon })).toBe("イータックスデ シンコク");
  });

  it("keeps a katakana lexicon entry as one word however the dictionary cut it", async () => {
    const lex: LexiconEntry[] = [{ word: "マイナポータル", reading: "マイナポータル", pos }];
    expect(await toSpacedKana("「マイナポータル」にログインできます。", { lexicon: lex })).toBe("「マイナポータル」ニ ログイン デキマス。");
  });

  it("uses ruby readings from the author", async () => {
    const inlines: Inline[] = [
      { type: "ruby", base: "行徳", reading: "ぎょうとく", display: true },
      { type: "text", value: "支所で受け取れます。" },
    ];
    // 支所 is a 2字漢語: a meaning unit of its own after the place name (てびき: 2字漢語は3拍扱い).
    expect(await toSpacedKana(inlines)).toBe("ギョートク シショデ ウケトレマス。");
  });

  it("writes a name with an honorific apart even when the dictionary does not know the name", async () => {
    const inlines: Inline[] = [{ type: "ruby", base: "マイナちゃん", reading: "マイナチャン", display: false }];
    expect(await toSpacedKana(inlines)).toBe("マイナ チャン");
  });
});

describe("the My Number envelope", () => {
  it("マイナンバー通知 → ⠵⠃⠅⠴⠐⠥⠒ ⠝⠒⠗", async () => {
    expect(await toBraille("マイナンバー通知")).toBe("⠵⠃⠅⠴⠐⠥⠒ ⠝⠒⠗");
    expect(await toBraille("マイナンバー ツーチ")).toBe("⠵⠃⠅⠴⠐⠥⠒ ⠝⠒⠗");
  });
});
