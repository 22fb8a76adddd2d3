// Stage 2 of the translator: spaced kana → six-dot Unicode braille (日本点字), and BRF.
// Input is what stage 1 writes: katakana words separated by blanks, Japanese punctuation,
// ASCII digits and Latin letters. The cell shapes follow 日本点字表記法; the notes in
// /work/shared/notes/braille.md list the sources.

/** A Unicode braille cell from dot numbers (1–6). */
export function cell(...dots: number[]): string {
  let bits = 0;
  for (const d of dots) bits |= 1 << (d - 1);
  return String.fromCharCode(0x2800 + bits);
}

/** Dot numbers of a Unicode braille cell, ascending. */
export function dotsOf(ch: string): number[] {
  const bits = ch.charCodeAt(0) - 0x2800;
  const out: number[] = [];
  for (let d = 1; d <= 6; d++) if (bits & (1 << (d - 1))) out.push(d);
  return out;
}

const VOWEL_DOTS: Record<string, number[]> = { a: [1], i: [1, 2], u: [1, 4], e: [1, 2, 4], o: [2, 4] };
/** Consonant dots added to the vowel cell, per row (カ+6, サ+56, タ+35, ナ+3, ハ+36, マ+356, ラ+5). */
const ROW_DOTS: Record<string, number[]> = { "": [], k: [6], s: [5, 6], t: [3, 5], n: [3], h: [3, 6], m: [3, 5, 6], r: [5] };
const ROWS: Record<string, string> = {
  "": "アイウエオ",
  k: "カキクケコ",
  s: "サシスセソ",
  t: "タチツテト",
  n: "ナニヌネノ",
  h: "ハヒフヘホ",
  m: "マミムメモ",
  r: "ラリルレロ",
};
const VOWELS = ["a", "i", "u", "e", "o"];

/** The single cell of each plain (清音) kana. */
const PLAIN = new Map<string, string>();
for (const [row, kana] of Object.entries(ROWS)) {
  [...kana].forEach((k, i) => {
    PLAIN.set(k, cell(...VOWEL_DOTS[VOWELS[i]], ...ROW_DOTS[row]));
  });
}
// ヤ行・ワ行: the ア/ウ/オ (ア/オ) shapes moved down one row, plus dot 4 for ヤ行.
PLAIN.set("ヤ", cell(3, 4));
PLAIN.set("ユ", cell(3, 4, 6));
PLAIN.set("ヨ", cell(3, 4, 5));
PLAIN.set("ワ", cell(3));
PLAIN.set("ヰ", cell(2, 3));
PLAIN.set("ヱ", cell(2, 3, 5));
PLAIN.set("ヲ", cell(3, 5));
PLAIN.set("ン", cell(3, 5, 6));
PLAIN.set("ッ", cell(2));
PLAIN.set("ー", cell(2, 5));

export const SIGN = {
  dakuon: cell(5),
  handakuon: cell(6),
  yoon: cell(4),
  yoonDakuon: cell(4, 5),
  yoonHandakuon: cell(4, 6),
  /** 特殊音符 (ウィ, ファ, トゥ…). */
  special: cell(2, 6),
  /** 特殊音符 with 濁音 (ヴァ, ドゥ, グァ…). */
  specialDakuon: cell(2, 5, 6),
  numeral: cell(3, 4, 5, 6),
  /** 第1つなぎ符: after a number before ア/ラ-row kana, after Latin letters before kana. */
  connector: cell(3, 6),
  /** 外字符: Latin letters follow. */
  foreign: cell(5, 6),
  capital: cell(6),
  /** 外国語引用符 (open/close) around URLs and English words with punctuation. */
  foreignQuoteOpen: cell(2, 3, 6),
  foreignQuoteClose: cell(3, 5, 6),
} as const;

/** Voiced kana → the plain kana it is written from. */
const DAKUON: Record<string, string> = {
  ガ: "カ",
  ギ: "キ",
  グ: "ク",
  ゲ: "ケ",
  ゴ: "コ",
  ザ: "サ",
  ジ: "シ",
  ズ: "ス",
  ゼ: "セ",
  ゾ: "ソ",
  ダ: "タ",
  ヂ: "チ",
  ヅ: "ツ",
  デ: "テ",
  ド: "ト",
  バ: "ハ",
  ビ: "ヒ",
  ブ: "フ",
  ベ: "ヘ",
  ボ: "ホ",
  ヴ: "ウ",
};
const HANDAKUON: Record<string, string> = { パ: "ハ", ピ: "ヒ", プ: "フ", ペ: "ヘ", ポ: "ホ" };

