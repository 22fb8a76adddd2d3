// What every checker of the talking books reports, in one shape the build, CI and tests can read.

export type CheckSeverity = "error" | "warning" | "info";

export interface CheckMessage {
  severity: CheckSeverity;
  /** The checker's own code for the rule (EPUBCheck's RSC-005, Ace's rule name, our d202-…). */
  code: string;
  /** File inside the book, when known. */
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

export interface CheckReport {
  checker: "epubcheck" | "ace" | "daisy202";
  /** The book checked. */
  target: string;
  /** True when the book passes this checker's bar (see each checker). */
  ok: boolean;
  messages: CheckMessage[];
  /** Wall-clock time the check took. */
  seconds: number;
  /** Counts the checker reports itself (Ace: violations by impact). */
  counts?: Record<string, number>;
}

/** A report as lines a person reads in a terminal: one summary line, then `file:line:col severity: message [code]`. */
export function formatReport(r: CheckReport): string {
  const errors = r.messages.filter((m) => m.severity === "error").length;
  const warnings = r.messages.filter((m) => m.severity === "warning").length;
  const counts = r.counts
    ? ` (${Object.entries(r.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")})`
    : "";
  const head = `${r.checker}: ${r.ok ? "ok" : "FAILED"} ${r.target}: ${errors} errors, ${warnings} warnings${counts}, ${r.seconds.toFixed(1)} s`;
  const lines = r.messages
    .filter((m) => m.severity !== "info")
    .map((m) => {
      const where = m.file ? `${m.file}${m.line ? `:${m.line}${m.column ? `:${m.column}` : ""}` : ""} ` : "";
      return `  ${where}${m.severity}: ${m.message} [${m.code}]`;
    });
  return [head, ...lines].join("\n");
}

/** Thrown when a checker's tool is not installed; says how to install it. */
export class CheckerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckerUnavailableError";
  }
}
