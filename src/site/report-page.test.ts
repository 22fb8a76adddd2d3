// The results page as the accessibility check writes it: WAIC's parts, every page and criterion, and no claim.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { siteFixtureModel } from "../../test/site/fixture.ts";
import { renderReportPage } from "./astro.ts";
import { buildReport } from "./report.ts";
import { siteView } from "./view.ts";

let html: string;
beforeAll(async () => {
  const site = siteFixtureModel("/nonexistent/card-front.png");
  const run = (path: string, issues: { runner: string; code: string }[] = []) => ({
    url: `https://www.city.example.lg.jp/leaflets/${path.replace(/index\.html$/, "")}`,
    path,
    title: `ページ ${path}`,
    width: 1280,
    colorScheme: "light" as const,
    issues,
  });
  const report = buildReport(
    [run("index.html"), run("card-safety-mini/index.html", [{ runner: "axe", code: "image-alt" }]), run("accessibility/report/index.html")],
    [{ ruleId: "image-alt", tags: ["wcag2a", "wcag111"] }],
    { testedAt: "2026-12-01T01:00:00Z", tools: [{ name: "pa11y", version: "10.0.0", use: "試験の実行" }] },
  );
  html = await renderReportPage({ ...siteView(site.settings, [], []), report }, join(tmpdir(), "leaflet-report-page-test"));
});

describe("the accessibility results page", () => {
  it("has WAIC's outline: standard, target level, claim, date, pages, technologies, method and tools", () => {
    for (const fact of [
      "JIS X 8341-3:2016（WCAG 2.0と同じ内容）",
      "レベルAA",
      "<dt>対応度の表明</dt><dd>なし（人による試験が済んでいないため）</dd>",
      '<time datetime="2026-12-01T01:00:00Z">2026年12月1日</time>',
      "サイト内のすべてのページ（3ページ。sitemap.xmlに載っているもの）",
      "依存したウェブコンテンツ技術",
      "<li>pa11y 10.0.0（試験の実行）</li>",
    ])
      expect(html).toContain(fact);
  });
  it("lists every JIS criterion and the later ones, with the machine's result and a person's part", () => {
    expect((html.match(/<tr class="result-/g) ?? []).length).toBe(38 + 18);
    expect(html).toContain(
      '<tr class="result-fail"><th scope="row">1.1.1 非テキストコンテンツ</th><td>A</td><td>人が判断</td><td>不適合（自動試験で問題を検出）（1ページ）</td><td class="tests">axe：image-alt</td></tr>',
    );
    expect(html).toContain('<th scope="row">1.3.2 意味のある順序</th><td>A</td><td>人が判断</td><td>未試験・人による確認が必要</td>');
  });
  it("gives each page its row with its errors, and never claims conformance", () => {
    expect(html).toContain('<a href="../../card-safety-mini/">ページ card-safety-mini/index.html</a>');
    expect(html).toContain("<td>1件（1.1.1）</td><td>不適合の箇所あり</td>");
    expect(html).not.toMatch(/(に|へ)(準拠|一部準拠)しています|準拠を表明します/);
  });
});
