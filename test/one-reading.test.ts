// Done-when of issue 10: speech and braille read every kanji word of the sample the same way. For each sentence of
// every sample leaflet, each kanji word's braille kana (what `leaflet braille --kana` writes) must be heard in Open
// JTalk's own reading of the speech text (what `leaflet reading` prints), after the differences the two editions
// make on purpose are folded away: long vowels (braille エイ, speech エー), particles (ヲ/オ), ヂ/ヅ; digits are
// not compared (braille writes them, speech reads them).
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveEngine, type TtsEngine } from "../src/audio/engine.ts";
import { cachedAnalysis } from "../src/audio/readings.ts";
import { parseTrace } from "../src/audio/trace.ts";
import { analyzeKana } from "../src/braille/kana.ts";
import { loadSite } from "../src/content/load.ts";
import { leafletRuns, sentencesOf } from "../src/model/sentences.ts";
import type { Inline, LexiconEntry } from "../src/model/types.ts";
import { spokenText } from "../src/reading/spoken.ts";

const root = resolve(import.meta.dirname, "..");

/** One spelling, within one word, for what the editions write differently on purpose. */
function canonical(kana: string): string {
  return kana
    .replace(/[\s、。・？！「」（）()’']/g, "")
    .replace(/ヲ/g, "オ")
    .replace(/ヂ/g, "ジ")
    .replace(/ヅ/g, "ズ")
    .replace(/([オコソトノホモヨロゴゾドボポョォ])[ウオ]/g, "$1ー")
    .replace(/([ウクスツヌフムユルグズブプュゥ])ウ/g, "$1ー")
    .replace(/([エケセテネヘメレゲゼデベペェ])[イエ]/g, "$1ー")
    .replace(/([アカサタナハマヤラワガザダバパャ])ア/g, "$1ー")
    .replace(/([イキシチニヒミリギジビピィ])イ/g, "$1ー");
}

/** The engine's pronunciation of the stretch of text a braille word covers (whole engine words around it). */
function heardAs(trace: { surface: string; pronunciation: string }[], surface: string, from: { at: number }): string | undefined {
  const text = trace.map((w) => w.surface).join("");
  const at = text.indexOf(surface, from.at);
  if (at < 0) return undefined;
  from.at = at + surface.length;
  let pos = 0;
  let out = "";
  for (const w of trace) {
    const end = pos + w.surface.length;
    if (end > at && pos < at + surface.length) out += w.pronunciation;
    pos = end;
  }
  return out;
}

/** Braille writes these words in another way than they are spoken, on purpose (weekday marks, 等 as トー). */
const DELIBERATE = new Set(["月", "火", "水", "木", "金", "土", "日", "祝"]);

/** Kanji words of one sentence that braille and the engine read differently. */
async function mismatchesOf(
  sentence: Inline[],
  lexicons: { braille: LexiconEntry[]; speech: LexiconEntry[] },
  engine: TtsEngine,
): Promise<{ words: number; mismatches: string[] }> {
  const braille = await analyzeKana(sentence, { lexicon: lexicons.braille });
  const spoken = await spokenText(sentence, lexicons.speech);
  if (!/[\p{L}\p{N}]/u.test(spoken)) return { words: 0, mismatches: [] };
  const trace = parseTrace(await cachedAnalysis(engine, spoken, join(root, ".cache")));
  const cursor = { at: 0 };
  const mismatches: string[] = [];
  let words = 0;
  for (const [k, u] of braille.units.entries()) {
    // Counters after digits go with the number: digits are not compared.
    if (braille.units[k - 1]?.kind === "number") continue;
    if (u.kind !== "word" || !u.word || !/[\u3400-\u9fff]/.test(u.surface) || /[0-9]/.test(u.kana) || DELIBERATE.has(u.surface)) continue;
    // Words speech writes in kana (a fixed reading) are not in the trace under their kanji: nothing to compare.
    const heard = heardAs(trace, u.surface, cursor);
    if (heard === undefined) continue;
    words++;
    if (!canonical(heard).includes(canonical(u.kana))) mismatches.push(`${u.surface}: braille ${u.kana}, speech ${heard} (${spoken})`);
  }
  return { words, mismatches };
}

describe("one reading for speech and braille", async () => {
  const { site } = await loadSite(root);
  const engine = await resolveEngine({ engine: "openjtalk" });
  it("the comparison catches a word braille reads otherwise", async () => {
    const wrong: LexiconEntry[] = [{ word: "失くし", reading: "シツクシ", pos: { file: "x", line: 1, column: 1 } }];
    const sentence: Inline[] = [{ type: "text", value: "鍵を失くしたり壊したりした場合" }];
    expect((await mismatchesOf(sentence, { braille: wrong, speech: [] }, engine)).mismatches).toEqual([
      "失くし: braille シツクシ, speech ナクシ (鍵を失くしたり壊したりした場合)",
    ]);
    expect((await mismatchesOf(sentence, { braille: [], speech: [] }, engine)).mismatches).toEqual([]);
  });
  for (const leaflet of site?.leaflets ?? []) {
    it(`every kanji word of ${leaflet.slug} is read alike by leaflet reading and leaflet braille --kana`, {
      timeout: 600_000,
    }, async () => {
      const mismatches: string[] = [];
      let words = 0;
      for (const run of leafletRuns(leaflet)) {
        for (const sentence of sentencesOf(run.inlines)) {
          const r = await mismatchesOf(sentence, { braille: site!.lexicon, speech: site!.lexicon }, engine);
          words += r.words;
          mismatches.push(...r.mismatches);
        }
      }
      expect(words).toBeGreaterThan(50);
      expect(mismatches).toEqual([]);
    });
  }
});
