// `leaflet braille [text] [--kana]`: translate text given as an argument or on stdin, line by line.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { type CliContext, EXIT } from "../cli/context.ts";
import { Diagnostics, formatDiagnostic } from "../content/diagnostics.ts";
import { parseLexicon } from "../content/settings.ts";
import type { LexiconEntry } from "../model/types.ts";
import { translate } from "./translate.ts";

const USAGE = "usage: leaflet braille [text] [--kana]   (without text, reads lines from stdin)";

/** The `leaflet braille` subcommand: one line in, one line of Unicode braille (or spaced kana with --kana) out. */
export async function brailleCommand(args: string[], ctx: CliContext): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (err) {
    ctx.stderr.write(`leaflet braille: ${(err as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    ctx.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const lexicon = await projectLexicon(ctx);
  const text = parsed.positionals.length > 0 ? parsed.positionals.join(" ") : await readAll(ctx.stdin);
  let problems = 0;
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  for (const [n, line] of lines.entries()) {
    const t = await translate(line, { lexicon });
    if (t.problems.length > 0) {
      problems++;
      ctx.stderr.write(
        `line ${n + 1}: left out ${t.problems.join(" ")} (no braille reading; add it to content/lexicon.yaml or write it in kana)\n`,
      );
    }
    ctx.stdout.write(`${parsed.values.kana ? t.kana : t.braille}\n`);
  }
  return problems > 0 ? EXIT.contentError : EXIT.ok;
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    options: { kana: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: true,
  });
}

/** The project's lexicon, so the command reads words the way the build does; none outside a project. */
async function projectLexicon(ctx: CliContext): Promise<LexiconEntry[]> {
  const file = path.join("content", "lexicon.yaml");
  let text: string;
  try {
    text = await readFile(path.join(ctx.root, file), "utf8");
  } catch {
    return [];
  }
  const diags = new Diagnostics();
  const entries = parseLexicon(file, text, diags);
  for (const d of diags.sorted()) ctx.stderr.write(`${formatDiagnostic(d)}\n`);
  return diags.errorCount > 0 ? [] : entries;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
