import { describe, expect, it } from "vitest";
import { TIMING_MAP_VERSION, type TimingMap } from "../edition/timing.ts";
import { leafletRuns, sentenceId, sentencesOf } from "../model/sentences.ts";
import type { Inline } from "../model/types.ts";
import { allElements, deepText, parseXml } from "./check/xmltree.ts";
import { bookImageNames, leafletImages, partDocuments, titleRuns } from "./content.ts";
import { bookLeaflet } from "./testing/fixture.ts";

const leaflet = bookLeaflet("/nonexistent/card-front.png");
const timing: TimingMap = {
  version: TIMING_MAP_VERSION,
  slug: leaflet.slug,
  title: leaflet.title,
  leafletAudio: { path: "card-pickup/audio/card-pickup-all.mp3", durationSeconds: 1 },
  parts: [
    {
      id: "_credits",
      kind: "credits",
      title: "クレジット",
      level: 2,
      durationSeconds: 1,
      offsetSeconds: 0,
      sentences: [
        {
          id: "_credits--0-s0",
          role: "text",
          path: "0",
          text: "音声合成には、オープンジェイトークを使用しています。",
          start: 0.3,
          end: 0.9,
        },
      ],
    },
  ],
};
const epub = partDocuments(leaflet, timing, { dialect: "epub", imageSrc: (n) => `../images/${n}` });
const daisy = partDocuments(leaflet, timing, { dialect: "daisy", imageSrc: (n) => n, imageAllowed: () => true });
const xml = (body: string) => parseXml(`<body xmlns="http://www.w3.org/1999/xhtml">${body}</body>`).root;

