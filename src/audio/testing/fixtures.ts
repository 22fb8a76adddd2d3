// Small hand-made leaflets and a render context for the audio and reading tests.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultSettings } from "../../content/settings.ts";
import { createRenderContext } from "../../edition/context.ts";
import type { RenderContext } from "../../edition/contract.ts";
import type { Inline, Leaflet, SiteModel, SourcePos } from "../../model/types.ts";

const FILE = "content/leaflets/test-card.md";
const at = (line: number): SourcePos => ({ file: FILE, line, column: 1 });
const t = (value: string): Inline[] => [{ type: "text", value }];

/** A two-unit leaflet: a question with a contact box, and a dialogue section. */
export function smallLeaflet(overrides: Partial<Leaflet> = {}): Leaflet {
  return {
    slug: "test-card",
    file: FILE,
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
    pos: at(1),
    body: [
      {
        type: "question",
        id: "q1",
        number: 1,
        question: t("どこで受け取れますか。"),
        answer: [
          {
            type: "paragraph",
            children: [{ type: "text", value: "市役所の窓口で、平日9時30分～17時00分に受け取れます。" }],
            pos: at(12),
          },
          {
            type: "contact",
            title: t("問い合わせ"),
            entries: [{ kind: "phone", label: "TEL", value: "047-334-1111", number: "047-334-1111", dial: "0473341111", pos: at(16) }],
            pos: at(15),
          },
        ],
        pos: at(10),
      },
      {
        type: "section",
        id: "carrying",
        title: t("持ち歩き方"),
        children: [
          {
            type: "dialogue",
            lines: [
              { speaker: "mina", children: t("普通に持ち歩いていいの？"), pos: at(22) },
              { speaker: "baachan", children: t("ええんじゃよ。"), pos: at(23) },
            ],
            pos: at(21),
          },
        ],
        pos: at(20),
      },
    ],
    ...overrides,
  };
}

/** A site holding the given leaflets, with Open JTalk chosen automatically. */
export function smallSite(leaflets: Leaflet[]): SiteModel {
  return {
    settings: defaultSettings({ siteName: "テスト", baseUrl: "https://www.city.example.lg.jp/leaflets/", issuer: "市川市 市民課" }),
    lexicon: [{ word: "個人番号", reading: "コジンバンゴウ", pos: at(1) }],
    leaflets,
  };
}

/** A render context writing into fresh temporary folders (or the given cache), collecting artifacts and progress. */
export async function testContext(site: SiteModel, cacheDir?: string): Promise<RenderContext & { progress: string[] }> {
  const outDir = await mkdtemp(join(tmpdir(), "audio-out-"));
  const cache = cacheDir ?? (await mkdtemp(join(tmpdir(), "audio-cache-")));
  const progress: string[] = [];
  const log = { progress: (m: string) => progress.push(m), info: () => {}, warn: () => {} };
  return Object.assign(createRenderContext({ site, outDir, cacheDir: cache, log }), { progress });
}
