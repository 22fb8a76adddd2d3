// content/settings.yaml and content/lexicon.yaml: what every leaflet shares.
import { isSeq, type Node } from "yaml";
import type { Diagnostics } from "../lib/diagnostics.ts";
import { defaultsOf, field, type Infer, readObject } from "../lib/schema.ts";
import { YamlSource } from "../lib/yaml-fields.ts";
import type { ContactInfo, LexiconEntry, PhoneNumber, Settings, SourcePos } from "../model/types.ts";
import { parsePhone } from "./phone.ts";

const KANA = /^[\u3041-\u309f\u30a0-\u30ffー・　 ]+$/;

/** Who residents ask about a leaflet: in the settings for every leaflet, and in a leaflet's header to override it. */
export function contactSchema(what: string) {
  return field.optionalObject(what, "Who residents ask about the leaflet, shown on every edition as 「このページに関するお問い合わせ」.", {
    department: field.string("The department, e.g. 市川市 市民部 市民課.", { required: true, example: "○○市 市民部 市民課" }),
    phone: field.string("Phone number with its area code.", { example: "047-334-1111" }),
    fax: field.string("Fax number with its area code.", { example: "047-334-1112" }),
    email: field.string("E-mail address.", {
      pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
      patternHint: "an address like shimin@city.example.lg.jp",
    }),
    address: field.string("Postal address, e.g. 〒272-8501 千葉県市川市八幡1-1-1."),
    hours: field.string("Opening hours, e.g. 平日 8時45分～17時15分."),
    url: field.string("The department's web page.", { pattern: /^https?:\/\/\S+$/, patternHint: "a web address starting with https://" }),
  });
}

/** A contact as the schema read it, with its numbers checked and made dialable; problems go to `diags`. */
export function resolveContact(
  raw: Infer<ReturnType<typeof contactSchema>>,
  positions: Record<string, SourcePos>,
  prefix: string,
  diags: Diagnostics,
): ContactInfo | undefined {
  if (!raw?.department) return undefined;
  const number = (key: "phone" | "fax"): PhoneNumber | undefined => {
    const value = raw[key];
    if (!value) return undefined;
    const parsed = parsePhone(value);
    if (parsed.ok) return { number: parsed.phone.number, dial: parsed.phone.dial };
    const at = positions[`${prefix}.${key}`];
    if (at)
      diags.error(
        at.file,
        at.line,
        at.column,
        `malformed ${key === "fax" ? "fax" : "phone"} number: ${parsed.reason}`,
        "write the whole number with its area code, e.g. 047-334-1111",
      );
    return undefined;
  };
  return {
    department: raw.department,
    phone: number("phone"),
    fax: number("fax"),
    email: raw.email,
    address: raw.address,
    hours: raw.hours,
    url: raw.url,
  };
}

