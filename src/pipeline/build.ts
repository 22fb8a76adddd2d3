// Builds every chosen edition into a temporary folder and swaps it into dist/ only when all succeeded.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { createRenderContext, reportToDiagnostic, safeJoin, templatesDirOf } from "../edition/context.ts";
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
import { tempPath, writeFileAtomic } from "../lib/atomic.ts";
import { type Diagnostic, sortDiagnostics } from "../lib/diagnostics.ts";
import { findExecutable } from "../lib/process.ts";
import type { SiteModel } from "../model/types.ts";
import { listUnits } from "../model/walk.ts";
import { EDITION_MODULES, editionModule } from "./editions.ts";
import { loadProject } from "./project.ts";

export const MANIFEST = "manifest.json";

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
  | { ok: false; reason: "tools"; missing: (ToolRequirement & { edition: Edition })[]; diagnostics: Diagnostic[] }
  | { ok: false; reason: "render"; edition: Edition; error: unknown; diagnostics: Diagnostic[] };

export const silentLogger: Logger = { progress() {}, info() {}, warn() {} };

/** Parses content once, runs each edition's renderer on the model, and swaps the result into place atomically. */
export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(opts.root);
  const outDir = path.resolve(opts.outDir ?? path.join(root, "dist"));
  const cacheDir = path.resolve(opts.cacheDir ?? path.join(root, ".cache"));
  const log = opts.log ?? silentLogger;
  const editions = opts.editions ?? [...EDITIONS];

  const project = await loadProject(root, editions);
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
  const missing = EDITION_MODULES.filter((e) => editions.includes(e.id) && !opts.renderers?.[e.id]).flatMap((e) =>
    missingTools(e.tools(site.settings).filter((t) => !t.forChecks)).map((t) => ({ ...t, edition: e.id })),
  );
  if (missing.length) return { ok: false, reason: "tools", missing, diagnostics };

  const chosen = opts.leaflets ? site.leaflets.filter((l) => opts.leaflets?.includes(l.slug)) : site.leaflets;
  const rebuilt = (a: Artifact) => editions.includes(a.edition) && (a.slug === undefined || chosen.some((l) => l.slug === a.slug));

  const tmp = tempPath(outDir);
  await mkdir(tmp, { recursive: true });
  const seconds: Record<string, number> = {};
  try {
    const artifacts = await carryOver(outDir, tmp, site, rebuilt);
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
        await rm(tmp, { recursive: true, force: true });
        return { ok: false, reason: "render", edition, error: failure, diagnostics: sortDiagnostics(diagnostics) };
      }
      seconds[edition] = (performance.now() - started) / 1000;
      log.progress(`${edition}: done in ${seconds[edition].toFixed(1)} s`);
    }
    const units = unitIds(site);
    for (const lost of await vanishedIds(outDir, units)) log.warn(lost);
    const manifest = { builtAt: new Date().toISOString(), units, artifacts: base.artifacts };
    await writeFileAtomic(path.join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await swapIn(tmp, outDir);
    return { ok: true, site, artifacts: base.artifacts, diagnostics: sortDiagnostics(diagnostics), outDir, seconds };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
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

function unitIds(site: SiteModel): Record<string, string[]> {
  return Object.fromEntries(site.leaflets.map((l) => [l.slug, listUnits(l).map((u) => u.id)]));
}

/** Pages and sections the last build had and this one lacks: printed codes may point at them. */
async function vanishedIds(outDir: string, now: Record<string, string[]>): Promise<string[]> {
  let before: Record<string, string[]> | undefined;
  try {
    before = JSON.parse(await readFile(path.join(outDir, MANIFEST), "utf8")).units;
  } catch {
    return [];
  }
  const lost: string[] = [];
  for (const [slug, ids] of Object.entries(before ?? {})) {
    if (!now[slug]) {
      lost.push(
        `the leaflet "${slug}" is gone: printed codes and links to /${slug}/ will no longer work (keep its slug if it was renamed)`,
      );
      continue;
    }
    const missing = ids.filter((id) => !now[slug].includes(id));
    if (missing.length) {
      lost.push(
        `${slug}: ${missing.map((id) => `#${id}`).join(", ")} no longer exist: printed codes pointing there will land on the top of the page (keep the old {#id} if a section was renamed)`,
      );
    }
  }
  return lost;
}

/** Copies the last build's files that this build does not remake, so a partial build loses nothing. */
async function carryOver(outDir: string, tmp: string, site: SiteModel, rebuilt: (a: Artifact) => boolean): Promise<Artifact[]> {
  const manifestFile = path.join(outDir, MANIFEST);
  if (!existsSync(manifestFile)) return [];
  let previous: Artifact[];
  try {
    previous = JSON.parse(await readFile(manifestFile, "utf8")).artifacts ?? [];
  } catch {
    return [];
  }
  const kept: Artifact[] = [];
  for (const a of previous) {
    if (rebuilt(a)) continue;
    if (a.slug !== undefined && !site.leaflets.some((l) => l.slug === a.slug)) continue;
    const from = safeJoin(outDir, a.path);
    if (!existsSync(from)) continue;
    const to = safeJoin(tmp, a.path);
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(from, to);
    kept.push(a);
  }
  return kept;
}

/** Replaces outDir by tmp with renames, so readers see either the old build or the new one. */
async function swapIn(tmp: string, outDir: string): Promise<void> {
  const old = tempPath(`${outDir}.old`);
  const hadOld = existsSync(outDir);
  if (hadOld) await rename(outDir, old);
  try {
    await rename(tmp, outDir);
  } catch (error) {
    if (hadOld) await rename(old, outDir);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}
