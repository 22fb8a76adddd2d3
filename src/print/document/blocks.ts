// Body blocks: paragraphs, sub-headings, notes, lists, dialogue, contact boxes, tables and images.
import { existsSync } from "node:fs";
import { Image } from "@react-pdf/renderer";
import type React from "react";
import { RenderError } from "../../edition/contract.ts";
import type { Block, ContactBlock, DialogueBlock, ImageBlock, Inline, ListBlock, TableBlock } from "../../model/types.ts";
import type { Unit } from "../../model/walk.ts";
import { mm } from "../geometry.ts";
import { blockDest, type DocContext, h, type NodeProps, type Tag } from "./context.ts";
import { rich } from "./text.ts";

/** The heading level a unit's own heading reads as: sections H2, questions H2 (H3 inside a section). */
export function unitLevel(unit: Unit | null, inSection: boolean): number {
  if (!unit) return 1;
  return unit.type === "question" && inSection ? 3 : 2;
}

/** Where a block sits: its unit, the heading level of that unit, whether it is addressable on its own. */
export interface BlockPlace {
  unit: Unit | null;
  level: number;
  top: boolean;
  /** Images set side by side share the row: 0.5 each for two. */
  share?: number;
  /** The block after it, for headings that must stay with a table. */
  next?: Block;
}

/** One body block; top-level blocks get a named destination so the page they land on is known. */
export function block(x: DocContext, b: Block, at: BlockPlace): React.ReactElement {
  let extra: NodeProps = {};
  if (at.top) {
    const dest = blockDest(x.placed.length);
    x.placed.push({ dest, unit: at.unit, block: b });
    extra = { id: dest };
  }
  const t = x.t;
  switch (b.type) {
    case "paragraph":
      // Paragraphs inside list items (the only nested ones) sit close to their neighbours.
      return rich(x, b.children, x.s("body", { marginBottom: at.top ? t.space.paragraph : 1, textAlign: "justify" }), extra);
    case "heading": {
      // One below the unit: `###` under a top-level unit, `####` under a question in a section (docs/authoring.md).
      const level = Math.min(6, at.level + 1 + Math.max(0, b.level - Math.max(3, at.level + 1)));
      return rich(
        x,
        b.children,
        x.s("subheading", {
          fontWeight: 700,
          marginTop: t.space.question,
          marginBottom: t.space.paragraph,
          paddingBottom: 2,
          borderBottom: `1pt solid ${x.c("rule")}`,
        }),
        // A heading must have the start of what it heads on its page: two lines, or a table's caption, header and first row.
        { ...extra, minPresenceAhead: at.next?.type === "table" ? tableStart(x) + 20 : twoLines(x) },
        `H${level}` as Tag,
      );
    }
    case "note":
      return x.view(
        { style: { flexDirection: "row", marginBottom: t.space.paragraph }, tag: "P", ...extra },
        x.text(x.s("body", { width: t.text.body.size * 1.1 }), "※"),
        rich(x, b.children, x.s("body", { flex: 1, textAlign: "justify" }), {}, undefined),
      );
    case "list":
      return list(x, b, at, extra);
    case "dialogue":
      return dialogue(x, b, extra);
    case "contact":
      return contact(x, b, extra);
    case "table":
      return table(x, b, extra);
    case "image":
      return image(x, b, extra, at.share);
  }
}

/** Two lines of body text, in pt. */
export function twoLines(x: DocContext): number {
  return x.t.text.body.size * x.t.text.body.lineHeight * 2 + 4;
}

// The header row and a first row of a table (of up to two lines each), which a caption must see on its page.
function tableStart(x: DocContext): number {
  const line = x.t.text.tableCell.size * x.t.text.tableCell.lineHeight;
  return line * 3 + 20;
}

function list(x: DocContext, b: ListBlock, at: BlockPlace, extra: NodeProps): React.ReactElement {
  const t = x.t;
  return x.view(
    { style: { marginBottom: t.space.paragraph }, tag: "L", ...extra },
    ...b.items.map((item, i) =>
      x.view(
        { style: { flexDirection: "row", marginBottom: 2 }, tag: "LI" },
        x.text(x.s("body", { width: t.text.body.size * (b.ordered ? 1.9 : 1.2) }), b.ordered ? `${b.start + i}.` : "・", { tag: "Lbl" }),
        x.view(
          { style: { flex: 1 }, tag: "LBody" },
          ...item.children.map((child) => block(x, child, { unit: at.unit, level: at.level, top: false })),
        ),
      ),
    ),
  );
}

function dialogue(x: DocContext, b: DialogueBlock, extra: NodeProps): React.ReactElement {
  const t = x.t;
  return x.view(
    { style: { marginBottom: t.space.paragraph }, tag: "Div", ...extra },
    ...b.lines.map((line) => {
      const idx = x.speakerIndex.get(line.speaker) ?? 0;
      const name = x.o.leaflet.speakers[idx]?.name ?? line.speaker;
      // Speakers differ by printed name first; border style and tint only repeat that distinction.
      const odd = idx % 2 === 1;
      return x.view(
        { style: { flexDirection: "row", marginBottom: t.space.dialogueLine }, wrap: false, tag: "P" },
        x.text(x.s("speaker", { fontWeight: 700, width: nameWidth(x), paddingTop: 3, paddingRight: 4, textAlign: "right" }), `${name}：`),
        x.view(
          {
            style: {
              flex: 1,
              padding: "2pt 7pt",
              border: `1pt ${odd ? "dashed" : "solid"} ${x.c("rule")}`,
              borderRadius: 6,
              backgroundColor: odd ? x.c("paper") : x.c("tint"),
            },
          },
          rich(x, line.children, x.s("body", { textAlign: "justify" }), {}, undefined),
        ),
      );
    }),
  );
}

