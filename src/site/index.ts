// The website edition: runs last and builds the Astro site from the model and the files other editions made.
import { cp, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { type Artifact, type RenderContext, RenderError, type Renderer } from "../edition/contract.ts";
import { layout, type PageMapEntry } from "../edition/layout.ts";
import { TIMING_MAP_VERSION, type TimingMap } from "../edition/timing.ts";
import type { ImageBlock, Leaflet } from "../model/types.ts";
import { eachBlock } from "../model/walk.ts";
import { buildAstroSite } from "./astro.ts";
import { type ImageView, type SiteView, sitePages, siteView } from "./view.ts";

export { buildAstroSite } from "./astro.ts";
export * from "./view.ts";

/** Site-wide files that are not pages (served from public/). */
export const SITE_ASSETS = ["_site/site.css", "_site/playback-speed.js", "_site/listen.js", "_site/read-along.js"] as const;

/** Builds the website into ctx.outDir: the index, one page per leaflet, sitemap.xml, styles and images. */
export const siteRenderer: Renderer = {
  edition: "site",
  async render(ctx: RenderContext) {
    const { settings, leaflets } = ctx.site;
    const artifacts = await presentArtifacts(ctx);
    const images: Record<string, Record<string, ImageView>> = {};
    for (const leaflet of leaflets) images[leaflet.slug] = await copyImages(ctx, leaflet);
    const pageMaps: Record<string, PageMapEntry[]> = {};
    const timings: Record<string, TimingMap> = {};
    for (const leaflet of leaflets) {
      const pages = await readJson(ctx, artifacts, leaflet, "page-map", isPageMap);
      if (pages) pageMaps[leaflet.slug] = pages;
      const timing = await readJson(ctx, artifacts, leaflet, "timing-map", isTimingMap);
      if (timing) timings[leaflet.slug] = timing;
    }
    const view = siteView(settings, leaflets, artifacts, { images, pageMaps, timings });

    ctx.log.progress(`site: ${leaflets.length} leaflet pages`);
    // Astro empties its output folder, so it builds beside dist and the result is copied over the other editions' files.
    const staging = await mkdtemp(join(tmpdir(), "leaflet-site-"));
    try {
      try {
        await buildAstroSite(view, staging, join(ctx.cacheDir, "site"));
      } catch (cause) {
        throw new RenderError(`the website could not be built: ${cause instanceof Error ? cause.message : String(cause)}`, {
          hint: "run `leaflet check` for content errors; if it passes, this is a bug in src/site: report it with this message",
          cause,
        });
      }
      await cp(staging, ctx.outDir, { recursive: true, force: true });
    } finally {
      await rm(staging, { recursive: true, force: true });
    }

    await recordPages(ctx, view);
    await ctx.record({ edition: "site", kind: "other", path: layout.sitemap() });
    for (const path of SITE_ASSETS) await ctx.record({ edition: "site", kind: "other", path });
  },
};

/** Records every page the site built: the index, each leaflet page and its listening views, the site's own pages. */
async function recordPages(ctx: RenderContext, view: SiteView): Promise<void> {
  const listen = new Map(view.leaflets.flatMap((lv) => lv.listen.map((v) => [v.path, { slug: lv.leaflet.slug, unitId: v.unitId }])));
  const leafletPage = new Map(view.leaflets.map((lv) => [lv.page, lv.leaflet.slug]));
  for (const { path } of sitePages(view)) {
    const l = listen.get(path);
    if (l) await ctx.record({ edition: "site", kind: "listen-page", slug: l.slug, ...(l.unitId ? { unitId: l.unitId } : {}), path });
    else await ctx.record({ edition: "site", kind: "page", ...(leafletPage.has(path) ? { slug: leafletPage.get(path) } : {}), path });
  }
}

/** An edition's JSON file for a leaflet (page map, timing map), when it is in the build and has the expected shape. */
async function readJson<T>(
  ctx: RenderContext,
  artifacts: Artifact[],
  leaflet: Leaflet,
  kind: "page-map" | "timing-map",
  valid: (x: unknown) => x is T,
): Promise<T | undefined> {
  const a = artifacts.find((x) => x.slug === leaflet.slug && x.kind === kind);
  if (!a) return undefined;
  try {
    const data: unknown = JSON.parse(await readFile(join(ctx.outDir, a.path), "utf8"));
    if (valid(data)) return data;
  } catch {
    // reported below
  }
  ctx.report({
    severity: "warning",
    leaflet,
    message: `${a.path} (written by the ${a.edition} edition) is not a ${kind} the website can read: the website does without it`,
    hint: "this is a bug in the edition that wrote it: report it with this message",
  });
  return undefined;
}

/** The page map's shape (`PageMapEntry[]`). */
export function isPageMap(x: unknown): x is PageMapEntry[] {
  return (
    Array.isArray(x) &&
    x.every(
      (e) =>
        typeof e === "object" &&
        e !== null &&
        typeof e.page === "number" &&
        typeof e.url === "string" &&
        Array.isArray(e.units) &&
        e.units.every((u: unknown) => typeof u === "string"),
    )
  );
}

/** The timing map's shape, as far as the website uses it. */
export function isTimingMap(x: unknown): x is TimingMap {
  const t = x as TimingMap;
  return (
    typeof t === "object" &&
    t !== null &&
    t.version === TIMING_MAP_VERSION &&
    Array.isArray(t.parts) &&
    t.parts.every(
      (p) =>
        typeof p.id === "string" &&
        typeof p.offsetSeconds === "number" &&
        typeof p.durationSeconds === "number" &&
        Array.isArray(p.sentences) &&
        p.sentences.every((s) => typeof s.id === "string" && typeof s.start === "number" && typeof s.end === "number"),
    )
  );
}

/** Artifacts whose files are really in the build, so the site never links a missing file. */
async function presentArtifacts(ctx: RenderContext): Promise<Artifact[]> {
  const out: Artifact[] = [];
  for (const a of ctx.artifacts) {
    try {
      await stat(join(ctx.outDir, a.path));
      out.push(a);
    } catch {
      ctx.log.warn(`site: ${a.path} was recorded by the ${a.edition} edition but is not in the build; it is not linked`);
    }
  }
  return out;
}

/** Every image block of a leaflet, wherever it sits (lead, sections, answers, list items). */
export function imageBlocks(leaflet: Leaflet): ImageBlock[] {
  const found: ImageBlock[] = [];
  eachBlock(leaflet, (b) => {
    if (b.type === "image") found.push(b);
  });
  return found;
}

/** Copies a leaflet's images to their public place and measures them, so pages reserve their space. */
async function copyImages(ctx: RenderContext, leaflet: Leaflet): Promise<Record<string, ImageView>> {
  const views: Record<string, ImageView> = {};
  for (const img of imageBlocks(leaflet)) {
    if (views[img.name]) continue;
    let data: Buffer;
    try {
      data = await readFile(img.file);
    } catch (cause) {
      throw new RenderError(`the image ${img.name} cannot be read`, {
        leaflet,
        pos: img.pos,
        hint: `check that ${img.file} exists and is readable`,
        cause,
      });
    }
    const path = layout.image(leaflet.slug, img.name);
    await ctx.emit({ edition: "site", kind: "image", slug: leaflet.slug }, path, new Uint8Array(data));
    let width: number | undefined;
    let height: number | undefined;
    try {
      const meta = await sharp(data).metadata();
      width = meta.width;
      height = meta.height;
    } catch {
      // An image sharp cannot measure still displays; the page only loses its reserved space.
    }
    views[img.name] = { path, ...(width && height ? { width, height } : {}) };
  }
  return views;
}
