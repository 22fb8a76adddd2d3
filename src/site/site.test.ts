// The site renderer run for real (Astro build) on a small hand-made model with real files from "other editions".
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureBuild, makeContext } from "../../test/site/fixture.ts";
import type { Artifact } from "../edition/contract.ts";
import { layout } from "../edition/layout.ts";
import type { TimingMap } from "../edition/timing.ts";
import type { SiteModel } from "../model/types.ts";
import { siteRenderer } from "./index.ts";
import { siteView } from "./view.ts";

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
  for (const p of [
    layout.index(),
    layout.page("card-safety-mini"),
    layout.page("faq-mini"),
    layout.listenPage("card-safety-mini"),
    layout.listenPage("card-safety-mini", "q1"),
    layout.listenPage("card-safety-mini", "pin"),
    layout.printShops(),
    layout.accessibilityPolicy(),
    layout.accessibilityReport(),
  ])
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

  it("records every page it built (leaflets, listening views, its own pages) as artifacts, and copies images", () => {
    const pages = artifacts.filter((a) => a.edition === "site" && a.kind === "page").map((a) => a.path);
    expect(pages.sort()).toEqual(
      [
        "accessibility/index.html",
        "accessibility/report/index.html",
        "card-safety-mini/index.html",
        "faq-mini/index.html",
        "for-printers/index.html",
        "index.html",
      ].sort(),
    );
    const listen = artifacts.filter((a) => a.kind === "listen-page");
    expect(listen.map((a) => a.unitId ?? "(start)")).toEqual(["(start)", "carrying", "pin", "q1", "q2", "q3"]);
    expect(listen.every((a) => a.slug === "card-safety-mini" && a.bytes > 0)).toBe(true);
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

  it("shows the city on every page: its department and number in the header, its contact in full in the footer", () => {
    for (const page of Object.values(html)) {
      expect(page).toContain(
        '<p class="header-contact"><span class="header-department">○○市 市民部 市民課</span> <a class="tel" href="tel:0473341111"><span class="visually-hidden">電話 </span>047-334-1111</a></p>',
      );
      const footer = page.slice(page.indexOf('<footer class="site-footer">'));
      for (const fact of ["047-334-1112", "shiminka@city.example.lg.jp", "平日 8時45分～17時15分", "〒000-0000 ○○県○○市本町1-1"])
        expect(footer).toContain(fact);
      expect(footer).toMatch(/<a href="[^"]*"[^>]*>アクセシビリティ方針<\/a>/);
      expect(footer).toMatch(/<a href="[^"]*"[^>]*>アクセシビリティ試験結果<\/a>/);
      expect(footer).toMatch(/<a href="[^"]*"[^>]*>印刷会社の方へ/);
    }
  });

  it("puts breadcrumbs, the information date and 「このページに関するお問い合わせ」 on every leaflet page", () => {
    expect(card()).toContain(
      '<nav class="breadcrumbs" aria-label="現在位置"> <ol> <li><a href="../">リーフレット一覧</a></li><li aria-current="page">知って安心！ マイナンバーカードの使い方</li> </ol> </nav>',
    );
    for (const page of [card(), faq(), html[layout.listenPage("card-safety-mini", "q1")]]) {
      expect(page).toMatch(/この情報は<time datetime="\d{4}-\d{2}-\d{2}">\d{4}年\d{1,2}月\d{1,2}日<\/time>時点のものです。/);
      expect(page).toMatch(/<h2 id="page-contact">(<span class="s" id="_closing--0-s0">)?このページに関するお問い合わせ(<\/span>)?<\/h2>/);
    }
    expect(html[layout.listenPage("card-safety-mini", "q1")]).toContain(
      '<li><a href="../../">知って安心！ マイナンバーカードの使い方</a></li><li aria-current="page">音声で聞く</li>',
    );
  });

  it("warns on a page whose information is older than freshness.warnAfterMonths, and only there", () => {
    // card-safety-mini is as of 2024-04-01, over the default 24 months; faq-mini was checked today.
    expect(card()).toContain('<div class="info-date stale">');
    expect(card()).toMatch(
      /<strong class="stale-note">\d+年以上前の情報です。<\/strong>制度や窓口が変わっている場合があります（<a href="#page-contact">お問い合わせ先<\/a>）。/,
    );
    expect(faq()).toContain('<div class="info-date">');
    expect(faq()).not.toContain("stale");
    expect(html[layout.index()]).toMatch(/<span class="stale-mark">（\d+年以上前の情報です）<\/span>/);
  });

  it("claims no issuer or date a leaflet does not have", () => {
    expect(card()).toContain("<div><dt>発行</dt><dd>○○市 市民課</dd></div>");
    const undated = siteView(
      site.settings,
      [{ ...site.leaflets[1], issuer: undefined, date: undefined, updated: "2026-01-01", asOf: "2026-01-01" }],
      [],
    );
    expect(undated.leaflets[0].leaflet.issuer).toBeUndefined();
  });

  it("gives each section and question a heading carrying its stable id, and a table of contents linking them", () => {
    const page = card();
    expect(page).toContain('<h2 id="carrying" class="unit-heading"><span class="s" id="carrying--h-s0">持ち歩き方</span></h2>');
    expect(page).toContain('<h2 id="pin" class="unit-heading"><span class="s" id="pin--h-s0">暗証番号の管理</span></h2>');
    expect(page).toContain(
      '<h3 id="q1" class="unit-heading"><span class="qnum">Q1.</span> <span class="s" id="q1--h-s0">暗証番号を忘れたらどうすればいいですか。</span></h3>',
    );
    expect(page).toMatch(/<h2 id="q3" class="unit-heading">/);
    for (const id of ["carrying", "pin", "q1", "q2", "q3"]) expect(page).toContain(`<a href="#${id}">`);
    expect(page).toMatch(/<nav class="toc" aria-labelledby="toc-heading"> ?<h2 id="toc-heading">目次<\/h2>/);
    // Sub-headings sit one level below their unit: #### under a question in a section, ### under a top-level one.
    expect(page).toContain('<h4 class="subheading"><span class="s" id="q1--1-s0">窓口に持っていくもの</span></h4>');
    expect(page).toContain('<h3 class="subheading"><span class="s" id="q3--1-s0">更新の案内</span></h3>');
  });

  it("gives a way back to the contents after each answer, and after each section without questions", () => {
    const back = '<p class="back-to-toc"><a href="#toc-heading">目次へ戻る</a></p>';
    // carrying, q1, q2, q3 (pin holds questions: each of them has its own)
    expect(count(card(), new RegExp(back.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"))).toBe(4);
    expect(count(faq(), /目次へ戻る/g)).toBe(2);
  });

  it("puts the listening first: the player and its length come before the contents and the text", () => {
    const page = card();
    const at = (s: string) => page.indexOf(s);
    expect(at('<h2 id="audio-heading">音声で聞く</h2>')).toBeGreaterThan(at("<h1>"));
    expect(at('<h2 id="audio-heading">音声で聞く</h2>')).toBeLessThan(at('<nav class="toc"'));
    expect(at('<p class="listen-length">再生時間 <strong>24秒</strong>')).toBeLessThan(at('<nav class="toc"'));
    expect(page).toContain(
      'data-queue-play hidden><span class="play-icon" aria-hidden="true"></span><span data-queue-label>再生する</span>',
    );
  });

  it("wraps every sentence in an element with its timing-map id, the same ids the audio's timing map holds", async () => {
    const timing = JSON.parse(await readFile(join(outDir, layout.timingMap("card-safety-mini")), "utf8")) as TimingMap;
    const ids = timing.parts.flatMap((p) => p.sentences.map((s) => s.id.replace(/~a$/, "")));
    expect(ids.length).toBeGreaterThan(20);
    const missing = [...new Set(ids)].filter((id) => !card().includes(`id="${id}"`));
    expect(missing).toEqual([]);
    expect(card()).toContain('data-timing="audio/timing.json"');
    expect(card()).toContain('<script src="../_site/read-along.js" defer></script>');
    expect(faq()).not.toContain("read-along.js");
  });

  it('marks English: the author\'s runs and detected English sentences and phrases get lang="en"', () => {
    expect(card()).toContain('英語の案内（<span lang="en">Inquiries in English</span>）もあります。');
    expect(card()).toContain('<span class="s" id="_lead--1-s0" lang="en">This telephone number is toll-free.</span>');
    expect(card()).toContain('英語での受付は <span lang="en">Monday to Friday only</span> です。');
  });

  it("writes display ruby with fallback brackets and reading-only ruby as the plain base", () => {
    expect(card()).toContain("<ruby>市川市<rp>（</rp><rt>いちかわし</rt><rp>）</rp></ruby>では、行徳支所でも");
    expect(card()).not.toContain("ぎょうとく");
  });

  it("writes dialogue as text naming each speaker, and ※ notes", () => {
    expect(card()).toContain(
      '<p class="line speaker-0"><span class="speaker">マイナちゃん</span><span class="colon">：</span><span class="said"><span class="s" id="carrying--0-0-s0">マイナンバーカードって、普通に持ち歩いていいの？</span></span></p>',
    );
    expect(card()).toContain('<span class="speaker">マイナンバあちゃん</span>');
    expect(card()).toContain('<p class="note">※<span class="s" id="carrying--1-s0">カードを落としたときは');
  });

  it("makes phone and free-dial numbers tel: links, but not fax numbers", () => {
    expect(card()).toContain('<a class="tel" href="tel:0120950178">0120-95-0178</a>（無料）');
    expect(card()).toContain('<a class="tel" href="tel:0473341111">047-334-1111</a>');
    expect(card()).toContain("<dd>047-334-1112</dd>");
    expect(faq()).toContain('<a class="tel" href="tel:%239110">#9110</a>');
  });

  it("writes tables with a caption and column header cells, and images with alt text and size", () => {
    expect(card()).toMatch(
      /<table> ?<caption id="q1--2-c-s0">再設定に必要なもの<\/caption> ?<thead><tr><th scope="col">来る人<\/th><th scope="col">必要なもの<\/th><\/tr><\/thead>/,
    );
    expect(card()).toContain('<tr id="q1--2-0-s0"><td>本人</td>');
    expect(card()).toContain(
      '<figure class="image" id="carrying--2-s0"><img src="images/card-front.png" alt="マイナンバーカードのおもて面。氏名、住所、生年月日、性別、顔写真が記載されている。" width="640" height="400"',
    );
  });

  it("puts native players (no autoplay) with their length shown before playing, and downloads with duration and size", () => {
    const page = card();
    expect(count(page, /<audio controls preload="none"/g)).toBe(6);
    expect(page).not.toMatch(/autoplay/);
    expect(page).toContain(
      '<p class="audio-label"><span class="audio-name">この部分の音声</span><span class="audio-length">（再生時間4秒）</span></p> <audio controls preload="none" data-lazy-meta data-part="q1" src="audio/q1.mp3" aria-label="Q1. 暗証番号を忘れたらどうすればいいですか。の音声（4秒）">',
    );
    expect(page).toMatch(
      /<a class="download" href="audio\/q1\.mp3" download>Q1の音声をダウンロード<span class="facts">（MP3、再生時間4秒、\d+KB）<\/span><\/a>/,
    );
    expect(page).toMatch(
      /href="audio\/card-safety-mini-all\.mp3" download>全体の音声（章付き）をダウンロード<span class="facts">（MP3、再生時間24秒、\d+KB）/,
    );
    expect(page).toContain('<div class="speed-control" data-speed-control hidden>');
    expect(page).toContain('<script src="../_site/playback-speed.js" defer></script>');
    expect(page).toContain('<script src="../_site/listen.js" defer></script>');
  });

  it("shows no player, speed control or script when no audio was built", () => {
    expect(faq()).not.toContain("<audio");
    expect(faq()).not.toContain("playback-speed");
    expect(faq()).not.toContain("音声で聞く");
    expect(faq()).not.toContain("<script");
  });

  it("builds a listening view per printed page from the page map: its units in order, the total length, 続きを聞く", () => {
    const start = html[layout.listenPage("card-safety-mini")];
    // Page 1 holds carrying and pin; the timing map times the title and lead, heard first from the whole file.
    expect([...start.matchAll(/data-part="([^"]+)"/g)].map((m) => m[1])).toEqual(["_intro", "carrying", "pin"]);
    expect(start).toContain('src="../audio/card-safety-mini-all.mp3#t=0,2"');
    expect(start).toContain(
      '<p class="listen-length">再生時間 <strong>10秒</strong><span class="listen-count">（3つの音声を続けて再生）</span></p>',
    );
    expect(start).toContain('<a href="q1/" data-continue>続きを聞く（Q1〜Q3）</a>');
    const q1 = html[layout.listenPage("card-safety-mini", "q1")];
    expect([...q1.matchAll(/data-part="([^"]+)"/g)].map((m) => m[1])).toEqual(["q1", "q2", "q3"]);
    expect(count(q1, /<audio controls preload="metadata"/g)).toBe(3);
    expect(q1).toContain('<a href="../../#q1">Q1. 暗証番号を忘れたらどうすればいいですか。</a><span class="audio-length">（4秒）</span>');
    expect(q1).not.toContain("続きを聞く");
    expect(q1).toContain("印刷したリーフレット（この版）では2ページ目に載っている部分です。");
    // A code printed when pin began its page still plays from pin.
    expect([...html[layout.listenPage("card-safety-mini", "pin")].matchAll(/data-part="([^"]+)"/g)].map((m) => m[1])).toEqual(["pin"]);
  });

  it("links the office PDF to open in the browser, talking books with size and length, braille, and the page's code", () => {
    const page = card();
    expect(page).toMatch(/<a class="download" href="card-safety-mini\.pdf">PDF版（A4）<span class="facts">（PDF、\d+KB）/);
    expect(page).toMatch(
      /href="card-safety-mini\.epub" download>音声付き電子書籍（EPUB 3、文字と音声が同期）<span class="facts">（EPUB、再生時間24秒、\d+バイト）/,
    );
    expect(page).toMatch(
      /href="card-safety-mini-daisy\.zip" download>デイジー図書（DAISY 2\.02、録音図書再生機・アプリ用）<span class="facts">（ZIP、再生時間24秒/,
    );
    expect(page).toMatch(/href="audio\/card-safety-mini-audio\.zip" download>すべての音声ファイル/);
    expect(page).toMatch(
      /href="braille\/card-safety-mini\.brf" download>点字データ（点字プリンター用）<span class="facts">（BRF、17バイト）/,
    );
    expect(page).toContain(
      '<img src="codes/page.png" alt="このページ「知って安心！ マイナンバーカードの使い方」のアドレス（https://www.city.example.lg.jp/leaflets/card-safety-mini/）を表す二次元コード（QRコード）"',
    );
    expect(faq()).not.toContain("faq-mini.pdf");
    expect(warnings.join("\n")).toContain("faq-mini/faq-mini.pdf");
  });

  it("names the braille label for screen readers and hides its cells from them", () => {
    expect(card()).toContain(
      '<dd><span class="braille" role="img" aria-label="点字ラベル（読みは「マイナンバーカード アンシン」）">⠵⠃⠅⠴⠐⠥⠒⠡⠐⠍ ⠁⠴⠩⠴</span></dd>',
    );
  });

  it("offers the print-shop PDF on the print shops' page only, never on a resident's page", () => {
    for (const p of [
      card(),
      faq(),
      html[layout.index()],
      ...Object.keys(html)
        .filter((k) => k.includes("/listen/"))
        .map((k) => html[k]),
    ])
      expect(p).not.toContain("-print.pdf");
    expect(html[layout.printShops()]).toMatch(
      /<a class="download" href="\.\.\/card-safety-mini\/card-safety-mini-print\.pdf">「知って安心！ マイナンバーカードの使い方」の入稿用PDF<span class="facts">（PDF、\d+KB）/,
    );
  });

  it("lists every leaflet on the index with issuer, information date and its editions' sizes", () => {
    const index = html[layout.index()];
    expect(index).toContain('<a href="card-safety-mini/">知って安心！ マイナンバーカードの使い方</a>');
    expect(index).toContain('<a href="faq-mini/">マイナンバー よくある質問</a>');
    expect(index).toContain('<div><dt>情報の時点</dt><dd><time datetime="2024-04-01">2024年4月1日</time>');
    expect(index).toMatch(
      /href="card-safety-mini\/audio\/card-safety-mini-all\.mp3" download>全体の音声（章付き）<span class="facts">（MP3、再生時間24秒、\d+KB）/,
    );
    // Newest information first: faq-mini was checked today.
    expect(index.indexOf('href="faq-mini/"')).toBeLessThan(index.indexOf('href="card-safety-mini/"'));
  });

  it("keeps links to web pages with their host shown, and drops script URLs to plain text", () => {
    expect(card()).toContain(
      '<a href="https://www.kojinbango-card.go.jp/">マイナンバーカード総合サイト</a><span class="link-host">（www.kojinbango-card.go.jp）</span>',
    );
    expect(faq()).toContain('<p><span class="s" id="q1--1-s0">詳しい説明もご覧ください。</span></p>');
    expect(faq()).not.toContain("javascript:");
  });

  it("writes a draft accessibility policy from the settings, and a results page that waits for the check", () => {
    const policy = html[layout.accessibilityPolicy()];
    expect(policy).toContain("<h1>ウェブアクセシビリティ方針（案）</h1>");
    expect(policy).toContain("JIS X 8341-3:2016の適合レベルAAに準拠することを目標とします。");
    expect(policy).toContain("目標であり、達成したことを示すものではありません。");
    const report = html[layout.accessibilityReport()];
    expect(report).toContain("このサイトの今の版は、まだ試験されていません。");
    expect(report).not.toMatch(/に準拠しています|準拠を表明/);
  });

  it("writes sitemap.xml with absolute public URLs of every page", async () => {
    const xml = await readFile(join(outDir, "sitemap.xml"), "utf8");
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const base = "https://www.city.example.lg.jp/leaflets/";
    expect(locs).toEqual([
      base,
      `${base}faq-mini/`,
      `${base}card-safety-mini/`,
      `${base}card-safety-mini/listen/`,
      ...["carrying", "pin", "q1", "q2", "q3"].map((id) => `${base}card-safety-mini/listen/${id}/`),
      `${base}for-printers/`,
      `${base}accessibility/`,
      `${base}accessibility/report/`,
    ]);
  });
});
