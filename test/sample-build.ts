// One full build of the sample content, shared by every end-to-end test (and every test process).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { RenderError } from "../src/edition/contract.ts";
import { formatDiagnostic } from "../src/lib/diagnostics.ts";
import { buildSite } from "../src/pipeline/build.ts";
import { ROOT } from "./helpers.ts";

export const SAMPLE_DIST = path.join(ROOT, "test-artifacts/dist");
const LOCK = path.join(ROOT, "test-artifacts/.build-lock");

/** Builds every edition of the sample content into test-artifacts/dist unless a fresh build is there; returns its path. */
export async function sampleDist(): Promise<string> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    if (isFresh()) return SAMPLE_DIST;
    try {
      mkdirSync(LOCK);
    } catch {
      // another test process is building: wait for it (a lock older than 30 minutes is stale)
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 30 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(1000);
      continue;
    }
    try {
      if (isFresh()) return SAMPLE_DIST;
      const result = await buildSite({ root: ROOT, outDir: SAMPLE_DIST });
      if (!result.ok) {
        const detail = [
          result.reason,
          result.reason === "usage" ? result.message : "",
          result.reason === "output" ? `${result.refusal.message} (${result.refusal.hint})` : "",
          result.reason === "tools" ? result.missing.map((t) => `${t.edition} needs ${t.name} (${t.target})`).join("\n") : "",
          result.reason === "render" && result.error !== undefined && !(result.error instanceof RenderError)
            ? `${result.edition}: ${String((result.error as Error)?.stack ?? result.error)}`
            : "",
          ...result.diagnostics.map(formatDiagnostic),
        ]
          .filter(Boolean)
          .join("\n");
        throw new Error(`the sample build failed:\n${detail}`);
      }
      return SAMPLE_DIST;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

function isFresh(): boolean {
  const manifest = path.join(SAMPLE_DIST, "manifest.json");
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return ["content", "src", "templates", "public", "astro.config.mjs"].every((p) => newest(path.join(ROOT, p)) <= built);
}

function newest(file: string): number {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let latest = st.mtimeMs;
  for (const name of readdirSync(file)) latest = Math.max(latest, newest(path.join(file, name)));
  return latest;
}
