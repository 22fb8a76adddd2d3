// The leaflet models the unit tests share: hand-made, real Japanese text, every block kind, positions filled in.
// Built with test/support/model.ts, so every header default is set in one place.
import type { Block, Inline, Leaflet, Question, Section, SiteModel, SourcePos } from "../../src/model/types.ts";
import { leafletModel, siteModel } from "./model.ts";

// ---------- audio and reading: a question with a contact box, and a dialogue section ----------

const AUDIO_FILE = "content/leaflets/test-card.md";
const atA = (line: number): SourcePos => ({ file: AUDIO_FILE, line, column: 1 });
const tA = (value: string): Inline[] => [{ type: "text", value }];

/** A two-unit leaflet: a question with a contact box, and a dialogue section. */
export function smallLeaflet(overrides: Partial<Leaflet> = {}): Leaflet {
  return leafletModel({
    slug: "test-card",
    file: AUDIO_FILE,
    title: "マイナンバーカードの受け取り",
    summary: "受け取りの案内です。",
    issuer: "市川市 市民課",
    date: "2024-04-01",
    source: "市川市「マイナンバーカードの受け取り」",
    layout: "leaflet",
    speakers: [
      { id: "mina", name: "マイナちゃん", reading: "マイナちゃん", pitch: 4 },
      { id: "baachan", name: "マイナンバあちゃん", reading: "マイナンバあちゃん", pitch: -2 },
    ],
    braille: { label: "マイナンバーカード" },
    audio: { speed: 1 },
    uniVoice: false,
    pos: atA(1),
    body: [
      {
        type: "question",
        id: "q1",
        number: 1,
        question: tA("どこで受け取れますか。"),
        answer: [
          {
            type: "paragraph",
            children: [{ type: "text", value: "市役所の窓口で、平日9時30分～17時00分に受け取れます。" }],
            pos: atA(12),
          },
          {
            type: "contact",
            title: tA("問い合わせ"),
            entries: [{ kind: "phone", label: "TEL", value: "047-334-1111", number: "047-334-1111", dial: "0473341111", pos: atA(16) }],
            pos: atA(15),
          },
        ],
        pos: atA(10),
      },
      {
        type: "section",
        id: "carrying",
        title: tA("持ち歩き方"),
        children: [
          {
            type: "dialogue",
            lines: [
              { speaker: "mina", children: tA("普通に持ち歩いていいの？"), pos: atA(22) },
              { speaker: "baachan", children: tA("ええんじゃよ。"), pos: atA(23) },
            ],
            pos: atA(21),
          },
        ],
        pos: atA(20),
      },
    ],
    ...overrides,
  });
}

/** A site holding the given leaflets, with Open JTalk chosen automatically. */
export function smallSite(leaflets: Leaflet[]): SiteModel {
  return siteModel(leaflets, { siteName: "テスト", baseUrl: "https://www.city.example.lg.jp/leaflets/", issuer: "市川市 市民課" }, [
    { word: "個人番号", reading: "コジンバンゴウ", pos: atA(1) },
  ]);
}

// ---------- print and codes: a dialogue leaflet and an FAQ booklet ----------

const PRINT_FILE = "content/leaflets/test-fixture.md";
let printLine = 1;
const posP = (): SourcePos => ({ file: PRINT_FILE, line: printLine++, column: 1 });
const tP = (value: string): Inline => ({ type: "text", value });
const pP = (...children: Inline[]): Block => ({ type: "paragraph", children, pos: posP() });

/** Settings as in content/settings.yaml, with the Debian font paths. */
export function fixtureSettings(): SiteModel["settings"] {
  return siteModel([], {
    siteName: "マイナンバー リーフレット集",
    baseUrl: "https://www.city.ichikawa.example.jp/leaflets/",
    issuer: "市川市 市民課",
  }).settings;
}

