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
