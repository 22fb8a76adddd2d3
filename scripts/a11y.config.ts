// Settings of the accessibility check (scripts/a11y.ts): the browser, the runners and the standards.

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

export const a11yConfig = {
  /** Must pass with zero errors on every page. */
  required: { standard: "WCAG2AA", runners: ["htmlcs", "axe"] },
  /** Reported as a count (target 0); only htmlcs knows AAA. */
  reported: { standard: "WCAG2AAA", runners: ["htmlcs"] },
  /** Per page, in milliseconds. */
  timeout: 60_000,
  /** Wide and narrow windows (reflow problems show only in the narrow one), and the dark palette's contrast. */
  viewports: [
    { width: 1280, height: 1024, colorScheme: "light" },
    { width: 320, height: 640, colorScheme: "light" },
    { width: 1280, height: 1024, colorScheme: "dark" },
  ],
} as const;
