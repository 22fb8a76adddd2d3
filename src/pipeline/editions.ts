// The renderer of each edition, loaded only when a build asks for it (check and doctor stay fast).
import type { Edition, Renderer } from "../edition/contract.ts";

export const RENDERERS: Record<Edition, () => Promise<Renderer>> = {
  codes: async () => (await import("../codes/index.ts")).codesRenderer,
  print: async () => (await import("../print/index.ts")).printRenderer,
  audio: async () => (await import("../audio/index.ts")).audioRenderer,
  braille: async () => (await import("../braille/index.ts")).brailleRenderer,
  site: async () => (await import("../site/index.ts")).siteRenderer,
};
