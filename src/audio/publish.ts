// What the audio edition publishes for one leaflet once its parts are encoded: each part's MP3 tagged as a track,
// the whole-leaflet MP3 with a chapter per part, the timing map, and the all-files zip.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RenderContext } from "../edition/contract.ts";
import { layout } from "../edition/layout.ts";
import type { Leaflet } from "../model/types.ts";
import { framesToSeconds } from "./encode.ts";
import { joinLeaflet } from "./leaflet-file.ts";
import { buildTimingMap, type MadePart } from "./timing-map.ts";
import { type AlbumTags, albumZip, tagTrack, zipDate } from "./tracks.ts";

/** One encoded part: what the timing map needs, and its untagged MP3 in the cache. */
export interface EncodedPart extends Omit<MadePart, "audio"> {
  mp3: string;
}

/** What was published for a leaflet. */
export interface Published {
  unitFiles: number;
  durationSeconds: number;
}

/** The track title of a part: the leaflet's title for the opening, else the chapter title. */
function partTitle(leaflet: Leaflet, part: EncodedPart): string {
  return part.script.kind === "intro" ? leaflet.title : part.script.title;
}

/** Writes every output of one leaflet's audio from its encoded parts, in playing order. */
export async function publishLeaflet(
  ctx: RenderContext,
  leaflet: Leaflet,
  parts: EncodedPart[],
  album: AlbumTags & { publisher: string },
): Promise<Published> {
  const slug = leaflet.slug;
  const tracks: { track: { id: string; title: string; mp3: Uint8Array; durationSeconds: number }; tagged: Uint8Array }[] = [];
  const made: MadePart[] = [];
  let unitFiles = 0;
  for (const [i, part] of parts.entries()) {
    const track = {
      id: part.id,
      title: partTitle(leaflet, part),
      mp3: await readFile(part.mp3),
      durationSeconds: framesToSeconds(part.frames),
    };
    const tagged = tagTrack(track, i, parts.length, album);
    tracks.push({ track, tagged });
    const path = layout.unitAudio(slug, part.id);
    const isUnit = part.script.kind === "section" || part.script.kind === "question";
    await ctx.emit(
      {
        edition: "audio",
        kind: "audio-unit",
        slug,
        // The opening and the credits are parts of the album but not units of the page: no unit id.
        ...(isUnit ? { unitId: part.id } : {}),
        durationSeconds: track.durationSeconds,
        meta: { part: part.script.kind, track: i + 1 },
      },
      path,
      tagged,
    );
    if (isUnit) unitFiles++;
    made.push({ ...part, audio: path });
  }

  const whole = layout.leafletAudio(slug);
  const total = await joinLeaflet(
    parts.map((p) => ({ mp3: p.mp3, frames: p.frames, title: partTitle(leaflet, p) })),
    join(ctx.outDir, whole),
    leaflet,
    { title: leaflet.title, publisher: album.publisher, date: album.date, comment: album.comment },
  );
  await ctx.record({
    edition: "audio",
    kind: "audio-leaflet",
    slug,
    path: whole,
    durationSeconds: total,
    meta: { chapters: parts.length },
  });

  const timing = buildTimingMap(leaflet, made, whole);
  await ctx.emit({ edition: "audio", kind: "timing-map", slug }, layout.timingMap(slug), `${JSON.stringify(timing, null, 1)}\n`);

  const zip = albumZip(slug, tracks, zipDate(leaflet.asOf));
  await ctx.emit(
    { edition: "audio", kind: "audio-zip", slug, durationSeconds: total, meta: { tracks: tracks.length } },
    layout.audioZip(slug),
    zip,
  );
  return { unitFiles, durationSeconds: total };
}
