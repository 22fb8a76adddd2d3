// Braille read back to kana, for the proofreading sheet: what a reader's fingers find on the line, written so a
// sighted volunteer can compare it with the print. The reverse of stage 2 (writer.ts), built from the same tables.
import { DIGITS, KANA, LETTERS } from "./cells.ts";

const FROM_KANA = new Map<string, string>();
for (const [kana, cells] of KANA) if (!FROM_KANA.has(cells)) FROM_KANA.set(cells, kana);
const FROM_DIGIT = new Map(Object.entries(DIGITS).map(([d, c]) => [c, d]));
const FROM_LETTER = new Map([...LETTERS].map((c, i) => [c, String.fromCharCode(97 + i)]));

/** Marks, longest cell sequence first. */
const MARKS: [string, string][] = [
  ["⠠⠦", "《"],
  ["⠠⠴", "》"],
  ["⠰⠤", "『"],
  ["⠤⠆", "』"],
  ["⠰⠶", "⦅"],
  ["⠶⠆", "⦆"],
  ["⠐⠶", "〔"],
  ["⠶⠂", "〕"],
  ["⠰⠄", "〈"],
  ["⠠⠆", "〉"],
  ["⠤⠤", "〜"],
  ["⠔⠔", "※"],
  ["⠸⠌", "／"],
  ["⠰⠏", "%"],
  ["⠰⠯", "&"],
  ["⠰⠩", "#"],
  ["⠲", "。"],
  ["⠰", "、"],
  ["⠢", "？"],
  ["⠖", "！"],
  ["⠐", "・"],
  ["⠤", "「"],
  ["⠶", "（"],
];

/** One line of Unicode braille → kana, digits and letters (blanks kept). */
export function backTranslate(line: string): string {
  const c = [...line];
  let out = "";
  let i = 0;
  let quote = false;
  let paren = false;
  let foreign: "" | "phrase" | "info" = "";
  let numberMode = false;
  while (i < c.length) {
    const two = c[i] + (c[i + 1] ?? "");
    if (c[i] === " ") {
      out += " ";
      i++;
      if (foreign !== "phrase" && foreign !== "info") numberMode = false;
      continue;
    }
    // Letters inside quotes for foreign words, and after 外字符.
    if (foreign) {
      if ((foreign === "info" && two === "⠠⠴") || (foreign === "phrase" && c[i] === "⠴")) {
        out += "";
        i += foreign === "info" ? 2 : 1;
        foreign = "";
        numberMode = false;
        continue;
      }
      if (c[i] === "⠼") {
        numberMode = true;
        i++;
        continue;
      }
      if (numberMode && FROM_DIGIT.has(c[i])) {
        out += FROM_DIGIT.get(c[i]);
        i++;
        continue;
      }
      if (c[i] === "⠰" && foreign === "info") {
        numberMode = false;
        i++;
        continue;
      }
      if (c[i] === "⠠" && FROM_LETTER.has(c[i + 1] ?? "")) {
        out += FROM_LETTER.get(c[i + 1])!.toUpperCase();
        i += 2;
        continue;
      }
      const letter = FROM_LETTER.get(c[i]);
      const punct =
        foreign === "info"
          ? { "⠲": ".", "⠌": "/", "⠒": ":", "⠤": "-", "⠪": "@" }[c[i]]
          : { "⠂": ",", "⠲": ".", "⠖": "!", "⠦": "?", "⠄": "'" }[c[i]];
      out += letter ?? punct ?? "?";
      numberMode = false;
      i++;
      continue;
    }
    if (two === "⠠⠦") {
      foreign = "info";
      i += 2;
      continue;
    }
    if (c[i] === "⠦") {
      foreign = "phrase";
      i++;
      continue;
    }
    if (c[i] === "⠼") {
      i++;
      if (/[0-9]$/.test(out)) out += "⠼";
      // ⠄ is a 位取り点 only before exactly three digits (else it is ワ); ⠂ a 小数点 before a digit.
      const grouping = (k: number) =>
        c[k] === "⠄" && [1, 2, 3].every((d) => FROM_DIGIT.has(c[k + d] ?? "")) && !FROM_DIGIT.has(c[k + 4] ?? "");
      while (i < c.length && (FROM_DIGIT.has(c[i]) || grouping(i) || (c[i] === "⠂" && FROM_DIGIT.has(c[i + 1] ?? "")))) {
        out += FROM_DIGIT.get(c[i]) ?? (c[i] === "⠄" ? "," : ".");
        i++;
      }
      if (c[i] === "⠤" && c[i + 1] === "⠼") {
        out += "-";
        i++;
      } else if (c[i] === "⠤" && c[i + 1] !== "⠤") i++;
      else if (c[i] === "⠰" && c[i + 1] === "⠏") {
        out += "%";
        i += 2;
      }
      continue;
    }
    // 外字符 + letters (a word of Latin letters); ⠰ before a blank or the end is the 読点.
    if (c[i] === "⠰" && (FROM_LETTER.has(c[i + 1] ?? "") || c[i + 1] === "⠠")) {
      i++;
      let caps = false;
      if (c[i] === "⠠" && c[i + 1] === "⠠") {
        caps = true;
        i += 2;
      }
      while (i < c.length) {
        if (c[i] === "⠠" && FROM_LETTER.has(c[i + 1] ?? "")) {
          out += FROM_LETTER.get(c[i + 1])!.toUpperCase();
          i += 2;
        } else if (FROM_LETTER.has(c[i])) {
          const l = FROM_LETTER.get(c[i])!;
          out += caps ? l.toUpperCase() : l;
          i++;
        } else break;
      }
      if (c[i] === "⠤" && c[i + 1] === "⠰") {
        out += "-";
        i++;
      } else if (c[i] === "⠤") i++;
      else if (c[i] === "⠲" && (c[i + 1] === undefined || c[i + 1] === " ")) {
        out += ".";
        i++;
      }
      continue;
    }
    // Kana: a prefix cell and its base first, then a single cell.
    const kana2 = FROM_KANA.get(two);
    if (kana2 && /^[⠐⠠⠈⠘⠨⠢⠲⠸]/.test(two)) {
      out += kana2;
      i += 2;
      continue;
    }
    const mark = MARKS.find(([cells]) => cells === c.slice(i, i + [...cells].length).join(""));
    if (mark && (mark[0].length > 1 || !FROM_KANA.has(c[i]) || mark[0] === "⠲" || mark[0] === "⠢" || mark[0] === "⠖")) {
      let m = mark[1];
      if (m === "「") m = quote ? "」" : "「";
      if (m === "（") m = paren ? "）" : "（";
      if (m === "「" || m === "」") quote = !quote;
      if (m === "（" || m === "）") paren = !paren;
      // ⠲ is also the 特殊音符 (ヴァ): as a mark only before a blank or the end.
      if ((mark[0] === "⠲" || mark[0] === "⠢") && c[i + 1] !== undefined && c[i + 1] !== " " && FROM_KANA.has(two)) {
        out += FROM_KANA.get(two);
        i += 2;
        continue;
      }
      out += m;
      i += [...mark[0]].length;
      continue;
    }
    out += FROM_KANA.get(c[i]) ?? "□";
    i++;
  }
  return out;
}
