// The timing map: where every sentence of a leaflet is heard, in each unit's MP3 and in the whole-leaflet MP3.
// The audio edition writes it once per leaflet (`<slug>/audio/timing.json`); the talking books and the website's
// read-along read it. Sentence ids are those of `sentenceId` in src/model/sentences.ts, so a text edition that
// cuts the same runs with `sentencesOf` gets the same ids.

/** Bump when the shape changes. */
export const TIMING_MAP_VERSION = 1;

/** What a spoken piece is: text of the page, or words the audio adds around it. */
export type TimedRole =
  /** A sentence of the page's text (its id is a sentence id of the text editions). */
  | "text"
  /** Words the audio adds that the page shows otherwise: 「質問3」, 「答え」, a speaker's name, 「表」, a list number. */
  | "announcement";

/** One spoken sentence (or announcement), with its place in the audio. */
export interface TimedSentence {
  /** `sentenceId(run, n)` for text; for announcements the id of the run they introduce, with `~a` appended. */
  id: string;
  role: TimedRole;
  /** The run's address inside its unit (`h` for the heading; see TextRun.path), for grouping by block. */
  path: string;
  /** The written text, as displayed (ruby shows its base). */
  text: string;
  /** Seconds from the start of the part's own MP3. */
  start: number;
  end: number;
}

/** One audio file of the leaflet: the opening (title and lead), a section, a question, or the closing credits. */
export interface TimedPart {
  /** `_intro`, a unit id, `_closing` (the contact and the information date) or `_credits`. */
  id: string;
  kind: "intro" | "section" | "question" | "closing" | "credits";
  /** The chapter title (`Q3. どこで受け取れますか`, a section title, or the leaflet title for the intro). */
  title: string;
  /** Heading depth: 1 for the leaflet (intro), 2 for sections and top-level questions, 3 for questions in a section. */
  level: 1 | 2 | 3;
  /** The part's own MP3 (dist-relative), or undefined where none is published (intro and credits today). */
  audio?: string;
  durationSeconds: number;
  /** Where the part starts in the whole-leaflet MP3. */
  offsetSeconds: number;
  sentences: TimedSentence[];
}

export interface TimingMap {
  version: typeof TIMING_MAP_VERSION;
  slug: string;
  title: string;
  /** The whole-leaflet MP3, dist-relative, and its duration. */
  leafletAudio: { path: string; durationSeconds: number };
  /** In playing order; their durations add up to the whole file's. */
  parts: TimedPart[];
}
