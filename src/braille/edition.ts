// The braille edition as the pipeline sees it before loading it: it checks every leaflet's label early.

import type { EditionModule } from "../edition/contract.ts";
import { RenderError } from "../edition/contract.ts";
import { ANALYSER_TOOLS } from "../reading/mecab.ts";

/** BRF and Unicode braille, the proofreading sheet and the label. */
export const brailleEdition: EditionModule = {
  id: "braille",
  description: "kana braille (BRF and Unicode), a proofreading sheet for volunteers and the braille label",
  // Readings come from MeCab reading Open JTalk's dictionary, the analysis speech uses too.
  tools: () => [...ANALYSER_TOOLS],
  async check(site, ctx) {
    for (const leaflet of site.leaflets) {
      try {
        await ctx.shared.brailleLabel(leaflet);
      } catch (error) {
        if (!(error instanceof RenderError)) throw error;
        ctx.report({ severity: "error", message: error.message, hint: error.hint, pos: error.pos, leaflet });
      }
    }
  },
  load: async () => (await import("./renderer.ts")).brailleRenderer,
};
