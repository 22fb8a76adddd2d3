// Residents' journeys in real Chromium: scanning a printed page's code on a phone, listening on, reading along, the
// city's contact and the information date, the long FAQ, English marked for screen readers, dark-mode images.
// They run on the hand-made fixture (which has a page map and a timing map) and on the full sample build.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Artifact } from "../../src/edition/contract.ts";
import { layout } from "../../src/edition/layout.ts";
import type { TimingMap } from "../../src/edition/timing.ts";
import type { SiteModel } from "../../src/model/types.ts";
import { listQuestions } from "../../src/model/walk.ts";
import type { StaticServer } from "../../src/site/serve.ts";
import { ROOT } from "../helpers.ts";
import { buildFixtureSite, launchChromium, serve } from "./browser.ts";
import { codedPdf, FULL } from "./fixture.ts";
import { landingProblems, pageCodes } from "./landing.ts";

interface Target {
  dir: string;
  site: SiteModel;
  artifacts: Artifact[];
  dispose(): Promise<void>;
}

async function sampleTarget(): Promise<Target> {
  const { sampleDist } = await import("../sample-build.ts");
  const { loadSite } = await import("../../src/content/load.ts");
  const dir = process.env.LEAFLET_SITE_DIST ?? (await sampleDist());
  const { site } = await loadSite(ROOT);
  if (!site) throw new Error("the sample content does not load");
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as { artifacts: Artifact[] };
  return { dir, site, artifacts: manifest.artifacts, dispose: async () => {} };
}

const PHONE = { width: 375, height: 667 };

