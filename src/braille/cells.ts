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
const KANA = kanaTable();

/** Latin letters a–z (English braille, grade 1). */
const LETTERS = "⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵";
/** Digits 1–9 and 0 share the shapes of a–j. */
const DIGITS: Record<string, string> = {
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
/** Punctuation inside a URL or e-mail address (English braille shapes). */
const URL_PUNCT: Record<string, string> = {
  ".": cell(2, 5, 6),
  "/": cell(3, 4),
  ":": cell(2, 5),
  "-": cell(3, 6),
  _: cell(4, 5, 6),
  "@": cell(4) + cell(1),
  "#": cell(3, 4, 5, 6),
  "?": cell(2, 3, 6),
  "=": cell(2, 3, 5, 6),
  "&": cell(1, 2, 3, 4, 6),
  "~": cell(4) + cell(3, 5),
};

/** Punctuation inside English phrases (English braille). */
const ENGLISH_PUNCT: Record<string, string> = {
  ",": cell(2),
  ".": cell(2, 5, 6),
  ";": cell(2, 3),
  ":": cell(2, 5),
  "!": cell(2, 3, 5),
  "?": cell(2, 3, 6),
  "'": cell(3),
  "’": cell(3),
  "-": cell(3, 6),
  "/": cell(3, 4),
  "&": cell(1, 2, 3, 4, 6),
};

/** Japanese punctuation and marks → cells. Blanks after them are handled separately. */
const PUNCT: Record<string, string> = {
  "。": cell(2, 5, 6),
  "、": cell(5, 6),
  "？": cell(2, 6),
  "！": cell(2, 3, 5),
  "・": cell(5),
  "「": cell(3, 6),
  "」": cell(3, 6),
  "『": cell(5, 6) + cell(3, 6),
  "』": cell(3, 6) + cell(2, 3),
  "（": cell(2, 3, 5, 6),
  "）": cell(2, 3, 5, 6),
  "〜": cell(3, 6) + cell(3, 6),
  "：": cell(5) + cell(2),
  "※": cell(3, 5) + cell(3, 5),
  "…": cell(2) + cell(2) + cell(2),
  "―": cell(2, 5) + cell(2, 5),
  "→": cell(2, 5) + cell(2, 5) + cell(1, 3, 5),
  "／": cell(3, 4),
};
/** Marks after which a sentence ends: two blanks follow (one at the end of a quoted phrase). */
const SENTENCE_END = new Set(["。", "？", "！"]);
const ONE_BLANK_AFTER = new Set(["、", "・", "：", "※"]);

const ARA_ROW = new Set([..."アイウエオラリルレロ"]);
const SMALL = new Set([..."ァィゥェォャュョヮ"]);

/** Characters stage 2 cannot write (kanji left without a reading, rare symbols). */
export class UntranslatableError extends Error {
  readonly chars: string[];
  constructor(chars: string[]) {
    super(`cannot write in braille: ${chars.join(" ")}`);
    this.name = "UntranslatableError";
    this.chars = chars;
  }
}

/** Normalises stage-2 input: hiragana → katakana, full-width ASCII → ASCII, wave dashes unified. */
export function normalizeKanaInput(s: string): string {
  return s
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[\uff01-\uff5e]/g, (c) => {
      const ascii = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      // Keep the Japanese punctuation stage 2 has cells for.
      return "？！（）：／".includes(c) ? c : ascii;
    })
    .replace(/[～~]/g, "〜")
    .replace(/\u3000/g, " ")
    .replace(/[‐－−–]/g, "-");
}

export interface KanaToBrailleResult {
  braille: string;
  /** Characters that had no braille and were left out. */
  untranslated: string[];
}