/** Width of the speaker-name column: the longest name plus its colon, within 20–48 mm. */
function nameWidth(x: DocContext): number {
  const size = x.t.text.speaker.size;
  const longest = Math.max(0, ...x.o.leaflet.speakers.map((s) => [...s.name].length));
  return Math.min(mm(48), Math.max(mm(20), (longest + 1.2) * size + 4));
}

/** A box of phone numbers and hours, kept on one page. */
export function contact(x: DocContext, b: Pick<ContactBlock, "title" | "entries">, extra: NodeProps = {}): React.ReactElement {
  const t = x.t;
  return x.view(
    {
      style: { border: `2pt solid ${x.c("accent")}`, borderRadius: 4, padding: "5pt 10pt", marginBottom: t.space.block },
      // A short box stays whole; a long one may break between its entries, its title kept with the first two.
      wrap: b.entries.length > 3,
      tag: "Div",
      ...extra,
    },
    rich(x, b.title, x.s("contactTitle", { fontWeight: 700, marginBottom: 3 }), { minPresenceAhead: twoLines(x) * 1.5 }),
    ...b.entries.map((e) => {
      const isNumber = e.kind === "phone" || e.kind === "freedial" || e.kind === "fax";
      const value =
        isNumber && e.number ? [x.text(x.s("contactNumber", { fontWeight: 700 }), e.number, { key: x.k() }), e.remark ?? ""] : [e.value];
      return x.view(
        { style: { flexDirection: "row", marginBottom: 2, alignItems: "flex-start" }, tag: "P", wrap: false },
        x.text(x.s("body", { width: mm(32), fontWeight: 700 }), `${e.label}`),
        x.text(x.s("body", { flex: 1 }), value),
      );
    }),
  );
}

function table(x: DocContext, b: TableBlock, extra: NodeProps): React.ReactElement {
  const t = x.t;
  const cols = Math.max(b.header.length, ...b.rows.map((r) => r.length));
  const rule = `0.75pt solid ${x.c("rule")}`;
  const cell = (inl: Inline[] | undefined, i: number, head: boolean) =>
    x.view(
      {
        style: {
          flex: 1,
          padding: "3pt 5pt",
          borderRight: i < cols - 1 ? rule : undefined,
          backgroundColor: head ? x.c("tint") : undefined,
        },
        tag: head ? "TH" : "TD",
        ...(head ? { scope: "Column" as const } : {}),
      },
      rich(
        x,
        inl ?? [],
        x.s("tableCell", {
          fontWeight: head ? 700 : 400,
          textAlign: b.align[i] === "right" ? "right" : b.align[i] === "center" ? "center" : "left",
        }),
        {},
        undefined,
      ),
    );
  const row = (cells: Inline[][], head: boolean, last: boolean) =>
    x.view(
      {
        style: { flexDirection: "row", borderBottom: last ? undefined : rule },
        wrap: false,
        tag: "TR",
        // The header row repeats at the top of every page the table runs onto.
        ...(head ? { fixed: true } : {}),
      },
      ...Array.from({ length: cols }, (_, i) => cell(cells[i], i, head)),
    );
  return x.view(
    { style: { marginBottom: t.space.block }, tag: "Table", ...extra },
    rich(x, b.caption, x.s("tableCaption", { fontWeight: 700, marginBottom: 3 }), { minPresenceAhead: tableStart(x) }, "Caption"),
    x.view(
      { style: { border: `1pt solid ${x.c("rule")}` } },
      row(b.header, true, b.rows.length === 0),
      ...b.rows.map((r, i) => row(r, false, i === b.rows.length - 1)),
    ),
  );
}

/** An image (two in a row share the width), or a located error when it cannot be printed. */
export function image(x: DocContext, b: ImageBlock, extra: NodeProps, share = 1): React.ReactElement {
  if (!existsSync(b.file) || !/\.(png|jpe?g)$/i.test(b.file)) {
    throw new RenderError(
      `the image ${b.name} cannot be printed: ${existsSync(b.file) ? "only PNG and JPEG are supported" : "file not found"}`,
      { leaflet: x.o.leaflet, pos: b.pos, hint: "use a PNG or JPEG file next to the leaflet and check the path in ![…](…)" },
    );
  }
  const src = x.o.images?.get(b.file) ?? b.file;
  return x.view(
    { style: { alignItems: "center", marginBottom: x.t.space.block, flex: share < 1 ? 1 : undefined }, wrap: false, ...extra },
    h(Image, {
      key: x.k(),
      src,
      alt: b.alt,
      style: { maxWidth: `${Math.round(x.t.image.maxWidth * 100)}%`, maxHeight: mm(x.t.image.maxHeight), objectFit: "contain" },
    }),
  );
}
