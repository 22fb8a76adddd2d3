// DAISY Ace (npm @daisy/ace-cli, a dev dependency) on an EPUB, run on Debian's Chromium, read back from report.json.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CheckerUnavailableError, type CheckMessage, type CheckReport } from "./report.ts";

export const CHROMIUM = "/usr/bin/chromium";

interface AceAssertion {
  "earl:testSubject"?: { url?: string };
  "earl:test"?: { "earl:impact"?: string; "dct:title"?: string; "dct:description"?: string };
  "earl:result"?: { "earl:outcome"?: string; "dct:description"?: string; "earl:pointer"?: { css?: string[] } };
  assertions?: AceAssertion[];
}

/** Impacts Ace gives a violation; critical and serious ones fail a book. */
export const ACE_IMPACTS = ["critical", "serious", "moderate", "minor"] as const;

/** The installed Ace's version (`none` when it is not installed): a newer Ace may judge a book differently. */
export function aceVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require("@daisy/ace-cli/package.json") as { version: string }).version;
  } catch {
    return "none";
  }
}

/** Runs Ace; ok when it finds no critical and no serious violation. */
export async function runAce(epub: string, opts: { chromium?: string; timeoutMs?: number } = {}): Promise<CheckReport> {
  let cli: string;
  try {
    cli = join(createRequire(import.meta.url).resolve("@daisy/ace-cli/package.json"), "..", "bin", "ace.js");
  } catch {
    throw new CheckerUnavailableError(
      "DAISY Ace is not installed (hint: PUPPETEER_SKIP_DOWNLOAD=1 npm install, which installs the dev dependency @daisy/ace-cli)",
    );
  }
  const chromium = opts.chromium ?? process.env.PUPPETEER_EXECUTABLE_PATH ?? CHROMIUM;
  if (!existsSync(chromium))
    throw new CheckerUnavailableError(`Chromium is not installed at ${chromium} (hint: run scripts/setup-system.sh)`);
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), "ace-"));
  try {
    await new Promise<void>((resolve, reject) => {
      const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: chromium, PUPPETEER_SKIP_DOWNLOAD: "1" };
      execFile(
        process.execPath,
        [cli, "--silent", "--force", "--outdir", dir, epub],
        { env, timeout: opts.timeoutMs ?? 300_000 },
        (e, _o, stderr) => {
          if (e && !existsSync(join(dir, "report.json")))
            reject(new Error(`DAISY Ace failed on ${epub}: ${(stderr || e.message).trim().split("\n").slice(-3).join(" / ")}`));
          else resolve();
        },
      );
    });
    const report = JSON.parse(await readFile(join(dir, "report.json"), "utf8")) as { assertions?: AceAssertion[] };
    const counts: Record<string, number> = Object.fromEntries(ACE_IMPACTS.map((i) => [i, 0]));
    const messages: CheckMessage[] = [];
    for (const subject of report.assertions ?? []) {
      for (const a of subject.assertions ?? [subject]) {
        if (a["earl:result"]?.["earl:outcome"] !== "fail") continue;
        const impact = a["earl:test"]?.["earl:impact"] ?? "serious";
        counts[impact] = (counts[impact] ?? 0) + 1;
        const where = a["earl:result"]?.["earl:pointer"]?.css?.join(", ");
        messages.push({
          severity: impact === "critical" || impact === "serious" ? "error" : "warning",
          code: a["earl:test"]?.["dct:title"] ?? "ace",
          file: subject["earl:testSubject"]?.url,
          message: `${impact}: ${a["earl:result"]?.["dct:description"] ?? a["earl:test"]?.["dct:description"] ?? ""}${where ? ` (at ${where})` : ""}`,
        });
      }
    }
    return {
      checker: "ace",
      target: epub,
      ok: counts.critical === 0 && counts.serious === 0,
      messages,
      seconds: (Date.now() - started) / 1000,
      counts,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
