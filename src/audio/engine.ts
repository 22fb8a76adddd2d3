// Text-to-speech engines: Open JTalk through its command line, and the `say` package on macOS and Windows.
// Every engine produces 48 kHz mono 16-bit WAV so the rest of the pipeline has one format to handle.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { findExecutable, ProcessError, runProcess } from "../lib/process.ts";

export { findExecutable } from "../lib/process.ts";

import { readWavHeader, type WavHeader } from "./wav.ts";

/** Sample rate every engine's output is brought to. */
export const INTERNAL_SAMPLE_RATE = 48000;

export type EngineId = "openjtalk" | "say";

/** One clip to synthesize. */
export interface SynthesisRequest {
  /** The text to speak, already normalised (readings substituted). One line. */
  text: string;
  /** Where to write the WAV. */
  outWav: string;
  /** Where to write the engine's text analysis (Open JTalk `-ot`), when wanted. */
  traceFile?: string;
  /** Speech rate, 1.0 = normal. */
  speed: number;
  /** Half-tones added to the voice pitch. */
  pitch: number;
  /** Time limit; the engine process is killed when it is exceeded. */
  timeoutMs: number;
}

/** What came out of one synthesis. */
export interface SynthesisResult {
  wavPath: string;
  sampleRate: number;
  durationSeconds: number;
}

/** A speech engine ready to use. */
export interface TtsEngine {
  id: EngineId;
  /** Engine, dictionary and voice versions: part of every cache key. */
  version: string;
  /** Voice name, part of cache keys and of the credit. */
  voice: string;
  /** Credit the voice's licence asks for, spoken at the end and written in ID3, or undefined. */
  credit?: { spoken: string; text: string };
  synthesize(req: SynthesisRequest): Promise<SynthesisResult>;
  /** The engine's own analysis of the text (Open JTalk only), for reading reviews. */
  analyze?(text: string, timeoutMs: number): Promise<string>;
}

/** Where a usable engine was looked for and what was found. */
export interface EngineStatus {
  id: EngineId;
  available: boolean;
  /** Human-readable facts (binary path, voice, version) or why it cannot be used. */
  detail: string;
  /** What to do to make it available. */
  install?: string;
}

/** Where to look: injectable so tests can pretend to be another machine. */
export interface DetectOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Open JTalk binary, dictionary and voice (defaults: Debian's packages). */
  openJTalk?: Partial<OpenJTalkPaths>;
}

export interface OpenJTalkPaths {
  binary: string;
  dictionary: string;
  /** Folder(s) searched for `<voice>.htsvoice`. */
  voiceDirs: string[];
}

export const DEBIAN_OPEN_JTALK: OpenJTalkPaths = {
  binary: "open_jtalk",
  dictionary: "/var/lib/mecab/dic/open-jtalk/naist-jdic",
  voiceDirs: ["/usr/share/hts-voice"],
};

/** Default Open JTalk voice (Debian package hts-voice-nitech-jp-atr503-m001). */
export const DEFAULT_OPEN_JTALK_VOICE = "nitech_jp_atr503_m001";

const INSTALL_OPEN_JTALK =
  "Debian/Ubuntu: enable the contrib component, then `sudo apt-get install open-jtalk open-jtalk-mecab-naist-jdic hts-voice-nitech-jp-atr503-m001`; " +
  "other systems: build Open JTalk from https://open-jtalk.sourceforge.net/ and point settings.audio at it";
const INSTALL_SAY =
  "macOS: `say` is built in (voice Kyoko: System Settings → Accessibility → Spoken Content); Windows: add the Japanese voice Haruka";

/** Thrown when no engine can be used; the message says how to install one. */
export class EngineUnavailableError extends Error {
  readonly statuses: EngineStatus[];
  constructor(message: string, statuses: EngineStatus[]) {
    super(message);
    this.name = "EngineUnavailableError";
    this.statuses = statuses;
  }
}

/** How synthesizing one clip failed: the text was refused, the engine crashed, hung, or wrote audio we cannot use. */
export type SynthesisFailure = "rejected" | "crashed" | "timeout" | "bad-audio";

/** Thrown by an engine for one clip: rejected text, crash, time limit, or unusable audio. */
export class SynthesisError extends Error {
  readonly kind: SynthesisFailure;
  constructor(kind: SynthesisFailure, message: string) {
    super(message);
    this.name = "SynthesisError";
    this.kind = kind;
  }
}

