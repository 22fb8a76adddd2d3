// The typed leaflet model: what the parser produces and every edition renders.
// Renderers receive this model and nothing else of the content.

/** Where a node came from, 1-based, so errors can say file:line:col. */
export interface SourcePos {
  /** Path relative to the project root, e.g. `content/leaflets/faq.md`. */
  file: string;
  line: number;
  column: number;
}

// ---------- inline content ----------

export interface TextInline {
  type: "text";
  value: string;
}
export interface EmphasisInline {
  type: "emphasis";
  children: Inline[];
}
export interface StrongInline {
  type: "strong";
  children: Inline[];
}
/** `{漢字|かんじ}`: a reading override. `display` asks for furigana in print and <ruby> on the web. */
export interface RubyInline {
  type: "ruby";
  base: string;
  /** Reading in hiragana or katakana, as written by the author. */
  reading: string;
  display: boolean;
}
export interface LinkInline {
  type: "link";
  url: string;
  children: Inline[];
}
export interface BreakInline {
  type: "break";
}
/** A run in another language than Japanese (`:en[Inquiries]`): marked with its language for screen readers and speech. */
export interface ForeignInline {
  type: "foreign";
  /** A BCP 47 language tag, e.g. `en`. */
  lang: string;
  children: Inline[];
}
export type Inline = TextInline | EmphasisInline | StrongInline | RubyInline | LinkInline | BreakInline | ForeignInline;

// ---------- blocks ----------

export interface ParagraphBlock {
  type: "paragraph";
  children: Inline[];
  pos: SourcePos;
}
/** A sub-heading inside a section or answer (the section title itself is not a block). */
export interface HeadingBlock {
  type: "heading";
  /** 3 or 4: level 2 is reserved for sections and questions. */
  level: 3 | 4;
  children: Inline[];
  pos: SourcePos;
}
export interface ListItem {
  children: Block[];
  pos: SourcePos;
}
export interface ListBlock {
  type: "list";
  ordered: boolean;
  /** First number of an ordered list. */
  start: number;
  items: ListItem[];
  pos: SourcePos;
}
/** A ※ note. `children` excludes the ※ mark itself. */
export interface NoteBlock {
  type: "note";
  children: Inline[];
  pos: SourcePos;
}
export interface DialogueLine {
  /** Id of a speaker declared in the frontmatter. */
  speaker: string;
  children: Inline[];
  pos: SourcePos;
}
export interface DialogueBlock {
  type: "dialogue";
  lines: DialogueLine[];
  pos: SourcePos;
}
export type ContactKind = "phone" | "freedial" | "fax" | "hours" | "email" | "url" | "text";
export interface ContactEntry {
  kind: ContactKind;
  /** The label as the author wrote it (電話, フリーダイヤル, 受付時間…). */
  label: string;
  /** The value as written, for display. */
  value: string;
  /** For phone, freedial and fax: the dialable number, digits and `#` only (e.g. `0120950178`, `#9110`). */
  dial?: string;
  /** For phone, freedial and fax: the number as printed with hyphens (e.g. `0120-95-0178`). */
  number?: string;
  /** Text after the number, e.g. `（通話料無料）`. */
  remark?: string;
  pos: SourcePos;
}
export interface ContactBlock {
  type: "contact";
  title: Inline[];
  entries: ContactEntry[];
  pos: SourcePos;
}
export interface TableBlock {
  type: "table";
  caption: Inline[];
  /** Header row cells. */
  header: Inline[][];
  rows: Inline[][][];
  align: ("left" | "center" | "right" | null)[];
  pos: SourcePos;
}
export interface ImageBlock {
  type: "image";
  /** Absolute path of the image file on disk (checked to exist). */
  file: string;
  /** File name used in outputs, e.g. `card-front.png`. */
  name: string;
  alt: string;
  pos: SourcePos;
}
export type Block = ParagraphBlock | HeadingBlock | ListBlock | NoteBlock | DialogueBlock | ContactBlock | TableBlock | ImageBlock;

// ---------- addressable units ----------

/** A numbered question with its answer. `id` is stable across text edits. */
export interface Question {
  type: "question";
  id: string;
  /** The number printed before the question (Q12 → 12). */
  number: number;
  question: Inline[];
  answer: Block[];
  pos: SourcePos;
}
/** A titled section. It may hold questions as well as blocks. */
export interface Section {
  type: "section";
  id: string;
  title: Inline[];
  children: (Block | Question)[];
  pos: SourcePos;
}
export type BodyItem = Section | Question | Block;

export interface Speaker {
  id: string;
  /** Display name, e.g. マイナンバあちゃん. */
  name: string;
  /** How the name is read aloud and brailled, in kana. */
  reading?: string;
  /** Half-tones added to the voice pitch for this speaker (Open JTalk `-fm`). */
  pitch: number;
  /** A voice name for engines that have several. */
  voice?: string;
}

