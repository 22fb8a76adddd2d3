// Japanese trim marks (トンボ) for the print-shop file: corner and centre marks in the slug outside the bleed.
import { Path, Svg } from "@react-pdf/renderer";
import type React from "react";
import { BLEED, mm, type PageGeometry } from "../geometry.ts";
import { h } from "./context.ts";

/** The trim marks of every page, as one fixed drawing (an Artifact). */
// At each corner an inner mark on the trim line and an outer one on the bleed line, plus centre marks.
export function trimMarks(g: PageGeometry, key: string): React.ReactElement {
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
    { key, fixed: true, artifact: true, viewBox: `0 0 ${W} ${H}`, style: { position: "absolute", top: 0, left: 0, width: W, height: H } },
    h(Path, { d: d.join(""), stroke: "#000000", strokeWidth: 0.25, fill: "none" }),
  );
}
