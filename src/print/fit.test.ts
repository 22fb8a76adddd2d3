// The paper-saving rule: when a layout is tried a step tighter, and what a tighter step may change.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../test/helpers.ts";
import { DOC_END, lastPageFill, tighten, wastesLastPage } from "./fit.ts";
import { margins, pageGeometry } from "./geometry.ts";
import type { PageMap } from "./pagemap.ts";
import { parseTemplate } from "./template.ts";

const parsed = parseTemplate("templates/leaflet.yaml", "leaflet", readFileSync(path.join(ROOT, "templates/leaflet.yaml"), "utf8"));
if (!parsed.ok) throw new Error("templates/leaflet.yaml does not parse");
const template = parsed.template;
const g = pageGeometry("office");

/** A page map whose document ends `share` of the way down the last of `pages` pages. */
function endingAt(pages: number, share: number): PageMap {
  const m = margins(template);
  const top = g.oy + m.top + share * (g.trimHeight - m.top - m.bottom);
  return { pageCount: pages, dests: new Map([[DOC_END, { page: pages, top }]]) };
}

describe("saving a page", () => {
  it("measures how full the last page is from where the document ends", () => {
    expect(lastPageFill(endingAt(5, 0.27), g, template)).toBeCloseTo(0.27, 5);
  });

  it("tries a tighter layout when the last page is under half full, and not otherwise or on a single page", () => {
    expect(wastesLastPage(endingAt(5, 0.27), g, template)).toBe(true);
    expect(wastesLastPage(endingAt(5, 0.49), g, template)).toBe(true);
    expect(wastesLastPage(endingAt(5, 0.6), g, template)).toBe(false);
    expect(wastesLastPage(endingAt(1, 0.1), g, template)).toBe(false);
  });

  it("never shrinks type, and keeps line heights at 1.3 or more", () => {
    for (const step of [1, 2]) {
      const tighter = tighten(template, step);
      for (const [key, style] of Object.entries(tighter.text)) {
        const base = template.text[key as keyof typeof template.text];
        expect(style.size, key).toBe(base.size);
        expect(style.lineHeight, key).toBeGreaterThanOrEqual(Math.min(1.3, base.lineHeight));
        expect(style.lineHeight, key).toBeLessThanOrEqual(base.lineHeight);
      }
    }
  });
});
