// What react-pdf cannot do, applied to the rendered PDF with pdf-lib: the per-page voice codes (known only
// once the page breaks are), and for print shops TrimBox/BleedBox, the braille label as vector dots on a
// "Braille" spot colour in its own layer (OCG), and the notch as a die-line on a "DieCut" spot colour and layer.
import { cmyk, type PDFArray, PDFDict, PDFDocument, PDFHeader, PDFName, PDFOperator, type PDFPage, PDFString, rgb } from "pdf-lib";
import { QUIET_ZONE, qrMatrix, qrPathData } from "../lib/qr.ts";
import { type Cmyk, cmykMapper, convertDocumentToCmyk } from "./cmyk.ts";
import { BLEED, codeBoxes, type PageGeometry } from "./geometry.ts";
import { type PrintTemplate, pressColour, type TemplateColour } from "./template.ts";

/** Stamps each page's web QR code (vector, quiet zone included) into the box the layout left empty, as an Artifact. */
export function stampVoiceCodes(
  doc: PDFDocument,
  g: PageGeometry,
  t: PrintTemplate,
  uniVoice: boolean,
  pageUrls: string[],
  press: boolean,
): void {
  doc.getPages().forEach((page: PDFPage, i) => {
    const url = pageUrls[i];
    if (!url) return;
    const box = codeBoxes(g, t, uniVoice, i + 1).qr;
    const m = qrMatrix(url);
    const n = m.size + 2 * QUIET_ZONE;
    const x = box.left;
    const y = g.pageHeight - box.top - box.height;
    page.pushOperators(PDFOperator.of("BDC" as never, [PDFName.of("Artifact"), doc.context.obj({ Type: "Pagination" }) as never]));
    page.drawRectangle({ x, y, width: box.width, height: box.height, color: press ? cmyk(0, 0, 0, 0) : rgb(1, 1, 1) });
    // drawSvgPath puts the path's origin (its top-left) at (x, y) and flips y downwards. The code prints in K100.
    page.drawSvgPath(qrPathData(m), { x, y: y + box.height, scale: box.width / n, color: press ? cmyk(0, 0, 0, 1) : rgb(0, 0, 0) });
    page.pushOperators(PDFOperator.of("EMC" as never, []));
  });
}

/** Adds the voice codes to an office PDF; returns the new bytes. */
export async function finishOfficePdf(
  bytes: Uint8Array,
  g: PageGeometry,
  t: PrintTemplate,
  uniVoice: boolean,
  pageUrls: string[],
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  stampVoiceCodes(doc, g, t, uniVoice, pageUrls, false);
  return doc.save({ useObjectStreams: true });
}

export interface PrintShopExtras {
  geometry: PageGeometry;
  template: PrintTemplate;
  /** Dot centres of the braille label on page 1, in pt from the page's top-left; empty for no label. */
  brailleDots: { x: number; y: number }[];
  dotDiameter: number;
  uniVoice: boolean;
  pageUrls: string[];
}

/** The print condition the CMYK values are meant for: Japan Color 2001 Coated, by its ICC registry name. */
export const PRINT_CONDITION = { identifier: "JC200103", info: "Japan Color 2001 Coated", registry: "http://www.color.org" } as const;

/** Spot colour names a print shop sees in its separations preview. */
export const SPOT = { braille: "Braille", die: "DieCut" } as const;

/**
 * Makes the print-shop PDF: every colour in DeviceCMYK (text K100), an output intent naming the print condition,
 * trim and bleed boxes, the braille label on its spot-colour layer, the notch die-line beside each page's Uni-Voice
 * slot, and the codes in K100. Returns the new bytes.
 */
export async function finishPrintShopPdf(bytes: Uint8Array, x: PrintShopExtras): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  // Optional content needs PDF 1.5; pdfkit writes a 1.3 header.
  doc.context.header = PDFHeader.forVersion(1, 7);
  const ctx = doc.context;
  const g = x.geometry;
  const t = x.template;
  const known = (Object.keys(t.colour) as TemplateColour[]).map((k) => ({ rgb: t.colour[k].screen, cmyk: pressColour(t, k) as Cmyk }));
  // Pure black (trim marks) prints on the black plate too.
  convertDocumentToCmyk(doc, cmykMapper([...known, { rgb: "#000000", cmyk: [0, 0, 0, 1] }]));
  // No profile is embedded: JC200103 is a registered characterisation, so its name identifies it (docs/print.md).
  const intent = ctx.obj({
    Type: "OutputIntent",
    S: "GTS_PDFX",
    OutputConditionIdentifier: ctxText(PRINT_CONDITION.identifier),
    OutputCondition: ctxText(PRINT_CONDITION.info),
    Info: ctxText(PRINT_CONDITION.info),
    RegistryName: ctxText(PRINT_CONDITION.registry),
  });
  doc.catalog.set(PDFName.of("OutputIntents"), ctx.obj([intent]));
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
      ops += "/Artifact <</Type /Layout>> BDC /OC /LBraille BDC q /GSOverprint gs /CSBraille cs 1 scn\n";
      for (const d of x.brailleDots) ops += circle(d.x, H - d.y, r);
      ops += "f Q EMC EMC\n";
    }
    const notch = codeBoxes(g, t, x.uniVoice, i + 1).notch;
    if (notch) {
      // A semicircle cut into the outer trim edge beside the Uni-Voice slot: one per printed side, never on the binding edge.
      const cy = H - notch.y;
      const path =
        notch.x > g.ox
          ? `${f(notch.x)} ${f(cy + notch.r)} m ${semicircleLeft(notch.x, cy, notch.r)}`
          : semicircleRight(notch.x, cy, notch.r);
      ops += `/Artifact <</Type /Layout>> BDC /OC /LDie BDC q /GSOverprint gs /CSDie CS 1 SCN 0.5 w\n${path} S Q EMC EMC\n`;
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
  stampVoiceCodes(doc, g, t, x.uniVoice, x.pageUrls, true);
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

// From (ex, cy + r) round to the right through (ex + r, cy) to (ex, cy - r): a notch in a left edge.
function semicircleRight(ex: number, cy: number, r: number): string {
  const k = r * K;
  return `${f(ex)} ${f(cy + r)} m ${f(ex + k)} ${f(cy + r)} ${f(ex + r)} ${f(cy + k)} ${f(ex + r)} ${f(cy)} c ${f(ex + r)} ${f(cy - k)} ${f(ex + k)} ${f(cy - r)} ${f(ex)} ${f(cy - r)} c`;
}