/** A short dialogue leaflet with ruby, a note, a contact box and a table. */
export function dialogueLeaflet(): Leaflet {
  return leafletModel({
    slug: "card-safety",
    file: PRINT_FILE,
    title: "知って安心！ マイナンバーカードの使い方",
    summary: "マイナンバーカードの持ち歩き方、提示のしかた、暗証番号の管理を会話で説明します。",
    issuer: "内閣府 大臣官房 番号制度担当室",
    date: "2021-10-01",
    source: "内閣府「知って安心！マイナンバーカードの使い方」を元に作成",
    layout: "leaflet",
    speakers: [
      { id: "mina", name: "マイナちゃん", pitch: 4 },
      { id: "baachan", name: "マイナンバあちゃん", pitch: -2 },
    ],
    braille: { label: "マイナンバーカード アンシン" },
    audio: { speed: 1 },
    uniVoice: false,
    pos: posP(),
    body: [
      pP(tP("マイナンバーカードは、身分証明書として使えるだけでなく、コンビニで住民票の写しなどを取得できる便利なカードです。")),
      {
        type: "section",
        id: "carrying",
        title: [tP("持ち歩いても大丈夫？")],
        pos: posP(),
        children: [
          {
            type: "dialogue",
            pos: posP(),
            lines: [
              {
                speaker: "mina",
                children: [tP("マイナンバーカードって、普通に持ち歩いていいの？　落としたらどうしよう……。")],
                pos: posP(),
              },
              {
                speaker: "baachan",
                children: [
                  tP("ええんじゃよ。キャッシュカードの感覚が近いかの。"),
                  { type: "strong", children: [tP("ICチップには税や年金の情報は入っておらん")] },
                  tP("から、安心して持ち歩きなされ。"),
                ],
                pos: posP(),
              },
            ],
          },
          { type: "note", children: [tP("紛失・盗難の際は、すぐに一時利用停止の手続きをしてください（24時間365日受付）。")], pos: posP() },
        ],
      },
      {
        type: "section",
        id: "pin",
        title: [tP("暗証番号の管理")],
        pos: posP(),
        children: [
          pP(
            tP("暗証番号は、"),
            { type: "ruby", base: "他人", reading: "たにん", display: true },
            tP("に教えたり、カードと一緒に"),
            { type: "ruby", base: "保管", reading: "ほかん", display: true },
            tP("したりしないでください。「1234」や生年月日など、推測されやすい番号は避けましょう。"),
          ),
          {
            type: "table",
            caption: [tP("暗証番号の種類")],
            header: [[tP("暗証番号")], [tP("桁数")]],
            rows: [
              [[tP("署名用電子証明書")], [tP("英数字6〜16文字")]],
              [[tP("利用者証明用電子証明書")], [tP("数字4桁")]],
            ],
            align: [null, null],
            pos: posP(),
          },
          {
            type: "contact",
            title: [tP("マイナンバー総合フリーダイヤル")],
            entries: [
              {
                kind: "freedial",
                label: "フリーダイヤル",
                value: "0120-95-0178（無料）",
                dial: "0120950178",
                number: "0120-95-0178",
                remark: "（無料）",
                pos: posP(),
              },
              {
                kind: "hours",
                label: "受付時間",
                value: "平日 9時30分～20時00分、土日祝 9時30分～17時30分（年末年始を除く）",
                pos: posP(),
              },
              { kind: "url", label: "ホームページ", value: "https://www.kojinbango-card.go.jp/", pos: posP() },
            ],
            pos: posP(),
          },
        ],
      },
    ],
  });
}

const QUESTION_TEXTS = [
  "マイナンバーカードはどこで受け取れますか。",
  "受け取りに必要なものは何ですか。",
  "代理人が受け取ることはできますか。",
  "暗証番号を忘れてしまいました。",
  "カードをなくしたときはどうすればよいですか。",
  "引っ越しをしたときの手続きを教えてください。",
];
const ANSWER =
  "市役所本庁舎の市民課窓口（1階）、または行徳支所でお受け取りいただけます。受け取りの際は、交付通知書（はがき）と本人確認書類をお持ちください。混雑時は1時間以上お待ちいただく場合があります。詳しくはhttps://www.city.ichikawa.example.jp/mynumber/をご覧いただくか、047-334-1111（代表）までお問い合わせください。";

