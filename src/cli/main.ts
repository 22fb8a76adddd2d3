// The `leaflet` command line: build, check, doctor, new, and the reading and braille tools.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { LEDGER_FILE, parseLedger, recordPrinted } from "../content/ledger.ts";
import { CONTENT_DIR, loadSite } from "../content/load.ts";
import { defaultSettings, parseLexicon } from "../content/settings.ts";
import { EDITIONS, type Edition, type Logger, MissingToolError, RenderError } from "../edition/contract.ts";
import { writeFileAtomic } from "../lib/atomic.ts";
import { countLine, type Diagnostic, Diagnostics, formatDiagnostic } from "../lib/diagnostics.ts";
import type { LexiconEntry } from "../model/types.ts";
import { listQuestions } from "../model/walk.ts";
import { type BuildOptions, type BuildResult, buildSite } from "../pipeline/build.ts";
import { loadProject } from "../pipeline/project.ts";
import { type CliContext, type CliIO, EXIT } from "./context.ts";
import { checkTools, printDoctor } from "./doctor.ts";
import { describeFailure } from "./failure.ts";
import { scaffoldLeaflet } from "./scaffold.ts";

const USAGE = `Usage: leaflet <command> [options]

Commands:
  build [--edition E,...] [--leaflet SLUG,...] [--out DIR] [--quiet]
                        Build every edition of every leaflet into dist/
                        (editions: ${EDITIONS.join(", ")})
  check                 Check content/ and report every problem; builds nothing
  doctor                Say which tools the build needs are installed, and how to install the rest
  new <slug>            Start a new leaflet at content/leaflets/<slug>.md
  serve [--dir DIR]     Preview the built site (dist/) at http://127.0.0.1:<port>/
  reading               Print the kana reading the audio will use, one line per line of stdin
  readings <slug> [--check]
                        Write (or check) content/readings/<slug>.tsv: each sentence beside its reading
  printed <slug>... [--date YYYY-MM-DD]
                        Record in content/codes.yaml what each printed code of these leaflets points at
  braille [text] [--kana]
                        Translate text (argument or stdin) to Unicode braille, one line per line

Options for every command: --debug prints the stack trace of an unexpected failure.

Exit codes: 0 ok, 1 content errors, 2 wrong command line, 3 missing tool, 4 an edition failed,
5 another build is running, 6 the disk or file system failed, 7 a bug in the toolchain.
Details: docs/cli.md`;

