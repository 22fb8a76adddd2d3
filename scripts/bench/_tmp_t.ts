import { analyzeKana } from "../../src/braille/kana.ts";
import { kanaToBrailleReport } from "../../src/braille/cells.ts";
for (const s of process.argv.slice(2)) {
  const r = await analyzeKana(s);
  console.log(s, "→", JSON.stringify(r.kana), r.unknown.join(""), kanaToBrailleReport(r.kana).braille);
}
