// A small leaflet with every kind of block, spoken by the real Open JTalk sentence by sentence, joined into real
// MP3s with ffmpeg, and the timing map measured with ffprobe: what the audio edition writes into dist/, made here
// independently so the talking books are tested against real audio.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { resolveEngine, type TtsEngine } from "../../audio/engine.ts";
import { encodeWav, parseWav } from "../../audio/wav.ts";
import { TIMING_MAP_VERSION, type TimedPart, type TimedSentence, type TimingMap } from "../../edition/timing.ts";
import { leadRuns, sentenceId, sentencesOf, type TextRun, unitRuns } from "../../model/sentences.ts";
import type { Inline, Leaflet, SourcePos } from "../../model/types.ts";
import { inlineText, listUnits } from "../../model/walk.ts";
import { spokenText } from "../../reading/speech.ts";
import { titleRuns } from "../content.ts";

const run = promisify(execFile);
const FILE = "content/leaflets/card-pickup.md";
const at = (line: number): SourcePos => ({ file: FILE, line, column: 1 });
const t = (value: string): Inline[] => [{ type: "text", value }];

/** Sections with a question inside, a top-level question, dialogue, a list, a table, ruby and an image. */
export function bookLeaflet(imageFile: string): Leaflet {
  return {
    slug: "card-pickup",
    file: FILE,
    title: "マイナンバーカードの受け取り",
    summary: "カードを受け取る場所と持ち物の案内です。",
    issuer: "市川市 市民課",
    date: "2024-04-01",
    asOf: "2024-04-01",
    source: "市川市「マイナンバーカードの受け取り」",
    layout: "leaflet",
    speakers: [
      { id: "mina", name: "マイナちゃん", reading: "マイナちゃん", pitch: 3 },
      { id: "baachan", name: "マイナンバあちゃん", reading: "マイナンバあちゃん", pitch: -2 },
    ],
    braille: { label: "カードの受け取り" },
    audio: { speed: 1.1 },
    uniVoice: false,
    pos: at(1),
    body: [
      { type: "paragraph", children: t("カードの受け取り方を説明します。"), pos: at(8) },
      {
        type: "section",
        id: "counters",
        title: t("受け取りの窓口"),
        pos: at(10),
        children: [
          {
            type: "paragraph",
            children: [
              { type: "ruby", base: "行徳", reading: "ぎょうとく", display: true },
              ...t("支所でも受け取れます。予約は要りません。"),
            ],
            pos: at(12),
          },
          {
            type: "list",
            ordered: true,
            start: 1,
            items: [
              { children: [{ type: "paragraph", children: t("本人確認書類"), pos: at(14) }], pos: at(14) },
              { children: [{ type: "paragraph", children: t("交付通知書"), pos: at(15) }], pos: at(15) },
            ],
            pos: at(14),
          },
          {
            type: "table",
            caption: t("受付時間"),
            header: [t("曜日"), t("時間")],
            rows: [[t("平日"), t("9時から17時")]],
            align: [null, null],
            pos: at(17),
          },
          { type: "image", file: imageFile, name: "card-front.png", alt: "カードの表面の見本。", pos: at(21) },
          {
            type: "question",
            id: "q1",
            number: 1,
            question: t("代理人でも受け取れますか。"),
            answer: [{ type: "paragraph", children: t("委任状があれば受け取れます。"), pos: at(25) }],
            pos: at(23),
          },
        ],
      },
      {
        type: "question",
        id: "q2",
        number: 2,
        question: t("手数料はかかりますか。"),
        answer: [
          {
            type: "dialogue",
            lines: [
              { speaker: "mina", children: t("お金はかかるの？"), pos: at(30) },
              { speaker: "baachan", children: t("かからんよ。"), pos: at(31) },
            ],
            pos: at(30),
          },
        ],
        pos: at(28),
      },
    ],
  };
}

