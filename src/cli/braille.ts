// `leaflet braille [text] [--kana]`: translate text given as an argument or on stdin, line by line.
import { parseArgs } from "node:util";
import { translate } from "../braille/translate.ts";
import { type CliContext, EXIT, readAllText } from "./context.ts";

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
  const lexicon = await ctx.loadLexicon();
  const text = parsed.positionals.length > 0 ? parsed.positionals.join(" ") : await readAllText(ctx.stdin);
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
