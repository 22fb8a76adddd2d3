// The published per-part MP3s as an album: each part tagged with its title and track number, and all of them in one
// zip with zero-padded, ordered names, so that on a USB stick, a CD or a DAISY player they play in reading order
// (01-intro, 02-q1 … 10-q9, 11-q10, not q1, q10, q11 … q2).
import { writeZip } from "../lib/zip.ts";
import { type Id3Tags, id3v2Tag, retag } from "./id3.ts";

/** One part of the album, in playing order. */
export interface Track {
  /** `_intro`, a unit id, or `_credits`. */
  id: string;
  title: string;
  /** Its MP3 (untagged or tagged: the tag is replaced). */
  mp3: Uint8Array;
  durationSeconds: number;
}

/** What every track of a leaflet says about the album. */
export type AlbumTags = Omit<Id3Tags, "title" | "track">;

/** The track's MP3 with the album's tags, its own title and `n/N`. */
export function tagTrack(track: Track, index: number, count: number, album: AlbumTags): Uint8Array {
  return retag(track.mp3, id3v2Tag({ ...album, title: track.title, track: { number: index + 1, of: count } }));
}

/** The file name of a track in the zip: its number, zero-padded to the width of the count, and its id. */
export function trackFileName(track: Pick<Track, "id">, index: number, count: number): string {
  const width = Math.max(2, String(count).length);
  return `${String(index + 1).padStart(width, "0")}-${track.id.replace(/^_/, "")}.mp3`;
}

/**
 * The all-files zip: one folder named after the leaflet holding the tagged tracks and an M3U8 playlist with their
 * titles (the names stay ASCII, because zip tools and players differ in how they read other characters in names).
 */
export function albumZip(slug: string, tracks: { track: Track; tagged: Uint8Array }[], modified: Date): Uint8Array {
  const names = tracks.map(({ track }, i) => trackFileName(track, i, tracks.length));
  const playlist = ["#EXTM3U"];
  tracks.forEach(({ track }, i) => {
    playlist.push(`#EXTINF:${Math.round(track.durationSeconds)},${track.title}`, names[i]);
  });
  const entries = tracks.map(({ tagged }, i) => ({ path: `${slug}/${names[i]}`, data: tagged, store: true }));
  entries.push({ path: `${slug}/${slug}.m3u8`, data: new TextEncoder().encode(`${playlist.join("\r\n")}\r\n`), store: false });
  return writeZip(entries, modified);
}

/** The date the zip's files carry: the leaflet's information date, else the build's (SOURCE_DATE_EPOCH or now). */
export function zipDate(asOf: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) return new Date(`${asOf}T00:00:00Z`);
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}
