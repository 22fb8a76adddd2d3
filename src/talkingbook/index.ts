// The talking-book edition's public surface: the two writers, and the function a renderer calls to make both
// books of a leaflet from what the audio edition left in the build folder (its MP3s and timing.json).
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RenderError } from "../edition/contract.ts";
import { TIMING_MAP_VERSION, type TimingMap } from "../edition/timing.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import type { Leaflet } from "../model/types.ts";
import type { TalkingBookInput, TalkingBookSettings, WrittenBook } from "./book.ts";
import { aceVersion, runAce } from "./check/ace.ts";
import { CheckerUnavailableError, type CheckReport } from "./check/report.ts";
import { leafletImages } from "./content.ts";
import { daisyName, writeDaisy } from "./daisy.ts";
import { epubName, writeEpub } from "./epub.ts";

export type { TalkingBookInput, TalkingBookSettings, WrittenBook } from "./book.ts";
export { bookIdentifier } from "./book.ts";
export { type CheckReport, formatReport } from "./check/report.ts";
export { leafletImages, titleRuns } from "./content.ts";
export { writeDaisy } from "./daisy.ts";
export { writeEpub } from "./epub.ts";

/** Where the books and their input live in dist/ (beside the leaflet's PDF, as `<slug>/<slug>.pdf` is). */
export const talkingBookLayout = {
  epub: (slug: string) => `${slug}/${epubName(slug)}`,
  daisy: (slug: string) => `${slug}/${daisyName(slug)}`,
  /** Written by the audio edition. */
  timing: (slug: string) => `${slug}/audio/timing.json`,
} as const;

export interface RenderTalkingBooksOptions {
  /** The build folder holding the audio edition's output. */
  distDir: string;
  leaflet: Leaflet;
  /** As TalkingBookSettings; modified defaults to SOURCE_DATE_EPOCH or now, conformance is decided here. */
  settings: Omit<TalkingBookSettings, "modified" | "conformance"> & { modified?: string };
  /**
   * `verify` (default): run DAISY Ace on the EPUB and state EPUB Accessibility conformance only if it passes;
   * `omit`: never state it (faster; for drafts).
   */
  conformance?: "verify" | "omit";
  /**
   * Where Ace's verdicts are kept between builds, by the book's content (its bytes written with a fixed date) and
   * Ace's version: an unchanged book is not checked again.
   */
  verdicts?: AceVerdicts;
}

/** A store of Ace reports by key (the talking-book renderer keeps them in the build cache). */
export interface AceVerdicts {
  get(key: string): Promise<CheckReport | undefined>;
  put(key: string, report: CheckReport): Promise<void>;
}

/** The date a book is written with to key its Ace verdict: the verdict does not depend on when it was built. */
const VERDICT_DATE = "2000-01-01T00:00:00Z";

/** One written book file. */
export interface RenderedBook {
  /** dist-relative path. */
  path: string;
  bytes: number;
  totalSeconds: number;
}

export interface RenderedTalkingBooks {
  epub: RenderedBook;
  daisy: RenderedBook;
  /** Whether the EPUB states conformance (dcterms:conformsTo). */
  conformance: boolean;
  /** The Ace report behind that decision, when Ace ran. */
  ace?: CheckReport;
  /** For the build log: sentences synchronized only with their heading, why conformance is not stated. */
  warnings: string[];
}