/** Runs the command line; returns the exit code. */
export async function main(
  argv: string[],
  io: CliIO = process,
  root = process.cwd(),
  renderers?: BuildOptions["renderers"],
): Promise<number> {
  const debug = argv.includes("--debug");
  const [command, ...rest] = argv.filter((a) => a !== "--debug");
  const ctx: CliContext = {
    ...io,
    root,
    debug,
    loadSite: () => loadAndReport(root, io),
    loadLexicon: () => loadLexiconAndReport(root, io),
  };
  // `leaflet build --help` is how most people ask: answer it rather than calling --help an unknown option.
  if (command !== undefined && optionsOf(rest).some((a) => a === "--help" || a === "-h")) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  try {
    switch (command) {
      case "build":
        return await buildCommand(rest, ctx, renderers);
      case "check":
        return await checkCommand(ctx);
      case "doctor":
        return await doctorCommand(ctx);
      case "new":
        return await newCommand(rest, ctx);
      case "serve":
        return await serveCommand(rest, ctx);
      case "reading":
        return await (await import("./reading.ts")).readingCommand(rest, ctx);
      case "readings":
        return await (await import("./reading.ts")).readingsCommand(rest, ctx);
      case "printed":
        return await printedCommand(rest, ctx);
      case "braille":
        return await (await import("./braille.ts")).brailleCommand(rest, ctx);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(`${USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        io.stderr.write(`leaflet: unknown command "${command}"\n\n${USAGE}\n`);
        return EXIT.usage;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`leaflet ${command}: ${error.message} (hint: \`leaflet help\` lists every command and its options)\n`);
      return EXIT.usage;
    }
    const failure = describeFailure(error, debug);
    io.stderr.write(`${failure.message}\n`);
    return failure.code;
  }
}

class UsageError extends Error {}

/** The arguments before a `--` (after it, everything is text: `leaflet braille -- -h`). */
function optionsOf(args: string[]): string[] {
  const end = args.indexOf("--");
  return end === -1 ? args : args.slice(0, end);
}

function parse<T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function printDiagnostics(diagnostics: Diagnostic[], io: CliIO): void {
  for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  if (diagnostics.length) io.stderr.write(`${countLine(diagnostics)}\n`);
}

async function loadAndReport(root: string, io: CliIO) {
  const { site, diagnostics } = await loadProject(root);
  printDiagnostics(diagnostics, io);
  return site;
}

async function loadLexiconAndReport(root: string, io: CliIO): Promise<LexiconEntry[]> {
  const file = `${CONTENT_DIR}/lexicon.yaml`;
  let text: string;
  try {
    text = await readFile(path.join(root, file), "utf8");
  } catch {
    return [];
  }
  const diags = new Diagnostics();
  const entries = parseLexicon(file, text, diags);
  printDiagnostics(diags.sorted(), io);
  return diags.errorCount > 0 ? [] : entries;
}

async function checkCommand(ctx: CliContext): Promise<number> {
  const site = await ctx.loadSite();
  if (!site) return EXIT.contentError;
  const questions = site.leaflets.reduce((n, l) => n + listQuestions(l).length, 0);
  ctx.stdout.write(`ok: ${site.leaflets.length} leaflets, ${questions} questions\n`);
  return EXIT.ok;
}

async function doctorCommand(ctx: CliContext): Promise<number> {
  const { site } = await loadSite(ctx.root);
  const toolsOk = printDoctor(
    checkTools(site?.settings ?? defaultSettings({ siteName: "", baseUrl: "https://example.invalid/", issuer: "" })),
    ctx.stdout,
  );
  const { describeEngineStatus } = await import("../audio/engine.ts");
  const engines = await describeEngineStatus();
  ctx.stdout.write(`\n${engines.text}\n`);
  return toolsOk && engines.ok ? EXIT.ok : EXIT.missingTool;
}

async function newCommand(args: string[], ctx: CliContext): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError("give the new leaflet's name, e.g. `leaflet new tax-guide`");
  const result = await scaffoldLeaflet(ctx.root, positionals[0]);
  if ("error" in result) {
    ctx.stderr.write(`leaflet new: ${result.error} (hint: ${result.hint})\n`);
    return EXIT.usage;
  }
  ctx.stdout.write(`created ${result.file}: edit it, then run \`npm run check\`\n`);
  return EXIT.ok;
}

