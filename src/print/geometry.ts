// Page geometry of the two print files, in PDF points. All furniture positions derive from here,
// so the react-pdf layout and the pdf-lib post-processing agree to the point.

/** Millimetres → PDF points. */
export const mm = (v: number): number => (v * 72) / 25.4;

export const A4 = { width: mm(210), height: mm(297) } as const;

/** Bleed a print shop asks for beyond the trim. */
export const BLEED = mm(3);
/** Extra paper outside the bleed where the trim marks (トンボ) are drawn. */
export const SLUG = mm(10);

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

/** Margins of the content area inside the trim. The bottom holds the footer and the voice code. */
export const MARGIN = { top: mm(16), right: mm(18), bottom: mm(38), left: mm(18) } as const;

/** The voice code: about 18 mm square at the bottom right, with the notch beside it on the right edge. */
export const CODE = {
  size: mm(18),
  /** Distance of the code's right edge from the trim's right edge. */
  right: mm(11),
  /** Distance of the code's bottom edge from the trim's bottom edge. */
  bottom: mm(10),
  /** Semicircular notch: 6 mm wide (radius 3 mm), centred on the code's height, cut into the right edge. */
  notchRadius: mm(3),
  /** Gap between the reserved Uni-Voice slot and the QR code when both are present. */
  gap: mm(4),
} as const;

/** Braille label block on the first page: top-right, inside the top margin area. */
export const BRAILLE_BOX = { top: mm(5), right: mm(18), height: mm(10) } as const;

/**
 * Braille dot geometry (defaults follow common Japanese signage practice, JIS T 0921 ranges):
 * dot diameter 1.4 mm, dot pitch 2.3 mm within a cell, cell pitch 3.3 mm, line pitch 5.5 mm.
 * Drawn at true size, never scaled with the page.
 */
export interface BrailleMetrics {
  dotDiameter: number;
  dotPitch: number;
  cellPitch: number;
  linePitch: number;
}
export const DEFAULT_BRAILLE_METRICS: BrailleMetrics = { dotDiameter: mm(1.4), dotPitch: mm(2.3), cellPitch: mm(3.3), linePitch: mm(5.5) };
