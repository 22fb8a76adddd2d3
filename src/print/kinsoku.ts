// Japanese line breaking (禁則処理) for react-pdf: split text into units that may be broken between.
// react-pdf offers breaks only at spaces or at "syllables" from a hyphenation callback, and puts a hyphen
// at a syllable break. Returning units separated by empty strings turns every unit boundary into a
// zero-width glue (a break without hyphen); the Text also gets hyphenationPenalty = 10000, which the
// line breaker treats as "never break here", so no hyphen can be inserted anywhere.

/** Characters that must not start a line (行頭禁則). */
export const NO_LINE_START =
  "、。，．,.・：；:;？！?!）)］]｝}〕〉》」』】〙〗〟’”｠»ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～…‥%％";
/** Characters that must not end a line (行末禁則). */
export const NO_LINE_END = "（(［[｛{〔〈《「『【〘〖〝‘“｟«";

const noStart = new Set(NO_LINE_START);
const noEnd = new Set(NO_LINE_END);

/** Marks a place between two styled runs where a break is allowed; stripped by react-pdf. */
export const RUN_BREAK = "\u00ad";

/**
 * Runs that never split: URLs, e-mail addresses, numbers with separators (1,000 / 0120-95-0178 / 9:30 / #9110),
 * Latin words. Full-width digits are included so ０１２０ stays whole too.
 */
const UNBREAKABLE = /(?:https?:\/\/|www\.)[!-~]+|[#＃]?[0-9０-９A-Za-zＡ-Ｚａ-ｚ@＠_~/.:,，\-－‐+＋%％&=?]*[0-9０-９A-Za-zＡ-Ｚａ-ｚ]/gy;

/** Splits text into the smallest pieces between which a line may break, following 禁則 rules. */
export function breakUnits(text: string): string[] {
  const atoms: string[] = [];
  let i = 0;
  while (i < text.length) {
    UNBREAKABLE.lastIndex = i;
    const m = UNBREAKABLE.exec(text);
    if (m && m[0].length > 0) {
      atoms.push(m[0]);
      i += m[0].length;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    atoms.push(ch);
    i += ch.length;
  }
  const units: string[] = [];
  let glueNext = false;
  for (const atom of atoms) {
    const first = atom[0];
    const prev = units.length > 0 ? units[units.length - 1] : undefined;
    const joinPrev = prev !== undefined && (glueNext || noStart.has(first) || isRepeatedDash(prev, atom));
    if (joinPrev) units[units.length - 1] = prev + atom;
    else units.push(atom);
    glueNext = noEnd.has(atom[atom.length - 1]);
  }
  return units;
}

// Two-character dashes and ellipses (――, ……) must not be split.
function isRepeatedDash(prev: string, atom: string): boolean {
  const last = prev[prev.length - 1];
  return (atom[0] === "―" || atom[0] === "…") && last === atom[0];
}

/** True when a line may break between the two strings (for joining styled runs). */
export function mayBreakBetween(before: string, after: string): boolean {
  if (before.length === 0 || after.length === 0) return false;
  const last = before[before.length - 1];
  const first = after[0];
  if (noEnd.has(last) || noStart.has(first)) return false;
  // Inside a URL or number split across runs, keep it whole.
  if (/[0-9A-Za-z]/.test(last) && /[0-9A-Za-z:/.\-,]/.test(first)) return false;
  return true;
}

/**
 * The hyphenation callback for react-pdf Text: units separated by "" (a hyphen-free break).
 * A word ending with RUN_BREAK also allows a break after it (the next run starts a new unit).
 */
export function kinsokuHyphenation(word: string): string[] {
  if (word.trim() === "") return [word];
  const breakAfter = word.endsWith(RUN_BREAK);
  const units = breakUnits(breakAfter ? word.slice(0, -1) : word);
  const out: string[] = [];
  for (let k = 0; k < units.length; k++) {
    if (k > 0) out.push("");
    out.push(units[k]);
  }
  if (breakAfter) out.push("");
  return out;
}

/** Props every Japanese Text gets so react-pdf breaks lines by 禁則 units and never hyphenates. */
export const kinsokuTextProps = {
  hyphenationCallback: kinsokuHyphenation,
  hyphenationPenalty: 10000,
} as const;
