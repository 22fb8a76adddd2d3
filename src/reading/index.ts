// The reading module's public surface: from written Japanese to what is spoken (audio) and read (braille).

export { applyLexicon, inlineSegments, type ReadingSegment, toHiragana, toKatakana } from "./overrides.ts";
export { ABBREVIATIONS, normalizeText, READING_RULES, type ReadingRule } from "./rules.ts";
export {
  isSpeakable,
  type LeafletScript,
  leafletScript,
  MAX_UTTERANCE_CHARS,
  type SpeakerNameMode,
  type SpeechOptions,
  splitSentences,
  spokenPlain,
  spokenText,
  type UnitScript,
  type Utterance,
  unitScript,
} from "./speech.ts";
