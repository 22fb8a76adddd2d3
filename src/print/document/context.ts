// What every part of the print document shares: the options, the template's styles, typed element props and keys.
import { Text, View, type ViewProps } from "@react-pdf/renderer";
import React from "react";
import type { Block, Leaflet, SiteModel } from "../../model/types.ts";
import type { Unit } from "../../model/walk.ts";
import type { BrailleMetrics, PageGeometry } from "../geometry.ts";
import { kinsokuTextProps } from "../kinsoku.ts";
import type { PrintTemplate, TemplateColour } from "../template.ts";

/** A react-pdf style object. */
export type Style = Exclude<NonNullable<ViewProps["style"]>, readonly unknown[]>;

/** Structure types of the tagging patch (docs/tagged-pdf.md) this document uses. */
export type Tag =
  | "Document"
  | "Sect"
  | "Div"
  | "H1"
  | "H2"
  | "H3"
  | "H4"
  | "H5"
  | "H6"
  | "P"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "Table"
  | "TR"
  | "TH"
  | "TD"
  | "Caption"
  | "TOC"
  | "TOCI"
  | "Figure"
  | "Note"
  | "Span";

/** The props the document's elements take: react-pdf's layout props and the tagging patch's structure props. */
export interface NodeProps {
  key?: string;
  style?: Style;
  id?: string;
  wrap?: boolean;
  fixed?: boolean;
  break?: boolean;
  minPresenceAhead?: number;
  bookmark?: { title: string; fit?: boolean };
  render?: (p: { pageNumber: number; totalPages: number }) => unknown;
  tag?: Tag;
  /** Page furniture: read by no screen reader. */
  artifact?: boolean | "Pagination" | "Layout";
  alt?: string;
  actualText?: string;
  lang?: string;
  scope?: "Row" | "Column" | "Both";
  src?: unknown;
  viewBox?: string;
  d?: string;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  strokeDasharray?: string;
  hyphenationCallback?: (word: string) => string[];
  hyphenationPenalty?: number;
}

// react-pdf's component typings fight React.createElement's overloads; the props are checked against NodeProps.
export const h = React.createElement as unknown as <P = unknown>(
  type: unknown,
  props?: NodeProps | Record<string, unknown> | null,
  ...children: unknown[]
) => React.ReactElement<P>;

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
  /** Image bytes to print instead of a block's file (the print-shop file gets CMYK JPEGs), by file path. */
  images?: Map<string, { data: Buffer; format: "png" | "jpg" }>;
}

/** A body block with the unit it belongs to, in reading order, addressable by a named destination. */
export interface PlacedBlock {
  dest: string;
  unit: Unit | null;
  block: Block;
}

/** Named destination of a block in the PDF (`#b12`), used to learn which page it landed on. */
export const blockDest = (n: number) => `b${n}`;

/** The text styles a template names. */
export type TextStyleName = keyof PrintTemplate["text"];

/** State shared by the parts while one document is built: keys, placed blocks, the template's styles. */
export class DocContext {
  readonly o: DocumentOptions;
  readonly t: PrintTemplate;
  readonly placed: PlacedBlock[] = [];
  readonly speakerIndex: Map<string, number>;
  private key = 0;

  constructor(o: DocumentOptions) {
    this.o = o;
    this.t = o.template;
    this.speakerIndex = new Map(o.leaflet.speakers.map((s, i) => [s.id, i]));
  }

  /** A fresh React key. */
  k(): string {
    return `k${this.key++}`;
  }

  /** The screen colour of a template colour (the print-shop file converts it to the template's CMYK afterwards). */
  c(name: TemplateColour): string {
    return this.t.colour[name].screen;
  }

  /** Size and line height of a template text style, with extra style on top. */
  s(name: TextStyleName, extra: Style = {}): Style {
    const st = this.t.text[name];
    return { fontSize: st.size, lineHeight: st.lineHeight, ...extra };
  }

  /** A Text with 禁則 line breaking. */
  text(style: Style, children: unknown, extra: NodeProps = {}): React.ReactElement {
    return h(Text, { key: this.k(), ...kinsokuTextProps, style, ...extra }, children);
  }

  /** A View. */
  view(props: NodeProps, ...children: unknown[]): React.ReactElement {
    return h(View, { key: this.k(), ...props }, ...children);
  }
}