describe("partDocuments", () => {
  it("makes one document per audio part in reading order, with the levels of the leaflet's structure", () => {
    expect(epub.map((d) => [d.partId, d.kind, d.level])).toEqual([
      ["_intro", "intro", 1],
      ["counters", "section", 2],
      ["q1", "question", 3],
      ["q2", "question", 2],
      ["_credits", "credits", 2],
    ]);
    expect(epub.map((d) => d.title)).toEqual([
      "マイナンバーカードの受け取り",
      "受け取りの窓口",
      "Q1. 代理人でも受け取れますか。",
      "Q2. 手数料はかかりますか。",
      "クレジット",
    ]);
  });

  it("wraps every sentence of the model in an element whose id is its sentence id, for both dialects", () => {
    // Every sentence the audio edition can speak: the runs of the model and the title page's title and issuer.
    const runs = [...titleRuns(leaflet), ...leafletRuns(leaflet)];
    const expected = runs.flatMap((r) => sentencesOf(r.inlines).map((s, n) => ({ id: sentenceId(r, n), text: s })));
    for (const docs of [epub, daisy]) {
      const elements = new Map(
        docs
          .flatMap((d) => allElements(xml(d.body)))
          .filter((e) => e.attrs.id)
          .map((e) => [e.attrs.id, e]),
      );
      for (const { id } of expected) expect(elements.has(id), id).toBe(true);
      // The sentence elements hold the sentence's text (an image holds it as alt).
      const first = elements.get("counters--0-s0")!;
      expect(deepText(first)).toMatch(/^行徳.*支所でも受け取れます。$/);
      expect(elements.get("counters--3-s0")!.attrs.alt).toBe("カードの表面の見本。");
      expect(elements.get("_credits--0-s0")).toBeDefined();
    }
    // The unit ids are the headings' ids, so links to `q1.xhtml#q1` land on the question.
    expect(epub.map((d) => d.headingId)).toEqual(["_title--h", "counters", "q1", "q2", "_credits--h"]);
    // The title is spoken whole (its id is the audio's), a table row as one sentence of its own.
    const intro = allElements(xml(epub[0].body));
    expect(deepText(intro.find((e) => e.attrs.id === "_title--h-s0")!)).toBe("マイナンバーカードの受け取り");
    expect(deepText(intro.find((e) => e.attrs.class === "issuer")!)).toBe("発行：市川市 市民課");
    expect(allElements(xml(epub[1].body)).find((e) => e.attrs.id === "counters--2-0-s0")?.name).toBe("tr");
  });

  it("shows ruby as <ruby> with <rp> in EPUB and as a reading in brackets in DAISY's XHTML 1.0", () => {
    const e = allElements(xml(epub[1].body));
    expect(e.map((x) => x.name)).toEqual(expect.arrayContaining(["ruby", "rt", "rp"]));
    expect(epub[1].ruby).toBe(true);
    expect(allElements(xml(daisy[1].body)).some((x) => x.name === "ruby")).toBe(false);
    expect(daisy[1].body).toContain('行徳<span class="reading">（ぎょうとく）</span>');
  });

  it("marks the structure: question numbers, speakers, table headers, list numbers", () => {
    const q2 = xml(epub[3].body);
    expect(deepText(allElements(q2).find((e) => e.name === "h2")!)).toBe("Q2. 手数料はかかりますか。");
    expect(
      allElements(q2)
        .filter((e) => e.attrs.class === "speaker")
        .map(deepText),
    ).toEqual(["マイナちゃん", "マイナンバあちゃん"]);
    const section = allElements(xml(epub[1].body));
    expect(section.filter((e) => e.name === "th").map((e) => [deepText(e), e.attrs.scope])).toEqual([
      ["曜日", "col"],
      ["時間", "col"],
    ]);
    expect(section.find((e) => e.name === "ol")!.children.map(deepText)).toEqual(["本人確認書類", "交付通知書"]);
    expect(epub[1].images.map((i) => i.name)).toEqual(["card-front.png"]);
  });

  it("replaces an image DAISY cannot hold by its alt text, keeping the id the audio points at", () => {
    const docs = partDocuments(leaflet, timing, { dialect: "daisy", imageSrc: (n) => n, imageAllowed: (n) => n.endsWith(".gif") });
    const el = allElements(xml(docs[1].body)).find((e) => e.attrs.id === "counters--3-s0")!;
    expect([el.name, deepText(el)]).toEqual(["p", "図：カードの表面の見本。"]);
    expect(docs[1].images).toEqual([]);
  });

  it("never writes a script link, and gives ids XML accepts when a unit id starts with a digit", () => {
    const l = bookLeaflet("/x.png");
    l.body = [
      {
        type: "section",
        id: "2024-news",
        title: [{ type: "text", value: "お知らせ" }],
        children: [
          {
            type: "paragraph",
            children: [
              { type: "link", url: "javascript:alert(1)", children: [{ type: "text", value: "ここ" }] },
              { type: "link", url: "https://www.city.example.lg.jp/", children: [{ type: "text", value: "市のページ" }] },
            ],
            pos: l.pos,
          },
        ],
        pos: l.pos,
      },
    ];
    const [, news] = partDocuments(l, timing, { dialect: "daisy", imageSrc: (n) => n });
    expect(news.body).not.toContain("javascript:");
    expect(news.body).toContain('<a href="https://www.city.example.lg.jp/">市のページ</a>');
    expect(news.headingId).toBe("x2024-news");
    expect(news.ids.get("2024-news--0-s0")).toBe("x2024-news--0-s0");
  });

  it("keeps plain ASCII image names and renames the others, which CD-era DAISY players cannot open", () => {
    const l = bookLeaflet("/x.png");
    const [img] = leafletImages(l);
    expect(bookImageNames(l)).toEqual(new Map([["card-front.png", "card-front.png"]]));
    img.name = "カードの表面.PNG";
    expect(bookImageNames(l)).toEqual(new Map([["カードの表面.PNG", "image-1.png"]]));
    const [, counters] = partDocuments(l, timing, { dialect: "epub", imageSrc: (n) => `../images/${bookImageNames(l).get(n)}` });
    expect(counters.body).toContain('src="../images/image-1.png"');
  });

  it("marks a run in another language with it, and writes no issuer line when the leaflet names none", () => {
    const l = bookLeaflet("/x.png");
    l.issuer = "";
    const p = l.body[0];
    if (p.type !== "paragraph") throw new Error("fixture changed");
    // The model's run in another language (`:en[…]`), as the parser makes it.
    p.children.push({ type: "foreign", lang: "en", children: [{ type: "text", value: "Inquiries" }] } as unknown as Inline);
    const [intro] = partDocuments(l, timing, { dialect: "epub", imageSrc: (n) => n });
    expect(intro.body).toContain('<span lang="en" xml:lang="en">Inquiries</span>');
    expect(intro.body).not.toContain("発行");
  });
});
