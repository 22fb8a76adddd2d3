// Worker thread body: runs normalizeUnit jobs; a clip that cannot be used is reported with its index.
import { parentPort } from "node:worker_threads";
import { ClipAudioError, type NormalizeJob, normalizeUnit } from "./normalize.ts";

parentPort?.on("message", async (job: NormalizeJob) => {
  try {
    parentPort?.postMessage({ ok: true, result: await normalizeUnit(job) });
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: (err as Error).message, clip: err instanceof ClipAudioError ? err.clip : undefined });
  }
});
