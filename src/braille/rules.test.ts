// Every rule of the braille table, example by example; the rule corpus (test/fixtures/braille-corpus, written from
// 点訳のてびき 第4版) by class, with the figures kept from falling; the corpus itself checked by reading its braille back.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backTranslate } from "./back.ts";
import { toSpacedKana } from "./kana.ts";
import { BRAILLE_RULES } from "./rules.ts";
import { CORPUS_DIR, type CorpusRow, checkCorpus, loadCorpus, scoreCorpus, totalScore } from "./testing/corpus.ts";
import { translate } from "./translate.ts";
import { kanaToBraille, kanaToBrailleReport } from "./writer.ts";

const root = path.resolve(import.meta.dirname, "../..");
const corpus = loadCorpus(path.join(root, CORPUS_DIR));

describe("the table of braille rules", () => {
  for (const rule of BRAILLE_RULES) {
    describe(`${rule.class}: ${rule.id}`, () => {
      it("has examples", () => expect(rule.examples.length).toBeGreaterThan(0));
      for (const [text, kana, cells] of rule.examples) {
        it(`${text} → ${kana}${cells ? ` → ${cells}` : ""}`, async () => {
          expect(await toSpacedKana(text)).toBe(kana);
          if (cells) expect(kanaToBraille(kana)).toBe(cells);
        });
      }
    });
  }
  it("covers every class of the corpus", () => {
    const classes = new Set(corpus.map((r) => r.class));
    expect([...classes].filter((c) => !BRAILLE_RULES.some((r) => r.class === c))).toEqual([]);
  });
});

describe("the rule corpus", async () => {
  const result = await scoreCorpus(
    corpus,
    (line) => translate(line),
    (k) => kanaToBrailleReport(k).braille,
  );
  // Figures measured when the rules were written (rule rows): a change that makes a class worse fails here.
  const floor: Record<string, number> = {
    brackets: 0.9,
    "dates-counters": 0.9,
    halfwidth: 0.85,
    "kanji-reading": 0.85,
    "latin-symbols": 0.95,
    numerals: 0.9,
    odoriji: 0.95,
    "particles-long-vowels": 0.9,
    punctuation: 0.9,
    "spacing-auxiliary": 0.85,
    "spacing-compound": 0.85,
  };
  for (const s of result.rule) {
    it(`${s.class}: text → braille at least ${floor[s.class] * 100}% of ${s.rows} rows; kana → cells every row`, () => {
      expect(s.braille / s.rows).toBeGreaterThanOrEqual(floor[s.class]);
      expect(s.cells).toBe(s.rows);
    });
  }
  it("unsure and choice rows are scored apart", () => {
    const other = totalScore(result.other);
    expect(other.rows).toBe(corpus.filter((r) => r.status !== "rule").length);
    expect(other.rows).toBeGreaterThan(0);
  });
});

describe("the corpus itself", () => {
  it("is well formed (ids, classes, braille cells only) and every row's braille reads back to its kana column", () => {
    // The corpus's braille was made by its own cell table; reading it back with ours checks both.
    expect(checkCorpus(corpus, backTranslate)).toEqual([]);
  });
  it("the checks fail on broken rows", () => {
    const row = corpus.find((r) => r.id === "num-15")!;
    const broken: CorpusRow[] = [
      { ...row, braille: row.braille.replace("⠤", "") },
      { ...row, id: "num-15" },
      { ...row, id: "x-1", braille: `${row.braille}x` },
      { ...row, class: "numbers" },
    ];
    const problems = checkCorpus([row, ...broken], backTranslate);
    expect(problems.some((p) => /reads back/.test(p))).toBe(true);
    expect(problems.some((p) => /not unique/.test(p))).toBe(true);
    expect(problems.some((p) => /outside the braille block/.test(p))).toBe(true);
    expect(problems.some((p) => /class/.test(p))).toBe(true);
  });
  it("every file has the corpus header", () => {
    const files = [...new Set(corpus.map((r) => r.file))];
    for (const f of files)
      expect(readFileSync(path.join(root, CORPUS_DIR, f), "utf8").split("\n")[0]).toBe("id\tclass\ttext\tkana\tbraille\tsource\tnote");
  });
});
