import { describe, expect, it } from "vitest";
import { RenderError } from "../edition/contract.ts";
import { TIMING_MAP_VERSION, type TimedPart, type TimingMap } from "../edition/timing.ts";
import { partDocuments } from "./content.ts";
import { planSync } from "./sync.ts";
import { bookLeaflet, leafletPieces } from "./testing/fixture.ts";

const leaflet = bookLeaflet("/x/card-front.png");

/** A timing map with made-up times: every piece 0.8 s, 0.2 s apart, 0.3 s lead and 1 s tail per part. */
function syntheticMap(ownAudio: (p: TimedPart) => boolean): TimingMap {
  let offset = 0;
  const parts: TimedPart[] = leafletPieces(leaflet).map((p) => {
    let t = 0.3;
    const sentences = p.pieces.map((x) => {
      const s = { id: x.id, role: x.role, path: x.path, text: x.text, start: t, end: t + 0.8 };
      t += 1;
      return s;
    });
    const part: TimedPart = {
      id: p.id,
      kind: p.kind,
      title: p.title,
      level: p.level,
      durationSeconds: t + 1,
      offsetSeconds: offset,
      sentences,
    };
    if (ownAudio(part)) part.audio = `card-pickup/audio/${p.id}.mp3`;
    offset += part.durationSeconds;
    return part;
  });
  return {
    version: TIMING_MAP_VERSION,
    slug: leaflet.slug,
    title: leaflet.title,
    leafletAudio: { path: "card-pickup/audio/card-pickup-all.mp3", durationSeconds: offset },
    parts,
  };
}

const units = (p: TimedPart) => p.kind === "section" || p.kind === "question";
const docsFor = (map: TimingMap) => partDocuments(leaflet, map, { dialect: "epub", imageSrc: (n) => n });

describe("planSync", () => {
  it("covers each part's audio with contiguous clips whose durations add up to the part's and the whole file's", () => {
    const map = syntheticMap(units);
    const plan = planSync(leaflet, map, docsFor(map));
    // The intro and credits have no file of their own, so (auto) the whole-leaflet file is played throughout.
    expect(plan.audioFiles).toEqual(["card-pickup/audio/card-pickup-all.mp3"]);
    let cursor = 0;
    for (const ps of plan.parts) {
      expect(ps.pars[0].beginMs).toBe(cursor);
      for (const [i, p] of ps.pars.entries()) {
        expect(p.endMs).toBeGreaterThan(p.beginMs);
        if (i > 0) expect(p.beginMs).toBe(ps.pars[i - 1].endMs);
      }
      cursor = ps.pars[ps.pars.length - 1].endMs;
      expect(ps.durationMs).toBe(ps.pars.reduce((n, p) => n + p.endMs - p.beginMs, 0));
    }
    expect(plan.totalMs).toBe(Math.round(map.leafletAudio.durationSeconds * 1000));
    expect(cursor).toBe(plan.totalMs);
    expect(plan.warnings).toEqual([]);
  });

  it("plays each unit's own MP3 when every part has one, from 0 to its duration", () => {
    const map = syntheticMap(() => true);
    const plan = planSync(leaflet, map, docsFor(map));
    expect(plan.audioFiles).toHaveLength(map.parts.length);
    for (const ps of plan.parts) {
      expect(new Set(ps.pars.map((p) => p.audio))).toEqual(new Set([ps.part.audio]));
      expect(ps.pars[0].beginMs).toBe(0);
      expect(ps.pars[ps.pars.length - 1].endMs).toBe(Math.round(ps.part.durationSeconds * 1000));
    }
  });

  it("with audio: parts, refuses a part without its own MP3 rather than carry the audio twice", () => {
    const map = syntheticMap(units);
    expect(() => planSync(leaflet, map, docsFor(map), "parts")).toThrow(/"_intro" \(マイナンバーカードの受け取り\) has none/);
    const whole = planSync(
      leaflet,
      syntheticMap(() => true),
      docsFor(map),
      "whole",
    );
    expect(whole.audioFiles).toEqual(["card-pickup/audio/card-pickup-all.mp3"]);
  });

  it("ties an announcement to the element it introduces, merging it into that sentence's par", () => {
    const map = syntheticMap(units);
    const plan = planSync(leaflet, map, docsFor(map));
    const q2 = plan.parts.find((p) => p.part.id === "q2")!;
    // 質問2 + the question, 答え + マイナちゃん + her line, マイナンバあちゃん + hers: three pars, not six.
    expect(q2.pars.map((p) => p.target)).toEqual(["q2--h-s0", "q2--0-0-s0", "q2--0-1-s0"]);
    const counters = plan.parts.find((p) => p.part.id === "counters")!;
    expect(counters.pars.map((p) => p.target)).toContain("counters--3-s0"); // 図、 + the image's alt text
    expect(counters.pars.map((p) => p.target)).toContain("counters--2-0-s0"); // a table row, read as one sentence
  });

  it("synchronizes a sentence the text lacks with the heading, and says so", () => {
    const map = syntheticMap(units);
    map.parts[1].sentences[1].id = "counters--9-s0";
    const plan = planSync(leaflet, map, docsFor(map));
    expect(plan.parts[1].pars.some((p) => p.target === "counters")).toBe(true);
    expect(plan.warnings).toEqual([expect.stringContaining("counters--9-s0")]);
  });

  it("refuses a map that does not fit the leaflet or its own audio, naming the leaflet and what to do", () => {
    const cases: [string, (m: TimingMap) => void, RegExp][] = [
      ["missing unit", (m) => m.parts.splice(2, 1), /has no audio for question "q1"/],
      ["unknown part", (m) => m.parts.push({ ...m.parts[1], id: "gone" }), /has audio for "gone"/],
      ["past the end", (m) => (m.parts[1].sentences[0].end = 999), /after the part's end/],
      ["backwards", (m) => (m.parts[1].sentences[2].start = 0.1), /before the sentence ahead of it/],
      ["offsets", (m) => (m.parts[2].offsetSeconds += 3), /but what follows starts at/],
      ["negative", (m) => (m.parts[0].sentences[0].start = -1), /from -1 s/],
    ];
    for (const [name, breakIt, message] of cases) {
      const map = syntheticMap(units);
      breakIt(map);
      let error: unknown;
      try {
        planSync(leaflet, map, docsFor(syntheticMap(units)));
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(RenderError);
      expect((error as Error).message, name).toMatch(message);
      expect((error as Error).message, name).toMatch(/^content\/leaflets\/card-pickup\.md: /);
      expect((error as RenderError).hint, name).toMatch(/build the audio edition again/);
    }
  });
});
