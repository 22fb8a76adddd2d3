// The talking-book renderer: for each leaflet, reads the timing map and MP3s the audio edition put in the build
// folder and writes the EPUB and the DAISY zip beside the leaflet's other files.
import type { Artifact, RenderContext, Renderer } from "../edition/contract.ts";
import { RenderError } from "../edition/contract.ts";
import { layout } from "../edition/layout.ts";
import { ContentCache, hashKey } from "../lib/cache.ts";
import type { Leaflet } from "../model/types.ts";
import type { CheckReport } from "./check/report.ts";
import { type AceVerdicts, renderTalkingBooks } from "./index.ts";

/** Ace's verdicts in the build cache, so that an unchanged book is not checked again on every build. */
function cachedVerdicts(cacheDir: string): AceVerdicts {
  const cache = new ContentCache(cacheDir, "talkingbook/ace");
  return {
    async get(key) {
      const text = await cache.getText(hashKey({ key }), "json");
      return text ? (JSON.parse(text) as CheckReport) : undefined;
    },
    async put(key, report) {
      await cache.put(hashKey({ key }), "json", JSON.stringify(report));
    },
  };
}

/** The audio edition's timing map of a leaflet in this build, or an error saying to build the audio too. */
function timingArtifact(ctx: RenderContext, leaflet: Leaflet): Artifact {
  const found = ctx.artifacts.find((a) => a.kind === "timing-map" && a.slug === leaflet.slug);
  if (!found)
    throw new RenderError(`${leaflet.file}: the talking books are made from the audio edition, which this build has not made`, {
      leaflet,
      pos: leaflet.pos,
      hint: "build the audio edition too (`leaflet build`, or `leaflet build --edition audio,talkingbook`)",
    });
  return found;
}

/** The talking-book edition (edition "talkingbook"): `<slug>.epub` and `<slug>-daisy.zip` per leaflet. */
export const talkingBookRenderer: Renderer = {
  edition: "talkingbook",
  async render(ctx) {
    const verdicts = cachedVerdicts(ctx.cacheDir);
    // One leaflet at a time: DAISY Ace runs a browser, which is the heavy part.
    for (const leaflet of ctx.leaflets) {
      timingArtifact(ctx, leaflet);
      ctx.log.progress(`talkingbook: ${leaflet.slug}`);
      const books = await renderTalkingBooks({
        distDir: ctx.outDir,
        leaflet,
        settings: { baseUrl: ctx.site.settings.baseUrl, publisher: leaflet.issuer ?? ctx.site.settings.issuer },
        verdicts,
      });
      if (books.epub.path !== layout.epub(leaflet.slug) || books.daisy.path !== layout.daisy(leaflet.slug))
        throw new Error(`the talking books of ${leaflet.slug} were not written where src/edition/layout.ts puts them`);
      const meta = { conformance: books.conformance };
      await ctx.record({
        edition: "talkingbook",
        kind: "epub",
        slug: leaflet.slug,
        path: books.epub.path,
        durationSeconds: books.epub.totalSeconds,
        meta,
      });
      await ctx.record({
        edition: "talkingbook",
        kind: "daisy",
        slug: leaflet.slug,
        path: books.daisy.path,
        durationSeconds: books.daisy.totalSeconds,
      });
      for (const warning of books.warnings) ctx.report({ severity: "warning", message: warning.replace(`${leaflet.file}: `, ""), leaflet });
    }
  },
};
