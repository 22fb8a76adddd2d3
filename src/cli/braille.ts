// `leaflet braille [text] [--kana | --from-kana]`: translate text given as an argument or on stdin, line by line;
// each stage can be run alone (text → spaced kana, spaced kana → cells).
import { parseArgs } from "node:util";
import { translate } from "../braille/translate.ts";
import { kanaToBrailleReport } from "../braille/writer.ts";
import { type CliContext, EXIT, readAllText } from "./context.ts";

const USAGE =
  "usage: leaflet braille [text] [--kana | --from-kana]   (without text, reads lines from stdin)\n" +
  "  --kana       stage 1 only: text → spaced kana (分かち書き)\n" +
  "  --from-kana  stage 2 only: spaced kana → braille cells";

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
  if (parsed.values.kana && parsed.values["from-kana"]) {
    ctx.stderr.write(`leaflet braille: --kana and --from-kana are the two stages; give one of them\n${USAGE}\n`);
    return EXIT.usage;
  }
  const text = parsed.positionals.length > 0 ? parsed.positionals.join(" ") : await readAllText(ctx.stdin);
  let problems = 0;
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  if (parsed.values["from-kana"]) {
    for (const [n, line] of lines.entries()) {
      const r = kanaToBrailleReport(line);
      if (r.untranslated.length > 0) {
        problems++;
        const where = r.untranslated.map((c, k) => `「${c}」 at column ${r.at[k] + 1}`).join(", ");
        ctx.stderr.write(`line ${n + 1}: left out ${where} (not kana, digits or Latin letters: stage 2 has no braille for it)\n`);
      }
      ctx.stdout.write(`${r.braille}\n`);
    }
    return problems > 0 ? EXIT.contentError : EXIT.ok;
  }
  const lexicon = await ctx.loadLexicon();
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
    options: { kana: { type: "boolean" }, "from-kana": { type: "boolean" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: true,
  });
}
