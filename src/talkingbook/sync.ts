// Which text element is highlighted during which stretch of which MP3: the plan both talking books write out,
// as EPUB media overlays and as DAISY 2.02 SMIL. Clips of a part are contiguous (each sentence keeps the pause
// after it, the first one the silence before it), so the clips of a book cover its audio exactly, and all times
// are whole milliseconds, so every stated duration is the exact sum of the ones it is made of.
import { RenderError } from "../edition/contract.ts";
import type { TimedPart, TimedSentence, TimingMap } from "../edition/timing.ts";
import type { Leaflet } from "../model/types.ts";
import type { PartDocument } from "./content.ts";
import { toMs } from "./time.ts";

/**
 * Which MP3s the books play: each part's own file (every part must have one), the whole-leaflet file, or (auto) the
 * parts' files when every part has one and the whole-leaflet file otherwise. Never a mix: the whole-leaflet file
 * holds every unit again, so a book with both would carry its audio twice.
 */
export type AudioChoice = "auto" | "parts" | "whole";

/** One synchronization point: an element shown while a clip plays. */
export interface SyncPar {
  /** Element id in the part's document. */
  target: string;
  /** The MP3, dist-relative as in the timing map. */
  audio: string;
  beginMs: number;
  endMs: number;
}

export interface PartSync {
  doc: PartDocument;
  part: TimedPart;
  pars: SyncPar[];
  /** Sum of the part's clips. */
  durationMs: number;
}

export interface SyncPlan {
  parts: PartSync[];
  /** MP3s played, dist-relative, in order of first use. */
  audioFiles: string[];
  totalMs: number;
  /** Sentences that could only be tied to their part's heading, for the build log. */
  warnings: string[];
}

/** Seconds a stated time may be off before the timing map is refused (MP3 frames are 26 ms). */
const TOLERANCE_S = 0.05;

/** Ties the timing map to the documents; throws a RenderError naming the leaflet when the map does not fit it. */
export function planSync(leaflet: Leaflet, timing: TimingMap, docs: PartDocument[], choice: AudioChoice = "auto"): SyncPlan {
  const fail = (message: string, unitId?: string) =>
    new RenderError(`${leaflet.file}: the audio timing map (${timing.slug}/audio/timing.json) ${message}`, {
      leaflet,
      unitId,
      pos: leaflet.pos,
      hint: "build the audio edition again so its timing map matches the text (`leaflet build`)",
    });
  if (timing.slug !== leaflet.slug) throw fail(`is for the leaflet "${timing.slug}", not "${leaflet.slug}"`);
  const byPart = new Map(timing.parts.map((p) => [p.id, p]));
  for (const doc of docs) if (!byPart.has(doc.partId)) throw fail(`has no audio for ${describe(doc)}`, doc.partId);
  const docIds = new Set(docs.map((d) => d.partId));
  for (const p of timing.parts)
    if (!docIds.has(p.id)) throw fail(`has audio for "${p.id}" (${p.title}), which the leaflet does not have`, p.id);

  const lacking = timing.parts.find((p) => !p.audio);
  if (choice === "parts" && lacking)
    throw new RenderError(
      `${leaflet.file}: the talking books are set to play each part's own MP3, but "${lacking.id}" (${lacking.title}) has none`,
      {
        leaflet,
        unitId: lacking.id,
        pos: leaflet.pos,
        hint: "set the talking books' audio to auto or whole, which play the whole-leaflet MP3",
      },
    );
  const useWhole = choice === "whole" || !!lacking;
  const warnings: string[] = [];
  const parts: PartSync[] = [];
  timing.parts.forEach((part, k) => {
    const doc = docs.find((d) => d.partId === part.id)!;
    checkTimes(part, fail);
    const audio = useWhole ? timing.leafletAudio.path : part.audio!;
    let baseS = 0;
    let endMs = toMs(part.durationSeconds);
    if (useWhole) {
      const next = timing.parts[k + 1];
      const expectedEnd = next ? next.offsetSeconds : timing.leafletAudio.durationSeconds;
      if (k === 0 && Math.abs(part.offsetSeconds) > TOLERANCE_S)
        throw fail(`starts its first part at ${part.offsetSeconds} s instead of 0`, part.id);
      if (Math.abs(part.offsetSeconds + part.durationSeconds - expectedEnd) > TOLERANCE_S)
        throw fail(
          `places "${part.id}" at ${part.offsetSeconds} s for ${part.durationSeconds} s, but what follows starts at ${expectedEnd} s`,
          part.id,
        );
      baseS = part.offsetSeconds;
      // The next part's start, not this part's stated end: the whole file's clips then meet without gaps.
      endMs = toMs(expectedEnd);
    }
    const beginMs = toMs(baseS);
    const raw: SyncPar[] = [];
    part.sentences.forEach((s, i) => {
      const target = resolveTarget(doc, s, warnings);
      raw.push({ target, audio, beginMs: i === 0 ? beginMs : toMs(baseS + s.start), endMs: 0 });
    });
    if (raw.length === 0) raw.push({ target: doc.headingId, audio, beginMs, endMs: 0 });
    raw.forEach((p, i) => {
      p.endMs = i + 1 < raw.length ? raw[i + 1].beginMs : endMs;
    });
    const pars = mergePars(raw);
    parts.push({ doc, part, pars, durationMs: endMs - beginMs });
  });
  const audioFiles = [...new Set(parts.flatMap((p) => p.pars.map((x) => x.audio)))];
  return { parts, audioFiles, totalMs: parts.reduce((n, p) => n + p.durationMs, 0), warnings };
}

