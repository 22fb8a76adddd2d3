// The one analysis of a sentence that speech and braille both start from: MeCab with Open JTalk's dictionary, word
// by word, with the author's ruby and the lexicon applied on word boundaries.
import type { Inline, LexiconEntry } from "../model/types.ts";
import { type MecabChunk, type MecabWord, sharedMecab } from "./mecab.ts";
import { toKatakana } from "./overrides.ts";
import { applyWordRules } from "./wordrules.ts";

/** What a word is: a dictionary word, a number or Latin run kept whole, an address, a run in another language. */
export type WordKind = "word" | "number" | "latin" | "phrase" | "url" | "email" | "foreign" | "space" | "break";

/** One analysed word of a sentence. */
export interface Word {
  /** The text of the word after NFKC (half-width kana, full-width digits and letters folded). */
  surface: string;
  kind: WordKind;
  /** Part of speech and its details, conjugation type and form, base form (IPADIC-style, from NAIST-JDIC). */
  pos: string;
  pos1: string;
  pos2: string;
  pos3: string;
  ctype: string;
  cform: string;
  base: string;
  /** Katakana as written (長音 as the kana, は as ハ); braille starts from this. Fixed readings may hold blanks. */
  reading: string;
  /** Katakana as spoken (ー for long vowels, particles as ワ エ オ); "" where the dictionary has none. */
  pronunciation: string;
  /** Where the reading comes from. */
  by: "dictionary" | "ruby" | "lexicon" | "rule" | "kana" | "unknown";
  /** The dictionary's own reading, where a ruby or lexicon reading replaced it (to tell whether speech must change). */
  dictionaryReading?: string;
  /** The lexicon entry that fixed the reading. */
  entry?: LexiconEntry;
  /** One number per ruby or lexicon match: the words of one fixed reading share it. */
  group?: number;
  /** A blank the author wrote inside a fixed reading falls before this word (a braille word boundary). */
  forceSpace?: boolean;
  /** Language of a foreign run (`en`). */
  lang?: string;
  /** Blanks in print before this word. */
  spaceBefore: boolean;
}

const KANA_ONLY = /^[\u3041-\u309f\u30a0-\u30ffー・]+$/;
const HAS_KANJI = /[\u3400-\u9fff\uf900-\ufaff々〆ヶ]/;

