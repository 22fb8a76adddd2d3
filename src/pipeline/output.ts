// The output folder, guarded: a build replaces only a folder it wrote itself, never content/ or the project, one
// build at a time, and never half-way: it renders into a temporary folder beside the output and swaps it in.
import { constants, existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { access, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { isTempName, tempPath } from "../lib/atomic.ts";

/** The file a build leaves in its output folder, so a later build knows the folder is its own to replace. */
export const OUTPUT_MARKER = ".leaflet-build";

/** Why an output folder may not be used. */
export interface OutputRefusal {
  /** usage: the folder is wrong for an output (exit 2); busy: another build holds it (exit 5); system: cannot write (exit 6). */
  kind: "usage" | "busy" | "system";
  message: string;
  hint: string;
}

/** The folders an output must never be, or be above: the project and its content. */
export function refuseOutputFolder(root: string, outDir: string): OutputRefusal | undefined {
  const out = realish(outDir);
  const project = realish(root);
  const content = realish(path.join(root, "content"));
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  const show = (p: string) => path.relative(process.cwd(), p) || ".";
  if (inside(project, out)) {
    return {
      kind: "usage",
      message: `--out ${show(outDir)} is the project folder or holds it: a build replaces its output folder, and would delete the project`,
      hint: "give an output folder of its own, e.g. --out dist or --out ../leaflets-site",
    };
  }
  if (inside(out, content)) {
    return {
      kind: "usage",
      message: `--out ${show(outDir)} is inside content/: a build never writes there`,
      hint: "give an output folder outside content/, e.g. --out dist",
    };
  }
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    return { kind: "usage", message: `--out ${show(outDir)} is a file, not a folder`, hint: "give a folder for the build" };
  }
  if (existsSync(outDir) && !isOwnOutput(outDir)) {
    return {
      kind: "usage",
      message: `${show(outDir)} holds files this tool did not write; a build would replace the whole folder`,
      hint: "give an empty or new folder with --out (e.g. --out dist), or empty this one yourself if nothing in it is needed",
    };
  }
  return undefined;
}

/** True for a folder that is empty, or that a build of this tool wrote (its marker, or an older build's manifest). */
export function isOwnOutput(dir: string): boolean {
  const names = readdirSync(dir);
  if (names.length === 0 || names.includes(OUTPUT_MARKER)) return true;
  // Builds before the marker existed: our manifest has both `units` and `artifacts`.
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
    return Array.isArray(manifest.artifacts) && typeof manifest.units === "object" && manifest.units !== null;
  } catch {
    return false;
  }
}

/** The marker's text: which tool wrote the folder, and when. */
export function markerText(): string {
  return `${JSON.stringify({ tool: "leaflet-toolchain", note: "written by `leaflet build`; the next build replaces this whole folder", builtAt: new Date().toISOString() })}\n`;
}

/** A path with symlinks resolved as far as it exists, so `--out` through a link cannot slip past the checks. */
function realish(p: string): string {
  let current = path.resolve(p);
  const rest: string[] = [];
  while (!existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    rest.unshift(path.basename(current));
    current = parent;
  }
  let real = current;
  try {
    real = realpathSync.native(current);
  } catch {
    // unreadable: keep the path as given
  }
  return path.join(real, ...rest);
}

/** The lock of one output folder: held for the whole build, released at the end whatever happens. */
export interface OutputLock {
  release(): Promise<void>;
}

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** Takes the lock beside `outDir` (`<outDir>.lock`), removing a stale one left by a killed build. */
export async function lockOutput(outDir: string): Promise<OutputLock | OutputRefusal> {
  const file = `${outDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
      await handle.writeFile(`${JSON.stringify(info)}\n`);
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") {
        return {
          kind: "system",
          message: `cannot create the build lock ${file}: ${(error as Error).message}`,
          hint: `the folder ${path.dirname(outDir)} must be writable: check its permissions, or build with --out into a folder you own`,
        };
      }
      const holder = await readLock(file);
      if (holder && holder.host === hostname() && !processAlive(holder.pid)) {
        await rm(file, { force: true });
        continue;
      }
      return {
        kind: "busy",
        message: `another build is writing ${path.basename(outDir)}/ (${holder ? `process ${holder.pid} on ${holder.host}, started ${holder.started}` : "its lock file could not be read"})`,
        hint: `wait for it to finish and build again; if no build is running, delete ${file}`,
      };
    }
  }
  return { kind: "busy", message: `the build lock ${file} keeps coming back`, hint: `if no build is running, delete ${file}` };
}

async function readLock(file: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(file, "utf8")) as LockInfo;
    return typeof info.pid === "number" ? info : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes what killed builds of this output left beside it (temporary and old copies); the lock must be held. */
export async function removeLeftovers(outDir: string): Promise<string[]> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const removed: string[] = [];
  for (const name of await readdir(parent)) {
    if (!(name.startsWith(`${base}.tmp-`) || name.startsWith(`${base}.old-`))) continue;
    if (!isTempName(name.replace(`${base}.old`, base))) continue;
    await rm(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** A refusal when the output folder (or anything in it) could not be replaced: checked before any rendering. */
export async function checkReplaceable(outDir: string): Promise<OutputRefusal | undefined> {
  if (!existsSync(outDir)) return undefined;
  const stack = [outDir];
  while (stack.length) {
    const dir = stack.pop()!;
    try {
      await access(dir, constants.W_OK | constants.X_OK);
    } catch {
      return {
        kind: "system",
        message: `${dir} is not writable, so the last build cannot be replaced`,
        hint: `make it writable (chmod -R u+w ${outDir}) or build with --out into another folder`,
      };
    }
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) stack.push(path.join(dir, entry.name));
    }
  }
  return undefined;
}

/** A new temporary folder beside the output, on the same disk so the swap is a rename. */
export function outputTempDir(outDir: string): string {
  return tempPath(outDir);
}

/** Replaces outDir by tmp with renames, so readers see either the old build or the new one. */
export async function swapIn(tmp: string, outDir: string): Promise<{ oldLeftAt?: string }> {
  await writeFile(path.join(tmp, OUTPUT_MARKER), markerText());
  const old = tempPath(`${outDir}.old`);
  const hadOld = existsSync(outDir);
  if (hadOld) await rename(outDir, old);
  try {
    await rename(tmp, outDir);
  } catch (error) {
    if (hadOld) await rename(old, outDir);
    throw error;
  }
  if (!hadOld) return {};
  try {
    await rm(old, { recursive: true, force: true });
    return {};
  } catch {
    // The new build is in place; the old copy is removed by the next build (removeLeftovers).
    return { oldLeftAt: old };
  }
}
