// The braille rule corpus (test/fixtures/braille-corpus): rows written by hand from 点訳のてびき 第4版, loaded and
// scored per class. Tests use it for the rules; the bench prints the figures.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where the corpus lives, from the project root. */
export const CORPUS_DIR = "test/fixtures/braille-corpus";

export const CORPUS_HEADER = ["id", "class", "text", "kana", "braille", "source", "note"] as const;

/** One example: print text, the spaced kana a transcriber writes, and the braille. Line breaks are `\n`. */
export interface CorpusRow {
  id: string;
  class: string;
  text: string;
  kana: string;
  braille: string;
  source: string;
  note: string;
  /** Where the row is, for messages. */
  file: string;
  line: number;
  /** `unsure` (sources disagree or were not seen) or `choice` (the てびき leaves a choice), else `rule`. */
  status: "rule" | "unsure" | "choice";
}

/** Reads every TSV of the corpus folder. */
export function loadCorpus(dir: string): CorpusRow[] {
  const rows: CorpusRow[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".tsv"))
    .sort()) {
    const lines = readFileSync(path.join(dir, name), "utf8").split("\n");
    lines.slice(1).forEach((line, i) => {
      if (!line) return;
      const [id, cls, text, kana, braille, source, note = ""] = line.split("\t");
      const status = /unsure/.test(note) ? "unsure" : /choice/.test(note) ? "choice" : "rule";
      rows.push({ id, class: cls, text, kana, braille, source, note, file: name, line: i + 2, status });
    });
  }
  return rows;
}

/** What a translator gives for one line of print text (one line: no line breaks). */
export interface LineTranslation {
  kana: string;
  braille: string;
}

export interface ClassScore {
  class: string;
  rows: number;
  /** Rows where text → braille is exactly right. */
  braille: number;
  /** Rows where text → spaced kana is exactly right. */
  kana: number;
  /** Rows where the corpus kana → cells is exactly right. */
  cells: number;
}

export interface CorpusResult {
  /** Rows whose answer follows a rule (no `unsure`, no `choice`). */
  rule: ClassScore[];
  /** Rows marked `unsure` or `choice`, scored apart. */
  other: ClassScore[];
  failures: { row: CorpusRow; kana: string; braille: string; cells: string }[];
}

/** Scores a translator (text → kana and braille) and a stage-2 function (kana → cells) on every row. */
export async function scoreCorpus(
  rows: CorpusRow[],
  translate: (line: string) => Promise<LineTranslation>,
  cells: (kanaLine: string) => string,
): Promise<CorpusResult> {
  const by = (list: ClassScore[], cls: string) => {
    let s = list.find((c) => c.class === cls);
    if (!s) {
      s = { class: cls, rows: 0, braille: 0, kana: 0, cells: 0 };
      list.push(s);
    }
    return s;
  };
  const result: CorpusResult = { rule: [], other: [], failures: [] };
  for (const row of rows) {
    const lines = row.text.split("\\n");
    const out = await Promise.all(lines.map((l) => translate(l)));
    const kana = out.map((o) => o.kana).join("\\n");
    const braille = out.map((o) => o.braille).join("\\n");
    const cellOut = row.kana
      .split("\\n")
      .map((k) => cells(k))
      .join("\\n");
    const s = by(row.status === "rule" ? result.rule : result.other, row.class);
    s.rows++;
    if (braille === row.braille) s.braille++;
    if (kana === row.kana) s.kana++;
    if (cellOut === row.braille) s.cells++;
    if (braille !== row.braille || kana !== row.kana || cellOut !== row.braille)
      result.failures.push({ row, kana, braille, cells: cellOut });
  }
  return result;
}

/** Sum of class scores. */
export function totalScore(list: ClassScore[]): ClassScore {
  return list.reduce(
    (t, s) => ({ class: "total", rows: t.rows + s.rows, braille: t.braille + s.braille, kana: t.kana + s.kana, cells: t.cells + s.cells }),
    {
      class: "total",
      rows: 0,
      braille: 0,
      kana: 0,
      cells: 0,
    },
  );
}

/** A table of figures, one line per class: rows, then each stage as right/rows and percent. */
export function formatScores(list: ClassScore[]): string {
  const pct = (n: number, d: number) => `${n}/${d} ${d ? Math.round((100 * n) / d) : 0}%`.padEnd(12);
  return [...list, totalScore(list)]
    .map(
      (s) =>
        `${s.class.padEnd(22)} ${String(s.rows).padStart(3)}  braille ${pct(s.braille, s.rows)} kana ${pct(s.kana, s.rows)} cells ${pct(s.cells, s.rows)}`,
    )
    .join("\n");
}

const ID_PREFIX: Record<string, string> = {
  "kanji-reading": "kr",
  numerals: "num",
  "spacing-compound": "cmp",
  "spacing-auxiliary": "aux",
  "dates-counters": "dat",
  "latin-symbols": "lat",
  brackets: "brk",
  odoriji: "odr",
  halfwidth: "hw",
  "particles-long-vowels": "plv",
  punctuation: "pun",
};

/** Problems with the corpus rows: unknown class, bad or repeated ids, cells outside braille, braille not reading back. */
export function checkCorpus(rows: CorpusRow[], back?: (line: string) => string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const where = `${r.file}:${r.line} (${r.id})`;
    const prefix = ID_PREFIX[r.class];
    if (!prefix || `${r.class}.tsv` !== r.file) out.push(`${where}: class ${r.class} is not the file's class`);
    else if (!new RegExp(`^${prefix}-\\d{2,3}$`).test(r.id)) out.push(`${where}: id does not match ${prefix}-NN`);
    if (seen.has(r.id)) out.push(`${where}: id ${r.id} not unique`);
    seen.add(r.id);
    if (!r.text || !r.kana || !r.braille || !r.source) out.push(`${where}: an empty column`);
    const stray = [...r.braille.replace(/\\n/g, "")].filter((c) => c !== " " && (c < "\u2800" || c > "\u28ff"));
    if (stray.length > 0) out.push(`${where}: characters outside the braille block: ${stray.join("")}`);
    else if (back) {
      const read = r.braille.split("\\n").map(back).join("\\n");
      if (read !== r.kana) out.push(`${where}: braille reads back as ${read}, kana is ${r.kana}`);
    }
  }
  return out;
}