/** content/settings.yaml: every field, its kind, range, default and what it does (docs/authoring.md says the same). */
export const SETTINGS_SCHEMA = field.object("the settings", "What every leaflet shares.", {
  siteName: field.string("The site's name, shown on every web page.", { required: true, example: "○○市 リーフレット集" }),
  baseUrl: field.string("The public address of the site, printed in every code: it must not change once printed.", {
    required: true,
    pattern: /^https?:\/\/[^\s/]+(\/\S*)?$/,
    patternHint: "the public address of the site, e.g. https://www.city.example.lg.jp/leaflets/",
    example: "https://www.city.example.lg.jp/leaflets/",
  }),
  issuer: field.string("Who publishes the site (the city hall), shown on every page of it.", { required: true, example: "○○市 市民課" }),
  contact: contactSchema("the contact"),
  freshness: field.object("freshness settings", "When information is old enough to warn.", {
    warnAfterMonths: field.number("Months after its date (updated, else date) when a leaflet is flagged as possibly out of date.", {
      min: 1,
      max: 240,
      default: 24,
    }),
  }),
  accessibility: field.object("accessibility settings", "What the draft accessibility policy page says.", {
    organization: field.string("Who makes the commitment, e.g. 市川市. Default: issuer."),
    target: field.enum("The JIS X 8341-3:2016 level aimed at: A or AA.", ["A", "AA"] as const, { default: "AA" }),
    conformance: field.enum(
      "How far it is aimed at, in JIS X 8341-3 wording: 準拠, 一部準拠 or 配慮.",
      ["準拠", "一部準拠", "配慮"] as const,
      {
        default: "準拠",
      },
    ),
    scope: field.string("Which pages the policy covers. Default: every page of this site."),
    deadline: field.string("By when the target is to be met, YYYY-MM-DD.", {
      pattern: /^\d{4}-\d{2}-\d{2}$/,
      patternHint: "a date written YYYY-MM-DD, e.g. 2027-03-31",
    }),
    exceptions: field.string("Pages or content exempted from the target, and why."),
    approved: field.boolean("True once the city has approved the policy; until then the page is marked 案 (draft).", { default: false }),
  }),
  audio: field.object("audio settings", "The speech engine and how it reads.", {
    engine: field.enum(
      "Which speech engine: auto (Open JTalk where installed, else the system voice), openjtalk or say.",
      ["auto", "openjtalk", "say"] as const,
      {
        default: "auto",
      },
    ),
    voice: field.string("The voice: an Open JTalk voice name or .htsvoice file, or a system voice for say."),
    speed: field.number("Speaking rate, 1 is normal.", { min: 0.5, max: 2, default: 1 }),
    speakerNames: field.enum(
      "When a dialogue line is introduced by its speaker's name: always, only when the speaker changes (on-change), or never.",
      ["always", "on-change", "never"] as const,
      { default: "always" },
    ),
  }),
  print: field.object("print settings", "Fonts and the braille dots of the print edition.", {
    fonts: field.object("print fonts", "The TrueType font files of the PDFs.", {
      regular: field.string("The regular face (.ttf).", { default: "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf" }),
      bold: field.string("The bold face (.ttf).", { default: "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Bold.ttf" }),
    }),
    // Paper braille in Japan, centre to centre (JIS T 0921 and press practice): dots about 1.4 mm across, 2.3 mm
    // apart in a cell, the same dot of the next cell 6.0 mm on, of the next line 11 mm down.
    braille: field.object("print braille settings", "The braille label's dots, drawn at true size; every distance is centre to centre.", {
      dotDiameter: field.number("Diameter of a dot.", { min: 1.3, max: 1.7, default: 1.4, unit: "mm" }),
      dotCentreSpacing: field.number(
        "From the centre of a dot to the centre of the next dot in the same cell (dots 1 and 2, or 1 and 4).",
        {
          min: 2.1,
          max: 2.5,
          default: 2.3,
          unit: "mm",
        },
      ),
      cellCentreSpacing: field.number("From a dot to the same dot of the next cell (the cell pitch, not the gap between cells).", {
        min: 5.1,
        max: 6.8,
        default: 6,
        unit: "mm",
      }),
      lineCentreSpacing: field.number("From a dot to the same dot of the next line.", { min: 10, max: 15, default: 11, unit: "mm" }),
    }),
  }),
  braille: field.object("braille settings", "The braille edition.", {
    labelMaxCells: field.number("The most cells a braille label may have.", { min: 4, max: 200, default: 32 }),
  }),
});

/** Settings with every documented default, for what a site does not say (and for test models). */
export function defaultSettings(site: Pick<Settings, "siteName" | "baseUrl" | "issuer">): Settings {
  return { ...defaultsOf(SETTINGS_SCHEMA), contact: undefined, ...site };
}

/** Reads settings, reporting problems; missing optional parts take the defaults of SETTINGS_SCHEMA. */
export function parseSettings(file: string, text: string, diags: Diagnostics): Settings {
  const src = new YamlSource(file, text, 1, diags);
  const { value, positions } = readObject(src, src.root, SETTINGS_SCHEMA);
  // Required fields are undefined only after an error was reported (and no model is built then).
  const { contact, ...rest } = value;
  const settings: Settings = {
    ...rest,
    contact: resolveContact(contact, positions, "contact", diags),
    siteName: value.siteName ?? "",
    issuer: value.issuer ?? "",
    baseUrl: value.baseUrl ?? "https://example.invalid/",
    positions,
  };
  if (!settings.baseUrl.endsWith("/")) settings.baseUrl += "/";
  return settings;
}

/** One entry of content/lexicon.yaml. */
export const LEXICON_ENTRY_SCHEMA = field.object("a lexicon entry", "A word and how it is read, for speech and braille alike.", {
  word: field.string("The word as written.", { required: true, example: "個人番号" }),
  reading: field.string("How it is read, in kana; a space marks a braille word boundary.", {
    required: true,
    pattern: KANA,
    patternHint: "write the reading in kana",
    example: "コジンバンゴウ",
  }),
  note: field.string("A note for the people who review readings."),
});

/** Reads the lexicon: a list of `word` and `reading` (kana) pairs. */
export function parseLexicon(file: string, text: string, diags: Diagnostics): LexiconEntry[] {
  const src = new YamlSource(file, text, 1, diags);
  if (!src.root) return [];
  if (!isSeq(src.root)) {
    src.error(src.root, "the lexicon must be a list of entries", "write entries as `- word: 個人番号` and `  reading: コジンバンゴウ`");
    return [];
  }
  const entries: LexiconEntry[] = [];
  const seen = new Map<string, number>();
  for (const node of src.root.items as Node[]) {
    const { word, reading } = readObject(src, node, LEXICON_ENTRY_SCHEMA).value;
    if (!word || !reading) continue;
    const p = src.pos(node);
    const earlier = seen.get(word);
    if (earlier) {
      src.error(node, `the word 「${word}」 is already in the lexicon at line ${earlier}`, "keep one entry per word");
      continue;
    }
    seen.set(word, p.line);
    entries.push({ word, reading, pos: { file, line: p.line, column: p.column } });
  }
  return entries;
}
