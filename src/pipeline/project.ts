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
  // With content errors the editions still check what could be read, so every problem is told in one run.
  const site = loaded.site ?? loaded.draft;
  const shared = createSharedServices(site);
  const found: Diagnostic[] = [...loaded.diagnostics];
  for (const edition of EDITION_MODULES) {
    if (editions && !editions.includes(edition.id)) continue;
    try {
      await edition.check?.(site, {
        shared,
        templatesDir: templatesDirOf(root),
        report: (r) => found.push(reportToDiagnostic(edition.id, r)),
      });
    } catch (error) {
      // A check may trip over a leaflet the content errors left half-read; those errors are reported already.
      if (loaded.site) throw error;
    }
  }
  const diagnostics = sortDiagnostics(found);
  const failed = !loaded.site || diagnostics.some((d) => d.severity === "error");
  return { site: failed ? null : site, diagnostics, shared: failed ? null : shared };
}
