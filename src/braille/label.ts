// The braille label of a leaflet (its title, or the frontmatter's brailleLabel): an envelope or
// cover label, limited to settings.braille.labelMaxCells cells. The print edition draws it as a
// dot layer; the braille edition writes it as label.brf / label.txt.
import { type BrailleLabel, RenderError } from "../edition/contract.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";
import { cellCount } from "./cells.ts";
import { translate } from "./translate.ts";
import { kanaToBrailleReport } from "./writer.ts";

export type { BrailleLabel } from "../edition/contract.ts";

/** Translates a leaflet's braille label and checks it against the configured cell limit. */
export async function brailleLabel(leaflet: Leaflet, site: SiteModel): Promise<BrailleLabel> {
  const text = (leaflet.braille.label || leaflet.title).replace(/\s+/g, " ").trim();
  // A label the author already wrote as spaced katakana is used as written (stage 2 only).
  const { braille, problems } = /^[ァ-ヶー ]+$/.test(text)
    ? reportOf(kanaToBrailleReport(text))
    : await translate(text, { lexicon: site.lexicon });
  const where = leaflet.positions?.brailleLabel ?? leaflet.positions?.title ?? leaflet.pos;
  const field = leaflet.braille.label && leaflet.braille.label !== leaflet.title ? "brailleLabel" : "title (used as the braille label)";
  if (problems.length > 0) {
    throw new RenderError(`the braille label 「${text}」 has characters without a braille reading: ${problems.join(" ")}`, {
      leaflet,
      pos: where,
      hint: "write brailleLabel: in the frontmatter in kana (for example マイナンバー ツーチ), or add the word to content/lexicon.yaml",
    });
  }
  const line = braille.replace(/\n/g, " ");
  const cells = cellCount(line);
  const max = site.settings.braille.labelMaxCells;
  if (cells > max) {
    throw new RenderError(
      `the braille label 「${text}」 needs ${cells} cells, more than the limit of ${max} (braille.labelMaxCells); it comes from the frontmatter field ${field}`,
      {
        leaflet,
        pos: where,
        hint: `write a shorter brailleLabel: in the frontmatter of ${leaflet.file} (kana counts one cell each, voiced kana and numbers more), or raise braille.labelMaxCells in content/settings.yaml`,
      },
    );
  }
  return { text, braille: line, cells };
}

function reportOf(r: { braille: string; untranslated: string[] }): { braille: string; problems: string[] } {
  return { braille: r.braille, problems: r.untranslated };
}
