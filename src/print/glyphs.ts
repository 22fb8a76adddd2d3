// Which characters of a leaflet the print font cannot draw (emoji, rare kanji): each becomes a located warning at
// `leaflet check`, so an author learns before printing that the PDF would show an empty box there.
import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";
import type { Block, Inline, Leaflet, SourcePos } from "../model/types.ts";
import { eachBlock } from "../model/walk.ts";

interface GlyphFont {
  hasGlyphForCodePoint(cp: number): boolean;
}

const fonts = new Map<string, GlyphFont | null>();

function open(file: string): GlyphFont | null {
  if (!fonts.has(file)) {
    try {
      fonts.set(file, fontkit.create(readFileSync(file)) as unknown as GlyphFont);
    } catch {
      fonts.set(file, null);
    }
  }
  return fonts.get(file) ?? null;
}

/** A character the font lacks, with the first place it is written. */
export interface MissingGlyph {
  char: string;
  pos: SourcePos;
}

// Characters that are never drawn as glyphs: controls, joiners and variation selectors.
const INVISIBLE = /^(?:[\p{Cc}\p{Cf}\s]|[\u{FE00}-\u{FE0F}]|[\u{E0100}-\u{E01EF}])$/u;

/** The characters of the leaflet's printed text that no face of `fontFiles` can draw, each once, where first written. */
export function missingGlyphs(leaflet: Leaflet, fontFiles: string[]): MissingGlyph[] {
  const faces = fontFiles.map(open).filter((f): f is GlyphFont => f !== null);
  if (faces.length === 0) return [];
  const found = new Map<string, SourcePos>();
  const scan = (text: string, pos: SourcePos) => {
    for (const ch of text) {
      if (found.has(ch) || INVISIBLE.test(ch)) continue;
      const cp = ch.codePointAt(0)!;
      if (!faces.every((f) => f.hasGlyphForCodePoint(cp))) found.set(ch, pos);
    }
  };
  const inl = (nodes: Inline[], pos: SourcePos) => {
    for (const n of nodes) {
      if (n.type === "text") scan(n.value, pos);
      else if (n.type === "ruby") scan(n.display ? n.base + n.reading : n.base, pos);
      else if ("children" in n) inl(n.children, pos);
    }
  };
  const head = (field: string) => leaflet.positions?.[field] ?? leaflet.pos;
  scan(leaflet.title, head("title"));
  scan(leaflet.summary, head("summary"));
  scan(leaflet.source, head("source"));
  if (leaflet.issuer) scan(leaflet.issuer, head("issuer"));
  for (const s of leaflet.speakers) scan(s.name, head("speakers"));
  for (const item of leaflet.body) {
    if (item.type === "section") inl(item.title, item.pos);
    if (item.type === "question") inl(item.question, item.pos);
    if (item.type === "section") for (const c of item.children) if (c.type === "question") inl(c.question, c.pos);
  }
  eachBlock(leaflet, (b: Block) => {
    if (b.type === "paragraph" || b.type === "note" || b.type === "heading") inl(b.children, b.pos);
    else if (b.type === "dialogue") for (const l of b.lines) inl(l.children, l.pos);
    else if (b.type === "contact") {
      inl(b.title, b.pos);
      for (const e of b.entries) scan(e.label + e.value, e.pos);
    } else if (b.type === "table") {
      inl(b.caption, b.pos);
      for (const row of [b.header, ...b.rows]) for (const cell of row) inl(cell, b.pos);
    }
  });
  return [...found].map(([char, pos]) => ({ char, pos }));
}
