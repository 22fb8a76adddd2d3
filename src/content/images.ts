// Images a leaflet shows: only files inside content/ (after following links), really PNG or JPEG, each published
// under a name of its own even when two folders hold files of the same name.
import { closeSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

export type ImageCheck =
  | { ok: true; file: string; name: string; width: number; height: number }
  | { ok: false; message: string; hint: string };

/** What the first bytes say a file is, with its pixel size; undefined for anything but PNG and JPEG. */
export function sniffImage(head: Uint8Array): { type: "png" | "jpeg"; width: number; height: number } | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 24 && png.every((b, i) => head[i] === b) && String.fromCharCode(...head.slice(12, 16)) === "IHDR") {
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    return width > 0 && height > 0 ? { type: "png", width, height } : undefined;
  }
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    // Walk the segments to the frame header (SOF0–SOF15 but DHT, JPG and DAC), which holds the size.
    let i = 2;
    while (i + 9 < head.length && head[i] === 0xff) {
      const marker = head[i + 1];
      const length = (head[i + 2] << 8) | head[i + 3];
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        const height = (head[i + 5] << 8) | head[i + 6];
        const width = (head[i + 7] << 8) | head[i + 8];
        return width > 0 && height > 0 ? { type: "jpeg", width, height } : undefined;
      }
      i += 2 + length;
    }
    return undefined;
  }
  return undefined;
}

/** How many bytes are read to recognise an image (JPEG frame headers can sit after long metadata). */
const SNIFF_BYTES = 256 * 1024;

/** Checks the image `url` of a leaflet at `leafletFile`; `contentDir` is the project's content/ folder. */
export function checkImage(url: string, leafletFile: string, contentDir: string): ImageCheck {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) {
    return {
      ok: false,
      message: `the image 「${url}」 is a web address`,
      hint: "save the image in content/images/ and write its path, e.g. ../images/card.png",
    };
  }
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    decoded = url; // a lone % is part of the name
  }
  if (path.isAbsolute(decoded) || /^[a-z]:[\\/]/i.test(decoded)) {
    return {
      ok: false,
      message: `the image path 「${url}」 is absolute: only files in content/ are published`,
      hint: "copy the image into content/images/ and write its path relative to the leaflet, e.g. ../images/card.png",
    };
  }
  const wanted = path.resolve(path.dirname(leafletFile), decoded);
  let real: string;
  let content: string;
  try {
    real = realpathSync.native(wanted);
    content = realpathSync.native(contentDir);
  } catch {
    return {
      ok: false,
      message: `the image file 「${url}」 was not found`,
      hint: `put the file in content/images/ and write its path relative to ${path.relative(path.dirname(contentDir), leafletFile)}`,
    };
  }
  if (!(real + path.sep).startsWith(content + path.sep)) {
    return {
      ok: false,
      message: `the image 「${url}」 is outside content/ (it leads to ${real}): only files in content/ are published`,
      hint: "copy the image itself into content/images/ (not a link to it) and write its path relative to the leaflet",
    };
  }
  const stat = statSync(real);
  if (!stat.isFile())
    return { ok: false, message: `the image 「${url}」 is a folder, not a file`, hint: "write the path of the image file itself" };
  if (stat.size === 0)
    return {
      ok: false,
      message: `the image file 「${url}」 is empty (0 bytes)`,
      hint: "save the image again; the file was not written completely",
    };
  const head = new Uint8Array(Math.min(stat.size, SNIFF_BYTES));
  const fd = openSync(real, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const kind = sniffImage(head);
  if (!kind) {
    return {
      ok: false,
      message: `the file 「${url}」 is not a PNG or JPEG image, whatever its name says`,
      hint: "open it in an image program and save it as PNG (.png) or JPEG (.jpg)",
    };
  }
  const ext = path.extname(real).toLowerCase();
  if ((kind.type === "png") !== (ext === ".png") || (kind.type === "jpeg" && ![".jpg", ".jpeg"].includes(ext))) {
    return {
      ok: false,
      message: `the file 「${url}」 is a ${kind.type === "png" ? "PNG" : "JPEG"} image but its name ends in ${ext || "nothing"}`,
      hint: `rename it to end in ${kind.type === "png" ? ".png" : ".jpg"}`,
    };
  }
  return { ok: true, file: real, name: publishedName(real, content), width: kind.width, height: kind.height };
}

/**
 * The name an image is published under: its file name when it sits in content/images/ itself (the common case,
 * and the name earlier builds used), else its path below content/ with `--` between folders, so two `card.png`
 * in different folders stay two images.
 */
export function publishedName(realFile: string, realContentDir: string): string {
  const rel = path.relative(realContentDir, realFile).split(path.sep);
  if (rel.length === 2 && rel[0] === "images") return rel[1];
  return rel.join("--");
}
