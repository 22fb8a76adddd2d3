// One fixture per validation error, each message pinned: these are what city-hall staff read.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../src/lib/diagnostics.ts";
import { loadProject } from "../src/pipeline/project.ts";

const fixtures = path.resolve(import.meta.dirname, "fixtures");
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Loads a project made of the valid fixture's settings and images plus the given leaflet files. */
async function check(...names: string[]): Promise<string[]> {
  const root = mkdtempSync(path.join(tmpdir(), "leaflet-invalid-"));
  scratch.push(root);
  cpSync(path.join(fixtures, "project/content/settings.yaml"), path.join(root, "content/settings.yaml"));
  cpSync(path.join(fixtures, "project/content/images"), path.join(root, "content/images"), { recursive: true });
  for (const [i, name] of names.entries()) {
    const target = i === 0 ? name : `copy-of-${name}`;
    cpSync(path.join(fixtures, "invalid", name), path.join(root, "content/leaflets", target));
  }
  const { site, diagnostics } = await loadProject(root);
  if (diagnostics.some((d) => d.severity === "error")) expect(site).toBeNull();
  return diagnostics.map(formatDiagnostic);
}

describe("content errors name file:line:col, say what is wrong and what to do", () => {
  it("YAML syntax", async () => {
    expect(await check("yaml-syntax.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/yaml-syntax.md:4:1 error: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] (hint: each line is \`name: value\`; indent list items with two spaces; quote values that contain \`: \` or start with \`[\`)",
      ]
    `);
  });

  it("missing header fields", async () => {
    expect(await check("missing-fields.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/missing-fields.md:2:1 error: missing field "summary" in the header (hint: add a line \`summary: この案内で分かることを一、二文で\`)",
        "content/leaflets/missing-fields.md:2:1 error: missing field "source" in the header (hint: add a line \`source: ○○市「マイナンバーQ&A」を元に作成\`)",
      ]
    `);
  });

  it("unknown header field and bad layout value", async () => {
    expect(await check("unknown-field.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/unknown-field.md:6:1 error: unknown field "titel" in the header (hint: did you mean "title"?)",
        "content/leaflets/unknown-field.md:7:9 error: print: there is no print template 「poster」: templates/poster.yaml does not exist (hint: use one of booklet, leaflet, or copy templates/leaflet.yaml to templates/poster.yaml and change it)",
      ]
    `);
  });

  it("a date that does not exist", async () => {
    expect(await check("bad-date.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/bad-date.md:4:7 error: "date" 「2020-02-30」 is not a real date (hint: check the month and day)",
      ]
    `);
  });

  it("no header at all", async () => {
    expect(await check("no-header.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/no-header.md:1:1 error: the leaflet has no header (hint: start the file with a \`---\` line, the fields title, summary, date and source, then another \`---\` line)",
      ]
    `);
  });

  it("unknown block types", async () => {
    expect(await check("unknown-block.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/unknown-block.md:8:1 error: unknown block type ":::warning" (hint: the block types are dialogue, contact, table, note)",
        "content/leaflets/unknown-block.md:12:1 error: unknown block type: quotation (\`> \`) (hint: use a paragraph, a ※ note or a :::dialogue block)",
      ]
    `);
  });

  it("a question without an answer", async () => {
    expect(await check("question-without-answer.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/question-without-answer.md:8:1 error: question Q1 has no answer (hint: write the answer on the lines after the question, before the next \`##\`)",
      ]
    `);
  });

  it("a dialogue line by an undeclared speaker", async () => {
    expect(await check("undeclared-speaker.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/undeclared-speaker.md:13:1 error: 「ばあちゃん」 is not a declared speaker (hint: add it under speakers: in the header, or use one of: mina)",
      ]
    `);
  });

  it("unbalanced and malformed ruby", async () => {
    expect(await check("unbalanced-ruby.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/unbalanced-ruby.md:8:1 error: a \`{\` is not closed (hint: readings are written {漢字|かんじ} on one line; write a literal brace full-width: ｛)",
        "content/leaflets/unbalanced-ruby.md:8:26 error: a \`}\` has no matching \`{\` (hint: readings are written {漢字|かんじ}; write a literal brace full-width: ｝)",
        "content/leaflets/unbalanced-ruby.md:10:1 error: 「{本庁舎}」 has no reading (hint: write {漢字|かんじ}: the word, a vertical bar, then its reading in kana)",
        "content/leaflets/unbalanced-ruby.md:10:7 error: the reading 「shisho」 must be written in kana (hint: write {支所|…} with hiragana or katakana)",
      ]
    `);
  });

  it("duplicate section and question ids", async () => {
    expect(await check("duplicate-id.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/duplicate-id.md:12:8 error: the id "counters" is already used at line 8 (hint: give each section and question its own number or {#id})",
        "content/leaflets/duplicate-id.md:20:1 error: the id "q3" is already used at line 16 (hint: give each section and question its own number or {#id})",
      ]
    `);
  });

  it("ids the editions use themselves", async () => {
    expect(await check("reserved-id.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/reserved-id.md:9:7 error: the id "main-content" is used by the editions themselves (hint: choose another id, e.g. {#main-content-1}; reserved: page, main-content, toc-heading, audio-heading, editions-heading, playback-speed, page-contact, guide-all)",
        "content/leaflets/reserved-id.md:13:7 error: the id "guide-all" is used by the editions themselves (hint: choose another id, e.g. {#guide-all-1}; reserved: page, main-content, toc-heading, audio-heading, editions-heading, playback-speed, page-contact, guide-all)",
        "content/leaflets/reserved-id.md:17:14 error: the id "page" is used by the editions themselves (hint: choose another id, e.g. {#page-1}; reserved: page, main-content, toc-heading, audio-heading, editions-heading, playback-speed, page-contact, guide-all)",
      ]
    `);
  });

  it("duplicate slug across two files", async () => {
    expect(await check("card-slug-a.md", "card-slug-a.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/copy-of-card-slug-a.md:1:1 error: the slug "card" is already used by content/leaflets/card-slug-a.md (hint: give each leaflet its own slug: it is its web address)",
      ]
    `);
  });

  it("empty alt text and a missing image file", async () => {
    expect(await check("image-problems.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/image-problems.md:8:1 error: the image has no alt text (hint: describe what the image shows between the brackets: ![顔写真が付いたカードのおもて面](…))",
        "content/leaflets/image-problems.md:10:1 error: the image file 「../images/missing.png」 was not found (hint: put the file in content/images/ and write its path relative to content/leaflets/image-problems.md)",
      ]
    `);
  });

  it("malformed phone numbers", async () => {
    expect(await check("bad-phone.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/bad-phone.md:9:1 error: malformed phone number: 「047-334-111」 has 9 digits; a number starting 0473 has 10 (hint: write the whole number with its area code, e.g. 047-334-1111 or 0120-95-0178)",
        "content/leaflets/bad-phone.md:11:1 error: malformed phone number: 「0120-95-01789」 has 11 digits; a number starting 0120 has 10 (hint: write the whole number with its area code, e.g. 047-334-1111 or 0120-95-0178)",
      ]
    `);
  });

  it("a number that passes the My Number check digit is refused", async () => {
    expect(await check("my-number.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/my-number.md:8:10 error: 「123456789018」 looks like a real My Number (its check digit is valid); leaflets must never contain one (hint: remove it, or write an example as 1234 5678 XXXX)",
      ]
    `);
  });

  it("warnings for what hurts the audio and print editions, without failing", async () => {
    expect(await check("warnings.md")).toMatchInlineSnapshot(`
      [
        "content/leaflets/warnings.md:8:1 warning: a sentence of 216 characters is hard to follow when read aloud (hint: split it into sentences of under 160 characters)",
        "content/leaflets/warnings.md:10:1 warning: the table has 6 columns and will be hard to read in print (hint: keep tables to 5 columns or split them)",
      ]
    `);
  });
});
