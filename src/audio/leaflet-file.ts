// The whole-leaflet MP3: every part's frames joined without re-encoding (ffmpeg's concat, stream copy), with the
// leaflet's ID3 tags and one chapter per part: the opening (title and lead), each section and question, the credits.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { RenderError } from "../edition/contract.ts";
import { produceAtomic, tempPath } from "../lib/atomic.ts";
import { runProcess } from "../lib/process.ts";
import type { Leaflet } from "../model/types.ts";
import { framesToSeconds } from "./encode.ts";

/** One part as the joiner needs it: its untagged MP3, its frames and its chapter title. */
export interface JoinPart {
  mp3: string;
  frames: number;
  title: string;
}

/** The whole-leaflet file's tags. */
export interface LeafletTags {
  title: string;
  publisher: string;
  date?: string;
  comment?: string;
}

function ffmetaEscape(s: string): string {
  return s.replace(/[\\=;#\n]/g, (c) => `\\${c}`);
}

/** The FFMETADATA text of the whole-leaflet file: its tags, and a chapter per part starting at its first frame. */
export function leafletMetadata(parts: JoinPart[], tags: LeafletTags): string {
  const lines = [";FFMETADATA1", `title=${ffmetaEscape(tags.title)}`, `artist=${ffmetaEscape(tags.publisher)}`];
  lines.push(`album=${ffmetaEscape(tags.title)}`, `publisher=${ffmetaEscape(tags.publisher)}`, "genre=Speech");
  if (tags.date) lines.push(`date=${tags.date}`);
  if (tags.comment) lines.push(`comment=${ffmetaEscape(tags.comment)}`);
  let frames = 0;
  for (const p of parts) {
    const start = Math.round(framesToSeconds(frames) * 1000);
    frames += p.frames;
    const end = Math.round(framesToSeconds(frames) * 1000);
    lines.push("[CHAPTER]", "TIMEBASE=1/1000", `START=${start}`, `END=${end}`, `title=${ffmetaEscape(p.title)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Joins the parts into `out`; returns the file's duration (its frames), which is where each part was put. */
export async function joinLeaflet(parts: JoinPart[], out: string, leaflet: Leaflet, tags: LeafletTags): Promise<number> {
  const work = tempPath(`${out}.d`);
  await mkdir(work, { recursive: true });
  const metaFile = join(work, "meta.txt");
  const listFile = join(work, "list.txt");
  await writeFile(metaFile, leafletMetadata(parts, tags));
  await writeFile(listFile, parts.map((p) => `file '${p.mp3.replace(/'/g, "'\\''")}'`).join("\n"));
  const args = ["-v", "error", "-nostdin", "-y", "-f", "concat", "-safe", "0", "-i", listFile, "-i", metaFile];
  args.push("-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-c", "copy", "-id3v2_version", "3", "-f", "mp3");
  try {
    await produceAtomic(out, (tmp) => runProcess("ffmpeg", [...args, tmp], { timeoutMs: 600_000 }));
  } catch (err) {
    throw new RenderError(`Could not join the audio of ${leaflet.file}: ${(err as Error).message}`, {
      leaflet,
      pos: leaflet.pos,
      hint: "check that ffmpeg is installed (`leaflet doctor`)",
      cause: err,
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return framesToSeconds(parts.reduce((n, p) => n + p.frames, 0));
}