async function serveCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parse(args, { dir: { type: "string" }, port: { type: "string" } });
  const dir = path.resolve(ctx.root, (values.dir as string | undefined) ?? "dist");
  if (!existsSync(path.join(dir, "index.html"))) {
    ctx.stderr.write(`leaflet serve: ${dir} holds no built site (hint: run \`npm run build\` first)\n`);
    return EXIT.usage;
  }
  const { serveDir } = await import("../site/serve.ts");
  const server = await serveDir(dir, values.port ? Number(values.port) : 0);
  ctx.stdout.write(`Serving ${dir} at ${server.url} (the voice codes and sitemap use the public base URL; press Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  await server.close();
  return EXIT.ok;
}

function listOption(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  return values
    .flatMap((v) => String(v).split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A logger that shows progress on a terminal and stays quiet in CI or with --quiet. */
export function terminalLogger(io: CliIO, quiet: boolean): Logger {
  const tty = Boolean((io.stderr as NodeJS.WriteStream).isTTY) && !process.env.CI && !quiet;
  return {
    progress(message) {
      if (tty) io.stderr.write(`\r\x1b[2K${message}`);
    },
    info(message) {
      if (!quiet) io.stderr.write(`${tty ? "\r\x1b[2K" : ""}${message}\n`);
    },
    warn(message) {
      io.stderr.write(`${tty ? "\r\x1b[2K" : ""}warning: ${message}\n`);
    },
  };
}

async function buildCommand(args: string[], ctx: CliContext, renderers?: BuildOptions["renderers"]): Promise<number> {
  const { values, positionals } = parse(args, {
    edition: { type: "string", short: "e", multiple: true },
    leaflet: { type: "string", short: "l", multiple: true },
    out: { type: "string", short: "o" },
    quiet: { type: "boolean", short: "q" },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const editions = listOption(values.edition);
  const bad = editions?.filter((e) => !(EDITIONS as readonly string[]).includes(e));
  if (bad?.length) throw new UsageError(`unknown edition "${bad[0]}" (the editions are ${EDITIONS.join(", ")})`);
  const log = terminalLogger(ctx, Boolean(values.quiet));
  const started = performance.now();
  const result = await buildSite({
    root: ctx.root,
    outDir: values.out as string | undefined,
    editions: editions as Edition[] | undefined,
    leaflets: listOption(values.leaflet),
    log,
    renderers,
  });
  return reportBuild(result, ctx, log, (performance.now() - started) / 1000, ctx.debug === true);
}

function reportBuild(result: BuildResult, io: CliIO, log: Logger, seconds: number, debug: boolean): number {
  printDiagnostics(result.diagnostics, io);
  if (result.ok) {
    const perEdition = Object.entries(result.seconds)
      .map(([e, s]) => `${e} ${s.toFixed(1)} s`)
      .join(", ");
    log.progress("");
    io.stderr.write(`built ${result.site.leaflets.length} leaflets into ${result.outDir} in ${seconds.toFixed(1)} s (${perEdition})\n`);
    return EXIT.ok;
  }
  if (result.reason === "content") return EXIT.contentError;
  if (result.reason === "usage") {
    io.stderr.write(`leaflet build: ${result.message}\n`);
    return EXIT.usage;
  }
  if (result.reason === "output") {
    const r = result.refusal;
    io.stderr.write(`leaflet build: ${r.message} (hint: ${r.hint})\nNothing was built or removed.\n`);
    return r.kind === "busy" ? EXIT.busy : r.kind === "system" ? EXIT.systemError : EXIT.usage;
  }
  if (result.reason === "leak") {
    io.stderr.write("The previous dist/ was left as it was.\n");
    return EXIT.buildFailed;
  }
  if (result.reason === "tools") {
    for (const t of result.missing)
      io.stderr.write(
        `error: ${t.edition} needs ${t.name} (${t.target}), which is not installed (hint: Debian/Ubuntu: sudo ${t.debian}; macOS: ${t.macos})\n`,
      );
    io.stderr.write("Run `npm run doctor` to see every tool. Nothing was built; the previous dist/ was left as it was.\n");
    return EXIT.missingTool;
  }
  const error = result.error;
  if (error instanceof MissingToolError) {
    io.stderr.write("Run `npm run doctor` to see which tools are missing.\n");
    return EXIT.missingTool;
  }
  if (error !== undefined && !(error instanceof RenderError)) {
    const failure = describeFailure(error, debug);
    if (failure.code === EXIT.systemError) {
      io.stderr.write(`${failure.message}\nThe previous dist/ was left as it was.\n`);
      return EXIT.systemError;
    }
    const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : "";
    io.stderr.write(
      `error: the ${result.edition} edition failed: ${error instanceof Error ? error.message : String(error)} (hint: run \`npm run check\`; if it passes, this is a bug: run the build again with --debug and report what it prints)${stack}\n`,
    );
  }
  io.stderr.write("The previous dist/ was left as it was.\n");
  return EXIT.buildFailed;
}

async function printedCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(args, { date: { type: "string" } });
  if (positionals.length === 0) throw new UsageError("name the leaflets you printed, e.g. `leaflet printed card-safety`");
  const date = (values.date as string | undefined) ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date ${date}: write the date as YYYY-MM-DD`);
  const site = await ctx.loadSite();
  if (!site) return EXIT.contentError;
  const unknown = positionals.filter((slug) => !site.leaflets.some((l) => l.slug === slug));
  if (unknown.length)
    throw new UsageError(`no leaflet with slug ${unknown.join(", ")} (the slugs are: ${site.leaflets.map((l) => l.slug).join(", ")})`);
  const file = path.join(ctx.root, LEDGER_FILE);
  let text = existsSync(file) ? await readFile(file, "utf8") : "";
  for (const slug of positionals) {
    const leaflet = site.leaflets.find((l) => l.slug === slug)!;
    const diags = new Diagnostics();
    const result = recordPrinted(text, parseLedger(text, diags), leaflet, date);
    text = result.text;
    ctx.stdout.write(`${LEDGER_FILE}: ${slug}: ${result.added} address${result.added === 1 ? "" : "es"} recorded\n`);
    for (const d of result.differing)
      ctx.stderr.write(`warning: ${d} is in ${LEDGER_FILE} with another title; it was left as it is: see \`npm run check\`\n`);
  }
  await writeFileAtomic(file, text);
  return EXIT.ok;
}
