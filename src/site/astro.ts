// Runs Astro's programmatic build over src/site with the site data handed over in memory.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { layout } from "../edition/layout.ts";
import type { SiteView } from "./view.ts";

/** The module id the pages import their data from. */
export const MODEL_MODULE = "virtual:leaflet-model";
const RESOLVED = `\0${MODEL_MODULE}`;

/** Project root: astro.config.mjs, src/site and public/ are found from here, never from the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A Vite plugin serving the site data as `virtual:leaflet-model`, so no page reads content/ itself. */
export function leafletModelPlugin(view: SiteView) {
  return {
    name: "leaflet-model",
    resolveId(id: string) {
      return id === MODEL_MODULE ? RESOLVED : undefined;
    },
    load(id: string) {
      return id === RESOLVED ? `export default JSON.parse(${JSON.stringify(JSON.stringify(view))});` : undefined;
    },
  };
}

/** Builds the Astro site for `view` into `outDir` (which Astro empties first: give it a folder of its own). */
export async function buildAstroSite(view: SiteView, outDir: string, cacheDir: string): Promise<void> {
  // Astro records anonymous usage unless told not to; a city-hall build machine should not phone home.
  process.env.ASTRO_TELEMETRY_DISABLED = "1";
  const { build } = await import("astro");
  await build({
    root: PROJECT_ROOT,
    configFile: "astro.config.mjs",
    outDir,
    cacheDir,
    site: view.baseUrl,
    logLevel: "error",
    vite: { plugins: [leafletModelPlugin(view)] },
  });
}

/**
 * Renders the accessibility report page alone (the site's chrome from `view`, the results from `view.report`) and
 * returns its HTML: the accessibility check writes it into the build it checked.
 */
export async function renderReportPage(view: SiteView, cacheDir: string): Promise<string> {
  const staging = await mkdtemp(join(tmpdir(), "leaflet-report-"));
  try {
    // No leaflets: only the site's own pages are built, which is quick; the report page is the one kept.
    await buildAstroSite({ ...view, leaflets: [] }, staging, cacheDir);
    return await readFile(join(staging, layout.accessibilityReport()), "utf8");
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
