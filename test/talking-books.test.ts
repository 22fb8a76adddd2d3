// The talking books of every sample leaflet, through the three checkers: EPUBCheck, DAISY Ace, the DAISY 2.02 checker.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Artifact } from "../src/edition/contract.ts";
import { layout } from "../src/edition/layout.ts";
import type { TimingMap } from "../src/edition/timing.ts";
import { checkDaisy202, formatReport, runAce, runEpubcheck } from "../src/talkingbook/check/index.ts";
import { sampleDist } from "./sample-build.ts";

let dist = "";
let artifacts: Artifact[] = [];
const slugs = ["card-safety", "mynumber-faq", "mynumber-misconceptions"];

beforeAll(async () => {
  dist = await sampleDist();
  artifacts = JSON.parse(readFileSync(path.join(dist, "manifest.json"), "utf8")).artifacts;
});

describe.each(slugs)("the talking books of %s", (slug) => {
  const book = (p: string) => path.join(dist, p);

  it("are in the build with the duration of the leaflet's audio, and the EPUB states its accessibility conformance", () => {
    const timing = JSON.parse(readFileSync(book(layout.timingMap(slug)), "utf8")) as TimingMap;
    for (const kind of ["epub", "daisy"] as const) {
      const a = artifacts.find((x) => x.kind === kind && x.slug === slug)!;
      expect(a.path).toBe(kind === "epub" ? layout.epub(slug) : layout.daisy(slug));
      expect(Math.abs(a.durationSeconds! - timing.leafletAudio.durationSeconds), kind).toBeLessThan(0.05);
    }
    expect(artifacts.find((x) => x.kind === "epub" && x.slug === slug)?.meta).toEqual({ conformance: true });
  });

  it("EPUBCheck: no error and no warning", async () => {
    const r = await runEpubcheck(book(layout.epub(slug)));
    expect(r.ok, formatReport(r)).toBe(true);
  });

  it("DAISY Ace: no critical and no serious violation", async () => {
    const r = await runAce(book(layout.epub(slug)));
    expect(r.ok, formatReport(r)).toBe(true);
  });

  it("the DAISY 2.02 checker passes", async () => {
    const r = await checkDaisy202(book(layout.daisy(slug)));
    expect(r.ok, formatReport(r)).toBe(true);
  });
});
