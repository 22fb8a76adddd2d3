// Japanese phone numbers as written in contact boxes: checked, normalised and made dialable.

export interface ParsedPhone {
  /** As printed, ASCII digits and hyphens: `0120-95-0178`. */
  number: string;
  /** For tel: links: digits and `#` only. */
  dial: string;
  /** What follows the number, e.g. `（無料）`. */
  remark: string;
}

export type PhoneResult = { ok: true; phone: ParsedPhone } | { ok: false; reason: string };

const DASHES = /[‐‑‒–—―−ー－]/g;

/** Parses the number at the start of a contact value; says what is wrong when it is not a number. */
export function parsePhone(value: string): PhoneResult {
  const original = value.trim();
  // Full-width digits, hyphens and spaces map one to one, so offsets in `text` are offsets in `original`.
  const text = original.normalize("NFKC").replace(DASHES, "-");
  const match = /^(#?[0-9][0-9 -]*[0-9]|#?[0-9])/.exec(text);
  if (!match) return { ok: false, reason: "does not start with a phone number" };
  const raw = match[1].replace(/\s+/g, "");
  const remark = original.slice(match[0].length).trim();
  const digits = raw.replace(/[^0-9]/g, "");
  if (/-{2,}|^-|-$/.test(raw)) return { ok: false, reason: `「${raw}」 has misplaced hyphens` };
  if (raw.startsWith("#")) {
    if (!/^#\d{4}$/.test(raw)) return { ok: false, reason: `「${raw}」 is not a #-number (# and four digits, like #9110)` };
    return { ok: true, phone: { number: raw, dial: raw, remark } };
  }
  if (digits.startsWith("0")) {
    const groups = raw.split("-");
    const expected = expectedLength(digits);
    if (digits.length !== expected) {
      return { ok: false, reason: `「${raw}」 has ${digits.length} digits; a number starting ${digits.slice(0, 4)} has ${expected}` };
    }
    if (groups.length !== 1 && groups.length !== 3) {
      return { ok: false, reason: `「${raw}」 should be written in three groups, like 03-1234-5678` };
    }
    return { ok: true, phone: { number: raw, dial: digits, remark } };
  }
  if (/^1\d{2}$/.test(raw)) return { ok: true, phone: { number: raw, dial: raw, remark } };
  return { ok: false, reason: `「${raw}」 is neither a number with its area code nor a three-digit service number` };
}

/** Digits in a full number by the Japanese numbering plan: mobile, IP and 0800 numbers have 11, the rest 10. */
function expectedLength(digits: string): number {
  return /^(0[5789]0|0800)/.test(digits) ? 11 : 10;
}