/** An FAQ booklet of `n` questions in `sections` sections (the 62-question booklet shape, smaller). */
export function faqLeaflet(n = 18, sections = 3): Leaflet {
  const per = Math.ceil(n / sections);
  const body: Section[] = [];
  let num = 1;
  for (let s = 0; s < sections; s++) {
    const children: Question[] = [];
    for (let i = 0; i < per && num <= n; i++, num++) {
      children.push({
        type: "question",
        id: `q${num}`,
        number: num,
        question: [tP(`Q${num}の質問：${QUESTION_TEXTS[num % QUESTION_TEXTS.length]}`)],
        answer: [
          pP(tP(ANSWER)),
          ...(num % 4 === 0
            ? [{ type: "note", children: [tP("手数料は無料です。ただし、再交付の場合は1,000円かかります。")], pos: posP() } as Block]
            : []),
        ],
        pos: posP(),
      });
    }
    body.push({
      type: "section",
      id: `part-${s + 1}`,
      title: [tP(["カードの受け取り", "暗証番号", "引っ越し・紛失"][s % 3])],
      children,
      pos: posP(),
    });
  }
  return leafletModel({
    slug: "mynumber-faq",
    file: PRINT_FILE,
    title: "マイナンバーカード よくある質問",
    summary: "マイナンバーカードの受け取り、暗証番号、引っ越しや紛失のときの手続きについて、よくある質問にお答えします。",
    issuer: "市川市 市民課",
    date: "2024-04-01",
    source: "市川市「マイナンバーカード よくある質問」を元に作成",
    layout: "booklet",
    speakers: [],
    braille: { label: "マイナンバーカード シツモン" },
    audio: { speed: 1 },
    uniVoice: true,
    pos: posP(),
    body,
  });
}

/** A site model holding the given leaflets. */
export function fixtureSite(...leaflets: Leaflet[]): SiteModel {
  return { settings: fixtureSettings(), lexicon: [], leaflets };
}

// ---------- site: one leaflet with every edition and block kind, one with none ----------

const posS = (line: number, file = "content/leaflets/card-safety-mini.md"): SourcePos => ({ file, line, column: 1 });
const tS = (value: string): Inline => ({ type: "text", value });

