// What a resident meets after scanning a printed page's code: the codes read back from a real PDF (pdftoppm and
// zbarimg, as a phone's camera would), and a check of the page they open in a phone's first screen.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";

const run = promisify(execFile);

/**
 * The URL each page's code holds, page by page (undefined where a page has no readable code), read at 200 dpi and,
 * for pages that did not read, again at 300 dpi (a phone's camera gets closer).
 */
export async function pageCodes(pdfFile: string): Promise<(string | undefined)[]> {
  const first = await readCodes(pdfFile, 200);
  if (first.every((c) => c !== undefined)) return first;
  const second = await readCodes(pdfFile, 300);
  return first.map((c, i) => c ?? second[i]);
}

async function readCodes(pdfFile: string, dpi: number): Promise<(string | undefined)[]> {
  const dir = await mkdtemp(join(tmpdir(), "leaflet-codes-"));
  try {
    await run("pdftoppm", ["-r", String(dpi), "-png", pdfFile, join(dir, "page")]);
    const files = (await readdir(dir)).filter((f) => f.endsWith(".png")).sort();
    const out: (string | undefined)[] = [];
    for (const f of files) {
      try {
        const { stdout } = await run("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", join(dir, f)]);
        // A page shows one code; the first one read is the page's.
        out.push(
          stdout
            .split("\n")
            .find((l) => /^https?:\/\//.test(l.trim()))
            ?.trim(),
        );
      } catch {
        out.push(undefined); // zbarimg exits 4 when it finds no code
      }
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What is wrong with the page at `url` as a code's landing, in the page's current window (a phone): the empty list
 * when a play control and the length of what it plays are both in the first screen, and pressing the control
 * really starts the audio.
 */
export async function landingProblems(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  // A scan opens the page afresh: never a jump within the page already open.
  await page.goto("about:blank");
  const res = await page.goto(url);
  if (!res?.ok()) return [`${url} did not load (HTTP ${res?.status()})`];
  await page.waitForLoadState("load");
  const seen = await page.evaluate(() => {
    const inFirstScreen = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && s.visibility !== "hidden" && s.display !== "none";
    };
    const controls = [...document.querySelectorAll("button[data-queue-play], button.listen-from-here, audio[controls]")].filter(
      inFirstScreen,
    );
    const lengths = [...document.querySelectorAll(".listen-length, .audio-length")].filter(
      (el) => inFirstScreen(el) && /\d+(時間|分|秒)/.test(el.textContent ?? "") && !el.closest(".visually-hidden"),
    );
    controls.forEach((el, i) => {
      el.setAttribute("data-landing", String(i));
    });
    return {
      controls: controls.map((el) => el.tagName.toLowerCase()),
      lengths: lengths.map((el) => el.textContent?.trim() ?? ""),
    };
  });
  if (seen.controls.length === 0) problems.push(`${url}: no play control in the first screen`);
  if (seen.lengths.length === 0) problems.push(`${url}: no length of the audio shown in the first screen`);
  if (seen.controls.length === 0) return problems;
  // Press the first control as a finger would: a button, or the play button at the left end of a native player.
  const first = page.locator('[data-landing="0"]');
  if (seen.controls[0] === "audio") {
    const box = await first.boundingBox();
    if (box) await page.mouse.click(box.x + 20, box.y + box.height / 2);
  } else {
    await first.click();
  }
  const playing = await page
    .waitForFunction(() => [...document.querySelectorAll("audio")].some((a) => !a.paused && a.currentTime > 0.2), undefined, {
      timeout: 10_000,
    })
    .then(() => true)
    .catch(() => false);
  if (!playing) problems.push(`${url}: pressing the play control did not start the audio`);
  await page.evaluate(() => {
    for (const a of document.querySelectorAll("audio")) a.pause();
  });
  return problems;
}
