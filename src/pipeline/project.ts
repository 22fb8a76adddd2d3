// Reading a project the way every command does: the content, then what only the editions can check.
import { loadSite } from "../content/load.ts";
import { reportToDiagnostic, templatesDirOf } from "../edition/context.ts";
import type { Edition, SharedServices } from "../edition/contract.ts";
import { type Diagnostic, sortDiagnostics } from "../lib/diagnostics.ts";
import type { SiteModel } from "../model/types.ts";
import { EDITION_MODULES, reservedIds } from "./editions.ts";
import { createSharedServices } from "./shared.ts";

export interface Project {
  /** The model, or null when the content or an edition's check found an error. */
  site: SiteModel | null;
  /** Every problem, errors and warnings, content and editions together, sorted by file and line. */
  diagnostics: Diagnostic[];
  /** Shared work already done by the checks (the braille labels), for the build to reuse. */
  shared: SharedServices | null;
}

/** Parses content/ with the ids the editions reserve, then runs each chosen edition's own check. */
export async function loadProject(root: string, editions?: readonly Edition[]): Promise<Project> {
  const loaded = await loadSite(root, { reserved: reservedIds() });
  if (!loaded.site) return { site: null, diagnostics: loaded.diagnostics, shared: null };
  const site = loaded.site;
  const shared = createSharedServices(site);
  const found: Diagnostic[] = [...loaded.diagnostics];
  for (const edition of EDITION_MODULES) {
    if (editions && !editions.includes(edition.id)) continue;
    await edition.check?.(site, {
      shared,
      templatesDir: templatesDirOf(root),
      report: (r) => found.push(reportToDiagnostic(edition.id, r)),
    });
  }
  const diagnostics = sortDiagnostics(found);
  return { site: diagnostics.some((d) => d.severity === "error") ? null : site, diagnostics, shared };
}
