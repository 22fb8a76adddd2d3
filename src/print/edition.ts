// The print edition as the pipeline sees it before loading it: fonts it needs and what it checks early.
import { existsSync } from "node:fs";
import { SETTINGS_FILE } from "../edition/context.ts";
import { type CheckContext, type EditionModule, RenderError } from "../edition/contract.ts";
import type { Settings, SiteModel } from "../model/types.ts";
import { ANALYSER_TOOLS } from "../reading/mecab.ts";
import { labelLines, labelRoom } from "./braille-geometry.ts";
import { brailleMetrics } from "./geometry.ts";
import { missingGlyphs } from "./glyphs.ts";
import { findTemplate, templateNames } from "./templates.ts";

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
  // The Uni-Voice text of each page is cut from the speech script, which reads the text with the shared analyser.
  tools: (settings) => [
    ...ANALYSER_TOOLS,
    ...fontFiles(settings).map((f) => ({
      name: `${f.face === "regular" ? "Regular" : "Bold"} font`,
      kind: "file" as const,
      target: f.file,
      setting: f.setting,
      debian: apt("fonts-morisawa-bizud-gothic"),
      macos: FONT_MAC,
    })),
    ...[
      { bin: "gs", pkg: "ghostscript", brew: "ghostscript" },
      { bin: "qpdf", pkg: "qpdf", brew: "qpdf" },
    ].map((t) => ({
      name: `${t.bin} (${t.pkg})`,
      kind: "program" as const,
      target: t.bin,
      forChecks: true,
      debian: apt(t.pkg),
      macos: `brew install ${t.brew}`,
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
    await checkLeaflets(site, ctx);
  },
  load: async () => (await import("./index.ts")).printRenderer,
};

// Per leaflet: its template exists and reads, its braille label fits the room the template gives it, and the
// font can draw every character.
async function checkLeaflets(site: SiteModel, ctx: CheckContext): Promise<void> {
  const reported = new Set<string>();
  const metrics = brailleMetrics(site.settings.print.braille);
  const fonts = fontFiles(site.settings)
    .map((f) => f.file)
    .filter((f) => f && existsSync(f));
  for (const leaflet of site.leaflets) {
    const at = leaflet.positions?.layout ?? leaflet.pos;
    const found = findTemplate(ctx.templatesDir, leaflet.layout);
    if (!found) {
      const names = templateNames(ctx.templatesDir);
      ctx.report({
        severity: "error",
        message: `there is no print template 「${leaflet.layout}」: templates/${leaflet.layout}.yaml does not exist`,
        pos: at,
        leaflet,
        hint: `use one of ${names.join(", ") || "leaflet, booklet"}, or copy templates/leaflet.yaml to templates/${leaflet.layout}.yaml and change it`,
      });
      continue;
    }
    if (!found.ok) {
      // A broken template is reported once, at its own lines, however many leaflets use it.
      for (const d of found.diagnostics.items) {
        const key = `${d.file}:${d.line}:${d.column}:${d.message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        ctx.report({ severity: d.severity, message: d.message, hint: d.hint, pos: { file: d.file, line: d.line, column: d.column } });
      }
      continue;
    }
    const t = found.template;
    let label: { braille: string; text: string } | undefined;
    try {
      label = await ctx.shared.brailleLabel(leaflet);
    } catch (error) {
      // An untranslatable or over-long label is the braille edition's to report.
      if (!(error instanceof RenderError)) throw error;
    }
    if (label) {
      const room = labelRoom(t, metrics);
      const lines = labelLines(label, room.perLine).length;
      if (lines > room.lines) {
        const cells = [...label.braille].length;
        ctx.report({
          severity: "error",
          message: `the braille label 「${label.text}」 needs ${cells} cells; the ${t.name} template has room for ${room.perLine * room.lines} (${room.lines} line${room.lines > 1 ? "s" : ""} of ${room.perLine} cells at ${site.settings.print.braille.cellCentreSpacing} mm a cell)`,
          pos: leaflet.positions?.brailleLabel ?? leaflet.positions?.title ?? leaflet.pos,
          leaflet,
          hint: `write a shorter brailleLabel: in the header, or give the label more room in templates/${t.name}.yaml (braille.width, braille.lines)`,
        });
      }
    }
    for (const g of missingGlyphs(leaflet, fonts)) {
      ctx.report({
        severity: "warning",
        message: `the print font has no glyph for 「${g.char}」 (U+${g.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}): the PDF will show an empty box or nothing there`,
        pos: g.pos,
        leaflet,
        hint: "write it another way (a word instead of an emoji, a common kanji with its reading as ruby), or set print.fonts to a font that has it",
      });
    }
  }
}
