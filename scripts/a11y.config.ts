// Settings of the accessibility check (scripts/a11y.ts): the browser, the runners and the standards.
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";

/** Debian's Chromium; the flags are the ones that proved reliable here (see /work/shared/notes/stack.md). */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

const require = createRequire(import.meta.url);
// pa11y's own axe-core: the rules listed here are the ones its runner injects into the page.
const axe = createRequire(require.resolve("pa11y"))("axe-core") as {
  version: string;
  getRules(tags?: string[]): { ruleId: string; tags: string[] }[];
};

/**
 * The axe tags of WCAG 2.2 at A and AA. pa11y's axe runner asks axe for the WCAG 2.0 and 2.1 tags only (and
 * best-practice); the rules tagged for 2.2 are switched on by name through pa11y's `rules` option.
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] as const;
const PA11Y_AXE_TAGS = ["wcag2a", "wcag21a", "wcag2aa", "wcag21aa", "best-practice"];

/** The axe rules that run: everything pa11y's runner selects, plus the WCAG 2.2 rules it leaves out. */
export function axeRules(): { ruleId: string; tags: string[] }[] {
  return axe.getRules([...new Set([...AXE_TAGS, ...PA11Y_AXE_TAGS])]);
}
export const AXE_VERSION = axe.version;

/** WCAG 2.2 rules pa11y's tag selection misses, enabled by id. */
export const WCAG22_RULES = axe
  .getRules(["wcag22a", "wcag22aa"])
  .filter((r) => !r.tags.some((t) => PA11Y_AXE_TAGS.includes(t)))
  .map((r) => r.ruleId);

export const a11yConfig = {
  /**
   * Must pass with zero errors on every page: WCAG 2.2 A and AA (htmlcs knows 2.0's AA; axe adds 2.1, and the 2.2
   * rules named in `rules` are run by the check itself on the same page).
   */
  required: { standard: "WCAG2AA", runners: ["htmlcs", "axe"], rules: WCAG22_RULES },
  /** Reported as a count (target 0); only htmlcs knows AAA. */
  reported: { standard: "WCAG2AAA", runners: ["htmlcs"] },
  /** Per page, in milliseconds. */
  timeout: 60_000,
  /** Wide and phone windows (reflow problems show only in narrow ones), and the dark palette's contrast. */
  viewports: [
    { width: 1280, height: 1024, colorScheme: "light" },
    { width: 320, height: 640, colorScheme: "light" },
    { width: 1280, height: 1024, colorScheme: "dark" },
  ],
  /** Pages checked at once, each in its own tab of the one browser (A11Y_CONCURRENCY overrides). */
  concurrency: Math.max(1, Number(process.env.A11Y_CONCURRENCY) || Math.min(2, availableParallelism())),
} as const;
