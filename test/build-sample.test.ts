// The README's build, end to end: every edition of every sample leaflet, from one parse of content/.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSite } from "../src/content/load.ts";
import type { Artifact } from "../src/edition/contract.ts";
import { layout } from "../src/edition/layout.ts";
import type { SiteModel } from "../src/model/types.ts";
import { listUnits } from "../src/model/walk.ts";
import { ROOT } from "./helpers.ts";
import { sampleDist } from "./sample-build.ts";

let dist = "";
let artifacts: Artifact[] = [];
let site: SiteModel;

beforeAll(async () => {
  dist = await sampleDist();
  artifacts = JSON.parse(readFileSync(path.join(dist, "manifest.json"), "utf8")).artifacts;
  const loaded = await loadSite(ROOT);
  if (!loaded.site) throw new Error("the sample content does not load");
  site = loaded.site;
});

const kinds = (slug: string) => artifacts.filter((a) => a.slug === slug).map((a) => a.kind);

describe("the full build of the sample content", () => {
  it("has every edition of every leaflet, at the paths layout.ts defines", () => {
    for (const l of site.leaflets) {
      const paths = new Set(artifacts.filter((a) => a.slug === l.slug).map((a) => a.path));
      for (const p of [
        layout.page(l.slug),
        layout.pdf(l.slug),
        layout.printPdf(l.slug),
        layout.leafletAudio(l.slug),
        layout.unitAudio(l.slug, "_intro"),
        layout.timingMap(l.slug),
        layout.audioZip(l.slug),
        layout.epub(l.slug),
        layout.daisy(l.slug),
        layout.brf(l.slug),
        layout.brailleText(l.slug),
        layout.brailleProof(l.slug),
        layout.brailleLabelBrf(l.slug),
        layout.brailleLabelText(l.slug),
        ...listUnits(l).map((u) => layout.unitAudio(l.slug, u.id)),
        ...listUnits(l).map((u) => layout.codePng(l.slug, u.id)),
      ]) {
        expect(paths, `${l.slug}: ${p}`).toContain(p);
      }
      expect(kinds(l.slug).filter((k) => k === "univoice-text").length).toBeGreaterThan(0);
    }
    expect(artifacts.map((a) => a.path)).toEqual(expect.arrayContaining([layout.index(), layout.sitemap()]));
  });

  it("records each file with its real size, and audio with its real duration", () => {
    for (const a of artifacts) {
      const bytes = readFileSync(path.join(dist, a.path)).length;
      expect(a.bytes, a.path).toBe(bytes);
    }
    const whole = artifacts.find((a) => a.kind === "audio-leaflet" && a.slug === "mynumber-faq")!;
    const probed = Number(
      execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path.join(dist, whole.path)], {
        encoding: "utf8",
      }),
    );
    expect(whole.durationSeconds).toBeCloseTo(probed, 0);
    expect(probed).toBeGreaterThan(60 * 20);
  });

  it("the 62-question FAQ is a booklet with one audio file and one voice code per question (and per topic section)", () => {
    const faq = artifacts.filter((a) => a.slug === "mynumber-faq");
    // 62 questions and 6 topic sections; the opening (title and lead), the closing and the credits are parts of their own.
    expect(faq.filter((a) => a.kind === "audio-unit" && a.unitId?.startsWith("q"))).toHaveLength(62);
    expect(faq.filter((a) => a.kind === "audio-unit" && a.unitId)).toHaveLength(62 + 6);
    expect(faq.filter((a) => a.kind === "audio-unit" && !a.unitId).map((a) => a.meta?.part)).toEqual(["intro", "closing", "credits"]);
    expect(faq.filter((a) => a.kind === "code-png" && a.unitId?.startsWith("q"))).toHaveLength(62);
    expect(faq.find((a) => a.kind === "pdf")?.meta).toMatchObject({ layout: "booklet" });
  });
});