/** Runs MeCab must not cut or read: web and mail addresses, Latin words and phrases, numbers with separators. */
const PROTECTED =
  /(?<url>https?:\/\/[\w\-./?=&#%~:@+]+|www\.[\w\-./?=&#%~]+)|(?<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(?<phrase>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*(?: [A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)+[.!?]?)|(?<latin>[A-Za-z]+(?:-[A-Za-z]+)*\.?(?=[0-9])|[A-Za-z]+(?:[-][A-Za-z]+)*)|(?<number>[0-9]+(?:[,.][0-9]+)*)|(?<counter>(?<=[0-9])つ)/g;

/** A piece of a sentence before analysis. */
interface Piece {
  text: string;
  /** A reading fixed by the author (ruby), katakana. */
  ruby?: string;
  lang?: string;
  kind?: WordKind;
}

/**
 * NFKC (half-width kana, full-width digits and letters folded), except for the ellipsis, which NFKC would turn
 * into three full stops; three or more ASCII full stops written for one become an ellipsis too.
 */
export function foldText(text: string): string {
  return text.replace(/[^…‥]+/g, (run) => run.normalize("NFKC")).replace(/(?<![A-Za-z0-9])\.{3,}(?![A-Za-z0-9])/g, "…");
}

/** Text of inlines as pieces: plain text, ruby with its reading, foreign runs, line breaks. NFKC applied. */
function piecesOf(inlines: Inline[], lang?: string): Piece[] {
  const out: Piece[] = [];
  for (const node of inlines) {
    if (node.type === "text") out.push({ text: foldText(node.value), lang });
    else if (node.type === "ruby") out.push({ text: foldText(node.base), ruby: toKatakana(node.reading.normalize("NFKC")).trim() });
    else if (node.type === "break") out.push({ text: "\n", kind: "break" });
    else if (node.type === "foreign") out.push(...piecesOf(node.children, node.lang));
    else out.push(...piecesOf(node.children, lang));
  }
  return out;
}

function blankWord(surface: string, kind: WordKind, spaceBefore: boolean): Word {
  return {
    surface,
    kind,
    pos: "名詞",
    pos1: kind === "number" ? "数" : "固有名詞",
    pos2: "*",
    pos3: "*",
    ctype: "*",
    cform: "*",
    base: surface,
    reading: "",
    pronunciation: "",
    by: kind === "word" ? "unknown" : "kana",
    spaceBefore,
  };
}

function fromMecab(m: MecabWord, spaceBefore: boolean): Word {
  const f = m.feature;
  const field = (i: number) => (f[i] && f[i] !== "*" ? f[i] : "");
  const kana = KANA_ONLY.test(m.surface) ? toKatakana(m.surface) : "";
  const reading = field(7) || kana;
  const isSymbol = f[0] === "記号";
  return {
    surface: m.surface,
    kind: "word",
    pos: f[0] ?? "名詞",
    pos1: f[1] ?? "*",
    pos2: f[2] ?? "*",
    pos3: f[3] ?? "*",
    ctype: f[4] ?? "*",
    cform: f[5] ?? "*",
    base: field(6) || m.surface,
    reading: isSymbol ? "" : reading,
    pronunciation: isSymbol ? "" : field(8) || reading,
    by: isSymbol ? "kana" : field(7) ? "dictionary" : kana ? "kana" : "unknown",
    spaceBefore,
  };
}

/** The analyser's answer for a list of chunks, with the words placed back on the text (blanks noted). */
async function runMecab(chunks: MecabChunk[], cacheDir?: string): Promise<Word[]> {
  const words = await sharedMecab(cacheDir).analyze(chunks);
  const out: Word[] = [];
  let k = 0;
  for (const chunk of chunks) {
    const text = chunk.text.replace(/[\t\r\n]+/g, " ");
    if (!text.trim()) continue;
    if (chunk.fixed || text.trim() === "EOS") {
      out.push(fromMecab(words[k++], /^\s/.test(text)));
      continue;
    }
    let at = text.length - text.trimStart().length;
    while (k < words.length) {
      const w = words[k];
      const idx = text.indexOf(w.surface, at);
      if (idx < 0) break;
      const gap = text.slice(at, idx);
      out.push(fromMecab(w, /\s/.test(gap) || (at === 0 && idx > 0 && /^\s/.test(text))));
      at = idx + w.surface.length;
      k++;
      if (!text.slice(at).trim()) break;
    }
  }
  return out;
}

/** Options of the analysis: the lexicon, and where the dictionary folder is kept. */
export interface AnalysisOptions {
  lexicon?: LexiconEntry[];
  cacheDir?: string;
}

const memo = new Map<string, Promise<Word[]>>();
const MEMO_LIMIT = 20_000;

/** The analysis of one sentence (or line, title, cell): words with their readings, ruby and lexicon applied. */
export function analyzeInlines(inlines: Inline[] | string, opts: AnalysisOptions = {}): Promise<Word[]> {
  const list: Inline[] = typeof inlines === "string" ? [{ type: "text", value: inlines }] : inlines;
  const key = JSON.stringify([list, opts.lexicon?.map((e) => [e.word, e.reading]) ?? [], opts.cacheDir ?? ""]);
  let hit = memo.get(key);
  if (!hit) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    hit = analyze(piecesOf(list), opts);
    memo.set(key, hit);
    hit.catch(() => memo.delete(key));
  }
  return hit.then((words) => words.map((w) => ({ ...w })));
}

async function analyze(pieces: Piece[], opts: AnalysisOptions): Promise<Word[]> {
  // Chunks for MeCab: free Japanese text, and fixed spans (protected runs, foreign runs, ruby bases).
  interface Span {
    chunk: MecabChunk;
    kind?: WordKind;
    ruby?: string;
    lang?: string;
    group?: number;
  }
  const spans: Span[] = [];
  let group = 0;
  for (const p of pieces) {
    if (p.kind === "break") {
      spans.push({ chunk: { text: "", fixed: true }, kind: "break" });
      continue;
    }
    if (p.ruby !== undefined) {
      spans.push({ chunk: { text: p.text, fixed: true }, ruby: p.ruby, group: ++group });
      continue;
    }
    if (p.lang && p.lang !== "ja") {
      spans.push({ chunk: { text: p.text, fixed: true }, kind: "foreign", lang: p.lang });
      continue;
    }
    let last = 0;
    for (const m of p.text.matchAll(PROTECTED)) {
      if (m.index > last) spans.push({ chunk: { text: p.text.slice(last, m.index) } });
      const found = Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0] ?? "latin";
      // A counter after digits (3つ) is a word MeCab reads; it is only kept from joining what follows (つまで).
      spans.push({ chunk: { text: m[0], fixed: true }, kind: found === "counter" ? "word" : (found as WordKind) });
      last = m.index + m[0].length;
    }
    if (last < p.text.length) spans.push({ chunk: { text: p.text.slice(last) } });
  }
  const words: Word[] = [];
  // Free text is analysed in one request with the fixed spans as fixed words, so context crosses them.
  const request = spans.filter((s) => s.chunk.text.trim() !== "" && s.kind !== "break");
  // Protected and foreign runs are not read by MeCab (it fails on long unknown words): a stand-in of the same kind
  // keeps the context for the words around them.
  const analysed = await runMecab(
    request.map((s) =>
      s.chunk.fixed && s.ruby === undefined && s.kind !== "word" ? { text: s.kind === "number" ? "1" : "A", fixed: true } : s.chunk,
    ),
    opts.cacheDir,
  );
  let a = 0;
  for (const s of spans) {
    const space = /^\s/.test(s.chunk.text);
    if (s.kind === "break") {
      words.push(blankWord("\n", "break", false));
      continue;
    }
    if (!s.chunk.text.trim()) {
      if (s.chunk.text) words.push(blankWord(" ", "space", true));
      continue;
    }
    if (s.chunk.fixed) {
      const mw = analysed[a++];
      if (s.ruby !== undefined) {
        words.push({
          ...mw,
          surface: s.chunk.text.trim(),
          reading: s.ruby,
          pronunciation: "",
          by: "ruby",
          dictionaryReading: mw.reading,
          group: s.group,
          spaceBefore: space,
        });
      } else if (s.kind === "word") {
        words.push({ ...mw, spaceBefore: space });
      } else {
        words.push({ ...blankWord(s.chunk.text.trim(), s.kind ?? "latin", space), lang: s.lang });
      }
      continue;
    }
    // The free words of this chunk: as many as MeCab gave until the next fixed span.
    const chunkWords: Word[] = [];
    let consumed = "";
    const target = s.chunk.text.replace(/[\t\r\n]+/g, " ").replace(/\s+/g, "");
    while (a < analysed.length && consumed.length < target.length) {
      chunkWords.push(analysed[a]);
      consumed += analysed[a].surface;
      a++;
    }
    if (chunkWords[0] && space) chunkWords[0].spaceBefore = true;
    words.push(...chunkWords);
    if (/\s$/.test(s.chunk.text)) words.push(blankWord(" ", "space", true));
  }
  applyLexicon(words, opts.lexicon ?? [], group);
  const out = compactWords(words);
  applyWordRules(out);
  return out;
}

