// The seam between the build and each edition: a renderer gets the parsed model and an output folder.
import type { Severity } from "../lib/diagnostics.ts";
import type { Leaflet, Settings, SiteModel, SourcePos } from "../model/types.ts";

export type Edition = "codes" | "print" | "audio" | "braille" | "talkingbook" | "site";

/**
 * Editions in the order they run: talking books after the audio they are made of; the site last, to link them all.
 * (`talkingbook` joins the list when its edition module is registered in src/pipeline/editions.ts.)
 */
export const EDITIONS: readonly Edition[] = ["codes", "print", "audio", "braille", "site"];

export type ArtifactKind =
  | "pdf"
  | "pdf-print"
  | "audio-unit"
  | "audio-leaflet"
  | "brf"
  | "braille-text"
  | "braille-proof"
  | "braille-label-brf"
  | "braille-label-text"
  | "code-svg"
  | "code-png"
  | "univoice-text"
  | "page"
  | "image"
  | "timing-map"
  | "audio-zip"
  | "epub"
  | "daisy"
  | "page-map"
  | "listen-page"
  | "other";

/** A file an edition wrote into the build, for other editions (the site) to link. */
export interface Artifact {
  edition: Edition;
  kind: ArtifactKind;
  slug?: string;
  /** Section or question id, for per-unit outputs. */
  unitId?: string;
  /** Path relative to dist/, forward slashes. */
  path: string;
  bytes: number;
  /** For audio: duration in seconds. */
  durationSeconds?: number;
  /** Edition-specific facts, e.g. the braille label's cells or a code's target URL. */
  meta?: Record<string, string | number | boolean>;
}

export interface Logger {
  /** Progress a person watches on a terminal; silent in CI or with --quiet. */
  progress(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface RenderContext {
  /** The whole model (every leaflet: the site index needs them all). */
  site: SiteModel;
  /** The leaflets this build renders (all, unless the user chose some). */
  leaflets: Leaflet[];
  /** The temporary folder that becomes dist/ when every renderer has succeeded. */
  outDir: string;
  /** A persistent folder for content-addressed caches, one subfolder per edition. */
  cacheDir: string;
  /** The project's print templates, `<root>/templates/` (the print edition finds `layout: <name>` there). */
  templatesDir: string;
  /** Files written so far by earlier editions (and carried over from the last build). */
  artifacts: Artifact[];
  /** Write `data` at a dist-relative path and record it as an artifact. */
  emit(artifact: Omit<Artifact, "bytes" | "path">, path: string, data: Uint8Array | string): Promise<Artifact>;
  /** Record a file the renderer wrote itself at a dist-relative path (its size is read from disk). */
  record(artifact: Omit<Artifact, "bytes">): Promise<Artifact>;
  /** Reports a problem (a warning, or an error that fails the build once the edition is done) with its place. */
  report(r: Report): void;
  /** Work shared between editions (the braille label). */
  shared: SharedServices;
  log: Logger;
}

export interface Renderer {
  edition: Edition;
  /** Writes this edition's files for ctx.leaflets into ctx.outDir, reporting problems through ctx.report. */
  render(ctx: RenderContext): Promise<void>;
}

/** A problem an edition reports: where it is (a source position, else the leaflet's header), what, and what to do. */
export interface Report {
  severity: Severity;
  message: string;
  hint?: string;
  pos?: SourcePos;
  /** The leaflet it is about, when there is no finer position. */
  leaflet?: Leaflet;
  /** The section or question it is about. */
  unitId?: string;
}

/** A leaflet's braille label: the text it says and the one line of cells it is. */
export interface BrailleLabel {
  /** The label as written (brailleLabel or the title), blanks collapsed. */
  text: string;
  /** One line of Unicode braille, blanks as ASCII spaces. */
  braille: string;
  /** Cells, blanks included. */
  cells: number;
}

/** Work several editions need, done once per build and shared. */
export interface SharedServices {
  /** The leaflet's braille label, translated once and shown alike by print, braille and the site. */
  brailleLabel(leaflet: Leaflet): Promise<BrailleLabel>;
}

/** Something an edition needs on the machine: a program on PATH or a file. */
export interface ToolRequirement {
  /** What a person calls it, e.g. 「Open JTalk」, 「Regular font」. */
  name: string;
  kind: "program" | "file";
  /** The program's name (looked up on PATH) or an absolute path. */
  target: string;
  /** Needed only by the tests and CI checks of the edition, not to build it. */
  forChecks?: boolean;
  /** The settings field it comes from (e.g. `print.fonts.regular`), when a city hall can change it. */
  setting?: string;
  /** How to install it on Debian/Ubuntu and on macOS. */
  debian: string;
  macos: string;
}

/** What an edition's `check` gets: a way to report, and the shared work. */
export interface CheckContext {
  report(r: Report): void;
  shared: SharedServices;
  /** The project's print templates, `<root>/templates/`. */
  templatesDir: string;
}

/**
 * An edition as the pipeline knows it before loading it: what it needs, what it reserves, what it can check
 * early. Kept free of heavy imports, so `leaflet check` and `leaflet doctor` stay fast.
 */
export interface EditionModule {
  id: Edition;
  /** One line for people: what residents get from this edition. */
  description: string;
  /** The programs and files it needs with these settings (read by `leaflet doctor`, checked before a build). */
  tools(settings: Settings): ToolRequirement[];
  /** Ids a section or question may not take because this edition uses them (anchors, file names). */
  reservedIds?: { fixed?: readonly string[]; forSlug?: (slug: string) => string[] };
  /** Problems only this edition can see (a label too long, a missing font), found before any build. */
  check?(site: SiteModel, ctx: CheckContext): Promise<void>;
  /** The renderer; its modules are imported only when a build asks for this edition. */
  load(): Promise<Renderer>;
}

/** An error a renderer raises about one leaflet or unit; the CLI prints it as file:line:col. */
export class RenderError extends Error {
  readonly leaflet?: Leaflet;
  readonly unitId?: string;
  readonly hint?: string;
  readonly pos?: { file: string; line: number; column: number };
  constructor(
    message: string,
    opts: { leaflet?: Leaflet; unitId?: string; hint?: string; pos?: { file: string; line: number; column: number }; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "RenderError";
    this.leaflet = opts.leaflet;
    this.unitId = opts.unitId;
    this.hint = opts.hint;
    this.pos = opts.pos;
  }
}

/** A tool the edition needs is not installed; the CLI exits with code 3 and points at `leaflet doctor`. */
export class MissingToolError extends RenderError {
  constructor(message: string, opts: ConstructorParameters<typeof RenderError>[1] = {}) {
    super(message, opts);
    this.name = "MissingToolError";
  }
}
