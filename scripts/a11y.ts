// Accessibility check of the website edition: serves a built site on 127.0.0.1 and runs pa11y 10 over every URL
// in its sitemap with htmlcs and axe at WCAG 2.2 A and AA (axe's wcag22aa rules included), in a wide, a narrow and a
// dark window, plus its own reflow test (any error, or any page that fails to load, fails the run); then counts
// htmlcs errors at AAA. Last it writes the JIS X 8341-3 test results page of that build
// (accessibility/report/index.html and results.json, in WAIC's layout) into the build it checked, and checks that
// page too: see docs/site.md.
//
//   npm run test:a11y                      check the sample build in test-artifacts/dist (built first when stale)
//   npm run test:a11y -- --dist dist       check an existing build
//   npm run test:a11y -- --editions codes,print,site   build only these editions (faster, fewer links checked)
//   npm run test:a11y -- --only faq,accessibility       check only the pages whose address contains one of these
//                                                       (while working on a page; no results page is written)
//
// pa11y is driven directly rather than through pa11y-ci: pa11y-ci 4.1 declares pa11y ^9 and here resolves to a
// nested pa11y 9.1 (`npm ls pa11y` reports the override as invalid), and its threshold logic lets pages that
// failed to load pass. Driving pa11y 10 gives one shared browser, both standards in one pass, and strict failures.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Edition } from "../src/edition/contract.ts";
import { layout } from "../src/edition/layout.ts";
import { writeFileAtomic } from "../src/lib/atomic.ts";
import { Pool } from "../src/lib/pool.ts";
import { renderReportPage } from "../src/site/astro.ts";
import { buildReport, type PageRun } from "../src/site/report.ts";
import { serveDir, sitemapUrls } from "../src/site/serve.ts";
import { siteView } from "../src/site/view.ts";
import { AXE_VERSION, a11yConfig, axeRules, CHROMIUM } from "./a11y.config.ts";

interface Issue {
  code: string;
  type: "error" | "warning" | "notice";
  message: string;
  selector: string;
  runner: string;
}
interface Results {
  documentTitle: string;
  pageUrl: string;
  issues: Issue[];
}
interface Page {
  emulateMediaFeatures(features: { name: string; value: string }[]): Promise<void>;
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  addScriptTag(o: { path: string }): Promise<unknown>;
  close(): Promise<void>;
}
interface Browser {
  newPage(): Promise<Page>;
  version(): Promise<string>;
  close(): Promise<void>;
}
type Pa11y = (url: string, options: Record<string, unknown>) => Promise<Results>;

const ROOT = resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const pa11y = require("pa11y") as Pa11y;
// pa11y's own copy of axe, injected when a page does not have it yet.
const AXE_SCRIPT = createRequire(require.resolve("pa11y")).resolve("axe-core/axe.min.js");
// pa11y's own puppeteer, so the browser we share is the version pa11y was built against.
const puppeteer = createRequire(require.resolve("pa11y"))("puppeteer") as {
  launch(o: Record<string, unknown>): Promise<Browser>;
};

const { values: args } = parseArgs({
  options: { dist: { type: "string" }, editions: { type: "string" }, report: { type: "string" }, only: { type: "string" } },
});

/** The built site to check: --dist, the shared sample build (test-artifacts/dist, rebuilt when stale), or with
 * --editions a build of only those editions in a temp folder. */
async function siteToCheck(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const none = async () => {};
  if (args.dist) return { dir: resolve(args.dist), cleanup: none };
  if (!args.editions) {
    const { sampleDist } = await import("../test/sample-build.ts");
    const dir = await sampleDist();
    console.log(`checking ${dir} (the sample, all editions, built after the last change to content/ and src/)`);
    return { dir, cleanup: none };
  }
  const { buildSite } = await import("../src/pipeline/build.ts");
  const scratch = await mkdtemp(join(tmpdir(), "leaflet-a11y-"));
  const outDir = join(scratch, "dist");
  const editions = args.editions.split(",") as Edition[];
  console.log(`building the sample (${editions.join(", ")}) into ${outDir}`);
  const result = await buildSite({ root: ROOT, outDir, editions, cacheDir: join(ROOT, ".cache") });
  if (!result.ok) {
    await rm(scratch, { recursive: true, force: true });
    const detail = result.reason === "render" ? String(result.error) : result.reason === "usage" ? result.message : "";
    const diags = result.diagnostics.map((d) => JSON.stringify(d)).join("\n");
    throw new Error(`the sample did not build (${result.reason}): ${detail}\n${diags}`);
  }
  return { dir: outDir, cleanup: () => rm(scratch, { recursive: true, force: true }) };
}

