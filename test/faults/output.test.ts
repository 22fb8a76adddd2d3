// Fault injection, output folder: a build replaces only what it wrote, one at a time, never half-way; whatever is
// refused or fails leaves dist/, content/ and any --out folder byte for byte as they were.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { buildSite } from "../../src/pipeline/build.ts";
import { OUTPUT_MARKER } from "../../src/pipeline/output.ts";
import { captureIO, fingerprint, scratchProjects } from "../helpers.ts";
import { allWriting, freeze, writing } from "./support.ts";

const project = scratchProjects();

/** Fingerprints of every folder a refused run must not touch. */
function snapshot(...dirs: string[]): string[] {
  return dirs.map((d) => (existsSync(d) ? fingerprint(d) : "absent"));
}

describe("the output folder", () => {
  it.each([
    ["content", "content/"],
    [".", "the project itself"],
    ["..", "a folder holding the project"],
    ["content/leaflets", "a folder inside content/"],
  ])("--out %s (%s) is refused with exit 2, touching nothing", async (out) => {
    const root = project();
    const before = snapshot(path.join(root, "content"), root);
    const io = captureIO();
    expect(await main(["build", "--out", path.join(root, out)], io, root, allWriting("x"))).toBe(2);
    expect(io.err()).toMatch(/--out .*(project folder|inside content)|holds files this tool did not write/);
    expect(io.err()).toContain("hint:");
    expect(snapshot(path.join(root, "content"), root)).toEqual(before);
  });

  it("a folder of other files (the city's web root) is refused; an empty one and our own are used", async () => {
    const root = project();
    const webRoot = path.join(root, "..", `${path.basename(root)}-www`);
    mkdirSync(path.join(webRoot, "news"), { recursive: true });
    writeFileSync(path.join(webRoot, "index.html"), "<h1>市のトップページ</h1>");
    writeFileSync(path.join(webRoot, "news", "2026.html"), "お知らせ");
    const before = fingerprint(webRoot);
    const io = captureIO();
    try {
      expect(await main(["build", "--out", webRoot], io, root, allWriting("x"))).toBe(2);
      expect(io.err()).toContain("holds files this tool did not write");
      expect(fingerprint(webRoot)).toBe(before);

      const empty = path.join(webRoot, "leaflets");
      mkdirSync(empty);
      expect(await main(["build", "--out", empty], captureIO(), root, allWriting("v1"))).toBe(0);
      expect(readdirSync(empty)).toContain(OUTPUT_MARKER);
      expect(await main(["build", "--out", empty], captureIO(), root, allWriting("v2"))).toBe(0);
      expect(readFileSync(path.join(empty, "card-pickup/card-pickup.pdf"), "utf8")).toMatch(/^v2 /);
    } finally {
      rmSync(webRoot, { recursive: true, force: true });
    }
  });

  it("a file given as the output folder is refused", async () => {
    const root = project();
    writeFileSync(path.join(root, "notes.txt"), "memo");
    const io = captureIO();
    expect(await main(["build", "--out", path.join(root, "notes.txt")], io, root, allWriting("x"))).toBe(2);
    expect(readFileSync(path.join(root, "notes.txt"), "utf8")).toBe("memo");
  });
});

describe("partial builds", () => {
  it.each([
    ["missing", (f: string) => rmSync(f)],
    ["truncated", (f: string) => writeFileSync(f, readFileSync(f, "utf8").slice(0, 40))],
    ["listing a file that is gone", (f: string) => rmSync(path.join(path.dirname(f), "card-pickup/site.txt"))],
  ])("with the manifest %s, --edition print builds every edition instead, and says so", async (_what, damage) => {
    const root = project();
    expect((await buildSite({ root, renderers: allWriting("v1") })).ok).toBe(true);
    damage(path.join(root, "dist/manifest.json"));
    const warnings: string[] = [];
    const result = await buildSite({
      root,
      editions: ["print"],
      renderers: allWriting("v2"),
      log: { progress() {}, info() {}, warn: (m) => warnings.push(m) },
    });
    expect(result.ok).toBe(true);
    expect(warnings.join("\n")).toContain("building every edition of every leaflet instead");
    for (const e of ["codes", "audio", "site"]) expect(readFileSync(path.join(root, `dist/card-pickup/${e}.txt`), "utf8")).toMatch(/^v2 /);
    expect(readFileSync(path.join(root, "dist/card-pickup/card-pickup.pdf"), "utf8")).toMatch(/^v2 /);
  });
});

