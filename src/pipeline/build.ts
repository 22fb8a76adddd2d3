// Builds every chosen edition into a temporary folder and swaps it into the output only when all succeeded and
// nothing that must not be published is in it. A refused or failed build leaves the output and content/ as they were.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { createRenderContext, reportToDiagnostic, templatesDirOf } from "../edition/context.ts";
import {
  type Artifact,
  EDITIONS,
  type Edition,
  type Logger,
  type RenderContext,
  RenderError,
  type Renderer,
  type ToolRequirement,
} from "../edition/contract.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { type Diagnostic, sortDiagnostics } from "../lib/diagnostics.ts";
import { findExecutable } from "../lib/process.ts";
import type { SiteModel } from "../model/types.ts";
import { EDITION_MODULES, editionModule } from "./editions.ts";
import { findLeaks, leakDiagnostic } from "./leaks.ts";
import { carryOver, MANIFEST, type Manifest, readManifest, unitIds, vanishedIds } from "./manifest.ts";
import { checkReplaceable, lockOutput, type OutputRefusal, outputTempDir, refuseOutputFolder, removeLeftovers, swapIn } from "./output.ts";
import { loadProject } from "./project.ts";

export { MANIFEST } from "./manifest.ts";

export interface BuildOptions {
  /** Project root (holds content/). */
  root: string;
  /** Where the finished build goes; default `<root>/dist`. */
  outDir?: string;
  /** Editions to build; default all. Files of other editions are kept from the last build. */
  editions?: Edition[];
  /** Leaflet slugs to build; default all. Other leaflets' files are kept from the last build. */
  leaflets?: string[];
  /** Cache folder; default `<root>/.cache`. */
  cacheDir?: string;
  log?: Logger;
  /** Renderers to use instead of the real ones (tests). */
  renderers?: Partial<Record<Edition, Renderer>>;
}

export type BuildResult =
  | { ok: true; site: SiteModel; artifacts: Artifact[]; diagnostics: Diagnostic[]; outDir: string; seconds: Record<string, number> }
  | { ok: false; reason: "content"; diagnostics: Diagnostic[] }
  | { ok: false; reason: "usage"; message: string; diagnostics: Diagnostic[] }
  | { ok: false; reason: "output"; refusal: OutputRefusal; diagnostics: Diagnostic[] }
  | { ok: false; reason: "tools"; missing: (ToolRequirement & { edition: Edition })[]; diagnostics: Diagnostic[] }
  | { ok: false; reason: "render"; edition: Edition; error: unknown; diagnostics: Diagnostic[] }
  | { ok: false; reason: "leak"; diagnostics: Diagnostic[] };

export const silentLogger: Logger = { progress() {}, info() {}, warn() {} };

