// Stage 1a of the translator: the shared analysis (src/reading/analysis.ts) → braille units with their kana. Readings
// are the analysis' own; this file writes them as braille does: particles ワ エ, long vowels per word, numbers as
// digits, counters and days as said, weekday marks, symbols and brackets by their braille names.
import type { Word } from "../reading/analysis.ts";
import { longVowels, toKatakana } from "../reading/overrides.ts";
import { counterAfter, dayCount, isKanjiNumeral, kanjiNumberKana, numberKana, WEEKDAY_KANA } from "./numbers.ts";

/** One unit of stage 1: a word with its braille kana, or a number, Latin word, address or mark. */
export interface Morph {
  surface: string;
  kana: string;
  kind: "word" | "number" | "latin" | "phrase" | "url" | "punct" | "space";
  pos: string;
  pos1: string;
  pos2: string;
  pos3: string;
  basic: string;
  cform: string;
  /** A blank before this unit whatever the spacing rules say (a blank inside a fixed reading). */
  forceSpace?: boolean;
  /** On the first unit of a fixed reading: its morae, since the whole reading is one meaning unit. */
  unitMora?: number;
  /** The analysed word it comes from (for the proof sheet's suspects). */
  word?: Word;
}

/** Print marks → the mark stage 2 writes (brackets by their braille kind: 〔〕 第2カッコ, ⦅⦆ 二重カッコ, 〈〉 第2カギ). */
const PUNCT_MAP: Record<string, string> = {
  "。": "。",
  "．": "。",
  "、": "、",
  "，": "、",
  ",": "、",
  "?": "？",
  "？": "？",
  "!": "！",
  "！": "！",
  "「": "「",
  "」": "」",
  "『": "『",
  "』": "』",
  "(": "（",
  ")": "）",
  "（": "（",
  "）": "）",
  "〔": "〔",
  "〕": "〕",
  "[": "〔",
  "]": "〕",
  "【": "【",
  "】": "】",
  "《": "【",
  "》": "】",
  "〈": "【",
  "〉": "】",
  "≪": "【",
  "≫": "【",
  "・": "・",
  "〜": "〜",
  "~": "〜",
  "～": "〜",
  "※": "※",
  "…": "…",
  "‥": "…",
  "：": "：",
  ":": "：",
  "→": "→",
  "/": "／",
  "／": "／",
  "%": "%",
  "#": "#",
  "&": "&",
  "-": "-",
  ー: "ー",
};
/** Bullets and ornaments that carry no text. */
const DECORATIVE = /^[○●◎◇◆□■△▲▽▼☆★♪◯✓✔・]+$/;
/** Symbols read as words where they stand alone. */
const SYMBOL_WORDS: Record<string, string> = {
  "+": "プラス",
  "＋": "プラス",
  "=": "イコール",
  "×": "カケル",
  "÷": "ワル",
  // Braille has no postal mark: transcribers write the words (〒272-8501 → ユービン バンゴー 272-8501).
  "〒": "ユービン バンゴー",
};

function base(w: Word, kana: string, kind: Morph["kind"] = "word"): Morph {
  return { surface: w.surface, kana, kind, pos: w.pos, pos1: w.pos1, pos2: w.pos2, pos3: w.pos3, basic: w.base, cform: w.cform, word: w };
}

/** Marks where the dictionary's pronunciation has ワ or エ for a written ハ or ヘ (は, へ, では, または, こんにちは). */
function particleKana(w: Word, kana: string): string {
  if (w.pos === "助詞" && (w.surface === "は" || w.surface === "ハ")) return "ワ";
  if (w.pos === "助詞" && (w.surface === "へ" || w.surface === "ヘ")) return "エ";
  if (w.by !== "dictionary" || !/[はへ]/.test(w.surface)) return kana;
  const pron = [...w.pronunciation];
  const chars = [...kana];
  if (pron.length !== chars.length) return kana;
  // Only a final は/へ of a word the dictionary joined (まずは, では, または, あるいは) is the particle.
  const lastSurface = w.surface.at(-1);
  const i = chars.length - 1;
  if (lastSurface === "は" && chars[i] === "ハ" && pron[i] === "ワ") chars[i] = "ワ";
  if (lastSurface === "へ" && chars[i] === "ヘ" && pron[i] === "エ") chars[i] = "エ";
  return chars.join("");
}

