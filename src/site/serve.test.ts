// The preview server answers byte ranges, so browsers can seek in audio they have not loaded, as on a real server.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, serveDir } from "./serve.ts";

let dir: string;
let server: StaticServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "leaflet-serve-"));
  await writeFile(join(dir, "a.mp3"), "0123456789");
  server = await serveDir(dir);
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("serveDir", () => {
  it("serves a byte range with 206 and its Content-Range", async () => {
    const res = await fetch(`${server.url}a.mp3`, { headers: { Range: "bytes=2-5" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 2-5/10");
    expect(await res.text()).toBe("2345");
    const tail = await fetch(`${server.url}a.mp3`, { headers: { Range: "bytes=-3" } });
    expect(await tail.text()).toBe("789");
  });
  it("refuses a range past the end, and serves the whole file without one", async () => {
    expect((await fetch(`${server.url}a.mp3`, { headers: { Range: "bytes=20-" } })).status).toBe(416);
    const whole = await fetch(`${server.url}a.mp3`);
    expect([whole.status, whole.headers.get("accept-ranges"), await whole.text()]).toEqual([200, "bytes", "0123456789"]);
  });
});