/** Two leaflets covering every block kind: one with every edition, one with none. */
export function fixtureModel(imageFile: string): SiteModel {
  const withAll: Leaflet = leafletModel({
    slug: "card-safety-mini",
    file: "content/leaflets/card-safety-mini.md",
    title: "知って安心！ マイナンバーカードの使い方",
    summary: "マイナンバーカードの持ち歩き方と暗証番号の管理を、会話で説明します。",
    issuer: "○○市 市民課",
    date: "2024-04-01",
    source: "内閣府「知って安心！マイナンバーカードの使い方」を元に作成",
    sourceUrl: "https://www.cao.go.jp/bangouseido/",
    layout: "leaflet",
    speakers: [
      { id: "mina", name: "マイナちゃん", pitch: 4 },
      { id: "baachan", name: "マイナンバあちゃん", pitch: -2 },
    ],
    braille: { label: "マイナンバーカード アンシン" },
    audio: { speed: 1 },
    uniVoice: false,
    pos: posS(1),
    body: [
      {
        type: "paragraph",
        pos: posS(20),
        children: [
          { type: "ruby", base: "市川市", reading: "いちかわし", display: true },
          tS("では、"),
          { type: "ruby", base: "行徳", reading: "ぎょうとく", display: false },
          tS("支所でもカードを受け取れます。"),
        ],
      },
      {
        type: "section",
        id: "carrying",
        title: [tS("持ち歩き方")],
        pos: posS(24),
        children: [
          {
            type: "dialogue",
            pos: posS(26),
            lines: [
              { speaker: "mina", pos: posS(27), children: [tS("マイナンバーカードって、普通に持ち歩いていいの？")] },
              {
                speaker: "baachan",
                pos: posS(28),
                children: [tS("ええんじゃよ。"), { type: "strong", children: [tS("キャッシュカード")] }, tS("の感覚が近いかの。")],
              },
            ],
          },
          { type: "note", pos: posS(30), children: [tS("カードを落としたときは、すぐにコールセンターへ連絡してください。")] },
          {
            type: "image",
            file: imageFile,
            name: "card-front.png",
            alt: "マイナンバーカードのおもて面。氏名、住所、生年月日、性別、顔写真が記載されている。",
            pos: posS(32),
          },
        ],
      },
      {
        type: "section",
        id: "pin",
        title: [tS("暗証番号の管理")],
        pos: posS(36),
        children: [
          {
            type: "list",
            ordered: false,
            start: 1,
            pos: posS(38),
            items: [
              { pos: posS(38), children: [{ type: "paragraph", pos: posS(38), children: [tS("暗証番号は他人に教えない")] }] },
              { pos: posS(39), children: [{ type: "paragraph", pos: posS(39), children: [tS("カードに暗証番号を書かない")] }] },
            ],
          },
          {
            type: "question",
            id: "q1",
            number: 1,
            question: [tS("暗証番号を忘れたらどうすればいいですか。")],
            pos: posS(42),
            answer: [
              { type: "paragraph", pos: posS(44), children: [tS("本人確認書類を持って、市役所の窓口で再設定してください。")] },
              { type: "heading", level: 4, pos: posS(46), children: [tS("窓口に持っていくもの")] },
              {
                type: "table",
                pos: posS(48),
                caption: [tS("再設定に必要なもの")],
                header: [[tS("来る人")], [tS("必要なもの")]],
                align: [null, null],
                rows: [
                  [[tS("本人")], [tS("マイナンバーカード")]],
                  [[tS("代理人")], [tS("照会書兼回答書、代理人の本人確認書類")]],
                ],
              },
            ],
          },
          {
            type: "question",
            id: "q2",
            number: 2,
            question: [tS("カードをなくしたときの連絡先は。")],
            pos: posS(56),
            answer: [
              {
                type: "contact",
                pos: posS(58),
                title: [tS("マイナンバー総合フリーダイヤル")],
                entries: [
                  {
                    kind: "freedial",
                    label: "フリーダイヤル",
                    value: "0120-95-0178（無料）",
                    dial: "0120950178",
                    number: "0120-95-0178",
                    remark: "（無料）",
                    pos: posS(59),
                  },
                  { kind: "phone", label: "電話", value: "047-334-1111", dial: "0473341111", number: "047-334-1111", pos: posS(60) },
                  { kind: "fax", label: "FAX", value: "047-334-1112", dial: "0473341112", number: "047-334-1112", pos: posS(61) },
                  { kind: "hours", label: "受付時間", value: "平日 9時30分～20時00分（年末年始を除く）", pos: posS(62) },
                ],
              },
            ],
          },
        ],
      },
      {
        type: "question",
        id: "q3",
        number: 3,
        question: [tS("カードの有効期限はいつまでですか。")],
        pos: posS(66),
        answer: [
          { type: "paragraph", pos: posS(68), children: [tS("発行日から10回目の誕生日までです（18歳未満の方は5回目）。")] },
          { type: "heading", level: 3, pos: posS(70), children: [tS("更新の案内")] },
          {
            type: "paragraph",
            pos: posS(72),
            children: [
              tS("期限の2〜3か月前に案内が届きます。詳しくは"),
              { type: "link", url: "https://www.kojinbango-card.go.jp/", children: [tS("マイナンバーカード総合サイト")] },
              tS("をご覧ください。"),
            ],
          },
        ],
      },
    ],
  });
  const plainFile = "content/leaflets/faq-mini.md";
  const noEditions: Leaflet = leafletModel({
    slug: "faq-mini",
    file: plainFile,
    title: "マイナンバー よくある質問",
    summary: "マイナンバー制度についてよくいただく質問と答えです。",
    issuer: "○○市 市民課",
    date: "2023-10-01",
    source: "○○市作成",
    layout: "leaflet",
    speakers: [],
    braille: { label: "マイナンバー シツモン" },
    audio: { speed: 1 },
    uniVoice: false,
    pos: posS(1, plainFile),
    body: [
      {
        type: "question",
        id: "q1",
        number: 1,
        question: [tS("マイナンバーって何ですか。")],
        pos: posS(10, plainFile),
        answer: [
          { type: "paragraph", pos: posS(12, plainFile), children: [tS("住民票を持つ全ての方に割り振られる12桁の番号です。")] },
          // A hostile link that must come out as plain text.
          {
            type: "paragraph",
            pos: posS(13, plainFile),
            children: [{ type: "link", url: "javascript:alert(1)", children: [tS("詳しい説明")] }, tS("もご覧ください。")],
          },
        ],
      },
      {
        type: "question",
        id: "q2",
        number: 2,
        question: [tS("緊急の相談はどこにすればいいですか。")],
        pos: posS(14, plainFile),
        answer: [
          {
            type: "contact",
            pos: posS(16, plainFile),
            title: [tS("警察相談専用電話")],
            entries: [{ kind: "phone", label: "電話", value: "#9110", dial: "#9110", number: "#9110", pos: posS(17, plainFile) }],
          },
        ],
      },
    ],
  });
  return siteModel([withAll, noEditions], {
    siteName: "○○市 お知らせリーフレット",
    baseUrl: "https://www.city.example.lg.jp/leaflets/",
    issuer: "○○市 市民課",
  });
}
