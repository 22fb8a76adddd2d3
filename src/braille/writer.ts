// Stage 2 of the translator: spaced kana → six-dot Unicode braille. Input is what stage 1 writes (katakana words and
// blanks, Japanese marks, digits, Latin letters, addresses); `leaflet braille --from-kana` runs this stage alone.
import { cell, DIGITS, KANA, LETTERS, largeOf, SIGN } from "./cells.ts";

/** Punctuation inside 情報処理用点字 (addresses: ⠠⠦ … ⠠⠴). */
const INFO_PUNCT: Record<string, string> = {
  ".": cell(2, 5, 6),
  "/": cell(3, 4),
  ":": cell(2, 5),
  "-": cell(3, 6),
  "@": cell(2, 4, 6),
  _: cell(4, 5, 6),
  "?": cell(2, 3, 6),
  "=": cell(2, 3, 5, 6),
  "&": cell(1, 2, 3, 4, 6),
  "#": cell(3, 4, 5, 6),
  "%": cell(1, 4, 6),
  "~": cell(4) + cell(3, 5),
  "+": cell(2, 3, 5),
};

/** Punctuation inside English phrases (⠦ … ⠴, uncontracted English braille). */
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
};

/** Japanese marks → cells (blanks after them are the spacing's). Brackets by their braille kind. */
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
  "〈": cell(5, 6) + cell(3),
  "〉": cell(6) + cell(2, 3),
  "（": cell(2, 3, 5, 6),
  "）": cell(2, 3, 5, 6),
  "〔": cell(5) + cell(2, 3, 5, 6),
  "〕": cell(2, 3, 5, 6) + cell(2),
  "⦅": cell(5, 6) + cell(2, 3, 5, 6),
  "⦆": cell(2, 3, 5, 6) + cell(2, 3),
  "〜": cell(3, 6) + cell(3, 6),
  "：": cell(5) + cell(2),
  "※": cell(3, 5) + cell(3, 5),
  "…": cell(2) + cell(2) + cell(2),
  "―": cell(2, 5) + cell(2, 5),
  "→": cell(2, 5) + cell(2, 5) + cell(1, 3, 5),
  "／": cell(4, 5, 6) + cell(3, 4),
  "%": cell(5, 6) + cell(1, 2, 3, 4),
  "&": cell(5, 6) + cell(1, 2, 3, 4, 6),
  "#": cell(5, 6) + cell(1, 4, 6),
  "*": cell(5, 6) + cell(1, 6),
};
const CLOSERS = new Set(["」", "』", "）", "〕", "⦆", "〉"]);
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

/** Normalises stage-2 input: NFKC (half-width kana; the ellipsis kept), hiragana → katakana, wave dashes and blanks unified. */
export function normalizeKanaInput(s: string): string {
  return (
    s
      .replace(/[？！（）：／％＆＃…‥]/g, (c) => `\uE000${c}`)
      .normalize("NFKC")
      // NFKC turns an ellipsis into three full stops (and a two-dot leader into two): put the mark back.
      .replace(/\uE000\.{2,3}/g, "…")
      .replace(
        /\uE000(.)/g,
        (_m, c: string) => ({ "?": "？", "!": "！", "(": "（", ")": "）", ":": "：", "/": "／", "%": "%", "&": "&", "#": "#" })[c] ?? c,
      )
      .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
      .replace(/[～~]/g, "〜")
      .replace(/\u3000/g, " ")
      .replace(/[‐－−–]/g, "-")
  );
}

export interface KanaToBrailleResult {
  braille: string;
  /** Characters that had no braille and were left out, with their place in the input. */
  untranslated: string[];
  /** Offsets (in code points of the normalised input) of the characters left out. */
  at: number[];
}

