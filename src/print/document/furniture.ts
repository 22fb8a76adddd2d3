// Page furniture repeated on every page: the footer (page number, title, issuer), the caption of the web QR code,
// the empty Uni-Voice slot. The codes themselves are stamped afterwards (postprocess.ts), once the page breaks are
// known, into the boxes left empty here. On a bound layout even pages are mirrored: codes go to the outer edge.
import { Text } from "@react-pdf/renderer";
import type React from "react";
import { layout, publicUrl } from "../../edition/layout.ts";
import { codeBoxes, margins, mm, outerSide } from "../geometry.ts";
import { kinsokuTextProps } from "../kinsoku.ts";
import { fill } from "../template.ts";
import { type DocContext, h } from "./context.ts";

/** The short address printed beside the code: the leaflet page without the scheme. */
export function shortUrl(baseUrl: string, slug: string): string {
  return publicUrl(baseUrl, layout.page(slug)).replace(/^https?:\/\//, "");
}

/**
 * The short address in one line, or two (host, then path) when it is wider than the room: a web address never breaks
 * inside a word, and never shrinks under the caption size.
 */
export function addressLines(address: string, size: number, width: number): string[] {
  // BIZ UDPGothic's Latin letters, digits and punctuation average under 0.56 em.
  if ([...address].length * size * 0.56 <= width) return [address];
  const cut = address.indexOf("/");
  return cut > 0 ? [address.slice(0, cut), address.slice(cut)] : [address];
}

/** Every page's furniture, as fixed elements (Artifacts to a screen reader). */
export function furniture(x: DocContext): React.ReactElement[] {
  const sides: ("right" | "left")[] = x.t.binding === "left" ? ["right", "left"] : ["right"];
  if (sides.length === 1) return side(x, "right", () => true);
  return sides.flatMap((s) => side(x, s, (page) => outerSide(x.t, page) === s));
}

// The furniture of pages whose outer edge is `s`; `shows` says which pages those are.
function side(x: DocContext, s: "right" | "left", shows: (page: number) => boolean): React.ReactElement[] {
  const { geometry: g, leaflet, site } = x.o;
  const t = x.t;
  const m = margins(t);
  const boxes = codeBoxes(g, t, leaflet.uniVoice, s === "right" ? 1 : 2);
  const textLeft = g.ox + m.side;
  const textWidth = g.trimWidth - 2 * m.side;
  const footerTop = g.oy + g.trimHeight - m.bottom + mm(3);
  const outerCode = boxes.slot ?? boxes.qr;
  // The footer text takes the inner part, the code's caption the room up to the codes.
  const codeInner = s === "right" ? boxes.qr.left - mm(2) : boxes.qr.left + boxes.qr.width + mm(2);
  // The footer text keeps the inner 40 % of the text width; the caption takes the rest up to the codes.
  const footWidth = textWidth * 0.4;
  const footLeft = s === "right" ? textLeft : textLeft + textWidth - footWidth;
  const captionLeft = s === "right" ? textLeft + footWidth + mm(3) : codeInner;
  const captionWidth = s === "right" ? codeInner - captionLeft : footLeft - mm(3) - codeInner;
  const align = s === "right" ? "left" : "right";
  const abs = (top: number, left: number, width: number, extra = {}) => ({ position: "absolute" as const, top, left, width, ...extra });
  const out: React.ReactElement[] = [];
  const pageStyle = x.s("footer", { ...abs(footerTop + mm(1.5), footLeft, footWidth), fontWeight: 700, textAlign: align });
  // Each piece is a dynamic Text of its own: a render callback inside a View with siblings lost them.
  out.push(
    h(Text, {
      key: x.k(),
      fixed: true,
      style: pageStyle,
      render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
        shows(pageNumber) ? fill(t.labels.pageNumber, { page: pageNumber, pages: totalPages }) : "",
    }),
  );
  const lineH = t.text.footer.size * t.text.footer.lineHeight;
  const footLines = [leaflet.title, ...(leaflet.issuer ? [fill(t.labels.issuer, { issuer: leaflet.issuer })] : [])];
  footLines.forEach((line, i) => {
    out.push(
      h(Text, {
        key: x.k(),
        fixed: true,
        ...kinsokuTextProps,
        style: x.s("footer", { ...abs(footerTop + mm(1.5) + lineH * (i + 1), footLeft, footWidth), textAlign: align, maxLines: 2 }),
        render: ({ pageNumber }: { pageNumber: number }) => (shows(pageNumber) ? line : ""),
      }),
    );
  });
  // The rule above the footer, drawn on every page (it is the same on both sides).
  if (s === "right")
    out.push(x.view({ fixed: true, style: { ...abs(footerTop, textLeft, textWidth), borderTop: `0.75pt solid ${x.c("rule")}` } }));
  const capTop = outerCode.top + mm(1);
  const capAlign = s === "right" ? "right" : "left";
  const capLine = (name: "codeLabel" | "codeCaption", text: string, top: number, bold = false) =>
    h(Text, {
      key: x.k(),
      fixed: true,
      ...kinsokuTextProps,
      style: x.s(name, { ...abs(top, captionLeft, captionWidth), textAlign: capAlign, fontWeight: bold ? 700 : 400 }),
      render: ({ pageNumber }: { pageNumber: number }) => (shows(pageNumber) ? text : ""),
    });
  const labelH = t.text.codeLabel.size * t.text.codeLabel.lineHeight;
  const capH = t.text.codeCaption.size * t.text.codeCaption.lineHeight;
  out.push(capLine("codeLabel", t.labels.codeLabel, capTop, true));
  out.push(capLine("codeCaption", t.labels.codeCaption, capTop + labelH));
  addressLines(shortUrl(site.settings.baseUrl, leaflet.slug), t.text.codeCaption.size, captionWidth).forEach((line, i) => {
    out.push(capLine("codeCaption", line, capTop + labelH + capH * (i + 1)));
  });
  if (boxes.slot) {
    const slot = boxes.slot;
    // The empty slot a Uni-Voice code is printed into; in the office file it also says where to cut the notch.
    const frame = { width: slot.width, height: slot.height, border: `0.5pt dashed ${x.c("rule")}` };
    out.push(
      x.view({
        fixed: true,
        style: { ...abs(slot.top, slot.left, slot.width), height: slot.height },
        render: ({ pageNumber }) => (shows(pageNumber) ? x.view({ style: frame }) : null),
      }),
    );
    const words = [...t.labels.uniVoiceSlot.split(/\s+/)];
    if (g.variant === "office") words.push(fill(t.labels.notchGuide, { arrow: s === "right" ? "→" : "←" }));
    const slotLine = t.text.codeCaption.size * t.text.codeCaption.lineHeight;
    const firstTop = slot.top + (slot.height - slotLine * words.length) / 2;
    words.forEach((w, i) => {
      out.push(
        h(Text, {
          key: x.k(),
          fixed: true,
          style: x.s("codeCaption", { ...abs(firstTop + i * slotLine, slot.left, slot.width), textAlign: "center", color: x.c("rule") }),
          render: ({ pageNumber }: { pageNumber: number }) => (shows(pageNumber) ? w : ""),
        }),
      );
    });
  }
  return out;
}
