// Writing files so that no reader ever sees half of one: write beside the target under a temporary name, then rename.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** The one temporary-name scheme of the project: `<path>.tmp-<pid>-<random>` (covered by .gitignore). */
export function tempPath(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** True for names made by `tempPath` (so a later run can recognise and remove leftovers of a killed one). */
export function isTempName(name: string): boolean {
  return /\.tmp-\d+-[0-9a-f]{8}$/.test(name);
}

/** Writes `data` to `path` atomically, creating its folder; on failure nothing is left behind. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Runs `produce` with a temporary path beside `path` (for tools that write files themselves, like ffmpeg), then
 * renames the result into place; the temporary file is removed if anything fails.
 */
export async function produceAtomic<T>(path: string, produce: (tmp: string) => Promise<T>, suffix = ""): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${tempPath(path)}${suffix}`;
  try {
    const result = await produce(tmp);
    await rename(tmp, path);
    return result;
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
