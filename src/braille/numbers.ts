// Numbers in braille (点訳のてびき 第4版 第2章その2): kanji numerals as digits, 万 and 億 in kana with a blank after
// their group, 概数 and lists with a numeral sign each, counters as said after the number, native day counts in kana.

const KANJI_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, [number, string]> = { 万: [1e4, "マン"], 億: [1e8, "オク"], 兆: [1e12, "チョー"] };

/** True for a word that is a numeral written in kanji (一, 十, 百, 二十…). */
export function isKanjiNumeral(s: string): boolean {
  return s.length > 0 && [...s].every((c) => c in KANJI_DIGIT || c in SMALL_UNIT || c in BIG_UNIT);
}

/** The value of a kanji numeral below 10000 (二十五 → 25, 三千 → 3000, 二〇二四 → 2024), or undefined. */
function smallValue(s: string): number | undefined {
  if (s === "") return undefined;
  // Written digit by digit (二〇二四): a place value system with no 十百千.
  if ([...s].every((c) => c in KANJI_DIGIT)) return Number([...s].map((c) => KANJI_DIGIT[c]).join(""));
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in KANJI_DIGIT) {
      if (digit !== undefined) return undefined;
      digit = KANJI_DIGIT[c];
    } else if (c in SMALL_UNIT) {
      total += (digit ?? 1) * SMALL_UNIT[c];
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

/** A number for braille: digits, with 万/億/兆 in kana and a blank after each such group (1マン 2000). */
export function numberKana(digits: string): string {
  const n = digits.replace(/^0+(?=\d)/, "");
  if (n.length <= 4 || /^0/.test(digits)) return digits;
  const groups: string[] = [];
  let rest = n;
  const names = ["", "マン", "オク", "チョー"];
  let k = 0;
  while (rest.length > 0) {
    const part = rest.slice(-4);
    rest = rest.slice(0, -4);
    const value = Number(part);
    if (value > 0) groups.unshift(`${value}${names[k]}`);
    k++;
  }
  return groups.join(" ");
}

/** Kanji numeral → braille digits (一万二千 → 1マン 2000, 二十五 → 25), or undefined when it is not a number. */
export function kanjiNumberKana(s: string): string | undefined {
  let rest = s;
  const parts: string[] = [];
  for (const [unit, [, kana]] of Object.entries(BIG_UNIT).reverse()) {
    const at = rest.indexOf(unit);
    if (at < 0) continue;
    const head = rest.slice(0, at);
    const v = head === "" ? 1 : smallValue(head);
    if (v === undefined) return undefined;
    parts.push(`${v}${kana}`);
    rest = rest.slice(at + 1);
  }
  if (rest !== "") {
    const v = smallValue(rest);
    if (v === undefined) return undefined;
    parts.push(String(v));
  }
  return parts.join(" ");
}

/** Days counted with native words, written in kana (2日 フツカ … 10日 トオカ, 20日 ハツカ); 14 and 24 take カ. */
const NATIVE_DAYS: Record<number, string> = {
  2: "フツカ",
  3: "ミッカ",
  4: "ヨッカ",
  5: "イツカ",
  6: "ムイカ",
  7: "ナノカ",
  8: "ヨーカ",
  9: "ココノカ",
  10: "トオカ",
  20: "ハツカ",
};

/** Things counted with native words: 1つ ヒトツ … 9つ ココノツ. */
const NATIVE_THINGS = ["", "ヒトツ", "フタツ", "ミッツ", "ヨッツ", "イツツ", "ムッツ", "ナナツ", "ヤッツ", "ココノツ"];

/** How a number and its counter are written, when the counter changes the number (ツイタチ, ヒトリ, 14カ). */
export interface CountedNumber {
  /** Replaces the number (kana, or digits). */
  number: string;
  /** Replaces the counter ("" when the number word holds it). */
  counter: string;
}

/** Days: `date` is true when the context says it is a day of the month (10月1日, 1日から). */
export function dayCount(value: number, date: boolean): CountedNumber {
  if (value === 1) return date ? { number: "ツイタチ", counter: "" } : { number: "1", counter: "ニチ" };
  if (NATIVE_DAYS[value]) return { number: NATIVE_DAYS[value], counter: "" };
  if (value === 14 || value === 24) return { number: String(value), counter: "カ" };
  return { number: String(value), counter: "ニチ" };
}

/** A counter read after a number as people say it (3本 サンボン, 6分 ロップン), or undefined for no change. */
export function counterAfter(number: string, counter: string, reading: string): CountedNumber | undefined {
  const value = Number(number);
  if (!/^[0-9]+$/.test(number)) return undefined;
  const last = Number(number.at(-1));
  const tens = value % 100 === 10 || (value >= 10 && last === 0);
  if (counter === "人" && (value === 1 || value === 2)) return { number: value === 1 ? "ヒトリ" : "フタリ", counter: "" };
  if (counter === "つ" && value >= 1 && value <= 9) return { number: NATIVE_THINGS[value], counter: "" };
  if (counter === "時" && reading !== "ジ") return { number, counter: "ジ" };
  if (counter === "分") return { number, counter: [1, 3, 4, 6, 8].includes(last) || tens ? "プン" : "フン" };
  const hRow: Record<string, [string, string, string]> = {
    本: ["ホン", "ボン", "ポン"],
    杯: ["ハイ", "バイ", "パイ"],
    匹: ["ヒキ", "ビキ", "ピキ"],
    泊: ["ハク", "パク", "パク"],
    発: ["ハツ", "パツ", "パツ"],
  };
  const forms = hRow[counter];
  if (forms) return { number, counter: [1, 6, 8].includes(last) || tens ? forms[2] : last === 3 ? forms[1] : forms[0] };
  if (counter === "月" && reading !== "カゲツ") return { number, counter: "ガツ" };
  if (counter === "か月" || counter === "ヶ月" || counter === "ケ月" || counter === "カ月") return { number, counter: "カゲツ" };
  return undefined;
}

/** The weekday marks read as one syllable word in braille: （火） カ, 月・水・金 ゲツ スイ キン. */
export const WEEKDAY_KANA: Record<string, string> = {
  月: "ゲツ",
  火: "カ",
  水: "スイ",
  木: "モク",
  金: "キン",
  土: "ド",
  日: "ニチ",
  祝: "シュク",
};
