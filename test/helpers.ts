// Test helpers: scratch copies of fixture projects, a capturing CLI io, and folder fingerprints.
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterEach } from "vitest";
import type { CliIO } from "../src/cli/context.ts";

export const FIXTURES = path.resolve(import.meta.dirname, "fixtures");
export const ROOT = path.resolve(import.meta.dirname, "..");

/** A scratch copy of test/fixtures/project (or another folder); remove it with `dispose`. */
export function scratchProject(from = path.join(FIXTURES, "project")): { root: string; dispose(): void } {
  // The project sits two folders deep in a sandbox of its own, so that a test of a refusal (`--out ..`, a folder
  // beside the project) can only ever damage the sandbox if the guard it tests is broken: never the machine's /tmp.
  const sandbox = mkdtempSync(path.join(tmpdir(), "leaflet-test-"));
  const root = path.join(sandbox, "city-hall", "project");
  cpSync(from, root, { recursive: true });
  return { root, dispose: () => rmSync(sandbox, { recursive: true, force: true }) };
}

/** For a test file: a function giving a fresh scratch project per call, each removed after its test. */
export function scratchProjects(): () => string {
  const made: (() => void)[] = [];
  afterEach(() => {
    for (const dispose of made.splice(0)) dispose();
  });
  return () => {
    const p = scratchProject();
    made.push(p.dispose);
    return p.root;
  };
}

/** CLI streams that record what was written. */
export function captureIO(stdinText = ""): CliIO & { out(): string; err(): string } {
  const stdin = new PassThrough();
  stdin.end(stdinText);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => {
    out += d;
  });
  stderr.on("data", (d) => {
    err += d;
  });
  return { stdin, stdout, stderr, out: () => out, err: () => err };
}

/** A hash of every file's path and bytes under `dir`, to prove a folder was not touched. */
export function fingerprint(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else hash.update(path.relative(dir, file)).update(readFileSync(file));
    }
  };
  walk(dir);
  return hash.digest("hex");
}
