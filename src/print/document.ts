// Builds the react-pdf element tree of one leaflet: body blocks, page furniture, voice codes, braille label.
// Pure: everything comes from the model and the options; the same inputs give the same page breaks.
import { existsSync } from "node:fs";
import { Document, type DocumentProps, Image, Link, Page, Path, Svg, Text, View } from "@react-pdf/renderer";
import React from "react";
import { RenderError } from "../edition/contract.ts";
import { unitUrl } from "../edition/layout.ts";
import { formatJapaneseDate } from "../lib/dates.ts";
import type { Block, ContactBlock, DialogueBlock, Inline, Leaflet, ListBlock, SiteModel, TableBlock } from "../model/types.ts";
import { inlineText, leadBlocks, listUnits, type Unit, unitBlocks, unitHeading } from "../model/walk.ts";
import { BLEED, BRAILLE_BOX, type BrailleMetrics, CODE, MARGIN, mm, type PageGeometry } from "./geometry.ts";
import { breakUnits, kinsokuTextProps, mayBreakBetween, RUN_BREAK } from "./kinsoku.ts";
import type { PrintTemplate } from "./template.ts";

// react-pdf's component typings fight React.createElement's overloads; the props are checked by use.
type Props = Record<string, unknown> | null;
const h = React.createElement as unknown as <P = unknown>(type: unknown, props?: Props, ...children: unknown[]) => React.ReactElement<P>;

/** A braille label laid out on the first page. */
export interface BrailleLabel {
  text: string;
  /** Unicode braille (U+2800 block); spaces and U+2800 are blank cells, newlines start a new line. */
  braille: string;
}

export interface DocumentOptions {
  leaflet: Leaflet;
  site: SiteModel;
  family: string;
  template: PrintTemplate;
  geometry: PageGeometry;
  braille: BrailleLabel | null;
  brailleMetrics: BrailleMetrics;
}

/** A body block with the unit it belongs to, in reading order, addressable by a named destination. */
export interface PlacedBlock {
  dest: string;
  unit: Unit | null;
  block: Block;
}

/** Named destination of a block in the PDF (`#b12`), used to learn which page it landed on. */
export const blockDest = (n: number) => `b${n}`;

/** Lines of braille cells that fit the label box, or a RenderError naming the leaflet. */
export function brailleLines(label: BrailleLabel, leaflet: Leaflet, metrics: BrailleMetrics, maxWidth: number): string[][] {
  const perLine = Math.max(1, Math.floor((maxWidth + metrics.cellPitch - metrics.dotPitch - metrics.dotDiameter) / metrics.cellPitch));
  const lines: string[][] = [];
  for (const raw of label.braille.split("\n")) {
    const cells = [...raw].map((c) => (c === " " ? "\u2800" : c));
    for (let i = 0; i < cells.length || i === 0; i += perLine) lines.push(cells.slice(i, i + perLine));
  }
  if (lines.length > 2) {
    throw new RenderError(`the braille label needs ${lines.length} lines; the first page has room for 2 (${perLine} cells each)`, {
      leaflet,
      pos: leaflet.pos,
      hint: "shorten brailleLabel in the frontmatter",
    });
  }
  return lines;
}

/** Centres of the raised dots of braille lines, relative to the top-left of the label box, in pt. */
export function brailleDots(lines: string[][], m: BrailleMetrics): { x: number; y: number }[] {
  // Dots 1-2-3 run down the left column, 4-5-6 down the right; 7-8 (bits 0x40, 0x80) below them.
  const bits: [number, number, number][] = [
    [0x01, 0, 0],
    [0x02, 0, 1],
    [0x04, 0, 2],
    [0x08, 1, 0],
    [0x10, 1, 1],
    [0x20, 1, 2],
    [0x40, 0, 3],
    [0x80, 1, 3],
  ];
  const r = m.dotDiameter / 2;
  const out: { x: number; y: number }[] = [];
  lines.forEach((cells, li) => {
    cells.forEach((cell, ci) => {
      const code = cell.codePointAt(0)! - 0x2800;
      if (code < 0 || code > 0xff) return;
      for (const [bit, col, row] of bits) {
        if (code & bit) out.push({ x: r + ci * m.cellPitch + col * m.dotPitch, y: r + li * m.linePitch + row * m.dotPitch });
      }
    });
  });
  return out;
}

/** Width and height of the braille label box for the given lines. */
export function brailleBoxSize(lines: string[][], m: BrailleMetrics): { width: number; height: number } {
  const cells = Math.max(...lines.map((l) => l.length));
  return {
    width: (cells - 1) * m.cellPitch + m.dotPitch + m.dotDiameter,
    height: (lines.length - 1) * m.linePitch + 2 * m.dotPitch + m.dotDiameter,
  };
}

