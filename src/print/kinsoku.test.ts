import { describe, expect, it } from "vitest";
import { breakUnits, kinsokuHyphenation, mayBreakBetween, NO_LINE_END, NO_LINE_START, RUN_BREAK } from "./kinsoku.ts";

const SAMPLE =
  "マイナンバーカードは、住民票を持つ全ての方（外国人も含む）に割り振られる12桁の個人番号が記載されたカードです。「マイナポータル」（https://myna.go.jp/）から申請できます。お問い合わせは0120-95-0178（無料）まで。ちょっと、ぎゅっと！？　手数料は1,000円です。";

describe("breakUnits", () => {
  const units = breakUnits(SAMPLE);

  it("keeps the text intact", () => {
    expect(units.join("")).toBe(SAMPLE);
  });

  it("never lets a unit start with a character that must not start a line", () => {
    for (const u of units) expect(NO_LINE_START.includes(u[0]), `unit 「${u}」`).toBe(false);
  });

  it("never lets a unit end with an opening bracket", () => {
    for (const u of units) expect(NO_LINE_END.includes(u[u.length - 1]), `unit 「${u}」`).toBe(false);
  });

  it("keeps URLs, phone numbers and numbers with separators whole", () => {
    const hasWhole = (s: string) => units.some((u) => u.includes(s));
    expect(hasWhole("https://myna.go.jp/")).toBe(true);
    expect(hasWhole("0120-95-0178")).toBe(true);
    expect(hasWhole("1,000")).toBe(true);
    expect(hasWhole("12")).toBe(true);
  });

  it("glues small kana and the long vowel mark to the character before", () => {
    expect(breakUnits("ちょっと")).toEqual(["ちょっ", "と"]);
    expect(breakUnits("カード")).toEqual(["カー", "ド"]);
  });

  it("glues opening brackets to what follows and closing ones to what precedes", () => {
    expect(breakUnits("「安心」です。")).toEqual(["「安", "心」", "で", "す。"]);
  });
});

describe("kinsokuHyphenation", () => {
  it("separates units with empty strings (zero-width breaks, never a hyphen)", () => {
    const parts = kinsokuHyphenation("番号です。");
    expect(parts).toEqual(["番", "", "号", "", "で", "", "す。"]);
    expect(parts.join("")).not.toContain("-");
  });

  it("allows a break after a run that ends with the run-break mark", () => {
    expect(kinsokuHyphenation(`重要${RUN_BREAK}`)).toEqual(["重", "", "要", ""]);
  });

  it("passes spaces through untouched", () => {
    expect(kinsokuHyphenation("  ")).toEqual(["  "]);
  });
});

describe("mayBreakBetween", () => {
  it("forbids breaks before closing punctuation and after opening brackets", () => {
    expect(mayBreakBetween("重要", "。")).toBe(false);
    expect(mayBreakBetween("「", "重要")).toBe(false);
    expect(mayBreakBetween("重要", "です")).toBe(true);
  });

  it("forbids breaks inside a number or address split across styled runs", () => {
    expect(mayBreakBetween("0120", "-95")).toBe(false);
  });
});