/** Parses content once, runs each edition's renderer on the model, and swaps the result into place atomically. */
export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(opts.root);
  const outDir = path.resolve(opts.outDir ?? path.join(root, "dist"));
  const cacheDir = path.resolve(opts.cacheDir ?? path.join(root, ".cache"));
  const log = opts.log ?? silentLogger;

  const refusal = refuseOutputFolder(root, outDir);
  if (refusal) return { ok: false, reason: "output", refusal, diagnostics: [] };

  const project = await loadProject(root, opts.editions ?? EDITIONS);
  const diagnostics = [...project.diagnostics];
  if (!project.site || !project.shared) return { ok: false, reason: "content", diagnostics };
  const { site, shared } = project;

  const unknownSlugs = (opts.leaflets ?? []).filter((s) => !site.leaflets.some((l) => l.slug === s));
  if (unknownSlugs.length) {
    return {
      ok: false,
      reason: "usage",
      message: `no leaflet with slug ${unknownSlugs.join(", ")} (the slugs are: ${site.leaflets.map((l) => l.slug).join(", ")})`,
      diagnostics,
    };
  }
  let editions = opts.editions ?? [...EDITIONS];
  const missing = EDITION_MODULES.filter((e) => editions.includes(e.id) && !opts.renderers?.[e.id]).flatMap((e) =>
    missingTools(e.tools(site.settings).filter((t) => !t.forChecks)).map((t) => ({ ...t, edition: e.id })),
  );
  if (missing.length) return { ok: false, reason: "tools", missing, diagnostics };

  const lock = await lockOutput(outDir);
  if ("kind" in lock) return { ok: false, reason: "output", refusal: lock, diagnostics };
  try {
    for (const name of await removeLeftovers(outDir)) log.info(`removed ${name}, left by a build that was stopped`);
    const unwritable = await checkReplaceable(outDir);
    if (unwritable) return { ok: false, reason: "output", refusal: unwritable, diagnostics };

    // A partial build keeps the rest of the last build only when its manifest can be trusted.
    let chosen = opts.leaflets ? site.leaflets.filter((l) => opts.leaflets?.includes(l.slug)) : site.leaflets;
    const last = existsSync(outDir) ? await readManifest(outDir) : undefined;
    const previous: Manifest | undefined = last?.ok ? last.manifest : undefined;
    const partial = editions.length < EDITIONS.length || chosen.length < site.leaflets.length;
    const hasOutput = existsSync(outDir) && readdirSync(outDir).length > 0;
    if (partial && hasOutput && !previous) {
      log.warn(
        `${last && !last.ok ? last.why : "the last build has no manifest"}, so the files of the other editions and leaflets cannot be kept: building every edition of every leaflet instead`,
      );
      editions = [...EDITIONS];
      chosen = site.leaflets;
    }
    const rebuilt = (a: Artifact) => editions.includes(a.edition) && (a.slug === undefined || chosen.some((l) => l.slug === a.slug));

    const tmp = outputTempDir(outDir);
    await mkdir(tmp, { recursive: true });
    try {
      const artifacts = previous ? await carryOver(previous, outDir, tmp, site, rebuilt) : [];
      const base = createRenderContext({
        site,
        leaflets: chosen,
        outDir: tmp,
        cacheDir,
        templatesDir: templatesDirOf(root),
        artifacts,
        log,
        shared,
      });
      const seconds: Record<string, number> = {};
      for (const edition of EDITIONS) {
        if (!editions.includes(edition)) continue;
        const renderer = opts.renderers?.[edition] ?? (await editionModule(edition).load());
        const reports: Diagnostic[] = [];
        const ctx: RenderContext = { ...base, report: (r) => reports.push(reportToDiagnostic(edition, r)) };
        const started = performance.now();
        log.progress(`${edition}: building`);
        let failure: unknown;
        try {
          await renderer.render(ctx);
        } catch (error) {
          failure = error;
          if (error instanceof RenderError) reports.push(renderErrorDiagnostic(edition, error));
        }
        diagnostics.push(...reports);
        if (failure !== undefined || reports.some((d) => d.severity === "error")) {
          return { ok: false, reason: "render", edition, error: failure, diagnostics: sortDiagnostics(diagnostics) };
        }
        seconds[edition] = (performance.now() - started) / 1000;
        log.progress(`${edition}: done in ${seconds[edition].toFixed(1)} s`);
      }
      log.progress("checking what will be published");
      const leaks = await findLeaks(tmp, base.artifacts, site, cacheDir);
      if (leaks.length)
        return { ok: false, reason: "leak", diagnostics: sortDiagnostics([...diagnostics, ...leaks.map((l) => leakDiagnostic(l, site))]) };

      const units = unitIds(site);
      for (const lost of vanishedIds(previous, units)) log.warn(lost);
      const manifest: Manifest = { builtAt: new Date().toISOString(), units, artifacts: base.artifacts };
      await writeFileAtomic(path.join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      const swapped = await swapIn(tmp, outDir);
      if (swapped.oldLeftAt) log.warn(`the last build could not be removed from ${swapped.oldLeftAt}; the next build removes it`);
      return { ok: true, site, artifacts: base.artifacts, diagnostics: sortDiagnostics(diagnostics), outDir, seconds };
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  } finally {
    await lock.release();
  }
}

/** A renderer's thrown RenderError as a diagnostic of its edition. */
export function renderErrorDiagnostic(edition: Edition, error: RenderError): Diagnostic {
  return reportToDiagnostic(edition, {
    severity: "error",
    message: error.message,
    hint: error.hint,
    pos: error.pos,
    leaflet: error.leaflet,
    unitId: error.unitId,
  });
}

/** The requirements that are not on this machine. */
export function missingTools<T extends ToolRequirement>(tools: T[]): T[] {
  return tools.filter((t) => !(t.kind === "program" ? findExecutable(t.target) : t.target && existsSync(t.target)));
}
