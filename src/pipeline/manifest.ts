// The manifest: what the last build wrote. A partial build keeps the other editions' files only when the manifest
// is whole and every file it lists is there with its recorded size; otherwise nothing in it is trusted.
import { existsSync, statSync } from "node:fs";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { safeJoin } from "../edition/context.ts";
import type { Artifact } from "../edition/contract.ts";
import type { SiteModel } from "../model/types.ts";
import { listUnits } from "../model/walk.ts";

export const MANIFEST = "manifest.json";

export interface Manifest {
  builtAt: string;
  /** Unit ids per leaflet slug: what printed codes may point at. */
  units: Record<string, string[]>;
  artifacts: Artifact[];
}

/** The last build's manifest if it can be trusted, else why not. */
export async function readManifest(outDir: string): Promise<{ ok: true; manifest: Manifest } | { ok: false; why: string }> {
  const file = path.join(outDir, MANIFEST);
  if (!existsSync(file)) return { ok: false, why: `${MANIFEST} is missing` };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return { ok: false, why: `${MANIFEST} is damaged (not complete JSON)` };
  }
  if (!manifest || !Array.isArray(manifest.artifacts) || typeof manifest.units !== "object" || manifest.units === null) {
    return { ok: false, why: `${MANIFEST} is not a manifest of this tool` };
  }
  for (const a of manifest.artifacts) {
    if (typeof a?.path !== "string" || typeof a.bytes !== "number")
      return { ok: false, why: `${MANIFEST} lists an entry without a path or size` };
    let size: number;
    try {
      size = statSync(safeJoin(outDir, a.path)).size;
    } catch {
      return { ok: false, why: `${a.path}, listed in ${MANIFEST}, is missing` };
    }
    if (size !== a.bytes) return { ok: false, why: `${a.path} has ${size} bytes, ${MANIFEST} says ${a.bytes}` };
  }
  return { ok: true, manifest };
}

/** Unit ids per leaflet, as the manifest records them. */
export function unitIds(site: SiteModel): Record<string, string[]> {
  return Object.fromEntries(site.leaflets.map((l) => [l.slug, listUnits(l).map((u) => u.id)]));
}

/** Pages and sections the last build had and this one lacks: printed codes may point at them. */
export function vanishedIds(before: Manifest | undefined, now: Record<string, string[]>): string[] {
  const lost: string[] = [];
  for (const [slug, ids] of Object.entries(before?.units ?? {})) {
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
export async function carryOver(
  previous: Manifest,
  outDir: string,
  tmp: string,
  site: SiteModel,
  rebuilt: (a: Artifact) => boolean,
): Promise<Artifact[]> {
  const kept: Artifact[] = [];
  for (const a of previous.artifacts) {
    if (rebuilt(a)) continue;
    if (a.slug !== undefined && !site.leaflets.some((l) => l.slug === a.slug)) continue;
    const to = safeJoin(tmp, a.path);
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(safeJoin(outDir, a.path), to);
    kept.push(a);
  }
  return kept;
}
