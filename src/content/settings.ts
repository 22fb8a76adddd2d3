// content/settings.yaml and content/lexicon.yaml: what every leaflet shares.
import { isSeq, type Node } from "yaml";
import type { Diagnostics } from "../lib/diagnostics.ts";
import { Fields, YamlSource } from "../lib/yaml-fields.ts";
import type { LexiconEntry, Settings } from "../model/types.ts";

const DEFAULT_FONTS = {
  regular: "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf",
  bold: "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Bold.ttf",
};
/** Paper braille in Japan: dots about 1.4 mm across, 2.3 mm apart in a cell, cells 3.3 mm apart, lines 5.5 mm apart. */
const DEFAULT_BRAILLE_DOTS = { dotDiameter: 1.4, dotPitch: 2.3, cellPitch: 3.3, linePitch: 5.5 };

/** Settings with every documented default, for what a site does not say (and for test models). */
export function defaultSettings(site: Pick<Settings, "siteName" | "baseUrl" | "issuer">): Settings {
  return {
    ...site,
    audio: { engine: "auto", speed: 1, speakerNames: "always" },
    print: { fonts: { ...DEFAULT_FONTS }, braille: { ...DEFAULT_BRAILLE_DOTS } },
    braille: { labelMaxCells: 32 },
  };
}

/** Reads settings, reporting problems; missing optional parts take documented defaults. */
export function parseSettings(file: string, text: string, diags: Diagnostics): Settings {
  const src = new YamlSource(file, text, 1, diags);
  const f = new Fields(src, src.root, "the settings", ["siteName", "baseUrl", "issuer", "audio", "print", "braille"]);
  const siteName = f.string("siteName", { required: true, example: "○○市 リーフレット集" }) ?? "";
  let baseUrl =
    f.string("baseUrl", {
      required: true,
      pattern: /^https?:\/\/[^\s/]+(\/\S*)?$/,
      patternHint: "the public address of the site, e.g. https://www.city.example.lg.jp/leaflets/",
      example: "https://www.city.example.lg.jp/leaflets/",
    }) ?? "https://example.invalid/";
  if (!baseUrl.endsWith("/")) baseUrl += "/";
  const issuer = f.string("issuer", { required: true, example: "○○市 市民課" }) ?? "";
  const audio = new Fields(src, f.node("audio"), "audio settings", ["engine", "voice", "speed", "speakerNames"]);
  const print = new Fields(src, f.node("print"), "print settings", ["fonts", "braille"]);
  const dots = new Fields(src, print.node("braille"), "print braille settings", ["dotDiameter", "dotPitch", "cellPitch", "linePitch"]);
  const fonts = new Fields(src, print.node("fonts"), "print fonts", ["regular", "bold"]);
  const braille = new Fields(src, f.node("braille"), "braille settings", ["labelMaxCells"]);
  return {
    siteName,
    baseUrl,
    issuer,
    audio: {
      engine: audio.oneOf("engine", ["auto", "openjtalk", "say"] as const) ?? "auto",
      voice: audio.string("voice"),
      speed: audio.number("speed", { min: 0.5, max: 2 }) ?? 1,
      speakerNames: audio.oneOf("speakerNames", ["always", "on-change", "never"] as const) ?? "always",
    },
    print: {
      fonts: { regular: fonts.string("regular") ?? DEFAULT_FONTS.regular, bold: fonts.string("bold") ?? DEFAULT_FONTS.bold },
      braille: {
        dotDiameter: dots.number("dotDiameter", { min: 1, max: 2 }) ?? DEFAULT_BRAILLE_DOTS.dotDiameter,
        dotPitch: dots.number("dotPitch", { min: 2, max: 3 }) ?? DEFAULT_BRAILLE_DOTS.dotPitch,
        cellPitch: dots.number("cellPitch", { min: 3, max: 4.5 }) ?? DEFAULT_BRAILLE_DOTS.cellPitch,
        linePitch: dots.number("linePitch", { min: 4, max: 8 }) ?? DEFAULT_BRAILLE_DOTS.linePitch,
      },
    },
    braille: { labelMaxCells: braille.number("labelMaxCells", { min: 4, max: 200 }) ?? 32 },
  };
}

/** Reads the lexicon: a list of `word` and `reading` (kana) pairs. */
export function parseLexicon(file: string, text: string, diags: Diagnostics): LexiconEntry[] {
  const src = new YamlSource(file, text, 1, diags);
  if (!src.root) return [];
  if (!isSeq(src.root)) {
    src.error(src.root, "the lexicon must be a list of entries", "write entries as `- word: 個人番号` and `  reading: コジンバンゴウ`");
    return [];
  }
  const items = src.root.items as Node[];
  const entries: LexiconEntry[] = [];
  const seen = new Map<string, number>();
  for (const node of items) {
    const e = new Fields(src, node, "a lexicon entry", ["word", "reading", "note"]);
    const word = e.string("word", { required: true, example: "個人番号" });
    const reading = e.string("reading", {
      required: true,
      pattern: /^[\u3041-\u309f\u30a0-\u30ffー・　 ]+$/,
      patternHint: "write the reading in kana",
      example: "コジンバンゴウ",
    });
    if (!word || !reading) continue;
    const p = src.pos(node);
    const earlier = seen.get(word);
    if (earlier) {
      src.error(node, `the word 「${word}」 is already in the lexicon at line ${earlier}`, "keep one entry per word");
      continue;
    }
    seen.set(word, p.line);
    entries.push({ word, reading, pos: { file, line: p.line, column: p.column } });
  }
  return entries;
}
