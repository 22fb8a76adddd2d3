// The seam between the build and each edition: a renderer gets the parsed model and an output folder.
import type { Leaflet, SiteModel } from "../model/types.ts";

export type Edition = "codes" | "print" | "audio" | "braille" | "site";

/** Editions in the order they run: the site comes last so it can link what the others made. */
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
  /** Files written so far by earlier editions (and carried over from the last build). */
  artifacts: Artifact[];
  /** Write `data` at a dist-relative path and record it as an artifact. */
  emit(artifact: Omit<Artifact, "bytes" | "path">, path: string, data: Uint8Array | string): Promise<Artifact>;
  /** Record a file the renderer wrote itself at a dist-relative path (its size is read from disk). */
  record(artifact: Omit<Artifact, "bytes">): Promise<Artifact>;
  log: Logger;
}

export interface Renderer {
  edition: Edition;
  /** What the renderer needs from the machine, for `leaflet doctor` and early failure. */
  render(ctx: RenderContext): Promise<void>;
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
