// A4 booklet for long FAQs: a cover with the contents, then questions flowing page after page.
import type { PrintTemplate } from "../src/print/template.ts";

export const bookletTemplate: PrintTemplate = {
  name: "booklet",
  cover: true,
  body: { fontSize: 12, lineHeight: 1.65 },
  title: { fontSize: 26 },
  section: { fontSize: 17 },
  question: { fontSize: 13.5 },
  subheading: { fontSize: 12.5 },
  small: { fontSize: 9.5 },
  colour: { ink: "#1a1a1a", accent: "#0b3d91", tint: "#e6eef8", rule: "#5a6f8f" },
};
