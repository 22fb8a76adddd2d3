// Inline text: styled runs, links, line breaks and furigana (ruby), with 禁則 line breaking.
import { Link, Text, View } from "@react-pdf/renderer";
import type React from "react";
import type { Inline } from "../../model/types.ts";
import { breakUnits, kinsokuTextProps, mayBreakBetween, RUN_BREAK } from "../kinsoku.ts";
import { type DocContext, h, type NodeProps, type Style, type Tag } from "./context.ts";

interface RunStyle {
  bold?: boolean;
  underline?: boolean;
  link?: string;
  lang?: string;
}
type Run = { kind: "text"; text: string; st: RunStyle } | { kind: "ruby"; text: string; reading: string; st: RunStyle };

/** The link schemes a PDF may act on; any other link (javascript:, data:, a relative path) prints as plain text. */
export const SAFE_LINK = /^(https?:\/\/|mailto:|tel:)/i;

/** The URL a link may carry in the PDF, or undefined when it must stay plain text. */
export function safeLinkTarget(url: string): string | undefined {
  return SAFE_LINK.test(url.trim()) ? url.trim() : undefined;
}

const TEXT_STYLE_KEYS = new Set(["fontSize", "lineHeight", "fontWeight", "color", "textAlign", "textDecoration"]);

/** Flattens inlines into styled runs. */
function runsOf(inlines: Inline[]): Run[] {
  const out: Run[] = [];
  const walk = (nodes: Inline[], st: RunStyle) => {
    for (const n of nodes) {
      if (n.type === "text") out.push({ kind: "text", text: n.value, st });
      else if (n.type === "break") out.push({ kind: "text", text: "\n", st });
      else if (n.type === "ruby")
        out.push(n.display ? { kind: "ruby", text: n.base, reading: n.reading, st } : { kind: "text", text: n.base, st });
      else if (n.type === "strong") walk(n.children, { ...st, bold: true });
      else if (n.type === "emphasis") walk(n.children, { ...st, underline: true });
      else if (n.type === "link") walk(n.children, { ...st, link: safeLinkTarget(n.url) });
      else if (n.type === "foreign") walk(n.children, { ...st, lang: n.lang });
    }
  };
  walk(inlines, {});
  return out;
}

/** Text children for runs without ruby: plain strings, with nested Text/Link for bold, underline and links. */
function runChildren(x: DocContext, runs: Run[]): unknown[] {
  return runs.map((r, i) => {
    const next = runs[i + 1];
    const text = next && mayBreakBetween(r.text, next.text) ? r.text + RUN_BREAK : r.text;
    if (!r.st.bold && !r.st.underline && !r.st.link) return text;
    const style: Style = {};
    if (r.st.bold) style.fontWeight = 700;
    if (r.st.underline || r.st.link) style.textDecoration = "underline";
    if (r.st.link) return h(Link, { key: x.k(), src: r.st.link, style: { ...style, color: x.c("accent") } }, text);
    return h(Text, { key: x.k(), ...kinsokuTextProps, style }, text);
  });
}

/**
 * A paragraph-like text: one Text, or a wrapping row of units with furigana above ruby bases. `tag` is the structure
 * element it reads as (P, H2, Lbl…); without one, the text joins the element around it.
 */
export function rich(
  x: DocContext,
  inlines: Inline[],
  style: Style,
  extra: NodeProps = {},
  tag: Tag | undefined = "P",
): React.ReactElement {
  // A line break becomes separate lines: a "\n" inside Text makes react-pdf fall back to a non-embedded
  // Helvetica for the newline, which pdffonts then reports.
  const lines: Run[][] = [[]];
  for (const r of runsOf(inlines)) {
    if (r.kind === "text" && r.text.includes("\n")) {
      r.text.split("\n").forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines[lines.length - 1].push({ ...r, text: part });
      });
    } else lines[lines.length - 1].push(r);
  }
  const tagged = tag ? { tag } : {};
  const line = (runs: Run[], st: Style, ex: NodeProps) =>
    runs.some((r) => r.kind === "ruby") ? rubyFlow(x, runs, st, ex) : x.text(st, runChildren(x, runs), ex);
  if (lines.length === 1) return line(lines[0], style, { ...extra, ...tagged });
  const textStyle: Style = {};
  const boxStyle: Style = {};
  for (const [k, v] of Object.entries(style)) ((TEXT_STYLE_KEYS.has(k) ? textStyle : boxStyle) as Record<string, unknown>)[k] = v;
  return x.view(
    { style: boxStyle, ...extra, ...tagged },
    ...lines.map((runs) => line(runs.length > 0 ? runs : [{ kind: "text", text: " ", st: {} }], textStyle, {})),
  );
}

// Furigana: react-pdf has no ruby, so a paragraph with displayed readings is laid out as a wrapping row of 禁則
// units, each a column with a reading line above its text. Breaks fall only between units. The readings are
// Artifacts, so a screen reader reads the base text once (docs/tagged-pdf.md has the evidence).
function rubyFlow(x: DocContext, runs: Run[], style: Style, extra: NodeProps): React.ReactElement {
  const fontSize = (style.fontSize as number) ?? x.t.text.body.size;
  const ruby = x.t.text.ruby;
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
  const baseStyle: Style = { fontSize, lineHeight: style.lineHeight ?? x.t.text.body.lineHeight, fontWeight: style.fontWeight ?? 400 };
  const col = (p: Piece) =>
    x.view(
      { style: { flexDirection: "column", alignItems: "center" } },
      h(
        Text,
        {
          key: x.k(),
          artifact: true, // A box exactly one line high drops the line on rounding: leave a point to spare.
          style: { fontSize: ruby.size, lineHeight: ruby.lineHeight, height: ruby.size * ruby.lineHeight + 1 },
        },
        p.reading ?? " ",
      ),
      h(
        Text,
        {
          key: x.k(),
          ...kinsokuTextProps,
          style: { ...baseStyle, ...(p.st.bold ? { fontWeight: 700 } : {}), ...(p.st.underline ? { textDecoration: "underline" } : {}) },
        },
        p.text,
      ),
    );
  const { fontSize: _f, lineHeight: _l, textAlign: _a, ...boxStyle } = style;
  return h(
    View,
    { key: x.k(), style: { ...boxStyle, flexDirection: "row", flexWrap: "wrap", alignItems: "flex-end" }, ...extra },
    ...groups.map((g) => h(View, { key: x.k(), style: { flexDirection: "row", alignItems: "flex-end" }, wrap: false }, ...g.map(col))),
  );
}