/** Finds `<voice>.htsvoice` (or takes a path to one). */
export function findHtsVoice(voice: string, dirs: string[]): string | undefined {
  if (voice.endsWith(".htsvoice")) return existsSync(voice) ? voice : undefined;
  for (const dir of dirs) {
    const direct = join(dir, `${voice}.htsvoice`);
    if (existsSync(direct)) return direct;
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    for (const sub of entries) {
      const nested = join(dir, sub, `${voice}.htsvoice`);
      if (existsSync(nested)) return nested;
    }
  }
  return undefined;
}

/** Looks for every engine on this machine; never throws. */
export async function detectEngines(opts: DetectOptions = {}): Promise<EngineStatus[]> {
  return [await detectOpenJTalk(opts), detectSay(opts)];
}

async function detectOpenJTalk(opts: DetectOptions): Promise<EngineStatus> {
  const paths = { ...DEBIAN_OPEN_JTALK, ...opts.openJTalk };
  const binary = findExecutable(paths.binary, opts.env);
  if (!binary) return { id: "openjtalk", available: false, detail: `\`${paths.binary}\` not found on PATH`, install: INSTALL_OPEN_JTALK };
  if (!existsSync(join(paths.dictionary, "sys.dic")))
    return { id: "openjtalk", available: false, detail: `dictionary not found in ${paths.dictionary}`, install: INSTALL_OPEN_JTALK };
  const voice = findHtsVoice(DEFAULT_OPEN_JTALK_VOICE, paths.voiceDirs);
  if (!voice)
    return {
      id: "openjtalk",
      available: false,
      detail: `voice ${DEFAULT_OPEN_JTALK_VOICE} not found in ${paths.voiceDirs.join(", ")}`,
      install: INSTALL_OPEN_JTALK,
    };
  const version = await openJTalkVersion(binary, opts.env);
  return { id: "openjtalk", available: true, detail: `${binary} (${version}), voice ${voice}` };
}

function detectSay(opts: DetectOptions): EngineStatus {
  const platform = opts.platform ?? process.platform;
  if (platform === "darwin") {
    const bin = findExecutable("say", opts.env);
    return bin
      ? { id: "say", available: true, detail: `${bin} (macOS), voice Kyoko` }
      : { id: "say", available: false, detail: "the macOS `say` command is missing", install: INSTALL_SAY };
  }
  if (platform === "win32") return { id: "say", available: true, detail: "Windows SAPI, voice Microsoft Haruka Desktop" };
  return {
    id: "say",
    available: false,
    detail: `not usable on ${platform}: the say package drives festival there, which cannot export audio files and has no Japanese voice`,
    install: INSTALL_SAY,
  };
}

/** A paragraph for `leaflet doctor`: each engine, whether it works, and how to install one. */
export async function describeEngineStatus(opts: DetectOptions = {}): Promise<{ ok: boolean; text: string }> {
  const statuses = await detectEngines(opts);
  const ok = statuses.some((s) => s.available);
  const lines = statuses.map(
    (s) =>
      `  ${s.available ? "ok     " : "missing"} ${s.id}: ${s.detail}${s.available || !s.install ? "" : `\n          install: ${s.install}`}`,
  );
  return { ok, text: `Speech engines (audio edition):\n${lines.join("\n")}` };
}

/** Audio settings an engine is chosen and configured from (settings.audio merged with leaflet.audio). */
export interface EngineChoice {
  engine: "auto" | EngineId;
  voice?: string;
}

/** Picks and prepares the engine the settings ask for, or throws EngineUnavailableError saying how to install one. */
export async function resolveEngine(choice: EngineChoice, opts: DetectOptions = {}): Promise<TtsEngine> {
  const statuses = await detectEngines(opts);
  const wanted = choice.engine === "auto" ? statuses.filter((s) => s.available).map((s) => s.id) : [choice.engine];
  const first = wanted[0];
  const status = statuses.find((s) => s.id === first);
  if (!first || !status?.available) {
    const what =
      choice.engine === "auto"
        ? "No speech engine was found for the audio edition"
        : `The speech engine "${choice.engine}" is not available`;
    const why = statuses.map((s) => `${s.id}: ${s.detail}`).join("; ");
    const how = statuses
      .filter((s) => s.install && (choice.engine === "auto" || s.id === choice.engine))
      .map((s) => s.install)
      .join(" | ");
    throw new EngineUnavailableError(`${what} (${why}). To install one: ${how}. Then run \`leaflet doctor\` to check.`, statuses);
  }
  if (first === "openjtalk") {
    const paths = { ...DEBIAN_OPEN_JTALK, ...opts.openJTalk };
    return createOpenJTalkEngine({ ...paths, binary: findExecutable(paths.binary, opts.env)!, voice: choice.voice, env: opts.env });
  }
  return createSayEngine({ voice: choice.voice, platform: opts.platform ?? process.platform });
}

