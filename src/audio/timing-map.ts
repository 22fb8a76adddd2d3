// The timing map of a leaflet (src/edition/timing.ts), from what the encoder was given: every clip's length and
// every pause in samples, and every part's MP3 frames. Nothing is estimated: a sentence starts where its clip's
// first sample was put, and a part starts in the whole-leaflet file where its first frame was joined.
import { TIMING_MAP_VERSION, type TimedPart, type TimedSentence, type TimingMap } from "../edition/timing.ts";
import type { Leaflet } from "../model/types.ts";
import type { UnitScript } from "../reading/speech.ts";
import { framesToSeconds } from "./encode.ts";
import type { UnitLayout } from "./normalize.ts";

/** One part of the leaflet's audio as the renderer made it. */
export interface MadePart {
  /** The part's id in the timing map and its file name: `_intro`, a unit id, or `_credits`. */
  id: string;
  script: UnitScript;
  layout: UnitLayout;
  /** Audio frames of its MP3 (the info frame not counted). */
  frames: number;
  /** Its own published MP3, dist-relative. */
  audio?: string;
}

/** Seconds, to the microsecond (a sample at 48 kHz is 21 µs). */
function seconds(samples: number, rate: number): number {
  return Math.round((samples / rate) * 1e6) / 1e6;
}

/** Where each utterance of a part is heard in its own file; utterances of one cut sentence become one entry. */
export function timedSentences(script: UnitScript, layout: UnitLayout): TimedSentence[] {
  if (script.utterances.length !== layout.clipSamples.length)
    throw new Error(`the unit ${script.id} has ${script.utterances.length} utterances but ${layout.clipSamples.length} clips`);
  const out: TimedSentence[] = [];
  let at = layout.leadSamples;
  script.utterances.forEach((u, i) => {
    const start = at;
    const end = start + layout.clipSamples[i];
    at = end + layout.pauseSamples[i];
    const last = out[out.length - 1];
    const previous = script.utterances[i - 1];
    if (last && previous?.id === u.id) {
      last.end = seconds(end, layout.sampleRate);
      return;
    }
    out.push({
      id: u.id,
      role: u.role,
      path: u.path,
      // Words the audio adds have no written text; what is said stands for them.
      text: u.source || u.text,
      start: seconds(start, layout.sampleRate),
      end: seconds(end, layout.sampleRate),
    });
  });
  return out;
}

/** Heading depth of a part: the leaflet 1, sections and top-level questions 2, questions inside a section 3. */
function levelOf(leaflet: Leaflet, part: MadePart): 1 | 2 | 3 {
  if (part.script.kind === "intro") return 1;
  if (part.script.kind !== "question") return 2;
  const inSection = leaflet.body.some((b) => b.type === "section" && b.children.some((c) => c.type === "question" && c.id === part.id));
  return inSection ? 3 : 2;
}

/** The timing map of a leaflet whose parts were joined, in this order, into `leafletAudio`. */
export function buildTimingMap(leaflet: Leaflet, parts: MadePart[], leafletAudio: string): TimingMap {
  let frames = 0;
  const timed: TimedPart[] = parts.map((part) => {
    const offset = framesToSeconds(frames);
    frames += part.frames;
    return {
      id: part.id,
      kind: part.script.kind,
      title: part.script.kind === "intro" ? leaflet.title : part.script.title,
      level: levelOf(leaflet, part),
      ...(part.audio ? { audio: part.audio } : {}),
      durationSeconds: framesToSeconds(part.frames),
      offsetSeconds: offset,
      sentences: timedSentences(part.script, part.layout),
    };
  });
  return {
    version: TIMING_MAP_VERSION,
    slug: leaflet.slug,
    title: leaflet.title,
    leafletAudio: { path: leafletAudio, durationSeconds: framesToSeconds(frames) },
    parts: timed,
  };
}