/** The public base URL of a sitemap: the shortest address in it is the index page. */
function baseOf(xml: string): string {
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  if (locs.length === 0) throw new Error("sitemap.xml lists no pages");
  return locs.sort((a, b) => a.length - b.length)[0];
}

function describe(issue: Issue): string {
  return `    [${issue.runner}] ${issue.code}\n      ${issue.message}\n      at ${issue.selector}`;
}

/**
 * A page with known faults: if the runners find nothing here, the check itself is broken and must not pass. The two
 * tiny buttons side by side fail WCAG 2.2's target size (2.5.8), which only the rules switched on by name test; the
 * wide line must make the reflow test fail in the narrow window.
 */
const CANARY = `<!doctype html><html><head><title>canary</title></head><body>
<img src="x.png"><a href="#"></a><p style="color:#aaa;background:#fff">low contrast text</p>
<p><button style="width:12px;height:12px;padding:0;border:1px solid #000;margin:0">a</button><button style="width:12px;height:12px;padding:0;border:1px solid #000;margin:0">b</button></p>
<div style="width:900px">a line wider than a phone</div></body></html>`;

/** True when the page scrolls sideways in its window (WCAG 1.4.10 fails at 320 CSS px). */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[] }[];
}

/**
 * The WCAG 2.2 rules pa11y's axe runner leaves out (its tags stop at 2.1), run by name on the page pa11y just
 * checked. Its `rules` option cannot add them: HTML_CodeSniffer, in the same run, refuses rule names it does not
 * know. Serious and critical violations are errors, as pa11y counts them.
 */
async function wcag22Errors(page: Page): Promise<Issue[]> {
  if (a11yConfig.required.rules.length === 0) return [];
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!has) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(
    async (rules: string[]) => {
      const axe = (window as unknown as { axe: { run(c: Document, o: unknown): Promise<{ violations: unknown[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: "rule", values: rules } });
      return r.violations as AxeViolation[];
    },
    [...a11yConfig.required.rules],
  );
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map((n) => ({
        code: v.id,
        type: "error" as const,
        message: `${v.help} (${v.helpUrl})`,
        selector: n.target.join(" "),
        runner: "axe",
      })),
    );
}

/** A package's version, from its package.json next to pa11y's. */
function versionOf(name: string): string {
  try {
    const req = createRequire(require.resolve("pa11y"));
    return (req(`${name}/package.json`) as { version: string }).version;
  } catch {
    return "?";
  }
}

/** One pa11y pass over a URL in a window of our own (so the colour scheme is set before pa11y loads it). */
async function checkPage(
  browser: Browser,
  url: string,
  window: (typeof a11yConfig.viewports)[number],
): Promise<{ title: string; errors: Issue[]; sideways?: boolean }> {
  const { colorScheme, ...viewport } = window;
  const page = await browser.newPage();
  try {
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: colorScheme }]);
    const results = await pa11y(url, {
      browser,
      page,
      runners: a11yConfig.required.runners,
      standard: a11yConfig.required.standard,
      timeout: a11yConfig.timeout,
      viewport,
    });
    const sideways = viewport.width <= 400 ? await scrollsSideways(page) : undefined;
    const errors = [...results.issues.filter((i) => i.type === "error"), ...(await wcag22Errors(page))];
    return { title: results.documentTitle, errors, sideways };
  } finally {
    await page.close();
  }
}

