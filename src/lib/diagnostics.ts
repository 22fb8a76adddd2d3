// The one message channel: every problem a run finds, from the content or from an edition, is a Diagnostic
// printed as `file:line:col severity: [edition (unit): ]message (hint: …)`.

export type Severity = "error" | "warning";

/** A place in a file, 1-based (the model's SourcePos has the same shape). */
export interface Position {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  /** Path relative to the project root. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  hint?: string;
  /** Which edition found it (`print`, `braille`…); undefined for the content itself. */
  origin?: string;
  /** The section or question it is about, when an edition knows. */
  unit?: string;
}

/** Formats a diagnostic the way compilers do, so editors and people can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` (hint: ${d.hint})` : "";
  const origin = d.origin ? `${d.origin}${d.unit ? ` (${d.unit})` : ""}: ` : "";
  return `${d.file}:${d.line}:${d.column} ${d.severity}: ${origin}${d.message}${hint}`;
}

/** Diagnostics in file, line, column order (stable for equal positions). */
export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  return [...items].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** How many errors and warnings, as the last line of a run says it. */
export function countLine(items: readonly Diagnostic[]): string {
  const errors = items.filter((d) => d.severity === "error").length;
  const warnings = items.length - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

/** Collects every problem of a run, so the author sees them all at once. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  error(file: string, line: number, column: number, message: string, hint?: string): void {
    this.items.push({ file, line, column, severity: "error", message, hint });
  }

  warn(file: string, line: number, column: number, message: string, hint?: string): void {
    this.items.push({ file, line, column, severity: "warning", message, hint });
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === "error").length;
  }

  /** Diagnostics in file, line, column order. */
  sorted(): Diagnostic[] {
    return sortDiagnostics(this.items);
  }
}

/** Edit distance, for "did you mean" hints on misspelt field names. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