/**
 * Applies lexicon entries to whole words or runs of whole words, longest entry first, never inside a word and
 * never over a ruby reading. A run's reading is shared out over its words (see `shareReading`).
 */
export function applyLexicon(words: Word[], lexicon: LexiconEntry[], firstGroup = 0): void {
  if (lexicon.length === 0) return;
  const entries = lexicon
    .map((e) => ({ entry: e, word: e.word.normalize("NFKC"), reading: toKatakana(e.reading.normalize("NFKC")).trim() }))
    .sort((x, y) => y.word.length - x.word.length);
  let group = firstGroup + 1000;
  for (let i = 0; i < words.length; i++) {
    if (words[i].by === "ruby" || !isText(words[i])) continue;
    for (const e of entries) {
      if (!e.word.startsWith(words[i].surface)) continue;
      // Whole words only: extend the run word by word while it is still a prefix of the entry.
      let text = "";
      let j = i;
      while (j < words.length && text.length < e.word.length && isText(words[j]) && words[j].by !== "ruby") {
        text += words[j].surface;
        j++;
      }
      if (text !== e.word) continue;
      const run = words.slice(i, j);
      // Where the dictionary misread the run (a filler, an unknown word), the entry is one word: its pieces say nothing.
      if (run.length > 1 && run.some((w) => w.pos === "フィラー" || w.by === "unknown")) {
        const last = run[run.length - 1];
        const dictionary = run.map((w) => w.reading).join("");
        Object.assign(run[0], { surface: e.word, base: e.word, pos: "感動詞", pos1: "*", ctype: last.ctype, cform: last.cform });
        for (const w of run.slice(1)) Object.assign(w, { kind: "space", surface: "", reading: "", spaceBefore: false });
        shareReading([run[0]], e.reading, "lexicon", ++group, e.entry);
        run[0].dictionaryReading = dictionary;
      } else shareReading(run, e.reading, "lexicon", ++group, e.entry);
      i = j - 1;
      break;
    }
  }
}

function isText(w: Word): boolean {
  return w.kind === "word" || w.kind === "latin" || w.kind === "number";
}

/**
 * Shares a fixed reading out over the words it covers, so rules that work per word (the long-vowel rule) never
 * join two words. When the dictionary's readings add up to it they are kept; otherwise words written in kana are
 * anchors that cut the reading, and a blank the author wrote marks a boundary; what is left between anchors goes to
 * one word (the others of that stretch join it).
 */
