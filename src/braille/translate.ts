// The two stages together: Japanese text → spaced kana → Unicode braille.
import type { Inline } from "../model/types.ts";
import { analyzeKana, type SpacedKanaOptions, type Suspect } from "./kana.ts";
import { kanaToBrailleReport } from "./writer.ts";

export interface Translation {
  /** Stage 1: spaced katakana (what a proofreader checks first). */
  kana: string;
  /** Stage 2: Unicode braille, blanks as ASCII spaces. */
  braille: string;
  /** Source characters that could not be read or written, left out of the braille. */
  problems: string[];
  /** Words a proofreader should check. */
  suspects: Suspect[];
}

/** Translates one line or paragraph and reports what it had to leave out. */
export async function translate(text: string | Inline[], opts: SpacedKanaOptions = {}): Promise<Translation> {
  const { kana, unknown, suspects } = await analyzeKana(text, opts);
  const { braille, untranslated } = kanaToBrailleReport(kana);
  const problems = [...new Set([...unknown, ...untranslated])];
  return { kana, braille, problems, suspects: [...suspects, ...problems.map((p) => ({ text: p, why: "no-braille" as const }))] };
}

/** Japanese text → Unicode braille (characters without braille are left out; use `translate` to see them). */
export async function toBraille(text: string | Inline[], opts: SpacedKanaOptions = {}): Promise<string> {
  return (await translate(text, opts)).braille;
}