describe.each([
  ["fixture", buildFixtureSite],
  ["sample", sampleTarget],
] as [string, () => Promise<Target>][])("residents' journeys in Chromium: %s", (_name, setup) => {
  let target: Target;
  let server: StaticServer;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    target = await setup();
    server = await serve(target.dir);
    browser = await launchChromium();
    phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    page = await phone.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await target?.dispose();
  });

  const local = (url: string) => server.url + url.slice(target.site.settings.baseUrl.length);
  const pageUrl = (slug: string) => `${server.url}${slug}/`;

  it("opens, from every printed page's code, a play control with its length in a phone's first screen, and it plays", async () => {
    let checked = 0;
    for (const pdf of target.artifacts.filter((a) => a.kind === "pdf")) {
      const hasAudio = target.artifacts.some((a) => a.slug === pdf.slug && a.kind === "audio-leaflet");
      if (!hasAudio) continue;
      const codes = await pageCodes(join(target.dir, pdf.path));
      expect(codes.length, pdf.path).toBeGreaterThan(0);
      codes.forEach((code, i) => {
        expect(code, `${pdf.path} page ${i + 1} has a readable code`).toMatch(/^https?:\/\//);
      });
      for (const code of new Set(codes as string[])) {
        expect(code.startsWith(target.site.settings.baseUrl), code).toBe(true);
        expect(await landingProblems(page, local(code)), code).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("reports a code whose page has no player (the check can fail)", async () => {
    // A printed page whose code leads to a leaflet without audio: the resident finds nothing to press.
    const dir = await mkdtemp(join(tmpdir(), "leaflet-landing-"));
    try {
      const plain = target.site.leaflets.find((l) => !target.artifacts.some((a) => a.slug === l.slug && a.kind.startsWith("audio")));
      const url = plain
        ? `${target.site.settings.baseUrl}${plain.slug}/`
        : `${target.site.settings.baseUrl}${layout.printShops().replace(/index\.html$/, "")}`;
      await codedPdf(join(dir, "broken.pdf"), [url]);
      const [code] = await pageCodes(join(dir, "broken.pdf"));
      expect(code).toBe(url);
      const problems = await landingProblems(page, local(code as string));
      expect(problems.join("\n")).toContain("no play control in the first screen");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("plays a listening view's units in order with one button, then offers 「続きを聞く」, which carries on playing", async () => {
    // A view of several units that leads on (the fixture's first page), else any view that leads on.
    let chosen: Artifact | undefined;
    let single: Artifact | undefined;
    for (const v of target.artifacts.filter((a) => a.kind === "listen-page")) {
      const html = await readFile(join(target.dir, v.path), "utf8");
      if (!html.includes("data-continue")) continue;
      if ((html.match(/data-queue-item/g) ?? []).length > 1) {
        chosen = v;
        break;
      }
      single ??= v;
    }
    chosen ??= single;
    if (!chosen) throw new Error("no listening view leads on to another");
    await page.goto(server.url + chosen.path.replace(/index\.html$/, ""));
    const parts = await page.$$eval("[data-queue-item] audio", (els) => els.map((a) => a.dataset.part));
    const button = page.locator("button[data-queue-play]");
    await expect.poll(() => button.isVisible()).toBe(true);
    await button.press("Enter");
    await page.waitForFunction(() => {
      const a = document.querySelector<HTMLAudioElement>("[data-queue-item] audio");
      return a && !a.paused;
    });
    await expect.poll(() => button.textContent()).toContain("一時停止");
    // Skip to the end of each item: the next one starts by itself.
    for (let i = 0; i < parts.length; i++) {
      await page.evaluate((k) => {
        const a = document.querySelectorAll<HTMLAudioElement>("[data-queue-item] audio")[k];
        const end = Number(a.dataset.end) || a.duration;
        a.currentTime = Math.max(0, end - 0.3);
      }, i);
      if (i + 1 < parts.length) {
        await page.waitForFunction((k) => !document.querySelectorAll<HTMLAudioElement>("[data-queue-item] audio")[k].paused, i + 1, {
          timeout: 10_000,
        });
      }
    }
    const next = page.locator("[data-queue-next]");
    if ((await next.count()) > 0) {
      await expect.poll(() => next.getAttribute("class"), { timeout: 10_000 }).toContain("offered");
      expect(await button.textContent()).toContain("もう一度聞く");
      await next.locator("a").click();
      await page.waitForLoadState("load");
      // The next view starts playing (the browser allows it after the resident's press).
      await page.waitForFunction(() => [...document.querySelectorAll("audio")].some((a) => !a.paused), undefined, { timeout: 10_000 });
    }
    await page.evaluate(() => {
      for (const a of document.querySelectorAll("audio")) a.pause();
    });
  });

  it("puts the city's contact in the header, and who to ask and the information date on every leaflet page", async () => {
    const contact = target.site.settings.contact;
    expect(contact?.phone).toBeDefined();
    for (const leaflet of target.site.leaflets) {
      await page.goto(pageUrl(leaflet.slug));
      const header = page.locator(".site-header");
      expect(await header.textContent()).toContain(contact?.department);
      expect(await header.locator(`a[href="tel:${contact?.phone?.dial}"]`).isVisible()).toBe(true);
      expect(await page.getByRole("heading", { name: "このページに関するお問い合わせ" }).count()).toBe(1);
      expect(await page.locator(".info-date").textContent()).toMatch(/この情報は\d{4}年\d{1,2}月\d{1,2}日時点のものです。/);
      expect(await page.getByRole("navigation", { name: "現在位置" }).locator("li").first().textContent()).toBe("リーフレット一覧");
    }
  });

  it("keeps a long FAQ usable on a phone: the play button first, compact contents, the first answer near, 目次へ戻る", async () => {
    const faq = [...target.site.leaflets].sort((a, b) => listQuestions(b).length - listQuestions(a).length)[0];
    const questions = listQuestions(faq);
    await page.goto(pageUrl(faq.slug));
    const screens = async (selector: string) => ((await page.locator(selector).first().boundingBox())?.y ?? Infinity) / PHONE.height;
    expect(await screens("button[data-queue-play]")).toBeLessThan(1);
    // However many questions, the contents take about a screen: the sections, each with its questions folded.
    const toc = (await page.locator(".toc").boundingBox())?.height ?? Infinity;
    expect(toc / PHONE.height).toBeLessThan(questions.length > 12 ? 2 : 1.5);
    expect(await screens(".body .unit-heading")).toBeLessThan(4);
    expect(await screens(`[id="${questions[0].id}"]`)).toBeLessThan(questions.length > 12 ? 4 : 6);
    expect(await page.locator(".back-to-toc a").count()).toBeGreaterThanOrEqual(questions.length);
    // 目次へ戻る takes the keyboard back to the contents.
    await page.locator(".back-to-toc a").last().focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => location.hash)).toBe("#toc-heading");
  });

  it("marks every English run and English contact line with lang=en, and leaves Japanese alone", async () => {
    let marked = 0;
    for (const leaflet of target.site.leaflets) {
      await page.goto(pageUrl(leaflet.slug));
      const runs = await page.$$eval("main [lang]", (els) => els.map((e) => ({ lang: e.getAttribute("lang"), text: e.textContent ?? "" })));
      for (const r of runs) {
        expect(r.lang).toBe("en");
        expect(r.text).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
      marked += runs.length;
    }
    expect(marked).toBeGreaterThan(0);
  });

  it("dims and frames diagrams in the dark palette, and leaves them as drawn in the light one", async () => {
    const withImage = target.site.leaflets.find((l) => target.artifacts.some((a) => a.slug === l.slug && a.kind === "image"));
    expect(withImage).toBeDefined();
    const styleOf = async (scheme: "dark" | "light") => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(pageUrl(withImage?.slug ?? ""));
      return page.$eval("figure.image img", (img) => {
        const s = getComputedStyle(img);
        return { filter: s.filter, border: s.borderTopStyle };
      });
    };
    expect(await styleOf("dark")).toEqual({ filter: expect.stringMatching(/^brightness\(0\.\d+\)$/), border: "solid" });
    expect(await styleOf("light")).toEqual({ filter: "none", border: "none" });
  });
});

describe("read-along in Chromium (the fixture: its timing map)", () => {
  let target: Target;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let timing: TimingMap;

  beforeAll(async () => {
    target = await buildFixtureSite();
    server = await serve(target.dir);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    timing = JSON.parse(await readFile(join(target.dir, layout.timingMap(FULL)), "utf8"));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await target?.dispose();
  });

  const lit = () => page.$$eval(".reading-now", (els) => els.map((e) => e.id));
  const expected = (part: string, t: number) => {
    const p = timing.parts.find((x) => x.id === part);
    const s = [...(p?.sentences ?? [])].filter((x) => x.start <= t).at(-1);
    return s?.id.replace(/~a$/, "");
  };

  it("highlights the sentence being read as a unit plays, following the timing map, and keeps it in view", async () => {
    await page.goto(`${server.url}${FULL}/`);
    const button = page.locator('section[data-unit="q1"] > .listen-from-here');
    await expect.poll(() => button.count()).toBe(1);
    expect(await button.textContent()).toBe("ここから聞く（Q1から続けて）");
    // Keyboard: Tab onto the button, then Enter.
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !document.querySelector<HTMLAudioElement>('audio[data-part="q1"]')?.paused);
    for (const t of [0.2, 1.7, 3.3]) {
      await page.evaluate((at) => {
        const a = document.querySelector<HTMLAudioElement>('audio[data-part="q1"]') as HTMLAudioElement;
        a.currentTime = at;
      }, t);
      await page.waitForTimeout(150);
      const at = await page.$eval('audio[data-part="q1"]', (a) => (a as HTMLAudioElement).currentTime);
      const want = expected("q1", at);
      expect(want, `a sentence is heard at ${at}`).toBeDefined();
      await expect.poll(lit).toEqual([want]);
      const inView = await page.$eval(".reading-now", (el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      expect(inView).toBe(true);
    }
    // Real playback moves the highlight on by itself.
    await page.evaluate(() => {
      (document.querySelector('audio[data-part="q1"]') as HTMLAudioElement).currentTime = 0;
    });
    await page.waitForFunction(() => (document.querySelector('audio[data-part="q1"]') as HTMLAudioElement).currentTime > 1.5, undefined, {
      timeout: 10_000,
    });
    const now = await page.$eval('audio[data-part="q1"]', (a) => (a as HTMLAudioElement).currentTime);
    const heard = await lit();
    const ids = timing.parts.find((p) => p.id === "q1")?.sentences.map((s) => s.id.replace(/~a$/, "")) ?? [];
    expect(ids.indexOf(heard[0])).toBeGreaterThanOrEqual(ids.indexOf(expected("q1", now - 0.5) as string));
  });

  it("listens on from a section: the next unit's audio starts when one ends", async () => {
    await page.goto(`${server.url}${FULL}/`);
    await page.locator('section[data-unit="q2"] > .listen-from-here').click();
    await page.waitForFunction(() => {
      const a = document.querySelector('audio[data-part="q2"]') as HTMLAudioElement;
      return !a.paused && Number.isFinite(a.duration);
    });
    await page.evaluate(() => {
      const a = document.querySelector('audio[data-part="q2"]') as HTMLAudioElement;
      a.currentTime = Math.max(0, a.duration - 0.2);
    });
    await page.waitForFunction(() => !(document.querySelector('audio[data-part="q3"]') as HTMLAudioElement).paused, undefined, {
      timeout: 10_000,
    });
    await expect.poll(lit).toEqual([expected("q3", 0)]);
    await page.evaluate(() => (document.querySelector('audio[data-part="q3"]') as HTMLAudioElement).pause());
  });

  it("follows the whole-leaflet player across parts with their offsets", async () => {
    await page.goto(`${server.url}${FULL}/`);
    await page.locator("button[data-queue-play]").click();
    await page.waitForFunction(() => {
      const a = document.querySelector('audio[data-part="_all"]') as HTMLAudioElement;
      return !a.paused && a.currentTime > 0;
    });
    const q3 = timing.parts.find((p) => p.id === "q3");
    const at = (q3?.offsetSeconds ?? 0) + 0.1;
    await page.evaluate((t) => {
      (document.querySelector('audio[data-part="_all"]') as HTMLAudioElement).currentTime = t;
    }, at);
    await expect.poll(lit).toEqual([expected("q3", 0.1)]);
    await page.evaluate(() => (document.querySelector('audio[data-part="_all"]') as HTMLAudioElement).pause());
  });

  it("announces nothing: no live regions, and the highlight changes a class and nothing else", async () => {
    await page.goto(`${server.url}${FULL}/`);
    expect(await page.locator("[aria-live], [role=status], [role=alert]").count()).toBe(0);
    const sentence = timing.parts.find((p) => p.id === "q1")?.sentences.filter((x) => x.role === "text")[1];
    const id = sentence?.id as string;
    const before = await page.$eval(`[id="${id}"]`, (el) => el.outerHTML);
    await page.locator('section[data-unit="q1"] > .listen-from-here').click();
    await page.waitForFunction(() => !(document.querySelector('audio[data-part="q1"]') as HTMLAudioElement).paused);
    await page.evaluate(
      (t) => {
        (document.querySelector('audio[data-part="q1"]') as HTMLAudioElement).currentTime = t;
      },
      (sentence?.start ?? 0) + 0.05,
    );
    await expect.poll(lit).toEqual([id]);
    const after = await page.$eval(`[id="${id}"]`, (el) => el.outerHTML);
    expect(after.replace(' reading-now"', '"')).toBe(before);
    await page.evaluate(() => (document.querySelector('audio[data-part="q1"]') as HTMLAudioElement).pause());
  });

  it("changes nothing without JavaScript: the same text, no buttons added, nothing highlighted", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(`${server.url}${FULL}/`);
    const text = (m: Element) => {
      const copy = m.cloneNode(true) as HTMLElement;
      for (const b of copy.querySelectorAll(".listen-from-here, [data-queue-play]")) b.remove();
      return copy.textContent;
    };
    const withoutJs = await p.$eval("main", text);
    expect(await p.locator(".listen-from-here, .reading-now").count()).toBe(0);
    await ctx.close();
    await page.goto(`${server.url}${FULL}/`);
    await expect.poll(() => page.locator(".listen-from-here").count()).toBeGreaterThan(0);
    const withJs = await page.$eval("main", text);
    expect(withJs?.replace(/\s+/g, "")).toBe(withoutJs?.replace(/\s+/g, ""));
  });
});
