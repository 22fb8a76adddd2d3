// What a leaflet sounds like, before any engine: per unit, the list of utterances (spoken text, pitch, pause, source position).
// The audio renderer synthesizes these; `leaflet readings` dumps them for review. Both must see exactly the same text.

import { leadRuns, type RunRole, sentenceId, sentencesOf, type TextRun, unitRuns } from "../model/sentences.ts";
import type { Block, Leaflet, LexiconEntry, SourcePos, Speaker } from "../model/types.ts";
import { inlineText, listUnits, type Unit } from "../model/walk.ts";
import { CLOSING_UNIT_ID, closingLines } from "./closing.ts";
import { pronouncedReading } from "./overrides.ts";
import { spokenPlain, spokenText } from "./spoken.ts";

export { spokenPlain, spokenText } from "./spoken.ts";

/** How dialogue lines are introduced: every line, only when the speaker changes, or never. */
export type SpeakerNameMode = "always" | "on-change" | "never";

export interface SpeechOptions {
  lexicon: LexiconEntry[];
  speakerNames?: SpeakerNameMode;
}

/** One clip's worth of speech: one sentence of the page, or words the audio adds (a speaker's name, 「答え」). */
export interface Utterance {
  /** Normalised text with every fixed reading substituted in kana: what the engine is given. */
  text: string;
  /** The written text it came from, for reviews and error messages. */
  source: string;
  /** Half-tones relative to the voice (the speaker's pitch in dialogue). */
  pitch: number;
  /** The speaker's own voice, when the header gives one (speakers[].voice). */
  voice?: string;
  /** Silence after this utterance, in milliseconds. */
  pauseAfterMs: number;
  pos: SourcePos;
  /**
   * The sentence it speaks: `sentenceId(run, n)` of src/model/sentences.ts (the text editions give that element
   * the same id), or for added words the id of what they introduce with `~a` appended. Long sentences cut for the
   * engine give several utterances with one id.
   */
  id: string;
  role: "text" | "announcement";
  /** The run's address in its unit (`h` for the heading). */
  path: string;
}

/** The speech of one audio file: a section, a question, or the opening announcement. */
export interface UnitScript {
  /** The unit id (`q12`, `carrying`), or `intro`. */
  id: string;
  kind: "intro" | "section" | "question" | "closing" | "credits";
  /** Display title, used for chapter names and ID3 titles. */
  title: string;
  pos: SourcePos;
  utterances: Utterance[];
}

export interface LeafletScript {
  intro: UnitScript;
  units: UnitScript[];
  /** Who to ask and the date of the information, spoken after the last unit (undefined when there is neither). */
  closing?: UnitScript;
}

/** Longest text given to the engine in one go; longer paragraphs are split at sentence ends. */
export const MAX_UTTERANCE_CHARS = 180;

const PAUSE = { sentence: 250, paragraph: 550, heading: 700, dialogue: 350, name: 150 } as const;

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

/** The unit name of the leaflet's title and issuer in sentence ids. */
export const TITLE_UNIT = "_title";

/** Builds the whole leaflet's speech: the opening announcement, one script per section or question, the closing. */
export async function leafletScript(leaflet: Leaflet, opts: SpeechOptions): Promise<LeafletScript> {
  const { lexicon } = opts;
  const title = leaflet.titleReading ? pronouncedReading(leaflet.titleReading) : await spokenPlain(leaflet.title, lexicon);
  const intro: UnitScript = { id: "intro", kind: "intro", title: leaflet.title, pos: leaflet.pos, utterances: [] };
  const b = new ScriptBuilder(intro, leaflet, opts);
  const titleRun = { unit: TITLE_UNIT, path: "h" };
  b.say(`${title}。`, leaflet.title, leaflet.pos, 0, PAUSE.heading, { id: sentenceId(titleRun, 0), role: "text", path: "h" });
  if (leaflet.issuer) {
    b.say(`発行、${await spokenPlain(leaflet.issuer, lexicon)}。`, leaflet.issuer, leaflet.pos, 0, PAUSE.paragraph, {
      id: `${sentenceId(titleRun, 0)}~a`,
      role: "announcement",
      path: "h",
    });
  }
  await b.runs(leadRuns(leaflet));
  const units: UnitScript[] = [];
  for (const unit of listUnits(leaflet)) units.push(await unitScript(leaflet, unit, opts));
  return { intro, units, closing: await closingScript(leaflet, opts) };
}

