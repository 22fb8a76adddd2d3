// The My Number guard: content must never carry what looks like a real individual number.
import type { Inline, Leaflet, SourcePos } from "../model/types.ts";
import { blockText, eachBlock, inlineText, listUnits, unitHeading } from "../model/walk.ts";

/**
 * Check digit of an individual number (個人番号) from its first 11 digits, by the public
 * algorithm of the 総務省令 (検査用数字): weights 2..7 then 2..6 from the right, modulo 11.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new Error(`expected 11 digits, got ${first11}`);
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** True when 12 digits form a valid individual number (its last digit is the right check digit). */
export function isValidMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

export interface MyNumberHit {
  /** Offset in the scanned text of the hit's first character. */
  index: number;
  /** The text as written. */
  text: string;
  /** The twelve digits. */
  digits: string;
}

/** Characters that hide nothing but split a number for a naive search: zero-width spaces, joiners, soft hyphens. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/u;
/**
 * What may stand between the groups of a number written 4-4-4: up to three blanks, line breaks, dashes, dots,
 * middle dots, slashes or leftover markup marks, in any mix (`1234-5678 9018`, `1234・5678．9018`, `1234\n5678…`).
 */
const SEPARATOR = "[\\s\\-‐‑‒–—―−ー･・.,_/|*~〜]{0,3}";
const CANDIDATE = new RegExp(`(?<![0-9])[0-9]{4}(?:${SEPARATOR})[0-9]{4}(?:${SEPARATOR})[0-9]{4}(?![0-9])`, "g");

/**
 * Folds text the way a reader sees it: NFKC (full-width digits and dashes become ASCII) and invisible characters
 * removed, keeping for each folded character the offset of the original it came from.
 */
export function foldForSearch(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (!INVISIBLE.test(ch)) {
      const f = ch.normalize("NFKC");
      for (let k = 0; k < f.length; k++) origin.push(i);
      folded += f;
    }
    i += ch.length;
  }
  origin.push(i);
  return { folded, origin };
}

/**
 * Finds every number in `text` that passes the My Number check digit, however it is written: together, in 4-4-4
 * groups with any short mix of blanks, line breaks, dashes, dots or marks between them, in full-width digits, or
 * with invisible characters inside. A number whose check digit is wrong (an example) is not a hit.
 */
export function findMyNumbers(text: string): MyNumberHit[] {
  const { folded, origin } = foldForSearch(text);
  const hits: MyNumberHit[] = [];
  for (const m of folded.matchAll(CANDIDATE)) {
    const digits = m[0].replace(/[^0-9]/g, "");
    if (!isValidMyNumber(digits)) continue;
    const start = origin[m.index];
    const end = origin[m.index + m[0].length];
    hits.push({ index: start, text: text.slice(start, end), digits });
  }
  return hits;
}

/** Where a number was found in the model: the place to report, and the text it was in. */
export interface ModelHit {
  pos: SourcePos;
  hit: MyNumberHit;
}

/**
 * The second look, on what the editions will publish: the model's plain text after Markdown, character
 * references, escapes and ruby are resolved (`**1234**5678…`, `&#49;…`, `1234\-5678`, `{1234|…}` all become
 * digits here), block by block, with the title, summary, source and contacts.
 */
export function findMyNumbersInModel(leaflet: Leaflet): ModelHit[] {
  const out: ModelHit[] = [];
  const look = (text: string | undefined, pos: SourcePos) => {
    if (!text) return;
    for (const hit of findMyNumbers(text)) {
      // The line the number starts on: the block's first line plus the line breaks before it.
      const line = pos.line + (text.slice(0, hit.index).match(/\n/g)?.length ?? 0);
      out.push({ pos: { ...pos, line, column: line === pos.line ? pos.column : 1 }, hit });
    }
  };
  const head = leaflet.positions ?? {};
  look(leaflet.title, head.title ?? leaflet.pos);
  look(leaflet.summary, head.summary ?? leaflet.pos);
  look(leaflet.source, head.source ?? leaflet.pos);
  look(leaflet.issuer, head.issuer ?? leaflet.pos);
  look(leaflet.braille.label, head.brailleLabel ?? leaflet.pos);
  look(leaflet.titleReading, head.titleReading ?? leaflet.pos);
  for (const unit of listUnits(leaflet)) look(inlineText(unitHeading(unit)), unit.pos);
  eachBlock(leaflet, (block) => {
    if (block.type === "list") return; // its items are visited on their own
    look(blockText(block), block.pos);
    if (block.type === "paragraph" || block.type === "note" || block.type === "heading") look(rubyReadings(block.children), block.pos);
  });
  return out;
}

/** The readings of the ruby in inlines, joined: a number may be hidden in a reading too. */
function rubyReadings(inlines: Inline[]): string {
  let out = "";
  for (const n of inlines) {
    if (n.type === "ruby") out += n.reading.normalize("NFKC");
    else if ("children" in n) out += rubyReadings(n.children);
  }
  return out;
}
