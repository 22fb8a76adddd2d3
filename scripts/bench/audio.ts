// Bench stage for the audio edition: throughput, overhead over bare Open JTalk, and an incremental rebuild.
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { DEBIAN_OPEN_JTALK, DEFAULT_OPEN_JTALK_VOICE, findHtsVoice, openJTalkArgs, resolveEngine } from "../../src/audio/engine.ts";
import { leafletAudioSettings, renderAudioEdition, speakerNameMode } from "../../src/audio/index.ts";
import { createRenderContext } from "../../src/edition/context.ts";
import type { RenderContext } from "../../src/edition/contract.ts";
import { Pool } from "../../src/lib/pool.ts";
import { findExecutable, runProcess } from "../../src/lib/process.ts";
import type { Leaflet, SiteModel } from "../../src/model/types.ts";
import { listQuestions } from "../../src/model/walk.ts";
import { leafletScript } from "../../src/reading/speech.ts";
import type { BenchContext, BenchStage } from "./harness.ts";

/** CPU seconds used so far by this process (all its threads) and by the children it waited for (Linux /proc). */
function cpuParts(): { self: number; children: number } {
  const self = process.cpuUsage();
  let children = 0;
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = 0;
  }
  return { self: (self.user + self.system) / 1e6, children };
}

function cpuSeconds(): number {
  const { self, children } = cpuParts();
  return self + children;
}

/** The programs the stage runs, each measured on its own by a shim put first on PATH. */
const MEASURED = ["open_jtalk", "lame", "ffmpeg"] as const;
type Measured = (typeof MEASURED)[number];

/**
 * Puts a shell shim for each measured program first on PATH: it runs the real program, then appends the CPU its
 * child used (the shell's `times`) to a log. This splits the stage's CPU by program within one run, so the overhead
 * over synthesis is measured on the same run rather than against a bare run minutes earlier on a drifting machine.
 */