/** The closing: 「このページに関するお問い合わせ」 with the contact, then 「この情報は…時点のものです」. */
async function closingScript(leaflet: Leaflet, opts: SpeechOptions): Promise<UnitScript | undefined> {
  const lines = closingLines(leaflet);
  if (lines.length === 0) return undefined;
  const script: UnitScript = { id: "closing", kind: "closing", title: "お問い合わせ", pos: leaflet.pos, utterances: [] };
  const b = new ScriptBuilder(script, leaflet, opts);
  for (const [n, line] of lines.entries()) {
    const value =
      line.kind === "phone" || line.kind === "fax"
        ? line.value
        : line.kind === "email"
          ? "メールアドレスは、ページをご覧ください"
          : line.kind === "url"
            ? "ホームページのアドレスは、ページをご覧ください"
            : await spokenPlain(line.value, opts.lexicon);
    const text = line.label ? `${await spokenPlain(line.label, opts.lexicon)}、${value}。` : `${value.replace(/。$/, "")}。`;
    const source = line.label ? `${line.label}：${line.value}` : line.value;
    const pause = line.kind === "heading" ? PAUSE.heading : n === lines.length - 1 ? PAUSE.paragraph : PAUSE.sentence;
    b.say(text, source, leaflet.positions?.contact ?? leaflet.pos, 0, pause, {
      id: sentenceId({ unit: CLOSING_UNIT_ID, path: String(n) }, 0),
      role: "text",
      path: String(n),
    });
  }
  return script;
}

/** The script of one section or question. */
export async function unitScript(leaflet: Leaflet, unit: Unit, opts: SpeechOptions): Promise<UnitScript> {
  const title = unit.type === "question" ? `Q${unit.number}. ${inlineText(unit.question)}` : inlineText(unit.title);
  const script: UnitScript = { id: unit.id, kind: unit.type, title, pos: unit.pos, utterances: [] };
  const b = new ScriptBuilder(script, leaflet, opts);
  const [heading, ...body] = unitRuns(unit);
  await b.text(heading, unit.type === "question" ? `質問${unit.number}。` : "", unit.pos, 0, PAUSE.heading);
  if (unit.type === "question" && body.length > 0) b.announce(body[0], "答え。", unit.pos, PAUSE.name);
  await b.runs(body);
  return script;
}