// ---------- Open JTalk ----------

async function openJTalkVersion(binary: string, env?: NodeJS.ProcessEnv): Promise<string> {
  // With no arguments the CLI prints its banner (versions of itself, hts_engine and the dictionary) and exits.
  const out = await new Promise<string>((resolve) => {
    execFile(binary, ["-h"], { env: env ?? process.env, timeout: 10_000 }, (_err, stdout, stderr) => resolve(`${stdout}${stderr}`));
  });
  const versions = [...out.matchAll(/^(.*?)\r?\nVersion ([^\s]+)/gm)].map((m) => `${m[1].replace(/^The |"/g, "").trim()} ${m[2]}`);
  return versions.length ? versions.join("; ") : "unknown version";
}

export interface OpenJTalkOptions {
  binary: string;
  dictionary: string;
  voiceDirs: string[];
  /** Voice name (`nitech_jp_atr503_m001`) or a path to an .htsvoice file. */
  voice?: string;
  env?: NodeJS.ProcessEnv;
}

/** Open JTalk through its CLI: one process per clip, killed at the time limit. */
export async function createOpenJTalkEngine(opts: OpenJTalkOptions): Promise<TtsEngine> {
  const voiceName = opts.voice ?? DEFAULT_OPEN_JTALK_VOICE;
  const voicePath = findHtsVoice(voiceName, opts.voiceDirs);
  if (!voicePath) throw new EngineUnavailableError(`Open JTalk voice "${voiceName}" not found in ${opts.voiceDirs.join(", ")}`, []);
  const voiceStat = statSync(voicePath);
  const version = `${await openJTalkVersion(opts.binary, opts.env)}; voice ${voicePath} ${voiceStat.size}`;
  const isM001 = /nitech_jp_atr503_m001/.test(voicePath);
  const run = (args: string[], timeoutMs: number) => runEngineProcess(opts.binary, args, timeoutMs, opts.env);
  return {
    id: "openjtalk",
    version,
    voice: voiceName,
    credit: isM001
      ? {
          spoken: "音声合成には、オープンジェイトークと、名古屋工業大学のエイチティーエス音声、エムゼロゼロイチを使用しています。",
          text: "Speech: Open JTalk with the HTS voice NIT ATR503 M001, (c) Nagoya Institute of Technology, CC BY 3.0",
        }
      : undefined,
    async synthesize(req) {
      const input = `${req.outWav}.txt`;
      await writeFile(input, `${oneLine(req.text)}\n`);
      try {
        await run(openJTalkArgs(opts.dictionary, voicePath, { ...req, input }), req.timeoutMs);
      } finally {
        await rm(input, { force: true });
      }
      const audio = await engineAudio(req.outWav, "Open JTalk");
      return { wavPath: req.outWav, sampleRate: audio.sampleRate, durationSeconds: audio.samples / audio.sampleRate };
    },
    async analyze(text, timeoutMs) {
      // The trace's text analysis does not depend on speed; a high rate makes the synthesis it still does ~3× cheaper.
      const base = join(tmpDirFor(), `analyze-${process.pid}-${Math.random().toString(36).slice(2)}`);
      await writeFile(`${base}.txt`, `${oneLine(text)}\n`);
      try {
        await run(
          ["-x", opts.dictionary, "-m", voicePath, "-r", "5", "-ow", "/dev/null", "-ot", `${base}.trace`, `${base}.txt`],
          timeoutMs,
        );
        return await readFile(`${base}.trace`, "utf8");
      } finally {
        await rm(`${base}.txt`, { force: true });
        await rm(`${base}.trace`, { force: true });
      }
    },
  };
}

