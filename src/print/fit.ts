// Saving paper without shrinking type: when a render ends with a nearly empty page, the layout is tightened a step
// (line height, gaps, image height; never the type size) and rendered again, and the tighter one is kept if it
// saves the page. "Nearly empty" is under half of the text area: a sheet saved is worth a little less air.
import { margins, type PageGeometry } from "./geometry.ts";
import type { PageMap } from "./pagemap.ts";
import type { PrintTemplate } from "./template.ts";

/** The named destination at the very end of the document. */
export const DOC_END = "~end-of-document";

/** The share of the last page's text area that is used (0–1), from where the end marker landed. */
export function lastPageFill(map: PageMap, g: PageGeometry, t: PrintTemplate): number {
  const end = map.dests.get(DOC_END);
  if (!end) return 1;
  const m = margins(t);
  const top = g.oy + m.top;
  const height = g.trimHeight - m.top - m.bottom;
  return Math.max(0, Math.min(1, (end.top - top) / height));
}

/** Whether a render should be tried tighter: its last page holds under half a page, and there is more than one. */
export function wastesLastPage(map: PageMap, g: PageGeometry, t: PrintTemplate): boolean {
  return map.pageCount > 1 && lastPageFill(map, g, t) < 0.5;
}

/** The template a step tighter: line heights (down to 1.3, never up), gaps and image heights shrink; type sizes never do. */
export function tighten(t: PrintTemplate, step: number): PrintTemplate {
  if (step === 0) return t;
  const f = 1 - 0.04 * step;
  const text = Object.fromEntries(
    Object.entries(t.text).map(([k, v]) => [k, { size: v.size, lineHeight: Math.min(v.lineHeight, Math.max(1.3, v.lineHeight * f)) }]),
  ) as PrintTemplate["text"];
  const space = Object.fromEntries(Object.entries(t.space).map(([k, v]) => [k, v * (1 - 0.25 * step)])) as PrintTemplate["space"];
  return { ...t, text, space, image: { ...t.image, maxHeight: Math.max(20, t.image.maxHeight * (1 - 0.1 * step)) } };
}

/** How many tighter steps are tried at most. */
export const MAX_TIGHTEN = 2;
