// Pure QR helpers shared by the codes edition (SVG/PNG files) and the print edition (vector QR in the PDF).
import QRCode from "qrcode";

/** A QR code as a module grid: `size` × `size`, `dark(x, y)` true for a black module. */
export interface QrMatrix {
  size: number;
  dark(x: number, y: number): boolean;
}

/** Quiet zone in modules: the QR standard asks for 4. */
export const QUIET_ZONE = 4;

/** Encodes a URL as a QR matrix (error correction M: survives a little wear on paper). */
export function qrMatrix(url: string): QrMatrix {
  const code = QRCode.create(url, { errorCorrectionLevel: "M" });
  const { size, data } = code.modules as unknown as { size: number; data: Uint8Array };
  return { size, dark: (x, y) => data[y * size + x] === 1 };
}

/**
 * SVG path data of the dark modules, in module units, offset by the quiet zone
 * (so a viewBox of 0 0 size+8 size+8 shows the whole code with its margin).
 * Horizontal runs are merged to keep the path short.
 */
export function qrPathData(m: QrMatrix): string {
  let d = "";
  for (let y = 0; y < m.size; y++) {
    let x = 0;
    while (x < m.size) {
      if (!m.dark(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < m.size && m.dark(x, y)) x++;
      d += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`;
    }
  }
  return d;
}

/** A standalone SVG of the QR code for a URL, with a white quiet zone; `title` names it for screen readers. */
export function qrSvg(url: string, title = url): string {
  const m = qrMatrix(url);
  const n = m.size + 2 * QUIET_ZONE;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" width="${n * 4}" height="${n * 4}" shape-rendering="crispEdges" role="img">` +
    `<title>${esc(title)}</title><rect width="${n}" height="${n}" fill="#fff"/>` +
    `<path fill="#000" d="${qrPathData(m)}"/></svg>\n`
  );
}