const URL = /^(?:https?:\/\/[\w\-./?=&#%~:@+]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|www\.[\w\-./?=&#%~]+)/;
const PHRASE = /^[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*)+[.!?]?/;

/** 情報処理用点字: letters as written, ⠼ before digits, the 小文字フラグ ⠰ for a–j right after digits. */
function infoBraille(text: string): string {
  let out = cell(6) + SIGN.foreignQuoteOpen;
  let numberMode = false;
  for (const c of text) {
    if (/[0-9]/.test(c)) {
      if (!numberMode) out += SIGN.numeral;
      out += DIGITS[c];
      numberMode = true;
    } else if (/[A-Za-z]/.test(c)) {
      const lower = c.toLowerCase();
      if (numberMode && lower <= "j") out += SIGN.foreign;
      out += (c !== lower ? SIGN.capital : "") + LETTERS[lower.charCodeAt(0) - 97];
      numberMode = false;
    } else {
      out += INFO_PUNCT[c] ?? "";
      if (c !== ".") numberMode = false;
    }
  }
  return out + cell(6) + SIGN.foreignQuoteClose;
}

/** Latin letters of one word: a capital sign per capital, the double capital sign for a run of capitals. */
function letters(word: string): string {
  if (word.length >= 2 && word === word.toUpperCase())
    return SIGN.capital + SIGN.capital + [...word.toLowerCase()].map((c) => LETTERS[c.charCodeAt(0) - 97]).join("");
  return [...word].map((c) => (c !== c.toLowerCase() ? SIGN.capital : "") + LETTERS[c.toLowerCase().charCodeAt(0) - 97]).join("");
}

/** Stage 2 with a report of what could not be written (the strict `kanaToBraille` throws instead). */
export function kanaToBrailleReport(spacedKana: string): KanaToBrailleResult {
  const s = [...normalizeKanaInput(spacedKana)];
  const out: string[] = [];
  const untranslated: string[] = [];
  const at: number[] = [];
  // What the previous written item was, for the connector and sign rules.
  let prev: "none" | "number" | "latin" | "kana" | "space" | "punct" = "none";
  let i = 0;
  const trimBlanks = () => {
    while (out.length > 0 && out[out.length - 1] === " ") out.pop();
  };
  const ensureBlanks = (n: number) => {
    let have = 0;
    for (let k = i; k < s.length && s[k] === " "; k++) have++;
    if (have === 0) for (let k = 0; k < n; k++) out.push(" ");
  };
  while (i < s.length) {
    const ch = s[i];
    if (ch === " " || ch === "\t") {
      if (out.length > 0) out.push(" ");
      prev = "space";
      i++;
      continue;
    }
    if (ch === "\n") {
      trimBlanks();
      out.push("\n");
      prev = "none";
      i++;
      continue;
    }
    // Only an ASCII letter or digit can start an address or an English phrase: look ahead only then.
    const rest = /[A-Za-z0-9_]/.test(ch) ? s.slice(i, i + 400).join("") : "";
    const url = prev === "number" ? null : URL.exec(rest);
    if (url) {
      const text = url[0].replace(/[.]$/, "");
      out.push(infoBraille(text));
      i += [...text].length;
      prev = "latin";
      continue;
    }
    // English words and sentences: in 外国語引用符, uncontracted English braille.
    const phrase = PHRASE.exec(rest);
    if (phrase) {
      out.push(SIGN.foreignQuoteOpen);
      for (const m of phrase[0].matchAll(/[A-Za-z]+|[0-9]+|./g)) {
        const w = m[0];
        if (/^[A-Za-z]+$/.test(w))
          out.push(
            w.length >= 2 && w === w.toUpperCase()
              ? letters(w)
              : [...w].map((c) => (c !== c.toLowerCase() ? SIGN.capital : "") + LETTERS[c.toLowerCase().charCodeAt(0) - 97]).join(""),
          );
        else if (/^[0-9]+$/.test(w)) out.push(SIGN.numeral, ...[...w].map((d) => DIGITS[d]));
        else if (w === " ") out.push(" ");
        else out.push(ENGLISH_PUNCT[w] ?? "");
      }
      out.push(SIGN.foreignQuoteClose);
      i += [...phrase[0]].length;
      prev = "latin";
      continue;
    }
    // Numbers: numeral sign, digits, 位取り点 (,) and 小数点 (.); ⠼ written in the kana starts a new number at once
    // (概数 2⠼3); a hyphen between numbers (phone numbers) is the connector and a new numeral sign.
    if (/[0-9]/.test(ch) || (ch === "⠼" && /[0-9]/.test(s[i + 1] ?? ""))) {
      if (ch === "⠼") i++;
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
      if (s[i] === "-" && /[0-9]/.test(s[i + 1] ?? "")) {
        out.push(SIGN.connector);
        i++;
      }
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (j < s.length && /[A-Za-z]/.test(s[j])) j++;
      const word = s.slice(i, j).join("");
      out.push(SIGN.foreign, letters(word));
      i = j;
      prev = "latin";
      // An abbreviation's full stop (No.) and a hyphen inside a word (Wi-Fi: a new 外字符 after it).
      if (s[i] === "." && (s[i + 1] === undefined || s[i + 1] === " ")) {
        out.push(cell(2, 5, 6));
        i++;
      } else if (s[i] === "-" && /[A-Za-z]/.test(s[i + 1] ?? "")) {
        out.push(SIGN.connector);
        i++;
      }
      continue;
    }
    // Kana: try the two-letter syllable first.
    const two = s[i] + (s[i + 1] ?? "");
    const kanaCells = SMALL.has(s[i + 1] ?? "") ? KANA.get(two) : undefined;
    const single = kanaCells ?? KANA.get(ch) ?? (SMALL.has(ch) ? KANA.get(largeOf(ch)) : undefined);
    if (single !== undefined) {
      if (prev === "latin") out.push(SIGN.connector);
      else if (prev === "number" && ARA_ROW.has(ch)) out.push(SIGN.connector);
      else if (prev === "number" && ch === "ワ" && [1, 2, 3].every((k) => ARA_ROW.has(s[i + k] ?? ""))) {
        // ワ is the 位取り点's shape: before three digit-shaped cells it needs the connector (4ワリイリ).
        out.push(SIGN.connector);
      }
      out.push(single);
      i += kanaCells ? 2 : 1;
      prev = "kana";
      continue;
    }
    const punct = PUNCT[ch];
    if (punct !== undefined) {
      // Marks attach to the word before them.
      if (ch === "。" || ch === "、" || CLOSERS.has(ch) || ch === "？" || ch === "！") trimBlanks();
      out.push(punct);
      i++;
      prev = ch === "%" ? "number" : "punct";
      const next = s[i];
      // A sentence end takes two blanks, a 読点 one, where the kana did not write them.
      if (next !== undefined && next !== "\n" && !CLOSERS.has(next) && next !== "。" && next !== "、") {
        if (ch === "。") ensureBlanks(2);
        else if (ch === "、") ensureBlanks(1);
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
    at.push(i);
    i++;
  }
  trimBlanks();
  // Blanks never start a line.
  const braille = out.join("").replace(/^ +/gm, "").replace(/ +$/gm, "");
  return { braille, untranslated, at };
}

/** Stage 2: spaced kana → Unicode braille; throws UntranslatableError for characters it cannot write. */
export function kanaToBraille(spacedKana: string): string {
  const { braille, untranslated } = kanaToBrailleReport(spacedKana);
  if (untranslated.length > 0) throw new UntranslatableError(untranslated);
  return braille;
}
