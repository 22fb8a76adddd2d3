import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { leafletModel } from "../../test/support/model.ts";
import { defaultSettings } from "../content/settings.ts";
import type { Artifact, RenderContext } from "../edition/contract.ts";
import { RenderError } from "../edition/contract.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";
import { createSharedServices } from "../pipeline/shared.ts";
import { brailleLabel } from "./label.ts";
import { brailleRenderer } from "./renderer.ts";
import { kanaToBraille } from "./writer.ts";

const file = "content/leaflets/tsuchi.md";
const p = (line: number) => ({ file, line, column: 1 });

function leaflet(label: string): Leaflet {
  return leafletModel({
    slug: "tsuchi",
    file,
    title: "マイナンバー通知のお知らせ",
    summary: "通知カードについて",
    issuer: "市川市 市民課",
    date: "2024-04-01",
    source: "市川市",
    layout: "leaflet",
    speakers: [{ id: "mina", name: "マイナちゃん", reading: "マイナチャン", pitch: 0 }],
    braille: { label },
    audio: { speed: 1 },
    uniVoice: false,
    pos: p(1),
    body: [
      {
        type: "section",
        id: "about",
        title: [{ type: "text", value: "通知について" }],
        pos: p(10),
        children: [
          { type: "paragraph", children: [{ type: "text", value: "マイナンバーは12桁の番号です。大切に保管してください。" }], pos: p(12) },
          {
            type: "dialogue",
            lines: [{ speaker: "mina", children: [{ type: "text", value: "なくしたらどうするの？" }], pos: p(14) }],
            pos: p(14),
          },
          {
            type: "question",
            id: "q1",
            number: 1,
            question: [{ type: "text", value: "再発行できますか。" }],
            answer: [{ type: "paragraph", children: [{ type: "text", value: "市役所の窓口で申請できます。" }], pos: p(18) }],
            pos: p(16),
          },
        ],
      },
    ],
  });
}

function site(l: Leaflet, maxCells = 32): SiteModel {
  return {
    settings: {
      ...defaultSettings({ siteName: "テスト", baseUrl: "https://example.jp/", issuer: "市川市" }),
      braille: { labelMaxCells: maxCells },
    },
    lexicon: [],
    leaflets: [l],
  };
}

describe("brailleLabel", () => {
  it("translates the label and counts its cells", async () => {
    const l = leaflet("マイナンバー通知");
    expect(await brailleLabel(l, site(l))).toEqual({ text: "マイナンバー通知", braille: "⠵⠃⠅⠴⠐⠥⠒ ⠝⠒⠗", cells: 11 });
  });

  it("uses a label written in spaced kana as it is", async () => {
    const l = leaflet("マイナンバーカード アンシン");
    expect((await brailleLabel(l, site(l))).braille).toBe("⠵⠃⠅⠴⠐⠥⠒⠡⠒⠐⠞ ⠁⠴⠳⠴");
  });

  it("refuses a label over the cell limit, naming the file and the frontmatter field", async () => {
    const l = leaflet("マイナンバー通知");
    const err = await brailleLabel(l, site(l, 10)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RenderError);
    const e = err as RenderError;
    expect(e.message).toContain("11 cells");
    expect(e.message).toContain("limit of 10");
    expect(e.message).toContain("brailleLabel");
    expect(e.pos).toEqual({ file, line: 1, column: 1 });
    expect(e.hint).toContain(file);
    expect(e.hint).toContain("labelMaxCells");
  });
});

describe("brailleRenderer", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("writes BRF, Unicode text, the proofreading sheet and the label", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "braille-out-"));
    const cache = await mkdtemp(path.join(tmpdir(), "braille-cache-"));
    dirs.push(out, cache);
    const l = leaflet("マイナンバー通知");
    const artifacts: Artifact[] = [];
    const files = new Map<string, string>();
    const warnings: string[] = [];
    const ctx: RenderContext = {
      site: site(l),
      leaflets: [l],
      outDir: out,
      cacheDir: cache,
      templatesDir: path.join(out, "no-templates"),
      artifacts,
      async emit(a, rel, data) {
        files.set(rel, typeof data === "string" ? data : Buffer.from(data).toString("utf8"));
        const art = { ...a, path: rel, bytes: Buffer.byteLength(data) };
        artifacts.push(art);
        return art;
      },
      async record(a) {
        const art = { ...a, bytes: 0 };
        artifacts.push(art);
        return art;
      },
      log: { progress() {}, info() {}, warn: (m) => warnings.push(m) },
      report: (r) => warnings.push(`${r.severity}: ${r.message}`),
      shared: createSharedServices(site(l)),
    };
    await brailleRenderer.render(ctx);
    expect(artifacts.map((a) => a.kind).sort()).toEqual([
      "braille-label-brf",
      "braille-label-text",
      "braille-proof",
      "braille-text",
      "brf",
    ]);
    const text = files.get("tsuchi/braille/tsuchi.txt")!;
    const brf = files.get("tsuchi/braille/tsuchi.brf")!;
    // the BRF is the same pages in ASCII braille
    expect(brf.split("\r\n").length).toBe(text.split("\n").length);
    expect(text).toContain("⠼⠁⠃⠫⠕⠎ ⠐⠥⠴⠐⠪⠒⠐⠟⠹⠲");
    // the speaker's name comes before the line
    expect(text).toContain(kanaToBraille("マイナ チャン  ナクシタラ ドー スルノ？"));
    // the question keeps its number
    expect(text).toContain("⠰⠠⠟⠼⠁ ");
    for (const line of text.split(/\n\f?/)) expect([...line].length).toBeLessThanOrEqual(32);
    const proof = files.get("tsuchi/braille/proof.html")!;
    expect(proof).toContain('<html lang="ja">');
    // the print text beside its lines, the number marked as something to check, the line read back from the cells
    expect(proof).toContain("マイナンバーは<mark>12</mark>桁の番号です。");
    expect(proof).toContain("12ケタノ バンゴーデス。");
    expect(proof).toMatch(/確認してほしい語：[1-9][0-9]*か所/);
    expect(proof).toContain("1ページ<br>3行");
    expect(proof).toContain("訂正連絡票");
    expect(files.get("tsuchi/braille/label.txt")).toBe("⠵⠃⠅⠴⠐⠥⠒ ⠝⠒⠗\n");
    expect(files.get("tsuchi/braille/label.brf")).toBe('ZBK0"U3 N3R\r\n');
    const label = artifacts.find((a) => a.kind === "braille-label-text")!;
    expect(label.meta).toEqual({ text: "マイナンバー通知", braille: "⠵⠃⠅⠴⠐⠥⠒ ⠝⠒⠗", cells: 11 });
    expect(warnings).toEqual([]);

    // a second build is served from the cache with identical output
    files.clear();
    await brailleRenderer.render({ ...ctx, artifacts: [] });
    expect(files.get("tsuchi/braille/tsuchi.txt")).toBe(text);
    expect(
      (
        await readFile(
          path.join(
            cache,
            "braille",
            (
              await import("node:fs")
            )
              .readdirSync(path.join(cache, "braille"), { recursive: true })
              .find((n) => String(n).endsWith(".json")) as string,
          ),
          "utf8",
        )
      ).length,
    ).toBeGreaterThan(0);
  });
});
