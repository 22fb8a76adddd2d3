// Times in talking books: whole milliseconds inside, SMIL clock values outside.
// Working in integer milliseconds is what makes the durations of a book add up exactly.

/** Seconds to whole milliseconds. */
export function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

/** A SMIL full clock value `hh:mm:ss.fff` (media:duration, ncc:totalTime, ncc:timeInThisSmil). */
export function clock(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const f = ms % 1000;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(f, 3)}`;
}

/** A SMIL timecount in seconds with millisecond precision, `12.345s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * Parses a SMIL 1.0/3.0 clock value into milliseconds: `npt=12.3s`, `12.3s`, `500ms`, `2min`, `1h`, `12.3`,
 * `01:02.5` (partial clock), `1:02:03.5` (full clock). Returns undefined for anything else.
 */
export function parseClock(value: string): number | undefined {
  const v = value.trim().replace(/^npt=/, "");
  let m = /^(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/.exec(v);
  if (m) return Math.round((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000);
  m = /^([0-5]?\d):([0-5]\d(?:\.\d+)?)$/.exec(v);
  if (m) return Math.round((Number(m[1]) * 60 + Number(m[2])) * 1000);
  m = /^(\d+(?:\.\d+)?)(h|min|s|ms)?$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  const factor = unit === "h" ? 3_600_000 : unit === "min" ? 60_000 : unit === "s" ? 1000 : 1;
  return Math.round(n * factor);
}
