// `leaflet reading` and `leaflet readings <slug>`: show people the readings the audio edition will use.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { EngineUnavailableError, resolveEngine, type TtsEngine } from "../audio/engine.ts";
import { speakerNameMode } from "../audio/index.ts";
import { cachedAnalysis, syncReadings } from "../audio/readings.ts";
import { traceReading } from "../audio/trace.ts";
import { Pool } from "../lib/pool.ts";
import { isSpeakable, spokenPlain } from "../reading/speech.ts";
import { type CliContext, EXIT, readAllText } from "./context.ts";

async function openJTalk(ctx: CliContext, voice?: string): Promise<TtsEngine | number> {
  try {
    const engine = await resolveEngine({ engine: "openjtalk", voice });
    return engine;
  } catch (err) {
    if (!(err instanceof EngineUnavailableError)) throw err;
    ctx.stderr.write(`leaflet: ${err.message}\n`);
    return EXIT.missingTool;
  }
}

/** `leaflet reading [--text] [--no-lexicon]`: one kana reading per line of stdin, as the audio will speak it. */
export async function readingCommand(args: string[], ctx: CliContext): Promise<number> {
  let values: { text?: boolean; "no-lexicon"?: boolean; cache?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { text: { type: "boolean" }, "no-lexicon": { type: "boolean" }, cache: { type: "string" } },
      strict: true,
    }));
  } catch (err) {
    ctx.stderr.write(`leaflet reading: ${(err as Error).message}\nUsage: leaflet reading [--text] [--no-lexicon] < text.txt\n`);
    return EXIT.usage;
  }
  const lexicon = values["no-lexicon"] ? [] : await ctx.loadLexicon();
  // The voice the settings choose (the only one installed, perhaps); readings do not depend on it otherwise.
  const voice = values["no-lexicon"] ? undefined : (await ctx.loadSite())?.settings.audio.voice;
  const engine = await openJTalk(ctx, voice);
  if (typeof engine === "number") return engine;
  const cacheDir = values.cache ?? join(ctx.root, ".cache");
  const lines = (await readAllText(ctx.stdin)).replace(/\r?\n$/, "").split(/\r?\n/);
  const pool = new Pool();
  const results = await Promise.all(
    lines.map((line) =>
      pool.run(async () => {
        const text = await spokenPlain(line, lexicon);
        if (!isSpeakable(text)) return { text, reading: "" };
        return { text, reading: traceReading(await cachedAnalysis(engine, text, cacheDir)) };
      }),
    ),
  );
  for (const r of results) ctx.stdout.write(values.text ? `${r.text}\t${r.reading}\n` : `${r.reading}\n`);
  return EXIT.ok;
}

/** `leaflet readings <slug>... [--check] [--all]`: writes or checks content/readings/<slug>.tsv. */
export async function readingsCommand(args: string[], ctx: CliContext): Promise<number> {
  let values: { check?: boolean; all?: boolean; cache?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { check: { type: "boolean" }, all: { type: "boolean" }, cache: { type: "string" } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    ctx.stderr.write(`leaflet readings: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  if (!values.all && positionals.length === 0) {
    ctx.stderr.write("leaflet readings: name a leaflet (e.g. `leaflet readings card-safety`) or give --all\n");
    return EXIT.usage;
  }
  const site = await ctx.loadSite();
  if (!site) return EXIT.contentError;
  const chosen = values.all ? site.leaflets : positionals.map((slug) => site.leaflets.find((l) => l.slug === slug) ?? slug);
  const unknown = chosen.filter((l) => typeof l === "string");
  if (unknown.length) {
    ctx.stderr.write(
      `leaflet readings: no leaflet named ${unknown.join(", ")} (leaflets: ${site.leaflets.map((l) => l.slug).join(", ")})\n`,
    );
    return EXIT.usage;
  }
  const engine = await openJTalk(ctx, site.settings.audio.voice);
  if (typeof engine === "number") return engine;
  const cacheDir = values.cache ?? join(ctx.root, ".cache");
  let stale = 0;
  for (const leaflet of chosen) {
    if (typeof leaflet === "string") continue;
    const result = await syncReadings(ctx.root, leaflet, site, engine, cacheDir, values.check === true, speakerNameMode(site));
    if (result.changes.length === 0) ctx.stdout.write(`${result.file}: up to date\n`);
    else if (result.written)
      ctx.stdout.write(
        `${result.file}: written (${result.changes.length} change${result.changes.length === 1 ? "" : "s"}); review it before committing\n`,
      );
    else {
      stale++;
      for (const c of result.changes) ctx.stderr.write(`${c}\n`);
      ctx.stderr.write(
        `${result.file} is out of date: review the readings above, then run \`leaflet readings ${leaflet.slug}\` and commit the file\n`,
      );
    }
  }
  return stale ? EXIT.contentError : EXIT.ok;
}