/**
 * Two-kana syllables (拗音, 特殊音): written as a prefix cell + the cell of a plain kana.
 * The plain kana is the one whose row gives the consonant and whose column gives the vowel
 * (キャ = 拗音符 + カ, ティ = 拗音符 + チ, ファ = 特殊音符 + ハ).
 */
const DIGRAPHS = new Map<string, [string, string]>();
function digraphs(prefix: string, pairs: Record<string, string>) {
  for (const [kana, base] of Object.entries(pairs)) DIGRAPHS.set(kana, [prefix, base]);
}
// 拗音 (dot 4)
digraphs(SIGN.yoon, {
  キャ: "カ",
  キュ: "ク",
  キョ: "コ",
  キェ: "ケ",
  シャ: "サ",
  シュ: "ス",
  ショ: "ソ",
  シェ: "セ",
  チャ: "タ",
  チュ: "ツ",
  チョ: "ト",
  チェ: "テ",
  ティ: "チ",
  ニャ: "ナ",
  ニュ: "ヌ",
  ニョ: "ノ",
  ニェ: "ネ",
  ヒャ: "ハ",
  ヒュ: "フ",
  ヒョ: "ホ",
  ヒェ: "ヘ",
  ミャ: "マ",
  ミュ: "ム",
  ミョ: "モ",
  リャ: "ラ",
  リュ: "ル",
  リョ: "ロ",
  イェ: "エ",
  スィ: "シ",
});
// 拗濁音 (dots 4-5)
digraphs(SIGN.yoonDakuon, {
  ギャ: "カ",
  ギュ: "ク",
  ギョ: "コ",
  ジャ: "サ",
  ジュ: "ス",
  ジョ: "ソ",
  ジェ: "セ",
  ヂャ: "タ",
  ヂュ: "ツ",
  ヂョ: "ト",
  ディ: "チ",
  ビャ: "ハ",
  ビュ: "フ",
  ビョ: "ホ",
  ズィ: "シ",
});
// 拗半濁音 (dots 4-6), and テュ/フュ/フョ written the same way
digraphs(SIGN.yoonHandakuon, { ピャ: "ハ", ピュ: "フ", ピョ: "ホ", テュ: "ツ", フュ: "ユ", フョ: "ヨ" });
// dots 4-5-6: デュ, ヴュ, ヴョ
digraphs(cell(4, 5, 6), { デュ: "ツ", ヴュ: "ユ", ヴョ: "ヨ" });
// 特殊音 (dots 2-6)
digraphs(SIGN.special, {
  ウィ: "イ",
  ウェ: "エ",
  ウォ: "オ",
  クァ: "カ",
  クィ: "キ",
  クェ: "ケ",
  クォ: "コ",
  ツァ: "タ",
  ツィ: "チ",
  ツェ: "テ",
  ツォ: "ト",
  トゥ: "ツ",
  ファ: "ハ",
  フィ: "ヒ",
  フェ: "ヘ",
  フォ: "ホ",
});
// 特殊音 with 濁音 (dots 2-5-6)
digraphs(SIGN.specialDakuon, {
  グァ: "カ",
  グィ: "キ",
  グェ: "ケ",
  グォ: "コ",
  ドゥ: "ツ",
  ヴァ: "ハ",
  ヴィ: "ヒ",
  ヴェ: "ヘ",
  ヴォ: "ホ",
});

/** Every kana (single or two-letter syllable) stage 2 can write, with its cells. */
export function kanaTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const [k, c] of PLAIN) table.set(k, c);
  for (const [k, base] of Object.entries(DAKUON)) table.set(k, SIGN.dakuon + PLAIN.get(base));
  for (const [k, base] of Object.entries(HANDAKUON)) table.set(k, SIGN.handakuon + PLAIN.get(base));
  for (const [k, [prefix, base]] of DIGRAPHS) table.set(k, prefix + PLAIN.get(base));
  return table;
}
export const KANA = kanaTable();

/** Latin letters a–z (English braille, grade 1). */
export const LETTERS = "⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵";
/** Digits 1–9 and 0 share the shapes of a–j. */
export const DIGITS: Record<string, string> = {
  "1": "⠁",
  "2": "⠃",
  "3": "⠉",
  "4": "⠙",
  "5": "⠑",
  "6": "⠋",
  "7": "⠛",
  "8": "⠓",
  "9": "⠊",
  "0": "⠚",
};
/** The large kana of a small one (ャ → ヤ). */
export function largeOf(small: string): string {
  const i = "ァィゥェォャュョヮ".indexOf(small);
  return "アイウエオヤユヨワ"[i] ?? small;
}

/** Number of braille cells in a line of Unicode braille (blanks count as cells). */
export function cellCount(braille: string): number {
  return [...braille].filter((c) => c !== "\n").length;
}

export { BRF_ASCII, brailleToBrf, brfToBraille } from "./brf.ts";