describe("one build at a time", () => {
  it("two builds at once: the second is refused with exit 5 and the first completes", async () => {
    const root = project();
    const first = buildSite({ root, renderers: allWriting("first", 300) });
    await new Promise((r) => setTimeout(r, 50));
    const io = captureIO();
    expect(await main(["build"], io, root, allWriting("second"))).toBe(5);
    expect(io.err()).toMatch(/another build is writing dist\/ \(process \d+/);
    expect((await first).ok).toBe(true);
    expect(readFileSync(path.join(root, "dist/card-pickup/card-pickup.pdf"), "utf8")).toMatch(/^first /);
    expect(existsSync(path.join(root, "dist.lock"))).toBe(false);
  });

  it("a lock left by a build that died is removed, and the build goes on", async () => {
    const root = project();
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => dead.on("exit", r));
    writeFileSync(
      path.join(root, "dist.lock"),
      JSON.stringify({ pid: dead.pid, host: (await import("node:os")).hostname(), started: "2026-01-01" }),
    );
    expect((await buildSite({ root, renderers: allWriting("v1") })).ok).toBe(true);
    expect(existsSync(path.join(root, "dist.lock"))).toBe(false);
  });
});

describe("a build that is killed", () => {
  it("leaves dist/ as it was; the next build removes what it left and completes", async () => {
    const root = project();
    expect((await buildSite({ root, renderers: allWriting("good") })).ok).toBe(true);
    const before = fingerprint(path.join(root, "dist"));
    // A child process builds with a slow edition and is killed (SIGKILL: no clean-up runs) in the middle.
    const child = spawn(process.execPath, [path.join(import.meta.dirname, "slow-build.ts"), root], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => child.stdout.on("data", (d) => String(d).includes("rendering") && resolve()));
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    const left = readdirSync(root).filter((n) => n.startsWith("dist."));
    expect(left.some((n) => n.startsWith("dist.tmp-"))).toBe(true);
    expect(fingerprint(path.join(root, "dist"))).toBe(before);

    expect((await buildSite({ root, renderers: allWriting("next") })).ok).toBe(true);
    expect(readdirSync(root).filter((n) => n.startsWith("dist."))).toEqual([]);
    expect(readFileSync(path.join(root, "dist/card-pickup/card-pickup.pdf"), "utf8")).toMatch(/^next /);
  });
});

describe("an output that cannot be written", () => {
  it("is refused before anything is built, with exit 6, leaving it as it was", async (t) => {
    const root = project();
    expect((await buildSite({ root, renderers: allWriting("good") })).ok).toBe(true);
    const sub = path.join(root, "dist/card-pickup");
    const thaw = freeze(sub);
    if (!thaw) return t.skip("this machine can make no folder read-only for this user");
    try {
      const before = fingerprint(path.join(root, "dist"));
      const io = captureIO();
      const rendered: string[] = [];
      const spy = { ...allWriting("new"), print: { ...writing("print", "new"), render: async () => void rendered.push("print") } };
      expect(await main(["build"], io, root, spy)).toBe(6);
      expect(io.err()).toContain("is not writable, so the last build cannot be replaced");
      expect(rendered).toEqual([]);
      expect(fingerprint(path.join(root, "dist"))).toBe(before);
    } finally {
      thaw();
    }
  });
});
