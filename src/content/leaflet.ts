// Parses one leaflet file (frontmatter + Markdown) into the typed model, collecting every problem.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent, Table } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import remarkDirective from "remark-directive";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { isReservedId, RESERVED_IDS } from "../edition/layout.ts";
import type { Diagnostics } from "../lib/diagnostics.ts";
import { Fields, YamlSource } from "../lib/yaml-fields.ts";
import type {
  Block,
  BodyItem,
  ContactBlock,
  ContactEntry,
  ContactKind,
  DialogueBlock,
  DialogueLine,
  Inline,
  Leaflet,
  Question,
  Section,
  Settings,
  SourcePos,
  Speaker,
  TableBlock,
} from "../model/types.ts";
import { inlineText, leadBlocks, listUnits, unitBlocks } from "../model/walk.ts";
import { type InlineContext, splitLines, toInlines } from "./inline.ts";
import { parsePhone } from "./phone.ts";

const FRONTMATTER_FIELDS = [
  "title",
  "slug",
  "summary",
  "issuer",
  "date",
  "source",
  "sourceUrl",
  "titleReading",
  "layout",
  "speakers",
  "brailleLabel",
  "audio",
  "uniVoice",
] as const;
const SPEAKER_FIELDS = ["id", "name", "reading", "pitch", "voice"] as const;
const BLOCK_DIRECTIVES = ["dialogue", "contact", "table", "note"] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const QUESTION = /^[QＱ]\s*([0-9０-９]+)?\s*[.．、:：]\s*/;
const HEADING_ID = /\s*\{#([^}]*)\}\s*$/;
/** Questions above this many make a booklet the better print layout. */
const BOOKLET_FROM_QUESTIONS = 12;
/** Sentences longer than this are hard to follow when read aloud. */
const LONG_SENTENCE = 160;
/** Tables wider than this do not fit an A4 column at a readable size. */
const WIDE_TABLE_COLUMNS = 5;

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkDirective);

const CONTACT_LABELS: [RegExp, ContactKind][] = [
  [/^(フリーダイヤル|フリーコール|通話料無料|無料電話)/, "freedial"],
  [/^(FAX|Fax|fax|ＦＡＸ|ファクス|ファックス)/, "fax"],
  [/^(電話|TEL|Tel|tel|ＴＥＬ|でんわ)/, "phone"],
  [/^(受付時間|時間|受付|開庁時間|窓口時間)/, "hours"],
  [/^(メール|E-?mail|e-?mail|Ｅメール)/, "email"],
  [/^(ホームページ|URL|ウェブサイト|Web|web|ウェブ)/, "url"],
];

interface ParseInput {
  /** Path relative to the project root. */
  file: string;
  /** Absolute path, for resolving images. */
  absPath: string;
  text: string;
  settings: Settings;
  diags: Diagnostics;
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
  const yaml = new YamlSource(file, yamlNode.value, (yamlNode.position?.start.line ?? 1) + 1, diags);
  const fm = new Fields(yaml, yaml.root, "the header", FRONTMATTER_FIELDS);
  const fallbackSlug = path.basename(file).replace(/\.md$/, "");

