// MeCab reading Open JTalk's own dictionary (NAIST-JDIC), kept open as one child process: the analysis that speech
// and braille share. Open JTalk ships the dictionary without the `dicrc` MeCab needs, so a folder with links to its
// files and a dicrc is made once under the project's .cache/.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tempPath } from "../lib/atomic.ts";
import { findExecutable } from "../lib/process.ts";

/** Where Debian's package open-jtalk-mecab-naist-jdic puts the dictionary Open JTalk speaks with. */
export const OPEN_JTALK_DICTIONARY = "/var/lib/mecab/dic/open-jtalk/naist-jdic";

/** What the analysis needs on the machine, in the shape of the editions' tool requirements. */
export const ANALYSER_TOOLS = [
  {
    name: "MeCab (reads the Open JTalk dictionary for speech and braille)",
    kind: "program" as const,
    target: "mecab",
    debian: "apt-get install -y mecab",
    macos: "brew install mecab",
  },
  {
    name: "Open JTalk dictionary (naist-jdic)",
    kind: "file" as const,
    target: OPEN_JTALK_DICTIONARY,
    debian: "apt-get install -y open-jtalk-mecab-naist-jdic",
    macos: "brew install open-jtalk",
  },
];

/** The dictionary files MeCab reads; the folder of links holds these and a dicrc. */
const DICTIONARY_FILES = ["char.bin", "matrix.bin", "sys.dic", "unk.dic", "left-id.def", "right-id.def", "pos-id.def", "rewrite.def"];

const DICRC = [
  "; written by the leaflet toolchain: Open JTalk's naist-jdic as a MeCab dictionary",
  "cost-factor = 800",
  "bos-feature = BOS/EOS,*,*,*,*,*,*,*,*",
  "eval-size = 8",
  "unk-eval-size = 4",
  "config-charset = UTF-8",
  "",
].join("\n");

/** The analyser cannot run: a program or the dictionary is missing. The message says what to install. */
export class AnalyserUnavailableError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = "AnalyserUnavailableError";
    this.hint = hint;
  }
}

/** One word as MeCab gives it: the surface and the dictionary's fields. */
export interface MecabWord {
  surface: string;
  /** POS, POS1, POS2, POS3, conjugation type, conjugation form, base form, reading, pronunciation, accent, chain rule. */
  feature: string[];
  /** Not in the dictionary (MeCab guessed it from the character class). */
  unknown: boolean;
}

/** A piece of one request: free text, or a span MeCab must keep as one word (ruby bases, addresses, foreign runs). */
export interface MecabChunk {
  text: string;
  fixed?: boolean;
}

/**
 * The folder MeCab is pointed at: links to the dictionary's files plus a dicrc, made on first use. It is named by
 * the dictionary's path and sys.dic's size and time, so an upgraded dictionary gets a fresh folder. Made under a
 * temporary name and renamed into place, so two processes starting at once never see half a folder.
 */
