// What react-pdf cannot do, applied to the rendered PDF with pdf-lib: the per-page voice codes (known only
// once the page breaks are), and for print shops TrimBox/BleedBox, the braille label as vector dots on a
// "Braille" spot colour in its own layer (OCG), and the notch as a die-line on a "DieCut" spot colour and layer.
import { type PDFArray, PDFDict, PDFDocument, PDFHeader, PDFName, type PDFPage, PDFString, rgb } from "pdf-lib";
import { QUIET_ZONE, qrMatrix, qrPathData } from "../lib/qr.ts";
import { codeBoxes } from "./document.ts";
import { BLEED, CODE, type PageGeometry } from "./geometry.ts";

/** Stamps each page's voice code (a vector QR of CODE.size incl. its quiet zone) into the box the layout left empty. */
export function stampVoiceCodes(doc: PDFDocument, g: PageGeometry, uniVoice: boolean, pageUrls: string[]): void {
  const boxes = codeBoxes(g, uniVoice);
  doc.getPages().forEach((page: PDFPage, i) => {
    const url = pageUrls[i];
    if (!url) return;
    const m = qrMatrix(url);
    const n = m.size + 2 * QUIET_ZONE;
    const x = g.pageWidth - boxes.qrRight - CODE.size;
    const y = boxes.bottom;
    page.drawRectangle({ x, y, width: CODE.size, height: CODE.size, color: rgb(1, 1, 1) });
    // drawSvgPath puts the path's origin (its top-left) at (x, y) and flips y downwards.
    page.drawSvgPath(qrPathData(m), { x, y: y + CODE.size, scale: CODE.size / n, color: rgb(0, 0, 0) });
  });
}

/** Adds the voice codes to an office PDF; returns the new bytes. */
export async function finishOfficePdf(bytes: Uint8Array, g: PageGeometry, uniVoice: boolean, pageUrls: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  stampVoiceCodes(doc, g, uniVoice, pageUrls);
  return doc.save({ useObjectStreams: true });
}

export interface PrintShopExtras {
  geometry: PageGeometry;
  /** Dot centres of the braille label on page 1, in pt from the page's top-left; empty for no label. */
  brailleDots: { x: number; y: number }[];
  dotDiameter: number;
  /** Draw the notch die-line beside the voice code. */
  notch: boolean;
  uniVoice: boolean;
  pageUrls: string[];
}

/** Spot colour names a print shop sees in its separations preview. */
export const SPOT = { braille: "Braille", die: "DieCut" } as const;

