// A small hand-made site and real files standing in for the other editions, so site tests need no other renderer.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { createElement as h } from "react";
import sharp from "sharp";
import { createRenderContext } from "../../src/edition/context.ts";
import type { Artifact, RenderContext } from "../../src/edition/contract.ts";
import { layout } from "../../src/edition/layout.ts";
import type { SiteModel } from "../../src/model/types.ts";
import { fixtureModel } from "../support/models.ts";

export { fixtureModel } from "../support/models.ts";

const run = promisify(execFile);

/** A RenderContext over a real folder, recording artifacts the way the build does. */
export function makeContext(site: SiteModel, outDir: string, cacheDir: string, artifacts: Artifact[] = []): RenderContext {
  return createRenderContext({ site, outDir, cacheDir, artifacts });
}

async function sineMp3(file: string, seconds: number, hz: number): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await run("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    `sine=frequency=${hz}:duration=${seconds}`,
    "-ac",
    "1",
    "-b:a",
    "64k",
    file,
  ]);
}

async function smallPdf(file: string): Promise<void> {
  const { Document, Page, Text, renderToBuffer } = await import("@react-pdf/renderer");
  const doc = h(Document, { title: "fixture" }, h(Page, { size: "A4" }, h(Text, null, "Fixture PDF for the website tests")));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, await renderToBuffer(doc));
}

/** Writes an image for the model and the other editions' files into outDir, and returns the model and artifacts. */
export async function fixtureBuild(outDir: string, imageDir: string): Promise<{ site: SiteModel; artifacts: Artifact[] }> {
  const imageFile = join(imageDir, "card-front.png");
  await mkdir(imageDir, { recursive: true });
  await sharp({ create: { width: 640, height: 400, channels: 3, background: "#7fa7d8" } })
    .png()
    .toFile(imageFile);
  const site = fixtureModel(imageFile);
  const slug = "card-safety-mini";
  const artifacts: Artifact[] = [];
  const ctx = makeContext(site, outDir, join(outDir, "..", "cache"), artifacts);

  await sineMp3(join(outDir, layout.leafletAudio(slug)), 3, 440);
  await ctx.record({ edition: "audio", kind: "audio-leaflet", slug, path: layout.leafletAudio(slug), durationSeconds: 3 });
  for (const [i, id] of ["carrying", "pin", "q1", "q2", "q3"].entries()) {
    await sineMp3(join(outDir, layout.unitAudio(slug, id)), 1, 300 + 50 * i);
    await ctx.record({ edition: "audio", kind: "audio-unit", slug, unitId: id, path: layout.unitAudio(slug, id), durationSeconds: 1 });
  }
  await smallPdf(join(outDir, layout.pdf(slug)));
  await ctx.record({ edition: "print", kind: "pdf", slug, path: layout.pdf(slug) });
  await smallPdf(join(outDir, layout.printPdf(slug)));
  await ctx.record({ edition: "print", kind: "pdf-print", slug, path: layout.printPdf(slug) });
  const qr = await sharp({ create: { width: 240, height: 240, channels: 3, background: "#ffffff" } })
    .png()
    .toBuffer();
  await ctx.emit(
    { edition: "codes", kind: "code-png", slug, meta: { url: `${site.settings.baseUrl}${slug}/` } },
    layout.codePng(slug, "page"),
    new Uint8Array(qr),
  );
  await ctx.emit({ edition: "braille", kind: "brf", slug }, layout.brf(slug), "MAIN8BA#3A ,A7,9\n");
  await ctx.emit({ edition: "braille", kind: "braille-text", slug }, layout.brailleText(slug), "⠵⠃⠅⠴⠐⠥⠒\n");
  await ctx.emit(
    { edition: "braille", kind: "braille-label-text", slug, meta: { text: "マイナンバーカード アンシン", braille: "⠵⠃⠅⠴⠐⠥⠒⠡⠐⠍ ⠁⠴⠩⠴" } },
    layout.brailleLabelText(slug),
    "⠵⠃⠅⠴⠐⠥⠒⠡⠐⠍ ⠁⠴⠩⠴\n",
  );
  return { site, artifacts };
}
