// The braille label on page 1 and the ink line that says what it reads. The office file draws the dots in ink; the print-shop file gets them on a
// spot-colour layer afterwards (postprocess.ts), at the same places.
import { Path, Svg } from "@react-pdf/renderer";
import type React from "react";
import { brailleBoxOrigin, brailleBoxSize, brailleDots, brailleLines, labelLines, labelRoom } from "../braille-geometry.ts";
import { mm } from "../geometry.ts";
import { fill } from "../template.ts";
import { type DocContext, h } from "./context.ts";

/** How far below the top margin page 1's text must start so that it clears the braille label. */
export function labelClearance(x: DocContext): number {
  const { braille, brailleMetrics: m } = x.o;
  if (!braille) return 0;
  const lines = brailleLines(braille, x.t, m);
  if (!lines) return 0;
  const bottom = mm(x.t.braille.top) + brailleBoxSize(lines, m).height + mm(2);
  return Math.max(0, bottom - mm(x.t.page.marginTop));
}

/** The label on page 1: the ink line saying what it reads, and in the office file the dots in ink. */
export function brailleBlock(x: DocContext, failure: (lines: number) => Error): React.ReactElement[] {
  const { braille, geometry: g, brailleMetrics: m } = x.o;
  if (!braille) return [];
  const lines = brailleLines(braille, x.t, m);
  if (!lines) throw failure(labelLines(braille, labelRoom(x.t, m).perLine).length);
  const size = brailleBoxSize(lines, m);
  const at = brailleBoxOrigin(g, x.t, size);
  const side = mm(x.t.page.marginSide);
  const out: React.ReactElement[] = [
    // The label is for fingers and the ink line for sighted helpers; a screen reader has the title already.
    x.text(
      x.s("braillePrint", {
        position: "absolute",
        top: at.top,
        left: g.ox + side,
        width: at.left - g.ox - side - mm(3),
        textAlign: "right",
      }),
      fill(x.t.labels.braillePrint, { text: braille.text }),
      { artifact: true },
    ),
  ];
  if (g.variant === "office") {
    const r = m.dotDiameter / 2;
    const d = brailleDots(lines, m)
      .map((p) => `M${(p.x - r).toFixed(2)} ${p.y.toFixed(2)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`)
      .join("");
    out.push(
      h(
        Svg,
        {
          key: x.k(),
          artifact: true,
          viewBox: `0 0 ${size.width} ${size.height}`,
          style: { position: "absolute", top: at.top, left: at.left, width: size.width, height: size.height },
        },
        h(Path, { d, fill: x.c("ink") }),
      ),
    );
  }
  return out;
}
