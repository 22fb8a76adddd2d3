import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIO } from "../../test/helpers.ts";
import { smallLeaflet, smallSite } from "../../test/support/models.ts";
import type { CliContext } from "../cli/context.ts";
import { readingCommand, readingsCommand } from "../cli/reading.ts";
import { loadSite } from "../content/load.ts";
import { resolveEngine } from "./engine.ts";
import { diffReadings, readingsFile, syncReadings } from "./readings.ts";

const root = resolve(import.meta.dirname, "../..");
const engine = await resolveEngine({ engine: "openjtalk" });

describe("committed reading files of the sample leaflets", async () => {
  const { site } = await loadSite(root);
  const slugs = ["mynumber-misconceptions", "mynumber-faq", "card-safety"];
  for (const slug of slugs) {
    it(`${readingsFile(slug)} matches what the audio edition reads now`, { timeout: 600_000 }, async () => {
      expect(site, "content/ must load").not.toBeNull();
      const leaflet = site!.leaflets.find((l) => l.slug === slug);
      expect(leaflet, `sample leaflet ${slug}`).toBeDefined();
      // Shares the build's cache, so after a build every reading is already known.
      const result = await syncReadings(root, leaflet!, site!, engine, join(root, ".cache"), true);
      expect(result.changes, `readings changed: review them, run \`leaflet readings ${slug}\` and commit ${result.file}`).toEqual([]);
    });
  }
});

describe("reading files", () => {
  it("are written, then a change of reading is reported by unit and line until the file is updated", async () => {
    const dir = await mkdtemp(join(tmpdir(), "readings-"));
    const cache = join(dir, ".cache");
    const leaflet = smallLeaflet();
    const site = smallSite([leaflet]);
    const first = await syncReadings(dir, leaflet, site, engine, cache, false);
    expect(first.written).toBe(true);
    const text = await readFile(join(dir, readingsFile(leaflet.slug)), "utf8");
    expect(text).toContain(
      "q1\t12\t市役所の窓口で、平日9時30分～17時00分に受け取れます。\t市役所の窓口で、平日9時30分から17時までに受け取れます。\t",
    );
    expect(text).toMatch(/ジューシチジマデニウケトレマス。/);
    expect((await syncReadings(dir, leaflet, site, engine, cache, true)).changes).toEqual([]);

    // The author gives 窓口 a different reading: the check fails and names the unit and line.
    const answer = (leaflet.body[0] as { answer: { children: unknown[] }[] }).answer[0];
    answer.children = [
      { type: "text", value: "市役所の" },
      { type: "ruby", base: "窓口", reading: "そうぐち", display: false },
      { type: "text", value: "で、平日9時30分～17時00分に受け取れます。" },
    ];
    const same = await syncReadings(dir, leaflet, site, engine, cache, true);
    expect(same.changes.length).toBeGreaterThan(0);
    expect(same.changes[0]).toMatch(/q1 \(line 12\)/);
    expect(same.written).toBe(false);
    expect(await readFile(join(dir, readingsFile(leaflet.slug)), "utf8")).toBe(text);
  });

  it("diffReadings reports a changed reading with the old and new kana", () => {
    const head = "# comment\nunit\tline\tsource\ttext\treading\n";
    const changes = diffReadings(
      `${head}q1\t3\t土日\t土曜日、日曜日\tドヨービ、ニチヨービ\n`,
      `${head}q1\t3\t土日\t土曜日、日曜日\tツチニチ\n`,
      "x.tsv",
    );
    expect(changes).toEqual(["x.tsv: q1 (line 3) 「土曜日、日曜日」: was ドヨービ、ニチヨービ, now ツチニチ"]);
  });
});

describe("leaflet reading", () => {
  it("prints one kana reading per input line, blank lines kept", async () => {
    const io = captureIO("9時30分～20時00分\n\n土・日・祝日\n");
    const ctx: CliContext = { ...io, root, loadSite: async () => smallSite([]), loadLexicon: async () => smallSite([]).lexicon };
    expect(await readingCommand(["--cache", await mkdtemp(join(tmpdir(), "reading-"))], ctx)).toBe(0);
    expect(io.out()).toBe("クジサンジュップンカラニジュージマデ\n\nドヨービ、ニチヨービ、シュクジツ\n");
  });
});

describe("leaflet readings", () => {
  function cli(dir: string) {
    const io = captureIO();
    const ctx: CliContext = {
      ...io,
      root: dir,
      loadSite: async () => smallSite([smallLeaflet()]),
      loadLexicon: async () => smallSite([]).lexicon,
    };
    return { ctx, out: io.out, err: io.err };
  }

  it("--check fails (exit 1) while the file is missing or stale, and passes once written", async () => {
    const dir = await mkdtemp(join(tmpdir(), "readings-cli-"));
    const cache = join(dir, ".cache");
    const a = cli(dir);
    expect(await readingsCommand(["test-card", "--check", "--cache", cache], a.ctx)).toBe(1);
    expect(a.err()).toMatch(/content\/readings\/test-card\.tsv does not exist yet/);
    const b = cli(dir);
    expect(await readingsCommand(["test-card", "--cache", cache], b.ctx)).toBe(0);
    expect(b.out()).toMatch(/written/);
    const c = cli(dir);
    expect(await readingsCommand(["test-card", "--check", "--cache", cache], c.ctx)).toBe(0);
    expect(c.out()).toMatch(/up to date/);
  });

  it("names the leaflets there are when given an unknown one", async () => {
    const a = cli(await mkdtemp(join(tmpdir(), "readings-cli-")));
    expect(await readingsCommand(["no-such-leaflet"], a.ctx)).toBe(2);
    expect(a.err()).toMatch(/no leaflet named no-such-leaflet \(leaflets: test-card\)/);
  });
});
