// The one content-addressed cache: an entry is named by a hash of everything that went into it, is written with a
// checksum beside it, and is verified when it is used. A damaged or half-written entry is never used: it is
// removed and reported, and the caller makes it again.
import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { produceAtomic, tempPath, writeFileAtomic } from "./atomic.ts";

/** A stable hash of any JSON-serialisable value (object keys sorted, so key order never changes a key). */
export function hashKey(value: unknown): string {
  return createHash("sha256").update(stableJson(value)).digest("hex");
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) && !ArrayBuffer.isView(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** What the checksum file beside an entry says. */
interface Seal {
  sha256: string;
  bytes: number;
}

/** Called when an entry failed its check and was removed. */
export type DamagedHandler = (message: string) => void;

/** One namespace of the cache (`<cacheDir>/<namespace>/`), e.g. audio clips or braille translations. */
export class ContentCache {
  readonly dir: string;
  private readonly onDamaged: DamagedHandler;

  constructor(cacheDir: string, namespace: string, onDamaged: DamagedHandler = () => {}) {
    this.dir = join(cacheDir, namespace);
    this.onDamaged = onDamaged;
  }

  /** Where the entry lives (for tools that read it by path once `verified` said yes). */
  path(key: string, ext: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.${ext}`);
  }

  /** True when the entry exists with a seal whose size matches (cheap: no hashing). */
  async has(key: string, ext: string): Promise<boolean> {
    const file = this.path(key, ext);
    const seal = await readSeal(file);
    if (!seal) return false;
    try {
      return (await stat(file)).size === seal.bytes;
    } catch {
      return false;
    }
  }

  /** The entry's bytes if it exists and its checksum matches; a damaged entry is removed and reported. */
  async get(key: string, ext: string): Promise<Buffer | undefined> {
    const file = this.path(key, ext);
    const seal = await readSeal(file);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      if (seal) await this.discard(file, "its data file is missing");
      return undefined;
    }
    if (!seal) {
      await this.discard(file, "it has no checksum (written by a run that was stopped, or by an older version)");
      return undefined;
    }
    const sum = sha256(data);
    if (data.length !== seal.bytes || sum !== seal.sha256) {
      await this.discard(file, `its checksum does not match (${data.length} bytes, expected ${seal.bytes})`);
      return undefined;
    }
    return data;
  }

  /** The entry's path if it verifies (for a tool that reads the file itself); undefined otherwise. */
  async verified(key: string, ext: string): Promise<string | undefined> {
    const file = this.path(key, ext);
    const seal = await readSeal(file);
    // Hashed in pieces: a caller that only wants the path should not hold the whole file in memory.
    const sum = await sha256File(file);
    if (!sum) {
      if (seal) await this.discard(file, "its data file is missing");
      return undefined;
    }
    if (!seal) {
      await this.discard(file, "it has no checksum (written by a run that was stopped, or by an older version)");
      return undefined;
    }
    if (sum.bytes !== seal.bytes || sum.sha256 !== seal.sha256) {
      await this.discard(file, `its checksum does not match (${sum.bytes} bytes, expected ${seal.bytes})`);
      return undefined;
    }
    return file;
  }

  /** Text convenience over `get`. */
  async getText(key: string, ext: string): Promise<string | undefined> {
    return (await this.get(key, ext))?.toString("utf8");
  }

  /** Stores bytes or text under the key, with its seal; both are written atomically, data first. */
  async put(key: string, ext: string, data: Uint8Array | string): Promise<string> {
    const file = this.path(key, ext);
    const bytes = typeof data === "string" ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await writeFileAtomic(file, bytes);
    await writeSeal(file, bytes);
    return file;
  }

  /** Lets a tool write the entry itself (at a temporary path), then seals and publishes it. */
  async putFile(key: string, ext: string, produce: (tmp: string) => Promise<unknown>): Promise<string> {
    const file = this.path(key, ext);
    await mkdir(dirname(file), { recursive: true });
    await produceAtomic(file, async (tmp) => {
      await produce(tmp);
    });
    await writeSeal(file, await readFile(file));
    return file;
  }

  /** Takes a finished file (written beside the cache by a tool) into the cache under the key, sealed. */
  async adopt(key: string, ext: string, finished: string): Promise<string> {
    const file = this.path(key, ext);
    await mkdir(dirname(file), { recursive: true });
    const sum = await sha256File(finished);
    if (!sum) throw new Error(`cannot take ${finished} into the cache: it does not exist`);
    await rename(finished, file);
    await writeFileAtomic(sealPath(file), `${sum.sha256} ${sum.bytes}\n`);
    return file;
  }

  /** A temporary path inside this namespace, on the same disk as its entries (for `adopt`). */
  async scratchPath(key: string, ext: string): Promise<string> {
    const file = this.path(key, ext);
    await mkdir(dirname(file), { recursive: true });
    return tempPath(file);
  }

  private async discard(file: string, why: string): Promise<void> {
    await rm(file, { force: true });
    await rm(sealPath(file), { force: true });
    this.onDamaged(`the cache entry ${file} was damaged and is made again: ${why}`);
  }
}

function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The checksum and size of a file, read in pieces; undefined when it cannot be read. */
async function sha256File(file: string): Promise<Seal | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch {
    return undefined;
  }
  try {
    const hash = createHash("sha256");
    const chunk = Buffer.allocUnsafe(1 << 18);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { sha256: hash.digest("hex"), bytes };
  } finally {
    await handle.close();
  }
}

function sealPath(file: string): string {
  return `${file}.sha256`;
}

async function readSeal(file: string): Promise<Seal | undefined> {
  try {
    const [sum, bytes] = (await readFile(sealPath(file), "utf8")).trim().split(/\s+/);
    if (!/^[0-9a-f]{64}$/.test(sum) || !/^\d+$/.test(bytes)) return undefined;
    return { sha256: sum, bytes: Number(bytes) };
  } catch {
    return undefined;
  }
}

async function writeSeal(file: string, data: Uint8Array): Promise<void> {
  await writeFileAtomic(sealPath(file), `${sha256(data)} ${data.length}\n`);
}
