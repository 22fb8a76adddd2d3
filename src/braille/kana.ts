// Stage 1 of the translator: Japanese text → spaced kana (分かち書き) per 日本点字表記法.
// Readings come from kuromoji (IPADIC); the author's ruby and the content lexicon fix readings
// through the shared overrides in src/reading/overrides.ts. The word-spacing rules are
// approximations of the published rules built on IPADIC parts of speech: see README notes in
// the final report and the rule table in kana.test.ts for what is and is not handled.
import type { Inline, LexiconEntry } from "../model/types.ts";
import { applyLexicon, inlineSegments, longVowels, type ReadingSegment, toKatakana } from "../reading/overrides.ts";
import { analyzer, type Token } from "./analyzer.ts";

export interface SpacedKanaOptions {
  /** Readings from content/lexicon.yaml: a fixed reading bypasses the analyser. */
  lexicon?: LexiconEntry[];
}

export interface SpacedKanaResult {
  kana: string;
  /** Source characters left without a reading (kanji unknown to the dictionary). */
  unknown: string[];
}

/** One unit of stage 1: a morpheme with its braille kana, or a number, Latin word, URL or mark. */
interface Morph {
  surface: string;
  kana: string;
  kind: "word" | "number" | "latin" | "url" | "punct" | "space";
  pos: string;
  pos1: string;
  pos2: string;
  pos3: string;
  basic: string;
  cform: string;
  /** Set on the later parts of a fixed reading the author split with spaces. */
  forceSpace?: boolean;
  /** On the first morph of a fixed reading: the morae of the whole reading, which is one meaning unit. */
  unitMora?: number;
}

/** Japanese text (or inlines with ruby) → spaced katakana ready for stage 2. */
export async function toSpacedKana(text: string | Inline[], opts: SpacedKanaOptions = {}): Promise<string> {
  return (await analyzeKana(text, opts)).kana;
}

/** Stage 1 with a report of characters the dictionary could not read. */
export async function analyzeKana(text: string | Inline[], opts: SpacedKanaOptions = {}): Promise<SpacedKanaResult> {
  const tokenizer = await analyzer();
  const segments = applyLexicon(typeof text === "string" ? [{ text }] : inlineSegments(text), opts.lexicon ?? []);
  const morphs: Morph[] = [];
  for (const [i, seg] of segments.entries()) morphs.push(...segmentMorphs(seg, tokenizer, segments[i - 1]?.reading !== undefined));
  counterReadings(morphs);
  mergeShortKatakana(morphs);
  const unknown: string[] = [];
  for (const m of morphs) if (m.kind === "word") for (const c of m.kana) if (/[\u3400-\u9fff\uf900-\ufaff々〆]/.test(c)) unknown.push(c);
  return { kana: joinWords(morphs), unknown: [...new Set(unknown)] };
}

// ---------- readings ----------

