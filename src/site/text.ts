// How the pages mark up text: sentences with the ids the audio's timing map uses, the language of runs that are
// not Japanese, and what a link shows. Pure functions, tested without a browser.
import { sentenceId, sentencesOf } from "../model/sentences.ts";
import type { Inline, LinkInline } from "../model/types.ts";
import { inlineText } from "../model/walk.ts";

/** One sentence of a run as the page shows it: wrapped in an element with this id (and a language when detected). */
export interface SentenceSpan {
  id: string;
  inlines: Inline[];
  /** `en` when the sentence is written in Latin letters only (an English sentence in a Japanese leaflet). */
  lang?: string;
}

/** The sentences of one run of text, cut as the speech cuts them, with their element ids. */
export function runSentences(unit: string, path: string, inlines: Inline[]): SentenceSpan[] {
  return sentencesOf(inlines).map((s, n) => {
    const lang = detectedLang(inlineText(s), s);
    return { id: sentenceId({ unit, path }, n), inlines: s, ...(lang ? { lang } : {}) };
  });
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f々〆ー]/;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * `en` for text in Latin letters alone with at least two words (「This telephone number is toll-free…」), else
 * undefined. One word (「English」, 「e-Tax」) stays Japanese: Japanese screen readers read loanwords well, and a
 * language switch for one word is noisier than it helps. A run the author already marked keeps its own language.
 */
export function detectedLang(text: string, inlines?: Inline[]): string | undefined {
  if (inlines?.some((n) => n.type === "foreign")) return undefined;
  if (JAPANESE.test(text)) return undefined;
  return (text.match(LATIN_WORD)?.length ?? 0) >= 2 ? "en" : undefined;
}

/** A piece of plain text, with a language when it is an English phrase inside Japanese text. */
export interface TextPiece {
  text: string;
  lang?: string;
}

// Three or more Latin words in a row (with the spaces and punctuation between them): 「Inquiries about … System」.
const LATIN_PHRASE = /[A-Za-z][A-Za-z'’.-]*(?:[ ,/]+[A-Za-z][A-Za-z'’.-]*){2,}/g;

/**
 * Plain text (a contact line, a label) cut into pieces so English phrases get `lang="en"`: the whole text when it is
 * Latin-only (two words or more), else each phrase of three or more Latin words.
 */
export function langPieces(text: string): TextPiece[] {
  if (detectedLang(text)) return [{ text, lang: "en" }];
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(LATIN_PHRASE)) {
    const at = m.index ?? 0;
    if (at > last) pieces.push({ text: text.slice(last, at) });
    pieces.push({ text: m[0], lang: "en" });
    last = at + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces.length ? pieces : [{ text }];
}

/** The host name of a web address (`www.kojinbango-card.go.jp`), or undefined when it is not one. */
export function hostOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** True when a link's text is its own address (give it a name instead: 「マイナンバーカード総合サイト」). */
export function isBareUrl(link: Pick<LinkInline, "url" | "children">): boolean {
  const shown = inlineText(link.children).trim().replace(/\/$/, "");
  const url = link.url.trim().replace(/\/$/, "");
  return shown === url || shown === url.replace(/^https?:\/\//, "") || /^https?:\/\//.test(shown);
}

/**
 * What to show after a link's name so a resident sees where it goes before following it: 「（www.kojinbango-card.go.jp）」.
 * Nothing for a bare address (it shows itself) or a mail, phone or in-page link.
 */
export function linkHostNote(link: Pick<LinkInline, "url" | "children">): string | undefined {
  const host = hostOf(link.url);
  if (!host || isBareUrl(link)) return undefined;
  return `（${host}）`;
}