/** The name of a print template: `templates/<name>.yaml` (the shipped ones are leaflet and booklet). */
export type PrintLayout = string;

/** A phone or fax number as printed and as dialled. */
export interface PhoneNumber {
  /** As printed, e.g. `047-334-1111`. */
  number: string;
  /** Digits (and `#`) for tel: links. */
  dial: string;
}

/** Who residents ask about a leaflet (「このページに関するお問い合わせ」): shown by every edition. */
export interface ContactInfo {
  /** The department, e.g. 市川市 市民部 市民課. */
  department: string;
  phone?: PhoneNumber;
  fax?: PhoneNumber;
  email?: string;
  /** Postal address, e.g. 〒272-8501 千葉県市川市八幡1-1-1. */
  address?: string;
  /** Opening hours, e.g. 平日 8時45分～17時15分. */
  hours?: string;
  /** The department's web page. */
  url?: string;
}

export interface Leaflet {
  slug: string;
  /** Source file, relative to the project root. */
  file: string;
  title: string;
  /** Reading of the title, when the author gives one. */
  titleReading?: string;
  summary: string;
  /** Who issued it, when the leaflet (or its source) names one; never invented. */
  issuer?: string;
  /** Publication date, ISO `YYYY-MM-DD`, when there is one. */
  date?: string;
  /** When the information was last checked, ISO `YYYY-MM-DD`. */
  updated?: string;
  /** The date the information is as of (`updated`, else `date`): 「この情報は○年○月○日時点のものです」. */
  asOf: string;
  /** Who to ask: the leaflet's own contact over the settings' one; undefined when neither gives one. */
  contact?: ContactInfo;
  /** Where the content comes from (出典), as shown to readers. */
  source: string;
  sourceUrl?: string;
  layout: PrintLayout;
  speakers: Speaker[];
  braille: { label: string };
  audio: { speed: number; voice?: string };
  /** Reserve an 18 mm slot per printed page for a Uni-Voice code. */
  uniVoice: boolean;
  body: BodyItem[];
  pos: SourcePos;
  /** Where each header field was written (`title`, `brailleLabel`, `audio.speed`…), for located messages. */
  positions?: Record<string, SourcePos>;
}

export interface LexiconEntry {
  /** The written form, e.g. マイナポータル or 個人番号. */
  word: string;
  /** Its reading in katakana, e.g. マイナポータル. */
  reading: string;
  pos: SourcePos;
}

export interface Settings {
  siteName: string;
  /** Public base URL ending in `/`, used in printed codes and the sitemap. */
  baseUrl: string;
  /** Who publishes the site (the city hall), shown on every page of it. */
  issuer: string;
  /** Who residents ask, unless a leaflet names its own contact. */
  contact?: ContactInfo;
  /** When information is old enough to warn residents and authors. */
  freshness: { warnAfterMonths: number };
  /** What the draft accessibility policy page (ウェブアクセシビリティ方針) says. */
  accessibility: AccessibilityPolicy;
  audio: {
    engine: "auto" | "openjtalk" | "say";
    voice?: string;
    speed: number;
    /** When a dialogue line is introduced by its speaker's name: every line, only when the speaker changes, or never. */
    speakerNames: "always" | "on-change" | "never";
  };
  print: {
    fonts: { regular: string; bold: string };
    /** Braille label dots, in millimetres centre to centre, drawn at true size. */
    braille: { dotDiameter: number; dotCentreSpacing: number; cellCentreSpacing: number; lineCentreSpacing: number };
  };
  braille: { labelMaxCells: number };
  /** Where each field was written (`print.fonts.regular`…), for located messages; absent for built-in defaults. */
  positions?: Record<string, SourcePos>;
}

/** The city's accessibility policy as the settings state it; the website turns it into a draft policy page. */
export interface AccessibilityPolicy {
  /** Who makes the commitment, e.g. 市川市 (default: the settings' issuer). */
  organization?: string;
  /** The JIS X 8341-3:2016 level aimed at. */
  target: "A" | "AA";
  /** How far the city aims to meet it, in JIS X 8341-3 wording. */
  conformance: "準拠" | "一部準拠" | "配慮";
  /** Which pages the policy covers (default: every page of this site). */
  scope?: string;
  /** By when, ISO `YYYY-MM-DD`. */
  deadline?: string;
  /** Pages or content exempted, and why. */
  exceptions?: string;
  /** False while the policy is a draft nobody has approved: the page then says 案. */
  approved: boolean;
}

/** Everything a renderer gets: the settings, the lexicon and the leaflets. */
export interface SiteModel {
  settings: Settings;
  lexicon: LexiconEntry[];
  leaflets: Leaflet[];
}