/** Checks `pages` in every window, a few at a time; failures and the report's runs go to the lists, in order. */
async function checkAll(
  browser: Browser,
  pages: { url: string; publicUrl: string; path: string }[],
  failures: string[],
  runs: PageRun[],
  raw: Record<string, unknown>[],
): Promise<void> {
  const pool = new Pool(a11yConfig.concurrency);
  const jobs = a11yConfig.viewports.flatMap((window) => pages.map((page) => ({ window, page })));
  const done = await Promise.all(
    jobs.map(({ window, page }) =>
      pool.run(async () => {
        try {
          const result = await checkPage(browser, page.url, window);
          process.stdout.write(result.errors.length || result.sideways ? "F" : ".");
          return { window, page, result };
        } catch (error) {
          return { window, page, error: error instanceof Error ? error.message : String(error) };
        }
      }),
    ),
  );
  process.stdout.write("\n");
  for (const { window, page, result, error } of done) {
    const { url, publicUrl, path } = page;
    const label = `${url} at ${window.width}px, ${window.colorScheme} (${a11yConfig.required.standard} + WCAG 2.2 rules, ${a11yConfig.required.runners.join(" + ")})`;
    if (!result) {
      failures.push(`${label}: failed to run: ${error}`);
      console.log(`FAIL ${label}: failed to run`);
      continue;
    }
    const { title, errors, sideways } = result;
    raw.push({ url, viewport: window.width, colorScheme: window.colorScheme, standard: a11yConfig.required.standard, errors });
    runs.push({
      url: publicUrl,
      path,
      title,
      width: window.width,
      colorScheme: window.colorScheme,
      issues: errors.map((e) => ({ runner: e.runner, code: e.code })),
      ...(sideways !== undefined ? { reflow: !sideways } : {}),
    });
    if (!title) failures.push(`${label}: the page has no title (did it load?)`);
    if (errors.length) failures.push(`${label}: ${errors.length} error(s)\n${errors.map(describe).join("\n")}`);
    if (sideways) failures.push(`${label}: the page scrolls sideways (WCAG 1.4.10 reflow)`);
    console.log(
      `${errors.length === 0 && !sideways ? "ok  " : "FAIL"} ${label}: ${errors.length} errors${sideways ? ", scrolls sideways" : ""}`,
    );
  }
}

