// Page geometry of the two print files, in PDF points. Every furniture position derives from here and from the
// template, so the react-pdf layout and the pdf-lib finishing agree to the point.
import type { Settings } from "../model/types.ts";
import type { PrintTemplate } from "./template.ts";

/** Millimetres → PDF points. */
export const mm = (v: number): number => (v * 72) / 25.4;
/** PDF points → millimetres. */
export const toMm = (pt: number): number => (pt * 25.4) / 72;

export const A4 = { width: mm(210), height: mm(297) } as const;

/** Bleed a print shop asks for beyond the trim. */
export const BLEED = mm(3);
/** Extra paper outside the bleed where the trim marks (トンボ) are drawn. */
export const SLUG = mm(10);
/** The outer band of an office page that office printers cannot print: nothing is drawn in it. */
export const UNPRINTABLE = mm(5);

/** Where the trimmed page sits on the PDF page: offset of the trim box from the page's top-left. */
export interface PageGeometry {
  variant: "office" | "print";
  pageWidth: number;
  pageHeight: number;
  /** Left and top offset of the trim box from the page edge (0 for office). */
  ox: number;
  oy: number;
  trimWidth: number;
  trimHeight: number;
}

/** Geometry of the office (plain A4) or print-shop (A4 + bleed + slug with marks) page. */
export function pageGeometry(variant: "office" | "print"): PageGeometry {
  const off = variant === "print" ? BLEED + SLUG : 0;
  return {
    variant,
    pageWidth: A4.width + 2 * off,
    pageHeight: A4.height + 2 * off,
    ox: off,
    oy: off,
    trimWidth: A4.width,
    trimHeight: A4.height,
  };
}

/** Margins of the text area inside the trim, in pt, from the template. */
export function margins(t: PrintTemplate): { top: number; side: number; bottom: number } {
  return { top: mm(t.page.marginTop), side: mm(t.page.marginSide), bottom: mm(t.page.marginBottom) };
}

/** Which side of a page is its outer edge: the binding edge never gets a code or a notch. */
export function outerSide(t: PrintTemplate, page: number): "right" | "left" {
  return t.binding === "left" && page % 2 === 0 ? "left" : "right";
}

/** A box in pt from the page's top-left. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where the codes go on a page: the web QR, and the Uni-Voice slot with its notch on the outer edge. */
export interface CodeBoxes {
  side: "right" | "left";
  qr: Box;
  slot: Box | null;
  /** The notch: centre on the outer trim edge and radius, only beside a Uni-Voice slot. */
  notch: { x: number; y: number; r: number } | null;
}

/** The code boxes of page `page` (1-based): the slot outermost, the QR inside it; mirrored on even pages of a bound layout. */
export function codeBoxes(g: PageGeometry, t: PrintTemplate, uniVoice: boolean, page: number): CodeBoxes {
  const side = outerSide(t, page);
  const size = mm(t.code.size);
  const top = g.oy + g.trimHeight - mm(t.code.bottom) - size;
  // Distance from the outer trim edge to the outer side of each box.
  const slotIn = mm(t.code.edge);
  const qrIn = uniVoice ? slotIn + size + mm(t.code.gap) : slotIn;
  const at = (inset: number): Box => ({
    left: side === "right" ? g.ox + g.trimWidth - inset - size : g.ox + inset,
    top,
    width: size,
    height: size,
  });
  const edgeX = side === "right" ? g.ox + g.trimWidth : g.ox;
  return {
    side,
    qr: at(qrIn),
    slot: uniVoice ? at(slotIn) : null,
    notch: uniVoice ? { x: edgeX, y: top + size / 2, r: mm(t.code.notchRadius) } : null,
  };
}

/**
 * Braille dot geometry, centre to centre (JIS T 0921 and Japanese press practice): dot diameter about 1.4 mm,
 * dot pitch inside a cell about 2.3 mm, cell pitch (same dot in the next cell) about 6.0 mm, line pitch about
 * 11 mm. Drawn at true size, never scaled with the page. All in pt.
 */
export interface BrailleMetrics {
  dotDiameter: number;
  dotPitch: number;
  cellPitch: number;
  linePitch: number;
}

/** The settings' braille geometry (millimetres) in points. */
export function brailleMetrics(b: Settings["print"]["braille"]): BrailleMetrics {
  return {
    dotDiameter: mm(b.dotDiameter),
    dotPitch: mm(b.dotCentreSpacing),
    cellPitch: mm(b.cellCentreSpacing),
    linePitch: mm(b.lineCentreSpacing),
  };
}

export const DEFAULT_BRAILLE_METRICS: BrailleMetrics = brailleMetrics({
  dotDiameter: 1.4,
  dotCentreSpacing: 2.3,
  cellCentreSpacing: 6,
  lineCentreSpacing: 11,
});

/** How many cells fit a width: the first cell takes a dot pitch and a dot, every further one a cell pitch. */
export function cellsThatFit(width: number, m: BrailleMetrics): number {
  return Math.max(1, Math.floor((width - m.dotPitch - m.dotDiameter) / m.cellPitch) + 1);
}
