// The site renderer run for real (Astro build) on a small hand-made model with real files from "other editions".
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureBuild, makeContext } from "../../test/site/fixture.ts";
import type { Artifact } from "../edition/contract.ts";
import { layout } from "../edition/layout.ts";
import type { SiteModel } from "../model/types.ts";
import { siteRenderer } from "./index.ts";

let scratch: string;
let outDir: string;
let site: SiteModel;
let artifacts: Artifact[];
let before: Map<string, string>;
let warnings: string[];
const html: Record<string, string> = {};

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "leaflet-site-test-"));
  outDir = join(scratch, "dist");
  ({ site, artifacts } = await fixtureBuild(outDir, join(scratch, "images")));
  before = await fileHashes(outDir);
  // One recorded file that is missing from disk: the page must not link it.
  artifacts.push({ edition: "print", kind: "pdf", slug: "faq-mini", path: "faq-mini/faq-mini.pdf", bytes: 1 });
  const ctx = makeContext(site, outDir, join(scratch, "cache"), artifacts);
  warnings = [];
  ctx.log.warn = (m) => warnings.push(m);
  await siteRenderer.render(ctx);
  for (const p of [layout.index(), layout.page("card-safety-mini"), layout.page("faq-mini")])
    html[p] = await readFile(join(outDir, p), "utf8");
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Every file under dir with the hash of its bytes. */
async function fileHashes(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = new Map<string, string>();
  for (const f of files) {
    const full = join(f.parentPath, f.name);
    out.set(
      relative(dir, full),
      createHash("sha256")
        .update(await readFile(full))
        .digest("hex"),
    );
  }
  return out;
}

const card = () => html[layout.page("card-safety-mini")];
const faq = () => html[layout.page("faq-mini")];
const count = (s: string, re: RegExp) => [...s.matchAll(re)].length;

