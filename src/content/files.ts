// The files of content/, read safely: only files inside content/ (after following links), in the encoding they
// were saved in, and with a word for files that look like leaflets but would be skipped.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Diagnostics } from "../lib/diagnostics.ts";
import { decodeText } from "./encoding.ts";

/** Reads `rel` (relative to the project root) as text; null when it does not exist. Problems go to `diags`. */
export function readContentFile(root: string, rel: string, diags: Diagnostics): string | null {
  const file = path.join(root, rel);
  let real: string;
  try {
    real = realpathSync.native(file);
  } catch {
    return null;
  }
  const content = realpathSync.native(path.join(root, "content"));
  if (!(real + path.sep).startsWith(content + path.sep)) {
    diags.error(
      rel,
      1,
      1,
      `${rel} leads outside content/ (to ${real}); only files inside content/ are read`,
      "put the file itself in content/, not a link to it",
    );
    return null;
  }
  let bytes: Buffer;
  try {
    if (!statSync(real).isFile()) {
      diags.error(rel, 1, 1, `${rel} is not a file`, "remove it or rename it");
      return null;
    }
    bytes = readFileSync(real);
  } catch (error) {
    diags.error(rel, 1, 1, `${rel} cannot be read: ${(error as Error).message}`, "check the file's permissions");
    return null;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    diags.error(rel, 1, 1, decoded.message, decoded.hint);
    return null;
  }
  if (decoded.warning) diags.warn(rel, 1, 1, decoded.warning.replace(/ \(hint: .*\)$/, ""), decoded.warning.match(/\(hint: (.*)\)$/)?.[1]);
  return decoded.text.replace(/\r\n?/g, "\n");
}

/** Files the system or editors leave in folders, never meant as leaflets. */
const JUNK = /^(\.DS_Store|Thumbs\.db|desktop\.ini|\.gitkeep|\.keep|~\$.*|\..*\.swp|.*~)$/i;

/** The leaflet files of `content/leaflets/` (`*.md`, any case), sorted; a warning for each file that looks meant but is skipped. */
export function leafletFileNames(root: string, dir: string, diags: Diagnostics): string[] {
  const names: string[] = [];
  for (const name of readdirSync(path.join(root, dir)).sort()) {
    if (JUNK.test(name)) continue;
    const full = path.join(root, dir, name);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      // a dangling link: readContentFile reports it if it is a leaflet
    }
    if (isDir) continue;
    if (/\.md$/i.test(name)) names.push(name);
    else if (/\.(md|markdown)\.(txt|text)$|\.(txt|markdown|mdown)$/i.test(name)) {
      diags.warn(
        `${dir}/${name}`,
        1,
        1,
        `${name} is not read: leaflets are files ending in .md`,
        `rename it to ${name.replace(/(\.(md|markdown))?\.(txt|text|markdown|mdown)$/i, ".md")} (Windows may hide the .txt at the end: turn on 「ファイル名拡張子」 in Explorer's 表示 menu)`,
      );
    }
  }
  return names;
}