/** Stage 2 with a report of what could not be written (the strict `kanaToBraille` throws instead). */
export function kanaToBrailleReport(spacedKana: string): KanaToBrailleResult {
  const s = [...normalizeKanaInput(spacedKana)];
  const out: string[] = [];
  const untranslated: string[] = [];
  // What the previous written item was, for the connector and sign rules.
  let prev: "none" | "number" | "latin" | "kana" | "space" | "punct" = "none";
  let i = 0;
  const pushBlank = (n: number) => {
    // Blanks never start a line's content run twice: collapse to the larger requirement.
    let have = 0;
    while (out.length > 0 && out[out.length - 1] === " ") {
      out.pop();
      have++;
    }
    for (let k = 0; k < Math.max(n, have); k++) out.push(" ");
  };
  while (i < s.length) {
    const ch = s[i];
    if (ch === " " || ch === "\t") {
      if (out.length > 0) pushBlank(1);
      prev = "space";
      i++;
      continue;
    }
    if (ch === "\n") {
      while (out.length > 0 && out[out.length - 1] === " ") out.pop();
      out.push("\n");
      prev = "none";
      i++;
      continue;
    }
    // URLs and e-mail addresses: in 外国語引用符, letters lower-case as written.
    // Only an ASCII letter or digit can start an address or an English phrase: look ahead only then.
    const rest = /[A-Za-z0-9_]/.test(ch) ? s.slice(i, i + 300).join("") : "";
    const url = /^(?:https?:\/\/[\w\-./?=&#%~:@]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|www\.[\w\-./?=&#%~]+)/.exec(rest);
    if (url) {
      const text = url[0].replace(/[.]$/, "");
      out.push(SIGN.foreignQuoteOpen);
      for (const c of text) out.push(latinOrDigit(c) ?? URL_PUNCT[c] ?? "");
      out.push(SIGN.foreignQuoteClose);
      i += [...text].length;
      prev = "latin";
      continue;
    }
    // English words and sentences: in 外国語引用符, written in English braille (grade 1).
    const phrase = /^[A-Za-z][A-Za-z0-9'’-]*(?:[ ,.;:&/]+[A-Za-z0-9][A-Za-z0-9'’-]*)+[.!?]?/.exec(rest);
    if (phrase) {
      out.push(SIGN.foreignQuoteOpen);
      for (const m of phrase[0].matchAll(/[A-Za-z]+|[0-9]+|./g)) {
        const w = m[0];
        if (/^[A-Za-z]+$/.test(w)) {
          const caps = w.length >= 2 && w === w.toUpperCase();
          if (caps) out.push(SIGN.capital, SIGN.capital);
          for (const c of w) out.push((!caps && c !== c.toLowerCase() ? SIGN.capital : "") + LETTERS[c.toLowerCase().charCodeAt(0) - 97]);
        } else if (/^[0-9]+$/.test(w)) out.push(SIGN.numeral, ...[...w].map((d) => DIGITS[d]));
        else if (w === " ") out.push(" ");
        else out.push(ENGLISH_PUNCT[w] ?? "");
      }
      out.push(SIGN.foreignQuoteClose);
      i += [...phrase[0]].length;
      prev = "latin";
      continue;
    }
    // Numbers: numeral sign, digits, 位取り点 (,) and 小数点 (.) inside; a hyphen between
    // numbers (phone numbers) is the connector followed by a new numeral sign.
    if (/[0-9]/.test(ch)) {
      if (prev === "latin" && out[out.length - 1] !== " ") {
        // digits inside a Latin word (A4): the numeral sign is enough.
      }
      out.push(SIGN.numeral);
      while (i < s.length) {
        const c = s[i];
        if (/[0-9]/.test(c)) out.push(DIGITS[c]);
        else if (c === "," && /[0-9]/.test(s[i + 1] ?? "")) out.push(cell(3));
        else if (c === "." && /[0-9]/.test(s[i + 1] ?? "")) out.push(cell(2));
        else break;
        i++;
      }
      prev = "number";
      // A hyphen or colon between numbers (0120-95-0178, 9:30).
      if ((s[i] === "-" || s[i] === "：" || s[i] === ":") && /[0-9]/.test(s[i + 1] ?? "")) {
        out.push(s[i] === "-" ? SIGN.connector : PUNCT["："]);
        i++;
      }
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (j < s.length && /[A-Za-z]/.test(s[j])) j++;
      const word = s.slice(i, j).join("");
      out.push(SIGN.foreign);
      const allCaps = word.length >= 2 && word === word.toUpperCase();
      if (allCaps) out.push(SIGN.capital, SIGN.capital);
      for (const c of word) {
        if (!allCaps && c !== c.toLowerCase()) out.push(SIGN.capital);
        out.push(LETTERS[c.toLowerCase().charCodeAt(0) - 97]);
      }
      i = j;
      prev = "latin";
      continue;
    }
    // Kana: try the two-letter syllable first.
    const two = s[i] + (s[i + 1] ?? "");
    const kanaCells = SMALL.has(s[i + 1] ?? "") ? KANA.get(two) : undefined;
    const single = kanaCells ?? KANA.get(ch) ?? (SMALL.has(ch) ? KANA.get(largeOf(ch)) : undefined);
    if (single !== undefined) {
      if (prev === "latin") out.push(SIGN.connector);
      else if (prev === "number" && ARA_ROW.has(ch)) out.push(SIGN.connector);
      out.push(single);
      i += kanaCells ? 2 : 1;
      prev = "kana";
      continue;
    }
    const punct = PUNCT[ch];
    if (punct !== undefined) {
      // Punctuation attaches to the word before it.
      while ((SENTENCE_END.has(ch) || ch === "、" || ch === "」" || ch === "）" || ch === "』") && out[out.length - 1] === " ") out.pop();
      out.push(punct);
      i++;
      prev = "punct";
      const next = s[i];
      const closing = next === "」" || next === "）" || next === "』";
      if (next !== undefined && next !== "\n" && !closing && !SENTENCE_END.has(next) && next !== "、") {
        if (SENTENCE_END.has(ch)) pushBlank(2);
        else if (ONE_BLANK_AFTER.has(ch)) pushBlank(1);
      }
      continue;
    }
    if (ch === "-") {
      out.push(SIGN.connector);
      i++;
      prev = "punct";
      continue;
    }
    untranslated.push(ch);
    i++;
  }
  while (out.length > 0 && out[out.length - 1] === " ") out.pop();
  return { braille: out.join(""), untranslated };
}

/** Stage 2: spaced kana → Unicode braille; throws UntranslatableError for characters it cannot write. */
export function kanaToBraille(spacedKana: string): string {
  const { braille, untranslated } = kanaToBrailleReport(spacedKana);
  if (untranslated.length > 0) throw new UntranslatableError(untranslated);
  return braille;
}

function latinOrDigit(c: string): string | undefined {
  if (/[a-z]/.test(c)) return LETTERS[c.charCodeAt(0) - 97];
  if (/[A-Z]/.test(c)) return SIGN.capital + LETTERS[c.toLowerCase().charCodeAt(0) - 97];
  if (/[0-9]/.test(c)) return SIGN.numeral + DIGITS[c];
  return undefined;
}

function largeOf(small: string): string {
  const i = "ァィゥェォャュョヮ".indexOf(small);
  return "アイウエオヤユヨワ"[i] ?? small;
}

/** Number of braille cells in a line of Unicode braille (blanks count as cells). */
export function cellCount(braille: string): number {
  return [...braille].filter((c) => c !== "\n").length;
}

export { BRF_ASCII, brailleToBrf, brfToBraille } from "./brf.ts";