/** Pause after the last sentence of a run, by what the run is. */
const RUN_PAUSE: Record<RunRole, number> = {
  title: PAUSE.heading,
  heading: PAUSE.heading,
  subheading: PAUSE.heading,
  paragraph: PAUSE.paragraph,
  note: PAUSE.paragraph,
  item: PAUSE.paragraph,
  dialogue: PAUSE.dialogue,
  "contact-title": PAUSE.sentence,
  "contact-entry": PAUSE.sentence,
  caption: PAUSE.sentence,
  cell: PAUSE.sentence,
  alt: PAUSE.paragraph,
};

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

  /** Adds spoken text as one utterance, cut only where it is longer than the engine takes. */
  say(
    text: string,
    source: string,
    pos: SourcePos,
    pitch: number,
    pauseAfterMs: number,
    ref: Pick<Utterance, "id" | "role" | "path">,
  ): void {
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
        ...ref,
      });
    });
  }

  /** Words the audio adds before a run (「答え」, a speaker's name). */
  announce(run: TextRun, text: string, pos: SourcePos, pause: number): void {
    this.say(text, "", pos, 0, pause, { id: `${sentenceId(run, 0)}~a`, role: "announcement", path: run.path });
  }

  /** Each sentence of a run as its own utterance; `prefix` (a number, 「質問3。」) is spoken with the first. */
  async text(run: TextRun, prefix: string, pos: SourcePos, pitch: number, pause: number, voice?: string): Promise<void> {
    const lex = this.opts.lexicon;
    const sentences = sentencesOf(run.inlines);
    for (const [n, sentence] of sentences.entries()) {
      const spoken = `${n === 0 ? prefix : ""}${await spokenText(sentence, lex)}`;
      const last = n === sentences.length - 1;
      this.say(spoken, inlineText(sentence), pos, pitch, last ? pause : PAUSE.sentence, {
        id: sentenceId(run, n),
        role: "text",
        path: run.path,
      });
      if (voice) this.script.utterances.at(-1)!.voice = voice;
    }
  }

  async runs(runs: TextRun[]): Promise<void> {
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i];
      if (run.role !== "dialogue") this.lastSpeaker = undefined;
      const block = run.block;
      const pos = block?.pos ?? this.script.pos;
      switch (run.role) {
        case "item": {
          const itemPos = findItemPos(block, run) ?? pos;
          await this.text(run, run.number !== undefined ? `${run.number}、` : "", itemPos, 0, RUN_PAUSE.item);
          break;
        }
        case "dialogue": {
          const line = block?.type === "dialogue" ? block.lines[Number(run.path.split("-").at(-1))] : undefined;
          const speaker = run.speaker ? this.speakers.get(run.speaker) : undefined;
          const mode = this.opts.speakerNames ?? "always";
          const linePos = line?.pos ?? pos;
          if (speaker && (mode === "always" || (mode === "on-change" && this.lastSpeaker !== run.speaker))) {
            const name = speaker.reading ? pronouncedReading(speaker.reading) : await spokenPlain(speaker.name, this.opts.lexicon);
            this.say(`${name}。`, speaker.name, linePos, 0, PAUSE.name, {
              id: `${sentenceId(run, 0)}~a`,
              role: "announcement",
              path: run.path,
            });
          }
          this.lastSpeaker = run.speaker;
          await this.text(run, "", linePos, speaker?.pitch ?? 0, RUN_PAUSE.dialogue, speaker?.voice);
          break;
        }
        case "contact-title":
          this.whole(run, `${await spokenText(run.inlines, this.opts.lexicon)}。`, pos, RUN_PAUSE["contact-title"]);
          break;
        case "contact-entry": {
          const e = block?.type === "contact" ? block.entries[run.number ?? 0] : undefined;
          if (!e) break;
          const lex = this.opts.lexicon;
          const label = (await spokenPlain(e.label, lex)).replace(/、+$/, "");
          const value = e.number
            ? `${e.number}${e.remark ? `、${await spokenPlain(e.remark, lex)}` : ""}`
            : await spokenPlain(e.value, lex);
          const lastEntry = runs[i + 1]?.role !== "contact-entry";
          this.whole(run, `${label}、${value}。`, e.pos, lastEntry ? PAUSE.paragraph : PAUSE.sentence, `${e.label}：${e.value}`);
          break;
        }
        case "caption":
          this.whole(run, `表、${await spokenText(run.inlines, this.opts.lexicon)}。`, pos, RUN_PAUSE.caption);
          break;
        case "cell": {
          // A table row is read as one sentence: each cell after its column's header.
          const row = [run];
          while (runs[i + 1]?.role === "cell" && rowOf(runs[i + 1]) === rowOf(run)) row.push(runs[++i]);
          const lex = this.opts.lexicon;
          const cells: string[] = [];
          for (const c of row) {
            const head = c.header ? await spokenText(c.header, lex) : "";
            const value = await spokenText(c.inlines, lex);
            cells.push(head ? `${head}、${value}` : value);
          }
          const lastRow = runs[i + 1]?.role !== "cell";
          const rowRun = { unit: run.unit, path: rowOf(run) };
          this.say(
            `${cells.join("、")}。`,
            row.map((c) => inlineText(c.inlines)).join(" | "),
            pos,
            0,
            lastRow ? PAUSE.paragraph : PAUSE.sentence,
            {
              id: sentenceId(rowRun, 0),
              role: "text",
              path: rowRun.path,
            },
          );
          break;
        }
        case "alt":
          this.whole(run, `図、${await spokenPlain(inlineText(run.inlines), this.opts.lexicon)}`, pos, RUN_PAUSE.alt);
          break;
        default:
          await this.text(run, "", pos, 0, RUN_PAUSE[run.role]);
      }
    }
  }

  /** A run spoken as one utterance (a contact line, a caption), whatever its sentences. */
  private whole(run: TextRun, spoken: string, pos: SourcePos, pause: number, source = inlineText(run.inlines)): void {
    this.say(spoken, source, pos, 0, pause, { id: sentenceId(run, 0), role: "text", path: run.path });
  }
}

/** The address of a table row: a cell's path without its column. */
export function rowOf(run: Pick<TextRun, "path">): string {
  return run.path.split("-").slice(0, -1).join("-");
}

/** The source position of a list item's paragraph, from the run's path (`block-item-child`). */
function findItemPos(block: Block | undefined, run: TextRun): SourcePos | undefined {
  if (block?.type !== "list") return undefined;
  const [, item, child] = run.path.split("-").slice(-3).map(Number);
  const node = block.items[item]?.children[child];
  return node?.pos;
}
