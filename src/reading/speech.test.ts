import { describe, expect, it } from "vitest";
import { smallLeaflet, smallSite } from "../../test/support/models.ts";
import { resolveEngine } from "../audio/engine.ts";
import { parseTrace, traceReading, traceSentences } from "../audio/trace.ts";
import type { Inline } from "../model/types.ts";
import { isSpeakable, leafletScript, MAX_UTTERANCE_CHARS, splitSentences, spokenText } from "./speech.ts";

const lexicon = smallSite([]).lexicon;

describe("spokenText: overrides, lexicon and rules together", () => {
  it("substitutes ruby readings as katakana, so Open JTalk (which has no user dictionary) reads them", async () => {
    const inlines: Inline[] = [
      { type: "ruby", base: "上手", reading: "うわて", display: false },
      { type: "text", value: "の窓口で、9時～17時00分に" },
    ];
    expect(await spokenText(inlines, lexicon)).toBe("ウワテの窓口で、9時から17時までに");
    // A ruby reading the dictionary gives too keeps the kanji, so the engine keeps its accent.
    expect(
      await spokenText(
        [
          { type: "ruby", base: "行徳", reading: "ぎょうとく", display: false },
          { type: "text", value: "支所で" },
        ],
        lexicon,
      ),
    ).toBe("行徳支所で");
  });
  it("applies the lexicon before the rules, and keeps the kanji where the dictionary reads it the same", async () => {
    // 個人番号 is コジンバンゴウ in the lexicon and in the dictionary: the engine gets the kanji and its own accent.
    expect(await spokenText([{ type: "text", value: "個人番号カードはATMで" }], lexicon)).toBe("個人番号カードはエーティーエムで");
    const own = [{ word: "個人番号", reading: "コジンナンバー", pos: { file: "x", line: 1, column: 1 } }];
    expect(await spokenText([{ type: "text", value: "個人番号カードはATMで" }], own)).toBe("コジンナンバーカードはエーティーエムで");
  });
  it("keeps the punctuation right after a fixed reading, so the pause stays where the author put it", async () => {
    const own = [{ word: "個人番号", reading: "コジンナンバー", pos: { file: "x", line: 1, column: 1 } }];
    expect(await spokenText([{ type: "text", value: "口座の個人番号、所得や資産" }], own)).toBe("口座のコジンナンバー、所得や資産");
    expect(await spokenText([{ type: "text", value: "、個人番号" }], own)).toBe("コジンナンバー");
  });
  it("reads fixed readings, written like furigana, as pronounced: a lengthening う becomes ー", async () => {
    const inlines: Inline[] = [{ type: "ruby", base: "東京都", reading: "とうきょうと", display: true }];
    expect(await spokenText(inlines, lexicon)).toBe("トーキョート");
  });
  it("never fires a lexicon entry inside a longer word (日中 in 当日中), nor joins two words' vowels", async () => {
    const own = [{ word: "日中", reading: "ニッチュウ", pos: { file: "x", line: 1, column: 1 } }];
    expect(await spokenText([{ type: "text", value: "当日中に届きます" }], own)).toBe("当日中に届きます");
    expect(await spokenText([{ type: "text", value: "日中は暑い" }], [{ ...own[0], reading: "ヒナカ" }])).toBe("ヒナカは暑い");
    const copy = [{ word: "住民票の写し", reading: "ジュウミンヒョウノウツシ", pos: { file: "x", line: 1, column: 1 } }];
    expect(await spokenText([{ type: "text", value: "住民票の写しを" }], copy)).toBe("住民票の写しを");
  });
  it("announces a run in another language instead of reading it as Japanese", async () => {
    const inlines: Inline[] = [
      { type: "text", value: "英語の案内：" },
      { type: "foreign", lang: "en", children: [{ type: "text", value: "Inquiries" }] },
    ];
    expect(await spokenText(inlines, lexicon)).toBe("英語の案内、英文省略");
  });
  it("adds pauses to a long run without punctuation, only after particles, so the engine's timing holds", async () => {
    const text =
      "住民票の写しや印鑑登録証明書などの各種証明書をコンビニエンスストアのマルチコピー機で取得することができるサービスを利用するには申請が必要です。";
    const spoken = await spokenText([{ type: "text", value: text }], []);
    expect(spoken.replace(/、/g, "")).toBe(text);
    const runs = spoken.split(/[、。]/).filter(Boolean);
    expect(runs.length).toBeGreaterThan(2);
    for (const r of runs) expect(r.length).toBeLessThan(40);
    for (const m of spoken.matchAll(/、/g)) expect("はがをにでもとやへ").toContain(spoken[m.index - 1]);
  });
});

