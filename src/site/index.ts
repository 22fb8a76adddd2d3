// The website edition: runs last and builds the Astro site from the model and the files other editions made.
import { cp, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { type Artifact, type RenderContext, RenderError, type Renderer } from "../edition/contract.ts";
import { layout } from "../edition/layout.ts";
import type { ImageBlock, Leaflet } from "../model/types.ts";
import { eachBlock } from "../model/walk.ts";
import { buildAstroSite } from "./astro.ts";
import { type ImageView, siteView } from "./view.ts";

export { buildAstroSite } from "./astro.ts";
export * from "./view.ts";

/** Site-wide files that are not pages (served from public/). */
export const SITE_ASSETS = ["_site/site.css", "_site/playback-speed.js"] as const;

/** Builds the website into ctx.outDir: the index, one page per leaflet, sitemap.xml, styles and images. */
export const siteRenderer: Renderer = {
  edition: "site",
  async render(ctx: RenderContext) {
    const { settings, leaflets } = ctx.site;
    const artifacts = await presentArtifacts(ctx);
    const images: Record<string, Record<string, ImageView>> = {};
    for (const leaflet of leaflets) images[leaflet.slug] = await copyImages(ctx, leaflet);
    const view = siteView(settings, leaflets, artifacts, images);

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

    await ctx.record({ edition: "site", kind: "page", path: layout.index() });
    for (const leaflet of leaflets)
      await ctx.record({ edition: "site", kind: "page", slug: leaflet.slug, path: layout.page(leaflet.slug) });
    await ctx.record({ edition: "site", kind: "other", path: layout.sitemap() });
    for (const path of SITE_ASSETS) await ctx.record({ edition: "site", kind: "other", path });
  },
};

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