/** Writes `<slug>/<slug>.epub` and `<slug>/<slug>-daisy.zip` into distDir from the audio edition's files there. */
export async function renderTalkingBooks(opts: RenderTalkingBooksOptions): Promise<RenderedTalkingBooks> {
  const { distDir, leaflet } = opts;
  const timingPath = talkingBookLayout.timing(leaflet.slug);
  const timingText = new TextDecoder().decode(await readOrFail(join(distDir, timingPath), leaflet, timingPath));
  const timing = parseTimingMap(timingText, leaflet, timingPath);
  const audio = new Map<string, Uint8Array>();
  for (const p of new Set([timing.leafletAudio.path, ...timing.parts.flatMap((x) => (x.audio ? [x.audio] : []))]))
    audio.set(p, await readOrFail(join(distDir, p), leaflet, p));
  const images = new Map<string, Uint8Array>();
  for (const img of leafletImages(leaflet)) images.set(img.name, await readFile(img.file));
  const settings: TalkingBookSettings = { ...opts.settings, modified: opts.settings.modified ?? buildTime(), conformance: false };
  const input: TalkingBookInput = { leaflet, timing, audio, images, settings };

  const warnings: string[] = [];
  let epub: WrittenBook;
  let ace: CheckReport | undefined;
  if ((opts.conformance ?? "verify") === "verify") {
    epub = writeEpub({ ...input, settings: { ...settings, conformance: true } });
    const keyed = writeEpub({ ...input, settings: { ...settings, modified: VERDICT_DATE, conformance: true } });
    const key = createHash("sha256").update(aceVersion()).update(keyed.archive).digest("hex");
    ace = await opts.verdicts?.get(key);
    if (!ace) {
      const dir = await mkdtemp(join(tmpdir(), "talkingbook-ace-"));
      try {
        const file = join(dir, epub.name);
        await writeFile(file, epub.archive);
        ace = await runAce(file);
        await opts.verdicts?.put(key, ace);
      } catch (err) {
        if (!(err instanceof CheckerUnavailableError)) throw err;
        warnings.push(`${leaflet.file}: the EPUB does not state accessibility conformance: ${err.message}`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    if (!ace?.ok) {
      if (ace)
        warnings.push(
          `${leaflet.file}: DAISY Ace found ${ace.counts?.critical ?? 0} critical and ${ace.counts?.serious ?? 0} serious problems in the EPUB, so it does not state accessibility conformance: ${ace.messages
            .filter((m) => m.severity === "error")
            .map((m) => m.message)
            .join("; ")}`,
        );
      epub = writeEpub(input);
    }
  } else epub = writeEpub(input);
  const daisy = writeDaisy(input);
  warnings.push(...epub.warnings);

  const epubPath = talkingBookLayout.epub(leaflet.slug);
  const daisyPath = talkingBookLayout.daisy(leaflet.slug);
  await writeFileAtomic(join(distDir, epubPath), epub.archive);
  await writeFileAtomic(join(distDir, daisyPath), daisy.archive);
  return {
    epub: { path: epubPath, bytes: epub.archive.length, totalSeconds: epub.totalMs / 1000 },
    daisy: { path: daisyPath, bytes: daisy.archive.length, totalSeconds: daisy.totalMs / 1000 },
    conformance: !!ace?.ok,
    ace,
    warnings,
  };
}

/** Reads and checks the audio edition's timing map; a map of another shape or version gets a clear error. */
export function parseTimingMap(text: string, leaflet: Leaflet, path: string): TimingMap {
  const fail = (why: string) =>
    new RenderError(`${leaflet.file}: the audio timing map ${path} ${why}`, {
      leaflet,
      pos: leaflet.pos,
      hint: "build the audio edition again (`leaflet build`); the talking books are made from its MP3s and timing map",
    });
  let map: TimingMap;
  try {
    map = JSON.parse(text) as TimingMap;
  } catch (err) {
    throw fail(`is not valid JSON (${(err as Error).message})`);
  }
  if (map?.version !== TIMING_MAP_VERSION)
    throw fail(`has version ${String(map?.version)}; this build reads version ${TIMING_MAP_VERSION}`);
  const num = (v: unknown) => typeof v === "number" && Number.isFinite(v);
  if (typeof map.leafletAudio?.path !== "string" || !num(map.leafletAudio.durationSeconds))
    throw fail("does not name the whole-leaflet MP3 and its duration");
  if (!Array.isArray(map.parts) || map.parts.length === 0) throw fail("lists no parts");
  for (const p of map.parts) {
    if (typeof p.id !== "string" || !num(p.durationSeconds) || !num(p.offsetSeconds) || !Array.isArray(p.sentences))
      throw fail(`has a part without id, duration, offset or sentences (${JSON.stringify(p).slice(0, 80)})`);
    for (const s of p.sentences)
      if (typeof s.id !== "string" || !num(s.start) || !num(s.end)) throw fail(`has a sentence without id, start or end in part "${p.id}"`);
  }
  return map;
}

async function readOrFail(file: string, leaflet: Leaflet, distPath: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch {
    throw new RenderError(`${leaflet.file}: the talking books need ${distPath}, which the audio edition has not written`, {
      leaflet,
      pos: leaflet.pos,
      hint: "build the audio edition first (`leaflet build`); the talking books are made from its output",
    });
  }
}

/** SOURCE_DATE_EPOCH (reproducible builds) or now, to the second. */
function buildTime(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const d = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
  return `${d.toISOString().slice(0, 19)}Z`;
}
