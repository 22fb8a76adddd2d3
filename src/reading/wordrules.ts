// Readings the dictionary gets wrong in the text city halls write, corrected on the analysed words so that speech
// and braille both say the right thing. Each rule carries examples (sentence, word, reading); the tests run them.
import type { Word } from "./analysis.ts";

/** A correction of the dictionary's reading of one word, from the words around it. */
export interface WordRule {
  id: string;
  why: string;
  /** The new reading (katakana as written) of words[i], or undefined to leave it. */
  reading(words: Word[], i: number): string | undefined;
  examples: [sentence: string, word: string, reading: string][];
}

/** Words before 方 that make it a direction, not a person (左の方へ → ホウ). */
const DIRECTIONS = new Set([
  "左",
  "右",
  "前",
  "後ろ",
  "上",
  "下",
  "東",
  "西",
  "南",
  "北",
  "こちら",
  "そちら",
  "あちら",
  "どちら",
  "奥",
  "手前",
  "外",
  "内",
  "窓口",
  "出口",
  "入口",
]);

export const WORD_RULES: WordRule[] = [
  {
    id: "person-kata",
    why: "the dictionary reads 方 after a clause or の as ホウ (direction); in 〜の方, 〜する方 it means a person: カタ",
    reading(words, i) {
      const w = words[i];
      if (w.surface !== "方" || w.pos1 !== "非自立" || w.by !== "dictionary") return undefined;
      const prev = words[i - 1];
      const next = words[i + 1];
      if (!prev || next?.surface === "へ" || next?.surface === "向") return undefined;
      const before = prev.surface === "の" ? words[i - 2] : prev;
      if (before && DIRECTIONS.has(before.surface)) return undefined;
      if (prev.surface === "の" || prev.pos === "助動詞" || prev.pos === "動詞" || prev.pos === "形容詞") return "カタ";
      return undefined;
    },
    examples: [
      ["市内在住の方", "方", "カタ"],
      ["申請を行った方", "方", "カタ"],
      ["カードを持っていない方", "方", "カタ"],
      ["左の方へお進みください", "方", "ホウ"],
    ],
  },
  {
    id: "uchi-before-number",
    why: "内 before an amount (（内200円は…）) means 'of which': ウチ, not the suffix ナイ",
    reading(words, i) {
      const w = words[i];
      if (w.surface !== "内" || w.reading === "ウチ") return undefined;
      const next = words[i + 1];
      const prev = words[i - 1];
      const starts = !prev || prev.pos === "記号" || /^[(（、]$/.test(prev.surface);
      return starts && next && (next.kind === "number" || next.pos1 === "数") ? "ウチ" : undefined;
    },
    examples: [
      ["手数料1,000円(内200円は認証代)", "内", "ウチ"],
      ["市内在住の方", "市内", "シナイ"],
    ],
  },
  {
    id: "to-after-noun",
    why: "等 standing after a noun (電子証明書 等) is taken for the given name ヒトシ; it is トウ (and so on)",
    reading(words, i) {
      const w = words[i];
      if (w.surface !== "等" || w.reading !== "ヒトシ") return undefined;
      const prev = words[i - 1]?.kind === "space" ? words[i - 2] : words[i - 1];
      return prev && prev.pos === "名詞" ? "トウ" : undefined;
    },
    examples: [
      ["公的個人認証に係る 電子証明書 等", "等", "トウ"],
      ["住民票等", "等", "トウ"],
    ],
  },
];

/** Applies every word rule; a changed word keeps the dictionary's reading beside the new one. */
export function applyWordRules(words: Word[], rules: WordRule[] = WORD_RULES): void {
  for (let i = 0; i < words.length; i++) {
    for (const rule of rules) {
      const r = rule.reading(words, i);
      if (r === undefined || r === words[i].reading) continue;
      words[i] = { ...words[i], dictionaryReading: words[i].reading, reading: r, pronunciation: r, by: "rule" };
    }
  }
}
