// The leaflet header (frontmatter): its declared schema and the checks a table cannot express.
import path from "node:path";
import type { Diagnostics } from "../lib/diagnostics.ts";
import { field, readObject } from "../lib/schema.ts";
import { YamlSource } from "../lib/yaml-fields.ts";
import type { Leaflet, Settings, SourcePos, Speaker } from "../model/types.ts";
import { contactSchema, resolveContact } from "./settings.ts";

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KANA = /^[\u3041-\u309f\u30a0-\u30ffー・　 ]+$/;

/** The header of a leaflet file: every field, its kind, range, default and what it does (docs/authoring.md says the same). */
export const LEAFLET_HEADER_SCHEMA = field.object("the header", "The fields between the two `---` lines at the top of a leaflet.", {
  title: field.string("The leaflet's title.", { required: true, example: "マイナンバーカードの受け取り方" }),
  slug: field.string("The name in web addresses; never change it once printed (default: the file name).", {
    pattern: SLUG,
    patternHint: "use lower-case letters, digits and hyphens, e.g. card-safety",
  }),
  summary: field.string("One or two sentences for the list of leaflets and search engines.", {
    required: true,
    example: "この案内で分かることを一、二文で",
  }),
  issuer: field.string("Who issued it, as the leaflet or its source names it; leave it out when the source names none."),
  date: field.string("Publication date, YYYY-MM-DD; leave it out when the source has none.", {
    pattern: DATE,
    patternHint: "write the date as YYYY-MM-DD, e.g. 2017-07-27 for 平成29年7月27日",
    example: "2024-04-01",
  }),
  updated: field.string("The date the information was last checked, YYYY-MM-DD: every edition says the information is as of this date.", {
    pattern: DATE,
    patternHint: "write the date as YYYY-MM-DD, e.g. 2024-04-01",
    example: "2024-04-01",
  }),
  contact: contactSchema("the leaflet's contact"),
  source: field.string("Where the content comes from (出典), shown on every edition.", {
    required: true,
    example: "○○市「マイナンバーQ&A」を元に作成",
  }),
  sourceUrl: field.string("Web address of the source.", {
    pattern: /^https?:\/\/\S+$/,
    patternHint: "a web address starting with https://",
  }),
  titleReading: field.string("How the title is read aloud, in kana.", { pattern: KANA, patternHint: "write the reading in kana" }),
  layout: field.string(
    "The print template, by name: `poster` means templates/poster.yaml (default: booklet for more than 12 questions, else leaflet).",
    {
      pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      patternHint: "write the name of a file in templates/ without .yaml, e.g. leaflet or booklet",
      example: "leaflet",
    },
  ),
  speakers: field.list(
    "The characters of a dialogue.",
    field.object("a speaker", "One character of a dialogue.", {
      id: field.string("The name used in the text (lower-case letters).", {
        required: true,
        pattern: /^[a-z][a-z0-9_-]*$/,
        patternHint: "use lower-case letters, e.g. mina",
        example: "mina",
      }),
      name: field.string("The name shown in print and on the web.", { required: true, example: "マイナちゃん" }),
      reading: field.string("How the name is read aloud and brailled, in kana."),
      pitch: field.number("Voice pitch in half-tones.", { min: -12, max: 12, default: 0 }),
      voice: field.string("A voice of its own for this speaker (an installed Open JTalk voice, or a system voice for say)."),
    }),
  ),
  brailleLabel: field.string("Text of the braille label (default: the title)."),
  audio: field.object("audio", "How this leaflet is read aloud.", {
    speed: field.number("Speaking rate (default: audio.speed in the settings).", { min: 0.5, max: 2 }),
    voice: field.string("The voice (default: audio.voice in the settings)."),
  }),
  uniVoice: field.boolean("Reserve an 18 mm slot on each printed page for a Uni-Voice code.", { default: false }),
});

/** The header's values, with defaults from the settings applied; `slug` may be empty after an error. */
export type LeafletHeader = Omit<Leaflet, "body" | "pos" | "file" | "layout"> & { layout?: Leaflet["layout"] };

