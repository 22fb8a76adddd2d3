// One-to-two-page A4 leaflet: title band at the top of page 1, then sections flowing in one column.
import type { PrintTemplate } from "../src/print/template.ts";

export const leafletTemplate: PrintTemplate = {
  name: "leaflet",
  cover: false,
  body: { fontSize: 12, lineHeight: 1.7 },
  title: { fontSize: 22 },
  section: { fontSize: 16 },
  question: { fontSize: 13.5 },
  subheading: { fontSize: 13 },
  small: { fontSize: 9.5 },
  colour: { ink: "#1a1a1a", accent: "#0b3d91", tint: "#e6eef8", rule: "#5a6f8f" },
};
