import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ContactBlock, DialogueBlock, ListBlock, Question, Section, TableBlock } from "../model/types.ts";
import { inlineText, listUnits } from "../model/walk.ts";
import { loadSite } from "./load.ts";

const project = path.resolve(import.meta.dirname, "../../test/fixtures/project");

async function fixture() {
  const { site, diagnostics } = await loadSite(project);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!site) throw new Error("fixture did not load");
  return { site, leaflet: site.leaflets[0] };
}

describe("parseLeaflet on a real Japanese leaflet", () => {
  it("reads the header, with settings as defaults; an issuer it does not name stays unnamed", async () => {
    const { site, leaflet } = await fixture();
    expect(site.settings.baseUrl).toBe("https://www.city.test.example.jp/leaflets/");
    expect(leaflet).toMatchObject({
      slug: "card-pickup",
      file: "content/leaflets/card-pickup.md",
      title: "マイナンバーカードの受け取り",
      issuer: undefined,
      date: "2020-05-25",
      asOf: "2020-05-25",
      layout: "leaflet",
      braille: { label: "マイナンバー ツーチ" },
      audio: { speed: 1 },
    });
    expect(leaflet.speakers).toEqual([
      { id: "mina", name: "マイナちゃん", reading: "まいなちゃん", pitch: 4, voice: undefined },
      { id: "baachan", name: "マイナンバあちゃん", reading: undefined, pitch: -2, voice: undefined },
    ]);
    expect(site.lexicon.map((e) => [e.word, e.reading, e.pos.line])).toEqual([
      ["個人番号", "コジンバンゴウ", 1],
      ["行徳", "ギョウトク", 3],
    ]);
  });

  it("builds sections with their questions, and keeps the lead paragraph before them", async () => {
    const { leaflet } = await fixture();
    expect(leaflet.body[0]).toMatchObject({ type: "paragraph", pos: { line: 17, column: 1 } });
    expect(listUnits(leaflet).map((u) => [u.type, u.id, u.pos.line])).toEqual([
      ["section", "counters", 19],
      ["question", "q28", 32],
      ["question", "q29", 36],
      ["section", "dialogue", 40],
    ]);
    const counters = leaflet.body[1] as Section;
    const q28 = counters.children.find((c) => c.type === "question") as Question;
    expect(inlineText(q28.question)).toBe("市のどこの窓口でも受け取れるのでしょうか。");
    expect(q28.number).toBe(28);
    expect(q28.answer[0]).toMatchObject({
      type: "paragraph",
      children: [
        { type: "text", value: "市役所本庁舎と" },
        { type: "ruby", base: "行徳", reading: "ぎょうとく", display: false },
        { type: "text", value: "支所の" },
        { type: "strong", children: [{ type: "text", value: "2箇所" }] },
        { type: "text", value: "を窓口とさせて頂きます。" },
      ],
    });
  });

  it("reads display ruby, emphasis, nested lists and ※ notes", async () => {
    const { leaflet } = await fixture();
    const counters = leaflet.body[1] as Section;
    expect(counters.children[0]).toMatchObject({
      type: "paragraph",
      children: [
        { type: "text", value: "市役所本庁舎と" },
        { type: "ruby", base: "行徳", reading: "ぎょうとく", display: true },
        { type: "text", value: "支所の" },
        { type: "emphasis", children: [{ type: "text", value: "2箇所" }] },
        { type: "text", value: "です。" },
      ],
    });
    const bullets = counters.children[1] as ListBlock;
    expect(bullets.ordered).toBe(false);
    expect(bullets.items[1].children[1]).toMatchObject({ type: "list", items: [{ children: [{ type: "paragraph" }] }] });
    const steps = counters.children[2] as ListBlock;
    expect(steps).toMatchObject({ ordered: true, start: 1 });
    expect(counters.children[3]).toMatchObject({
      type: "note",
      children: [{ type: "text", value: "申請から受け取りまで日数が掛かります。" }],
    });
  });

  it("reads dialogue lines by declared speakers, by id or by name, with continuation lines", async () => {
    const { leaflet } = await fixture();
    const section = leaflet.body[2] as Section;
    const dialogue = section.children[0] as DialogueBlock;
    expect(dialogue.lines.map((l) => [l.speaker, inlineText(l.children), l.pos.line])).toEqual([
      ["mina", "普通に持ち歩いていいの？", 43],
      ["baachan", "ええんじゃよ。\nキャッシュカードの感覚が近いかの。", 44],
      ["mina", "わかった！", 46],
    ]);
  });

  it("reads tables with captions, images with alt text, and contact boxes with dialable numbers", async () => {
    const { leaflet } = await fixture();
    const section = leaflet.body[2] as Section;
    const table = section.children[1] as TableBlock;
    expect(inlineText(table.caption)).toBe("受け取りに必要なもの");
    expect(table.header.map(inlineText)).toEqual(["持ち物", "備考"]);
    expect(table.rows.map((r) => r.map(inlineText))).toEqual([
      ["交付通知書", "はがき"],
      ["本人確認書類", "運転免許証など"],
    ]);
    expect(section.children[2]).toMatchObject({
      type: "image",
      name: "card.png",
      alt: "マイナンバーカードのおもて面。氏名、住所、顔写真が記載されている。",
      file: path.join(project, "content/images/card.png"),
    });
    const contact = section.children[3] as ContactBlock;
    expect(inlineText(contact.title)).toBe("マイナンバー総合フリーダイヤル");
    expect(contact.entries.map((e) => [e.kind, e.label, e.number, e.dial, e.remark])).toEqual([
      ["freedial", "フリーダイヤル", "0120-95-0178", "0120950178", "（無料）"],
      ["phone", "電話", "0570-783-578", "0570783578", ""],
      ["fax", "FAX", "047-712-8764", "0477128764", ""],
      ["hours", "受付時間", undefined, undefined, undefined],
    ]);
  });
});