/** Reads the header YAML (which starts at `firstLine` of the file); problems go to `diags`. */
export function parseHeader(file: string, yamlText: string, firstLine: number, settings: Settings, diags: Diagnostics): LeafletHeader {
  const yaml = new YamlSource(file, fullWidthFixed(file, yamlText, firstLine, diags), firstLine, diags);
  const { value: h, positions, nodes } = readObject(yaml, yaml.root, LEAFLET_HEADER_SCHEMA);
  const real: Partial<Record<"date" | "updated", string>> = {};
  for (const key of ["date", "updated"] as const) {
    const value = h[key];
    if (value && Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      yaml.error(nodes[key], `"${key}" 「${value}」 is not a real date`, "write the date as YYYY-MM-DD");
    } else if (value && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
      yaml.error(nodes[key], `"${key}" 「${value}」 is not a real date`, "check the month and day");
    } else if (value) real[key] = value;
  }
  const asOf = real.updated ?? real.date ?? "";
  if (!asOf && !yaml.failed && !h.date && !h.updated) {
    yaml.error(
      yaml.root,
      "the leaflet does not say when its information dates from",
      "add `date: YYYY-MM-DD` (when it was published) or `updated: YYYY-MM-DD` (when the information was last checked)",
    );
  }
  const fallbackSlug = path.basename(file).replace(/\.md$/i, "");
  if (!nodes.slug && !SLUG.test(fallbackSlug)) {
    diags.error(
      file,
      1,
      1,
      `the file name 「${fallbackSlug}」 cannot be used in web addresses`,
      "rename the file with lower-case letters, digits and hyphens, or add a `slug:` field",
    );
  }
  const speakers: Speaker[] = [];
  h.speakers.forEach((s, i) => {
    if (!s.id || !s.name) return;
    if (speakers.some((x) => x.id === s.id)) {
      yaml.error(nodes[`speakers.${i}.id`], `the speaker id "${s.id}" is declared twice`, "give each speaker its own id");
      return;
    }
    speakers.push({ id: s.id, name: s.name, reading: s.reading, pitch: s.pitch, voice: s.voice });
  });
  const title = h.title ?? "";
  return {
    slug: h.slug ?? (SLUG.test(fallbackSlug) ? fallbackSlug : ""),
    title,
    titleReading: h.titleReading,
    summary: h.summary ?? "",
    issuer: h.issuer,
    date: h.date,
    updated: h.updated,
    asOf,
    contact: resolveContact(h.contact, positions as Record<string, SourcePos>, "contact", diags) ?? settings.contact,
    source: h.source ?? "",
    sourceUrl: h.sourceUrl,
    layout: h.layout,
    speakers,
    braille: { label: h.brailleLabel ?? title },
    audio: { speed: h.audio.speed ?? settings.audio.speed, voice: h.audio.voice ?? settings.audio.voice },
    uniVoice: h.uniVoice,
    positions: positions as Record<string, SourcePos>,
  };
}

/**
 * Japanese input methods type a full-width colon (：) and full-width spaces (　) where YAML needs half-width ones,
 * and the YAML error then never says so. Each is reported by name at its place; the rest of the header is read
 * as if it had been typed half-width, so its other problems are found in the same run (the file is not changed).
 */
export function fullWidthFixed(file: string, yamlText: string, firstLine: number, diags: Diagnostics): string {
  return yamlText
    .split("\n")
    .map((line, i) => {
      let out = line;
      const indent = /^[ \t]*(\u3000+)/.exec(out);
      if (indent) {
        diags.error(
          file,
          firstLine + i,
          indent[0].length - indent[1].length + 1,
          "the line is indented with a full-width space (　)",
          "indent header lines with half-width spaces (two per level); switch the input method to 半角 for the spaces",
        );
        out = out.replace(/^([ \t]*)\u3000+/, (_m, lead: string) => lead + " ".repeat(indent[1].length * 2));
      }
      const colon = /^([ \t]*(?:- )?)([A-Za-z][A-Za-z0-9_.-]*)[ \t\u3000]*：/.exec(out);
      if (colon) {
        diags.error(
          file,
          firstLine + i,
          colon[1].length + colon[2].length + 1,
          `the colon after 「${colon[2]}」 is a full-width colon (：)`,
          `write a half-width colon and a space: \`${colon[2]}: …\` (switch the input method to 半角 for the colon)`,
        );
        out = out.replace(/：/, ":").replace(/:(?! )/, ": ");
      }
      return out;
    })
    .join("\n");
}
