import { describe, expect, it } from "vitest";
import { type BrailleBlock, paginate } from "./paginate.ts";
import { kanaToBraille } from "./writer.ts";

const para = (kana: string): BrailleBlock => ({ braille: kanaToBraille(kana), indent: 2, continuation: 0 });
const long = "マイナンバー カードワ ホンニン カクニンノ ショールイト シテ ツカエマス。 ".repeat(12).trim();

describe("braille pages", () => {
  const pages = paginate([para(long), para(long), para(long)]);

  it("has 32 cells per line and 22 lines per page", () => {
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toHaveLength(22);
      for (const line of page) expect([...line].length).toBeLessThanOrEqual(32);
    }
  });

  it("never splits a word across lines", () => {
    const words = new Set(kanaToBraille(long).split(/ +/));
    for (const page of pages)
      for (const [n, line] of page.entries()) {
        const text = n === 0 ? line.replace(/ +⠼[⠁-⠚]+$/, "") : line;
        for (const w of text.trim().split(/ +/).filter(Boolean)) expect(words.has(w), `${w} is a whole word`).toBe(true);
      }
  });

  it("starts paragraphs at the 3rd cell and continues at the 1st", () => {
    expect(pages[0][0].startsWith("  ⠵")).toBe(true);
    expect(pages[0][1].startsWith(" ")).toBe(false);
  });

  it("writes the page number at the right end of each page's first line", () => {
    pages.forEach((page, i) => {
      const first = page[0];
      expect([...first].length).toBe(32);
      expect(first.endsWith(kanaToBraille(String(i + 1)))).toBe(true);
      // at least three blanks between text and number
      expect(first).toMatch(/ {3}⠼[⠁-⠚]+$/);
    });
  });

  it("moves a heading that would end a page to the next page", () => {
    const filler = Array.from({ length: 21 }, () => para("ア"));
    const heading: BrailleBlock = { braille: kanaToBraille("ミダシ"), indent: 6, continuation: 6, keepWithNext: true };
    const out = paginate([...filler, heading, para("ホンブン")]);
    expect(out[0].join("\n")).not.toContain(kanaToBraille("ミダシ"));
    expect(out[1][0].startsWith(`      ${kanaToBraille("ミダシ")}`)).toBe(true);
  });

  it("honours other page sizes (18 lines for interpoint)", () => {
    const out = paginate([para(long)], { lines: 18, cells: 28, pageNumbers: false });
    for (const page of out) {
      expect(page).toHaveLength(18);
      for (const line of page) expect([...line].length).toBeLessThanOrEqual(28);
    }
  });
});
