// The accessibility report sorts the check's runs per page and per criterion, and never concludes more than a
// machine can know.
import { describe, expect, it } from "vitest";
import { buildReport, compareSc, criteriaOfIssue, machineTests } from "./report.ts";
import { CRITERIA, jisCriteria, laterCriteria, scOfAxeTag, scOfHtmlcsCode } from "./wcag.ts";

const axeRules = [
  { ruleId: "image-alt", tags: ["cat.text-alternatives", "wcag2a", "wcag111", "section508"] },
  { ruleId: "color-contrast", tags: ["cat.color", "wcag2aa", "wcag143"] },
  { ruleId: "target-size", tags: ["wcag22aa", "wcag258"] },
  { ruleId: "region", tags: ["cat.keyboard", "best-practice"] },
];
const run = (url: string, issues: { runner: string; code: string }[], extra = {}) => ({
  url,
  path: url.replace("https://x.example/", "") || "index.html",
  title: url,
  width: 1280,
  colorScheme: "light" as const,
  issues,
  ...extra,
});

describe("the criteria", () => {
  it("lists JIS X 8341-3:2016's 38 criteria at AA (WCAG 2.0) and the 18 that WCAG 2.1 and 2.2 added", () => {
    expect(jisCriteria("AA")).toHaveLength(38);
    expect(jisCriteria("A")).toHaveLength(25);
    expect(laterCriteria("AA")).toHaveLength(18);
    expect(new Set(CRITERIA.map((c) => c.sc)).size).toBe(CRITERIA.length);
  });
  it("reads the criterion of an axe tag and of an HTML_CodeSniffer code", () => {
    expect(scOfAxeTag("wcag1410")).toBe("1.4.10");
    expect(scOfAxeTag("wcag2aa")).toBeUndefined();
    expect(scOfHtmlcsCode("WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail")).toBe("1.4.3");
    expect(compareSc("1.4.10", "1.4.3")).toBeGreaterThan(0);
  });
});

describe("buildReport", () => {
  const report = buildReport(
    [
      run("https://x.example/", []),
      run("https://x.example/", [], { width: 320, reflow: true }),
      run("https://x.example/a/", [
        { runner: "axe", code: "color-contrast" },
        { runner: "htmlcs", code: "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail" },
      ]),
      run("https://x.example/a/", [], { width: 320, reflow: false }),
    ],
    axeRules,
    { testedAt: "2026-12-01T10:00:00Z", tools: [] },
  );
  const criterion = (sc: string) => report.criteria.find((c) => c.sc === sc);

  it("counts errors per page (the own reflow test among them) and names the criteria that failed there", () => {
    expect(report.pages.map((p) => [p.url, p.errors, p.failing])).toEqual([
      ["https://x.example/", 0, []],
      ["https://x.example/a/", 3, ["1.4.3", "1.4.10"]],
    ]);
    expect(report.errors).toBe(3);
    expect(report.windows).toEqual(["1280px（ライト）", "320px（ライト）"]);
  });

  it("fails a criterion only on evidence, calls the rest machine-passed or untested, and never 適合", () => {
    expect(criterion("1.4.3")).toMatchObject({ result: "fail", failingPages: 1 });
    expect(criterion("1.1.1")).toMatchObject({ result: "machine-pass", tests: ["axe: image-alt"] });
    expect(criterion("2.5.8")?.result).toBe("machine-pass");
    // Nothing tests captions of live media or the meaning of a sequence: a person must.
    expect(criterion("1.2.4")?.result).toBe("person");
    expect(criterion("1.3.2")?.result).toBe("person");
    expect(report.criteria.map((c) => c.result).every((r) => ["fail", "machine-pass", "person"].includes(r))).toBe(true);
  });

  it("ties best-practice rules to no criterion, and an unknown rule to none", () => {
    expect(machineTests(axeRules).map((t) => t.id)).not.toContain("axe: region");
    expect(criteriaOfIssue({ runner: "axe", code: "no-such-rule" }, axeRules)).toEqual([]);
  });
});
