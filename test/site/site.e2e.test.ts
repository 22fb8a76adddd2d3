// End-to-end tests of the website in real Chromium: keyboard, accessibility tree, phone links, reflow, no-JS.
// They run on a small hand-made site built by the real renderer, and on the full sample build when it exists.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Artifact } from "../../src/edition/contract.ts";
import { layout } from "../../src/edition/layout.ts";
import type { SiteModel } from "../../src/model/types.ts";
import { inlineText, listUnits } from "../../src/model/walk.ts";
import type { StaticServer } from "../../src/site/serve.ts";
import { sitemapUrls } from "../../src/site/serve.ts";
import { telHref } from "../../src/site/view.ts";
import { ROOT } from "../helpers.ts";
import { buildFixtureSite, launchChromium, serve } from "./browser.ts";

interface Target {
  dir: string;
  site: SiteModel;
  artifacts: Artifact[];
  dispose(): Promise<void>;
}

const SCREENS = join(ROOT, "test-artifacts", "site-screens");

async function sampleTarget(): Promise<Target> {
  const { sampleDist } = await import("../sample-build.ts");
  const { loadSite } = await import("../../src/content/load.ts");
  // LEAFLET_SITE_DIST points at an existing full build of the sample instead (e.g. `leaflet build` output).
  const dir = process.env.LEAFLET_SITE_DIST ?? (await sampleDist());
  const { site } = await loadSite(ROOT);
  if (!site) throw new Error("the sample content does not load");
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as { artifacts: Artifact[] };
  return { dir, site, artifacts: manifest.artifacts, dispose: async () => {} };
}

// The hand-made fixture, and the full sample (built once for every test process by test/sample-build.ts).
const targets: [string, () => Promise<Target>][] = [
  ["fixture", buildFixtureSite],
  ["sample", sampleTarget],
];

/** Heading nodes of Chromium's accessibility tree, in document order. */
async function axHeadings(page: Page): Promise<{ name: string; level: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
    nodes: {
      ignored: boolean;
      role?: { value: string };
      name?: { value: string };
      properties?: { name: string; value: { value: unknown } }[];
    }[];
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && n.role?.value === "heading")
    .map((n) => ({
      name: String(n.name?.value ?? ""),
      level: Number(n.properties?.find((p) => p.name === "level")?.value.value ?? 0),
    }));
}

/** Presses Tab until every marked element got focus (or `limit` presses) and returns the marks reached. */
async function tabWalk(page: Page, want: number, limit: number): Promise<Set<string>> {
  const reached = new Set<string>();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const mark = await page.evaluate(() => document.activeElement?.getAttribute("data-e2e") ?? null);
    if (mark) reached.add(mark);
    if (reached.size === want) break;
  }
  return reached;
}

