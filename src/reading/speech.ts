// What a leaflet sounds like, before any engine: per unit, the list of utterances (spoken text, pitch, pause, source position).
// The audio renderer synthesizes these; `leaflet readings` dumps them for review. Both must see exactly the same text.

import type { Block, Inline, Leaflet, LexiconEntry, SourcePos, Speaker } from "../model/types.ts";
import { blockText, inlineText, leadBlocks, listUnits, type Unit, unitBlocks } from "../model/walk.ts";
import { applyLexicon, inlineSegments, pronouncedReading } from "./overrides.ts";
import { normalizeText } from "./rules.ts";

/** How dialogue lines are introduced: every line, only when the speaker changes, or never. */
export type SpeakerNameMode = "always" | "on-change" | "never";

export interface SpeechOptions {
  lexicon: LexiconEntry[];
  speakerNames?: SpeakerNameMode;
}

/** One clip's worth of speech. */
export interface Utterance {
  /** Normalised text with every fixed reading substituted in kana: what the engine is given. */
  text: string;
  /** The written text it came from, for reviews and error messages. */
  source: string;
  /** Half-tones relative to the voice (the speaker's pitch in dialogue). */
  pitch: number;
  /** Silence after this utterance, in milliseconds. */
  pauseAfterMs: number;
  pos: SourcePos;
}

/** The speech of one audio file: a section, a question, or the opening announcement. */
export interface UnitScript {
  /** The unit id (`q12`, `carrying`), or `intro`. */
  id: string;
  kind: "intro" | "section" | "question" | "credits";
  /** Display title, used for chapter names and ID3 titles. */
  title: string;
  pos: SourcePos;
  utterances: Utterance[];
}

export interface LeafletScript {
  intro: UnitScript;
  units: UnitScript[];
}

/** Longest text given to the engine in one go; longer paragraphs are split at sentence ends. */
export const MAX_UTTERANCE_CHARS = 180;

const PAUSE = { sentence: 250, paragraph: 550, heading: 700, dialogue: 350, name: 150 } as const;

/** Reading-resolved spoken text of inlines: ruby and lexicon readings substituted, the rest normalised. */
export function spokenText(inlines: Inline[], lexicon: LexiconEntry[]): string {
  return (
    applyLexicon(inlineSegments(inlines), lexicon)
      // Spaces in a fixed reading mark braille word boundaries; speech reads the words together.
      .map((seg) => (seg.reading !== undefined ? pronouncedReading(seg.reading).replace(/[\s\u3000]+/g, "") : normalizeText(seg.text)))
      .join("")
      .replace(/、{2,}/g, "、")
      .replace(/^[、\s]+/, "")
      .trim()
  );
}

/** Spoken text of a plain string (titles, contact values). */
export function spokenPlain(text: string, lexicon: LexiconEntry[]): string {
  return spokenText([{ type: "text", value: text }], lexicon);
}

/** Splits text after 。！？ (keeping the mark); pieces longer than the limit are split again at 、. */
export function splitSentences(text: string, max = MAX_UTTERANCE_CHARS): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[。!?！？])/)) {
    const s = sentence.trim();
    if (!s) continue;
    if (s.length <= max) {
      out.push(s);
      continue;
    }
    let current = "";
    for (const part of s.split(/(?<=、)/)) {
      if (current && current.length + part.length > max) {
        out.push(current);
        current = "";
      }
      current += part;
      while (current.length > max) {
        out.push(current.slice(0, max));
        current = current.slice(max);
      }
    }
    if (current) out.push(current);
  }
  return out;
}