/** Writes the test results page (and its data) into the checked build, and keeps manifest.json true to it. */
async function writeReport(dir: string, runs: PageRun[], browserVersion: string): Promise<void> {
  const { loadSite } = await import("../src/content/load.ts");
  const { site } = await loadSite(ROOT);
  if (!site) throw new Error("the project's content does not load: the report page needs its settings");
  const report = buildReport(runs, axeRules(), {
    testedAt: new Date().toISOString(),
    tools: [
      { name: "pa11y", version: versionOf("pa11y"), use: "試験の実行" },
      { name: "axe-core", version: AXE_VERSION, use: "WCAG 2.2 A・AAの自動検査" },
      { name: "HTML_CodeSniffer", version: versionOf("@pa11y/html_codesniffer"), use: "WCAG 2.0 AAの自動検査" },
      { name: "Chromium", version: browserVersion.replace(/^[^/]*\//, ""), use: "表示と操作" },
    ],
  });
  const html = await renderReportPage({ ...siteView(site.settings, [], []), report }, join(ROOT, ".cache", "site-report"));
  const pagePath = layout.accessibilityReport();
  const dataPath = layout.accessibilityResults();
  await writeFileAtomic(join(dir, pagePath), html);
  const data = `${JSON.stringify(report, null, 2)}\n`;
  await writeFileAtomic(join(dir, dataPath), data);
  const manifestFile = join(dir, "manifest.json");
  try {
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as { artifacts: { path: string; bytes: number }[] };
    const page = manifest.artifacts.find((a) => a.path === pagePath);
    if (page) page.bytes = Buffer.byteLength(html);
    manifest.artifacts = manifest.artifacts.filter((a) => a.path !== dataPath);
    manifest.artifacts.push({ edition: "site", kind: "other", path: dataPath, bytes: Buffer.byteLength(data) } as never);
    await writeFileAtomic(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  } catch {
    // A folder without a manifest is not a build of ours; the report stays, unrecorded.
  }
  console.log(`wrote ${pagePath}: ${report.pages.length} pages, ${report.errors} errors`);
}

async function main(): Promise<number> {
  const site = await siteToCheck();
  const server = await serveDir(site.dir);
  const canaryDir = await mkdtemp(join(tmpdir(), "leaflet-a11y-canary-"));
  await writeFile(join(canaryDir, "index.html"), CANARY);
  const canaryServer = await serveDir(canaryDir);
  const browser = await puppeteer.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args, headless: true });
  const failures: string[] = [];
  const raw: Record<string, unknown>[] = [];
  const runs: PageRun[] = [];
  let aaaCount = 0;
  try {
    const canary = await checkPage(browser, canaryServer.url, a11yConfig.viewports[0]);
    const canaryErrors = canary.errors;
    const byRunner = new Set(canaryErrors.map((i) => i.runner));
    for (const runner of a11yConfig.required.runners) {
      if (!byRunner.has(runner)) failures.push(`the ${runner} runner found no error on a page built to fail: the check is not working`);
    }
    if (!canaryErrors.some((i) => i.code === "target-size"))
      failures.push("axe's WCAG 2.2 rule target-size did not run on a page built to fail it: the check is not at WCAG 2.2");
    const narrow = a11yConfig.viewports.find((v) => v.width <= 400);
    if (narrow && !(await checkPage(browser, canaryServer.url, narrow)).sideways)
      failures.push("the reflow test passed a page built to scroll sideways at 320px: the check is not working");

    const xml = await readFile(join(site.dir, "sitemap.xml"), "utf8");
    const base = baseOf(xml);
    const only = args.only?.split(",").filter(Boolean);
    const urls = sitemapUrls(xml, base, server.url).filter((u) => !only || only.some((o) => u.includes(o)));
    console.log(`${urls.length} pages in sitemap.xml, served at ${server.url}`);
    const pages = urls.map((url) => {
      const rel = url.slice(server.url.length);
      return { url, publicUrl: base + rel, path: rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel };
    });

    for (const url of urls) {
      const res = await fetch(url);
      if (!res.ok) failures.push(`${url} did not load: HTTP ${res.status}`);
    }

    await checkAll(browser, pages, failures, runs, raw);

    const aaaPool = new Pool(a11yConfig.concurrency);
    const aaa = await Promise.all(
      urls.map((url) =>
        aaaPool.run(async () => {
          try {
            const results = await pa11y(url, {
              browser,
              runners: a11yConfig.reported.runners,
              standard: a11yConfig.reported.standard,
              timeout: a11yConfig.timeout,
            });
            return { url, errors: results.issues.filter((i) => i.type === "error") };
          } catch (error) {
            return { url, failed: error instanceof Error ? error.message : String(error) };
          }
        }),
      ),
    );
    for (const { url, errors, failed } of aaa) {
      if (!errors) {
        failures.push(`${url} (${a11yConfig.reported.standard}): failed to run: ${failed}`);
        continue;
      }
      aaaCount += errors.length;
      raw.push({ url, standard: a11yConfig.reported.standard, errors });
      console.log(`AAA  ${url}: ${errors.length} htmlcs errors${errors.length ? `\n${errors.map(describe).join("\n")}` : ""}`);
    }

    // The results page of this build, then that page itself: it must be as accessible as the pages it reports on.
    if (only) console.log("--only: some pages were left out, so no results page is written");
    else await writeReport(site.dir, runs, await browser.version());
    const reportPage = pages.find((p) => p.path === layout.accessibilityReport());
    if (only) {
      // checked above if it matched
    } else if (!reportPage) failures.push(`sitemap.xml does not list ${layout.accessibilityReport()}: the results page is not reachable`);
    else await checkAll(browser, [reportPage], failures, [], raw);
  } finally {
    await browser.close();
    await server.close();
    await canaryServer.close();
    await rm(canaryDir, { recursive: true, force: true });
    await site.cleanup();
  }

  const reportFile = args.report ?? join(ROOT, "test-artifacts", "a11y-report.json");
  await mkdir(resolve(reportFile, ".."), { recursive: true });
  await writeFile(reportFile, `${JSON.stringify({ failures, aaaErrors: aaaCount, pages: raw }, null, 2)}\n`);

  console.log(`\nWCAG2AAA (htmlcs): ${aaaCount} errors over all pages (target 0)`);
  if (failures.length) {
    console.error(`\naccessibility check FAILED:\n${failures.join("\n")}`);
    return 1;
  }
  console.log("accessibility check passed: 0 errors at WCAG 2.2 AA with htmlcs and axe on every page, in every window");
  return 0;
}

process.exitCode = await main().catch((error) => {
  console.error(error);
  return 1;
});
