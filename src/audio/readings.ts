// Reviewable readings: every sentence a leaflet's audio speaks, beside the kana reading the engine will use.
// The files are committed under content/readings/, so a change of reading shows up in review like a change of text.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../lib/atomic.ts";
import { Pool } from "../lib/pool.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";
import { leafletScript, type SpeakerNameMode, splitSentences, type Utterance } from "../reading/speech.ts";
import type { TtsEngine } from "./engine.ts";
import { audioCaches, traceKey } from "./index.ts";
import { traceReading, traceSentences } from "./trace.ts";

/** Folder of the committed reading files, relative to the project root. */
export const READINGS_DIR = "content/readings";

/** Path of a leaflet's reading file, relative to the project root. */
export function readingsFile(slug: string): string {
  return `${READINGS_DIR}/${slug}.tsv`;
}

/** One sentence as the audio speaks it. */
export interface ReadingRow {
  unit: string;
  line: number;
  /** The written text of the block, on the block's first row only. */
  source: string;
  /** The text given to the engine (rules applied, fixed readings in kana). */
  text: string;
  /** The engine's reading, katakana. */
  reading: string;
}

/** The engine's analysis of a text, from the cache the audio renderer fills, or run now and cached. */
export async function cachedAnalysis(engine: TtsEngine, text: string, cacheDir: string, timeoutMs = 60_000): Promise<string> {
  if (!engine.analyze) throw new Error(`the ${engine.id} engine cannot show its readings: use Open JTalk for reading reviews`);
  const traces = audioCaches(cacheDir).traces;
  const key = traceKey(engine, text);
  const cached = await traces.getText(key, "trace");
  if (cached !== undefined) return cached;
  const trace = await engine.analyze(text, timeoutMs);
  await traces.put(key, "trace", trace);
  return trace;
}

/** Every sentence of a leaflet's audio with its reading, in order. */
export async function leafletReadings(
  leaflet: Leaflet,
  site: SiteModel,
  engine: TtsEngine,
  cacheDir: string,
  speakerNames: SpeakerNameMode = "always",
): Promise<ReadingRow[]> {
  const script = await leafletScript(leaflet, { lexicon: site.lexicon, speakerNames });
  const pool = new Pool();
  const units = [script.intro, ...script.units, ...(script.closing ? [script.closing] : [])];
  const perUtterance = await Promise.all(
    units.flatMap((unit) =>
      unit.utterances.map((u) => pool.run(async () => rowsOf(unit.id, u, await cachedAnalysis(engine, u.text, cacheDir)))),
    ),
  );
  const rows = perUtterance.flat();
  let previous = "";
  for (const row of rows) {
    if (row.source === previous) row.source = "";
    else previous = row.source;
  }
  return rows;
}

function rowsOf(unit: string, u: Utterance, trace: string): ReadingRow[] {
  const sentences = splitSentences(u.text);
  const readings = traceSentences(trace);
  const source = u.source.replace(/[\t\r\n]+/g, " ").trim();
  if (sentences.length === readings.length) {
    return sentences.map((text, i) => ({ unit, line: u.pos.line, source, text, reading: readings[i] }));
  }
  // The engine split the text differently from us: keep the utterance whole rather than mis-pair sentences.
  return [{ unit, line: u.pos.line, source, text: u.text, reading: traceReading(trace) }];
}

const HEADER = ["unit", "line", "source", "text", "reading"];

/** The reading file's text. */
export function formatReadings(leaflet: Leaflet, rows: ReadingRow[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, " ");
  return [
    `# Readings of ${leaflet.file}: every sentence of its audio edition and the kana the speech engine reads.`,
    `# Check each reading. Fix a wrong one in the leaflet ({漢字|かんじ}) or in content/lexicon.yaml,`,
    `# then run \`leaflet readings ${leaflet.slug}\` and commit this file with the change.`,
    HEADER.join("\t"),
    ...rows.map((r) => [r.unit, String(r.line), clean(r.source), clean(r.text), clean(r.reading)].join("\t")),
  ]
    .join("\n")
    .concat("\n");
}

/** Differences between a committed reading file and fresh readings, as messages naming unit and line. */
export function diffReadings(committed: string, fresh: string, file: string): string[] {
  const rowsOfFile = (s: string) => s.split("\n").filter((l) => l && !l.startsWith("#") && l !== HEADER.join("\t"));
  const a = rowsOfFile(committed);
  const b = rowsOfFile(fresh);
  const out: string[] = [];
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n && out.length < 20; i++) {
    if (a[i] === b[i]) continue;
    const [unit, line, , text, reading] = (b[i] ?? a[i]).split("\t");
    const was = a[i]?.split("\t")[4];
    out.push(
      a[i] === undefined
        ? `${file}: new sentence in ${unit} (line ${line}): 「${text}」 → ${reading}`
        : b[i] === undefined
          ? `${file}: sentence no longer spoken in ${unit} (line ${line}): 「${text}」`
          : `${file}: ${unit} (line ${line}) 「${text}」: was ${was}, now ${reading}`,
    );
  }
  return out;
}

/** Writes (or, with check, compares) a leaflet's reading file; returns the differences found. */
export async function syncReadings(
  root: string,
  leaflet: Leaflet,
  site: SiteModel,
  engine: TtsEngine,
  cacheDir: string,
  check: boolean,
  speakerNames: SpeakerNameMode = "always",
): Promise<{ file: string; changes: string[]; written: boolean }> {
  const file = readingsFile(leaflet.slug);
  const fresh = formatReadings(leaflet, await leafletReadings(leaflet, site, engine, cacheDir, speakerNames));
  let committed = "";
  try {
    committed = await readFile(join(root, file), "utf8");
  } catch {
    committed = "";
  }
  const changes = committed === fresh ? [] : committed ? diffReadings(committed, fresh, file) : [`${file} does not exist yet`];
  if (changes.length === 0 && committed !== fresh) changes.push(`${file}: header or layout differs`);
  if (check || changes.length === 0) return { file, changes, written: false };
  await writeFileAtomic(join(root, file), fresh);
  return { file, changes, written: true };
}
