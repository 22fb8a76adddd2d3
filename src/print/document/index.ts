// Builds the react-pdf element tree of one leaflet from its parts: front matter, body units and blocks, closing,
// page furniture, braille label and trim marks. Pure: the same model, template and options give the same pages.
import { Document, type DocumentProps, Page } from "@react-pdf/renderer";
import React from "react";
import { RenderError } from "../../edition/contract.ts";
import { labelRoom } from "../braille-geometry.ts";
import { DOC_END } from "../fit.ts";
import { margins } from "../geometry.ts";
import { brailleBlock, labelClearance } from "./braille.ts";
import { DocContext, type DocumentOptions, h, type PlacedBlock } from "./context.ts";
import { closing, cover, titleBand } from "./front.ts";
import { furniture } from "./furniture.ts";
import { trimMarks } from "./marks.ts";
import { body } from "./units.ts";

export {
  brailleBoxOrigin,
  brailleBoxSize,
  brailleDots,
  brailleLines,
  labelDotsOnPage,
  labelLines,
  labelRoom,
} from "../braille-geometry.ts";
export { type BrailleLabel, blockDest, type DocumentOptions, type PlacedBlock } from "./context.ts";
export { shortUrl } from "./furniture.ts";
export { SAFE_LINK, safeLinkTarget } from "./text.ts";

/** Builds the react-pdf Document for a leaflet, plus the list of addressable blocks it placed. */
export function buildDocument(o: DocumentOptions): { element: React.ReactElement<DocumentProps>; blocks: PlacedBlock[] } {
  const x = new DocContext(o);
  const { leaflet, geometry: g, family } = o;
  const t = x.t;
  const m = margins(t);
  const label = brailleBlock(
    x,
    (lines) =>
      new RenderError(
        `the braille label needs ${lines} lines; the template ${t.name} has room for ${t.braille.lines} (${labelRoom(t, o.brailleMetrics).perLine} cells each)`,
        {
          leaflet,
          pos: leaflet.positions?.brailleLabel ?? leaflet.positions?.title ?? leaflet.pos,
          hint: "shorten brailleLabel in the header",
        },
      ),
  );
  const clearance = labelClearance(x);
  const first = t.cover ? cover(x) : [titleBand(x)];
  const main = body(x);
  // The booklet's contents page stands alone; without sections there are no contents and the questions follow.
  const hasContents = leaflet.body.some((b) => b.type === "section");
  if (t.cover && hasContents && main.length > 0)
    main[0] = React.cloneElement(main[0] as React.ReactElement<{ break?: boolean }>, { break: true });
  const element = h<DocumentProps>(
    Document,
    {
      title: leaflet.title,
      author: leaflet.issuer,
      subject: leaflet.summary,
      language: "ja",
      creator: "leaflet-toolchain",
      producer: "react-pdf",
      pageMode: "useOutlines",
      tagged: true,
    },
    h(
      Page,
      {
        size: [g.pageWidth, g.pageHeight],
        // The newer pagination engine: faster on long booklets, and the classic one crashed on some page splits.
        experimentalPagination: true,
        style: {
          fontFamily: family,
          color: x.c("ink"),
          paddingTop: g.oy + m.top,
          paddingBottom: g.oy + m.bottom,
          paddingLeft: g.ox + m.side,
          paddingRight: g.ox + m.side,
        },
      },
      ...furniture(x),
      ...(g.variant === "print" ? [trimMarks(g, x.k())] : []),
      ...label,
      ...(clearance > 0 ? [x.view({ style: { height: clearance } })] : []),
      ...first,
      ...main,
      ...closing(x),
      // Where the document ends: how full the last page is (fit.ts).
      x.view({ id: DOC_END }),
    ),
  );
  return { element, blocks: x.placed };
}