/** Where the braille label box sits on page 1, from the page's top-left, in pt. */
export function brailleBoxOrigin(g: PageGeometry, size: { width: number }): { left: number; top: number } {
  return { left: g.ox + g.trimWidth - BRAILLE_BOX.right - size.width, top: g.oy + BRAILLE_BOX.top };
}

/** The short address printed beside the code: the leaflet page without the scheme. */
export function shortUrl(baseUrl: string, slug: string): string {
  return unitUrl(baseUrl, slug).replace(/^https?:\/\//, "");
}

/** Position of the voice code (and the reserved Uni-Voice slot) from the page's bottom-right, in pt. */
export function codeBoxes(g: PageGeometry, uniVoice: boolean): { qrRight: number; slotRight: number | null; bottom: number } {
  const base = g.ox + CODE.right;
  return uniVoice
    ? { qrRight: base + CODE.size + CODE.gap, slotRight: base, bottom: g.oy + CODE.bottom }
    : { qrRight: base, slotRight: null, bottom: g.oy + CODE.bottom };
}

/** Builds the react-pdf Document for a leaflet, plus the list of addressable blocks it placed. */
export function buildDocument(o: DocumentOptions): { element: React.ReactElement<DocumentProps>; blocks: PlacedBlock[] } {
  const b = new Builder(o);
  return { element: b.document(), blocks: b.placed };
}

class Builder {
  readonly o: DocumentOptions;
  readonly t: PrintTemplate;
  readonly placed: PlacedBlock[] = [];
  readonly speakerIndex: Map<string, number>;
  key = 0;

  constructor(o: DocumentOptions) {
    this.o = o;
    this.t = o.template;
    this.speakerIndex = new Map(o.leaflet.speakers.map((s, i) => [s.id, i]));
  }

  k(): string {
    return `k${this.key++}`;
  }

  text(style: Record<string, unknown>, children: unknown, extra: Props = null): React.ReactElement {
    return h(Text, { key: this.k(), ...kinsokuTextProps, style, ...extra }, children);
  }

  bodyStyle(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { fontSize: this.t.body.fontSize, lineHeight: this.t.body.lineHeight, ...extra };
  }

  // ---------- inlines ----------

  /** Flattens inlines into styled runs, marking where a line may break between two runs. */
  runs(inlines: Inline[]): Run[] {
    const out: Run[] = [];
    const walk = (nodes: Inline[], st: RunStyle) => {
      for (const n of nodes) {
        if (n.type === "text") out.push({ kind: "text", text: n.value, st });
        else if (n.type === "break") out.push({ kind: "text", text: "\n", st });
        else if (n.type === "ruby")
          out.push(n.display ? { kind: "ruby", text: n.base, reading: n.reading, st } : { kind: "text", text: n.base, st });
        else if (n.type === "strong") walk(n.children, { ...st, bold: true });
        else if (n.type === "emphasis") walk(n.children, { ...st, underline: true });
        else if (n.type === "link") walk(n.children, { ...st, link: n.url });
        else walk(n.children, st);
      }
    };
    walk(inlines, {});
    return out;
  }

  /** Text children for runs without ruby: plain strings, with nested Text/Link for bold, underline and links. */
  runChildren(runs: Run[]): unknown[] {
    return runs.map((r, i) => {
      const next = runs[i + 1];
      const text = next && mayBreakBetween(r.text, next.text) ? r.text + RUN_BREAK : r.text;
      if (!r.st.bold && !r.st.underline && !r.st.link) return text;
      const style: Record<string, unknown> = {};
      if (r.st.bold) style.fontWeight = 700;
      if (r.st.underline || r.st.link) style.textDecoration = "underline";
      if (r.st.link) return h(Link, { key: this.k(), src: r.st.link, style: { ...style, color: this.t.colour.accent } }, text);
      return h(Text, { key: this.k(), ...kinsokuTextProps, style }, text);
    });
  }

  /** A paragraph-like text: a Text element, or a wrapping row of units with furigana above ruby bases. */
  rich(inlines: Inline[], style: Record<string, unknown>, extra: Props = null): React.ReactElement {
    // A line break becomes separate lines: a "\n" inside Text makes react-pdf fall back to a
    // non-embedded Helvetica for the newline, which pdffonts then reports.
    const lines: Run[][] = [[]];
    for (const r of this.runs(inlines)) {
      if (r.kind === "text" && r.text.includes("\n")) {
        r.text.split("\n").forEach((part, i) => {
          if (i > 0) lines.push([]);
          if (part) lines[lines.length - 1].push({ ...r, text: part });
        });
      } else lines[lines.length - 1].push(r);
    }
    const line = (runs: Run[], st: Record<string, unknown>, ex: Props) =>
      runs.some((r) => r.kind === "ruby") ? this.rubyFlow(runs, st, ex) : this.text(st, this.runChildren(runs), ex);
    if (lines.length === 1) return line(lines[0], style, extra);
    const textStyle: Record<string, unknown> = {};
    const boxStyle: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(style)) (TEXT_STYLE_KEYS.has(k) ? textStyle : boxStyle)[k] = v;
    return h(
      View,
      { key: this.k(), style: boxStyle, ...extra },
      ...lines.map((runs) => line(runs.length > 0 ? runs : [{ kind: "text", text: " ", st: {} }], textStyle, null)),
    );
  }

  // Furigana: react-pdf has no ruby, so a paragraph with displayed readings is laid out as a wrapping row of
  // 禁則 units, each a column with a reading line above its text. Breaks fall only between units.
  rubyFlow(runs: Run[], style: Record<string, unknown>, extra: Props): React.ReactElement {
    const fontSize = (style.fontSize as number) ?? this.t.body.fontSize;
    const rubySize = Math.max(6, fontSize * 0.5);
    type Piece = { text: string; reading?: string; st: RunStyle };
    const pieces: Piece[] = [];
    for (const r of runs) {
      if (r.kind === "ruby") pieces.push({ text: r.text, reading: r.reading, st: r.st });
      else for (const u of breakUnits(r.text)) pieces.push({ text: u, st: r.st });
    }
    const groups: Piece[][] = [];
    for (const p of pieces) {
      const last = groups[groups.length - 1];
      const prev = last?.[last.length - 1];
      if (prev && !mayBreakBetween(prev.text, p.text)) last.push(p);
      else groups.push([p]);
    }
    const baseStyle = { fontSize, lineHeight: 1.35, fontWeight: style.fontWeight ?? 400 };
    const col = (p: Piece) =>
      h(
        View,
        { key: this.k(), style: { flexDirection: "column", alignItems: "center" } },
        h(Text, { key: this.k(), style: { fontSize: rubySize, lineHeight: 1.1, height: rubySize * 1.15 } }, p.reading ?? " "),
        h(
          Text,
          {
            key: this.k(),
            ...kinsokuTextProps,
            style: { ...baseStyle, ...(p.st.bold ? { fontWeight: 700 } : {}), ...(p.st.underline ? { textDecoration: "underline" } : {}) },
          },
          p.text,
        ),
      );
    const { fontSize: _f, lineHeight: _l, ...boxStyle } = style;
    return h(
      View,
      { key: this.k(), style: { ...boxStyle, flexDirection: "row", flexWrap: "wrap", alignItems: "flex-end" }, ...extra },
      ...groups.map((g) => h(View, { key: this.k(), style: { flexDirection: "row", alignItems: "flex-end" }, wrap: false }, ...g.map(col))),
    );
  }

  // ---------- blocks ----------

  block(block: Block, unit: Unit | null, top: boolean): React.ReactElement {
    let extra: Props = null;
    if (top) {
      const dest = blockDest(this.placed.length);
      this.placed.push({ dest, unit, block });
      extra = { id: dest };
    }
    const c = this.t.colour;
    switch (block.type) {
      case "paragraph":
        return this.rich(block.children, this.bodyStyle({ marginBottom: 6 }), extra);
      case "heading":
        return this.rich(
          block.children,
          {
            fontSize: this.t.subheading.fontSize,
            lineHeight: 1.5,
            fontWeight: 700,
            marginTop: 6,
            marginBottom: 4,
            paddingBottom: 2,
            borderBottom: `1pt solid ${c.rule}`,
          },
          { ...extra, minPresenceAhead: 40 },
        );
      case "note":
        return h(
          View,
          { key: this.k(), style: { flexDirection: "row", marginBottom: 6 }, ...extra },
          this.text(this.bodyStyle({ width: this.t.body.fontSize * 1.1 }), "※"),
          this.rich(block.children, this.bodyStyle({ flex: 1 })),
        );
      case "list":
        return this.list(block, extra);
      case "dialogue":
        return this.dialogue(block, extra);
      case "contact":
        return this.contact(block, extra);
      case "table":
        return this.table(block, extra);
      case "image":
        return this.image(block, extra);
    }
  }

  list(block: ListBlock, extra: Props): React.ReactElement {
    return h(
      View,
      { key: this.k(), style: { marginBottom: 6 }, ...extra },
      ...block.items.map((item, i) =>
        h(
          View,
          { key: this.k(), style: { flexDirection: "row", marginBottom: 2 } },
          this.text(this.bodyStyle({ width: block.ordered ? 22 : 14 }), block.ordered ? `${block.start + i}.` : "・"),
          h(View, { key: this.k(), style: { flex: 1 } }, ...item.children.map((child) => this.block(child, null, false))),
        ),
      ),
    );
  }

  dialogue(block: DialogueBlock, extra: Props): React.ReactElement {
    const c = this.t.colour;
    return h(
      View,
      { key: this.k(), style: { marginBottom: 8 }, ...extra },
      ...block.lines.map((line) => {
        const idx = this.speakerIndex.get(line.speaker) ?? 0;
        const speaker = this.o.leaflet.speakers[idx];
        const name = speaker?.name ?? line.speaker;
        // Speakers differ by printed name first; border style and tint only repeat that distinction.
        const odd = idx % 2 === 1;
        return h(
          View,
          { key: this.k(), style: { flexDirection: "row", marginBottom: 5 }, wrap: false },
          this.text(
            {
              fontSize: 10.5,
              lineHeight: 1.3,
              fontWeight: 700,
              width: this.nameWidth(),
              paddingTop: 3,
              paddingRight: 4,
              textAlign: "right",
            },
            `${name}：`,
          ),
          h(
            View,
            {
              key: this.k(),
              style: {
                flex: 1,
                padding: "3pt 7pt",
                border: `1pt ${odd ? "dashed" : "solid"} ${c.rule}`,
                borderRadius: 6,
                backgroundColor: odd ? "#ffffff" : c.tint,
              },
            },
            this.rich(line.children, this.bodyStyle()),
          ),
        );
      }),
    );
  }

  /** Width of the speaker-name column: the longest name plus its colon, within 20–48 mm. */
  nameWidth(): number {
    const longest = Math.max(0, ...this.o.leaflet.speakers.map((s) => [...s.name].length));
    return Math.min(mm(48), Math.max(mm(20), (longest + 1.2) * 10.5 + 4));
  }

  contact(block: ContactBlock, extra: Props): React.ReactElement {
    const c = this.t.colour;
    return h(
      View,
      {
        key: this.k(),
        style: { border: `2pt solid ${c.accent}`, borderRadius: 4, padding: "6pt 10pt", marginBottom: 10 },
        wrap: false,
        ...extra,
      },
      this.rich(block.title, { fontSize: 13, lineHeight: 1.4, fontWeight: 700, marginBottom: 4 }),
      ...block.entries.map((e) => {
        const isNumber = e.kind === "phone" || e.kind === "freedial" || e.kind === "fax";
        const value =
          isNumber && e.number
            ? [h(Text, { key: this.k(), style: { fontSize: 16, fontWeight: 700 } }, e.number), e.remark ?? ""]
            : [e.value];
        return h(
          View,
          { key: this.k(), style: { flexDirection: "row", marginBottom: 2, alignItems: "flex-start" } },
          this.text(this.bodyStyle({ width: mm(32), fontWeight: 700 }), `${e.label}`),
          this.text(this.bodyStyle({ flex: 1 }), value),
        );
      }),
    );
  }

  table(block: TableBlock, extra: Props): React.ReactElement {
    const c = this.t.colour;
    const cols = Math.max(block.header.length, ...block.rows.map((r) => r.length));
    const cell = (inl: Inline[] | undefined, i: number, head: boolean) =>
      h(
        View,
        {
          key: this.k(),
          style: {
            flex: 1,
            padding: "3pt 5pt",
            borderRight: i < cols - 1 ? `0.75pt solid ${c.rule}` : undefined,
            backgroundColor: head ? c.tint : undefined,
          },
        },
        this.rich(inl ?? [], {
          fontSize: 11,
          lineHeight: 1.5,
          fontWeight: head ? 700 : 400,
          textAlign: block.align[i] === "right" ? "right" : block.align[i] === "center" ? "center" : "left",
        }),
      );
    const row = (cells: Inline[][], head: boolean, last: boolean) =>
      h(
        View,
        { key: this.k(), style: { flexDirection: "row", borderBottom: last ? undefined : `0.75pt solid ${c.rule}` }, wrap: false },
        ...Array.from({ length: cols }, (_, i) => cell(cells[i], i, head)),
      );
    return h(
      View,
      { key: this.k(), style: { marginBottom: 10 }, ...extra },
      this.rich(block.caption, { fontSize: 11.5, lineHeight: 1.4, fontWeight: 700, marginBottom: 3 }, { minPresenceAhead: 40 }),
      h(
        View,
        { key: this.k(), style: { border: `1pt solid ${c.rule}` } },
        row(block.header, true, block.rows.length === 0),
        ...block.rows.map((r, i) => row(r, false, i === block.rows.length - 1)),
      ),
    );
  }

  image(block: Extract<Block, { type: "image" }>, extra: Props): React.ReactElement {
    if (!existsSync(block.file) || !/\.(png|jpe?g)$/i.test(block.file)) {
      throw new RenderError(
        `the image ${block.name} cannot be printed: ${existsSync(block.file) ? "only PNG and JPEG are supported" : "file not found"}`,
        {
          leaflet: this.o.leaflet,
          pos: block.pos,
          hint: "use a PNG or JPEG file next to the leaflet and check the path in ![…](…)",
        },
      );
    }
    return h(
      View,
      { key: this.k(), style: { alignItems: "center", marginBottom: 8 }, wrap: false, ...extra },
      h(Image, { key: this.k(), src: block.file, style: { maxWidth: "80%", maxHeight: mm(70), objectFit: "contain" } }),
    );
  }

  // ---------- units ----------

  unitView(unit: Unit, children: React.ReactElement[]): React.ReactElement {
    const title = unit.type === "question" ? `Q${unit.number}. ${inlineText(unit.question)}` : inlineText(unit.title);
    // The bookmark goes on the wrapper so questions nest under their section in the outline; the named
    // destination goes on the heading, because a wrapper split over pages writes it on its last fragment.
    return h(View, { key: this.k(), bookmark: { title, fit: true }, style: { paddingTop: unit.type === "section" ? 4 : 2 } }, ...children);
  }

  heading(unit: Unit): React.ReactElement {
    const c = this.t.colour;
    if (unit.type === "section") {
      return this.rich(
        unit.title,
        {
          fontSize: this.t.section.fontSize,
          lineHeight: 1.45,
          fontWeight: 700,
          color: c.accent,
          marginBottom: 6,
          paddingLeft: 8,
          paddingBottom: 3,
          borderLeft: `5pt solid ${c.accent}`,
          borderBottom: `1pt solid ${c.accent}`,
        },
        { minPresenceAhead: 60, id: unit.id },
      );
    }
    return h(
      View,
      {
        key: this.k(),
        id: unit.id,
        style: { flexDirection: "row", marginBottom: 4, marginTop: 4, alignItems: "flex-start" },
        minPresenceAhead: 50,
        wrap: false,
      },
      this.text(
        {
          fontSize: this.t.question.fontSize,
          lineHeight: 1.45,
          fontWeight: 700,
          color: "#ffffff",
          backgroundColor: c.accent,
          paddingLeft: 4,
          paddingRight: 4,
          marginRight: 6,
          borderRadius: 3,
        },
        `Q${unit.number}.`,
      ),
      this.rich(unitHeading(unit), { fontSize: this.t.question.fontSize, lineHeight: 1.45, fontWeight: 700, flex: 1 }),
    );
  }

  body(): React.ReactElement[] {
    const out: React.ReactElement[] = [];
    for (const block of leadBlocks(this.o.leaflet)) out.push(this.block(block, null, true));
    for (const item of this.o.leaflet.body) {
      if (item.type === "section") {
        const kids: React.ReactElement[] = [this.heading(item)];
        const lastOwn = item.children.findLastIndex((c) => c.type !== "question");
        if (lastOwn < 0) kids.push(this.endMarker(item));
        item.children.forEach((child, i) => {
          if (child.type === "question") kids.push(this.questionView(child));
          else kids.push(this.block(child, item, true));
          if (i === lastOwn) kids.push(this.endMarker(item));
        });
        out.push(this.unitView(item, kids));
      } else if (item.type === "question") {
        out.push(this.questionView(item));
      }
    }
    return out;
  }

  questionView(q: Extract<Unit, { type: "question" }>): React.ReactElement {
    return this.unitView(q, [this.heading(q), ...unitBlocks(q).map((bl) => this.block(bl, q, true)), this.endMarker(q)]);
  }

  /** An empty element whose named destination tells on which page a unit's own content ends. */
  endMarker(unit: Unit): React.ReactElement {
    return h(View, { key: this.k(), id: `${unit.id}~end` });
  }

  // ---------- first page ----------

  titleBlock(): React.ReactElement {
    const { leaflet } = this.o;
    const c = this.t.colour;
    const meta = [
      leaflet.issuer,
      leaflet.date && formatJapaneseDate(leaflet.date),
      `この情報は${formatJapaneseDate(leaflet.asOf)}時点のものです`,
    ]
      .filter(Boolean)
      .join("　");
    return h(
      View,
      {
        key: this.k(),
        style: { backgroundColor: c.tint, borderLeft: `6pt solid ${c.accent}`, padding: "8pt 12pt", marginBottom: 12 },
        wrap: false,
      },
      this.text({ fontSize: this.t.title.fontSize, lineHeight: 1.35, fontWeight: 700, color: c.accent, marginBottom: 6 }, leaflet.title),
      this.text(this.bodyStyle({ marginBottom: 4 }), leaflet.summary),
      this.text({ fontSize: 10.5, lineHeight: 1.4 }, meta),
    );
  }

  cover(): React.ReactElement[] {
    const { leaflet } = this.o;
    const c = this.t.colour;
    const units = listUnits(leaflet);
    const sections = units.filter((u) => u.type === "section");
    const rows =
      sections.length > 0
        ? sections.map((s) => {
            const qs = s.type === "section" ? s.children.filter((ch) => ch.type === "question") : [];
            const range =
              qs.length > 0 ? `Q${(qs[0] as { number: number }).number}〜Q${(qs[qs.length - 1] as { number: number }).number}` : "";
            return { label: inlineText(s.title), range };
          })
        : [];
    const qCount = units.filter((u) => u.type === "question").length;
    return [
      h(
        View,
        {
          key: this.k(),
          style: {
            // A contents page gets a roomy title; without one, the questions follow on the same page.
            marginTop: rows.length > 0 ? mm(25) : mm(6),
            marginBottom: rows.length > 0 ? mm(12) : mm(6),
            borderTop: `3pt solid ${c.accent}`,
            borderBottom: `3pt solid ${c.accent}`,
            padding: "14pt 4pt",
          },
          wrap: false,
        },
        this.text({ fontSize: this.t.title.fontSize, lineHeight: 1.35, fontWeight: 700, color: c.accent, marginBottom: 10 }, leaflet.title),
        this.text(this.bodyStyle(), leaflet.summary),
      ),
      ...(leaflet.issuer ? [this.text({ fontSize: 12, lineHeight: 1.6 }, `発行：${leaflet.issuer}`)] : []),
      ...(leaflet.date ? [this.text({ fontSize: 12, lineHeight: 1.6 }, `発行日：${formatJapaneseDate(leaflet.date)}`)] : []),
      this.text({ fontSize: 12, lineHeight: 1.6 }, `この情報は${formatJapaneseDate(leaflet.asOf)}時点のものです`),
      this.text({ fontSize: 10.5, lineHeight: 1.5, marginBottom: mm(10) }, `出典：${leaflet.source}`),
      ...(rows.length > 0
        ? [
            this.text(
              { fontSize: 15, lineHeight: 1.4, fontWeight: 700, marginBottom: 6, borderBottom: `1pt solid ${c.rule}` },
              `目次（質問 ${qCount} 問）`,
            ),
            ...rows.map((r) =>
              h(
                View,
                { key: this.k(), style: { flexDirection: "row", marginBottom: 3 }, wrap: false },
                this.text(this.bodyStyle({ flex: 1 }), r.label),
                this.text(this.bodyStyle({ width: mm(32), textAlign: "right" }), r.range),
              ),
            ),
          ]
        : [this.text(this.bodyStyle(), `質問 ${qCount} 問（Q1〜Q${qCount}）`)]),
    ];
  }

  brailleBlock(): React.ReactElement[] {
    const { braille, geometry: g, leaflet, brailleMetrics: m } = this.o;
    if (!braille) return [];
    const lines = brailleLines(braille, leaflet, m, mm(110));
    const size = brailleBoxSize(lines, m);
    const at = brailleBoxOrigin(g, size);
    const out: React.ReactElement[] = [
      this.text(
        {
          position: "absolute",
          top: at.top,
          left: g.ox + MARGIN.left,
          width: at.left - g.ox - MARGIN.left - mm(3),
          textAlign: "right",
          fontSize: 8.5,
          lineHeight: 1.3,
        },
        `点字：${braille.text}`,
      ),
    ];
    // The office file shows the dots in ink; the print-shop file gets them on a spot-colour layer afterwards.
    if (g.variant === "office") {
      const r = m.dotDiameter / 2;
      const d = brailleDots(lines, m)
        .map((p) => `M${(p.x - r).toFixed(2)} ${p.y.toFixed(2)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`)
        .join("");
      out.push(
        h(
          Svg,
          {
            key: this.k(),
            viewBox: `0 0 ${size.width} ${size.height}`,
            style: { position: "absolute", top: at.top, left: at.left, width: size.width, height: size.height },
          },
          h(Path, { d, fill: "#333333" }),
        ),
      );
    }
    return out;
  }

  // ---------- page furniture ----------

  furniture(): React.ReactElement[] {
    const { geometry: g, leaflet, site } = this.o;
    const c = this.t.colour;
    const out: React.ReactElement[] = [];
    const bleed = g.variant === "print" ? BLEED : 0;
    // Accent bar along the top edge; in the print-shop file it runs into the bleed.
    out.push(
      h(View, {
        key: this.k(),
        fixed: true,
        style: {
          position: "absolute",
          top: g.oy - bleed,
          left: g.ox - bleed,
          width: g.trimWidth + 2 * bleed,
          height: bleed + mm(4),
          backgroundColor: c.accent,
        },
      }),
    );
    const boxes = codeBoxes(g, leaflet.uniVoice);
    const footerTop = g.oy + g.trimHeight - MARGIN.bottom + mm(6);
    out.push(
      h(View, {
        key: this.k(),
        fixed: true,
        style: {
          position: "absolute",
          top: footerTop,
          left: g.ox + MARGIN.left,
          width: g.trimWidth - MARGIN.left - MARGIN.right,
          borderTop: `0.75pt solid ${c.rule}`,
        },
      }),
    );
    const footLeft = g.ox + MARGIN.left;
    const footWidth = mm(66);
    // The page number is a dynamic Text of its own: a render callback inside a View with siblings lost them.
    out.push(
      h(Text, {
        key: this.k(),
        fixed: true,
        style: {
          position: "absolute",
          top: footerTop + mm(2),
          left: footLeft,
          width: footWidth,
          fontSize: 10,
          lineHeight: 1.4,
          fontWeight: 700,
        },
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) => `${pageNumber} / ${totalPages} ページ`,
      }),
    );
    out.push(
      h(
        View,
        { key: this.k(), fixed: true, style: { position: "absolute", top: footerTop + mm(2) + 14, left: footLeft, width: footWidth } },
        h(Text, { key: this.k(), ...kinsokuTextProps, style: { fontSize: 9.5, lineHeight: 1.35 } }, leaflet.title),
        ...(leaflet.issuer
          ? [h(Text, { key: this.k(), ...kinsokuTextProps, style: { fontSize: 9.5, lineHeight: 1.35 } }, `発行：${leaflet.issuer}`)]
          : []),
      ),
    );
    // The voice code itself is stamped afterwards (postprocess.ts), once the page breaks are known; its box stays empty here.
    const qrTop = g.oy + g.trimHeight - CODE.bottom - CODE.size;
    const qrLeft = g.ox + g.trimWidth - (boxes.qrRight - g.ox) - CODE.size;
    // The label fills the room between the footer text and the code; the address is one unbreakable unit.
    const labelLeft = footLeft + footWidth + mm(3);
    const short = shortUrl(site.settings.baseUrl, leaflet.slug);
    const labelWidth = qrLeft - mm(2) - labelLeft;
    const label = (fontSize: number, bold: boolean, text: string) =>
      h(
        Text,
        { key: this.k(), ...kinsokuTextProps, style: { fontSize, lineHeight: 1.35, fontWeight: bold ? 700 : 400, textAlign: "right" } },
        text,
      );
    out.push(
      h(
        View,
        { key: this.k(), fixed: true, style: { position: "absolute", top: qrTop + mm(2), left: labelLeft, width: labelWidth } },
        label(9.5, true, "音声・文字で読めます"),
        label(7.5, false, "（QRコード。音声コードではありません）"),
        label(fitFontSize(short, labelWidth, 7.5), false, short),
      ),
    );
    if (boxes.slotRight !== null) {
      const slotLeft = g.ox + g.trimWidth - (boxes.slotRight - g.ox) - CODE.size;
      out.push(
        h(
          View,
          {
            key: this.k(),
            fixed: true,
            style: {
              position: "absolute",
              top: qrTop,
              left: slotLeft,
              width: CODE.size,
              height: CODE.size,
              border: `0.5pt dashed ${c.rule}`,
              justifyContent: "center",
            },
          },
          h(
            Text,
            { key: this.k(), style: { fontFamily: this.o.family, fontSize: 6.5, lineHeight: 1.3, textAlign: "center", color: c.rule } },
            "Uni-Voice",
          ),
          h(
            Text,
            { key: this.k(), style: { fontFamily: this.o.family, fontSize: 6.5, lineHeight: 1.3, textAlign: "center", color: c.rule } },
            "貼付位置",
          ),
        ),
      );
    }
    const notchY = qrTop + CODE.size / 2;
    const rr = CODE.notchRadius;
    if (g.variant === "office") {
      // A printed guide showing where to cut the notch (office printers cannot cut paper).
      out.push(
        h(
          Svg,
          {
            key: this.k(),
            fixed: true,
            viewBox: `0 0 ${rr} ${2 * rr}`,
            style: { position: "absolute", top: notchY - rr, left: g.pageWidth - rr, width: rr, height: 2 * rr },
          },
          h(Path, {
            d: `M${rr} 0A${rr} ${rr} 0 0 0 ${rr} ${2 * rr}`,
            stroke: "#333333",
            strokeWidth: 0.6,
            strokeDasharray: "1.5 1",
            fill: "none",
          }),
        ),
      );
    } else {
      out.push(trimMarks(g, this.k()));
    }
    return out;
  }

  document(): React.ReactElement<DocumentProps> {
    const { leaflet, geometry: g, family } = this.o;
    const first = this.t.cover ? this.cover() : [this.titleBlock()];
    const body = this.body();
    // The booklet's contents page stands alone; without sections there are no contents and the questions follow the title.
    const hasContents = this.o.leaflet.body.some((b) => b.type === "section");
    if (this.t.cover && hasContents && body.length > 0)
      body[0] = React.cloneElement(body[0] as React.ReactElement<{ break?: boolean }>, { break: true });
    return h<DocumentProps>(
      Document,
      {
        title: leaflet.title,
        author: leaflet.issuer,
        subject: leaflet.summary,
        language: "ja",
        creator: "leaflet-toolchain",
        producer: "react-pdf",
        pageMode: "useOutlines",
      },
      h(
        Page,
        {
          size: [g.pageWidth, g.pageHeight],
          // The newer pagination engine: faster on long booklets, and the classic one crashed on some page splits.
          experimentalPagination: true,
          style: {
            fontFamily: family,
            color: this.t.colour.ink,
            paddingTop: g.oy + MARGIN.top,
            paddingBottom: g.oy + MARGIN.bottom,
            paddingLeft: g.ox + MARGIN.left,
            paddingRight: g.ox + MARGIN.right,
          },
        },
        ...this.furniture(),
        ...this.brailleBlock(),
        ...first,
        ...body,
        h(
          View,
          { key: this.k(), style: { marginTop: 10 } },
          this.text({ fontSize: 9.5, lineHeight: 1.4 }, `出典：${leaflet.source}${leaflet.sourceUrl ? `（${leaflet.sourceUrl}）` : ""}`),
        ),
      ),
    );
  }
}

