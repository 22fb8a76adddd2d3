// The one way the project runs external programs: with a time limit, output captured, input piped, and a failure
// that says which program, how it ended and the last lines it printed.
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { delimiter, join } from "node:path";

export interface RunOptions {
  /** The process (and its process group) is killed after this long. */
  timeoutMs: number;
  /** Bytes or text written to standard input, which is then closed. */
  input?: Uint8Array | string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Most characters kept of each output stream (the rest is dropped from the start). Default 1 MiB. */
  maxOutput?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** How a program failed: it could not start, exited non-zero, was killed by a signal, or ran out of time. */
export class ProcessError extends Error {
  readonly kind: "start" | "exit" | "signal" | "timeout";
  readonly binary: string;
  readonly code: number | null;
  /** The last lines the program wrote (stderr, else stdout). */
  readonly tail: string;
  constructor(kind: ProcessError["kind"], binary: string, message: string, code: number | null, tail: string) {
    super(message);
    this.name = "ProcessError";
    this.kind = kind;
    this.binary = binary;
    this.code = code;
    this.tail = tail;
  }
}

/** Runs `binary args…`; resolves with its output when it exits 0, rejects with a ProcessError otherwise. */
export function runProcess(binary: string, args: string[], opts: RunOptions): Promise<RunResult> {
  const max = opts.maxOutput ?? 1 << 20;
  return new Promise((resolve, reject) => {
    // Own process group, so a hung program's children (a wrapper script's, say) are killed with it.
    const child = spawn(binary, args, {
      env: opts.env ?? process.env,
      cwd: opts.cwd,
      stdio: [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const keep = (buf: string, d: Buffer) => {
      const next = buf + d.toString("utf8");
      return next.length > max ? next.slice(next.length - max) : next;
    };
    child.stdout?.on("data", (d: Buffer) => {
      stdout = keep(stdout, d);
    });
    child.stderr?.on("data", (d: Buffer) => {
      stderr = keep(stderr, d);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, opts.timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new ProcessError("start", binary, `could not start ${binary}: ${err.message}`, null, ""));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const tail = (stderr.trim() || stdout.trim()).split("\n").slice(-3).join(" / ");
      const said = tail ? `: ${tail}` : "";
      if (timedOut)
        reject(
          new ProcessError(
            "timeout",
            binary,
            `${binary} did not finish within ${(opts.timeoutMs / 1000).toFixed(1)} s and was stopped`,
            null,
            tail,
          ),
        );
      else if (signal) reject(new ProcessError("signal", binary, `${binary} crashed (${signal})${said}`, null, tail));
      else if (code !== 0) reject(new ProcessError("exit", binary, `${binary} exited with code ${code}${said}`, code, tail));
      else resolve({ stdout, stderr });
    });
    if (opts.input !== undefined && child.stdin) {
      child.stdin.on("error", () => {
        /* the close handler reports the failure */
      });
      child.stdin.end(opts.input);
    }
  });
}

/** Finds an executable on PATH (or checks an absolute path); undefined when there is none. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (name.includes("/")) return isExecutableFile(name) ? name : undefined;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const full = join(dir, name);
    if (isExecutableFile(full)) return full;
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isFile() && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}
