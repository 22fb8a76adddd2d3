// Images for the print-shop file: CMYK JPEGs made from the leaflet's PNG and JPEG files, so no RGB reaches the press.
import { existsSync } from "node:fs";
import sharp from "sharp";
import type { Leaflet } from "../model/types.ts";
import { eachBlock } from "../model/walk.ts";

/** Every printable image of the leaflet as a CMYK JPEG, by its file path (transparency flattened onto white paper). */
export async function pressImages(leaflet: Leaflet): Promise<Map<string, { data: Buffer; format: "jpg" }>> {
  const files = new Set<string>();
  eachBlock(leaflet, (b) => {
    if (b.type === "image" && existsSync(b.file) && /\.(png|jpe?g)$/i.test(b.file)) files.add(b.file);
  });
  const out = new Map<string, { data: Buffer; format: "jpg" }>();
  for (const file of files) {
    const data = await sharp(file).flatten({ background: "#ffffff" }).toColourspace("cmyk").jpeg({ quality: 92 }).toBuffer();
    out.set(file, { data, format: "jpg" });
  }
  return out;
}