describe("siteRenderer", () => {
  it("adds the site beside the other editions' files without changing any of them", async () => {
    const after = await fileHashes(outDir);
    expect(before.size).toBeGreaterThan(10);
    for (const [path, hash] of before) expect(after.get(path), path).toBe(hash);
    expect(after.has(layout.page("card-safety-mini"))).toBe(true);
  });

  it("records the index and every leaflet page as page artifacts, and copies images", () => {
    const pages = artifacts.filter((a) => a.edition === "site" && a.kind === "page").map((a) => a.path);
    expect(pages.sort()).toEqual(["card-safety-mini/index.html", "faq-mini/index.html", "index.html"]);
    const image = artifacts.find((a) => a.kind === "image");
    expect(image).toMatchObject({ path: layout.image("card-safety-mini", "card-front.png"), slug: "card-safety-mini" });
    expect(image?.bytes).toBeGreaterThan(0);
  });

  it("marks up every page with lang, a skip link, labelled landmarks and a single h1", () => {
    for (const page of Object.values(html)) {
      expect(page).toMatch(/^<!DOCTYPE html><html lang="ja">/);
      expect(page).toContain('<a class="skip-link" href="#main-content">本文へ移動</a>');
      expect(page).toMatch(/<header class="site-header">/);
      expect(page).toMatch(/<nav class="site-nav" aria-label="サイト内メニュー">/);
      expect(page).toMatch(/<main id="main-content" tabindex="-1">/);
      expect(page).toMatch(/<footer class="site-footer">/);
      expect(count(page, /<h1[ >]/g)).toBe(1);
    }
  });

  it("gives each section and question a heading carrying its stable id, and a table of contents linking them", () => {
    const page = card();
    expect(page).toMatch(/<h2 id="carrying" class="unit-heading">持ち歩き方<\/h2>/);
    expect(page).toMatch(/<h2 id="pin" class="unit-heading">暗証番号の管理<\/h2>/);
    expect(page).toMatch(/<h3 id="q1" class="unit-heading"><span class="qnum">Q1\.<\/span> 暗証番号を忘れたらどうすればいいですか。<\/h3>/);
    expect(page).toMatch(/<h2 id="q3" class="unit-heading">/);
    for (const id of ["carrying", "pin", "q1", "q2", "q3"]) expect(page).toContain(`<a href="#${id}">`);
    expect(page).toMatch(/<nav class="toc" aria-labelledby="toc-heading"> ?<h2 id="toc-heading">目次<\/h2>/);
    // Sub-headings sit one level below their unit: #### under a question in a section, ### under a top-level one.
    expect(page).toContain('<h4 class="subheading">窓口に持っていくもの</h4>');
    expect(page).toContain('<h3 class="subheading">更新の案内</h3>');
  });

  it("writes display ruby with fallback brackets and reading-only ruby as the plain base", () => {
    expect(card()).toContain("<ruby>市川市<rp>（</rp><rt>いちかわし</rt><rp>）</rp></ruby>では、行徳支所でも");
    expect(card()).not.toContain("ぎょうとく");
  });

  it("writes dialogue as text naming each speaker, and ※ notes", () => {
    expect(card()).toContain(
      '<p class="line speaker-0"><span class="speaker">マイナちゃん</span><span class="colon">：</span><span class="said">マイナンバーカードって、普通に持ち歩いていいの？</span></p>',
    );
    expect(card()).toContain('<span class="speaker">マイナンバあちゃん</span>');
    expect(card()).toContain('<p class="note">※カードを落としたときは');
  });

  it("makes phone and free-dial numbers tel: links, but not fax numbers", () => {
    expect(card()).toContain('<a class="tel" href="tel:0120950178">0120-95-0178</a>（無料）');
    expect(card()).toContain('<a class="tel" href="tel:0473341111">047-334-1111</a>');
    expect(card()).toContain("<dd>047-334-1112</dd>");
    expect(faq()).toContain('<a class="tel" href="tel:%239110">#9110</a>');
  });

  it("writes tables with a caption and column header cells, and images with alt text and size", () => {
    expect(card()).toMatch(
      /<table> ?<caption>再設定に必要なもの<\/caption> ?<thead><tr><th scope="col">来る人<\/th><th scope="col">必要なもの<\/th><\/tr><\/thead>/,
    );
    expect(card()).toContain(
      '<img src="images/card-front.png" alt="マイナンバーカードのおもて面。氏名、住所、生年月日、性別、顔写真が記載されている。" width="640" height="400"',
    );
  });

  it("puts native players (no autoplay, no preload) and download links with duration and size where audio exists", () => {
    const page = card();
    expect(count(page, /<audio controls preload="none"/g)).toBe(6);
    expect(page).not.toMatch(/autoplay/);
    expect(page).toMatch(
      /<a class="download" href="audio\/q1\.mp3" download>Q1の音声をダウンロード<span class="facts">（MP3、再生時間1秒、\d+KB）<\/span><\/a>/,
    );
    expect(page).toMatch(
      /href="audio\/card-safety-mini-all\.mp3" download>全体の音声（章付き）をダウンロード<span class="facts">（MP3、再生時間3秒、\d+KB）/,
    );
    expect(page).toContain('<div class="speed-control" data-speed-control hidden>');
    expect(page).toContain('<script src="../_site/playback-speed.js" defer></script>');
  });

  it("shows no player, speed control or script when no audio was built", () => {
    expect(faq()).not.toContain("<audio");
    expect(faq()).not.toContain("playback-speed");
    expect(faq()).not.toContain("音声で聞く");
  });

  it("links PDFs, braille files and the page's code, and never a file that is missing", () => {
    const page = card();
    expect(page).toMatch(/href="card-safety-mini\.pdf" download>PDF版（A4）<span class="facts">（PDF、\d+KB）/);
    expect(page).toMatch(/href="card-safety-mini-print\.pdf" download>印刷会社向けPDF/);
    expect(page).toMatch(
      /href="braille\/card-safety-mini\.brf" download>点字データ（点字プリンター用）<span class="facts">（BRF、17バイト）/,
    );
    expect(page).toContain('<dd class="braille">⠵⠃⠅⠴⠐⠥⠒⠡⠐⠍ ⠁⠴⠩⠴</dd>');
    expect(page).toContain(
      '<img src="codes/page.png" alt="このページ「知って安心！ マイナンバーカードの使い方」のアドレス（https://www.city.example.lg.jp/leaflets/card-safety-mini/）を表す二次元コード（QRコード）"',
    );
    expect(faq()).not.toContain("faq-mini.pdf");
    expect(warnings.join("\n")).toContain("faq-mini/faq-mini.pdf");
  });

  it("lists every leaflet on the index with issuer, date and its editions' sizes", () => {
    const index = html[layout.index()];
    expect(index).toContain('<a href="card-safety-mini/">知って安心！ マイナンバーカードの使い方</a>');
    expect(index).toContain('<a href="faq-mini/">マイナンバー よくある質問</a>');
    expect(index).toContain('<time datetime="2024-04-01">2024年4月1日</time>');
    expect(index).toMatch(
      /href="card-safety-mini\/audio\/card-safety-mini-all\.mp3" download>全体の音声（章付き）<span class="facts">（MP3、再生時間3秒、\d+KB）/,
    );
    expect(index.indexOf("card-safety-mini/")).toBeLessThan(index.indexOf("faq-mini/"));
  });

  it("keeps links to web pages and drops script URLs to plain text", () => {
    expect(card()).toContain('<a href="https://www.kojinbango-card.go.jp/">マイナンバーカード総合サイト</a>');
    expect(faq()).toContain("<p>詳しい説明もご覧ください。</p>");
    expect(faq()).not.toContain("javascript:");
  });

  it("writes sitemap.xml with absolute public URLs", async () => {
    const xml = await readFile(join(outDir, "sitemap.xml"), "utf8");
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      "https://www.city.example.lg.jp/leaflets/",
      "https://www.city.example.lg.jp/leaflets/card-safety-mini/",
      "https://www.city.example.lg.jp/leaflets/faq-mini/",
    ]);
  });
});
