// Test helpers that look at a PDF as a print shop does: Ghostscript's tiffsep separates a page into one plate per
// ink, and the plates are read as pixels (sharp), independently of the code that drew them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";

/** One separated plate: ink coverage 0–255 per pixel (255 = full ink), row by row. */
export interface Plate {
  width: number;
  height: number;
  ink: Uint8Array;
}

/** Separates page `page` of a PDF into its plates at `dpi` (Cyan, Magenta, Yellow, Black and each spot colour). */
export async function separate(file: string, page: number, dpi: number): Promise<Map<string, Plate>> {
  const dir = mkdtempSync(path.join(tmpdir(), "tiffsep-"));
  try {
    execFileSync(
      "gs",
      [
        "-q",
        "-dNOPAUSE",
        "-dBATCH",
        "-dSAFER",
        "-sDEVICE=tiffsep",
        `-r${dpi}`,
        `-dFirstPage=${page}`,
        `-dLastPage=${page}`,
        `-sOutputFile=${path.join(dir, "p.tif")}`,
        file,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const plates = new Map<string, Plate>();
    for (const name of readdirSync(dir)) {
      const m = /^p\((.+)\)\.tif$/.exec(name);
      if (!m) continue;
      const { data, info } = await sharp(path.join(dir, name)).greyscale().raw().toBuffer({ resolveWithObject: true });
      // tiffsep writes each plate dark where the ink is.
      const ink = new Uint8Array(data.length);
      for (let i = 0; i < data.length; i++) ink[i] = 255 - data[i];
      plates.set(m[1], { width: info.width, height: info.height, ink });
    }
    return plates;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A blob of ink: its centre and the diameter of a disc of its area, in pixels. */
export interface Blob {
  x: number;
  y: number;
  diameter: number;
  pixels: number;
}

/** The separate blobs of ink (4-connected, over half coverage) of a plate. */
export function blobs(p: Plate): Blob[] {
  const seen = new Uint8Array(p.ink.length);
  const out: Blob[] = [];
  const stack: number[] = [];
  for (let start = 0; start < p.ink.length; start++) {
    if (seen[start] || p.ink[start] < 128) continue;
    let n = 0;
    let sx = 0;
    let sy = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % p.width;
      const y = (i - x) / p.width;
      n++;
      sx += x;
      sy += y;
      for (const j of [i - 1, i + 1, i - p.width, i + p.width]) {
        if (j < 0 || j >= p.ink.length || seen[j] || p.ink[j] < 128) continue;
        if ((j === i - 1 && x === 0) || (j === i + 1 && x === p.width - 1)) continue;
        seen[j] = 1;
        stack.push(j);
      }
    }
    out.push({ x: sx / n, y: sy / n, pixels: n, diameter: 2 * Math.sqrt(n / Math.PI) });
  }
  return out;
}

/** Positions that lie within `tolerance` of each other, merged into one value each (sorted). */
export function clusters(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tolerance) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** Pixels where the black plate carries at least `minBlack` ink, and how many of them also carry C, M or Y. */
export function blackWithColour(plates: Map<string, Plate>, minBlack = 230): { black: number; withCmy: number } {
  const k = plates.get("Black")!;
  const cmy = ["Cyan", "Magenta", "Yellow"].map((n) => plates.get(n)!);
  let black = 0;
  let withCmy = 0;
  for (let i = 0; i < k.ink.length; i++) {
    if (k.ink[i] < minBlack) continue;
    black++;
    if (cmy.some((p) => p.ink[i] > 12)) withCmy++;
  }
  return { black, withCmy };
}