/** One spoken piece: a sentence of a run, or an announcement the audio adds. */
interface Piece {
  id: string;
  role: TimedSentence["role"];
  path: string;
  text: string;
  spoken: string;
  pitch: number;
  pauseMs: number;
}

const CREDIT = "音声合成には、オープンジェイトークを使用しています。";

/** One part of the audio and what is said in it. */
interface SpokenPart {
  id: string;
  kind: TimedPart["kind"];
  title: string;
  level: 1 | 2 | 3;
  pieces: Piece[];
}

/**
 * The pieces of each part in playing order, spoken as the audio edition's speech script does: each sentence of a
 * run on its own (a list number or 「質問3。」 with the first), a speaker's name and 「答え」 as announcements of the
 * run they introduce, captions, contact lines and alt texts whole, a table row as one sentence of its own.
 */
export function leafletPieces(leaflet: Leaflet): SpokenPart[] {
  const piece = (id: string, role: Piece["role"], path: string, text: string, spoken: string, pitch = 0, pauseMs = 250): Piece => ({
    id,
    role,
    path,
    text,
    spoken,
    pitch,
    pauseMs,
  });
  const sentencesOfRun = (r: Pick<TextRun, "unit" | "path" | "inlines">, prefix = "", pitch = 0): Piece[] =>
    sentencesOf(r.inlines).map((s, n) =>
      piece(sentenceId(r, n), "text", r.path, inlineText(s).trim(), `${n === 0 ? prefix : ""}${spokenText(s, [])}`, pitch),
    );
  const whole = (r: TextRun, spoken: string) => piece(sentenceId(r, 0), "text", r.path, inlineText(r.inlines), spoken);
  const announce = (r: Pick<TextRun, "unit" | "path">, spoken: string) =>
    piece(`${sentenceId(r, 0)}~a`, "announcement", r.path, "", spoken, 0, 150);
  const speakers = new Map(leaflet.speakers.map((s) => [s.id, s]));
  const runPieces = (runs: TextRun[]): Piece[] => {
    const out: Piece[] = [];
    for (let i = 0; i < runs.length; i++) {
      const r = runs[i];
      if (r.role === "dialogue" && r.speaker) {
        const sp = speakers.get(r.speaker)!;
        out.push(announce(r, `${sp.reading ?? sp.name}。`), ...sentencesOfRun(r, "", sp.pitch));
      } else if (r.role === "item") out.push(...sentencesOfRun(r, r.number !== undefined ? `${r.number}、` : ""));
      else if (r.role === "caption") out.push(whole(r, `表、${spokenText(r.inlines, [])}。`));
      else if (r.role === "alt") out.push(whole(r, `図、${inlineText(r.inlines)}`));
      else if (r.role === "contact-title" || r.role === "contact-entry") out.push(whole(r, `${spokenText(r.inlines, [])}。`));
      else if (r.role === "cell") {
        const rowPath = r.path.split("-").slice(0, -1).join("-");
        const row = [r];
        while (runs[i + 1]?.role === "cell" && runs[i + 1].path.startsWith(`${rowPath}-`)) row.push(runs[++i]);
        const spoken = row.map((c) => `${c.header ? `${inlineText(c.header)}、` : ""}${spokenText(c.inlines, [])}`).join("、");
        out.push(
          piece(
            sentenceId({ unit: r.unit, path: rowPath }, 0),
            "text",
            rowPath,
            row.map((c) => inlineText(c.inlines)).join(" | "),
            `${spoken}。`,
          ),
        );
      } else out.push(...sentencesOfRun(r));
    }
    return out;
  };
  const [title] = titleRuns(leaflet);
  const intro: Piece[] = [whole(title, `${leaflet.title}。`)];
  if (leaflet.issuer) intro.push(announce(title, `発行、${leaflet.issuer}。`));
  const parts: SpokenPart[] = [
    { id: "_intro", kind: "intro", title: leaflet.title, level: 1, pieces: [...intro, ...runPieces(leadRuns(leaflet))] },
  ];
  const inSection = new Set(
    leaflet.body.flatMap((b) => (b.type === "section" ? b.children.filter((c) => c.type === "question").map((q) => q.id) : [])),
  );
  for (const unit of listUnits(leaflet)) {
    const [heading, ...body] = unitRuns(unit);
    const pieces =
      unit.type === "question"
        ? [...sentencesOfRun(heading, `質問${unit.number}。`), ...(body.length ? [announce(body[0], "答え。")] : []), ...runPieces(body)]
        : [...sentencesOfRun(heading), ...runPieces(body)];
    const title = unit.type === "question" ? `Q${unit.number}. ${inlineText(unit.question)}` : inlineText(unit.title);
    parts.push({ id: unit.id, kind: unit.type, title, level: inSection.has(unit.id) ? 3 : 2, pieces });
  }
  parts.push({
    id: "_credits",
    kind: "credits",
    title: "クレジット",
    level: 2,
    pieces: [piece("_credits--h-s0", "text", "h", CREDIT, CREDIT)],
  });
  return parts;
}

