// Reading Open JTalk's `-ot` trace: the text analysis says, word by word, how the engine will pronounce the text.

/** One word of Open JTalk's text analysis. */
export interface TraceWord {
  surface: string;
  pos: string;
  /** Pronunciation in katakana as spoken (long vowels as ー), accent marks removed. */
  pronunciation: string;
}

/** The words of the "[Text analysis result]" part of a trace. */
export function parseTrace(trace: string): TraceWord[] {
  const start = trace.indexOf("[Text analysis result]");
  if (start < 0) return [];
  const end = trace.indexOf("[Output label]", start);
  const body = trace
    .slice(start, end < 0 ? undefined : end)
    .split("\n")
    .slice(1);
  const words: TraceWord[] = [];
  for (const line of body) {
    if (!line.trim()) continue;
    const f = line.split(",");
    if (f.length < 10) continue;
    // A surface that is itself a comma shifts the fields; the engine reads it as a pause.
    if (line.startsWith(",")) {
      words.push({ surface: ",", pos: "記号", pronunciation: "、" });
      continue;
    }
    words.push({ surface: f[0], pos: f[1], pronunciation: f[9].replace(/[’']/g, "") });
  }
  return words;
}

const SENTENCE_END = /^[。!?！？]$/;

/** The kana reading of words, with 、 for pauses and 。 at sentence ends. */
export function wordsReading(words: TraceWord[]): string {
  let out = "";
  for (const w of words) {
    const kana =
      w.pos === "記号" ? (SENTENCE_END.test(w.surface) ? "。" : w.pronunciation === "、" ? "、" : w.pronunciation) : w.pronunciation;
    if ((kana === "、" || kana === "。") && (out.endsWith("、") || out.endsWith("。") || out === "")) {
      if (kana === "。" && out.endsWith("、")) out = `${out.slice(0, -1)}。`;
      continue;
    }
    out += kana;
  }
  return out;
}

/** The reading of a whole trace. */
export function traceReading(trace: string): string {
  return wordsReading(parseTrace(trace));
}

/** The trace's words split into sentences at 。！？, for pairing with sentences of the source. */
export function traceSentences(trace: string): string[] {
  const sentences: string[] = [];
  let current: TraceWord[] = [];
  for (const w of parseTrace(trace)) {
    current.push(w);
    if (w.pos === "記号" && SENTENCE_END.test(w.surface)) {
      sentences.push(wordsReading(current));
      current = [];
    }
  }
  if (current.length) sentences.push(wordsReading(current));
  return sentences.filter((s) => s !== "");
}
