// Print layouts as data: `templates/<name>.yaml` holds every size, spacing, colour, margin and label text of a
// layout, read through a declared schema (so a city hall gets file:line:col errors, like settings) and found by
// the name a leaflet's `layout:` gives. docs/templates.md documents every key; a test keeps the two in step.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Diagnostics } from "../lib/diagnostics.ts";
import { field, type Infer, readObject } from "../lib/schema.ts";
import { YamlSource } from "../lib/yaml-fields.ts";
import type { SourcePos } from "../model/types.ts";

const HEX = /^#[0-9a-fA-F]{6}$/;
const CMYK = /^(100|\d{1,2})( (100|\d{1,2})){3}$/;

/** A type style: its size (never under 9 pt, the smallest a reader over 60 reads without strain) and line height. */
const style = (doc: string, min = 9) =>
  field.object("a type style", doc, {
    size: field.number("Type size.", { min, max: 72, required: true, unit: "pt" }),
    lineHeight: field.number("Line height as a multiple of the size.", { min: 1, max: 2.5, required: true }),
  });

/** A colour: how screens and office printers show it, and the CMYK the print shop gets. */
const colour = (doc: string) =>
  field.object("a colour", doc, {
    screen: field.string("The colour on screen and in the office PDF, as #rrggbb.", {
      required: true,
      pattern: HEX,
      patternHint: "write a colour as #rrggbb, e.g. #0b3d91",
      example: "#0b3d91",
    }),
    press: field.string("The same colour in the print-shop PDF, as four CMYK percentages.", {
      required: true,
      pattern: CMYK,
      patternHint: "write four whole percentages from 0 to 100 separated by spaces: cyan magenta yellow black, e.g. 0 0 0 100",
      example: "100 70 0 20",
    }),
  });

const mmField = (doc: string, min: number, max: number) => field.number(doc, { min, max, required: true, unit: "mm" });
const ptField = (doc: string, min: number, max: number) => field.number(doc, { min, max, required: true, unit: "pt" });
const label = (doc: string, example: string) => field.string(doc, { required: true, example });

/** templates/<name>.yaml: every key, its range and what it does (docs/templates.md says the same). */
export const TEMPLATE_SCHEMA = field.object("the template", "A print layout.", {
  description: field.string("What the layout is for, in one sentence.", { required: true, example: "A4, one or two pages" }),
  cover: field.boolean("Start with a cover page holding the title, summary, dates and a contents list (for long FAQs).", {
    required: true,
  }),
  binding: field.enum(
    "Where copies are stapled: none (single sheets) or left. Codes and notches go to the outer edge, never the binding edge.",
    ["none", "left"] as const,
    { required: true },
  ),
  page: field.object("page margins", "The margins of the text area inside the A4 trim.", {
    marginTop: mmField("Top margin (the braille label sits in it).", 12, 60),
    marginSide: mmField("Left and right margins.", 10, 40),
    marginBottom: mmField("Bottom margin (the footer and the codes sit in it).", 30, 80),
  }),
  text: field.object("type styles", "Sizes and line heights of every kind of text.", {
    body: style("Paragraphs, lists, dialogue and notes; at least 12 pt.", 12),
    title: style("The leaflet's title.", 16),
    meta: style("Issuer, dates and the information date under the title."),
    section: style("Section headings.", 12),
    question: style("Question headings (Q1. …).", 12),
    subheading: style("Headings inside a section or answer.", 12),
    speaker: style("Speaker names in dialogue."),
    tableCaption: style("Table captions."),
    tableCell: style("Table cells."),
    contactTitle: style("The title of a contact box."),
    contactNumber: style("Phone numbers in contact boxes.", 12),
    contents: style("The contents heading on a cover."),
    footer: style("The running footer: page number, title, issuer."),
    codeLabel: style("The line above the code's caption."),
    codeCaption: style("The code's caption and short address."),
    braillePrint: style("The ink text beside the braille label."),
    source: style("The source (出典) line."),
    ruby: style("Furigana above ruby bases."),
  }),
  space: field.object("spacing", "Gaps between blocks, in points.", {
    paragraph: ptField("After a paragraph, list, note or dialogue.", 0, 30),
    block: ptField("After a table, contact box or image.", 0, 30),
    section: ptField("Before a section heading.", 0, 40),
    question: ptField("Before a question heading.", 0, 30),
    dialogueLine: ptField("Between dialogue lines.", 0, 20),
  }),
  colour: field.object("colours", "Colours: every distinction a colour makes is also made by shape, weight or text.", {
    ink: colour("Text, rules and codes; K100 in print."),
    accent: colour("Title, section headings, boxes."),
    tint: colour("Backgrounds of the title band, table headers and one speaker's lines."),
    rule: colour("Thin rules and borders."),
    paper: colour("The paper (text on the accent colour)."),
  }),
  code: field.object("codes", "The web QR code and the Uni-Voice slot at the bottom of every page.", {
    size: mmField("Side of the QR code and of the Uni-Voice slot, quiet zone included (at least 18 mm).", 18, 30),
    edge: mmField("From the trim edge to the outer side of the outermost code.", 8, 30),
    bottom: mmField("From the bottom trim edge to the codes' bottom.", 8, 30),
    gap: mmField("Between the Uni-Voice slot and the QR code.", 2, 20),
    notchRadius: mmField("Radius of the semicircular notch beside the Uni-Voice slot.", 2, 5),
  }),
  braille: field.object("braille label", "Where the braille label goes on page 1 (inside the top margin).", {
    top: mmField("From the top trim edge to the first line of dots.", 5, 30),
    side: mmField("From the right trim edge to the end of the label.", 5, 40),
    width: mmField("The widest the label may be: its cell limit follows from this and the cell pitch.", 20, 190),
    lines: field.number("The most lines of braille the label may take.", { min: 1, max: 3, required: true }),
  }),
  image: field.object("images", "How big images print.", {
    maxHeight: mmField("The tallest an image prints.", 20, 200),
    maxWidth: field.number("The widest an image prints, as a share of the text width; two images in a row share it.", {
      min: 0.2,
      max: 1,
      required: true,
    }),
  }),
  labels: field.object("labels", "Every text the layout adds; {name} is replaced by a value.", {
    pageNumber: label("Footer page number: {page} and {pages}.", "{page} / {pages} ページ"),
    issuer: label("Who issued it: {issuer}.", "発行：{issuer}"),
    date: label("Publication date: {date}.", "発行日：{date}"),
    asOf: label("The information date: {date}.", "この情報は{date}時点のものです"),
    source: label("The source line: {source}.", "出典：{source}"),
    contact: label("Heading of the city contact at the end.", "このページに関するお問い合わせ"),
    codeLabel: label("Above the web QR code's caption.", "音声・文字で読めます"),
    codeCaption: label("The web QR code's caption: it must say it is not a voice code.", "QRコード（音声コードではありません）"),
    uniVoiceSlot: label("Inside the empty Uni-Voice slot.", "Uni-Voice 貼付位置"),
    braillePrint: label("Ink text beside the braille label: {text}.", "点字：{text}"),
    contents: label("Contents heading on a cover: {count} questions.", "目次（質問 {count} 問）"),
    questions: label("On a cover without sections: {count} questions.", "質問 {count} 問（Q1〜Q{count}）"),
    notchGuide: label("Office PDF, inside the Uni-Voice slot: where to cut the notch; {arrow} points at the edge.", "切り欠き{arrow}"),
  }),
});

