import { existsSync } from "node:fs";
import { mkdtemp, readFile, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentCache, hashKey } from "./cache.ts";

describe("ContentCache", () => {
  const fresh = async () => {
    const damaged: string[] = [];
    const cache = new ContentCache(await mkdtemp(join(tmpdir(), "cache-")), "audio/clips", (m) => damaged.push(m));
    return { cache, damaged };
  };
  const key = hashKey({ text: "受け取れます。" });

  it("gives back what was stored, and a sealed file taken in, by path once verified", async () => {
    const { cache, damaged } = await fresh();
    await cache.put(key, "wav", "RIFF….WAVE");
    expect((await cache.get(key, "wav"))?.toString()).toBe("RIFF….WAVE");
    const finished = await cache.scratchPath(key, "mp3");
    await writeFile(finished, new Uint8Array(300_000).fill(7));
    const path = await cache.adopt(key, "mp3", finished);
    expect(await cache.verified(key, "mp3")).toBe(path);
    expect(damaged).toEqual([]);
  });

  for (const [what, damage] of [
    ["truncated", (file: string) => truncate(file, 1000)],
    ["changed", async (file: string) => writeFile(file, (await readFile(file)).fill(0, 10, 11))],
  ] as const) {
    it(`never uses a ${what} entry: it is removed and reported, and the caller makes it again`, async () => {
      const { cache, damaged } = await fresh();
      const finished = await cache.scratchPath(key, "wav");
      await writeFile(finished, new Uint8Array(300_000).fill(1));
      const path = await cache.adopt(key, "wav", finished);
      await damage(path);
      expect(await cache.verified(key, "wav")).toBeUndefined();
      expect(existsSync(path)).toBe(false);
      expect(damaged).toEqual([expect.stringMatching(/checksum does not match/)]);
    });
  }

  it("refuses an entry without its seal (left by a run that was stopped)", async () => {
    const { cache, damaged } = await fresh();
    await cache.put(key, "wav", "data");
    await writeFile(`${cache.path(key, "wav")}.sha256`, "");
    expect(await cache.verified(key, "wav")).toBeUndefined();
    expect(damaged).toEqual([expect.stringMatching(/no checksum/)]);
  });
});
