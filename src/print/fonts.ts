// Registers the print fonts with react-pdf, checking that the configured files exist first.
import { existsSync } from "node:fs";
import { Font } from "@react-pdf/renderer";
import { RenderError } from "../edition/contract.ts";
import type { Settings } from "../model/types.ts";

const registered = new Map<string, string>();

/** Registers the regular and bold faces from settings.print.fonts; returns the family name to use. */
export function registerPrintFonts(settings: Settings): string {
  const { regular, bold } = settings.print.fonts;
  const key = `${regular}\n${bold}`;
  const known = registered.get(key);
  if (known) return known;
  for (const [face, file] of [
    ["regular", regular],
    ["bold", bold],
  ] as const) {
    if (!file || !existsSync(file)) {
      throw new RenderError(`the print font file for print.fonts.${face} was not found: ${file || "(empty)"}`, {
        pos: { file: "content/settings.yaml", line: 1, column: 1 },
        hint:
          `set print.fonts.${face} in content/settings.yaml to a TrueType (.ttf) file that exists on this machine. ` +
          "Debian/Ubuntu: apt-get install fonts-morisawa-bizud-gothic (/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf); " +
          "macOS and Windows: download BIZ UDPGothic from Google Fonts and point at its .ttf files",
      });
    }
  }
  // One family per distinct pair of files: react-pdf's font store is global to the process.
  const family = `LeafletPrint${registered.size}`;
  Font.register({
    family,
    fonts: [
      { src: regular, fontWeight: 400 },
      { src: bold, fontWeight: 700 },
    ],
  });
  registered.set(key, family);
  return family;
}
