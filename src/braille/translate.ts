// The two stages together: Japanese text → spaced kana → Unicode braille.
import type { Inline } from "../model/types.ts";
import { analyzeKana, type SpacedKanaOptions } from "./kana.ts";
import { kanaToBrailleReport } from "./writer.ts";

export interface Translation {
  /** Stage 1: spaced katakana (what a proofreader checks first). */
  kana: string;
  /** Stage 2: Unicode braille, blanks as ASCII spaces. */
  braille: string;
  /** Source characters that could not be read or written, left out of the braille. */
  problems: string[];
}

/** Translates one line or paragraph and reports what it had to leave out. */
export async function translate(text: string | Inline[], opts: SpacedKanaOptions = {}): Promise<Translation> {
  const { kana, unknown } = await analyzeKana(text, opts);
  const { braille, untranslated } = kanaToBrailleReport(kana);
  return { kana, braille, problems: [...new Set([...unknown, ...untranslated])] };
}

/** Japanese text → Unicode braille (characters without braille are left out; use `translate` to see them). */
export async function toBraille(text: string | Inline[], opts: SpacedKanaOptions = {}): Promise<string> {
  return (await translate(text, opts)).braille;
}
