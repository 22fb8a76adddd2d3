// Renders texts in columns of given widths (one page per width) with the print edition's line breaking.
import { Document, type DocumentProps, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import React from "react";
import { kinsokuTextProps } from "../kinsoku.ts";

const h = React.createElement as unknown as (
  t: unknown,
  p?: Record<string, unknown> | null,
  ...c: unknown[]
) => React.ReactElement<DocumentProps>;

/** A PDF whose page N sets every text in a column `widths[N-1]` points wide, at 12 pt. */
export async function renderColumns(fontFamily: string, texts: string[], widths: number[]): Promise<Uint8Array> {
  const doc = h(
    Document,
    null,
    ...widths.map((w) =>
      h(
        Page,
        { key: w, size: "A4", style: { fontFamily, padding: 36 } },
        ...texts.map((t, i) =>
          h(
            View,
            { key: i, style: { width: w, marginBottom: 6 } },
            h(Text, { ...kinsokuTextProps, style: { fontSize: 12, lineHeight: 1.6 } }, t),
          ),
        ),
      ),
    ),
  );
  return new Uint8Array(await renderToBuffer(doc));
}
