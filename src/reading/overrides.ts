// Reading overrides shared by audio and braille: the author's ruby and the content lexicon.
import type { Inline, LexiconEntry } from "../model/types.ts";

/** A run of text and, where the author or the lexicon fixed it, how it is read (katakana). */
export interface ReadingSegment {
  text: string;
  reading?: string;
}

/** Turns inlines into segments, with ruby readings kept as fixed readings. */
export function inlineSegments(inlines: Inline[]): ReadingSegment[] {
  const out: ReadingSegment[] = [];
  const walk = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === "text") out.push({ text: node.value });
      else if (node.type === "ruby") out.push({ text: node.base, reading: toKatakana(node.reading) });
      else if (node.type === "break") out.push({ text: "\n" });
      else walk(node.children);
    }
  };
  walk(inlines);
  return mergeText(out);
}

/** Splits unfixed text further wherever a lexicon word occurs (longest word first). */
export function applyLexicon(segments: ReadingSegment[], lexicon: LexiconEntry[]): ReadingSegment[] {
  if (lexicon.length === 0) return segments;
  const words = [...lexicon].sort((a, b) => b.word.length - a.word.length);
  const pattern = new RegExp(words.map((w) => escapeRegExp(w.word)).join("|"), "g");
  const readingOf = new Map(words.map((w) => [w.word, toKatakana(w.reading)]));
  const out: ReadingSegment[] = [];
  for (const seg of segments) {
    if (seg.reading !== undefined) {
      out.push(seg);
      continue;
    }
    let last = 0;
    for (const m of seg.text.matchAll(pattern)) {
      if (m.index > last) out.push({ text: seg.text.slice(last, m.index) });
      out.push({ text: m[0], reading: readingOf.get(m[0]) });
      last = m.index + m[0].length;
    }
    if (last < seg.text.length) out.push({ text: seg.text.slice(last) });
  }
  return out;
}

const U_ROW = new Set([..."ウクスツヌフムユルグズヅブプュゥヴ"]);
const O_ROW = new Set([..."オコソトノホモヨロヲゴゾドボポョォ"]);

/**
 * The long-vowel rule: an ウ that lengthens a ウ- or オ-row kana is written ー (トーキョー);
 * ア/イ/エ rows keep their kana (センセイ); historic お stays (オオキイ); a verb's final ウ stays
 * (イウ, スウ). The dictionary's pronunciation, when it lines up with the reading, confirms the
 * ウ is really a long vowel (ミズウミ keeps its ウ).
 */
export function longVowels(reading: string, pronunciation: string | undefined, isVerb: boolean): string {
  const chars = [...reading];
  const pron = pronunciation && pronunciation !== "*" && [...pronunciation].length === chars.length ? [...pronunciation] : undefined;
  return chars
    .map((c, i) => {
      if (c !== "ウ" || i === 0) return c;
      const before = chars[i - 1];
      if (!U_ROW.has(before) && !O_ROW.has(before)) return c;
      if (isVerb && i === chars.length - 1) return c;
      if (pron && pron[i] !== "ー") return c;
      return "ー";
    })
    .join("");
}

/** How a fixed reading (ruby or lexicon, written like furigana) is pronounced: katakana, long vowels as ー. */
export function pronouncedReading(reading: string): string {
  return longVowels(toKatakana(reading), undefined, false);
}

/** Hiragana → katakana; other characters unchanged. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Katakana → hiragana; other characters unchanged. */
export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6\u30fd\u30fe]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

function mergeText(segments: ReadingSegment[]): ReadingSegment[] {
  const out: ReadingSegment[] = [];
  for (const seg of segments) {
    const prev = out[out.length - 1];
    if (prev && prev.reading === undefined && seg.reading === undefined) prev.text += seg.text;
    else out.push({ ...seg });
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
