// What a CLI subcommand gets: where the project is, and its standard streams.
import type { LexiconEntry, SiteModel } from "../model/types.ts";

export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface CliContext extends CliIO {
  /** Project root (the folder holding content/). */
  root: string;
  /** --debug was given: print stack traces of unexpected failures. */
  debug?: boolean;
  /** Parses and validates content/; prints diagnostics and returns null when there are errors. */
  loadSite(): Promise<SiteModel | null>;
  /**
   * content/lexicon.yaml alone (empty when there is none; its problems are printed), so text tools read words the
   * way the build does even while some leaflet has errors.
   */
  loadLexicon(): Promise<LexiconEntry[]>;
}

/** All of a stream (standard input) as UTF-8 text. */
export async function readAllText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

/** Exit codes of the `leaflet` command; documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  /** The content has errors (file:line:col messages were printed). */
  contentError: 1,
  /** The command line was wrong. */
  usage: 2,
  /** A tool the build needs is missing from this machine (`leaflet doctor` says how to install it). */
  missingTool: 3,
  /** An edition failed to render; the previous dist/ was left untouched. */
  buildFailed: 4,
  /** Another build is writing the same output folder. */
  busy: 5,
  /** The machine failed (disk full, no permission, read-only disk): one line says which file and what to do. */
  systemError: 6,
  /** A bug in the toolchain; run again with --debug for the stack trace. */
  internalError: 7,
} as const;
