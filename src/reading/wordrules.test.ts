import { describe, expect, it } from "vitest";
import type { LexiconEntry } from "../model/types.ts";
import { analyzeInlines } from "./analysis.ts";
import { WORD_RULES } from "./wordrules.ts";

const pos = { file: "content/lexicon.yaml", line: 1, column: 1 };

describe("word rules: corrections of the dictionary's readings, for both editions", () => {
  for (const rule of WORD_RULES) {
    describe(rule.id, () => {
      for (const [sentence, word, reading] of rule.examples) {
        it(`${sentence}: ${word} → ${reading}`, async () => {
          const w = (await analyzeInlines(sentence)).find((x) => x.surface === word);
          expect(w?.reading).toBe(reading);
        });
      }
    });
  }
});

describe("the lexicon on word boundaries", () => {
  const lex = (word: string, reading: string): LexiconEntry[] => [{ word, reading, pos }];
  it("replaces whole words or a run of them", async () => {
    const words = await analyzeInlines("住民票の写しを請求する", { lexicon: lex("住民票の写し", "ジュウミンヒョウノウツシ") });
    // Shared out per word, so the long-vowel rule never joins の and ウツシ.
    expect(words.slice(0, 4).map((w) => [w.surface, w.reading, w.by])).toEqual([
      ["住民", "ジュウミン", "lexicon"],
      ["票", "ヒョウ", "lexicon"],
      ["の", "ノ", "lexicon"],
      ["写し", "ウツシ", "lexicon"],
    ]);
  });
  it("never fires inside a longer word", async () => {
    const words = await analyzeInlines("当日中に届きます", { lexicon: lex("日中", "ニッチュウ") });
    expect(words.some((w) => w.by === "lexicon")).toBe(false);
    const alone = await analyzeInlines("日中は暑い", { lexicon: lex("日中", "ヒナカ") });
    expect(alone[0]).toMatchObject({ surface: "日中", reading: "ヒナカ", by: "lexicon" });
  });
  it("a blank in the reading is a word boundary the author chose", async () => {
    const words = await analyzeInlines("出生届を出す", { lexicon: lex("出生届", "シュッショウ トドケ") });
    expect(words.slice(0, 2).map((w) => [w.surface, w.reading, !!w.forceSpace])).toEqual([
      ["出生", "シュッショウ", false],
      ["届", "トドケ", true],
    ]);
  });
  it("ruby wins over the lexicon, and half-width kana is read like full-width", async () => {
    const words = await analyzeInlines([{ type: "ruby", base: "日中", reading: "にっちゅう", display: false }], {
      lexicon: lex("日中", "ヒナカ"),
    });
    expect(words[0]).toMatchObject({ reading: "ニッチュウ", by: "ruby" });
    expect((await analyzeInlines("ｶｰﾄﾞ")).map((w) => w.surface).join("")).toBe("カード");
  });
});
