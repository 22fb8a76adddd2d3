// Test helpers that inspect rendered PDFs with the real poppler and zbar tools.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NO_LINE_END } from "../kinsoku.ts";

/** Where tests keep rendered PDFs and page images for people to look at. */
export const ARTIFACTS = path.resolve(import.meta.dirname, "../../../test-artifacts/print");

// stderr is captured: zbarimg chatters about D-Bus on machines without one.
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });

/** Writes bytes to a file (creating folders) and returns its path. */
export function save(file: string, bytes: Uint8Array): string {
  execFileSync("mkdir", ["-p", path.dirname(file)]);
  writeFileSync(file, bytes);
  return file;
}

/** `pdfinfo` fields as a map (Title, Author, Pages, Page size…); with `box`, the page boxes too. */
export function pdfinfo(file: string, box = false): Map<string, string> {
  const out = run("pdfinfo", box ? ["-box", file] : [file]);
  const m = new Map<string, string>();
  for (const line of out.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) m.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return m;
}

/** Rows of `pdffonts`: name, type, emb, sub. */
export function pdffonts(file: string): { name: string; emb: boolean; sub: boolean }[] {
  const lines = run("pdffonts", [file]).split("\n").slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… encoding emb sub uni objectID gen: read from the right.
    const n = cols.length;
    return { name: cols[0], emb: cols[n - 5] === "yes", sub: cols[n - 4] === "yes" };
  });
}

/** `pdftotext` of the whole file or one page; `layout` keeps the physical layout. */
export function pdftotext(file: string, opts: { layout?: boolean; page?: number } = {}): string {
  const args = [...(opts.layout ? ["-layout"] : []), ...(opts.page ? ["-f", `${opts.page}`, "-l", `${opts.page}`] : []), file, "-"];
  return run("pdftotext", args);
}

/** Decodes the QR codes at the bottom of every page (300 dpi greyscale), one array of texts per page. */
export function decodePageCodes(file: string): string[][] {
  const dir = mkdtempSync(path.join(tmpdir(), "print-qr-"));
  try {
    // Only the bottom quarter of each page, where the codes live: full pages at 300 dpi are slow to scan.
    const [w, h] = (pdfinfo(file).get("Page size") ?? "").split(/\s*x\s*|\s+pts/).map((v) => (Number(v) * 300) / 72);
    const crop = ["-x", "0", "-y", `${Math.floor(h * 0.75)}`, "-W", `${Math.ceil(w)}`, "-H", `${Math.ceil(h * 0.25)}`];
    run("pdftoppm", ["-r", "300", "-gray", ...crop, "-png", file, path.join(dir, "p")]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith(".png"))
      .sort();
    return pages.map((f) => {
      try {
        return run("zbarimg", ["-q", "--raw", "-Sdisable", "-Sqrcode.enable", path.join(dir, f)])
          .split("\n")
          .filter(Boolean);
      } catch {
        return []; // zbarimg exits 4 when it finds nothing
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders one page to a PNG at `dpi` and returns its path. */
export function pagePng(file: string, page: number, outBase: string, dpi = 110): string {
  run("pdftoppm", ["-r", `${dpi}`, "-f", `${page}`, "-l", `${page}`, "-png", "-singlefile", file, outBase]);
  return `${outBase}.png`;
}

/** Characters the tests require never to start a line (the list plus the small kana). */
export const MUST_NOT_START = "、。，．」』）】ー！？ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
/** Characters the tests require never to end a line. */
export const MUST_NOT_END = "「『（【";

/** Line-breaking violations in `pdftotext -layout` output; columns (runs of 2+ spaces) are checked separately. */
export function kinsokuViolations(layoutText: string): string[] {
  const problems: string[] = [];
  for (const line of layoutText.split("\n")) {
    for (const seg of line.split(/\s{2,}/).map((s) => s.trim())) {
      if (!seg) continue;
      const first = seg[0];
      const last = seg[seg.length - 1];
      if (MUST_NOT_START.includes(first)) problems.push(`starts with ${first}: ${seg}`);
      if (MUST_NOT_END.includes(last) || NO_LINE_END.includes(last)) problems.push(`ends with ${last}: ${seg}`);
      if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]-$/u.test(seg)) problems.push(`hyphen after Japanese: ${seg}`);
    }
  }
  return problems;
}
