// Learns where things landed in a rendered PDF: the page and height of every named destination.
// react-pdf writes a named destination for each element with an `id`; reading them back is how the
// print edition knows which section or question each page shows (to choose that page's voice code).
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";

export interface Placement {
  /** 1-based page number. */
  page: number;
  /** Distance from the top of the page, in pt. */
  top: number;
}

export interface PageMap {
  pageCount: number;
  dests: Map<string, Placement>;
}

/** Reads the named destinations of a PDF (as written by react-pdf/pdfkit) into page placements. */
export async function readPageMap(pdf: Uint8Array | PDFDocument): Promise<PageMap> {
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages();
  const indexOf = new Map<string, number>(pages.map((p, i) => [p.ref.toString(), i]));
  const dests = new Map<string, Placement>();
  const names = doc.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  const root = names?.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const visit = (node: PDFDict) => {
    const arr = node.lookupMaybe(PDFName.of("Names"), PDFArray);
    if (arr) {
      for (let i = 0; i + 1 < arr.size(); i += 2) {
        const key = arr.lookup(i);
        const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : String(key);
        const dest = arr.lookup(i + 1);
        const target = dest instanceof PDFArray ? dest : dest instanceof PDFDict ? dest.lookupMaybe(PDFName.of("D"), PDFArray) : undefined;
        if (!target) continue;
        const ref = target.get(0);
        const idx = ref instanceof PDFRef ? indexOf.get(ref.toString()) : undefined;
        if (idx === undefined) continue;
        const y = target.lookup(3);
        const height = pages[idx].getHeight();
        dests.set(name, { page: idx + 1, top: y instanceof PDFNumber ? height - y.asNumber() : 0 });
      }
    }
    const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) visit(kids.lookup(i, PDFDict));
  };
  if (root) visit(root);
  return { pageCount: pages.length, dests };
}
