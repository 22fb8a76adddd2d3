// Accessibility check of the website edition: serves a built site on 127.0.0.1 and runs pa11y 10 over every URL
// in its sitemap with htmlcs and axe at WCAG 2 AA (any error, or any page that fails to load, fails the run), then
// counts htmlcs errors at AAA.
//
//   npm run test:a11y                      check the sample build in test-artifacts/dist (built first when stale)
//   npm run test:a11y -- --dist dist       check an existing build
//   npm run test:a11y -- --editions codes,print,site   build only these editions (faster, fewer links checked)
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
import { serveDir, sitemapUrls } from "../src/site/serve.ts";
import { a11yConfig, CHROMIUM } from "./a11y.config.ts";

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
  close(): Promise<void>;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
type Pa11y = (url: string, options: Record<string, unknown>) => Promise<Results>;

const ROOT = resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const pa11y = require("pa11y") as Pa11y;
// pa11y's own puppeteer, so the browser we share is the version pa11y was built against.
const puppeteer = createRequire(require.resolve("pa11y"))("puppeteer") as {
  launch(o: Record<string, unknown>): Promise<Browser>;
};

const { values: args } = parseArgs({
  options: { dist: { type: "string" }, editions: { type: "string" }, report: { type: "string" } },
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

/** A page with known faults: if the runners find nothing here, the check itself is broken and must not pass. */
const CANARY = `<!doctype html><html><head><title>canary</title></head><body>
<img src="x.png"><a href="#"></a><p style="color:#aaa;background:#fff">low contrast text</p></body></html>`;

async function main(): Promise<number> {
  const site = await siteToCheck();
  const server = await serveDir(site.dir);
  const canaryDir = await mkdtemp(join(tmpdir(), "leaflet-a11y-canary-"));
  await writeFile(join(canaryDir, "index.html"), CANARY);
  const canaryServer = await serveDir(canaryDir);
  const browser = await puppeteer.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args, headless: true });
  const failures: string[] = [];
  const report: Record<string, unknown>[] = [];
  let aaaCount = 0;
  try {
    const canary = await pa11y(canaryServer.url, {
      browser,
      runners: a11yConfig.required.runners,
      standard: a11yConfig.required.standard,
    });
    const byRunner = new Set(canary.issues.filter((i) => i.type === "error").map((i) => i.runner));
    for (const runner of a11yConfig.required.runners) {
      if (!byRunner.has(runner)) failures.push(`the ${runner} runner found no error on a page built to fail: the check is not working`);
    }

    const xml = await readFile(join(site.dir, "sitemap.xml"), "utf8");
    const urls = sitemapUrls(xml, baseOf(xml), server.url);
    console.log(`${urls.length} pages in sitemap.xml, served at ${server.url}`);

    for (const url of urls) {
      const res = await fetch(url);
      if (!res.ok) failures.push(`${url} did not load: HTTP ${res.status}`);
    }

    for (const { colorScheme, ...viewport } of a11yConfig.viewports) {
      for (const url of urls) {
        const label = `${url} at ${viewport.width}px, ${colorScheme} (${a11yConfig.required.standard}, ${a11yConfig.required.runners.join(" + ")})`;
        // A page of our own, so the colour scheme can be set before pa11y loads the URL into it.
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
          const errors = results.issues.filter((i) => i.type === "error");
          report.push({ url, viewport: viewport.width, colorScheme, standard: a11yConfig.required.standard, errors });
          if (!results.documentTitle) failures.push(`${label}: the page has no title (did it load?)`);
          if (errors.length) failures.push(`${label}: ${errors.length} error(s)\n${errors.map(describe).join("\n")}`);
          console.log(`${errors.length === 0 ? "ok  " : "FAIL"} ${label}: ${errors.length} errors`);
        } catch (error) {
          failures.push(`${label}: failed to run: ${error instanceof Error ? error.message : String(error)}`);
          console.log(`FAIL ${label}: failed to run`);
        } finally {
          await page.close();
        }
      }
    }

    for (const url of urls) {
      try {
        const results = await pa11y(url, {
          browser,
          runners: a11yConfig.reported.runners,
          standard: a11yConfig.reported.standard,
          timeout: a11yConfig.timeout,
        });
        const errors = results.issues.filter((i) => i.type === "error");
        aaaCount += errors.length;
        report.push({ url, standard: a11yConfig.reported.standard, errors });
        console.log(`AAA  ${url}: ${errors.length} htmlcs errors${errors.length ? `\n${errors.map(describe).join("\n")}` : ""}`);
      } catch (error) {
        failures.push(`${url} (${a11yConfig.reported.standard}): failed to run: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await canaryServer.close();
    await rm(canaryDir, { recursive: true, force: true });
    await site.cleanup();
  }

  const reportFile = args.report ?? join(ROOT, "test-artifacts", "a11y-report.json");
  await mkdir(resolve(reportFile, ".."), { recursive: true });
  await writeFile(reportFile, `${JSON.stringify({ failures, aaaErrors: aaaCount, pages: report }, null, 2)}\n`);

  console.log(`\nWCAG2AAA (htmlcs): ${aaaCount} errors over all pages (target 0)`);
  if (failures.length) {
    console.error(`\naccessibility check FAILED:\n${failures.join("\n")}`);
    return 1;
  }
  console.log("accessibility check passed: 0 errors at WCAG2AA with htmlcs and axe on every page");
  return 0;
}

process.exitCode = await main().catch((error) => {
  console.error(error);
  return 1;
});