export function shareReading(run: Word[], reading: string, by: "ruby" | "lexicon", group: number, entry?: LexiconEntry): void {
  const mark = (w: Word, r: string) => {
    w.dictionaryReading = w.reading;
    w.reading = r;
    w.pronunciation = "";
    w.by = by;
    w.group = group;
    if (entry) w.entry = entry;
  };
  const flat = reading.replace(/[\s\u3000]+/g, "");
  const parts = reading.split(/[\s\u3000]+/).filter(Boolean);
  if (run.map((w) => w.reading).join("") === flat) {
    // Same as the dictionary: keep each word's reading; the author's blanks become word boundaries.
    let at = 0;
    const blanks = blankOffsets(reading);
    for (const w of run) {
      if (at > 0 && blanks.has(at)) w.forceSpace = true;
      const own = w.reading;
      const dictPron = w.pronunciation;
      mark(w, own);
      w.pronunciation = dictPron;
      at += own.length;
    }
    return;
  }
  if (parts.length === run.length && parts.length > 1) {
    run.forEach((w, i) => {
      mark(w, parts[i]);
      if (i > 0) w.forceSpace = true;
    });
    return;
  }
  // Anchors: words written in kana read as written.
  const pieces: { words: Word[]; reading: string }[] = [];
  let pos = 0;
  let pending: Word[] = [];
  let ok = true;
  for (const w of run) {
    const anchor = !HAS_KANJI.test(w.surface) && KANA_ONLY.test(w.surface) ? toKatakana(w.surface) : undefined;
    if (anchor === undefined) {
      pending.push(w);
      continue;
    }
    const from = pos + (pending.length > 0 ? 1 : 0);
    const idx = flat.indexOf(anchor, from);
    if (idx < 0 || (pending.length === 0 && idx !== pos)) {
      ok = false;
      break;
    }
    if (pending.length > 0) pieces.push({ words: pending, reading: flat.slice(pos, idx) });
    pieces.push({ words: [w], reading: anchor });
    pending = [];
    pos = idx + anchor.length;
  }
  if (ok && pending.length > 0) pieces.push({ words: pending, reading: flat.slice(pos) });
  if (!ok || pieces.some((p) => p.reading === "")) pieces.splice(0, pieces.length, { words: run, reading: flat });
  const blanks = blankOffsets(reading);
  let at = 0;
  for (const p of pieces) {
    const [head, ...rest] = p.words;
    // Several words with one reading become one word: the reading cannot be cut between them.
    if (rest.length > 0) {
      head.surface = p.words.map((w) => w.surface).join("");
      head.base = head.surface;
      const last = p.words[p.words.length - 1];
      Object.assign(head, { pos: last.pos, pos1: last.pos1, pos2: last.pos2, pos3: last.pos3, ctype: last.ctype, cform: last.cform });
      for (const w of rest) {
        w.kind = "space";
        w.surface = "";
        w.reading = "";
        w.spaceBefore = false;
      }
    }
    // Blanks the author wrote inside this piece's reading stay in it (braille splits there).
    let r = p.reading;
    const inside = [...blanks].filter((b) => b > at && b < at + p.reading.length).sort((x, y) => y - x);
    for (const b of inside) r = `${r.slice(0, b - at)} ${r.slice(b - at)}`;
    if (at > 0 && blanks.has(at)) head.forceSpace = true;
    mark(head, r);
    at += p.reading.length;
  }
  for (let k = run.length - 1; k >= 0; k--) if (run[k].kind === "space" && run[k].surface === "") run[k].group = group;
}

/** Offsets (in the reading without blanks) where the author put a blank. */
function blankOffsets(reading: string): Set<number> {
  const out = new Set<number>();
  let n = 0;
  for (const c of reading.trim()) {
    if (/[\s\u3000]/.test(c)) out.add(n);
    else n++;
  }
  return out;
}

/** Drops the placeholders left where several words were joined into one; a katakana piece MeCab cut before ー or
 * a small kana (ツ|ーチ) goes back to the word before it. */
export function compactWords(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    if (w.kind === "space" && w.surface === "") continue;
    const prev = out.at(-1);
    if (
      prev &&
      w.kind === "word" &&
      !w.spaceBefore &&
      /^[ーァィゥェォャュョッ]/.test(w.surface) &&
      /^[ァ-ヶー]+$/.test(prev.surface) &&
      prev.by !== "ruby" &&
      prev.by !== "lexicon"
    ) {
      const joined = prev.surface + w.surface;
      out[out.length - 1] = {
        ...prev,
        surface: joined,
        base: joined,
        reading: joined,
        pronunciation: joined,
        by: "kana",
        pos: "名詞",
        pos1: "一般",
      };
      continue;
    }
    out.push(w);
  }
  return out;
}
