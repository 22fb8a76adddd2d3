// The braille edition: per leaflet a paginated BRF and Unicode text, a proofreading sheet and
// the label. Results are cached by a hash of the leaflet, the lexicon and the engine version,
// so an unchanged leaflet does not even load the dictionary.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { type RenderContext, RenderError, type Renderer } from "../edition/contract.ts";
import { layout } from "../edition/layout.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";
import { brailleToBrf } from "./cells.ts";
import { itemsToBlocks, leafletItems } from "./document.ts";
import { type BrailleLabel, brailleLabel } from "./label.ts";
import { PAGE_DEFAULTS, paginate } from "./paginate.ts";
import { proofSheetHtml } from "./proof.ts";

/** Bump when translation or layout changes, so cached outputs are rebuilt. */
const ENGINE_VERSION = "braille-1";

interface BrailleOutputs {
  text: string;
  brf: string;
  proof: string;
  label: BrailleLabel;
  pages: number;
  /** Messages about characters left out, for the log. */
  warnings: string[];
}

/** Everything the braille edition makes for one leaflet (no files written). */
export async function renderLeafletBraille(leaflet: Leaflet, site: SiteModel): Promise<BrailleOutputs> {
  const label = await brailleLabel(leaflet, site);
  const items = await leafletItems(leaflet, site);
  const pages = paginate(itemsToBlocks(items), PAGE_DEFAULTS);
  // Unicode text: pages separated by form feeds, as embossers and braille editors expect in BRF too.
  const text = `${pages.map((p) => p.join("\n")).join("\n\f")}\n`;
  const brf = `${pages.map((p) => p.map(brailleToBrf).join("\r\n")).join("\r\n\f")}\r\n`;
  const warnings = items
    .filter((i) => i.problems.length > 0)
    .map(
      (i) =>
        `${i.pos.file}:${i.pos.line}:${i.pos.column} braille: left out ${i.problems.join(" ")} (no reading); fix with ruby {漢字|よみ} or content/lexicon.yaml`,
    );
  return { text, brf, proof: proofSheetHtml(leaflet, items, label), label, pages: pages.length, warnings };
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
      for (const w of out.warnings) ctx.log.warn(w);
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
  const key = createHash("sha256")
    .update(
      JSON.stringify({ v: ENGINE_VERSION, leaflet, lexicon: ctx.site.lexicon, braille: ctx.site.settings.braille, page: PAGE_DEFAULTS }),
    )
    .digest("hex");
  const dir = path.join(ctx.cacheDir, "braille");
  const file = path.join(dir, `${leaflet.slug}-${key.slice(0, 32)}.json`);
  try {
    return JSON.parse(await readFile(file, "utf8")) as BrailleOutputs;
  } catch {
    // not cached yet
  }
  const out = await renderLeafletBraille(leaflet, ctx.site);
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(out));
  await rename(tmp, file);
  return out;
}
