// Per-page text for JAVIS's Uni-Voice encoder: page number first, readings normalised, at most 800 characters.
import type { Block, Leaflet, LexiconEntry } from "../model/types.ts";
import type { Unit } from "../model/walk.ts";
import { spokenPlain, spokenText } from "../reading/speech.ts";

/** The most characters a Uni-Voice code holds. */
export const UNI_VOICE_MAX = 800;

/** What printed on a page: unit headings starting there and blocks starting there, in reading order. */
export type PageItem = { kind: "unit"; unit: Unit } | { kind: "block"; block: Block };

/** Spoken text of one block (readings from ruby and the lexicon, numbers and times normalised). */
export function blockSpeech(block: Block, leaflet: Leaflet, lexicon: LexiconEntry[]): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return spokenText(block.children, lexicon);
    case "note":
      return `注。${spokenText(block.children, lexicon)}`;
    case "list":
      return block.items.map((item) => item.children.map((c) => blockSpeech(c, leaflet, lexicon)).join("")).join("。");
    case "dialogue":
      return block.lines
        .map((line) => {
          const sp = leaflet.speakers.find((s) => s.id === line.speaker);
          return `${sp?.reading ?? sp?.name ?? line.speaker}、${spokenText(line.children, lexicon)}`;
        })
        .join("");
    case "contact":
      return [
        spokenText(block.title, lexicon),
        ...block.entries.map(
          (e) => `${e.label}、${spokenPlain(e.number ?? e.value, lexicon)}${e.remark ? spokenPlain(e.remark, lexicon) : ""}`,
        ),
      ].join("。");
    case "table":
      return [
        `表、${spokenText(block.caption, lexicon)}`,
        ...block.rows.map((row) =>
          row
            .map((cell, i) => `${block.header[i] ? `${spokenText(block.header[i], lexicon)}、` : ""}${spokenText(cell, lexicon)}`)
            .join("、"),
        ),
      ].join("。");
    case "image":
      return `図、${block.alt}`;
  }
}

/** The encoder text of one printed page: "ページN。" first, then what starts on that page, cut to 800 characters at a sentence end. */
export function uniVoiceText(leaflet: Leaflet, lexicon: LexiconEntry[], page: number, pageCount: number, items: PageItem[]): string {
  const parts: string[] = [`${page}ページ。全${pageCount}ページ。`];
  if (page === 1) parts.push(`${leaflet.titleReading ?? spokenPlain(leaflet.title, lexicon)}。`);
  for (const item of items) {
    if (item.kind === "unit") {
      const u = item.unit;
      parts.push(u.type === "question" ? `質問${u.number}。${spokenText(u.question, lexicon)}` : `${spokenText(u.title, lexicon)}。`);
    } else {
      parts.push(blockSpeech(item.block, leaflet, lexicon));
    }
  }
  const text = parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (/[。！？?!]$/.test(p) ? p : `${p}。`))
    .join("");
  return clip(text, UNI_VOICE_MAX);
}

// Cut at the last sentence end that fits, and say that the rest is on the web page.
function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const tail = "続きはQRコードのページで読めます。";
  const room = max - [...tail].length;
  const head = chars.slice(0, room).join("");
  const cut = Math.max(head.lastIndexOf("。"), head.lastIndexOf("？"), head.lastIndexOf("！"));
  return `${cut > 0 ? head.slice(0, cut + 1) : head}${tail}`;
}