// Shrinks a one-line Latin label (a web address) until it fits the width, down to 5.5 pt.
function fitFontSize(text: string, width: number, preferred: number): number {
  // BIZ UDPGothic's Latin letters, digits and punctuation average under 0.62 em.
  const estimate = [...text].length * 0.62;
  return Math.max(5.5, Math.min(preferred, width / estimate));
}

const TEXT_STYLE_KEYS = new Set(["fontSize", "lineHeight", "fontWeight", "color", "textAlign", "textDecoration"]);

interface RunStyle {
  bold?: boolean;
  underline?: boolean;
  link?: string;
}
type Run = { kind: "text"; text: string; st: RunStyle } | { kind: "ruby"; text: string; reading: string; st: RunStyle };

// Japanese trim marks (トンボ): at each corner an inner mark on the trim line and an outer one on the bleed line,
// plus centre marks, all in the slug area outside the bleed.
function trimMarks(g: PageGeometry, key: string): React.ReactElement {
  const W = g.pageWidth;
  const H = g.pageHeight;
  const x0 = g.ox;
  const y0 = g.oy;
  const x1 = g.ox + g.trimWidth;
  const y1 = g.oy + g.trimHeight;
  const b = BLEED;
  const d: string[] = [];
  const hline = (y: number, xa: number, xb: number) => d.push(`M${xa} ${y}H${xb}`);
  const vline = (x: number, ya: number, yb: number) => d.push(`M${x} ${ya}V${yb}`);
  const gap = mm(1);
  for (const [x, dir] of [
    [x0, -1],
    [x1, 1],
  ] as const) {
    const outer = x + dir * b;
    const edge = dir < 0 ? 0 : W;
    for (const [y, ydir] of [
      [y0, -1],
      [y1, 1],
    ] as const) {
      const outerY = y + ydir * b;
      const edgeY = ydir < 0 ? 0 : H;
      hline(y, outer + dir * gap, edge);
      hline(outerY, outer + dir * gap, edge);
      vline(x, outerY + ydir * gap, edgeY);
      vline(outer, outerY + ydir * gap, edgeY);
    }
  }
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const arm = mm(5);
  vline(cx, 0, y0 - b - gap);
  hline(y0 - b - gap - arm / 2, cx - arm, cx + arm);
  vline(cx, y1 + b + gap, H);
  hline(y1 + b + gap + arm / 2, cx - arm, cx + arm);
  hline(cy, 0, x0 - b - gap);
  vline(x0 - b - gap - arm / 2, cy - arm, cy + arm);
  hline(cy, x1 + b + gap, W);
  vline(x1 + b + gap + arm / 2, cy - arm, cy + arm);
  return h(
    Svg,
    { key, fixed: true, viewBox: `0 0 ${W} ${H}`, style: { position: "absolute", top: 0, left: 0, width: W, height: H } },
    h(Path, { d: d.join(""), stroke: "#000000", strokeWidth: 0.25, fill: "none" }),
  );
}
