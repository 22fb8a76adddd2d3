// The text a speech engine is given for one sentence, made from the shared analysis: words whose reading was fixed
// (ruby, lexicon, a word rule) and differs from the dictionary's are written in kana, every other word as printed so
// the engine keeps its own accent; runs in another language are announced; long runs get pauses at phrase ends.
import type { Inline, LexiconEntry } from "../model/types.ts";
import { analyzeInlines, type Word } from "./analysis.ts";
import { longVowels } from "./overrides.ts";
import { normalizeText } from "./rules.ts";

/**
 * Accent phrases one breath group may hold. Open JTalk's durations break down at about nine in one breath group
 * (measured: 「暗証番号は…大事なものなのじゃよ」 with 9 took 11.5 s, 6.4 s with one pause; a 171-character run took
 * 175 s). Accent phrases are counted from the words (each independent word and each noun of a compound), which
 * counts a little more than Open JTalk does: a pause too many rather than one too few.
 */
export const MAX_PHRASES_PER_BREATH = 7;

const LANGUAGE_NAMES: Record<string, string> = {
  en: "英文",
  zh: "中国語の文",
  ko: "韓国語の文",
  es: "スペイン語の文",
  pt: "ポルトガル語の文",
  fr: "フランス語の文",
  vi: "ベトナム語の文",
  tl: "タガログ語の文",
};

/** What the engine hears for a run in another language: its language is announced, not read as Japanese. */
export function foreignAnnouncement(lang: string): string {
  return `${LANGUAGE_NAMES[lang.toLowerCase().split("-")[0]] ?? "外国語の文"}省略`;
}

/** How a fixed reading (ruby or lexicon, written like furigana) is pronounced: katakana, long vowels as ー. */
function pronounced(reading: string): string {
  return reading
    .split(/[\s\u3000]+/)
    .map((p) => longVowels(p, undefined, false))
    .join("");
}

/** True where the word's reading was changed from what the engine's dictionary would say. */
function readingChanged(w: Word): boolean {
  if (w.by !== "ruby" && w.by !== "lexicon" && w.by !== "rule") return false;
  return w.dictionaryReading === undefined || w.dictionaryReading.replace(/:/g, "") !== w.reading.replace(/[\s\u3000]+/g, "");
}

/** A word that starts an accent phrase, roughly: an independent word, each noun of a compound, a formal noun. */
function startsPhrase(w: Word, prev: Word | undefined): boolean {
  if (!prev) return true;
  if (["助詞", "助動詞", "記号"].includes(w.pos)) return false;
  if (w.pos1 === "接尾" || w.pos2 === "助動詞語幹" || (w.pos === "動詞" && w.pos1 !== "自立")) return false;
  if (prev.pos === "接頭詞" || (w.pos1 === "数" && prev.pos1 === "数")) return false;
  return true;
}

/** Where a pause (、) is added so no breath group has more phrases than the engine can take. */
function pausePoints(words: Word[]): Set<number> {
  const out = new Set<number>();
  let phrases = 0;
  let lastParticle = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.pos === "記号" || /^[、。！？!?,]$/.test(w.surface) || w.kind === "break") {
      phrases = 0;
      lastParticle = -1;
      continue;
    }
    if (startsPhrase(w, words[i - 1])) {
      phrases++;
      if (phrases > MAX_PHRASES_PER_BREATH && lastParticle >= 0) {
        out.add(lastParticle);
        phrases = 1;
        lastParticle = -1;
      }
    }
    const next = words[i + 1];
    // A pause goes after a particle and before a noun, adverb or the like, never right before a verb: the engine
    // reads a verb after a pause without the context that chose its reading (申請を、行った became イッタ).
    const beforeNoun = next && ["名詞", "副詞", "接続詞", "連体詞", "接頭詞"].includes(next.pos);
    if (w.pos === "助詞" && w.pos1 !== "連体化" && next && beforeNoun && startsPhrase(next, w) && phrases >= 2) lastParticle = i;
  }
  return out;
}

/** The engine's text of inlines, reading-resolved: fixed readings in kana, the rest normalised by the rules. */
export async function spokenText(inlines: Inline[], lexicon: LexiconEntry[]): Promise<string> {
  const words = await analyzeInlines(inlines, { lexicon });
  const pauses = pausePoints(words);
  let out = "";
  let run = "";
  const flush = () => {
    if (run) out += normalizeText(run);
    run = "";
  };
  words.forEach((w, i) => {
    if (w.kind === "foreign") {
      flush();
      out += foreignAnnouncement(w.lang ?? "en");
    } else if (w.kind === "break") run += "\n";
    else if (w.kind === "space") run += " ";
    else if (readingChanged(w)) {
      // A blank before a fixed reading stays a blank: the rules see it as such.
      if (w.spaceBefore) run += " ";
      flush();
      out += pronounced(w.reading);
    } else run += (w.spaceBefore && !run.endsWith(" ") ? " " : "") + w.surface;
    if (pauses.has(i)) run += "、";
  });
  flush();
  return out
    .replace(/、{2,}/g, "、")
    .replace(/^[、\s]+/, "")
    .trim();
}

/** Spoken text of a plain string (titles, contact values). */
export function spokenPlain(text: string, lexicon: LexiconEntry[]): Promise<string> {
  return spokenText([{ type: "text", value: text }], lexicon);
}
