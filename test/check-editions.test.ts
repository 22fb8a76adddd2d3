// `leaflet check` asks every edition what only it can see, before any build: the braille label too long for
// its limit, a print font that is missing, a voice that is not installed. Each with its place.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.ts";
import { captureIO, scratchProjects } from "./helpers.ts";

const project = scratchProjects();

function edit(root: string, rel: string, change: (text: string) => string): void {
  const file = path.join(root, rel);
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

describe("leaflet check with the editions' own checks", () => {
  it("reports an over-long braille label at its brailleLabel field, without building", async () => {
    const root = project();
    edit(root, "content/leaflets/card-pickup.md", (t) =>
      t.replace("brailleLabel: マイナンバー ツーチ", `brailleLabel: ${"マイナンバー ツーチ ".repeat(5).trim()}`),
    );
    const io = captureIO();
    expect(await main(["check"], io, root)).toBe(1);
    expect(io.err()).toMatch(
      /content\/leaflets\/card-pickup\.md:14:15 error: braille: the braille label 「マイナンバー ツーチ.*」 needs \d+ cells, more than the limit of 32/,
    );
    expect(existsSync(path.join(root, "dist"))).toBe(false);
  });

  it("reports a missing font file at its settings field", async () => {
    const root = project();
    edit(root, "content/settings.yaml", (t) => `${t}print:\n  fonts:\n    regular: /nonexistent/BIZUDPGothic-Regular.ttf\n`);
    const io = captureIO();
    expect(await main(["check"], io, root)).toBe(1);
    const line =
      readFileSync(path.join(root, "content/settings.yaml"), "utf8")
        .split("\n")
        .findIndex((l) => l.includes("/nonexistent/")) + 1;
    expect(io.err()).toContain(
      `content/settings.yaml:${line}:14 error: print: the print font file for print.fonts.regular was not found: /nonexistent/BIZUDPGothic-Regular.ttf`,
    );
    expect(existsSync(path.join(root, "dist"))).toBe(false);
  });

  it("reports a speaker's voice that is not installed at its field", async () => {
    const root = project();
    edit(root, "content/leaflets/card-pickup.md", (t) => t.replace("    pitch: -2\n", "    pitch: -2\n    voice: mei_happy\n"));
    const io = captureIO();
    expect(await main(["check"], io, root)).toBe(1);
    expect(io.err()).toMatch(
      /content\/leaflets\/card-pickup\.md:14:12 error: audio: the voice 「mei_happy」 of the speaker baachan is not installed/,
    );
  });
});
