// Stage 1 of the translator: Japanese text → spaced kana (分かち書き) per 点訳のてびき 第4版. Readings come from the
// analysis speech uses too (src/reading/analysis.ts: MeCab with Open JTalk's dictionary, ruby and lexicon on word
// boundaries); units.ts writes them as braille does and spacing.ts puts the blanks.
import type { Inline, LexiconEntry } from "../model/types.ts";
import { analyzeInlines, type Word } from "../reading/analysis.ts";
import { joinUnits, mora, splitOffices } from "./spacing.ts";
import { brailleUnits, type Morph } from "./units.ts";

export interface SpacedKanaOptions {
  /** Readings from content/lexicon.yaml, applied to whole words. */
  lexicon?: LexiconEntry[];
  /** Where the analyser's dictionary folder is kept (default: the project's .cache). */
  cacheDir?: string;
}

/** Something a proofreader should look at: the word, and why. */
export interface Suspect {
  text: string;
  why: "unknown" | "particle" | "number" | "lexicon" | "ruby" | "no-braille";
}

export interface SpacedKanaResult {
  kana: string;
  /** Source characters left without a reading (kanji unknown to the dictionary). */
  unknown: string[];
  /** Words a proofreader should check (unknown words, は/へ read as particles, numbers, fixed readings). */
  suspects: Suspect[];
  /** The analysis it was made from. */
  words: Word[];
  /** The braille units, each with the word it came from. */
  units: Morph[];
}

/** Japanese text (or inlines with ruby) → spaced katakana ready for stage 2. */
export async function toSpacedKana(text: string | Inline[], opts: SpacedKanaOptions = {}): Promise<string> {
  return (await analyzeKana(text, opts)).kana;
}

/** Second elements of katakana compounds written apart even where the dictionary has the whole word. */
const LOANWORD_HEADS = [
  "カード",
  "ダイヤル",
  "センター",
  "サービス",
  "システム",
  "ポイント",
  "ショップ",
  "ナンバー",
  "アドレス",
  "コード",
  "サイト",
  "ページ",
  "メール",
  "ポータル",
  "アプリ",
  "パスワード",
];

/** Stage 1 with the analysis and what a proofreader should check. */
export async function analyzeKana(text: string | Inline[], opts: SpacedKanaOptions = {}): Promise<SpacedKanaResult> {
  const words = await analyzeInlines(text, { lexicon: opts.lexicon, cacheDir: opts.cacheDir });
  const units = brailleUnits(words);
  splitLoanwords(units);
  joinKatakanaEntries(units);
  mergeShortKatakana(units);
  splitOffices(units);
  const unknown: string[] = [];
  for (const u of units) if (u.kind === "word") for (const c of u.kana) if (/[\u3400-\u9fff\uf900-\ufaff々〆]/.test(c)) unknown.push(c);
  return { kana: joinUnits(units), unknown: [...new Set(unknown)], suspects: suspectsOf(units), words, units };
}

/** What a proofreader should look at in these units. */
function suspectsOf(units: Morph[]): Suspect[] {
  const out: Suspect[] = [];
  for (const u of units) {
    const w = u.word;
    if (!w) continue;
    if (w.by === "unknown" && /[\u3400-\u9fff々]/.test(w.surface)) out.push({ text: w.surface, why: "unknown" });
    else if (w.by === "lexicon") out.push({ text: w.surface, why: "lexicon" });
    else if (w.by === "ruby") out.push({ text: w.surface, why: "ruby" });
    else if (u.kind === "number" || /^[0-9]/.test(u.kana) || (w.pos1 === "数" && /[一二三四五六七八九十百千]/.test(w.surface)))
      out.push({ text: w.surface, why: "number" });
    // は/へ read as a particle inside a longer word, or a は the dictionary did not take for the particle.
    else if (/[はへ]$/.test(w.surface) && w.surface.length > 1 && /[ワエ]$/.test(u.kana)) out.push({ text: w.surface, why: "particle" });
    else if (/[はへ]/.test(w.surface) && w.pos !== "助詞" && /[ハヘ]/.test(u.kana) && w.pronunciation.includes("ワ"))
      out.push({ text: w.surface, why: "particle" });
  }
  return out;
}

/**
 * The dictionary splits some loanwords into pieces (マイ + ナンバー); a katakana piece of two morae or less joins
 * its katakana neighbour, so the whole word counts as one meaning unit.
 */
function mergeShortKatakana(units: Morph[]): void {
  const kata = (m: Morph | undefined) =>
    !!m && m.kind === "word" && m.pos === "名詞" && !m.forceSpace && m.unitMora === undefined && /^[ァ-ヶー]+$/.test(m.surface);
  for (let i = 1; i < units.length; i++) {
    const a = units[i - 1];
    const b = units[i];
    if (!kata(a) || !kata(b) || (mora(a.kana) > 2 && mora(b.kana) > 2)) continue;
    units.splice(i - 1, 2, { ...a, surface: a.surface + b.surface, kana: a.kana + b.kana, pos1: "一般", pos2: "*" });
    i--;
  }
}

/** A katakana lexicon entry is one word, however the dictionary cut it (マイナ + ポータル → マイナポータル). */
function joinKatakanaEntries(units: Morph[]): void {
  for (let i = 1; i < units.length; i++) {
    const a = units[i - 1];
    const b = units[i];
    const g = a.word?.group;
    if (g === undefined || b.word?.group !== g || a.word?.by !== "lexicon" || b.forceSpace) continue;
    if (!/^[ァ-ヶー]+$/.test(a.surface) || !/^[ァ-ヶー]+$/.test(b.surface)) continue;
    units.splice(i - 1, 2, { ...a, surface: a.surface + b.surface, kana: a.kana + b.kana });
    i--;
  }
}

/** A katakana word the dictionary has whole (キャッシュカード) is written apart before a common head (カード). */
function splitLoanwords(units: Morph[]): void {
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.kind !== "word" || u.pos !== "名詞" || !/^[ァ-ヶー]{6,}$/.test(u.surface) || u.word?.by === "lexicon") continue;
    const head = LOANWORD_HEADS.find((h) => u.surface.endsWith(h) && u.surface.length > h.length);
    if (!head) continue;
    const left = u.surface.slice(0, -head.length);
    if (mora(left) < 3 || /^[ーッャュョァィゥェォン]/.test(head)) continue;
    units.splice(
      i,
      1,
      { ...u, surface: left, kana: u.kana.slice(0, -head.length) },
      { ...u, surface: head, kana: u.kana.slice(-head.length), forceSpace: true },
    );
    i++;
  }
}
