// The My Number guard: content must never carry what looks like a real individual number.

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
  /** Offset in the scanned text. */
  index: number;
  /** The text as written. */
  text: string;
}

// 12 digits together, or as 4-4-4 groups with spaces or hyphens; half- or full-width; not part of a longer run.
const CANDIDATE = /(?<![0-9０-９])[0-9０-９]{4}([ 　\-－‐]?)[0-9０-９]{4}\1[0-9０-９]{4}(?![0-9０-９])/g;

/** Finds every number in `text` that passes the My Number check digit. */
export function findMyNumbers(text: string): MyNumberHit[] {
  const hits: MyNumberHit[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const digits = m[0].normalize("NFKC").replace(/\D/g, "");
    if (isValidMyNumber(digits)) hits.push({ index: m.index, text: m[0] });
  }
  return hits;
}