async function installShims(dir: string): Promise<{ read(): Record<Measured, number>; calls(): number; reset(): Promise<void> }> {
  await mkdir(dir, { recursive: true });
  const logs = Object.fromEntries(MEASURED.map((name) => [name, join(dir, `${name}.cpu`)])) as Record<Measured, string>;
  for (const name of MEASURED) {
    const real = findExecutable(name);
    if (!real) throw new Error(`${name} is not installed`);
    const shim = join(dir, name);
    await writeFile(shim, `#!/bin/sh\n'${real}' "$@"\nrc=$?\ntimes >> '${logs[name]}'\nexit $rc\n`);
    await chmod(shim, 0o755);
  }
  process.env.PATH = `${dir}:${process.env.PATH ?? ""}`;
  // `times` prints two lines per call: the shell's user and system time, then its child's, which is the program's.
  const childLines = (name: Measured): string[] =>
    existsSync(logs[name])
      ? readFileSync(logs[name], "utf8")
          .trim()
          .split("\n")
          .filter((_, i) => i % 2 === 1)
      : [];
  const seconds = (line: string): number =>
    [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((t, m) => t + Number(m[1]) * 60 + Number(m[2]), 0);
  return {
    read: () =>
      Object.fromEntries(MEASURED.map((name) => [name, childLines(name).reduce((t, l) => t + seconds(l), 0)])) as Record<Measured, number>,
    calls: () => MEASURED.reduce((n, name) => n + childLines(name).length, 0),
    reset: async () => {
      for (const name of MEASURED) await rm(logs[name], { force: true });
    },
  };
}

function context(site: SiteModel, outDir: string, cacheDir: string): RenderContext {
  return createRenderContext({ site, outDir, cacheDir });
}

/** The same site with one word changed in the first answer of the longest leaflet. */
function editOneQuestion(site: SiteModel): SiteModel {
  const copy = structuredClone(site);
  const leaflet = [...copy.leaflets].sort((a, b) => listQuestions(b).length - listQuestions(a).length)[0];
  for (const q of listQuestions(leaflet)) {
    for (const block of q.answer) {
      if (block.type !== "paragraph") continue;
      const text = block.children.find((c) => c.type === "text");
      if (text && text.type === "text") {
        text.value += "詳しくは窓口でお尋ねください。";
        return copy;
      }
    }
  }
  throw new Error("no paragraph to edit");
}

/**
 * Runs bare open_jtalk on exactly the texts the stage synthesizes, with the stage's own command line (openJTalkArgs:
 * speed, pitch, 48 kHz, the analysis trace), spawned the same way (runProcess) through a pool of the same size.
 */
async function bareOpenJTalk(site: SiteModel, dir: string): Promise<number> {
  const engine = await resolveEngine({ engine: "openjtalk" });
  const jobs = new Map<string, { text: string; speed: number; pitch: number }>();
  const add = (leaflet: Leaflet, text: string, pitch: number) => {
    const speed = leafletAudioSettings(site, leaflet).speed;
    jobs.set(`${text}|${speed}|${pitch}`, { text, speed, pitch });
  };
  for (const leaflet of site.leaflets) {
    const script = await leafletScript(leaflet, { lexicon: site.lexicon, speakerNames: speakerNameMode(site) });
    for (const unit of [script.intro, ...script.units, ...(script.closing ? [script.closing] : [])])
      for (const u of unit.utterances) add(leaflet, u.text, u.pitch);
    if (engine.credit) add(leaflet, engine.credit.spoken, 0);
  }
  const pool = new Pool(availableParallelism());
  const voice = findHtsVoice(DEFAULT_OPEN_JTALK_VOICE, DEBIAN_OPEN_JTALK.voiceDirs);
  if (!voice) throw new Error(`the voice ${DEFAULT_OPEN_JTALK_VOICE} is not installed`);
  let n = 0;
  const start = performance.now();
  await Promise.all(
    [...jobs.values()].map((job) =>
      pool.run(async () => {
        const i = n++;
        const input = join(dir, `${i}.txt`);
        await writeFile(input, `${job.text}\n`);
        const req = { ...job, outWav: join(dir, `${i}.wav`), traceFile: join(dir, `${i}.trace`), input };
        await runProcess(DEBIAN_OPEN_JTALK.binary, openJTalkArgs(DEBIAN_OPEN_JTALK.dictionary, voice, req), { timeoutMs: 600_000 });
      }),
    ),
  );
  return (performance.now() - start) / 1000;
}

export default (async (ctx: BenchContext) => {
  const site = ctx.sample;
  const work = await mkdtemp(join(ctx.scratch, "audio-"));
  const cacheDir = join(work, "cache");
  const row = (metric: string, value: number, unit: string) => ctx.row({ stage: "audio", corpus: "sample", metric, value, unit });

  const savedPath = process.env.PATH;
  try {
    await measure(site, work, cacheDir, row);
  } finally {
    process.env.PATH = savedPath;
    await rm(work, { recursive: true, force: true });
  }
}) satisfies BenchStage;

async function measure(site: SiteModel, work: string, cacheDir: string, row: (metric: string, value: number, unit: string) => void) {
  const shims = await installShims(join(work, "shims"));
  // Bare runs before and after the stage, averaged: on a shared machine the load drifts during a long run.
  const bareDir = join(work, "bare");
  await mkdir(bareDir, { recursive: true });
  const cb0 = cpuSeconds();
  const kids0 = cpuParts().children;
  const bareBefore = await bareOpenJTalk(site, bareDir);
  const bareCpuBefore = cpuSeconds() - cb0;
  // What one shim's shell costs: the bare run's child CPU beyond the program's own, per call.
  const shellCost = (cpuParts().children - kids0 - shims.read().open_jtalk) / Math.max(1, shims.calls());

  await shims.reset();
  const t0 = performance.now();
  const p0 = cpuParts();
  const full = await renderAudioEdition(context(site, join(work, "out-1"), cacheDir));
  const fullSeconds = (performance.now() - t0) / 1000;
  const p1 = cpuParts();
  const parts = shims.read();
  const shells = shellCost * shims.calls();
  const fullCpu = p1.self + p1.children - p0.self - p0.children;
  row("full stage, empty cache", fullSeconds, "s");
  row("full stage, CPU (self + engine and encoder processes)", fullCpu, "s");
  row("full stage, CPU of this process (joining, loudness, limiter, tags, zips, spawning)", p1.self - p0.self, "s");
  row("full stage, CPU of child processes (open_jtalk, lame, ffmpeg)", p1.children - p0.children, "s");
  row("speech produced", full.audioSeconds, "s");
  row("audio seconds per wall second", full.audioSeconds / fullSeconds, "x");
  row("clips synthesized", full.clipsSynthesized, "clips");
  row("cores used", availableParallelism(), "cores");

  // The same run, split by program: what the stage spends beyond its own synthesis.
  const others = p1.children - p0.children - parts.open_jtalk - parts.lame - parts.ffmpeg - shells;
  row("full stage, CPU of open_jtalk (its own processes)", parts.open_jtalk, "s");
  row("full stage, CPU of lame (MP3 encoding)", parts.lame, "s");
  row("full stage, CPU of ffmpeg (joining, chapters)", parts.ffmpeg, "s");
  row("full stage, CPU of the other children (MeCab)", others, "s");
  row("full stage, CPU of the measuring shims' shells (not counted below)", shells, "s");
  row("full stage CPU / its own open_jtalk CPU, same run (target ≤ 1.10)", (fullCpu - shells) / parts.open_jtalk, "ratio");

  const c1 = cpuSeconds();
  const bareAfter = await bareOpenJTalk(site, bareDir);
  const bare = (bareBefore + bareAfter) / 2;
  const bareCpu = (bareCpuBefore + cpuSeconds() - c1) / 2;
  await rm(bareDir, { recursive: true, force: true });
  row("bare open_jtalk before / after the stage", bareBefore / bareAfter, "ratio");
  row("bare open_jtalk, same texts and cores (mean of 2)", bare, "s");
  row("bare open_jtalk, CPU", bareCpu, "s");
  row("full stage / bare open_jtalk, wall (target ≤ 1.10)", fullSeconds / bare, "ratio");
  // The machine may be shared: CPU time is the steadier measure of our overhead.
  row("full stage / bare open_jtalk, CPU", fullCpu / bareCpu, "ratio");

  const t1 = performance.now();
  const again = await renderAudioEdition(context(site, join(work, "out-2"), cacheDir));
  const noChange = (performance.now() - t1) / 1000;
  row("rebuild, nothing changed", noChange, "s");
  row("rebuild, nothing changed: clips synthesized", again.clipsSynthesized, "clips");

  const edited = editOneQuestion(site);
  const t2 = performance.now();
  const inc = await renderAudioEdition(context(edited, join(work, "out-3"), cacheDir));
  const incSeconds = (performance.now() - t2) / 1000;
  row("rebuild after editing one question", incSeconds, "s");
  row("rebuild after one edit: clips synthesized", inc.clipsSynthesized, "clips");
  row("rebuild after one edit / full stage (target < 0.10)", incSeconds / fullSeconds, "ratio");
}