describe.each(targets)("website in Chromium: %s", (name, setup) => {
  let target: Target;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let urls: string[];

  beforeAll(async () => {
    target = await setup();
    server = await serve(target.dir);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    const xml = await readFile(join(target.dir, layout.sitemap()), "utf8");
    urls = sitemapUrls(xml, target.site.settings.baseUrl, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await target?.dispose();
  });

  const pageUrl = (slug: string) => `${server.url}${layout.page(slug).replace(/index\.html$/, "")}`;

  it("lists every page the site built in sitemap.xml (leaflets, listening views, its own pages), and every one loads", async () => {
    const built = target.artifacts.filter((a) => a.edition === "site" && (a.kind === "page" || a.kind === "listen-page"));
    expect(new Set(urls)).toEqual(new Set(built.map((a) => server.url + a.path.replace(/index\.html$/, ""))));
    for (const l of target.site.leaflets) expect(urls).toContain(pageUrl(l.slug));
    for (const url of urls) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe("ja");
    }
  });

  it("moves focus to main with the skip link", async () => {
    for (const url of urls) {
      await page.goto(url);
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => ({
        text: document.activeElement?.textContent,
        href: document.activeElement?.getAttribute("href"),
      }));
      expect(first).toEqual({ text: "本文へ移動", href: "#main-content" });
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()}#${document.activeElement?.id}`)).toBe(
        "main#main-content",
      );
    }
  });

  it("exposes one h1, no skipped levels, and every section and question as a heading at its level", async () => {
    for (const leaflet of target.site.leaflets) {
      await page.goto(pageUrl(leaflet.slug));
      const headings = await axHeadings(page);
      expect(headings.filter((h) => h.level === 1).map((h) => h.name)).toEqual([leaflet.title]);
      for (let i = 1; i < headings.length; i++) {
        expect(headings[i].level, `${headings[i - 1].name} → ${headings[i].name}`).toBeLessThanOrEqual(headings[i - 1].level + 1);
      }
      const topLevel = new Set(
        leaflet.body.filter((b) => b.type === "section" || b.type === "question").map((b) => (b as { id: string }).id),
      );
      for (const unit of listUnits(leaflet)) {
        const level = topLevel.has(unit.id) ? 2 : 3;
        const text = unit.type === "question" ? `Q${unit.number}. ${inlineText(unit.question)}` : inlineText(unit.title);
        const found = headings.find((h) => h.name.replace(/\s+/g, "") === text.replace(/\s+/g, ""));
        expect(found, `${leaflet.slug}#${unit.id} 「${text}」`).toBeDefined();
        expect(found?.level, `${leaflet.slug}#${unit.id}`).toBe(level);
        // The stable id is the heading's own anchor, so #q12 lands on the question.
        expect(await page.evaluate((id) => document.getElementById(id)?.tagName.toLowerCase(), unit.id)).toBe(`h${level}`);
      }
    }
  });

  it("reaches every link, audio player, download and the speed control with Tab alone", async () => {
    let checked = 0;
    for (const url of urls) {
      await page.goto(url);
      // Folded lists of questions are opened first: a closed disclosure hides its links on purpose.
      await page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      const count = await page.evaluate(() => {
        const targets = document.querySelectorAll("a[href], audio[controls], select, button, input");
        targets.forEach((el, i) => {
          el.setAttribute("data-e2e", String(i));
        });
        return targets.length;
      });
      if (count === 0) continue;
      const focusable = await page.evaluate(
        () => document.querySelectorAll("a[href], audio[controls], select, button, summary, [tabindex='0']").length,
      );
      // Each native player takes a few Tab stops (play, timeline, volume, menu).
      const reached = await tabWalk(page, count, focusable * 6 + 20);
      const missing = Array.from({ length: count }, (_, i) => String(i)).filter((i) => !reached.has(i));
      const missingDesc = await page.evaluate(
        (ids) => ids.map((i) => document.querySelector(`[data-e2e="${i}"]`)?.outerHTML.slice(0, 120)),
        missing,
      );
      expect(missingDesc, url).toEqual([]);
      checked += await page.evaluate(() => document.querySelectorAll("audio[controls], a[download]").length);
    }
    const expected = target.artifacts.filter((a) => a.kind === "audio-unit" || a.kind === "audio-leaflet").length;
    expect(checked).toBeGreaterThanOrEqual(expected * 2);
  });

  it("takes a keyboard user from the table of contents to each question", async () => {
    for (const leaflet of target.site.leaflets) {
      await page.goto(pageUrl(leaflet.slug));
      for (const unit of listUnits(leaflet).slice(0, 8)) {
        // A question folded under its section: the disclosure is opened from the keyboard first.
        const folded = page.locator(`.toc details:has(a[href="#${unit.id}"]) > summary`);
        if ((await folded.count()) > 0 && !(await page.locator(`.toc a[href="#${unit.id}"]`).isVisible())) {
          await folded.focus();
          await page.keyboard.press("Enter");
        }
        await page.focus(`.toc a[href="#${unit.id}"]`);
        await page.keyboard.press("Enter");
        expect(await page.evaluate(() => location.hash)).toBe(`#${unit.id}`);
        const box = await page.locator(`[id="${unit.id}"]`).boundingBox();
        expect(box !== null && box.y >= 0 && box.y < 900, `${leaflet.slug}#${unit.id} is scrolled into view`).toBe(true);
        // The next Tab continues from the question, not from the table of contents.
        await page.keyboard.press("Tab");
        const after = await page.evaluate(
          (id) => !!(document.getElementById(id)!.compareDocumentPosition(document.activeElement!) & Node.DOCUMENT_POSITION_FOLLOWING),
          unit.id,
        );
        expect(after, `${leaflet.slug}#${unit.id}`).toBe(true);
      }
    }
  });

  it("shows a player for exactly the audio that was built, never autoplaying, loading only the length of players in sight", async () => {
    for (const leaflet of target.site.leaflets) {
      await page.goto(pageUrl(leaflet.slug));
      await page.waitForTimeout(200);
      // A player per section or question and one for the whole leaflet; the opening, closing and credits are parts of
      // the whole file (and of the talking books), not players of their own.
      const built = target.artifacts.filter(
        (a) => a.slug === leaflet.slug && ((a.kind === "audio-unit" && a.unitId) || a.kind === "audio-leaflet"),
      );
      const players = await page.$$eval("audio", (els) =>
        els.map((a) => ({
          autoplay: a.autoplay,
          preload: a.preload,
          controls: a.controls,
          far: a.getBoundingClientRect().top > innerHeight * 3,
        })),
      );
      expect(players.length, leaflet.slug).toBe(built.length);
      for (const p of players) expect(p).toMatchObject({ autoplay: false, controls: true });
      // The markup asks for nothing; the script asks for the length (metadata) only of players near the screen.
      for (const p of players.filter((x) => x.far)) expect(p.preload).toBe("none");
      expect(await page.$$eval("audio", (els) => els.every((a) => a.getAttribute("preload") === "none" || a.preload === "metadata"))).toBe(
        true,
      );
      expect(await page.locator("#audio-heading").count()).toBe(built.length > 0 ? 1 : 0);
      expect(await page.locator("#playback-speed").count()).toBe(built.length > 0 ? 1 : 0);
    }
  });

  it("changes the speed of every player from the keyboard", async () => {
    const withAudio = target.site.leaflets.find((l) => target.artifacts.some((a) => a.slug === l.slug && a.kind.startsWith("audio")));
    if (!withAudio) return;
    await page.goto(pageUrl(withAudio.slug));
    await page.focus("#playback-speed");
    await page.keyboard.press("ArrowDown");
    const rates = await page.$$eval("audio", (els) => els.map((a) => a.playbackRate));
    expect(await page.inputValue("#playback-speed")).toBe("1.25");
    expect(new Set(rates)).toEqual(new Set([1.25]));
    await page.keyboard.press("Home");
    expect(await page.inputValue("#playback-speed")).toBe("0.75");
  });

  it("makes every phone and free-dial number a tel: link showing the number", async () => {
    let phones = 0;
    for (const leaflet of target.site.leaflets) {
      await page.goto(pageUrl(leaflet.slug));
      const links = await page.$$eval("a[href^='tel:']", (els) => els.map((a) => ({ href: a.getAttribute("href"), text: a.textContent })));
      const visit = (items: unknown[]) => {
        for (const item of items as {
          type: string;
          entries?: { kind: string; dial?: string; number?: string }[];
          children?: unknown[];
          answer?: unknown[];
          items?: { children: unknown[] }[];
        }[]) {
          if (item.type === "contact") {
            for (const e of item.entries ?? []) {
              if ((e.kind === "phone" || e.kind === "freedial") && e.dial) {
                phones++;
                expect(links, `${leaflet.slug} ${e.number}`).toContainEqual({ href: telHref(e.dial), text: e.number });
              }
            }
          }
          if (item.children) visit(item.children);
          if (item.answer) visit(item.answer);
          for (const li of item.items ?? []) visit(li.children);
        }
      };
      visit(leaflet.body);
    }
    expect(phones).toBeGreaterThan(0);
  });

  it("never scrolls sideways at 320 CSS px, or at 1280 px zoomed to 200 %", async () => {
    await mkdir(SCREENS, { recursive: true });
    for (const width of [320, 640]) {
      const narrow = await context.browser()!.newContext({ viewport: { width, height: 800 } });
      const p = await narrow.newPage();
      for (const url of urls) {
        await p.goto(url);
        const { scroll, client } = await p.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(scroll, `${url} at ${width}px`).toBeLessThanOrEqual(client);
        const slug = url.slice(server.url.length).replace(/\/$/, "") || "index";
        if (width === 320) await p.screenshot({ path: join(SCREENS, `${name}-${slug}-320.png`), fullPage: true });
      }
      await narrow.close();
    }
    for (const url of urls) {
      await page.goto(url);
      const slug = url.slice(server.url.length).replace(/\/$/, "") || "index";
      await page.screenshot({ path: join(SCREENS, `${name}-${slug}-desktop.png`), fullPage: true });
    }
  });

  it("works without JavaScript: text, players and links are there; the speed control, play buttons and read-along are not", async () => {
    const noJs = await context.browser()!.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    for (const leaflet of target.site.leaflets) {
      await p.goto(pageUrl(leaflet.slug));
      expect(await p.locator("h1").textContent()).toBe(leaflet.title);
      const speed = p.locator("[data-speed-control]");
      if ((await speed.count()) > 0) {
        expect(await speed.isHidden()).toBe(true);
        expect(await p.locator("audio[controls]").count()).toBeGreaterThan(0);
        expect(await p.locator("button[data-queue-play]").isHidden()).toBe(true);
      }
      expect(await p.locator(".listen-from-here, .reading-now").count()).toBe(0);
    }
    // A listening view without JavaScript: one native player per unit, each showing its length in text.
    const view = target.artifacts.find((a) => a.kind === "listen-page" && a.unitId);
    if (view) {
      await p.goto(server.url + view.path.replace(/index\.html$/, ""));
      const players = await p.$$eval("audio[controls]", (els) => els.map((a) => (a as HTMLAudioElement).preload));
      expect(players.length).toBeGreaterThan(0);
      expect(new Set(players)).toEqual(new Set(["metadata"]));
      expect(await p.locator(".queue-title .audio-length").first().textContent()).toMatch(/（\d+(分|秒)/);
    }
    await noJs.close();
    // With JavaScript the same control appears.
    const withAudio = target.site.leaflets.find((l) => target.artifacts.some((a) => a.slug === l.slug && a.kind.startsWith("audio")));
    if (withAudio) {
      await page.goto(pageUrl(withAudio.slug));
      expect(await page.locator("[data-speed-control]").isVisible()).toBe(true);
    }
  });

  it("shows a visible focus indicator on links", async () => {
    await page.goto(urls[0]);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const style = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement as Element);
      return { outline: s.outlineStyle, width: Number.parseFloat(s.outlineWidth), bg: s.backgroundColor };
    });
    expect(style.outline).toBe("solid");
    expect(style.width).toBeGreaterThanOrEqual(2);
  });

  it("prints without players, navigation or the table of contents, and keeps focus visible in forced colours", async () => {
    const withAudio = target.site.leaflets.find((l) => target.artifacts.some((a) => a.slug === l.slug && a.kind.startsWith("audio")));
    const slug = (withAudio ?? target.site.leaflets[0]).slug;
    const p = await context.newPage();
    await p.goto(pageUrl(slug));
    await p.emulateMedia({ media: "print" });
    const shown = await p.evaluate(() =>
      [".toc", ".listen", ".audio", ".skip-link", ".site-nav", "h1"].map((sel) => {
        const el = document.querySelector(sel);
        return el ? `${sel}:${getComputedStyle(el).display}` : `${sel}:absent`;
      }),
    );
    expect(shown.filter((s) => s.startsWith("h1"))).toEqual(["h1:block"]);
    for (const s of shown.filter((x) => !x.startsWith("h1") && !x.endsWith(":absent"))) expect(s).toMatch(/:none$/);
    await p.emulateMedia({ media: "screen", forcedColors: "active" });
    await p.keyboard.press("Tab");
    await p.keyboard.press("Tab");
    const outline = await p.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe("solid");
    await p.close();
  });
});
