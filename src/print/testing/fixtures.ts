// Small hand-made leaflet models for the print and codes tests (real Japanese text, real structure).

import { defaultSettings } from "../../content/settings.ts";
import type { Block, Inline, Leaflet, Question, Section, SiteModel, SourcePos } from "../../model/types.ts";

const FILE = "content/leaflets/test-fixture.md";
let line = 1;
const pos = (): SourcePos => ({ file: FILE, line: line++, column: 1 });
const t = (value: string): Inline => ({ type: "text", value });
const p = (...children: Inline[]): Block => ({ type: "paragraph", children, pos: pos() });

/** Settings as in content/settings.yaml, with the Debian font paths. */
export function fixtureSettings(): SiteModel["settings"] {
  return defaultSettings({
    siteName: "マイナンバー リーフレット集",
    baseUrl: "https://www.city.ichikawa.example.jp/leaflets/",
    issuer: "市川市 市民課",
  });
}

/** A short dialogue leaflet with ruby, a note, a contact box and a table. */
export function dialogueLeaflet(): Leaflet {
  return {
    slug: "card-safety",
    file: FILE,
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
    pos: pos(),
    body: [
      p(t("マイナンバーカードは、身分証明書として使えるだけでなく、コンビニで住民票の写しなどを取得できる便利なカードです。")),
      {
        type: "section",
        id: "carrying",
        title: [t("持ち歩いても大丈夫？")],
        pos: pos(),
        children: [
          {
            type: "dialogue",
            pos: pos(),
            lines: [
              { speaker: "mina", children: [t("マイナンバーカードって、普通に持ち歩いていいの？　落としたらどうしよう……。")], pos: pos() },
              {
                speaker: "baachan",
                children: [
                  t("ええんじゃよ。キャッシュカードの感覚が近いかの。"),
                  { type: "strong", children: [t("ICチップには税や年金の情報は入っておらん")] },
                  t("から、安心して持ち歩きなされ。"),
                ],
                pos: pos(),
              },
            ],
          },
          { type: "note", children: [t("紛失・盗難の際は、すぐに一時利用停止の手続きをしてください（24時間365日受付）。")], pos: pos() },
        ],
      },
      {
        type: "section",
        id: "pin",
        title: [t("暗証番号の管理")],
        pos: pos(),
        children: [
          p(
            t("暗証番号は、"),
            { type: "ruby", base: "他人", reading: "たにん", display: true },
            t("に教えたり、カードと一緒に"),
            { type: "ruby", base: "保管", reading: "ほかん", display: true },
            t("したりしないでください。「1234」や生年月日など、推測されやすい番号は避けましょう。"),
          ),
          {
            type: "table",
            caption: [t("暗証番号の種類")],
            header: [[t("暗証番号")], [t("桁数")]],
            rows: [
              [[t("署名用電子証明書")], [t("英数字6〜16文字")]],
              [[t("利用者証明用電子証明書")], [t("数字4桁")]],
            ],
            align: [null, null],
            pos: pos(),
          },
          {
            type: "contact",
            title: [t("マイナンバー総合フリーダイヤル")],
            entries: [
              {
                kind: "freedial",
                label: "フリーダイヤル",
                value: "0120-95-0178（無料）",
                dial: "0120950178",
                number: "0120-95-0178",
                remark: "（無料）",
                pos: pos(),
              },
              { kind: "hours", label: "受付時間", value: "平日 9時30分～20時00分、土日祝 9時30分～17時30分（年末年始を除く）", pos: pos() },
              { kind: "url", label: "ホームページ", value: "https://www.kojinbango-card.go.jp/", pos: pos() },
            ],
            pos: pos(),
          },
        ],
      },
    ],
  };
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
        question: [t(`Q${num}の質問：${QUESTION_TEXTS[num % QUESTION_TEXTS.length]}`)],
        answer: [
          p(t(ANSWER)),
          ...(num % 4 === 0
            ? [{ type: "note", children: [t("手数料は無料です。ただし、再交付の場合は1,000円かかります。")], pos: pos() } as Block]
            : []),
        ],
        pos: pos(),
      });
    }
    body.push({
      type: "section",
      id: `part-${s + 1}`,
      title: [t(["カードの受け取り", "暗証番号", "引っ越し・紛失"][s % 3])],
      children,
      pos: pos(),
    });
  }
  return {
    slug: "mynumber-faq",
    file: FILE,
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
    pos: pos(),
    body,
  };
}

/** A site model holding the given leaflets. */
export function fixtureSite(...leaflets: Leaflet[]): SiteModel {
  return { settings: fixtureSettings(), lexicon: [], leaflets };
}