/** Spans the analyser must not split: URLs and e-mail addresses, numbers with separators, Latin words. */
const PROTECTED =
  /https?:\/\/[\w\-./?=&#%~:@]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|www\.[\w\-./?=&#%~]+|[A-Za-z][A-Za-z0-9'’-]*(?:[ ,.;:&/]+[A-Za-z0-9][A-Za-z0-9'’-]*)+[.!?]?|[0-9]+(?:[,.:-][0-9]+)*|[A-Za-z]+[0-9]*/g;

function normalizeSource(s: string): string {
  return (
    s
      // Full-width ASCII → ASCII, except the Japanese marks stage 2 writes as such.
      .replace(/[\uff01-\uff5e]/g, (c) => ("？！（）：～".includes(c) ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
      .replace(/[‐−–]/g, "-")
      .replace(/[\u2460-\u2473]/g, (c) => `（${c.charCodeAt(0) - 0x245f}）`)
  );
}

/** A noun the analyser knows, put before text that follows a fixed reading so a leading particle is read as one. */
const CONTEXT_NOUN = "本";

function segmentMorphs(seg: ReadingSegment, tokenizer: { tokenize(t: string): Token[] }, afterFixed = false): Morph[] {
  const text = normalizeSource(seg.text);
  if (seg.reading !== undefined) return fixedMorphs(text, seg.reading, tokenizer);
  const out: Morph[] = [];
  let tokens: Token[] | undefined;
  if (afterFixed) {
    const withContext = tokenizer.tokenize(CONTEXT_NOUN + text);
    if (withContext[0]?.surface_form === CONTEXT_NOUN) tokens = withContext.slice(1);
  }
  tokens ??= tokenizer.tokenize(text);
  // Token start offsets, to drop the analyser's pieces of protected spans.
  const spans: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(PROTECTED)) spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  let offset = 0;
  let spanIdx = 0;
  for (const t of tokens) {
    const start = offset;
    const end = start + t.surface_form.length;
    offset = end;
    while (spanIdx < spans.length && spans[spanIdx].end <= start) spanIdx++;
    const span = spans[spanIdx];
    if (span && start < span.end && end > span.start) {
      // Emit the span once, at its first overlapping token; text of the token outside it is re-read.
      if (start <= span.start) {
        if (start < span.start) out.push(...plainMorphs(t.surface_form.slice(0, span.start - start), tokenizer));
        out.push(spanMorph(span.text));
      }
      if (end > span.end) {
        out.push(...plainMorphs(t.surface_form.slice(span.end - start), tokenizer));
        spanIdx++;
      }
      continue;
    }
    if (t.pos === "名詞" && /^[ァ-ヶー]{6,}$/.test(t.surface_form))
      out.push(...splitLoanword(t.surface_form, tokenizer, t.word_type === "KNOWN"));
    else out.push(tokenMorph(t));
  }
  return out;
}

/** Second elements of katakana compounds that are written apart (キャッシュ カード, フリー ダイヤル). */
const LOANWORD_HEADS = new Set([
  "カード",
  "ダイヤル",
  "センター",
  "サービス",
  "システム",
  "ポイント",
  "ショップ",
  "ストア",
  "ナンバー",
  "アドレス",
  "コード",
  "サイト",
  "ページ",
  "メール",
  "ポータル",
  "アプリ",
  "パスワード",
]);

/**
 * A katakana run the dictionary does not know (マイナンバーカード) is often a compound of words it
 * does know: split off a known word of three or more morae at the end, when what is left is
 * also three or more morae, so the compound rule can space it (マイナンバー カード).
 */
function splitLoanword(word: string, tokenizer: { tokenize(t: string): Token[] }, known = false): Morph[] {
  const first = tokenizer.tokenize(word)[0];
  const whole: Morph = { ...tokenMorph(first), surface: word, kana: known ? tokenMorph(first).kana : word };
  // For a known word only the common heads are candidates: no need to try every cut.
  const cuts = known
    ? [...LOANWORD_HEADS].filter((h) => word.endsWith(h) && word.length > h.length).map((h) => word.length - h.length)
    : [];
  if (!known) for (let k = 3; k <= word.length - 3; k++) cuts.push(k);
  for (const k of cuts) {
    const left = word.slice(0, k);
    const right = word.slice(k);
    if (mora(left) < 3 || mora(right) < 3 || /^[ーッャュョァィゥェォン]/.test(right)) continue;
    const rt = tokenizer.tokenize(right);
    if (rt.length !== 1 || rt[0].word_type !== "KNOWN" || rt[0].pos !== "名詞") continue;
    if (known) {
      // A word the dictionary knows as one (キャッシュカード) is split only before a common
      // loanword head, into two words it also knows; a general rule would cut リーフレット.
      if (!LOANWORD_HEADS.has(right)) continue;
      const lt = tokenizer.tokenize(left);
      if (lt.length !== 1 || lt[0].word_type !== "KNOWN" || lt[0].pos !== "名詞") continue;
      return [tokenMorph(lt[0]), { ...tokenMorph(rt[0]), forceSpace: true }];
    }
    const leftMorphs = /^[ァ-ヶー]{6,}$/.test(left) ? splitLoanword(left, tokenizer) : [{ ...whole, surface: left, kana: left }];
    return [...leftMorphs, { ...tokenMorph(rt[0]), forceSpace: true }];
  }
  return [whole];
}

function plainMorphs(text: string, tokenizer: { tokenize(t: string): Token[] }): Morph[] {
  return segmentMorphs({ text }, tokenizer);
}

function spanMorph(text: string): Morph {
  const kind = /^[0-9]/.test(text) ? "number" : /^[A-Za-z]+[0-9]*$/.test(text) ? "latin" : "url";
  return {
    surface: text,
    kana: text,
    kind,
    pos: "名詞",
    pos1: kind === "number" ? "数" : "固有名詞",
    pos2: "*",
    pos3: "*",
    basic: text,
    cform: "*",
  };
}

/** A reading fixed by ruby or the lexicon: keep the analyser's word boundaries when its reading agrees. */
function fixedMorphs(text: string, reading: string, tokenizer: { tokenize(t: string): Token[] }): Morph[] {
  const fixed = toKatakana(reading).trim();
  const parts = fixed.split(/[\s\u3000・]+/).filter(Boolean);
  if (parts.length === 1) {
    const tokens = tokenizer.tokenize(text);
    const joined = tokens.map((t) => readingOf(t)).join("");
    // Trust the analyser's boundaries only when it knows every piece as a real word.
    const plausible = tokens.every((t) => t.word_type === "KNOWN" && !["感動詞", "フィラー", "記号", "その他"].includes(t.pos));
    if (tokens.length > 0 && joined === fixed && plausible) {
      const morphs = tokens.map(tokenMorph);
      morphs[0].unitMora = mora(longVowels(fixed, undefined, false));
      return morphs;
    }
    // A name with an honorific (マイナちゃん): the honorific is written apart.
    const honorific = /(さん|ちゃん|くん|さま|様|君)$/.exec(text);
    if (honorific) {
      const suffix = toKatakana(honorific[1] === "様" ? "さま" : honorific[1] === "君" ? "くん" : honorific[1]);
      if (fixed.endsWith(suffix) && fixed.length > suffix.length) parts.splice(0, 1, fixed.slice(0, -suffix.length), suffix);
    }
  }
  return parts.map((p, i) => ({
    surface: i === 0 ? text : "",
    kana: longVowels(p, undefined, false),
    kind: "word" as const,
    pos: "名詞",
    pos1: "固有名詞",
    pos2: "*",
    pos3: "*",
    basic: text,
    cform: "*",
    forceSpace: i > 0,
  }));
}

const PUNCT_MAP: Record<string, string> = {
  "。": "。",
  "．": "。",
  "、": "、",
  "，": "、",
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
  "【": "「",
  "】": "」",
  "・": "・",
  "･": "・",
  "〜": "〜",
  "～": "〜",
  "~": "〜",
  "※": "※",
  "…": "…",
  "：": "：",
  ":": "：",
  "→": "→",
  "/": "／",
  "／": "／",
};

/** Symbols read as words. */
const SYMBOL_READINGS: Record<string, string> = {
  "%": "パーセント",
  "％": "パーセント",
  "#": "シャープ",
  "＃": "シャープ",
  "&": "アンド",
  "＆": "アンド",
  "+": "プラス",
  "＋": "プラス",
};
/** Bullets and ornaments that carry no text. */
const DECORATIVE = /[○●◎◇◆□■△▲▽▼☆★♪◯✓✔]/;

function tokenMorph(t: Token): Morph {
  const base = {
    surface: t.surface_form,
    pos: t.pos,
    pos1: t.pos_detail_1,
    pos2: t.pos_detail_2,
    pos3: t.pos_detail_3,
    basic: t.basic_form,
    cform: t.conjugated_form,
  };
  if (t.pos === "記号" || [...t.surface_form].every((c) => c in PUNCT_MAP || c in SYMBOL_READINGS || DECORATIVE.test(c))) {
    if (/^\s+$/.test(t.surface_form)) return { ...base, kind: "space", kana: " " };
    const marks = [...t.surface_form].map((c) => PUNCT_MAP[c] ?? SYMBOL_READINGS[c] ?? (DECORATIVE.test(c) ? "" : c)).join("");
    return { ...base, kind: /^[ァ-ヶー]+$/.test(marks) ? "word" : "punct", kana: marks };
  }
  if (/^\s+$/.test(t.surface_form)) return { ...base, kind: "space", kana: " " };
  let kana = longVowels(readingOf(t), t.pronunciation, t.pos === "動詞");
  if (t.pos === "助詞" && (t.surface_form === "は" || t.surface_form === "ハ")) kana = "ワ";
  else if (t.pos === "助詞" && (t.surface_form === "へ" || t.surface_form === "ヘ")) kana = "エ";
  else if (t.pos === "助動詞" && t.surface_form === "う") kana = "ー";
  else if (t.pos === "助詞" && t.pos_detail_2 === "連語" && /^[ニトヲ]./.test(kana) && kana.length > 2) {
    // に関する, について, として: the verb inside the compound particle is written apart (ニ カンスル).
    kana = `${kana[0]} ${kana.slice(1)}`;
  } else if (t.pos === "感動詞" && /ハ$/.test(kana) && /ワ$/.test(t.pronunciation ?? "")) kana = `${kana.slice(0, -1)}ワ`;
  return { ...base, kind: "word", kana };
}

/** The written reading (読み) of a token, falling back to its surface when it is kana. */
function readingOf(t: Token): string {
  if (t.reading && t.reading !== "*") return t.reading;
  return toKatakana(t.surface_form);
}

/**
 * The dictionary splits some loanwords into pieces (マイ + ナンバー); a katakana piece of two
 * morae or less joins its katakana neighbour, so the whole word counts as one meaning unit.
 */
function mergeShortKatakana(morphs: Morph[]): void {
  const kata = (m: Morph | undefined) => !!m && m.kind === "word" && m.pos === "名詞" && !m.forceSpace && /^[ァ-ヶー]+$/.test(m.surface);
  for (let i = 1; i < morphs.length; i++) {
    const a = morphs[i - 1];
    const b = morphs[i];
    if (!kata(a) || !kata(b) || (mora(a.kana) > 2 && mora(b.kana) > 2)) continue;
    morphs.splice(i - 1, 2, { ...a, surface: a.surface + b.surface, kana: a.kana + b.kana, pos1: "一般", pos2: "*", unitMora: undefined });
    i--;
  }
}

/**
 * Counters after a written number: the dictionary reads 10月 as ツキ and 30分 as フン; in braille
 * the counter is written as it is said after that number (10ガツ, 30プン).
 */
function counterReadings(morphs: Morph[]): void {
  for (let i = 1; i < morphs.length; i++) {
    const prev = morphs[i - 1];
    const cur = morphs[i];
    if (prev.kind !== "number" || cur.kind !== "word") continue;
    const last = prev.surface.at(-1) ?? "";
    if (cur.surface === "月") cur.kana = "ガツ";
    else if (cur.surface === "日") cur.kana = "ニチ";
    else if (cur.surface === "分") cur.kana = "134680".includes(last) ? "プン" : "フン";
    else continue;
    cur.pos = "名詞";
    cur.pos1 = "接尾";
  }
}

// ---------- word spacing (分かち書き) ----------

const HONORIFIC_SUFFIX = new Set(["さん", "様", "さま", "君", "くん", "ちゃん", "殿", "氏", "先生"]);
const ATTACHED_ADJECTIVES = new Set(["やすい", "にくい", "づらい", "がたい", "っぽい"]);

function mora(kana: string): number {
  // Digits count as one mora each: a number is read aloud with at least that many.
  return [...kana].filter((c) => /[ァ-ヶー0-9]/.test(c) && !"ァィゥェォャュョヮ".includes(c)).length;
}

function isNounLike(m: Morph): boolean {
  if (m.kind === "number") return true;
  if (m.kind !== "word") return false;
  if (m.pos === "接頭詞") return true;
  return m.pos === "名詞" && m.pos1 !== "非自立" && m.pos1 !== "代名詞";
}

function isKatakanaWord(m: Morph | undefined): boolean {
  return !!m && m.kind === "word" && /^[ァ-ヶー]+$/.test(m.surface);
}

/** Whether a blank goes between the previous morph and this one. `wordMora` is the mora count since the last blank. */
function spaceBefore(prev: Morph, cur: Morph, wordMora: number): boolean {
  if (cur.forceSpace) return true;
  if (cur.kind === "url" || cur.kind === "latin") return prev.pos !== "接頭詞";
  if (prev.kind === "latin" || prev.kind === "url") return !(cur.pos === "名詞" && cur.pos1 === "接尾");
  if (cur.kind === "number") return !(prev.pos === "接頭詞" || (prev.kind === "word" && prev.pos === "名詞" && prev.pos1 === "数"));
  if (prev.kind === "number") {
    // A noun right after a number is its counter or unit (2シュルイ, 3カショ).
    if (cur.pos === "名詞") return cur.pos1 === "非自立" || cur.pos1 === "代名詞";
    return !(cur.pos === "助詞" || cur.pos === "助動詞");
  }
  if (prev.pos === "接頭詞") return false;
  switch (cur.pos) {
    case "助詞":
      return false;
    case "助動詞":
      // ある after で is the auxiliary verb, written apart (ツーチデ アル).
      if (cur.basic === "ある") return true;
      // ない after a particle or an adjective is the auxiliary adjective: デワ ナイ, ヨク ナイ.
      return cur.basic === "ない" && (prev.pos === "助詞" || prev.pos === "形容詞");
    case "動詞":
      if (cur.pos1 === "接尾") return false;
      // Contracted auxiliaries (持ち歩いてても, 見ちゃう, 書いとく) stay attached.
      if (cur.pos1 === "非自立") return !["てる", "でる", "ちゃう", "じゃう", "とく", "どく"].includes(cur.basic);
      // する after a noun is written apart, except after a one-kanji word (アイスル).
      if (cur.basic === "する" && prev.pos === "名詞") return !/^[\u3400-\u9fff]$/.test(prev.surface);
      return true;
    case "形容詞":
      if (cur.pos1 === "接尾") return false;
      if (cur.pos1 === "非自立") return !ATTACHED_ADJECTIVES.has(cur.basic);
      return true;
    case "名詞": {
      if (cur.pos1 === "非自立") {
        // 準体助詞の (スルノワ) attaches; formal nouns (コト, モノ, タメ, トキ, ヨー) stand apart.
        return !(cur.basic === "の" || cur.basic === "ん");
      }
      if (cur.pos1 === "接尾") return cur.pos2 === "人名" && HONORIFIC_SUFFIX.has(cur.basic);
      if (cur.pos1 === "特殊") return false;
      if (!isNounLike(prev)) return true;
      // Surname and given name are written apart.
      if (prev.pos2 === "人名" && cur.pos2 === "人名") return true;
      // Compounds: split between meaning units of three or more morae; shorter units stay joined.
      return wordMora >= 3 && (cur.unitMora ?? mora(cur.kana)) >= 3;
    }
    default:
      return true;
  }
}

const OPENING = new Set(["「", "『", "（"]);
const CLOSING = new Set(["」", "』", "）"]);

/** Joins morphs into the spaced-kana line: blanks between words, after punctuation per the rules. */
function joinWords(morphs: Morph[]): string {
  let out = "";
  let prev: Morph | undefined;
  let wordMora = 0;
  // Pending blanks demanded by punctuation, written only if more text follows.
  let pendingBlank = 0;
  let afterClosing = false;
  const write = (kana: string, blankBefore: number) => {
    const blanks = out === "" ? 0 : Math.max(blankBefore, pendingBlank);
    out += " ".repeat(blanks) + kana;
    pendingBlank = 0;
    if (blanks > 0) wordMora = 0;
    wordMora += mora(kana);
  };
  for (let i = 0; i < morphs.length; i++) {
    const cur = morphs[i];
    if (cur.kind === "space") {
      if (out !== "") pendingBlank = Math.max(pendingBlank, 1);
      prev = undefined;
      continue;
    }
    if (cur.kind === "punct") {
      for (const mark of cur.kana) {
        if (OPENING.has(mark)) {
          // Parentheses annotate the word before them; quotes start a new word.
          const attach = mark === "（" && prev !== undefined && pendingBlank === 0;
          write(mark, attach ? 0 : 1);
          wordMora = 0;
        } else if (CLOSING.has(mark)) {
          out += mark;
          pendingBlank = 0;
          afterClosing = true;
        } else if (mark === "・") {
          // Between katakana words the 中点 is left out and a blank used instead.
          if (isKatakanaWord(prev) && isKatakanaWord(morphs[i + 1])) pendingBlank = 1;
          else {
            out += mark;
            pendingBlank = 1;
          }
        } else if (mark === "。" || mark === "？" || mark === "！") {
          out += mark;
          pendingBlank = 2;
        } else if (mark === "、" || mark === "：" || mark === "※") {
          out += mark;
          pendingBlank = 1;
        } else {
          // 〜, …, →: ranges are written without blanks; arrows and ellipses take a blank each side.
          if (mark === "〜") out += mark;
          else write(mark, 1);
          if (mark !== "〜") pendingBlank = 1;
        }
        if (!CLOSING.has(mark)) afterClosing = false;
      }
      if (cur.kana !== "" && !CLOSING.has(cur.kana.at(-1) ?? "")) prev = undefined;
      if (cur.kana.endsWith("〜")) prev = { ...cur, kind: "punct", kana: "〜" };
      continue;
    }
    let blank = 0;
    if (afterClosing) {
      // After a closing quote: a particle attaches; other text follows after two blanks.
      blank = cur.pos === "助詞" || cur.pos === "助動詞" ? 0 : out.endsWith("）") ? 1 : 2;
      afterClosing = false;
    } else if (prev?.kind === "punct") {
      blank = 0;
    } else if (prev && spaceBefore(prev, cur, wordMora)) {
      blank = 1;
    }
    if (out.endsWith("「") || out.endsWith("『") || out.endsWith("（")) blank = 0;
    write(cur.kana, blank);
    prev = cur;
  }
  return out;
}
