// The body of a leaflet: sections, questions and blocks, with stable ids, from the Markdown tree.
import path from "node:path";
import type { Heading, List, Paragraph, PhrasingContent, RootContent, Table } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import type { Diagnostics } from "../lib/diagnostics.ts";
import type {
  Block,
  BodyItem,
  ContactBlock,
  ContactEntry,
  ContactKind,
  DialogueBlock,
  DialogueLine,
  Inline,
  Question,
  Section,
  SourcePos,
  Speaker,
  TableBlock,
} from "../model/types.ts";
import { inlineText } from "../model/walk.ts";
import { checkImage } from "./images.ts";
import { type InlineContext, splitLines, toInlines } from "./inline.ts";
import { parsePhone } from "./phone.ts";

/** Ids the editions use themselves, which a section or question may not take (given by the pipeline). */
export interface ReservedIds {
  /** Reserved in every leaflet. */
  fixed: readonly string[];
  /** Reserved in one leaflet (e.g. its whole-leaflet audio, `<slug>-all`). */
  forSlug(slug: string): string[];
}

/** What the body builder needs to know of the file it reads. */
export interface BodyInput {
  /** Path relative to the project root. */
  file: string;
  /** Absolute path, for resolving images. */
  absPath: string;
  /** The project's content/ folder: images must be inside it (default: the leaflet file's parent folder's parent). */
  contentDir?: string;
  diags: Diagnostics;
  /** Ids the editions use themselves (none when not given). */
  reserved?: ReservedIds;
}

const BLOCK_DIRECTIVES = ["dialogue", "contact", "table", "note"] as const;
const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const QUESTION = /^[QＱ]\s*([0-9０-９]+)?\s*[.．、:：]\s*/;
const HEADING_ID = /\s*\{#([^}]*)\}\s*$/;
/** Tables wider than this do not fit an A4 column at a readable size. */
const WIDE_TABLE_COLUMNS = 5;

const CONTACT_LABELS: [RegExp, ContactKind][] = [
  [/^(フリーダイヤル|フリーコール|通話料無料|無料電話)/, "freedial"],
  [/^(FAX|Fax|fax|ＦＡＸ|ファクス|ファックス)/, "fax"],
  [/^(電話|TEL|Tel|tel|ＴＥＬ|でんわ)/, "phone"],
  [/^(受付時間|時間|受付|開庁時間|窓口時間)/, "hours"],
  [/^(メール|E-?mail|e-?mail|Ｅメール)/, "email"],
  [/^(ホームページ|URL|ウェブサイト|Web|web|ウェブ)/, "url"],
];

/** Builds the body: sections, questions and blocks, assigning stable ids and checking them. */
export class BodyBuilder {
  private readonly body: BodyItem[] = [];
  private section: Section | null = null;
  private question: Question | null = null;
  private questionDepth = 2;
  private lastNumber = 0;
  private sectionCount = 0;
  private readonly ids = new Map<string, SourcePos>();

  private readonly input: BodyInput;
  private readonly ictx: InlineContext;
  private readonly speakers: Speaker[];
  private readonly slug: string;

  constructor(input: BodyInput, ictx: InlineContext, speakers: Speaker[], slug: string) {
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
    const reserved = this.input.reserved ? [...this.input.reserved.fixed, ...this.input.reserved.forSlug(this.slug)] : [];
    if (reserved.includes(id)) {
      this.error(
        pos,
        `the id "${id}" is used by the editions themselves`,
        `choose another id, e.g. {#${id}-1}; reserved: ${reserved.join(", ")}`,
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
      let ok = true;
      if (!alt) {
        this.error(
          pos,
          "the image has no alt text",
          "describe what the image shows between the brackets: ![顔写真が付いたカードのおもて面](…)",
        );
        ok = false;
      }
      const image = checkImage(only.url, this.input.absPath, this.input.contentDir ?? path.resolve(path.dirname(this.input.absPath), ".."));
      if (!image.ok) {
        this.error(pos, image.message, image.hint);
        return [];
      }
      const { file, name } = image;
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
    // An unclosed block runs to the end of the file and swallows what follows: say so rather than guess.
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const lastLine = start !== undefined && end !== undefined ? this.ictx.source.slice(start, end).trimEnd().split("\n").at(-1) : ":::";
    if (!/^\s*:{3,}\s*$/.test(lastLine ?? "")) {
      this.error(
        pos,
        `the :::${node.name} block is not closed, so everything after it would belong to it`,
        `write a line with only ::: after the block's last line`,
      );
    }
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
    rest.forEach((row, i) => {
      if (row.children.length === head.children.length) return;
      this.error(
        this.pos(row),
        `row ${i + 1} of the table has ${row.children.length} cell${row.children.length === 1 ? "" : "s"}, its header has ${head.children.length}`,
        "give every row as many | cells | as the header (an empty cell is written | |)",
      );
    });
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