  const title = fm.string("title", { required: true, example: "マイナンバーカードの受け取り方" }) ?? "";
  const summary = fm.string("summary", { required: true, example: "この案内で分かることを一、二文で" }) ?? "";
  const source = fm.string("source", { required: true, example: "○○市「マイナンバーQ&A」を元に作成" }) ?? "";
  const date =
    fm.string("date", {
      required: true,
      pattern: /^\d{4}-\d{2}-\d{2}$/,
      patternHint: "write the date as YYYY-MM-DD, e.g. 2017-07-27 for 平成29年7月27日",
      example: "2024-04-01",
    }) ?? "";
  if (date && Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    yaml.error(fm.node("date"), `"date" 「${date}」 is not a real date`, "write the date as YYYY-MM-DD");
  } else if (date && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    yaml.error(fm.node("date"), `"date" 「${date}」 is not a real date`, "check the month and day");
  }
  const slug =
    fm.string("slug", { pattern: SLUG, patternHint: "use lower-case letters, digits and hyphens, e.g. card-safety" }) ??
    (SLUG.test(fallbackSlug) ? fallbackSlug : "");
  if (!fm.node("slug") && !SLUG.test(fallbackSlug)) {
    diags.error(
      file,
      1,
      1,
      `the file name 「${fallbackSlug}」 cannot be used in web addresses`,
      "rename the file with lower-case letters, digits and hyphens, or add a `slug:` field",
    );
  }
  const issuer = fm.string("issuer") ?? input.settings.issuer;
  const sourceUrl = fm.string("sourceUrl", { pattern: /^https?:\/\/\S+$/, patternHint: "a web address starting with https://" });
  const titleReading = fm.string("titleReading", {
    pattern: /^[\u3041-\u309f\u30a0-\u30ffー・　 ]+$/,
    patternHint: "write the reading in kana",
  });
  const layoutChoice = fm.oneOf("layout", ["leaflet", "booklet"] as const);
  const brailleLabel = fm.string("brailleLabel") ?? title;
  const uniVoice = fm.boolean("uniVoice") ?? false;
  const audioFields = new Fields(yaml, fm.node("audio"), "audio", ["speed", "voice"]);
  const audio = {
    speed: audioFields.number("speed", { min: 0.5, max: 2 }) ?? input.settings.audio.speed,
    voice: audioFields.string("voice") ?? input.settings.audio.voice,
  };
  const speakers: Speaker[] = [];
  for (const item of fm.list("speakers")) {
    const s = new Fields(yaml, item, "a speaker", SPEAKER_FIELDS);
    const id = s.string("id", {
      required: true,
      pattern: /^[a-z][a-z0-9_-]*$/,
      patternHint: "use lower-case letters, e.g. mina",
      example: "mina",
    });
    const name = s.string("name", { required: true, example: "マイナちゃん" });
    if (!id || !name) continue;
    if (speakers.some((x) => x.id === id)) {
      yaml.error(s.node("id"), `the speaker id "${id}" is declared twice`, "give each speaker its own id");
      continue;
    }
    speakers.push({
      id,
      name,
      reading: s.string("reading"),
      pitch: s.number("pitch", { min: -12, max: 12 }) ?? 0,
      voice: s.string("voice"),
    });
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
    slug,
    file,
    title,
    titleReading,
    summary,
    issuer,
    date,
    source,
    sourceUrl,
    layout: layoutChoice ?? (questionCount > BOOKLET_FROM_QUESTIONS ? "booklet" : "leaflet"),
    speakers,
    braille: { label: brailleLabel },
    audio,
    uniVoice,
    body,
    pos: { file, line: 1, column: 1 },
  };
}

/** Builds the body: sections, questions and blocks, assigning stable ids and checking them. */
class BodyBuilder {
  private readonly body: BodyItem[] = [];
  private section: Section | null = null;
  private question: Question | null = null;
  private questionDepth = 2;
  private lastNumber = 0;
  private sectionCount = 0;
  private readonly ids = new Map<string, SourcePos>();

  private readonly input: ParseInput;
  private readonly ictx: InlineContext;
  private readonly speakers: Speaker[];
  private readonly slug: string;

  constructor(input: ParseInput, ictx: InlineContext, speakers: Speaker[], slug: string) {
    this.input = input;
    this.ictx = ictx;
    this.speakers = speakers;
    this.slug = slug;
  }

  add(node: RootContent): void {
    if (node.type === "heading") {
      this.heading(node);
      return;
    }
    for (const block of this.blocks(node)) this.push(block);
  }

  finish(): BodyItem[] {
    this.closeQuestion();
    this.closeSection();
    return this.body;
  }

