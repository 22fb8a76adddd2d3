// The print edition as the pipeline sees it before loading it: fonts it needs and what it checks early.
import { existsSync } from "node:fs";
import { SETTINGS_FILE } from "../edition/context.ts";
import type { EditionModule } from "../edition/contract.ts";
import type { Settings } from "../model/types.ts";

const apt = (pkgs: string) => `apt-get install -y ${pkgs}`;
const FONT_MAC = "download BIZ UDPGothic (OFL) and set print.fonts in content/settings.yaml";

/** The font files of the settings, with the settings field each comes from. */
export function fontFiles(settings: Settings): { face: "regular" | "bold"; file: string; setting: string }[] {
  return (["regular", "bold"] as const).map((face) => ({ face, file: settings.print.fonts[face], setting: `print.fonts.${face}` }));
}

/** The office and print-shop PDFs. */
export const printEdition: EditionModule = {
  id: "print",
  description: "PDF leaflets for the office printer and for print shops",
  tools: (settings) => [
    ...fontFiles(settings).map((f) => ({
      name: `${f.face === "regular" ? "Regular" : "Bold"} font`,
      kind: "file" as const,
      target: f.file,
      setting: f.setting,
      debian: apt("fonts-morisawa-bizud-gothic"),
      macos: FONT_MAC,
    })),
    ...["pdftotext", "pdffonts", "pdfinfo", "pdftoppm"].map((bin) => ({
      name: `${bin} (poppler)`,
      kind: "program" as const,
      target: bin,
      forChecks: true,
      debian: apt("poppler-utils"),
      macos: "brew install poppler",
    })),
  ],
  async check(site, ctx) {
    for (const f of fontFiles(site.settings)) {
      if (f.file && existsSync(f.file)) continue;
      ctx.report({
        severity: "error",
        message: `the print font file for ${f.setting} was not found: ${f.file || "(empty)"}`,
        pos: site.settings.positions?.[f.setting] ?? { file: SETTINGS_FILE, line: 1, column: 1 },
        hint:
          `set ${f.setting} in content/settings.yaml to a TrueType (.ttf) file that exists on this machine. ` +
          "Debian/Ubuntu: apt-get install fonts-morisawa-bizud-gothic (/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf); " +
          "macOS and Windows: download BIZ UDPGothic from Google Fonts and point at its .ttf files",
      });
    }
  },
  load: async () => (await import("./index.ts")).printRenderer,
};
