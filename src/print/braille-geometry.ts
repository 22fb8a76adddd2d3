// Where the braille label's dots go: its cells cut into the lines the template has room for, and each dot's
// centre. Light (no react-pdf), so the print check can tell whether a label fits before any build.
import { type BrailleMetrics, cellsThatFit, mm, type PageGeometry } from "./geometry.ts";
import type { PrintTemplate } from "./template.ts";

/** A braille label as the layout takes it. */
export interface BrailleCells {
  /** Unicode braille (U+2800 block); spaces and U+2800 are blank cells, newlines start a new line. */
  braille: string;
}

/** The cells of a label, blanks as U+2800, cut into lines of at most `perLine` cells at the explicit newlines. */
export function labelLines(label: BrailleCells, perLine: number): string[][] {
  const lines: string[][] = [];
  for (const raw of label.braille.split("\n")) {
    const cells = [...raw].map((c) => (c === " " ? "\u2800" : c));
    for (let i = 0; i < cells.length || i === 0; i += perLine) lines.push(cells.slice(i, i + perLine));
  }
  return lines;
}

/** How many cells a line of the label may have and how many lines it may take in a template. */
export function labelRoom(t: PrintTemplate, m: BrailleMetrics): { perLine: number; lines: number } {
  return { perLine: cellsThatFit(mm(t.braille.width), m), lines: t.braille.lines };
}

/** The label's lines when it fits the room the template gives it, else null. */
export function brailleLines(label: BrailleCells, t: PrintTemplate, m: BrailleMetrics): string[][] | null {
  const room = labelRoom(t, m);
  const lines = labelLines(label, room.perLine);
  return lines.length <= room.lines ? lines : null;
}

/** Centres of the raised dots of braille lines, relative to the top-left of the label box, in pt. */
export function brailleDots(lines: string[][], m: BrailleMetrics): { x: number; y: number }[] {
  // Dots 1-2-3 run down the left column, 4-5-6 down the right; 7-8 (bits 0x40, 0x80) below them.
  const bits: [number, number, number][] = [
    [0x01, 0, 0],
    [0x02, 0, 1],
    [0x04, 0, 2],
    [0x08, 1, 0],
    [0x10, 1, 1],
    [0x20, 1, 2],
    [0x40, 0, 3],
    [0x80, 1, 3],
  ];
  const r = m.dotDiameter / 2;
  const out: { x: number; y: number }[] = [];
  lines.forEach((cells, li) => {
    cells.forEach((cell, ci) => {
      const code = cell.codePointAt(0)! - 0x2800;
      if (code < 0 || code > 0xff) return;
      for (const [bit, col, row] of bits) {
        if (code & bit) out.push({ x: r + ci * m.cellPitch + col * m.dotPitch, y: r + li * m.linePitch + row * m.dotPitch });
      }
    });
  });
  return out;
}

/** Width and height of the braille label box for the given lines. */
export function brailleBoxSize(lines: string[][], m: BrailleMetrics): { width: number; height: number } {
  const cells = Math.max(...lines.map((l) => l.length));
  return {
    width: (cells - 1) * m.cellPitch + m.dotPitch + m.dotDiameter,
    height: (lines.length - 1) * m.linePitch + 2 * m.dotPitch + m.dotDiameter,
  };
}

/** Where the braille label box sits on page 1, from the page's top-left, in pt: top right, in the top margin. */
export function brailleBoxOrigin(g: PageGeometry, t: PrintTemplate, size: { width: number }): { left: number; top: number } {
  return { left: g.ox + g.trimWidth - mm(t.braille.side) - size.width, top: g.oy + mm(t.braille.top) };
}

/** The dot centres of a leaflet's label on page 1, from the page's top-left (for the spot-colour layer). */
export function labelDotsOnPage(label: BrailleCells, g: PageGeometry, t: PrintTemplate, m: BrailleMetrics): { x: number; y: number }[] {
  const lines = brailleLines(label, t, m);
  if (!lines) return [];
  const at = brailleBoxOrigin(g, t, brailleBoxSize(lines, m));
  return brailleDots(lines, m).map((d) => ({ x: at.left + d.x, y: at.top + d.y }));
}
