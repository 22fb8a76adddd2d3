// The RenderContext every renderer gets: the build uses it, and so do renderer tests and benches.
import { stat } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../lib/atomic.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";
import type { Artifact, Edition, Logger, RenderContext, Report, SharedServices } from "./contract.ts";

/** The print templates this tool ships (`templates/` of its own checkout), for contexts made without a project. */
export const BUILTIN_TEMPLATES = path.resolve(import.meta.dirname, "../../templates");

/** The templates folder of a project. */
export const templatesDirOf = (root: string) => path.join(root, "templates");

/** Where a report without a position points: its leaflet's header, else the settings file. */
export const SETTINGS_FILE = "content/settings.yaml";

/** A report of an edition as a diagnostic of the one message channel. */
export function reportToDiagnostic(origin: Edition | string, r: Report): Diagnostic {
  const at = r.pos ?? r.leaflet?.pos ?? { file: SETTINGS_FILE, line: 1, column: 1 };
  return {
    file: at.file,
    line: at.line,
    column: at.column,
    severity: r.severity,
    message: r.message,
    hint: r.hint,
    origin,
    unit: r.unitId,
  };
}

/** Shared services for a context made without the pipeline (tests that never ask for them). */
const NO_SHARED: SharedServices = {
  brailleLabel() {
    return Promise.reject(
      new Error("this render context has no shared services: build it with createSharedServices (src/pipeline/shared.ts)"),
    );
  },
};

export interface ContextOptions {
  site: SiteModel;
  /** The leaflets to render; default every leaflet of the site. */
  leaflets?: Leaflet[];
  /** The folder outputs go to (the build's temporary folder). */
  outDir: string;
  cacheDir: string;
  /** The project's print templates (default: BUILTIN_TEMPLATES). */
  templatesDir?: string;
  /** Artifacts already there (carried over from the last build); the context appends to this array. */
  artifacts?: Artifact[];
  log?: Logger;
  /** Receives every report; default: kept in `reports` of the returned context only. */
  onReport?: (r: Report) => void;
  shared?: SharedServices;
}

/** Makes a render context over `outDir`: `emit` writes atomically, both `emit` and `record` keep one artifact per path. */
export function createRenderContext(opts: ContextOptions): RenderContext {
  const outDir = path.resolve(opts.outDir);
  const artifacts = opts.artifacts ?? [];
  const remember = (artifact: Artifact) => {
    const i = artifacts.findIndex((a) => a.path === artifact.path);
    if (i >= 0) artifacts.splice(i, 1);
    artifacts.push(artifact);
    return artifact;
  };
  return {
    site: opts.site,
    leaflets: opts.leaflets ?? opts.site.leaflets,
    outDir,
    cacheDir: opts.cacheDir,
    templatesDir: opts.templatesDir ?? BUILTIN_TEMPLATES,
    artifacts,
    log: opts.log ?? { progress() {}, info() {}, warn() {} },
    shared: opts.shared ?? NO_SHARED,
    report: opts.onReport ?? (() => {}),
    async emit(artifact, rel, data) {
      const file = safeJoin(outDir, rel);
      await writeFileAtomic(file, data);
      return remember({ ...artifact, path: rel, bytes: (await stat(file)).size });
    },
    async record(artifact) {
      const file = safeJoin(outDir, artifact.path);
      return remember({ ...artifact, bytes: (await stat(file)).size });
    },
  };
}

/** `dir/rel`, refusing a path that would leave `dir`. */
export function safeJoin(dir: string, rel: string): string {
  const file = path.resolve(dir, rel);
  if (!file.startsWith(dir + path.sep)) throw new Error(`output path escapes the build folder: ${rel}`);
  return file;
}
