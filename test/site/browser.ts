// Shared setup for the website's end-to-end tests: a built site served over http and Debian's Chromium.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { CHROMIUM } from "../../scripts/a11y.config.ts";
import { siteRenderer } from "../../src/site/index.ts";
import { type StaticServer, serveDir } from "../../src/site/serve.ts";
import { fixtureBuild, makeContext } from "./fixture.ts";

/** Debian's Chromium, driven by playwright-core (no browser download). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args });
}

/** The hand-made fixture site built by the real renderer into a temp folder, with its model. */
export async function buildFixtureSite() {
  const scratch = await mkdtemp(join(tmpdir(), "leaflet-site-e2e-"));
  const outDir = join(scratch, "dist");
  const { site, artifacts } = await fixtureBuild(outDir, join(scratch, "images"));
  const ctx = makeContext(site, outDir, join(scratch, "cache"), artifacts);
  await siteRenderer.render(ctx);
  return { site, dir: outDir, artifacts: ctx.artifacts, dispose: () => rm(scratch, { recursive: true, force: true }) };
}

/** Serves a dist folder for the duration of a test file. */
export async function serve(dir: string): Promise<StaticServer> {
  return serveDir(dir);
}
