// Braille page layout: 32 cells × 22 lines by default, words never split across lines,
// paragraphs from the 3rd cell, headings indented by level, the page number at the right
// end of each page's first line (the "page line" of Japanese braille books).
import { kanaToBraille } from "./writer.ts";

export interface PageOptions {
  /** Cells per line. */
  cells: number;
  /** Lines per page. */
  lines: number;
  /** Write the page number on the first line of every page. */
  pageNumbers: boolean;
}

/** Single-sided embossing on Japanese braille paper. */
export const PAGE_DEFAULTS: PageOptions = { cells: 32, lines: 22, pageNumbers: true };

/** One logical line of braille to lay out, with its indents (in cells). */
export interface BrailleBlock {
  /** Unicode braille; words separated by blanks (ASCII spaces), more than one blank kept. */
  braille: string;
  /** Blank cells before the first line (2 for a paragraph: it starts at the 3rd cell). */
  indent: number;
  /** Blank cells before the following lines. */
  continuation: number;
  /** Keep on the same page as the next block (headings). */
  keepWithNext?: boolean;
  /** A blank line before the block (dropped at the top of a page). */
  blankBefore?: boolean;
}

/** Blank cells between the text of a page line and its page number. */
const PAGE_NUMBER_GAP = 3;

/** Lays blocks out into pages of lines (each line at most `cells` cells, blanks as spaces). */
export function paginate(blocks: BrailleBlock[], options: Partial<PageOptions> = {}): string[][] {
  return paginateLines(blocks, options).pages;
}

/** Pages of lines, and for each line the index of the block it came from (undefined for blank lines). */
export function paginateLines(
  blocks: BrailleBlock[],
  options: Partial<PageOptions> = {},
): { pages: string[][]; origins: (number | undefined)[][] } {
  const opts = { ...PAGE_DEFAULTS, ...options };
  if (opts.cells < 8 || opts.lines < 3) throw new Error(`page too small: ${opts.cells} cells × ${opts.lines} lines`);
  const pages: string[][] = [];
  const origins: (number | undefined)[][] = [];
  let page: string[] = [];
  let origin: (number | undefined)[] = [];
  let current: number | undefined;
  const pageNumber = (n = pages.length + 1) => kanaToBraille(String(n));
  /** Room for text on the k-th line from the current position (the page line is shorter). */
  const widthAt = (k: number) => {
    const at = page.length + k;
    if (!opts.pageNumbers || at % opts.lines !== 0) return opts.cells;
    return opts.cells - pageNumber(pages.length + 1 + Math.floor(at / opts.lines)).length - PAGE_NUMBER_GAP;
  };
  const finishPage = () => {
    if (page.length === 0) return;
    if (opts.pageNumbers) {
      const num = pageNumber();
      const first = page[0];
      page[0] = first + " ".repeat(opts.cells - [...first].length - num.length) + num;
    }
    pages.push(page);
    origins.push(origin);
    page = [];
    origin = [];
  };
  const pushLine = (line: string) => {
    page.push(line);
    origin.push(line === "" ? undefined : current);
    if (page.length === opts.lines) finishPage();
  };

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    current = b;
    if (block.blankBefore && page.length > 0) pushLine("");
    // A heading that would end a page moves to the next one with what follows it.
    if (block.keepWithNext && page.length > 0) {
      const needed = breakLines(block, opts.cells, () => opts.cells).length + 1;
      if (page.length + needed > opts.lines) {
        while (page.length > 0) pushLine("");
      }
    }
    for (const line of breakLines(block, opts.cells, widthAt)) pushLine(line);
  }
  if (page.length > 0) {
    while (page.length < opts.lines) {
      page.push("");
      origin.push(undefined);
    }
    finishPage();
  }
  return { pages, origins };
}

/** Word-wraps one block; a word longer than a whole line is the only thing ever cut. */
function breakLines(block: BrailleBlock, cells: number, widthAt: (k: number) => number): string[] {
  const lines: string[] = [];
  // Words with the blanks that precede them (two after a full stop, one otherwise).
  const words: { blanks: number; text: string }[] = [];
  for (const m of block.braille.trim().matchAll(/( *)([^ ]+)/g)) words.push({ blanks: m[1].length, text: m[2] });
  let line = " ".repeat(block.indent);
  let fresh = true;
  const flush = () => {
    lines.push(line.replace(/ +$/, ""));
    line = " ".repeat(Math.min(block.continuation, cells - 1));
    fresh = true;
  };
  for (const word of words) {
    let text = [...word.text];
    const sep = fresh ? 0 : word.blanks;
    if (!fresh && len(line) + sep + text.length > widthAt(lines.length)) flush();
    else if (!fresh) line += " ".repeat(sep);
    // Only a word longer than any line (a long URL) is cut, at the line end.
    while (len(line) + text.length > widthAt(lines.length)) {
      const room = widthAt(lines.length) - len(line);
      if (room <= 0 || !fresh) {
        flush();
        continue;
      }
      line += text.slice(0, room).join("");
      text = text.slice(room);
      flush();
    }
    line += text.join("");
    fresh = false;
  }
  if (!fresh || lines.length === 0) flush();
  return lines;

  function len(s: string): number {
    return [...s].length;
  }
}