describe("splitSentences", () => {
  it("splits after 。！？ and keeps the marks", () => {
    expect(splitSentences("はい。いいえ！本当？")).toEqual(["はい。", "いいえ！", "本当？"]);
  });
  it("splits an over-long sentence at 、 so the engine never gets more than the limit", () => {
    const long = `${"あ".repeat(100)}、${"い".repeat(100)}、${"う".repeat(50)}。`;
    const parts = splitSentences(long);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join("")).toBe(long);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_UTTERANCE_CHARS);
  });
  it("isSpeakable rejects punctuation-only text (Open JTalk exits 1 on it)", () => {
    expect(isSpeakable("、。")).toBe(false);
    expect(isSpeakable("はい")).toBe(true);
  });
});

describe("leafletScript", () => {
  const leaflet = smallLeaflet();
  it("announces title and issuer at the start", async () => {
    const script = await leafletScript(leaflet, { lexicon });
    expect(script.intro.utterances.map((u) => u.text)).toEqual(["マイナンバーカードの受け取り。", "発行、市川市 市民課。"]);
  });
  it("reads a question with its number, then the answer, with rules applied", async () => {
    const q1 = (await leafletScript(leaflet, { lexicon })).units[0];
    expect(q1.id).toBe("q1");
    expect(q1.utterances[0].text).toBe("質問1。どこで受け取れますか。");
    expect(q1.utterances.map((u) => u.text)).toContain("市役所の窓口で、平日9時30分から17時までに受け取れます。");
    expect(q1.utterances.map((u) => u.text)).toContain("電話、047-334-1111。");
    expect(q1.utterances.find((u) => u.text.startsWith("市役所"))?.pos.line).toBe(12);
  });
  it("precedes each dialogue line by the speaker's name and gives the line the speaker's pitch", async () => {
    const section = (await leafletScript(leaflet, { lexicon })).units[1];
    const lines = section.utterances.slice(1).map((u) => [u.text, u.pitch]);
    expect(lines).toEqual([
      ["マイナチャン。", 0],
      ["普通に持ち歩いていいの?", 4],
      ["マイナンバアチャン。", 0],
      ["ええんじゃよ。", -2],
    ]);
  });
  it("can name speakers only when they change, or never", async () => {
    const same = smallLeaflet();
    const dialogue = (same.body[1] as { children: { lines: { speaker: string }[] }[] }).children[0];
    dialogue.lines[1].speaker = "mina";
    const onChange = (await leafletScript(same, { lexicon, speakerNames: "on-change" })).units[1].utterances.map((u) => u.text);
    expect(onChange.filter((t) => t === "マイナチャン。")).toHaveLength(1);
    const never = (await leafletScript(same, { lexicon, speakerNames: "never" })).units[1].utterances.map((u) => u.text);
    expect(never.some((t) => t.endsWith("チャン。"))).toBe(false);
  });
});