/** Seconds of a media file, measured by ffprobe. */
export async function probeSeconds(file: string): Promise<number> {
  const { stdout } = await run("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file]);
  return Number(stdout.trim());
}

const RATE = 48000;
const LEAD_MS = 300;
const TAIL_MS = 1000;

/** What buildFixture made: a dist folder with the audio edition's files for one leaflet. */
export interface BookFixture {
  leaflet: Leaflet;
  distDir: string;
  timing: TimingMap;
  /** The same map as if the opening and the credits had MP3s of their own too (for the `audio: parts` books). */
  partsTiming: TimingMap;
  /** MP3 bytes by dist-relative path (those of partsTiming included). */
  audio: Map<string, Uint8Array>;
  images: Map<string, Uint8Array>;
}

/** Speaks the leaflet with Open JTalk (clips cached across runs) and writes its MP3s and timing.json into a new dist folder. */
export async function buildFixture(): Promise<BookFixture> {
  const distDir = await mkdtemp(join(tmpdir(), "talkingbook-dist-"));
  const imageFile = join(distDir, "card-front.png");
  await sharp({ create: { width: 160, height: 100, channels: 3, background: { r: 40, g: 110, b: 170 } } })
    .png()
    .toFile(imageFile);
  const leaflet = bookLeaflet(imageFile);
  const engine = await resolveEngine({ engine: "openjtalk" });
  const cacheDir = join(tmpdir(), "talkingbook-fixture-clips");
  await mkdir(cacheDir, { recursive: true });
  const parts = leafletPieces(leaflet);
  const clips = new Map<string, Promise<string>>();
  const clipOf = (p: Piece) => {
    const key = createHash("sha256")
      .update(JSON.stringify([engine.version, p.spoken, p.pitch, leaflet.audio.speed]))
      .digest("hex")
      .slice(0, 24);
    if (!clips.has(key)) clips.set(key, synthesizeCached(engine, p, leaflet.audio.speed, join(cacheDir, `${key}.wav`)));
    return clips.get(key)!;
  };
  const slug = leaflet.slug;
  const audioDir = join(distDir, slug, "audio");
  await mkdir(audioDir, { recursive: true });
  const scratch = await mkdtemp(join(tmpdir(), "talkingbook-parts-"));
  // Parts are made side by side (each clip measured by ffprobe), then placed one after the other.
  const made = await Promise.all(
    parts.map(async (part) => {
      const wavs = await Promise.all(part.pieces.map(clipOf));
      const seconds = await Promise.all(wavs.map(probeSeconds));
      const chunks: Int16Array[] = [silence(LEAD_MS)];
      const sentences: TimedSentence[] = [];
      let cursor = LEAD_MS / 1000;
      for (const [i, piece] of part.pieces.entries()) {
        chunks.push(parseWav(await readFile(wavs[i])).samples, silence(piece.pauseMs));
        sentences.push({
          id: piece.id,
          role: piece.role,
          path: piece.path,
          text: piece.text,
          start: round(cursor),
          end: round(cursor + seconds[i]),
        });
        cursor += seconds[i] + piece.pauseMs / 1000;
      }
      chunks.push(silence(TAIL_MS));
      // Intro and credits have no MP3 of their own, as in the audio edition: they are heard in the whole-leaflet file.
      const own = part.kind === "section" || part.kind === "question";
      const path = `${slug}/audio/${part.id}.mp3`;
      const file = own ? join(distDir, path) : join(distDir, "extra", `${part.id}.mp3`);
      await mkdir(dirname(file), { recursive: true });
      await encodeMp3(joinPcm(chunks), file);
      return { part, own, path, file, sentences, duration: await probeSeconds(file) };
    }),
  );
  const timedParts: TimedPart[] = [];
  let offset = 0;
  for (const m of made) {
    const { part } = m;
    timedParts.push({
      id: part.id,
      kind: part.kind,
      title: part.title,
      level: part.level,
      audio: m.own ? m.path : undefined,
      durationSeconds: round(m.duration),
      offsetSeconds: round(offset),
      sentences: m.sentences,
    });
    offset += m.duration;
  }
  const partFiles = made.map((m) => m.file);
  // The whole-leaflet file is the parts' MP3 frames joined without re-encoding, as the audio edition makes it.
  const wholePath = `${slug}/audio/${slug}-all.mp3`;
  const list = join(scratch, "parts.txt");
  await writeFile(list, partFiles.map((f) => `file '${f}'`).join("\n"));
  await run("ffmpeg", ["-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", join(distDir, wholePath)]);
  await rm(scratch, { recursive: true, force: true });
  const timing: TimingMap = {
    version: TIMING_MAP_VERSION,
    slug,
    title: leaflet.title,
    leafletAudio: { path: wholePath, durationSeconds: round(await probeSeconds(join(distDir, wholePath))) },
    parts: timedParts,
  };
  await writeFile(join(audioDir, "timing.json"), `${JSON.stringify(timing, null, 2)}\n`);
  const partsTiming: TimingMap = { ...timing, parts: timing.parts.map((p) => ({ ...p, audio: p.audio ?? `extra/${p.id}.mp3` })) };
  const audio = new Map<string, Uint8Array>();
  for (const p of [wholePath, ...partsTiming.parts.map((p) => p.audio!)]) audio.set(p, await readFile(join(distDir, p)));
  return { leaflet, distDir, timing, partsTiming, audio, images: new Map([["card-front.png", await readFile(imageFile)]]) };
}

async function synthesizeCached(engine: TtsEngine, p: Piece, speed: number, wav: string): Promise<string> {
  if (existsSync(wav)) return wav;
  const tmp = `${wav}.${process.pid}.tmp.wav`;
  const res = await engine.synthesize({ text: p.spoken, outWav: tmp, speed, pitch: p.pitch, timeoutMs: 30_000 });
  // Bring every clip to one rate, so they can be joined sample by sample.
  const pcm = parseWav(await readFile(res.wavPath));
  if (pcm.sampleRate !== RATE) throw new Error(`Open JTalk wrote ${pcm.sampleRate} Hz, ${RATE} expected`);
  await writeFile(tmp, encodeWav(pcm));
  await rename(tmp, wav);
  return wav;
}

async function encodeMp3(pcm: Int16Array, out: string): Promise<void> {
  const raw = `${out}.pcm`;
  await writeFile(raw, new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength));
  await run("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "s16le",
    "-ar",
    String(RATE),
    "-ac",
    "1",
    "-i",
    raw,
    "-ar",
    "44100",
    "-c:a",
    "libmp3lame",
    "-b:a",
    "64k",
    out,
  ]);
  await rm(raw);
}

function silence(ms: number): Int16Array {
  return new Int16Array(Math.round((RATE * ms) / 1000));
}

function joinPcm(chunks: Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function round(s: number): number {
  return Math.round(s * 1000) / 1000;
}
