// Renders one leaflet's PDFs in a fresh process and prints its figures as JSON, so the bench can report the
// peak memory of a single render: `node scripts/bench/print-measure.ts <slug> < site.json`.
import { text } from "node:stream/consumers";
import type { SiteModel } from "../../src/model/types.ts";
import { renderLeafletPdfs } from "../../src/print/index.ts";

/** What one measured render reports. */
export interface PrintMeasure {
  slug: string;
  pages: number;
  officeMs: number;
  printMs: number;
  officeBytes: number;
  printBytes: number;
  /** Peak resident memory of the whole process, in bytes. */
  peakRss: number;
}

if (import.meta.main) {
  const slug = process.argv[2];
  const site = JSON.parse(await text(process.stdin)) as SiteModel;
  const leaflet = site.leaflets.find((l) => l.slug === slug);
  if (!leaflet) throw new Error(`no leaflet ${slug} in the model given on stdin`);
  const { brailleLabel } = await import("../../src/braille/label.ts");
  const r = await renderLeafletPdfs(leaflet, site, { braille: await brailleLabel(leaflet, site) });
  const out: PrintMeasure = {
    slug,
    pages: r.pageCount,
    officeMs: r.timings.officeMs,
    printMs: r.timings.printMs,
    officeBytes: r.office.length,
    printBytes: r.printShop.length,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
