// The accessibility report: what the machine check of a build found, per page and per success criterion, in the
// layout of ウェブアクセシビリティ基盤委員会 (WAIC)'s test results. The check (scripts/a11y.ts) gathers the runs; this
// module only sorts them, so the rules of the report are tested without a browser. It never concludes 適合 or 準拠:
// a machine can find failures of some criteria, and nothing more; the rest is left marked for a person.
import { CRITERIA, type Criterion, scOfAxeTag, scOfHtmlcsCode } from "./wcag.ts";

/** One page checked in one window: the errors the runners found. */
export interface PageRun {
  /** The page's public URL. */
  url: string;
  /** Its dist-relative path (`card-safety/index.html`), for links from the report. */
  path: string;
  title: string;
  width: number;
  colorScheme: "light" | "dark";
  /** Errors only (warnings and notices are for people). */
  issues: { runner: string; code: string }[];
  /** The check's own reflow test (no sideways scrolling), run in the narrow window: true when it passed. */
  reflow?: boolean;
}

/** A tool of the check, as the report names it. */
export interface ToolInfo {
  name: string;
  version: string;
  /** What it was used for. */
  use: string;
}

/** An automated test and the criteria it is written for. */
export interface MachineTest {
  /** `axe: image-alt`, `reflow`. */
  id: string;
  criteria: string[];
}

export type CriterionResult =
  /** A machine test found errors on at least one page: the criterion is not met there. */
  | "fail"
  /** Machine tests found nothing; a person must still judge it (machines test only part of a criterion). */
  | "machine-pass"
  /** No machine test exists: only a person can test it. */
  | "person";

export interface ReportCriterion extends Criterion {
  /** The machine tests run for it. */
  tests: string[];
  result: CriterionResult;
  /** Pages on which it failed. */
  failingPages: number;
}

export interface ReportPage {
  url: string;
  path: string;
  title: string;
  /** Errors over every window it was checked in. */
  errors: number;
  /** Criteria that failed on it. */
  failing: string[];
  /** Windows it was checked in: 「1280px（ライト）」. */
  windows: string[];
}

export interface A11yReport {
  /** When the check ran, ISO date and time. */
  testedAt: string;
  tools: ToolInfo[];
  /** The windows and colour schemes every page was checked in. */
  windows: string[];
  pages: ReportPage[];
  criteria: ReportCriterion[];
  /** Errors over every page and window. */
  errors: number;
}

/** The criteria each machine test is written for: every axe rule that ran (by its WCAG tags), and the own checks. */
export function machineTests(axeRules: { ruleId: string; tags: string[] }[]): MachineTest[] {
  const tests: MachineTest[] = axeRules
    .map((r) => ({ id: `axe: ${r.ruleId}`, criteria: r.tags.map(scOfAxeTag).filter((x): x is string => x !== undefined) }))
    .filter((t) => t.criteria.length > 0);
  tests.push({ id: "reflow（320px幅で横スクロールなし）", criteria: ["1.4.10"] });
  return tests;
}

/** The criteria an error belongs to (an axe rule's tags, an HTML_CodeSniffer code's guideline, an own check). */
export function criteriaOfIssue(issue: { runner: string; code: string }, axeRules: { ruleId: string; tags: string[] }[]): string[] {
  if (issue.runner === "axe") {
    const rule = axeRules.find((r) => r.ruleId === issue.code);
    return (rule?.tags ?? []).map(scOfAxeTag).filter((x): x is string => x !== undefined);
  }
  if (issue.runner === "htmlcs") {
    const sc = scOfHtmlcsCode(issue.code);
    return sc ? [sc] : [];
  }
  return issue.code === "reflow" ? ["1.4.10"] : [];
}

const windowName = (r: Pick<PageRun, "width" | "colorScheme">) => `${r.width}px（${r.colorScheme === "dark" ? "ダーク" : "ライト"}）`;

/** Sorts the runs of a check into the report: per page, per criterion, and overall. */
export function buildReport(
  runs: PageRun[],
  axeRules: { ruleId: string; tags: string[] }[],
  meta: { testedAt: string; tools: ToolInfo[] },
): A11yReport {
  const tests = machineTests(axeRules);
  const byPage = new Map<string, { path: string; title: string; errors: number; failing: Set<string>; windows: string[] }>();
  for (const run of runs) {
    const page = byPage.get(run.url) ?? { path: run.path, title: run.title, errors: 0, failing: new Set<string>(), windows: [] };
    if (!page.title) page.title = run.title;
    page.windows.push(windowName(run));
    const issues = [...run.issues, ...(run.reflow === false ? [{ runner: "own", code: "reflow" }] : [])];
    page.errors += issues.length;
    for (const issue of issues) for (const sc of criteriaOfIssue(issue, axeRules)) page.failing.add(sc);
    byPage.set(run.url, page);
  }
  const pages: ReportPage[] = [...byPage].map(([url, p]) => ({
    url,
    path: p.path,
    title: p.title,
    errors: p.errors,
    failing: [...p.failing].sort(compareSc),
    windows: p.windows,
  }));
  const criteria: ReportCriterion[] = CRITERIA.map((criterion) => {
    const mine = tests.filter((t) => t.criteria.includes(criterion.sc)).map((t) => t.id);
    const failingPages = pages.filter((p) => p.failing.includes(criterion.sc)).length;
    const result: CriterionResult = failingPages > 0 ? "fail" : mine.length > 0 ? "machine-pass" : "person";
    return { ...criterion, tests: mine, result, failingPages };
  });
  return {
    testedAt: meta.testedAt,
    tools: meta.tools,
    windows: [...new Set(runs.map(windowName))],
    pages,
    criteria,
    errors: pages.reduce((n, p) => n + p.errors, 0),
  };
}

/** Orders `1.4.10` after `1.4.3`. */
export function compareSc(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** What the report says of a criterion's result, in the words of the page. */
export const RESULT_TEXT: Record<CriterionResult, string> = {
  fail: "不適合（自動試験で問題を検出）",
  "machine-pass": "自動試験では問題なし・人による確認が必要",
  person: "未試験・人による確認が必要",
};
