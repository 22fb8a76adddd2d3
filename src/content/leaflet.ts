// Parses one leaflet file (frontmatter + Markdown) into the typed model, collecting every problem.
import type { Root } from "mdast";
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { monthsSince } from "../lib/dates.ts";
import type { Diagnostics } from "../lib/diagnostics.ts";
import type { Block, Inline, Leaflet, Settings, SourcePos } from "../model/types.ts";
import { eachBlock, inlineText } from "../model/walk.ts";
import { BodyBuilder, type BodyInput } from "./body.ts";
import { parseHeader } from "./header.ts";
import type { InlineContext } from "./inline.ts";

/** Questions above this many make a booklet the better print layout. */
const BOOKLET_FROM_QUESTIONS = 12;
/** Sentences longer than this are hard to follow when read aloud. */
const LONG_SENTENCE = 160;

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkDirective);

export type { ReservedIds } from "./body.ts";

export interface ParseInput extends BodyInput {
  text: string;
  settings: Settings;
}

/** Parses a leaflet source into the model; problems go to `diags`, and null is returned only if nothing usable was found. */
export function parseLeaflet(input: ParseInput): Leaflet | null {
  const { file, text, diags } = input;
  const tree = processor.parse(text) as Root;
  const yamlNode = tree.children[0]?.type === "yaml" ? tree.children[0] : null;
  if (!yamlNode) {
    diags.error(
      file,
      1,
      1,
      "the leaflet has no header",
      "start the file with a `---` line, the fields title, summary, date and source, then another `---` line",
    );
    return null;
  }
  const header = parseHeader(file, yamlNode.value, (yamlNode.position?.start.line ?? 1) + 1, input.settings, diags);
  const { slug, speakers } = header;

  if (tree.children.every((node) => node.type === "yaml")) {
    diags.error(
      file,
      1,
      1,
      "the leaflet has no text after its header, so every edition would be empty",
      "write the leaflet's text after the second `---` line",
    );
  }
  const ictx: InlineContext = { file, source: text, diags };
  const builder = new BodyBuilder(input, ictx, speakers, slug);
  for (const node of tree.children) {
    if (node.type === "yaml") continue;
    builder.add(node);
  }
  const body = builder.finish();
  const questionCount = body.reduce(
    (n, item) =>
      n + (item.type === "question" ? 1 : item.type === "section" ? item.children.filter((c) => c.type === "question").length : 0),
    0,
  );

  return {
    ...header,
    file,
    layout: header.layout ?? (questionCount > BOOKLET_FROM_QUESTIONS ? "booklet" : "leaflet"),
    body,
    pos: { file, line: 1, column: 1 },
  };
}

/** Warns about sentences too long to follow when read aloud. */
export function checkSentenceLengths(leaflet: Leaflet, diags: Diagnostics): void {
  const visit = (inlines: Inline[], pos: SourcePos) => {
    for (const sentence of inlineText(inlines).split(/(?<=[。！？])/)) {
      if (sentence.length > LONG_SENTENCE) {
        diags.warn(
          pos.file,
          pos.line,
          pos.column,
          `a sentence of ${sentence.length} characters is hard to follow when read aloud`,
          `split it into sentences of under ${LONG_SENTENCE} characters`,
        );
      }
    }
  };
  eachBlock(leaflet, (b: Block) => {
    if (b.type === "paragraph" || b.type === "note") visit(b.children, b.pos);
    else if (b.type === "dialogue") for (const l of b.lines) visit(l.children, l.pos);
  });
}

/** Warns when a leaflet's information is older than settings.freshness.warnAfterMonths. */
export function checkFreshness(leaflet: Leaflet, settings: Settings, today: Date, diags: Diagnostics): void {
  if (!leaflet.asOf) return;
  const age = monthsSince(leaflet.asOf, today);
  const limit = settings.freshness.warnAfterMonths;
  if (age < limit) return;
  const field = leaflet.updated ? "updated" : "date";
  const at = leaflet.positions?.[field] ?? leaflet.pos;
  diags.warn(
    at.file,
    at.line,
    at.column,
    `the information is as of ${leaflet.asOf}, ${age} months ago (more than freshness.warnAfterMonths, ${limit}): residents are told it may be out of date`,
    "check that it is still right, then set `updated:` to the day you checked it",
  );
}