/** The command line of one Open JTalk synthesis: the audio edition's, and the bench's bare baseline. */
export function openJTalkArgs(
  dictionary: string,
  voicePath: string,
  req: { speed: number; pitch: number; outWav: string; traceFile?: string; input: string },
): string[] {
  const args = ["-x", dictionary, "-m", voicePath, "-r", String(req.speed), "-fm", String(req.pitch), "-ow", req.outWav];
  if (req.traceFile) args.push("-ot", req.traceFile);
  args.push(req.input);
  return args;
}

/**
 * Checks the WAV an engine wrote is what the rest of the edition takes: 16-bit PCM at 48 kHz with some sound in it
 * (from its header: the samples are read once, where the unit is joined). Anything else is a SynthesisError of kind
 * `bad-audio` (or `rejected` for no speech at all).
 */
export async function engineAudio(wav: string, engineName: string): Promise<{ sampleRate: number; samples: number }> {
  let header: WavHeader;
  try {
    header = await readWavHeader(wav);
  } catch (err) {
    throw new SynthesisError("bad-audio", `${engineName} wrote audio that cannot be read (${(err as Error).message})`);
  }
  if (header.sampleRate !== INTERNAL_SAMPLE_RATE)
    throw new SynthesisError(
      "bad-audio",
      `${engineName} wrote ${header.sampleRate} Hz audio; the audio edition needs ${INTERNAL_SAMPLE_RATE} Hz`,
    );
  const samples = header.dataBytes / (2 * header.channels);
  if (samples === 0) throw new SynthesisError("rejected", `${engineName} produced no speech for this text`);
  return { sampleRate: header.sampleRate, samples };
}

function tmpDirFor(): string {
  return process.env.TMPDIR ?? "/tmp";
}

/** Open JTalk reads one line: newlines inside a clip would silently drop the rest. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}

/** Runs an engine process; maps a non-zero exit, a signal or the time limit to a SynthesisError. */
export async function runEngineProcess(binary: string, args: string[], timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout, stderr } = await runProcess(binary, args, { timeoutMs, env, maxOutput: 65536 });
    return stdout + stderr;
  } catch (err) {
    if (!(err instanceof ProcessError)) throw err;
    const kind = err.kind === "timeout" ? "timeout" : err.kind === "exit" && err.code === 1 ? "rejected" : "crashed";
    throw new SynthesisError(kind, err.message);
  }
}

// ---------- say (macOS Kyoko, Windows Haruka) ----------

interface SayModule {
  export(text: string, voice: string | null, speed: number | null, filename: string, cb: (err?: unknown) => void): void;
}

/** The `say` package where it can write a file: macOS (Kyoko) and Windows (Haruka), converted to 48 kHz 16-bit WAV by ffmpeg. */
export function createSayEngine(opts: { voice?: string; platform: NodeJS.Platform }): TtsEngine {
  const voice = opts.voice ?? (opts.platform === "win32" ? "Microsoft Haruka Desktop" : "Kyoko");
  const say = createRequire(import.meta.url)("say") as SayModule;
  return {
    id: "say",
    version: `say (${opts.platform})`,
    voice,
    async synthesize(req) {
      // macOS `say -o` picks the container from the extension (the package asks for 32-bit float at 32 kHz); SAPI writes WAV.
      const raw = `${req.outWav}.say.wav`;
      // The say package has no pitch control; speakers are told apart by their spoken names only.
      await withTimeout(
        new Promise<void>((resolve, reject) =>
          say.export(oneLine(req.text), voice, req.speed, raw, (err) => (err ? reject(err) : resolve())),
        ),
        req.timeoutMs,
      ).catch((err) => {
        throw err instanceof SynthesisError ? err : new SynthesisError("rejected", `say could not speak this text: ${String(err)}`);
      });
      try {
        await runEngineProcess(
          "ffmpeg",
          ["-v", "error", "-y", "-i", raw, "-ac", "1", "-ar", String(INTERNAL_SAMPLE_RATE), "-c:a", "pcm_s16le", req.outWav],
          req.timeoutMs,
        );
      } finally {
        await rm(raw, { force: true });
      }
      const audio = await engineAudio(req.outWav, "say");
      return { wavPath: req.outWav, sampleRate: audio.sampleRate, durationSeconds: audio.samples / audio.sampleRate };
    },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new SynthesisError("timeout", `say did not finish within ${(ms / 1000).toFixed(1)} s`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