/** Adds the voice codes, trim/bleed boxes, the braille layer and the notch die-line to a print-shop PDF; returns the new bytes. */
export async function finishPrintShopPdf(bytes: Uint8Array, x: PrintShopExtras): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  // Optional content needs PDF 1.5; pdfkit writes a 1.3 header.
  doc.context.header = PDFHeader.forVersion(1, 7);
  const ctx = doc.context;
  const g = x.geometry;
  const ocgBraille = ctx.register(ctx.obj({ Type: "OCG", Name: ctxText(SPOT.braille) }));
  const ocgDie = ctx.register(ctx.obj({ Type: "OCG", Name: ctxText(SPOT.die) }));
  doc.catalog.set(
    PDFName.of("OCProperties"),
    ctx.obj({
      OCGs: [ocgBraille, ocgDie],
      D: { Name: ctxText("Print layers"), Order: [ocgBraille, ocgDie], ON: [ocgBraille, ocgDie], OFF: [] },
    }),
  );
  // Alternate colours only matter for proofs: braille varnish shows as cyan, the die-line as magenta.
  const csBraille = ctx.register(separation(doc, SPOT.braille, [1, 0, 0, 0]));
  const csDie = ctx.register(separation(doc, SPOT.die, [0, 1, 0, 0]));
  const gsOverprint = ctx.register(ctx.obj({ Type: "ExtGState", OP: true, op: true, OPM: 1 }));

  const pages = doc.getPages();
  const H = g.pageHeight;
  pages.forEach((page, i) => {
    const trim = [g.ox, g.oy, g.ox + g.trimWidth, g.oy + g.trimHeight];
    page.node.set(PDFName.of("TrimBox"), ctx.obj(trim));
    page.node.set(PDFName.of("BleedBox"), ctx.obj([trim[0] - BLEED, trim[1] - BLEED, trim[2] + BLEED, trim[3] + BLEED]));
    let ops = "";
    if (i === 0 && x.brailleDots.length > 0) {
      const r = x.dotDiameter / 2;
      ops += "/OC /LBraille BDC q /GSOverprint gs /CSBraille cs 1 scn\n";
      for (const d of x.brailleDots) ops += circle(d.x, H - d.y, r);
      ops += "f Q EMC\n";
    }
    if (x.notch) {
      // Semicircle 6 mm wide cut into the right trim edge, centred on the voice code's height.
      const r = CODE.notchRadius;
      const cy = g.oy + CODE.bottom + CODE.size / 2; // from the bottom: symmetric offsets, so oy works for y too
      const ex = g.ox + g.trimWidth;
      ops += `/OC /LDie BDC q /GSOverprint gs /CSDie CS 1 SCN 0.5 w\n${ex} ${f(cy + r)} m ${semicircleLeft(ex, cy, r)} S Q EMC\n`;
    }
    if (ops === "") return;
    const res = page.node.Resources() ?? ctx.obj({});
    if (!page.node.Resources()) page.node.set(PDFName.of("Resources"), res);
    subDict(doc, res, "ColorSpace").set(PDFName.of("CSBraille"), csBraille);
    subDict(doc, res, "ColorSpace").set(PDFName.of("CSDie"), csDie);
    subDict(doc, res, "ExtGState").set(PDFName.of("GSOverprint"), gsOverprint);
    subDict(doc, res, "Properties").set(PDFName.of("LBraille"), ocgBraille);
    subDict(doc, res, "Properties").set(PDFName.of("LDie"), ocgDie);
    // Wrap react-pdf's content in q…Q so its flipped coordinate system does not leak into ours.
    const start = ctx.register(ctx.stream("q\n"));
    const end = ctx.register(ctx.stream("Q\n"));
    page.node.wrapContentStreams(start, end);
    page.node.addContentStream(ctx.register(ctx.flateStream(ops)));
  });
  stampVoiceCodes(doc, g, x.uniVoice, x.pageUrls);
  return doc.save({ useObjectStreams: true });
}

// A PDF text string: pdf-lib's obj() turns JS strings into names.
const ctxText = (s: string) => PDFString.of(s);

function separation(doc: PDFDocument, name: string, cmyk: [number, number, number, number]) {
  const ctx = doc.context;
  const tint = ctx.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: cmyk, N: 1 });
  return ctx.obj([PDFName.of("Separation"), PDFName.of(name), PDFName.of("DeviceCMYK"), tint]) as PDFArray;
}

function subDict(doc: PDFDocument, res: PDFDict, key: string): PDFDict {
  const existing = res.lookupMaybe(PDFName.of(key), PDFDict);
  if (existing) return existing;
  const d = doc.context.obj({});
  res.set(PDFName.of(key), d);
  return d;
}

const f = (n: number) => n.toFixed(3);
// Kappa for a cubic Bézier quarter circle.
const K = 0.5522847498;

function circle(cx: number, cy: number, r: number): string {
  const k = r * K;
  return (
    `${f(cx + r)} ${f(cy)} m ` +
    `${f(cx + r)} ${f(cy + k)} ${f(cx + k)} ${f(cy + r)} ${f(cx)} ${f(cy + r)} c ` +
    `${f(cx - k)} ${f(cy + r)} ${f(cx - r)} ${f(cy + k)} ${f(cx - r)} ${f(cy)} c ` +
    `${f(cx - r)} ${f(cy - k)} ${f(cx - k)} ${f(cy - r)} ${f(cx)} ${f(cy - r)} c ` +
    `${f(cx + k)} ${f(cy - r)} ${f(cx + r)} ${f(cy - k)} ${f(cx + r)} ${f(cy)} c h\n`
  );
}

// From (ex, cy + r) round to the left through (ex - r, cy) to (ex, cy - r).
function semicircleLeft(ex: number, cy: number, r: number): string {
  const k = r * K;
  return `${f(ex - k)} ${f(cy + r)} ${f(ex - r)} ${f(cy + k)} ${f(ex - r)} ${f(cy)} c ${f(ex - r)} ${f(cy - k)} ${f(ex - k)} ${f(cy - r)} ${f(ex)} ${f(cy - r)} c`;
}