  private pos(node: { position?: { start: { line: number; column: number } } }): SourcePos {
    return { file: this.input.file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  }

  private error(pos: SourcePos, message: string, hint?: string): void {
    this.input.diags.error(pos.file, pos.line, pos.column, message, hint);
  }

  private heading(node: Heading): void {
    const pos = this.pos(node);
    if (node.depth === 1) {
      this.error(
        pos,
        "a `# ` title inside the text",
        "the leaflet's title goes in the header (title:); use `## ` for sections and questions",
      );
      return;
    }
    const { inlines, id: explicitId, idPos } = this.headingParts(node);
    const text = inlineText(inlines);
    const q = QUESTION.exec(text);
    if (q && node.depth <= 3) {
      this.closeQuestion();
      if (node.depth === 2) this.closeSection();
      const number = q[1] ? Number(q[1].normalize("NFKC")) : this.lastNumber + 1;
      this.lastNumber = number;
      const questionInlines = stripPrefix(inlines, q[0].length);
      if (!inlineText(questionInlines).trim()) this.error(pos, "the question has no text", "write the question after `Q1.`");
      const id = this.claimId(explicitId ?? `q${number}`, explicitId ? idPos : pos);
      this.question = { type: "question", id, number, question: questionInlines, answer: [], pos };
      this.questionDepth = node.depth;
      return;
    }
    if (node.depth === 2) {
      this.closeQuestion();
      this.closeSection();
      this.sectionCount++;
      if (!text.trim()) this.error(pos, "the section has no title", "write the title after `## `");
      const id = this.claimId(explicitId ?? `section-${this.sectionCount}`, explicitId ? idPos : pos);
      this.section = { type: "section", id, title: inlines, children: [], pos };
      return;
    }
    if (this.question && node.depth <= this.questionDepth) this.closeQuestion();
    if (explicitId) this.error(idPos, "only sections and questions can have an id", "remove the {#…}, or make this a `## ` section");
    this.push({ type: "heading", level: node.depth >= 4 ? 4 : 3, children: inlines, pos });
  }

  private headingParts(node: Heading): { inlines: Inline[]; id?: string; idPos: SourcePos } {
    const children = [...node.children];
    const last = children[children.length - 1];
    let id: string | undefined;
    let idPos = this.pos(node);
    if (last?.type === "text") {
      const m = HEADING_ID.exec(last.value);
      if (m) {
        id = m[1].trim();
        const col = (last.position?.start.column ?? 1) + m.index + m[0].indexOf("{");
        idPos = { ...idPos, line: last.position?.start.line ?? idPos.line, column: col };
        children[children.length - 1] = { ...last, value: last.value.slice(0, m.index) };
        if (!ID.test(id)) {
          this.error(
            idPos,
            `the id 「${id}」 cannot be used in web addresses`,
            "use lower-case letters, digits and hyphens, e.g. {#carrying}",
          );
          id = undefined;
        }
      }
    }
    return { inlines: trimInlines(toInlines(children as PhrasingContent[], this.ictx)), id, idPos };
  }

  private claimId(id: string, pos: SourcePos): string {
    const first = this.ids.get(id);
    if (isReservedId(this.slug, id)) {
      this.error(
        pos,
        `the id "${id}" is used by the editions themselves`,
        `choose another id, e.g. {#${id}-1}; reserved: ${RESERVED_IDS.join(", ")}, ${this.slug}-all`,
      );
    } else if (first) {
      this.error(pos, `the id "${id}" is already used at line ${first.line}`, "give each section and question its own number or {#id}");
    } else {
      this.ids.set(id, pos);
    }
    return id;
  }

  private push(block: Block): void {
    if (this.question) this.question.answer.push(block);
    else if (this.section) this.section.children.push(block);
    else this.body.push(block);
  }

  private closeQuestion(): void {
    const q = this.question;
    if (!q) return;
    if (q.answer.length === 0) {
      this.error(q.pos, `question Q${q.number} has no answer`, "write the answer on the lines after the question, before the next `##`");
    }
    if (this.section && this.questionDepth === 3) this.section.children.push(q);
    else this.body.push(q);
    this.question = null;
  }

  private closeSection(): void {
    if (this.section) this.body.push(this.section);
    this.section = null;
  }

  private blocks(node: RootContent): Block[] {
    const pos = this.pos(node);
    switch (node.type) {
      case "paragraph":
        return this.paragraph(node);
      case "list":
        return [this.list(node)];
      case "containerDirective":
        return this.directive(node);
      case "thematicBreak":
        return [];
      case "table":
        this.error(pos, "a table needs a caption", "wrap it in `:::table[キャプション]` … `:::`");
        return [];
      case "leafDirective":
        this.error(
          pos,
          `unknown block type "::${node.name}"`,
          `blocks are written :::name … ::: ; the names are ${BLOCK_DIRECTIVES.join(", ")}`,
        );
        return [];
      case "blockquote":
        this.error(pos, "unknown block type: quotation (`> `)", "use a paragraph, a ※ note or a :::dialogue block");
        return [];
      case "code":
        this.error(pos, "unknown block type: code block", "leaflets have no program code; remove the ``` lines or indentation");
        return [];
      case "html":
        this.error(pos, "HTML is not allowed in leaflets", "use Markdown: lists, **太字**, :::contact and :::table blocks");
        return [];
      default:
        this.error(pos, `unknown block type "${node.type}"`, "see docs/authoring.md for what a leaflet can contain");
        return [];
    }
  }

  private paragraph(node: Paragraph): Block[] {
    const pos = this.pos(node);
    const only = node.children.length === 1 ? node.children[0] : null;
    if (only?.type === "image") {
      const alt = (only.alt ?? "").trim();
      const file = path.resolve(path.dirname(this.input.absPath), decodeURI(only.url));
      const name = path.basename(file);
      let ok = true;
      if (!alt) {
        this.error(
          pos,
          "the image has no alt text",
          "describe what the image shows between the brackets: ![顔写真が付いたカードのおもて面](…)",
        );
        ok = false;
      }
      if (/^https?:/.test(only.url) || !existsSync(file)) {
        this.error(
          pos,
          `the image file 「${only.url}」 was not found`,
          `put the file in content/images/ and write its path relative to ${this.input.file}`,
        );
        ok = false;
      } else if (!/\.(png|jpe?g)$/i.test(name)) {
        this.error(pos, `the image 「${name}」 is not PNG or JPEG`, "save it as .png or .jpg so every edition can use it");
        ok = false;
      }
      return ok ? [{ type: "image", file, name, alt, pos }] : [];
    }
    const children = toInlines(node.children, this.ictx);
    const first = children[0];
    if (first?.type === "text" && /^[※＊]/.test(first.value)) {
      return [{ type: "note", children: trimInlines(stripPrefix(children, 1)), pos }];
    }
    return [{ type: "paragraph", children, pos }];
  }

  private list(node: List): Block {
    return {
      type: "list",
      ordered: Boolean(node.ordered),
      start: node.start ?? 1,
      items: node.children.map((item) => ({
        pos: this.pos(item),
        children: item.children.flatMap((child) => this.blocks(child as RootContent)),
      })),
      pos: this.pos(node),
    };
  }

  private directive(node: ContainerDirective): Block[] {
    const pos = this.pos(node);
    const labelNode = node.children[0]?.type === "paragraph" && node.children[0].data?.directiveLabel ? node.children[0] : null;
    const label = labelNode ? trimInlines(toInlines(labelNode.children, this.ictx)) : [];
    const content = labelNode ? node.children.slice(1) : node.children;
    switch (node.name) {
      case "dialogue":
        return [this.dialogue(content as RootContent[], pos)];
      case "contact":
        return [this.contact(content as RootContent[], label, pos)];
      case "table":
        return this.table(content as RootContent[], label, pos);
      case "note": {
        const inner = content.flatMap((c) => this.blocks(c as RootContent));
        return inner.map((b) => (b.type === "paragraph" ? { type: "note", children: b.children, pos: b.pos } : b));
      }
      default:
        this.error(pos, `unknown block type ":::${node.name}"`, `the block types are ${BLOCK_DIRECTIVES.join(", ")}`);
        return [];
    }
  }

  private dialogue(content: RootContent[], pos: SourcePos): DialogueBlock {
    const lines: DialogueLine[] = [];
    const names = this.speakers.map((s) => s.id).join(", ");
    for (const child of content) {
      if (child.type !== "paragraph") {
        this.error(this.pos(child), "a dialogue holds only lines of the form `speaker: words`", "write each line as `mina: …`");
        continue;
      }
      const start = this.pos(child);
      splitLines(toInlines(child.children, this.ictx)).forEach((lineInlines, k) => {
        const linePos = { ...start, line: start.line + k, column: k === 0 ? start.column : 1 };
        const head = lineInlines[0];
        const m = head?.type === "text" ? /^([^:：]{1,24})[:：]\s*/.exec(head.value) : null;
        const who = m?.[1].trim();
        const speaker = who ? this.speakers.find((s) => s.id === who || s.name === who) : undefined;
        if (m && who && !speaker) {
          this.error(
            linePos,
            `「${who}」 is not a declared speaker`,
            this.speakers.length
              ? `add it under speakers: in the header, or use one of: ${names}`
              : "declare the speakers in the header under speakers: (id and name)",
          );
          return;
        }
        if (!m || !speaker) {
          const prev = lines[lines.length - 1];
          if (prev) prev.children.push({ type: "break" }, ...lineInlines);
          else this.error(linePos, "the dialogue does not start with a speaker", `write \`${this.speakers[0]?.id ?? "mina"}: …\``);
          return;
        }
        const rest = stripPrefix(lineInlines, m[0].length);
        if (!inlineText(rest).trim()) this.error(linePos, `${who} says nothing on this line`, "write the words after the colon");
        lines.push({ speaker: speaker.id, children: rest, pos: linePos });
      });
    }
    if (lines.length === 0)
      this.error(pos, "the dialogue is empty", "write lines like `mina: 普通に持ち歩いていいの？` between :::dialogue and :::");
    return { type: "dialogue", lines, pos };
  }

  private contact(content: RootContent[], title: Inline[], pos: SourcePos): ContactBlock {
    if (title.length === 0)
      this.error(pos, "the contact box has no title", "write it in brackets: :::contact[マイナンバー総合フリーダイヤル]");
    const entries: ContactEntry[] = [];
    const addLine = (lineInlines: Inline[], linePos: SourcePos) => {
      const line = inlineText(lineInlines).trim();
      if (!line) return;
      const m = /^([^:：]{1,20})[:：]\s*(.*)$/.exec(line);
      if (!m) {
        this.error(linePos, `the contact line 「${line}」 has no label`, "write `label: value`, e.g. `電話: 047-123-4567`");
        return;
      }
      const label = m[1].trim();
      const value = m[2].trim();
      const kind = CONTACT_LABELS.find(([re]) => re.test(label))?.[1] ?? "text";
      const entry: ContactEntry = { kind, label, value, pos: linePos };
      if (kind === "phone" || kind === "freedial" || kind === "fax") {
        const parsed = parsePhone(value);
        if (!parsed.ok) {
          this.error(
            linePos,
            `malformed phone number: ${parsed.reason}`,
            "write the whole number with its area code, e.g. 047-334-1111 or 0120-95-0178",
          );
          return;
        }
        Object.assign(entry, parsed.phone);
      }
      if (!value) this.error(linePos, `「${label}」 has no value`, "write the value after the colon");
      entries.push(entry);
    };
    for (const child of content) {
      if (child.type === "paragraph") {
        const start = this.pos(child);
        splitLines(toInlines(child.children, this.ictx)).forEach((l, k) => {
          addLine(l, { ...start, line: start.line + k, column: k === 0 ? start.column : 1 });
        });
      } else if (child.type === "list") {
        for (const item of child.children) {
          const para = item.children[0];
          if (para?.type === "paragraph") addLine(toInlines(para.children, this.ictx), this.pos(para));
        }
      } else {
        this.error(this.pos(child), "a contact box holds only `label: value` lines", "write lines like `電話: 047-334-1111`");
      }
    }
    if (entries.length === 0 && title.length) this.error(pos, "the contact box is empty", "add lines like `電話: 047-334-1111`");
    return { type: "contact", title, entries, pos };
  }

  private table(content: RootContent[], caption: Inline[], pos: SourcePos): Block[] {
    const table = content.find((c): c is Table => c.type === "table");
    if (!table) {
      this.error(pos, "the :::table block holds no table", "write a Markdown table: | 見出し | 見出し | then |---|---| then rows");
      return [];
    }
    if (caption.length === 0) this.error(pos, "the table has no caption", "write it in brackets: :::table[コンビニで取得できる証明書]");
    const [head, ...rest] = table.children;
    const cells = (row: (typeof table.children)[number]) => row.children.map((cell) => trimInlines(toInlines(cell.children, this.ictx)));
    const block: TableBlock = {
      type: "table",
      caption,
      header: cells(head),
      rows: rest.map(cells),
      align: (table.align ?? []).map((a) => a ?? null),
      pos,
    };
    if (block.header.length > WIDE_TABLE_COLUMNS) {
      this.input.diags.warn(
        pos.file,
        pos.line,
        pos.column,
        `the table has ${block.header.length} columns and will be hard to read in print`,
        `keep tables to ${WIDE_TABLE_COLUMNS} columns or split them`,
      );
    }
    return [block];
  }
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
  const visitBlocks = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === "paragraph" || b.type === "note") visit(b.children, b.pos);
      else if (b.type === "list") for (const item of b.items) visitBlocks(item.children);
      else if (b.type === "dialogue") for (const l of b.lines) visit(l.children, l.pos);
    }
  };
  visitBlocks(leadBlocks(leaflet));
  for (const unit of listUnits(leaflet)) visitBlocks(unitBlocks(unit));
}

/** Removes the first `count` characters of text from the start of inlines (a Q1. or ※ prefix). */
function stripPrefix(inlines: Inline[], count: number): Inline[] {
  const out = [...inlines];
  let left = count;
  while (left > 0 && out.length) {
    const first = out[0];
    if (first.type !== "text") break;
    if (first.value.length <= left) {
      left -= first.value.length;
      out.shift();
    } else {
      out[0] = { type: "text", value: first.value.slice(left) };
      left = 0;
    }
  }
  return trimInlines(out);
}

function trimInlines(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  const first = out[0];
  if (first?.type === "text") out[0] = { type: "text", value: first.value.replace(/^[\s　]+/, "") };
  const last = out[out.length - 1];
  if (last?.type === "text") out[out.length - 1] = { type: "text", value: last.value.replace(/[\s　]+$/, "") };
  return out.filter((n) => n.type !== "text" || n.value !== "");
}
