// Bench stage for the talking books: time to write the EPUB and the DAISY zip of each sample leaflet from the
// audio edition's output, their sizes, and what DAISY Ace's check costs the first time a book is built.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { renderAudioEdition } from "../../src/audio/index.ts";
import { createRenderContext } from "../../src/edition/context.ts";
import { layout } from "../../src/edition/layout.ts";
import type { TimingMap } from "../../src/edition/timing.ts";
import { renderTalkingBooks } from "../../src/talkingbook/index.ts";
import type { BenchContext, BenchStage } from "./harness.ts";

export default (async (ctx: BenchContext) => {
  const site = ctx.sample;
  const work = await mkdtemp(join(ctx.scratch, "talkingbook-"));
  const row = (metric: string, value: number, unit: string) => ctx.row({ stage: "talkingbook", corpus: "sample", metric, value, unit });
  // The audio comes from the project's cache when a build has filled it (the audio stage measures its own cost).
  const audio = createRenderContext({ site, outDir: join(work, "dist"), cacheDir: join(ctx.root, ".cache") });
  await renderAudioEdition(audio);
  let writeSeconds = 0;
  for (const leaflet of site.leaflets) {
    const settings = { baseUrl: site.settings.baseUrl, publisher: leaflet.issuer ?? site.settings.issuer };
    const started = performance.now();
    const books = await renderTalkingBooks({ distDir: audio.outDir, leaflet, settings, conformance: "omit" });
    const seconds = (performance.now() - started) / 1000;
    writeSeconds += seconds;
    const timing = JSON.parse(await readFile(join(audio.outDir, layout.timingMap(leaflet.slug)), "utf8")) as TimingMap;
    const minutes = timing.leafletAudio.durationSeconds / 60;
    row(`${leaflet.slug}: audio`, timing.leafletAudio.durationSeconds, "s");
    row(`${leaflet.slug}: EPUB and DAISY written (reading the MP3s included)`, seconds, "s");
    row(`${leaflet.slug}: EPUB size`, books.epub.bytes / 1e6, "MB");
    row(`${leaflet.slug}: DAISY zip size`, books.daisy.bytes / 1e6, "MB");
    row(`${leaflet.slug}: EPUB per minute of audio`, books.epub.bytes / 1e3 / minutes, "kB/min");
  }
  row("all leaflets: books written", writeSeconds, "s");
  // The first build of a book also runs DAISY Ace on it (later builds reuse the verdict from the cache).
  const first = site.leaflets[0];
  const started = performance.now();
  const verified = await renderTalkingBooks({
    distDir: audio.outDir,
    leaflet: first,
    settings: { baseUrl: site.settings.baseUrl, publisher: first.issuer ?? site.settings.issuer },
  });
  row(`${first.slug}: books with DAISY Ace's check (first build)`, (performance.now() - started) / 1000, "s");
  row(`${first.slug}: Ace passed (conformance stated)`, verified.conformance ? 1 : 0, "");
  await rm(work, { recursive: true, force: true });
}) satisfies BenchStage;