function describe(doc: PartDocument): string {
  return doc.kind === "intro" ? "the opening (title and lead)" : `${doc.kind} "${doc.partId}" (${doc.title})`;
}

function checkTimes(part: TimedPart, fail: (m: string, unit?: string) => Error): void {
  const d = part.durationSeconds;
  if (!Number.isFinite(d) || d <= 0) throw fail(`gives "${part.id}" the duration ${d} s`, part.id);
  let last = 0;
  for (const s of part.sentences) {
    const where = `sentence ${s.id} of "${part.id}" (「${s.text.slice(0, 30)}」)`;
    if (!Number.isFinite(s.start) || !Number.isFinite(s.end) || s.start < 0 || s.end < s.start)
      throw fail(`times ${where} from ${s.start} s to ${s.end} s`, part.id);
    if (s.end > d + TOLERANCE_S) throw fail(`ends ${where} at ${s.end} s, after the part's end (${d} s)`, part.id);
    if (s.start + TOLERANCE_S < last) throw fail(`starts ${where} at ${s.start} s, before the sentence ahead of it`, part.id);
    last = Math.max(last, s.start);
  }
}

/**
 * The element a spoken piece highlights: its own sentence; for an announcement the element it introduces (its id
 * without `~a`, that run's first sentence, or the first sentence of the block it names); for an image's later alt
 * sentences the image; else the heading.
 */
function resolveTarget(doc: PartDocument, s: TimedSentence, warnings: string[]): string {
  const base = s.id.endsWith("~a") ? s.id.slice(0, -2) : s.id;
  for (const candidate of [s.id, base, `${base}-s0`, base.replace(/-s\d+$/, "-s0")]) {
    const id = doc.ids.get(candidate);
    if (id) return id;
  }
  // An announcement of a whole block (「答え」 before a dialogue): the block's first sentence, in document order.
  if (s.role === "announcement") for (const [raw, id] of doc.ids) if (raw.startsWith(`${base}-`)) return id;
  if (s.role === "text")
    warnings.push(
      `sentence ${s.id} of "${doc.partId}" (「${s.text.slice(0, 30)}」) has no element in the text; it is synchronized with the heading`,
    );
  return doc.headingId;
}

/** One par per stretch of the same element; clips shorter than a millisecond join their neighbour. */
function mergePars(raw: SyncPar[]): SyncPar[] {
  const out: SyncPar[] = [];
  for (const p of raw) {
    const last = out[out.length - 1];
    if (last && (last.target === p.target || p.endMs <= p.beginMs)) last.endMs = p.endMs;
    else out.push({ ...p });
  }
  // A zero-length first clip cannot join a predecessor: give its time to the next one.
  while (out.length > 1 && out[0].endMs <= out[0].beginMs) {
    out[1].beginMs = out[0].beginMs;
    out.shift();
  }
  return out;
}
