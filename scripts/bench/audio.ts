// Bench stage for the audio edition: throughput, overhead over bare Open JTalk, and an incremental rebuild.
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { resolveEngine } from "../../src/audio/engine.ts";
import { leafletAudioSettings, renderAudioEdition } from "../../src/audio/index.ts";
import { createRenderContext } from "../../src/edition/context.ts";
import type { RenderContext } from "../../src/edition/contract.ts";
import { Pool } from "../../src/lib/pool.ts";
import { runProcess } from "../../src/lib/process.ts";
import type { Leaflet, SiteModel } from "../../src/model/types.ts";
import { listQuestions } from "../../src/model/walk.ts";
import { leafletScript } from "../../src/reading/speech.ts";
import type { BenchContext, BenchStage } from "./harness.ts";

/** CPU seconds used so far by this process and the children it waited for (Linux /proc; 0 elsewhere). */
function cpuSeconds(): number {
  const self = process.cpuUsage();
  let children = 0;
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = 0;
  }
  return (self.user + self.system) / 1e6 + children;
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

/** Runs bare open_jtalk on exactly the texts the stage synthesizes, on the same number of cores. */
async function bareOpenJTalk(site: SiteModel, dir: string): Promise<number> {
  const engine = await resolveEngine({ engine: "openjtalk" });
  const jobs = new Map<string, { text: string; speed: number; pitch: number }>();
  const add = (leaflet: Leaflet, text: string, pitch: number) => {
    const speed = leafletAudioSettings(site, leaflet).speed;
    jobs.set(`${text}|${speed}|${pitch}`, { text, speed, pitch });
  };
  for (const leaflet of site.leaflets) {
    const script = await leafletScript(leaflet, { lexicon: site.lexicon });
    for (const unit of [script.intro, ...script.units, ...(script.closing ? [script.closing] : [])])
      for (const u of unit.utterances) add(leaflet, u.text, u.pitch);
    if (engine.credit) add(leaflet, engine.credit.spoken, 0);
  }
  const pool = new Pool(availableParallelism());
  const voice = "/usr/share/hts-voice/nitech-jp-atr503-m001/nitech_jp_atr503_m001.htsvoice";
  const dict = "/var/lib/mecab/dic/open-jtalk/naist-jdic";
  let n = 0;
  const start = performance.now();
  await Promise.all(
    [...jobs.values()].map((job) =>
      pool.run(async () => {
        const i = n++;
        await writeFile(join(dir, `${i}.txt`), `${job.text}\n`);
        await runProcess(
          "open_jtalk",
          ["-x", dict, "-m", voice, "-r", String(job.speed), "-fm", String(job.pitch), "-ow", join(dir, `${i}.wav`), join(dir, `${i}.txt`)],
          { timeoutMs: 600_000 },
        );
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

  // Bare runs before and after the stage, averaged: on a shared machine the load drifts during a long run.
  const bareDir = join(work, "bare");
  await mkdir(bareDir, { recursive: true });
  const cb0 = cpuSeconds();
  const bareBefore = await bareOpenJTalk(site, bareDir);
  const bareCpuBefore = cpuSeconds() - cb0;

  const t0 = performance.now();
  const c0 = cpuSeconds();
  const full = await renderAudioEdition(context(site, join(work, "out-1"), cacheDir));
  const fullSeconds = (performance.now() - t0) / 1000;
  const fullCpu = cpuSeconds() - c0;
  row("full stage, empty cache", fullSeconds, "s");
  row("full stage, CPU (self + engine and encoder processes)", fullCpu, "s");
  row("speech produced", full.audioSeconds, "s");
  row("audio seconds per wall second", full.audioSeconds / fullSeconds, "x");
  row("clips synthesized", full.clipsSynthesized, "clips");
  row("cores used", availableParallelism(), "cores");

  const c1 = cpuSeconds();
  const bareAfter = await bareOpenJTalk(site, bareDir);
  const bare = (bareBefore + bareAfter) / 2;
  const bareCpu = (bareCpuBefore + cpuSeconds() - c1) / 2;
  await rm(bareDir, { recursive: true, force: true });
  row("bare open_jtalk before / after the stage", bareBefore / bareAfter, "ratio");
  row("bare open_jtalk, same texts and cores (mean of 2)", bare, "s");
  row("bare open_jtalk, CPU", bareCpu, "s");
  row("full stage / bare open_jtalk, wall (target ≤ 1.15)", fullSeconds / bare, "ratio");
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
  await rm(work, { recursive: true, force: true });
}) satisfies BenchStage;
