import { describe, expect, it } from "vitest";
import { normalizeText, READING_RULES } from "./rules.ts";

describe("the table of reading rules", () => {
  for (const rule of READING_RULES) {
    describe(rule.id, () => {
      it("has examples", () => {
        expect(rule.examples.length).toBeGreaterThan(0);
      });
      for (const [before, after] of rule.examples) {
        it(`${JSON.stringify(before)} → ${JSON.stringify(after)}`, () => {
          expect(rule.apply(before)).toBe(after);
        });
      }
    });
  }

  it("rule ids are unique", () => {
    const ids = READING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("normalizeText (all rules in order) on government text", () => {
  const cases: [string, string][] = [
    [
      "受付時間：平日 9時30分～20時00分、土日祝 9時30分～17時30分",
      "受付時間、平日 9時30分から20時まで、土曜日、日曜日、祝日 9時30分から17時30分まで",
    ],
    ["受付は１２：３０～１３：００です。", "受付は12時30分から13時までです。"],
    ["4月1日から10日まで、1日から受け付けます。", "4月1日から10日まで、ツイタチから受け付けます。"],
    ["※詳しくはhttps://www.kojinbango-card.go.jp/をご覧ください。", "詳しくはホームページのアドレスをご覧ください。"],
    ["TEL：047-334-1111　FAX：047-334-1112", "電話、047-334-1111 ファックス、047-334-1112"],
    ["J-LISのATMとe-Taxで使えるICチップ", "ジェイリスのエーティーエムとイータックスで使えるアイシーチップ"],
    ["生年月日と住所", "生年月日と住所"],
    ["令和3年4月～令和4年3月", "令和3年4月から令和4年3月"],
  ];
  for (const [before, after] of cases) {
    it(before, () => {
      expect(normalizeText(before)).toBe(after);
    });
  }
});
