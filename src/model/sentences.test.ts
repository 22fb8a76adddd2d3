import { describe, expect, it } from "vitest";
import { sentenceId, sentencesOf, unitRuns } from "./sentences.ts";
import type { Inline, Question } from "./types.ts";
import { inlineText } from "./walk.ts";

const text = (value: string): Inline => ({ type: "text", value });

describe("sentencesOf", () => {
  it("cuts after 。！？ and keeps closing brackets with the sentence they close", () => {
    const s = sentencesOf([text("カードは届きましたか。「はい、届きました！」と答えます。本当？")]);
    expect(s.map(inlineText)).toEqual(["カードは届きましたか。", "「はい、届きました！」と答えます。", "本当？"]);
  });

  it("ends a sentence after a quoted one unless a particle continues it", () => {
    const s = sentencesOf([text("「窓口へ行きましょう。」それから申請します。「はい。」と言いました。")]);
    expect(s.map(inlineText)).toEqual(["「窓口へ行きましょう。」", "それから申請します。", "「はい。」と言いました。"]);
  });

  it("loses no character: the sentences joined give the text back, blanks included", () => {
    const source = "暗証番号は４桁です。　数字だけで作ります。  ";
    const s = sentencesOf([text(source)]);
    expect(s.map(inlineText).join("")).toBe(source.replace(/\s+$/, "  "));
    expect(s).toHaveLength(2);
  });

  it("cuts a bold run or a link that spans a sentence end into two nodes of the same kind", () => {
    const inlines: Inline[] = [
      text("まず"),
      { type: "strong", children: [text("市役所へ。窓口で")] },
      { type: "link", url: "https://www.city.example.lg.jp/", children: [text("申請")] },
      text("します。"),
    ];
    const [first, second] = sentencesOf(inlines);
    expect(first).toEqual([text("まず"), { type: "strong", children: [text("市役所へ。")] }]);
    expect(second).toEqual([
      { type: "strong", children: [text("窓口で")] },
      { type: "link", url: "https://www.city.example.lg.jp/", children: [text("申請")] },
      text("します。"),
    ]);
  });

  it("never cuts ruby, and keeps a sentence without a final mark", () => {
    const inlines: Inline[] = [{ type: "ruby", base: "行徳", reading: "ぎょうとく", display: true }, text("支所で受け取れます")];
    expect(sentencesOf(inlines)).toEqual([inlines]);
  });

  it("gives nothing for blank text", () => {
    expect(sentencesOf([text("　 ")])).toEqual([]);
  });
});

describe("unitRuns and sentenceId", () => {
  const pos = { file: "content/leaflets/x.md", line: 1, column: 1 };
  const q: Question = {
    type: "question",
    id: "q3",
    number: 3,
    question: [text("どこで受け取れますか。")],
    answer: [
      { type: "paragraph", children: [text("市役所です。")], pos },
      {
        type: "list",
        ordered: true,
        start: 1,
        items: [{ children: [{ type: "paragraph", children: [text("本人確認書類")], pos }], pos }],
        pos,
      },
      { type: "dialogue", lines: [{ speaker: "mina", children: [text("そうなの？")], pos }], pos },
    ],
    pos,
  };

  it("addresses the heading and every run of the unit's blocks in reading order", () => {
    expect(unitRuns(q).map((r) => [r.path, r.role])).toEqual([
      ["h", "heading"],
      ["0", "paragraph"],
      ["1-0-0", "item"],
      ["2-0", "dialogue"],
    ]);
    expect(unitRuns(q)[2].number).toBe(1);
    expect(unitRuns(q)[3].speaker).toBe("mina");
  });

  it("makes ids that cannot collide with unit ids", () => {
    expect(sentenceId({ unit: "q3", path: "1-0-0" }, 0)).toBe("q3--1-0-0-s0");
    expect(sentenceId({ unit: "q3", path: "h" }, 1)).toBe("q3--h-s1");
  });
});
