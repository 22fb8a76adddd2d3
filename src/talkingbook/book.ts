// What both talking-book writers take, and the facts about a book they both state (identifier, narrator).
import { createHash } from "node:crypto";
import type { TimingMap } from "../edition/timing.ts";
import type { Leaflet } from "../model/types.ts";
import type { AudioChoice } from "./sync.ts";

/** Settings of the talking books: from content/settings.yaml and the audio engine, chosen by the renderer. */
export interface TalkingBookSettings {
  /** The site's public base URL (settings.baseUrl): with the slug it makes the books' stable identifier. */
  baseUrl: string;
  /** Who publishes the book: the site's issuer (settings.issuer), the city hall. */
  publisher: string;
  /** Last modification, ISO 8601 UTC to the second (`2024-04-01T09:00:00Z`): EPUB's dcterms:modified and the ZIP dates. */
  modified: string;
  /** The voice, as the books name it (ncc:narrator, media:narrator); default 「合成音声」. */
  narrator?: string;
  /** The tool, for ncc:generator. */
  generator?: string;
  /** Which MP3s to play (default auto: the units' own files when every part has one, else the whole-leaflet file). */
  audio?: AudioChoice;
  /**
   * State conformance to EPUB Accessibility 1.1 / WCAG 2.2 AA (dcterms:conformsTo). Only set this for a book DAISY
   * Ace has passed: renderTalkingBooks does so when asked to verify.
   */
  conformance?: boolean;
}

/** Everything a writer needs: the model, the timing map, and the bytes of the files the book contains. */
export interface TalkingBookInput {
  leaflet: Leaflet;
  timing: TimingMap;
  /** Every MP3 the timing map names that the book plays, by its dist-relative path. */
  audio: ReadonlyMap<string, Uint8Array>;
  /** The leaflet's images, by ImageBlock.name. */
  images: ReadonlyMap<string, Uint8Array>;
  settings: TalkingBookSettings;
}

/** A written book: its files in archive order, the archive itself, and what the build log should say. */
export interface WrittenBook {
  /** File name of the archive (`<slug>.epub`, `<slug>-daisy.zip`). */
  name: string;
  files: Map<string, Uint8Array>;
  archive: Uint8Array;
  totalMs: number;
  warnings: string[];
}

/** How the books name the voice when the settings do not. */
export const DEFAULT_NARRATOR = "合成音声";
/** ncc:generator when the settings name no tool. */
export const GENERATOR = "leaflet-toolchain talking books";

/**
 * The book's identifier: a name-based UUID (RFC 4122 version 5, URL namespace) of the leaflet page's URL, so the
 * same leaflet keeps its identifier across builds and editions, and two leaflets never share one.
 */
export function bookIdentifier(baseUrl: string, slug: string): string {
  const url = new URL(`${slug}/`, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`).toString();
  const ns = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");
  const hash = createHash("sha1").update(ns).update(url).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString("hex");
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The last path segment of a dist-relative path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The modification time as a Date, refusing what EPUB would refuse. */
export function modifiedDate(settings: TalkingBookSettings): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(settings.modified))
    throw new Error(`talking books: modified must be like 2024-04-01T09:00:00Z, not "${settings.modified}"`);
  return new Date(settings.modified);
}

/** The bytes of a file the book needs, or an error saying which one is missing. */
export function need(map: ReadonlyMap<string, Uint8Array>, key: string, what: string, leaflet: Leaflet): Uint8Array {
  const data = map.get(key);
  if (!data) throw new Error(`${leaflet.file}: the talking books need ${what} ${key}, which was not given (is the audio edition built?)`);
  return data;
}

/** The leaflet's author for the books' metadata: its issuer, else the publisher (a leaflet may name none). */
export function creatorOf(input: TalkingBookInput): string {
  return input.leaflet.issuer || input.settings.publisher;
}

/** The leaflet's date, else the day of the build (DAISY 2.02 requires a dc:date). */
export function dateOf(input: TalkingBookInput): string {
  return input.leaflet.date || input.settings.modified.slice(0, 10);
}
