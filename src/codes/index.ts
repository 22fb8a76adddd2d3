// The codes edition: a QR code (SVG and PNG) for every leaflet page and every section/question URL.
import sharp from "sharp";
import type { RenderContext, Renderer } from "../edition/contract.ts";
import { layout, PAGE_CODE_NAME, unitUrl } from "../edition/layout.ts";
import { qrSvg } from "../lib/qr.ts";
import { listUnits } from "../model/walk.ts";

export { qrMatrix, qrPathData, qrSvg } from "../lib/qr.ts";

/** PNG width in pixels: 8 px per module or more, sharp enough for screens and for pasting into documents. */
const PNG_WIDTH = 480;

/** The file name (without extension) of a leaflet's own page code; units use their id. */
export { PAGE_CODE_NAME } from "../edition/layout.ts";

/** Writes code-svg and code-png artifacts for each leaflet page and each unit. */
export const codesRenderer: Renderer = {
  edition: "codes",
  async render(ctx: RenderContext) {
    const { baseUrl } = ctx.site.settings;
    for (const leaflet of ctx.leaflets) {
      ctx.log.progress(`codes: ${leaflet.slug}`);
      const targets: { name: string; unitId?: string; url: string }[] = [
        { name: PAGE_CODE_NAME, url: unitUrl(baseUrl, leaflet.slug) },
        ...listUnits(leaflet).map((u) => ({ name: u.id, unitId: u.id, url: unitUrl(baseUrl, leaflet.slug, u.id) })),
      ];
      for (const t of targets) {
        const svg = qrSvg(t.url, `QRコード: ${t.url}`);
        const png = await sharp(Buffer.from(svg), { density: 300 }).resize({ width: PNG_WIDTH, kernel: "nearest" }).png().toBuffer();
        const base = { edition: "codes" as const, slug: leaflet.slug, meta: { url: t.url }, ...(t.unitId ? { unitId: t.unitId } : {}) };
        await ctx.emit({ ...base, kind: "code-svg" }, layout.codeSvg(leaflet.slug, t.name), svg);
        await ctx.emit({ ...base, kind: "code-png" }, layout.codePng(leaflet.slug, t.name), new Uint8Array(png));
      }
    }
  },
};