describe("Open JTalk trace", () => {
  const trace = [
    "[Text analysis result]",
    "九,名詞,数,*,*,*,*,九,キュウ,ク,1/1,C3,0",
    "時,名詞,接尾,助数詞,*,*,*,時,ジ,ジ,1/1,C3,1",
    "。,記号,句点,*,*,*,*,。,、,、,0/0,*,0",
    "受け付け,動詞,自立,*,*,一段,連用形,受け付ける,ウケツケ,ウケツ’ケ,5/4,*,0",
    "ます,助動詞,*,*,*,特殊・マス,基本形,ます,マス,マス’,1/2,動詞%F4@1/助詞%F2@1,1",
    "。,記号,句点,*,*,*,*,。,、,、,0/0,*,0",
    "",
    "[Output label]",
    "0 3100000 xx^xx-sil+k=u/A:xx",
  ].join("\n");
  it("parses the words and removes accent marks", () => {
    expect(parseTrace(trace).map((w) => w.pronunciation)).toEqual(["ク", "ジ", "、", "ウケツケ", "マス", "、"]);
  });
  it("gives the reading with sentence ends, and per sentence", () => {
    expect(traceReading(trace)).toBe("クジ。ウケツケマス。");
    expect(traceSentences(trace)).toEqual(["クジ。", "ウケツケマス。"]);
  });
});

describe("a sentence longer than the engine takes (1,050 characters, no punctuation)", async () => {
  const engine = await resolveEngine({ engine: "openjtalk" });
  it("is cut at word boundaries into utterances whose breath groups the engine can time", { timeout: 120_000 }, async () => {
    const clause = "住民票の写しや印鑑登録証明書などの各種証明書をコンビニエンスストアのマルチコピー機で取得するサービスを利用する人は";
    const text = `${clause.repeat(Math.ceil(1050 / clause.length)).slice(0, 1050 - clause.length)}${clause}申請してください。`;
    const leaflet = smallLeaflet({
      body: [{ type: "paragraph", children: [{ type: "text", value: text }], pos: { file: "x.md", line: 3, column: 1 } }],
    });
    const script = await leafletScript(leaflet, { lexicon: [] });
    const utterances = script.intro.utterances.filter((u) => u.source === text);
    expect(utterances.length).toBeGreaterThan(5);
    // Nothing lost, nothing cut inside a word: the pieces are the sentence with pauses added.
    expect(
      utterances
        .map((u) => u.text)
        .join("")
        .replace(/、/g, ""),
    ).toBe(text);
    for (const u of utterances) {
      expect(u.text.length).toBeLessThanOrEqual(MAX_UTTERANCE_CHARS);
      const trace = await engine.analyze!(u.text, 60_000);
      // The engine's own breath groups (/I: accent phrases in the group): none past what it can time.
      const groups = [...trace.matchAll(/\/I:(\d+)-/g)].map((m) => Number(m[1]));
      expect(Math.max(...groups)).toBeLessThanOrEqual(8);
    }
  });
});

describe("readings Open JTalk really uses after normalisation (the misreadings in notes/audio.md)", async () => {
  const engine = await resolveEngine({ engine: "openjtalk" });
  const read = async (text: string) =>
    traceReading(await engine.analyze!(await spokenText([{ type: "text", value: text }], lexicon), 30_000));
  const cases: [string, string][] = [
    ["9時30分～20時00分", "クジサンジュップンカラニジュージマデ"],
    ["12:30", "ジューニジサンジュップン"],
    ["1日から10日", "ツイタチカラトーカ"],
    ["土・日・祝日", "ドヨービ、ニチヨービ、シュクジツ"],
    ["J-LIS", "ジェイリス"],
    ["e-Tax", "イータックス"],
    ["TEL", "デンワ"],
    ["0120-95-0178", "ゼロイチニーゼロ、キューゴー、ゼロイチナナハチ"],
    ["個人番号", "コジンバンゴー"],
  ];
  for (const [text, reading] of cases) {
    it(`${text} → ${reading}`, async () => {
      expect((await read(text)).replace(/[、。]$/, "")).toBe(reading);
    });
  }
});