/** A print template as read from its file. */
export type PrintTemplate = Infer<typeof TEMPLATE_SCHEMA> & {
  /** The template's name (its file name without .yaml). */
  name: string;
  /** The file it was read from, relative to the project root where possible. */
  file: string;
};

export type TemplateColour = keyof PrintTemplate["colour"];

/** What reading a template gives: the template, or the problems (each at its line) that kept it from being read. */
export type TemplateResult = { ok: true; template: PrintTemplate } | { ok: false; diagnostics: Diagnostics };

/** The file a template name means. */
export function templateFile(templatesDir: string, name: string): string {
  return path.join(templatesDir, `${name}.yaml`);
}

/** Reads `templates/<name>.yaml`; `display` is how messages name the file (project-relative). */
export function readTemplate(templatesDir: string, name: string, display = `templates/${name}.yaml`): TemplateResult | null {
  let text: string;
  try {
    text = readFileSync(templateFile(templatesDir, name), "utf8");
  } catch {
    return null;
  }
  return parseTemplate(display, name, text);
}

/** Parses template YAML text; every problem is located in `file`. */
export function parseTemplate(file: string, name: string, text: string): TemplateResult {
  const diags = new Diagnostics();
  const src = new YamlSource(file, text, 1, diags);
  const { value, positions } = readObject(src, src.root, TEMPLATE_SCHEMA);
  if (diags.items.length > 0) return { ok: false, diagnostics: diags };
  const template = { ...value, name, file } as PrintTemplate;
  checkLabels(template, positions, diags);
  return diags.items.length > 0 ? { ok: false, diagnostics: diags } : { ok: true, template };
}

// A label's placeholders must be ones it is given: a misspelt {isuer} would print as written.
const PLACEHOLDERS: Record<keyof PrintTemplate["labels"], string[]> = {
  pageNumber: ["page", "pages"],
  issuer: ["issuer"],
  date: ["date"],
  asOf: ["date"],
  source: ["source"],
  contact: [],
  codeLabel: [],
  codeCaption: [],
  uniVoiceSlot: [],
  braillePrint: ["text"],
  contents: ["count"],
  questions: ["count"],
  notchGuide: ["arrow"],
};

function checkLabels(t: PrintTemplate, positions: Record<string, SourcePos>, diags: Diagnostics): void {
  for (const [key, allowed] of Object.entries(PLACEHOLDERS)) {
    const value = t.labels[key as keyof PrintTemplate["labels"]];
    for (const m of value.matchAll(/\{([^}]*)\}/g)) {
      if (allowed.includes(m[1])) continue;
      const at = positions[`labels.${key}`];
      diags.error(
        at.file,
        at.line,
        at.column,
        `"labels.${key}" has an unknown placeholder {${m[1]}}`,
        allowed.length ? `it may use ${allowed.map((a) => `{${a}}`).join(", ")}` : "this label takes no placeholders",
      );
    }
  }
}

/** A label with its placeholders filled in. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{([a-z]+)\}/g, (all, k: string) => (k in values ? String(values[k]) : all));
}

/** A template colour's CMYK as fractions 0–1. */
export function pressColour(t: PrintTemplate, key: TemplateColour): [number, number, number, number] {
  const [c, m, y, k] = t.colour[key].press.split(" ").map((v) => Number(v) / 100);
  return [c, m, y, k];
}
