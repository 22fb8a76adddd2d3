// The braille edition: per leaflet a paginated BRF and Unicode text, a proofreading sheet and
// the label (translated once per build, shared with print and the site). Results are cached by a
// hash of the leaflet, its label, the lexicon and the engine version.
import { type BrailleLabel, type RenderContext, RenderError, type Renderer } from "../edition/contract.ts";
import { layout } from "../edition/layout.ts";
import { ContentCache, hashKey } from "../lib/cache.ts";
import type { Leaflet, SiteModel, SourcePos } from "../model/types.ts";
import { brailleToBrf } from "./cells.ts";
import { itemsToBlocks, leafletItems } from "./document.ts";
import { PAGE_DEFAULTS, paginateLines } from "./paginate.ts";
import { proofSheetHtml } from "./proof.ts";

/** Bump when translation or layout changes, so cached outputs are rebuilt. */
const ENGINE_VERSION = "braille-3-mecab-naist-jdic";

interface BrailleOutputs {
  text: string;
  brf: string;
  proof: string;
  label: BrailleLabel;
  pages: number;
  /** Characters left out, with where they are. */
  warnings: { pos: SourcePos; unitId?: string; message: string }[];
}

/** Everything the braille edition makes for one leaflet (no files written); the label comes translated. */
export async function renderLeafletBraille(leaflet: Leaflet, site: SiteModel, label: BrailleLabel): Promise<BrailleOutputs> {
  const items = await leafletItems(leaflet, site);
  const { pages, origins } = paginateLines(itemsToBlocks(items), PAGE_DEFAULTS);
  // Unicode text: pages separated by form feeds, as embossers and braille editors expect in BRF too.
  const text = `${pages.map((p) => p.join("\n")).join("\n\f")}\n`;
  const brf = `${pages.map((p) => p.map(brailleToBrf).join("\r\n")).join("\r\n\f")}\r\n`;
  const warnings = items
    .filter((i) => i.problems.length > 0)
    .map((i) => ({
      pos: i.pos,
      unitId: i.unitId,
      message: `left out ${i.problems.map(describeChar).join(", ")} in 「${clip(i.source, i.problems[0])}」 (no braille for it)`,
    }));
  return { text, brf, proof: proofSheetHtml(leaflet, items, pages, origins, label), label, pages: pages.length, warnings };
}

/** A character and its code point, so staff can find it even when it looks like a blank. */
function describeChar(c: string): string {
  return `「${c}」 (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")})`;
}

/** The text around the first place a character occurs, for the message. */
function clip(source: string, c: string | undefined): string {
  const text = source.normalize("NFKC");
  const at = c ? text.indexOf(c) : -1;
  if (at < 0) return text.slice(0, 30);
  return `${at > 12 ? "…" : ""}${text.slice(Math.max(0, at - 12), at + 12)}${at + 12 < text.length ? "…" : ""}`;
}

/** The braille edition renderer (edition "braille"). */
export const brailleRenderer: Renderer = {
  edition: "braille",
  async render(ctx: RenderContext) {
    for (const leaflet of ctx.leaflets) {
      ctx.log.progress(`braille: ${leaflet.slug}`);
      let out: BrailleOutputs;
      try {
        out = await cached(ctx, leaflet);
      } catch (err) {
        if (err instanceof RenderError) throw err;
        throw new RenderError(`braille translation failed for ${leaflet.file}: ${(err as Error).message}`, {
          leaflet,
          pos: leaflet.pos,
          cause: err,
          hint: "run `leaflet braille --kana` on the text to see where it fails",
        });
      }
      for (const w of out.warnings) {
        ctx.report({ severity: "warning", ...w, hint: "give the word its reading with ruby {漢字|よみ} or in content/lexicon.yaml" });
      }
      const base = { edition: "braille" as const, slug: leaflet.slug };
      const meta = { pages: out.pages, cellsPerLine: PAGE_DEFAULTS.cells, linesPerPage: PAGE_DEFAULTS.lines };
      await ctx.emit({ ...base, kind: "brf", meta }, layout.brf(leaflet.slug), out.brf);
      await ctx.emit({ ...base, kind: "braille-text", meta }, layout.brailleText(leaflet.slug), out.text);
      await ctx.emit({ ...base, kind: "braille-proof" }, layout.brailleProof(leaflet.slug), out.proof);
      const labelMeta = { text: out.label.text, braille: out.label.braille, cells: out.label.cells };
      await ctx.emit(
        { ...base, kind: "braille-label-brf", meta: labelMeta },
        layout.brailleLabelBrf(leaflet.slug),
        `${brailleToBrf(out.label.braille)}\r\n`,
      );
      await ctx.emit(
        { ...base, kind: "braille-label-text", meta: labelMeta },
        layout.brailleLabelText(leaflet.slug),
        `${out.label.braille}\n`,
      );
    }
  },
};

async function cached(ctx: RenderContext, leaflet: Leaflet): Promise<BrailleOutputs> {
  const label = await ctx.shared.brailleLabel(leaflet);
  const key = hashKey({
    v: ENGINE_VERSION,
    leaflet,
    label,
    lexicon: ctx.site.lexicon,
    braille: ctx.site.settings.braille,
    page: PAGE_DEFAULTS,
  });
  const cache = new ContentCache(ctx.cacheDir, "braille", (m) => ctx.log.warn(`braille: ${m}`));
  const hit = await cache.getText(key, "json");
  if (hit) return JSON.parse(hit) as BrailleOutputs;
  const out = await renderLeafletBraille(leaflet, ctx.site, label);
  await cache.put(key, "json", JSON.stringify(out));
  return out;
}
