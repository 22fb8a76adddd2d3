// Building leaflet models for tests: positions filled in, every header default set once, the same way for every edition.
import { defaultSettings } from "../../src/content/settings.ts";
import type { Block, Inline, Leaflet, LexiconEntry, Settings, SiteModel, SourcePos } from "../../src/model/types.ts";

/** A position in a leaflet file (column 1). */
export function at(line: number, file = "content/leaflets/test.md"): SourcePos {
  return { file, line, column: 1 };
}

/** A run of plain text. */
export function text(value: string): Inline {
  return { type: "text", value };
}

/** A paragraph at `line` of `file`. */
export function para(line: number, file: string, ...children: Inline[]): Block {
  return { type: "paragraph", children, pos: at(line, file) };
}

/** What a test leaflet must say; everything else takes the default a parsed header would have. */
export type LeafletInit = Pick<Leaflet, "slug" | "title" | "body"> & Partial<Omit<Leaflet, "slug" | "title" | "body">>;

/** A leaflet model as the parser would give it: file from the slug, the braille label from the title, `asOf` from the dates. */
export function leafletModel(init: LeafletInit): Leaflet {
  const file = init.file ?? `content/leaflets/${init.slug}.md`;
  return {
    summary: `${init.title}の案内です。`,
    source: "テスト用に作成",
    layout: "leaflet",
    speakers: [],
    braille: { label: init.title },
    audio: { speed: 1 },
    uniVoice: false,
    pos: at(1, file),
    ...init,
    file,
    asOf: init.asOf ?? init.updated ?? init.date ?? "2024-04-01",
  };
}

/** A site model over the leaflets, with the documented default settings (and any given). */
export function siteModel(
  leaflets: Leaflet[],
  settings: Partial<Settings> & Pick<Settings, "siteName" | "baseUrl" | "issuer">,
  lexicon: LexiconEntry[] = [],
): SiteModel {
  return { settings: { ...defaultSettings(settings), ...settings }, lexicon, leaflets };
}
