// The website's own checks before a build: slugs that would take its folders, links that show a bare address.
import { describe, expect, it } from "vitest";
import { leafletModel, siteModel, text } from "../../test/support/model.ts";
import type { Report } from "../edition/contract.ts";
import { checkSite } from "./edition.ts";

const settings = { siteName: "テスト", baseUrl: "https://www.city.example.lg.jp/leaflets/", issuer: "○○市" };
const para = (children: Parameters<typeof leafletModel>[0]["body"]) => children;

function reports(slug: string, url: string, shown: string): Report[] {
  const found: Report[] = [];
  const leaflet = leafletModel({
    slug,
    title: "お知らせ",
    body: para([
      {
        type: "paragraph",
        pos: { file: `content/leaflets/${slug}.md`, line: 12, column: 1 },
        children: [text("申請方法は"), { type: "link", url, children: [text(shown)] }, text("をご覧ください。")],
      },
    ]),
  });
  checkSite(siteModel([leaflet], settings), { report: (r) => found.push(r) });
  return found;
}

describe("checkSite", () => {
  it("warns at the paragraph when a link shows its bare address", () => {
    const url = "https://www.kojinbangocard.go.jp/kofushinse/";
    const found = reports("card", url, url);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", pos: { line: 12 } });
    expect(found[0].hint).toContain(`](${url})`);
    expect(reports("card", url, "マイナンバーカード総合サイト")).toEqual([]);
  });
  it("refuses a slug that is one of the website's own folders", () => {
    const found = reports("accessibility", "https://example.jp/", "例");
    expect(found.map((r) => r.severity)).toEqual(["error"]);
    expect(found[0].message).toContain("accessibility");
  });
});
