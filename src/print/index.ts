// The print edition: per leaflet an office PDF (plain A4) and a print-shop PDF (trim + bleed + marks, CMYK), each
// page carrying a code to the listening view of what it shows, the page map the site builds those views from, and
// per-page Uni-Voice encoder text. Renders are cached by content (render-cache.ts).
import { renderToBuffer } from "@react-pdf/renderer";
import { BUILTIN_TEMPLATES } from "../edition/context.ts";
import { type RenderContext, RenderError, type Renderer } from "../edition/contract.ts";
import { layout, type PageMapEntry, publicUrl } from "../edition/layout.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";
import { listUnits } from "../model/walk.ts";
import { leafletScript } from "../reading/speech.ts";
import { type BrailleLabel, buildDocument, labelDotsOnPage, type PlacedBlock } from "./document/index.ts";
import { MAX_TIGHTEN, tighten, wastesLastPage } from "./fit.ts";
import { registerPrintFonts } from "./fonts.ts";
import { type BrailleMetrics, brailleMetrics, pageGeometry } from "./geometry.ts";
import { pressImages } from "./images.ts";
import { type PageMap, readPageMap } from "./pagemap.ts";
import { finishOfficePdf, finishPrintShopPdf } from "./postprocess.ts";
import { cachedRender, renderKey } from "./render-cache.ts";
import { loadTemplate } from "./templates.ts";
import { blockIndex, type PageItem, uniVoiceText } from "./univoice.ts";

export { DEFAULT_BRAILLE_METRICS } from "./geometry.ts";
export { breakUnits, kinsokuHyphenation } from "./kinsoku.ts";

export interface PrintOptions {
  /** The braille label to draw (from the build's shared services), or null to leave it out. */
  braille: BrailleLabel | null;
  brailleMetrics?: BrailleMetrics;
  /** The folder of print templates (default: the ones this tool ships). */
  templatesDir?: string;
}

export interface PrintResult {
  office: Uint8Array;
  printShop: Uint8Array;
  pageCount: number;
  /** The URL each page's code carries (index 0 = page 1): the listening view of what the page shows. */
  pageUrls: string[];
  /** Which units each page shows, for the site's listening views. */
  pageMap: PageMapEntry[];
  /** Uni-Voice encoder text per page (index 0 = page 1). */
  uniVoice: string[];
  /** Milliseconds spent on each file: layout and rendering, then the pdf-lib finishing. */
  timings: { officeMs: number; printMs: number };
}

/** Renders both PDFs of one leaflet, choosing each page's code from the office file's page breaks. */
export async function renderLeafletPdfs(leaflet: Leaflet, site: SiteModel, opts: PrintOptions): Promise<PrintResult> {
  const family = registerPrintFonts(site.settings);
  const base = loadTemplate(opts.templatesDir ?? BUILTIN_TEMPLATES, leaflet);
  let template = base;
  const metrics = opts.brailleMetrics ?? brailleMetrics(site.settings.print.braille);
  const braille = opts.braille;
  const render = async (variant: "office" | "print") => {
    const geometry = pageGeometry(variant);
    const images = variant === "print" ? await pressImages(leaflet) : undefined;
    const { element, blocks } = buildDocument({ leaflet, site, family, template, geometry, braille, brailleMetrics: metrics, images });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await renderToBuffer(element));
    } catch (cause) {
      if (cause instanceof RenderError) throw cause;
      throw new RenderError(`the PDF could not be laid out: ${(cause as Error).message}`, {
        leaflet,
        pos: leaflet.pos,
        cause,
        hint: "run `leaflet check`; if the content is valid, report this with the leaflet file",
      });
    }
    return { bytes, blocks, map: await readPageMap(bytes) };
  };

  // One layout pass per file: the named destinations of the rendered PDF say where every unit landed, and the
  // codes (which take a fixed, already reserved box) are stamped afterwards, so they cannot move a break.
  let t0 = performance.now();
  let office = await render("office");
  // A nearly empty last page: try the layout a step tighter, and keep it when it saves the page.
  for (let step = 1; step <= MAX_TIGHTEN && wastesLastPage(office.map, pageGeometry("office"), template); step++) {
    const tighter = tighten(base, step);
    const saved = template;
    template = tighter;
    const next = await render("office");
    if (next.map.pageCount < office.map.pageCount) office = next;
    else template = saved;
  }
  const placement = placeUnits(leaflet, site, office.map);
  const officeBytes = await finishOfficePdf(office.bytes, pageGeometry("office"), template, leaflet.uniVoice, placement.pageUrls);
  const officeMs = performance.now() - t0;
  t0 = performance.now();
  const shop = await render("print");
  if (!sameLayout(placement, placeUnits(leaflet, site, shop.map))) {
    throw new RenderError("the print-shop PDF broke pages differently from the office PDF", {
      leaflet,
      pos: leaflet.pos,
      hint: "this is a bug in the print edition; report it with the leaflet file",
    });
  }
  const g = pageGeometry("print");
  const printShop = await finishPrintShopPdf(shop.bytes, {
    geometry: g,
    template,
    brailleDots: braille ? labelDotsOnPage(braille, g, template, metrics) : [],
    dotDiameter: metrics.dotDiameter,
    uniVoice: leaflet.uniVoice,
    pageUrls: placement.pageUrls,
  });
  const printMs = performance.now() - t0;
  const script = await leafletScript(leaflet, { lexicon: site.lexicon, speakerNames: site.settings.audio.speakerNames });
  const uniVoice = pageItems(office.blocks, office.map, leaflet).map((items, i) =>
    uniVoiceText(script, i + 1, office.map.pageCount, items),
  );
  return {
    office: officeBytes,
    printShop,
    pageCount: office.map.pageCount,
    pageUrls: placement.pageUrls,
    pageMap: placement.entries,
    uniVoice,
    timings: { officeMs, printMs },
  };
}

