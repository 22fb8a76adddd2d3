// The print edition: per leaflet an office PDF (plain A4) and a print-shop PDF (trim + bleed + marks),
// each page carrying a voice code to the unit it shows, plus per-page Uni-Voice encoder text.
import { renderToBuffer } from "@react-pdf/renderer";
import { bookletTemplate } from "../../templates/booklet.ts";
import { leafletTemplate } from "../../templates/leaflet.ts";
import { type RenderContext, RenderError, type Renderer } from "../edition/contract.ts";
import { layout, unitUrl } from "../edition/layout.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";
import { listUnits } from "../model/walk.ts";
import { leafletScript } from "../reading/speech.ts";
import {
  type BrailleLabel,
  brailleBoxOrigin,
  brailleBoxSize,
  brailleDots,
  brailleLines,
  buildDocument,
  type PlacedBlock,
} from "./document.ts";
import { registerPrintFonts } from "./fonts.ts";
import { type BrailleMetrics, mm, pageGeometry } from "./geometry.ts";
import { type PageMap, readPageMap } from "./pagemap.ts";
import { finishOfficePdf, finishPrintShopPdf } from "./postprocess.ts";
import type { PrintTemplate } from "./template.ts";
import { blockIndex, type PageItem, uniVoiceText } from "./univoice.ts";

export { DEFAULT_BRAILLE_METRICS } from "./geometry.ts";
export { breakUnits, kinsokuHyphenation } from "./kinsoku.ts";

export interface PrintOptions {
  /** The braille label to draw (from the build's shared services), or null to leave it out. */
  braille: BrailleLabel | null;
  brailleMetrics?: BrailleMetrics;
}

export interface PrintResult {
  office: Uint8Array;
  printShop: Uint8Array;
  pageCount: number;
  /** The URL each page's voice code carries (index 0 = page 1). */
  pageUrls: string[];
  /** Uni-Voice encoder text per page (index 0 = page 1). */
  uniVoice: string[];
  /** Milliseconds spent on each file: layout and rendering, then the pdf-lib finishing. */
  timings: { officeMs: number; printMs: number };
}

/** The template a leaflet asks for in its frontmatter. */
export function templateFor(leaflet: Leaflet): PrintTemplate {
  return leaflet.layout === "booklet" ? bookletTemplate : leafletTemplate;
}

/** Renders both PDFs of one leaflet, choosing each page's voice code from a measuring pass. */
export async function renderLeafletPdfs(leaflet: Leaflet, site: SiteModel, opts: PrintOptions): Promise<PrintResult> {
  const family = registerPrintFonts(site.settings);
  const template = templateFor(leaflet);
  const dotSettings = site.settings.print.braille;
  const metrics = opts.brailleMetrics ?? {
    dotDiameter: mm(dotSettings.dotDiameter),
    dotPitch: mm(dotSettings.dotPitch),
    cellPitch: mm(dotSettings.cellPitch),
    linePitch: mm(dotSettings.linePitch),
  };
  const braille = opts.braille;
  const render = async (variant: "office" | "print") => {
    const geometry = pageGeometry(variant);
    const { element, blocks } = buildDocument({ leaflet, site, family, template, geometry, braille, brailleMetrics: metrics });
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
  // voice codes (which take a fixed, already reserved box) are stamped afterwards, so they cannot move a break.
  let t0 = performance.now();
  const office = await render("office");
  const placement = placeUnits(leaflet, site, office.map);
  const officeBytes = await finishOfficePdf(office.bytes, pageGeometry("office"), leaflet.uniVoice, placement.pageUrls);
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
  let dots: { x: number; y: number }[] = [];
  if (braille) {
    const lines = brailleLines(braille, leaflet, metrics, mm(110));
    const at = brailleBoxOrigin(g, brailleBoxSize(lines, metrics));
    dots = brailleDots(lines, metrics).map((d) => ({ x: at.left + d.x, y: at.top + d.y }));
  }
  const printShop = await finishPrintShopPdf(shop.bytes, {
    geometry: g,
    brailleDots: dots,
    dotDiameter: metrics.dotDiameter,
    notch: true,
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
    uniVoice,
    timings: { officeMs, printMs },
  };
}

interface Placement {
  pageCount: number;
  pageUrls: string[];
  starts: number[];
}

/** Which unit each page shows: the first unit with content on the page (page 1 shows the whole leaflet). */
export function placeUnits(leaflet: Leaflet, site: SiteModel, map: PageMap): Placement {
  const units = listUnits(leaflet);
  const spans = units.map((u) => {
    const start = map.dests.get(u.id)?.page;
    const end = map.dests.get(`${u.id}~end`)?.page ?? start;
    return { u, start: start ?? 0, end: end ?? 0 };
  });
  const leafletUrl = unitUrl(site.settings.baseUrl, leaflet.slug);
  const pageUrls: string[] = [];
  for (let p = 1; p <= map.pageCount; p++) {
    const shown = p === 1 ? undefined : spans.find((s) => s.start > 0 && s.start <= p && p <= s.end);
    pageUrls.push(shown ? unitUrl(site.settings.baseUrl, leaflet.slug, shown.u.id) : leafletUrl);
  }
  return { pageCount: map.pageCount, pageUrls, starts: spans.map((s) => s.start) };
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

/** Writes <slug>.pdf, <slug>-print.pdf and the per-page Uni-Voice texts for every leaflet. */
export const printRenderer: Renderer = {
  edition: "print",
  async render(ctx: RenderContext) {
    for (const leaflet of ctx.leaflets) {
      ctx.log.progress(`print: ${leaflet.slug}`);
      const r = await renderLeafletPdfs(leaflet, ctx.site, { braille: await ctx.shared.brailleLabel(leaflet) });
      const meta = { pages: r.pageCount, layout: leaflet.layout };
      await ctx.emit({ edition: "print", kind: "pdf", slug: leaflet.slug, meta }, layout.pdf(leaflet.slug), r.office);
      await ctx.emit({ edition: "print", kind: "pdf-print", slug: leaflet.slug, meta }, layout.printPdf(leaflet.slug), r.printShop);
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
