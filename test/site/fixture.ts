// A small hand-made site and real files standing in for the other editions, so site tests need no other renderer.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { createElement as h } from "react";
import sharp from "sharp";
import { defaultSettings } from "../../src/content/settings.ts";
import { createRenderContext } from "../../src/edition/context.ts";
import type { Artifact, RenderContext } from "../../src/edition/contract.ts";
import { layout } from "../../src/edition/layout.ts";
import type { Inline, Leaflet, SiteModel, SourcePos } from "../../src/model/types.ts";

const run = promisify(execFile);

const pos = (line: number, file = "content/leaflets/card-safety-mini.md"): SourcePos => ({ file, line, column: 1 });
const t = (value: string): Inline => ({ type: "text", value });

/** Two leaflets covering every block kind: one with every edition, one with none. */
export function fixtureModel(imageFile: string): SiteModel {
  const withAll: Leaflet = {
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
    pos: pos(1),
    body: [
      {
        type: "paragraph",
        pos: pos(20),
        children: [
          { type: "ruby", base: "市川市", reading: "いちかわし", display: true },
          t("では、"),
          { type: "ruby", base: "行徳", reading: "ぎょうとく", display: false },
          t("支所でもカードを受け取れます。"),
        ],
      },
      {
        type: "section",
        id: "carrying",
        title: [t("持ち歩き方")],
        pos: pos(24),
        children: [
          {
            type: "dialogue",
            pos: pos(26),
            lines: [
              { speaker: "mina", pos: pos(27), children: [t("マイナンバーカードって、普通に持ち歩いていいの？")] },
              {
                speaker: "baachan",
                pos: pos(28),
                children: [t("ええんじゃよ。"), { type: "strong", children: [t("キャッシュカード")] }, t("の感覚が近いかの。")],
              },
            ],
          },
          { type: "note", pos: pos(30), children: [t("カードを落としたときは、すぐにコールセンターへ連絡してください。")] },
          {
            type: "image",
            file: imageFile,
            name: "card-front.png",
            alt: "マイナンバーカードのおもて面。氏名、住所、生年月日、性別、顔写真が記載されている。",
            pos: pos(32),
          },
        ],
      },
      {
        type: "section",
        id: "pin",
        title: [t("暗証番号の管理")],
        pos: pos(36),
        children: [
          {
            type: "list",
            ordered: false,
            start: 1,
            pos: pos(38),
            items: [
              { pos: pos(38), children: [{ type: "paragraph", pos: pos(38), children: [t("暗証番号は他人に教えない")] }] },
              { pos: pos(39), children: [{ type: "paragraph", pos: pos(39), children: [t("カードに暗証番号を書かない")] }] },
            ],
          },
          {
            type: "question",
            id: "q1",
            number: 1,
            question: [t("暗証番号を忘れたらどうすればいいですか。")],
            pos: pos(42),
            answer: [
              { type: "paragraph", pos: pos(44), children: [t("本人確認書類を持って、市役所の窓口で再設定してください。")] },
              { type: "heading", level: 4, pos: pos(46), children: [t("窓口に持っていくもの")] },
              {
                type: "table",
                pos: pos(48),
                caption: [t("再設定に必要なもの")],
                header: [[t("来る人")], [t("必要なもの")]],
                align: [null, null],
                rows: [
                  [[t("本人")], [t("マイナンバーカード")]],
                  [[t("代理人")], [t("照会書兼回答書、代理人の本人確認書類")]],
                ],
              },
            ],
          },
          {
            type: "question",
            id: "q2",
            number: 2,
            question: [t("カードをなくしたときの連絡先は。")],
            pos: pos(56),
            answer: [
              {
                type: "contact",
                pos: pos(58),
                title: [t("マイナンバー総合フリーダイヤル")],
                entries: [
                  {
                    kind: "freedial",
                    label: "フリーダイヤル",
                    value: "0120-95-0178（無料）",
                    dial: "0120950178",
                    number: "0120-95-0178",
                    remark: "（無料）",
                    pos: pos(59),
                  },
                  { kind: "phone", label: "電話", value: "047-334-1111", dial: "0473341111", number: "047-334-1111", pos: pos(60) },
                  { kind: "fax", label: "FAX", value: "047-334-1112", dial: "0473341112", number: "047-334-1112", pos: pos(61) },
                  { kind: "hours", label: "受付時間", value: "平日 9時30分～20時00分（年末年始を除く）", pos: pos(62) },
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
        question: [t("カードの有効期限はいつまでですか。")],
        pos: pos(66),
        answer: [
          { type: "paragraph", pos: pos(68), children: [t("発行日から10回目の誕生日までです（18歳未満の方は5回目）。")] },
          { type: "heading", level: 3, pos: pos(70), children: [t("更新の案内")] },
          {
            type: "paragraph",
            pos: pos(72),
            children: [
              t("期限の2〜3か月前に案内が届きます。詳しくは"),
              { type: "link", url: "https://www.kojinbango-card.go.jp/", children: [t("マイナンバーカード総合サイト")] },
              t("をご覧ください。"),
            ],
          },
        ],
      },
    ],
  };
  const plainFile = "content/leaflets/faq-mini.md";
  const noEditions: Leaflet = {
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
    pos: pos(1, plainFile),
    body: [
      {
        type: "question",
        id: "q1",
        number: 1,
        question: [t("マイナンバーって何ですか。")],
        pos: pos(10, plainFile),
        answer: [
          { type: "paragraph", pos: pos(12, plainFile), children: [t("住民票を持つ全ての方に割り振られる12桁の番号です。")] },
          // A hostile link that must come out as plain text.
          {
            type: "paragraph",
            pos: pos(13, plainFile),
            children: [{ type: "link", url: "javascript:alert(1)", children: [t("詳しい説明")] }, t("もご覧ください。")],
          },
        ],
      },
      {
        type: "question",
        id: "q2",
        number: 2,
        question: [t("緊急の相談はどこにすればいいですか。")],
        pos: pos(14, plainFile),
        answer: [
          {
            type: "contact",
            pos: pos(16, plainFile),
            title: [t("警察相談専用電話")],
            entries: [{ kind: "phone", label: "電話", value: "#9110", dial: "#9110", number: "#9110", pos: pos(17, plainFile) }],
          },
        ],
      },
    ],
  };
  return {
    settings: defaultSettings({
      siteName: "○○市 お知らせリーフレット",
      baseUrl: "https://www.city.example.lg.jp/leaflets/",
      issuer: "○○市 市民課",
    }),
    lexicon: [],
    leaflets: [withAll, noEditions],
  };
}

/** A RenderContext over a real folder, recording artifacts the way the build does. */
export function makeContext(site: SiteModel, outDir: string, cacheDir: string, artifacts: Artifact[] = []): RenderContext {
  return createRenderContext({ site, outDir, cacheDir, artifacts });
}

async function sineMp3(file: string, seconds: number, hz: number): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await run("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    `sine=frequency=${hz}:duration=${seconds}`,
    "-ac",
    "1",
    "-b:a",
    "64k",
    file,
  ]);
}

async function smallPdf(file: string): Promise<void> {
  const { Document, Page, Text, renderToBuffer } = await import("@react-pdf/renderer");
  const doc = h(Document, { title: "fixture" }, h(Page, { size: "A4" }, h(Text, null, "Fixture PDF for the website tests")));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, await renderToBuffer(doc));
}

/** Writes an image for the model and the other editions' files into outDir, and returns the model and artifacts. */
export async function fixtureBuild(outDir: string, imageDir: string): Promise<{ site: SiteModel; artifacts: Artifact[] }> {
  const imageFile = join(imageDir, "card-front.png");
  await mkdir(imageDir, { recursive: true });
  await sharp({ create: { width: 640, height: 400, channels: 3, background: "#7fa7d8" } })
    .png()
    .toFile(imageFile);
  const site = fixtureModel(imageFile);
  const slug = "card-safety-mini";
  const artifacts: Artifact[] = [];
  const ctx = makeContext(site, outDir, join(outDir, "..", "cache"), artifacts);

  await sineMp3(join(outDir, layout.leafletAudio(slug)), 3, 440);
  await ctx.record({ edition: "audio", kind: "audio-leaflet", slug, path: layout.leafletAudio(slug), durationSeconds: 3 });
  for (const [i, id] of ["carrying", "pin", "q1", "q2", "q3"].entries()) {
    await sineMp3(join(outDir, layout.unitAudio(slug, id)), 1, 300 + 50 * i);
    await ctx.record({ edition: "audio", kind: "audio-unit", slug, unitId: id, path: layout.unitAudio(slug, id), durationSeconds: 1 });
  }
  await smallPdf(join(outDir, layout.pdf(slug)));
  await ctx.record({ edition: "print", kind: "pdf", slug, path: layout.pdf(slug) });
  await smallPdf(join(outDir, layout.printPdf(slug)));
  await ctx.record({ edition: "print", kind: "pdf-print", slug, path: layout.printPdf(slug) });
  const qr = await sharp({ create: { width: 240, height: 240, channels: 3, background: "#ffffff" } })
    .png()
    .toBuffer();
  await ctx.emit(
    { edition: "codes", kind: "code-png", slug, meta: { url: `${site.settings.baseUrl}${slug}/` } },
    layout.codePng(slug, "page"),
    new Uint8Array(qr),
  );
  await ctx.emit({ edition: "braille", kind: "brf", slug }, layout.brf(slug), "MAIN8BA#3A ,A7,9\n");
  await ctx.emit({ edition: "braille", kind: "braille-text", slug }, layout.brailleText(slug), "⠵⠃⠅⠴⠐⠥⠒\n");
  await ctx.emit(
    { edition: "braille", kind: "braille-label-text", slug, meta: { text: "マイナンバーカード アンシン", braille: "⠵⠃⠅⠴⠐⠥⠒⠡⠐⠍ ⠁⠴⠩⠴" } },
    layout.brailleLabelText(slug),
    "⠵⠃⠅⠴⠐⠥⠒⠡⠐⠍ ⠁⠴⠩⠴\n",
  );
  return { site, artifacts };
}