interface Placement {
  pageCount: number;
  pageUrls: string[];
  entries: PageMapEntry[];
  starts: number[];
}

/**
 * Which units each page shows, and the URL of its code: the listening view of the first unit with content on the
 * page (page 1: the leaflet's own listening view). Keyed by unit id, so a printed code survives edits.
 */
export function placeUnits(leaflet: Leaflet, site: SiteModel, map: PageMap): Placement {
  const spans = listUnits(leaflet).map((u) => {
    const start = map.dests.get(u.id)?.page ?? 0;
    const end = map.dests.get(`${u.id}~end`)?.page ?? start;
    return { u, start, end };
  });
  const base = site.settings.baseUrl;
  const entries: PageMapEntry[] = [];
  for (let p = 1; p <= map.pageCount; p++) {
    const units = spans.filter((s) => s.start > 0 && s.start <= p && p <= s.end).map((s) => s.u.id);
    const first = p === 1 ? undefined : units[0];
    entries.push({ page: p, units, url: publicUrl(base, layout.listenPage(leaflet.slug, first)) });
  }
  return { pageCount: map.pageCount, pageUrls: entries.map((e) => e.url), entries, starts: spans.map((s) => s.start) };
}

function sameLayout(a: Placement, b: Placement): boolean {
  return a.pageCount === b.pageCount && a.pageUrls.join() === b.pageUrls.join() && a.starts.join() === b.starts.join();
}

// What starts on each page, in reading order: unit headings and top-level blocks (a block that runs over a
// page break is read with the page it starts on).
function pageItems(blocks: PlacedBlock[], map: PageMap, leaflet: Leaflet): PageItem[][] {
  const pages: PageItem[][] = Array.from({ length: map.pageCount }, () => []);
  const seen = new Set<string>();
  for (const pb of blocks) {
    if (pb.unit && !seen.has(pb.unit.id)) {
      seen.add(pb.unit.id);
      const p = map.dests.get(pb.unit.id)?.page;
      if (p) pages[p - 1].push({ kind: "unit", unit: pb.unit });
    }
    const p = map.dests.get(pb.dest)?.page;
    if (p) pages[p - 1].push({ kind: "block", unit: pb.unit, index: blockIndex(leaflet, pb.unit, pb.block) });
  }
  // Units without blocks of their own (a section holding only questions) still announce their title.
  for (const u of listUnits(leaflet)) {
    if (seen.has(u.id)) continue;
    const p = map.dests.get(u.id)?.page;
    if (p) pages[p - 1].push({ kind: "unit", unit: u });
  }
  return pages;
}

/** Writes <slug>.pdf, <slug>-print.pdf, the page map and the per-page Uni-Voice texts for every leaflet. */
export const printRenderer: Renderer = {
  edition: "print",
  async render(ctx: RenderContext) {
    for (const leaflet of ctx.leaflets) {
      const braille = await ctx.shared.brailleLabel(leaflet);
      const template = loadTemplate(ctx.templatesDir, leaflet);
      const key = await renderKey(leaflet, ctx.site, template, braille);
      const r = await cachedRender(ctx, key, leaflet, () => {
        ctx.log.progress(`print: ${leaflet.slug}`);
        return renderLeafletPdfs(leaflet, ctx.site, { braille, templatesDir: ctx.templatesDir });
      });
      const meta = { pages: r.pageCount, layout: leaflet.layout };
      await ctx.emit({ edition: "print", kind: "pdf", slug: leaflet.slug, meta }, layout.pdf(leaflet.slug), r.office);
      await ctx.emit({ edition: "print", kind: "pdf-print", slug: leaflet.slug, meta }, layout.printPdf(leaflet.slug), r.printShop);
      await ctx.emit(
        { edition: "print", kind: "page-map", slug: leaflet.slug, meta: { pages: r.pageCount } },
        layout.pageMap(leaflet.slug),
        `${JSON.stringify(r.pageMap, null, 2)}\n`,
      );
      for (let i = 0; i < r.uniVoice.length; i++) {
        await ctx.emit(
          {
            edition: "print",
            kind: "univoice-text",
            slug: leaflet.slug,
            meta: { page: i + 1, reserved: leaflet.uniVoice, url: r.pageUrls[i] },
          },
          layout.uniVoiceText(leaflet.slug, i + 1),
          `${r.uniVoice[i]}\n`,
        );
      }
    }
  },
};