/** The braille kana of a dictionary or fixed word. */
function wordKana(w: Word): string {
  if (w.by === "ruby" || w.by === "lexicon") {
    // A fixed reading is written like furigana: the long-vowel rule applies inside each part.
    return w.reading
      .split(/\s+/)
      .map((p) => longVowels(p, undefined, false))
      .join(" ");
  }
  const reading = w.reading || (/^[\u3041-\u30ffー]+$/.test(w.surface) ? toKatakana(w.surface) : w.surface);
  // A phrase the dictionary has as one entry marks its word boundaries with ":" (アリガトウ:ゴザイマス).
  if (reading.includes(":")) {
    const prons = w.pronunciation.replace(/[’']/g, "").split(":");
    return reading
      .split(":")
      .map((r, k) => longVowels(r, prons[k] !== r ? prons[k] : undefined, false))
      .join(" ");
  }
  const pron = w.pronunciation && w.pronunciation !== reading ? w.pronunciation : undefined;
  return particleKana(w, longVowels(reading, pron, w.pos === "動詞"));
}

const HONORIFICS: [string, string][] = [
  ["ちゃん", "チャン"],
  ["さん", "サン"],
  ["くん", "クン"],
  ["さま", "サマ"],
  ["様", "サマ"],
  ["君", "クン"],
];

/** A fixed reading as braille units: its parts (the author's blanks), with an honorific after a name apart. */
function fixedUnits(w: Word): Morph[] {
  const kana = wordKana(w);
  const honor = HONORIFICS.find(([s, k]) => w.surface.endsWith(s) && kana.endsWith(k) && kana.length > k.length && !kana.includes(" "));
  const parts = honor ? [kana.slice(0, -honor[1].length), honor[1]] : kana.split(" ");
  return parts.map((p, k) => ({
    ...base(w, p),
    kind: "word" as const,
    forceSpace: k > 0 || w.forceSpace,
    ...(k > 0 ? { surface: "" } : {}),
  }));
}

/** Repetition marks ゝ ゞ ヽ ヾ written out (the 畳語符 is no longer used): the kana before, voiced for ゞ ヾ. */
function expandRepeats(kana: string): string {
  const voice = (c: string) => String.fromCharCode(c.charCodeAt(0) + 1);
  let out = "";
  for (const c of kana) {
    const prev = out.at(-1) ?? "";
    if (c === "ゝ" || c === "ヽ") out += toKatakana(prev);
    else if (c === "ゞ" || c === "ヾ") out += /[カ-ホ]/.test(prev) ? voice(prev) : prev;
    else out += c;
  }
  return out;
}

const DAY_CONTEXT_AFTER = new Set(["〜", "から", "まで", "付", "号", "(", "（", "・"]);

/** Turns analysed words into braille units. */
export function brailleUnits(words: Word[]): Morph[] {
  const out: Morph[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.kind === "space" || w.kind === "break") {
      if (w.surface) out.push({ ...base(w, " ", "space") });
      continue;
    }
    if (w.kind === "url" || w.kind === "email") {
      out.push(base(w, w.surface, "url"));
      continue;
    }
    if (w.kind === "foreign" || w.kind === "phrase") {
      out.push(base(w, w.surface, /^[A-Za-z0-9 ,.'’!?;:&/-]+$/.test(w.surface) && /\s/.test(w.surface) ? "phrase" : "latin"));
      continue;
    }
    if ((w.kind === "latin" || w.kind === "number") && (w.by === "lexicon" || w.by === "ruby")) {
      out.push(...fixedUnits(w));
      continue;
    }
    if (w.kind === "latin") {
      out.push(base(w, w.surface, "latin"));
      continue;
    }
    if (w.kind === "number") {
      // 1,000 → 1000; 12,000 → 1マン 2000 (本則: 位取り点 only where a table needs it).
      const kana = /,/.test(w.surface) ? numberKana(w.surface.replace(/,/g, "")) : w.surface;
      out.push({ ...base(w, kana, "number"), pos1: "数" });
      continue;
    }
    // A run of kanji numerals is one number (二十五 → 25); 数 何 幾 make it a word in kana (数十 スージュー).
    if (w.pos1 === "数" && isKanjiNumeral(w.surface) && w.by !== "ruby" && w.by !== "lexicon") {
      let j = i;
      let text = "";
      while (j < words.length && words[j].pos1 === "数" && isKanjiNumeral(words[j].surface)) text += words[j++].surface;
      const prev = out.at(-1);
      // 3億, 1000万: the unit after written digits joins that number.
      if (prev?.kind === "number" && /^[万億兆]$/.test(text)) {
        prev.kana += { 万: "マン", 億: "オク", 兆: "チョー" }[text];
        prev.surface += text;
        continue;
      }
      // 数十 何百 (no definite number) are words in kana, with the voicing 何百 ナンビャク takes.
      if (prev && /^(数|何|幾)$/.test(prev.surface)) {
        const kana = words
          .slice(i, j)
          .map((x) => x.reading)
          .join("")
          .replace(/ジュウ/g, "ジュー");
        // 何 voices the place word after it (ナンビャク, ナンゼン); 数 does not (スーセン).
        prev.kana += prev.surface === "何" ? kana.replace(/^ヒャク/, "ビャク").replace(/^セン/, "ゼン") : kana;
        prev.surface += text;
        i = j - 1;
        continue;
      }
      if (text === "二十" && words[j]?.surface === "歳") {
        out.push({ ...base({ ...w, surface: "二十歳" }, "ハタチ"), pos1: "一般" });
        i = j;
        continue;
      }
      const kana = kanjiNumberKana(text);
      if (kana !== undefined) {
        // 四五人, 七五三: single digits side by side are separate numbers (概数, lists), each with a numeral sign.
        const listed = /^[一二三四五六七八九]{2,}$/.test(text) ? [...text].map((c) => kanjiNumberKana(c)).join("⠼") : kana;
        out.push({ ...base({ ...w, surface: text }, listed, "number"), pos1: "数" });
        i = j - 1;
        continue;
      }
    }
    if (w.pos === "記号" || [...w.surface].every((c) => c in PUNCT_MAP || c in SYMBOL_WORDS) || DECORATIVE.test(w.surface)) {
      // A run of marks the dictionary took as one (」+「) may hold a symbol said as a word: it stands on its own.
      let marks = "";
      for (const c of w.surface) {
        if (c in SYMBOL_WORDS) {
          if (marks) out.push(base(w, marks, "punct"));
          marks = "";
          out.push(base(w, SYMBOL_WORDS[c]));
        } else marks += PUNCT_MAP[c] ?? (DECORATIVE.test(c) ? "" : c);
      }
      if (marks !== "") out.push(base(w, marks, "punct"));
      continue;
    }
    // Month names the dictionary has whole (十月 ジュウガツ): a number and its counter.
    const month = /^([一二三四五六七八九十]+)月$/.exec(w.surface);
    if (month && w.by === "dictionary" && /ガツ$/.test(w.reading)) {
      out.push({ ...base({ ...w, surface: month[1] }, kanjiNumberKana(month[1]) ?? month[1], "number"), pos1: "数" });
      out.push({ ...base({ ...w, surface: "月" }, "ガツ"), pos1: "接尾" });
      continue;
    }
    // The volitional う after a verb or ます lengthens the vowel before it (シマショー, イコー).
    if (w.pos === "助動詞" && w.surface === "う" && out.length > 0) {
      const prev = out[out.length - 1];
      if (prev.kind === "word" && /[オコソトノホモヨロゴゾドボポョ]$/.test(prev.kana)) {
        prev.kana += "ー";
        prev.surface += "う";
        continue;
      }
    }
    if (w.by === "lexicon" || w.by === "ruby") out.push(...fixedUnits(w));
    else out.push(base(w, expandRepeats(wordKana(w))));
  }
  repeatMarks(out);
  numbersAndCounters(out);
  weekdays(out);
  return out;
}

/** 々 standing alone (the analyser did not know the word) repeats the reading of the kanji before it. */
function repeatMarks(units: Morph[]): void {
  for (let i = 1; i < units.length; i++) {
    const u = units[i];
    if (u.kind !== "punct" || !/^[ゝゞヽヾ]+$/.test(u.kana)) continue;
    const prev = units[i - 1];
    prev.kana = expandRepeats(prev.kana + u.kana.replace(/[ゝヽ]/g, "ヽ").replace(/[ゞヾ]/g, "ヾ"));
    prev.surface += u.surface;
    units.splice(i, 1);
    i--;
  }
}

/** Counters after numbers, days, 概数 (二、三日 → 2⠼3ニチ), lists (3・4月 → 3⠼4ガツ), 約 apart. */
function numbersAndCounters(units: Morph[]): void {
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.kind !== "number") continue;
    // 概数 and lists: a single-digit number after 、 or ・ that follows a number, with a counter after it.
    const sep = units[i + 1];
    const next = units[i + 2];
    const after = units[i + 3];
    if (
      sep?.kind === "punct" &&
      (sep.kana === "、" || sep.kana === "・") &&
      next?.kind === "number" &&
      /^[0-9]$/.test(next.kana) &&
      after?.kind === "word" &&
      after.pos1 === "接尾"
    ) {
      u.kana = `${u.kana}⠼${next.kana}`;
      u.surface += sep.surface + next.surface;
      units.splice(i + 1, 2);
    }
    const c = units[i + 1];
    if (c?.kind !== "word") continue;
    const value = Number(u.kana);
    if ((c.surface === "日" || c.surface === "日間") && /^[0-9]+$/.test(u.kana)) {
      const prev = units[i - 1];
      const follow = units[i + 2];
      const date =
        (prev?.surface === "月" && prev.kana === "ガツ") ||
        prev?.surface === "毎月" ||
        (follow !== undefined && (DAY_CONTEXT_AFTER.has(follow.surface) || DAY_CONTEXT_AFTER.has(follow.kana)));
      const d = dayCount(value, date && !(follow?.surface === "中") && c.surface === "日");
      u.kana = d.number;
      c.kana = d.counter + (c.surface === "日間" ? "カン" : "");
      if (follow?.surface === "中" && follow.kind === "word") follow.kana = "ジュー";
      if (d.counter === "") {
        u.kind = "word";
        u.pos1 = "一般";
        if (c.surface === "日") c.kana = "";
        else {
          u.kana += c.kana;
          c.kana = "";
        }
      }
    } else {
      // In a list (3⠼4ガツ) the counter goes by the last number.
      const lastNumber = u.kana.split("⠼").at(-1) ?? u.kana;
      const changed = counterAfter(lastNumber, c.surface, c.word?.reading ?? "");
      if (!changed) continue;
      u.kana = u.kana.slice(0, u.kana.length - lastNumber.length) + changed.number;
      c.kana = changed.counter;
      if (!/[0-9]/.test(changed.number)) {
        u.kind = "word";
        u.pos1 = "一般";
      }
    }
    c.pos = "名詞";
    c.pos1 = "接尾";
    if (c.kana === "") {
      u.surface += c.surface;
      units.splice(i + 1, 1);
    }
  }
  // 二十歳 and 一人 written with kanji: the analyser may give them as one word.
  for (const u of units) {
    if (u.kind === "word" && (u.surface === "一人" || u.surface === "1人")) u.kana = "ヒトリ";
    if (u.kind === "word" && (u.surface === "二人" || u.surface === "2人")) u.kana = "フタリ";
    if (u.kind === "word" && u.surface === "二十歳") u.kana = "ハタチ";
  }
}

const WEEKDAY = /^[月火水木金土日祝]$/;

/** Weekday marks: （火） → （カ）; in a list 月・水・金 → ゲツ・ スイ・ キン, 月〜金曜日 → ゲツ〜キンヨービ. */
function weekdays(units: Morph[]): void {
  const isDay = (u: Morph | undefined) => !!u && WEEKDAY.test(u.surface);
  const isDayWord = (u: Morph | undefined) => !!u && (isDay(u) || /^[月火水木金土日]曜日?$/.test(u.surface) || u.surface === "祝日");
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    // The analyser knows （日） as one word (ニチヨウビ): after a date it is the mark （ニチ）.
    const paren = /^[（(]([月火水木金土日祝])[）)]$/.exec(u.surface);
    if (paren) {
      units.splice(
        i,
        1,
        { ...u, surface: "(", kana: "（", kind: "punct" },
        { ...u, surface: paren[1], kana: WEEKDAY_KANA[paren[1]], kind: "word", pos: "名詞", pos1: "一般" },
        { ...u, surface: ")", kana: "）", kind: "punct" },
      );
      continue;
    }
    if (!isDay(u)) continue;
    const before = units[i - 1];
    const after = units[i + 1];
    const inParens = before?.kana === "（" && after?.kana === "）";
    const listed =
      ((before?.kana === "・" || before?.kana === "〜") && isDayWord(units[i - 2])) ||
      ((after?.kana === "・" || after?.kana === "〜") && isDayWord(units[i + 2]));
    if (inParens || listed) u.kana = WEEKDAY_KANA[u.surface];
  }
}
