// What a CLI subcommand gets: where the project is, and its standard streams.
import type { SiteModel } from "../model/types.ts";

export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface CliContext extends CliIO {
  /** Project root (the folder holding content/). */
  root: string;
  /** Parses and validates content/; prints diagnostics and returns null when there are errors. */
  loadSite(): Promise<SiteModel | null>;
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
} as const;
