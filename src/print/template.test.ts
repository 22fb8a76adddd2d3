// Templates as data: every key documented, bad files located to the line, found by name from the header, and a
// colour or size changed in a template file changes the PDF with no code change.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { documentedNames, undocumented } from "../../test/architecture/docs.ts";
import { ROOT } from "../../test/helpers.ts";
import { dialogueLeaflet, fixtureSite } from "../../test/support/models.ts";
import type { Report } from "../edition/contract.ts";
import { createSharedServices } from "../pipeline/shared.ts";
import { printEdition } from "./edition.ts";
import { renderLeafletPdfs } from "./index.ts";
import { parseTemplate, TEMPLATE_SCHEMA } from "./template.ts";
import { pdftotext, save } from "./testing/poppler.ts";

const LEAFLET_YAML = readFileSync(path.join(ROOT, "templates/leaflet.yaml"), "utf8");

/** A templates folder holding the shipped templates plus `extra` files. */
function templatesWith(extra: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "templates-"));
  cpSync(path.join(ROOT, "templates"), dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, `${name}.yaml`), text);
  return dir;
}

describe("docs/templates.md", () => {
  const docs = readFileSync(path.join(ROOT, "docs/templates.md"), "utf8");
  it("documents every key of the template schema", () => {
    expect(undocumented(TEMPLATE_SCHEMA, documentedNames(docs, "Every key"))).toEqual([]);
  });
  it("and the check fails when a key is missing from the docs", () => {
    const names = documentedNames(docs.replace("`colour.accent.press`", "colour.accent.press"), "Every key");
    expect(undocumented(TEMPLATE_SCHEMA, names)).toEqual(["colour.accent.press"]);
  });
});

describe("reading a template", () => {
  it("reads both shipped templates", () => {
    for (const name of ["leaflet", "booklet"]) {
      const r = parseTemplate(`templates/${name}.yaml`, name, readFileSync(path.join(ROOT, `templates/${name}.yaml`), "utf8"));
      expect(r.ok, name).toBe(true);
    }
  });

  it("locates every problem: a size under 9 pt, a bad colour, bad CMYK, a misspelt key, a missing key, an unknown placeholder", () => {
    const text = LEAFLET_YAML.replace("codeCaption: { size: 9,", "codeCaption: { size: 7,")
      .replace('accent: { screen: "#0b3d91"', 'accent: { screen: "navy"')
      .replace('tint: { screen: "#e6eef8", press: "10 4 0 0" }', 'tint: { screen: "#e6eef8", press: "10 4 0" }')
      .replace("  gap: 4\n", "  gapp: 4\n")
      .replace('  asOf: "この情報は{date}時点のものです"', '  asOf: "この情報は{day}時点のものです"')
      .replace("  notchRadius: 3\n", "");
    const r = parseTemplate("templates/poster.yaml", "poster", text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = text.split("\n");
    const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    const got = r.diagnostics.items.map((d) => `${d.file}:${d.line} ${d.message}`);
    expect(got).toEqual(
      expect.arrayContaining([
        `templates/poster.yaml:${lineOf("codeCaption:")} "size" must be a number from 9 to 72`,
        `templates/poster.yaml:${lineOf('"navy"')} "screen" has an invalid value 「navy」`,
        `templates/poster.yaml:${lineOf('"10 4 0"')} "press" has an invalid value 「10 4 0」`,
        `templates/poster.yaml:${lineOf("gapp:")} unknown field "gapp" in codes`,
        // A missing key is reported at the mapping it belongs in (its first line).
        `templates/poster.yaml:${lineOf("code: # mm") + 1} missing field "notchRadius" in codes`,
      ]),
    );
    // The placeholder check runs once the schema is satisfied.
    const only = parseTemplate("templates/p.yaml", "p", LEAFLET_YAML.replace("{date}時点", "{day}時点"));
    expect(only.ok ? [] : only.diagnostics.items.map((d) => `${d.line} ${d.message}`)).toEqual([
      `${LEAFLET_YAML.split("\n").findIndex((l) => l.includes("  asOf:")) + 1} "labels.asOf" has an unknown placeholder {day}`,
    ]);
  });
});

describe("finding a template by the header's layout", () => {
  const check = async (templatesDir: string, layout: string) => {
    const leaflet = { ...dialogueLeaflet(), layout };
    leaflet.positions = { ...leaflet.positions, layout: { file: leaflet.file, line: 9, column: 9 } };
    const site = fixtureSite(leaflet);
    const reports: Report[] = [];
    await printEdition.check?.(site, { report: (r) => reports.push(r), shared: createSharedServices(site), templatesDir });
    return reports;
  };

  it("reports a missing template at the layout field, naming the ones there are", async () => {
    const reports = await check(templatesWith({}), "poster");
    const r = reports.find((x) => x.message.includes("poster"))!;
    expect(r.severity).toBe("error");
    expect(r.pos).toMatchObject({ line: 9, column: 9 });
    expect(r.hint).toContain("booklet, leaflet");
  });

  it("finds a template the city added, and reports the problems of a broken one at their lines", async () => {
    expect((await check(templatesWith({ poster: LEAFLET_YAML }), "poster")).filter((r) => r.severity === "error")).toEqual([]);
    const broken = await check(templatesWith({ poster: LEAFLET_YAML.replace("marginSide: 15", "marginSide: 2") }), "poster");
    expect(broken.map((r) => `${r.pos?.file.split("/").pop()}:${r.pos?.line} ${r.message}`)).toContain(
      `poster.yaml:${LEAFLET_YAML.split("\n").findIndex((l) => l.includes("marginSide")) + 1} "marginSide" must be a number from 10 to 40`,
    );
  });
});

describe("a template change reaches the PDF with no code change", () => {
  it("changes the accent colour and the title size in the drawn page", async () => {
    const leaflet = dialogueLeaflet();
    const site = fixtureSite(leaflet);
    const changed = LEAFLET_YAML.replace('accent: { screen: "#0b3d91"', 'accent: { screen: "#8a1c1c"').replace(
      "title: { size: 21,",
      "title: { size: 30,",
    );
    const before = await renderLeafletPdfs(leaflet, site, { braille: null, templatesDir: templatesWith({}) });
    const after = await renderLeafletPdfs(leaflet, site, { braille: null, templatesDir: templatesWith({ leaflet: changed }) });
    const ops = (bytes: Uint8Array) => inflateAll(bytes);
    // #8a1c1c = 0.541 0.11 0.11: the new accent is drawn, the old one is gone.
    expect(ops(before.office)).toContain("0.043137254901960784 0.23921568627450981 0.5686274509803921 scn");
    expect(ops(after.office)).not.toContain("0.043137254901960784 0.23921568627450981 0.5686274509803921 scn");
    expect(ops(after.office)).toContain("0.5411764705882353 0.10980392156862745 0.10980392156862745 scn");
    const file = save(path.join(tmpdir(), `template-after-${process.pid}.pdf`), after.office);
    expect(pdftotext(file, { page: 1 })).toContain(leaflet.title);
    // The title is set larger: the first text line's glyphs are 30 pt in the content stream.
    expect(ops(after.office)).toMatch(/\/F\d+ 30 Tf/);
    expect(ops(before.office)).not.toMatch(/\/F\d+ 30 Tf/);
  });
});

// Every stream of a PDF, inflated where it is compressed, as one latin1 string.
function inflateAll(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString("latin1");
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf("endstream", start);
    try {
      out.push(inflateSync(Buffer.from(text.slice(start, end), "latin1")).toString("latin1"));
    } catch {
      // not a deflated stream
    }
  }
  return out.join("\n");
}
