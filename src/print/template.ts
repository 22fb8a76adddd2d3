// The shape of a print layout in templates/: type sizes, colours and page-1 behaviour.

/** A print layout: leaflet (one or two pages) or booklet (cover + contents + flowing Q&A). */
export interface PrintTemplate {
  name: "leaflet" | "booklet";
  /** Booklets start with a cover page holding the title, summary and a contents list. */
  cover: boolean;
  /** Body text size in pt (≥ 12 for readability) and its line height factor. */
  body: { fontSize: number; lineHeight: number };
  title: { fontSize: number };
  section: { fontSize: number };
  question: { fontSize: number };
  subheading: { fontSize: number };
  small: { fontSize: number };
  /**
   * Colours: a dark blue and a light tint, distinguishable under the common colour-vision differences;
   * every distinction they carry is also made by shape, weight or text.
   */
  colour: { ink: string; accent: string; tint: string; rule: string };
}