/** True when the engine would have something to say (not only punctuation and spaces). */
export function isSpeakable(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Builds the whole leaflet's speech: the opening announcement and one script per section or question. */
export function leafletScript(leaflet: Leaflet, opts: SpeechOptions): LeafletScript {
  const { lexicon } = opts;
  const title = leaflet.titleReading ? pronouncedReading(leaflet.titleReading) : spokenPlain(leaflet.title, lexicon);
  const intro: UnitScript = { id: "intro", kind: "intro", title: leaflet.title, pos: leaflet.pos, utterances: [] };
  const b = new ScriptBuilder(intro, leaflet, opts);
  b.say(`${title}。`, leaflet.title, leaflet.pos, 0, PAUSE.heading);
  b.say(`発行、${spokenPlain(leaflet.issuer, lexicon)}。`, leaflet.issuer, leaflet.pos, 0, PAUSE.paragraph);
  for (const block of leadBlocks(leaflet)) b.block(block);
  return { intro, units: listUnits(leaflet).map((unit) => unitScript(leaflet, unit, opts)) };
}

/** The script of one section or question. */
export function unitScript(leaflet: Leaflet, unit: Unit, opts: SpeechOptions): UnitScript {
  const headingInlines = unit.type === "question" ? unit.question : unit.title;
  const title = unit.type === "question" ? `Q${unit.number}. ${inlineText(headingInlines)}` : inlineText(headingInlines);
  const script: UnitScript = { id: unit.id, kind: unit.type, title, pos: unit.pos, utterances: [] };
  const b = new ScriptBuilder(script, leaflet, opts);
  const heading = spokenText(headingInlines, opts.lexicon);
  b.say(unit.type === "question" ? `質問${unit.number}。${heading}` : heading, inlineText(headingInlines), unit.pos, 0, PAUSE.heading);
  const blocks = unitBlocks(unit);
  if (unit.type === "question" && blocks.length > 0) b.say("答え。", "", unit.pos, 0, PAUSE.name);
  for (const block of blocks) b.block(block);
  return script;
}

class ScriptBuilder {
  private readonly script: UnitScript;
  private readonly speakers: Map<string, Speaker>;
  private readonly opts: SpeechOptions;
  private lastSpeaker: string | undefined;

  constructor(script: UnitScript, leaflet: Leaflet, opts: SpeechOptions) {
    this.script = script;
    this.speakers = new Map(leaflet.speakers.map((s) => [s.id, s]));
    this.opts = opts;
  }

  /** Adds spoken text, split into engine-sized utterances at sentence ends. */
  say(text: string, source: string, pos: SourcePos, pitch: number, pauseAfterMs: number): void {
    const pieces = splitSentences(text).filter(isSpeakable);
    const chunks: string[] = [];
    for (const piece of pieces) {
      const last = chunks.length - 1;
      if (last >= 0 && chunks[last].length + piece.length <= MAX_UTTERANCE_CHARS) chunks[last] += piece;
      else chunks.push(piece);
    }
    chunks.forEach((chunk, i) => {
      this.script.utterances.push({
        text: chunk,
        source,
        pitch,
        pauseAfterMs: i === chunks.length - 1 ? pauseAfterMs : PAUSE.sentence,
        pos,
      });
    });
  }

  block(block: Block): void {
    const lex = this.opts.lexicon;
    if (block.type !== "dialogue") this.lastSpeaker = undefined;
    switch (block.type) {
      case "paragraph":
      case "note":
        this.say(spokenText(block.children, lex), inlineText(block.children), block.pos, 0, PAUSE.paragraph);
        return;
      case "heading":
        this.say(spokenText(block.children, lex), inlineText(block.children), block.pos, 0, PAUSE.heading);
        return;
      case "list":
        block.items.forEach((item, i) => {
          const number = block.ordered ? `${block.start + i}、` : "";
          item.children.forEach((child, j) => {
            if (j === 0 && number && (child.type === "paragraph" || child.type === "note")) {
              this.say(`${number}${spokenText(child.children, lex)}`, inlineText(child.children), child.pos, 0, PAUSE.paragraph);
            } else this.block(child);
          });
        });
        return;
      case "dialogue":
        for (const line of block.lines) {
          const speaker = this.speakers.get(line.speaker);
          const mode = this.opts.speakerNames ?? "always";
          if (speaker && (mode === "always" || (mode === "on-change" && this.lastSpeaker !== line.speaker))) {
            this.say(
              `${speaker.reading ? pronouncedReading(speaker.reading) : spokenPlain(speaker.name, lex)}。`,
              speaker.name,
              line.pos,
              0,
              PAUSE.name,
            );
          }
          this.lastSpeaker = line.speaker;
          this.say(spokenText(line.children, lex), inlineText(line.children), line.pos, speaker?.pitch ?? 0, PAUSE.dialogue);
        }
        return;
      case "contact": {
        this.say(`${spokenText(block.title, lex)}。`, inlineText(block.title), block.pos, 0, PAUSE.sentence);
        for (const e of block.entries) {
          const label = spokenPlain(e.label, lex).replace(/、+$/, "");
          const value = e.number ? `${e.number}${e.remark ? `、${spokenPlain(e.remark, lex)}` : ""}` : spokenPlain(e.value, lex);
          this.say(`${label}、${value}。`, `${e.label}：${e.value}`, e.pos, 0, PAUSE.sentence);
        }
        this.bumpLastPause(PAUSE.paragraph);
        return;
      }
      case "table": {
        this.say(`表、${spokenText(block.caption, lex)}。`, inlineText(block.caption), block.pos, 0, PAUSE.sentence);
        for (const row of block.rows) {
          const cells = row.map((cell, i) => {
            const head = block.header[i] ? spokenText(block.header[i], lex) : "";
            const value = spokenText(cell, lex);
            return head ? `${head}、${value}` : value;
          });
          this.say(`${cells.join("、")}。`, row.map(inlineText).join(" | "), block.pos, 0, PAUSE.sentence);
        }
        this.bumpLastPause(PAUSE.paragraph);
        return;
      }
      case "image":
        this.say(`図、${spokenPlain(block.alt, lex)}`, block.alt, block.pos, 0, PAUSE.paragraph);
        return;
      default:
        this.say(spokenPlain(blockText(block), lex), blockText(block), (block as Block).pos, 0, PAUSE.paragraph);
    }
  }

  private bumpLastPause(ms: number): void {
    const last = this.script.utterances[this.script.utterances.length - 1];
    if (last) last.pauseAfterMs = Math.max(last.pauseAfterMs, ms);
  }
}