export function dictionaryFolder(cacheDir: string, source = OPEN_JTALK_DICTIONARY): string {
  const sys = path.join(source, "sys.dic");
  if (!existsSync(sys)) {
    throw new AnalyserUnavailableError(
      `the Open JTalk dictionary is not installed (no ${sys})`,
      "install it: `sudo apt-get install open-jtalk-mecab-naist-jdic` (Debian/Ubuntu), then run `leaflet doctor`",
    );
  }
  const st = statSync(sys);
  const id = createHash("sha256").update(`${source}|${st.size}|${st.mtimeMs}`).digest("hex").slice(0, 12);
  const folder = path.join(cacheDir, "mecab", `naist-jdic-${id}`);
  if (existsSync(path.join(folder, "dicrc"))) return folder;
  mkdirSync(path.dirname(folder), { recursive: true });
  const tmp = tempPath(folder);
  mkdirSync(tmp);
  try {
    const present = new Set(readdirSync(source));
    for (const name of DICTIONARY_FILES) {
      if (!present.has(name)) continue;
      try {
        symlinkSync(path.join(source, name), path.join(tmp, name));
      } catch {
        copyFileSync(path.join(source, name), path.join(tmp, name));
      }
    }
    writeFileSync(path.join(tmp, "dicrc"), DICRC);
    try {
      renameSync(tmp, folder);
    } catch (error) {
      // Another process made it first: use theirs.
      if (!existsSync(path.join(folder, "dicrc"))) throw error;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return folder;
}

/** The output format asked of MeCab: surface, features, 0 or 1 for known or unknown; EOS after each request. */
const FORMAT_ARGS = ["-F", "%m\\t%H\\t0\\n", "-U", "%m\\t%H\\t1\\n", "-E", "EOS\\n"];

interface Pending {
  /** The request, for the message if MeCab fails on it. */
  text: string;
  resolve(words: MecabWord[]): void;
  reject(error: Error): void;
  words: MecabWord[];
}

/**
 * One MeCab process in partial-analysis mode: each request is a few lines (free text, or a fixed span as
 * `text<TAB>*`) closed by an `EOS` line; MeCab answers each with its words and an EOS line, in order, so requests
 * can be queued while earlier ones are being read.
 */
export class Mecab {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly queue: Pending[] = [];
  private buffer = "";
  private readonly binary: string;
  private readonly folder: string;
  private failure: Error | undefined;

  constructor(binary: string, folder: string) {
    this.binary = binary;
    this.folder = folder;
  }

  /** Analyses one request; a fixed chunk comes back as exactly one word. */
  analyze(chunks: MecabChunk[]): Promise<MecabWord[]> {
    const lines: string[] = [];
    for (const c of chunks) {
      // MeCab reads lines and tabs as structure: inside a chunk they are only blanks.
      const text = c.text.replace(/[\t\r\n]+/g, " ");
      if (!text.trim()) continue;
      // A free line that says EOS would end the request early; as a fixed word it is only a word.
      // Blanks at the edges of a free line change how MeCab reads the word next to it (平日 9時 → 時 as トキ); the
      // caller keeps track of blanks itself.
      lines.push(c.fixed || text.trim() === "EOS" ? `${text.trim()}\t*` : text.trim());
    }
    if (lines.length === 0) return Promise.resolve([]);
    const child = this.process();
    return new Promise((resolve, reject) => {
      this.queue.push({ text: lines.join(""), resolve, reject, words: [] });
      this.hold(true);
      child.stdin.write(`${lines.join("\n")}\nEOS\n`);
    });
  }

  /** Ends the process (the next request starts a new one). */
  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }

  private process(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn(this.binary, ["-d", this.folder, "-p", "-b", String(1 << 22), ...FORMAT_ARGS], { stdio: "pipe" });
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (d: string) => this.read(d));
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => {
      stderr = (stderr + d).slice(-2000);
    });
    const fail = (why: string) => {
      if (this.child === child) this.child = undefined;
      const said = stderr.trim() ? `: ${stderr.trim().split("\n").at(-1)}` : "";
      const head = this.queue[0]?.text.replace(/\t\*/g, "");
      const error = new Error(`MeCab stopped (${why})${said}${head ? ` while reading 「${head.slice(0, 60)}」` : ""}`);
      this.failure = error;
      for (const p of this.queue.splice(0)) p.reject(error);
    };
    child.on("error", (e) => fail(e.message));
    child.on("exit", (code, signal) => {
      if (this.queue.length > 0) fail(signal ? `signal ${signal}` : `exit code ${code}`);
      else if (this.child === child) this.child = undefined;
    });
    child.stdin.on("error", () => undefined);
    this.child = child;
    this.failure = undefined;
    this.hold(false);
    return child;
  }

  /** An idle analyser must not keep a command from exiting; a pending request must. */
  private hold(on: boolean): void {
    const c = this.child;
    if (!c) return;
    for (const h of [c, c.stdin, c.stdout, c.stderr] as { ref(): void; unref(): void }[]) {
      if (on) h.ref();
      else h.unref();
    }
  }

  private read(data: string): void {
    this.buffer += data;
    let nl = this.buffer.indexOf("\n");
    while (nl >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      const head = this.queue[0];
      if (head) {
        if (line === "EOS") {
          this.queue.shift();
          head.resolve(head.words);
          if (this.queue.length === 0) this.hold(false);
        } else if (line) {
          const [surface, feature = "", unknown = "0"] = line.split("\t");
          head.words.push({ surface, feature: feature.split(","), unknown: unknown === "1" });
        }
      }
      nl = this.buffer.indexOf("\n");
    }
  }

  /** The last failure, if the process died. */
  get lastFailure(): Error | undefined {
    return this.failure;
  }
}

const shared = new Map<string, Mecab>();

/** The toolchain's own .cache folder, where the dictionary folder goes when no other cache is named. */
export const DEFAULT_CACHE_DIR = path.resolve(import.meta.dirname, "../../.cache");

/** The shared MeCab of this process (one per dictionary folder), started on first use. */
export function sharedMecab(cacheDir = DEFAULT_CACHE_DIR, env: NodeJS.ProcessEnv = process.env): Mecab {
  const binary = findExecutable("mecab", env);
  if (!binary) {
    throw new AnalyserUnavailableError(
      "MeCab is not installed: speech and braille read the text with it (`mecab` not found on PATH)",
      "install it: `sudo apt-get install mecab` (Debian/Ubuntu) or `brew install mecab` (macOS), then run `leaflet doctor`",
    );
  }
  const folder = dictionaryFolder(cacheDir);
  let m = shared.get(folder);
  if (!m) {
    m = new Mecab(binary, folder);
    shared.set(folder, m);
  }
  return m;
}
