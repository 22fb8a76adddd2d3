// Per-page text for JAVIS's Uni-Voice encoder: page number first, at most 800 characters. It is cut from the
// same speech script the audio edition speaks, so a code and the recording never read a word differently.
import type { Leaflet } from "../model/types.ts";
import { leadBlocks, type Unit, unitBlocks } from "../model/walk.ts";
import type { LeafletScript, Utterance } from "../reading/speech.ts";

/** The most characters a Uni-Voice code holds. */
export const UNI_VOICE_MAX = 800;

/** What printed on a page: unit headings starting there and top-level blocks starting there, in reading order. */
export type PageItem = { kind: "unit"; unit: Unit } | { kind: "block"; unit: Unit | null; index: number };

/** The block's index among its unit's own blocks (or the lead's), which is how the speech script addresses it. */
export function blockIndex(leaflet: Leaflet, unit: Unit | null, block: unknown): number {
  return (unit ? unitBlocks(unit) : leadBlocks(leaflet)).indexOf(block as never);
}

/** The encoder text of one printed page: "ページN。" first, then what starts on that page, cut to 800 characters at a sentence end. */
export function uniVoiceText(script: LeafletScript, page: number, pageCount: number, items: PageItem[]): string {
  const parts: string[] = [`${page}ページ。全${pageCount}ページ。`];
  const spoken = (us: Utterance[]) => us.map((u) => u.text);
  if (page === 1) parts.push(...spoken(script.intro.utterances.filter((u) => u.path === "h" && u.role === "text")));
  for (const item of items) {
    if (item.kind === "unit") {
      const unit = script.units.find((u) => u.id === item.unit.id);
      parts.push(...spoken(unit?.utterances.filter((u) => u.path === "h") ?? []));
    } else {
      const owner = item.unit ? script.units.find((u) => u.id === item.unit?.id) : script.intro;
      const prefix = String(item.index);
      parts.push(...spoken(owner?.utterances.filter((u) => u.path === prefix || u.path.startsWith(`${prefix}-`)) ?? []));
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
