// Worker thread body: runs normalizeUnit jobs and hands the samples back without copying.
import { parentPort } from "node:worker_threads";
import { type NormalizeJob, normalizeUnit } from "./normalize.ts";

parentPort?.on("message", async (job: NormalizeJob) => {
  try {
    const result = await normalizeUnit(job);
    parentPort?.postMessage({ ok: true, result }, [result.pcm.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: (err as Error).message });
  }
});
