// EPUBCheck (Debian's epubcheck package, Java) on an EPUB, read back from its JSON report.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CheckerUnavailableError, type CheckMessage, type CheckReport } from "./report.ts";

/** Where Debian installs EPUBCheck; EPUBCHECK_JAR overrides it. */
export const EPUBCHECK_JAR = "/usr/share/java/epubcheck.jar";

interface EpubcheckJson {
  messages?: { ID: string; severity: string; message: string; locations?: { path?: string; line?: number; column?: number }[] }[];
}

/** Runs EPUBCheck; ok when it reports no fatal error, no error and no warning. */
export async function runEpubcheck(epub: string, opts: { jar?: string; timeoutMs?: number } = {}): Promise<CheckReport> {
  const jar = opts.jar ?? process.env.EPUBCHECK_JAR ?? EPUBCHECK_JAR;
  if (!existsSync(jar))
    throw new CheckerUnavailableError(
      `EPUBCheck is not installed (${jar} is missing) (hint: run scripts/setup-system.sh, which installs the Debian package epubcheck)`,
    );
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), "epubcheck-"));
  const out = join(dir, "report.json");
  try {
    const code = await new Promise<number>((resolve, reject) => {
      // The quick JIT only: a check is a short run, where the optimising compiler costs more time than it saves.
      const args = ["-XX:TieredStopAtLevel=1", "-jar", jar, epub, "--json", out];
      execFile("java", args, { timeout: opts.timeoutMs ?? 180_000, maxBuffer: 16 << 20 }, (e, _o, stderr) => {
        if (e && (e as NodeJS.ErrnoException).code === "ENOENT")
          reject(new CheckerUnavailableError("java is not installed (hint: run scripts/setup-system.sh)"));
        else if (e?.killed) reject(new Error(`EPUBCheck did not finish on ${epub}`));
        else if (e && !existsSync(out))
          reject(new Error(`EPUBCheck failed on ${epub}: ${stderr.trim().split("\n").slice(-3).join(" / ")}`));
        else resolve(typeof e?.code === "number" ? e.code : 0);
      });
    });
    const report = JSON.parse(await readFile(out, "utf8")) as EpubcheckJson;
    const messages: CheckMessage[] = (report.messages ?? []).flatMap((m) => {
      const severity = m.severity === "FATAL" || m.severity === "ERROR" ? "error" : m.severity === "WARNING" ? "warning" : "info";
      const locs = m.locations?.length ? m.locations : [{}];
      return locs.map(
        (l) =>
          ({
            severity,
            code: m.ID,
            file: l.path,
            line: l.line && l.line > 0 ? l.line : undefined,
            column: l.column && l.column > 0 ? l.column : undefined,
            message: m.message,
          }) as CheckMessage,
      );
    });
    return {
      checker: "epubcheck",
      target: epub,
      ok: code === 0 && !messages.some((m) => m.severity !== "info"),
      messages,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
