// Reads everything under content/ once: settings, lexicon and every leaflet, checked together.
import path from "node:path";
import { type Diagnostic, Diagnostics } from "../lib/diagnostics.ts";
import type { SiteModel } from "../model/types.ts";
import { leafletFileNames, readContentFile } from "./files.ts";
import { checkFreshness, checkSentenceLengths, parseLeaflet, type ReservedIds } from "./leaflet.ts";
import { checkLedger, LEDGER_FILE, parseLedger } from "./ledger.ts";

export type { ReservedIds } from "./leaflet.ts";

import { findMyNumbers, findMyNumbersInModel } from "./privacy.ts";
import { parseLexicon, parseSettings } from "./settings.ts";

export interface LoadResult {
  /** The model, or null when any error was found. */
  site: SiteModel | null;
  /**
   * What could be read even with errors (the leaflets that parsed), so the editions' own checks can report their
   * problems in the same run; never built from.
   */
  draft: SiteModel;
  /** Every problem found, errors and warnings, sorted by file and line. */
  diagnostics: Diagnostic[];
}

export const CONTENT_DIR = "content";
export const LEAFLETS_DIR = "content/leaflets";

export interface LoadOptions {
  reserved?: ReservedIds;
  /** The day freshness is judged from (default: today). */
  today?: Date;
}

const NONE_RESERVED: ReservedIds = { fixed: [], forSlug: () => [] };

/** Parses and validates the content of the project at `root`; reports all problems in one run. */
export async function loadSite(root: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const diags = new Diagnostics();
  const read = (rel: string): string | null => readContentFile(root, rel, diags);
  const scanPrivacy = (rel: string, text: string) => {
    for (const hit of findMyNumbers(text)) {
      const before = text.slice(0, hit.index);
      const line = before.split("\n").length;
      const column = hit.index - before.lastIndexOf("\n");
      diags.error(
        rel,
        line,
        column,
        `「${hit.text.replace(/\s+/g, " ")}」 looks like a real My Number (its check digit is valid); leaflets must never contain one`,
        "remove it, or write an example as 1234 5678 XXXX",
      );
    }
  };

  const settingsFile = `${CONTENT_DIR}/settings.yaml`;
  const settingsText = read(settingsFile);
  if (settingsText === null) {
    diags.error(
      settingsFile,
      1,
      1,
      "the settings file is missing",
      "create content/settings.yaml with siteName, baseUrl and issuer (see docs/authoring.md)",
    );
  } else {
    scanPrivacy(settingsFile, settingsText);
  }
  const settings = parseSettings(
    settingsFile,
    settingsText ?? "siteName: ''\nbaseUrl: https://example.invalid/\nissuer: ''\n",
    settingsText === null ? new Diagnostics() : diags,
  );

  const lexiconFile = `${CONTENT_DIR}/lexicon.yaml`;
  const lexiconText = read(lexiconFile);
  if (lexiconText !== null) scanPrivacy(lexiconFile, lexiconText);
  const lexicon = lexiconText === null ? [] : parseLexicon(lexiconFile, lexiconText, diags);

  let names: string[] = [];
  try {
    names = leafletFileNames(root, LEAFLETS_DIR, diags);
  } catch {
    diags.error(
      LEAFLETS_DIR,
      1,
      1,
      "the leaflets folder is missing",
      "create content/leaflets/ and add a leaflet with `npm run leaflet -- new <name>`",
    );
  }
  const leaflets = [];
  const slugs = new Map<string, string>();
  for (const name of names) {
    const rel = `${LEAFLETS_DIR}/${name}`;
    const text = read(rel);
    if (text === null) continue;
    scanPrivacy(rel, text);
    const leaflet = parseLeaflet({
      file: rel,
      absPath: path.join(root, rel),
      text,
      settings,
      diags,
      reserved: opts.reserved ?? NONE_RESERVED,
    });
    if (!leaflet) continue;
    // Numbers the raw scan already reported (by the line they start on) are not reported twice.
    const reported = new Set(findMyNumbers(text).map((h) => text.slice(0, h.index).split("\n").length));
    for (const { pos } of findMyNumbersInModel(leaflet)) {
      if (reported.has(pos.line)) continue;
      reported.add(pos.line);
      diags.error(
        pos.file,
        pos.line,
        pos.column,
        "this text holds what looks like a real My Number once its formatting is removed (12 digits with a valid check digit, split by marks, line breaks, markup or readings); leaflets must never contain one",
        "remove it, or write an example as 1234 5678 XXXX",
      );
    }
    checkSentenceLengths(leaflet, diags);
    checkFreshness(leaflet, settings, opts.today ?? new Date(), diags);
    const other = slugs.get(leaflet.slug);
    if (leaflet.slug && other) {
      diags.error(
        rel,
        1,
        1,
        `the slug "${leaflet.slug}" is already used by ${other}`,
        "give each leaflet its own slug: it is its web address",
      );
    } else if (leaflet.slug) {
      slugs.set(leaflet.slug, rel);
    }
    leaflets.push(leaflet);
  }
  const ledgerText = read(LEDGER_FILE);
  if (ledgerText !== null) checkLedger(parseLedger(ledgerText, diags), leaflets, diags);
  if (names.length === 0 && diags.errorCount === 0) {
    diags.error(LEAFLETS_DIR, 1, 1, "there are no leaflets", "add one with `npm run leaflet -- new <name>`");
  }
  const draft = { settings, lexicon, leaflets };
  return { site: diags.errorCount === 0 ? draft : null, draft, diagnostics: diags.sorted() };
}
