// An offline checker for DAISY 2.02 books, written from the DAISY 2.02 specification (NCC, SMIL and content
// rules, Appendix 2's metadata table) and the rules DAISY Pipeline's 2.02 validator applies (file types, heading
// hierarchy, timing sums, links between files). It also measures every MP3 with ffprobe, which the Pipeline does not.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { readZip } from "../../lib/zip.ts";
import { parseClock } from "../time.ts";
import { probeAudio } from "./probe.ts";
import type { CheckMessage, CheckReport } from "./report.ts";
import { allElements, deepText, parseXml, type XmlDocument, type XmlElement } from "./xmltree.ts";

/** File types a DAISY 2.02 fileset may hold. */
const ALLOWED = /\.(html?|smil|mp3|mp2|wav|jpe?g|gif|png|css)$/i;
const AUDIO = /\.(mp3|mp2|wav)$/i;
const MULTIMEDIA_TYPES = ["audioOnly", "audioNcc", "audioPartText", "audioFullText", "textPartAudio", "textNcc"];
/** Appendix 2: metadata an NCC must have. */
const REQUIRED_META = [
  "dc:creator",
  "dc:date",
  "dc:format",
  "dc:identifier",
  "dc:language",
  "dc:publisher",
  "dc:title",
  "ncc:charset",
  "ncc:pageFront",
  "ncc:pageNormal",
  "ncc:pageSpecial",
  "ncc:tocItems",
  "ncc:totalTime",
];
/** Recommended (mandatory when the book has such items, 0 otherwise). */
const RECOMMENDED_META = [
  "ncc:multimediaType",
  "ncc:depth",
  "ncc:files",
  "ncc:narrator",
  "ncc:maxPageNormal",
  "ncc:footnotes",
  "ncc:prodNotes",
  "ncc:sidebars",
  "ncc:setInfo",
];
/** Names that may appear more than once. */
const REPEATABLE = new Set(["dc:creator", "dc:contributor", "dc:language", "dc:subject", "ncc:narrator"]);
const INTEGER_META = [
  "ncc:pageFront",
  "ncc:pageNormal",
  "ncc:pageSpecial",
  "ncc:tocItems",
  "ncc:depth",
  "ncc:files",
  "ncc:maxPageNormal",
  "ncc:footnotes",
  "ncc:prodNotes",
  "ncc:sidebars",
];
/** A clip may end this much after the file's measured end (one MP3 frame is 26 ms). */
const CLIP_TOLERANCE_MS = 30;

/** Checks a DAISY 2.02 book in a folder or a zip; ok when it has no errors (warnings allowed). */
export async function checkDaisy202(target: string): Promise<CheckReport> {
  const started = Date.now();
  const files = (await stat(target)).isDirectory() ? await readFolder(target) : zipFiles(await readFile(target));
  // One message per problem: a missing file is named once, not by every clip that plays it.
  const seen = new Set<string>();
  const messages = (await checkFileset(files)).filter((m) => {
    const key = `${m.severity}|${m.code}|${m.file}|${m.message}`;
    return !seen.has(key) && !!seen.add(key);
  });
  return {
    checker: "daisy202",
    target,
    ok: !messages.some((m) => m.severity === "error"),
    messages,
    seconds: (Date.now() - started) / 1000,
  };
}

async function readFolder(dir: string, prefix = ""): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const e of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of await readFolder(dir, rel)) out.set(k, v);
    else out.set(rel, await readFile(join(dir, rel)));
  }
  return out;
}

function zipFiles(buf: Uint8Array): Map<string, Uint8Array> {
  return new Map(
    readZip(buf)
      .filter((e) => !e.path.endsWith("/"))
      .map((e) => [e.path, e.data]),
  );
}

/** The rules, over the book's files by path (the NCC may sit in a folder of the archive). */
async function checkFileset(all: Map<string, Uint8Array>): Promise<CheckMessage[]> {
  const msgs: CheckMessage[] = [];
  const err = (code: string, file: string | undefined, message: string, line?: number) =>
    msgs.push({ severity: "error", code, file, line, message });
  const warn = (code: string, file: string | undefined, message: string, line?: number) =>
    msgs.push({ severity: "warning", code, file, line, message });

  const nccs = [...all.keys()].filter((p) => /(^|\/)ncc\.html?$/i.test(p));
  if (nccs.length === 0) {
    err("d202-ncc-missing", undefined, "the book has no ncc.html, the file every DAISY 2.02 player opens first");
    return msgs;
  }
  if (nccs.length > 1) err("d202-ncc-multiple", undefined, `the book has ${nccs.length} NCC files (${nccs.join(", ")}); one is allowed`);
  const nccPath = nccs.sort((a, b) => a.length - b.length)[0];
  const base = posix.dirname(nccPath) === "." ? "" : `${posix.dirname(nccPath)}/`;
  const files = new Map<string, Uint8Array>();
  for (const [p, data] of all) {
    if (!p.startsWith(base)) {
      warn("d202-outside", p, "this file is outside the book's folder and is not part of the book");
      continue;
    }
    files.set(p.slice(base.length), data);
  }
  const ncc = nccPath.slice(base.length);
  for (const p of files.keys()) {
    if (!ALLOWED.test(p)) err("d202-file-type", p, "DAISY 2.02 books may only hold XHTML, SMIL, MP3/MP2/WAV, JPEG/GIF/PNG and CSS files");
    if (p.includes("/"))
      warn("d202-subfolder", p, "DAISY 2.02 books keep all their files in one folder; some players find no file in a subfolder");
  }

  // Files are read as the charset the NCC declares; only UTF-8 can be verified byte by byte here.
  const docs = new Map<string, XmlDocument | null>();
  const load = (path: string): XmlDocument | null => {
    if (docs.has(path)) return docs.get(path)!;
    const data = files.get(path);
    let doc: XmlDocument | null = null;
    if (data) {
      let text: string | undefined;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(data);
      } catch {
        err("d202-utf8", path, "this file is not valid UTF-8, although the book declares its charset as utf-8");
      }
      if (text !== undefined) {
        try {
          doc = parseXml(text);
          if (doc.declaredEncoding && doc.declaredEncoding.toLowerCase() !== "utf-8")
            err("d202-encoding", path, `the XML declaration says encoding="${doc.declaredEncoding}", the book's charset is utf-8`);
          const ids = new Set<string>();
          for (const el of allElements(doc.root)) {
            if (!el.attrs.id) continue;
            if (ids.has(el.attrs.id)) err("d202-id-duplicate", path, `the id "${el.attrs.id}" is used twice`, el.line);
            ids.add(el.attrs.id);
          }
        } catch (e) {
          err("d202-xml", path, `not well-formed XML: ${(e as Error).message}`);
        }
      }
    }
    docs.set(path, doc);
    return doc;
  };
  const hasId = (path: string, id: string) => {
    const d = load(path);
    return !!d && allElements(d.root).some((el) => el.attrs.id === id);
  };
  /** Checks that `href` (relative to `from`) names an existing file and, if it has one, an existing fragment. */
  const resolve = (from: string, href: string, line: number, code: string): string | undefined => {
    const [file, fragment] = href.split("#");
    const path = posix.normalize(posix.join(posix.dirname(from), decodeURIComponent(file || posix.basename(from))));
    if (!files.has(path)) {
      err(code, from, `the link "${href}" points at ${path}, which is not in the book`, line);
      return undefined;
    }
    // A file that cannot be read has been reported already; its fragments cannot be checked.
    if (fragment !== undefined && load(path) && !hasId(path, fragment)) {
      err(code, from, `the link "${href}" points at the id "${fragment}", which ${path} does not have`, line);
      return undefined;
    }
    return path;
  };

  // ---------- NCC ----------
  const nccDoc = load(ncc);
  if (!nccDoc) return msgs;
  if (!/XHTML 1\.0/.test(nccDoc.doctype ?? "")) warn("d202-doctype", ncc, "the NCC should declare the XHTML 1.0 doctype");
  const head = nccDoc.root.children.find((c) => c.name === "head");
  const body = nccDoc.root.children.find((c) => c.name === "body");
  const metas = new Map<string, XmlElement[]>();
  for (const m of head?.children.filter((c) => c.name === "meta") ?? []) {
    if (m.attrs.name) metas.set(m.attrs.name, [...(metas.get(m.attrs.name) ?? []), m]);
  }
  const meta = (name: string) => metas.get(name)?.[0]?.attrs.content?.trim();
  for (const name of REQUIRED_META)
    if (!meta(name)) err("d202-meta-missing", ncc, `the NCC has no "${name}" metadata, which DAISY 2.02 requires`);
  for (const name of RECOMMENDED_META)
    if (!meta(name)) warn("d202-meta-missing", ncc, `the NCC has no "${name}" metadata, which DAISY 2.02 recommends`);
  for (const [name, list] of metas)
    if (list.length > 1 && !REPEATABLE.has(name)) err("d202-meta-duplicate", ncc, `"${name}" is given ${list.length} times`, list[1].line);
  if (meta("dc:format") && meta("dc:format") !== "Daisy 2.02")
    err("d202-meta-value", ncc, `dc:format is "${meta("dc:format")}", it must be "Daisy 2.02"`);
  const type = meta("ncc:multimediaType");
  if (type && !MULTIMEDIA_TYPES.includes(type))
    err("d202-meta-value", ncc, `ncc:multimediaType "${type}" is not one of ${MULTIMEDIA_TYPES.join(", ")}`);
  for (const name of INTEGER_META) {
    const v = meta(name);
    if (v !== undefined && !/^\d+$/.test(v)) err("d202-meta-value", ncc, `${name} must be a whole number, not "${v}"`);
  }
  const date = meta("dc:date");
  if (date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date))
    warn("d202-meta-value", ncc, `dc:date "${date}" is not in the recommended form yyyy-mm-dd`);
  const charset = meta("ncc:charset");
  if (charset && charset.toLowerCase() !== "utf-8")
    warn(
      "d202-charset",
      ncc,
      `ncc:charset is "${charset}"; only UTF-8 books are verified here (and other charsets show garbled in some players)`,
    );
  const httpEquiv = head?.children.find((c) => c.name === "meta" && c.attrs["http-equiv"]?.toLowerCase() === "content-type");
  const declared = /charset=([\w-]+)/i.exec(httpEquiv?.attrs.content ?? "")?.[1];
  if (!declared)
    warn("d202-charset", ncc, `the NCC should declare its charset in <meta http-equiv="Content-type" content="text/html; charset=…"/>`);
  else if (charset && declared.toLowerCase() !== charset.toLowerCase())
    err("d202-charset", ncc, `the NCC's content type says charset ${declared}, ncc:charset says ${charset}`);

  const navItems = (body?.children ?? []).flatMap((el) => allElements(el)).filter((el) => /^h[1-6]$/.test(el.name) || isPage(el));
  const headings = navItems.filter((el) => /^h[1-6]$/.test(el.name));
  const first = body?.children[0];
  if (first?.name !== "h1" || !(first.attrs.class ?? "").split(/\s+/).includes("title"))
    err(
      "d202-first-heading",
      ncc,
      `the first element of the NCC's body must be <h1 class="title">, not <${first?.name ?? "nothing"}>`,
      first?.line,
    );
  headingOrder(ncc, headings, err);
  const depth = Math.max(0, ...headings.map((h) => Number(h.name[1])));
  if (meta("ncc:depth") && Number(meta("ncc:depth")) !== depth)
    err("d202-depth", ncc, `ncc:depth is ${meta("ncc:depth")}, the deepest heading is h${depth}`);
  if (meta("ncc:tocItems") && Number(meta("ncc:tocItems")) !== navItems.length)
    err("d202-tocitems", ncc, `ncc:tocItems is ${meta("ncc:tocItems")}, the NCC has ${navItems.length} headings and page numbers`);
  for (const [name, cls] of [
    ["ncc:pageNormal", "page-normal"],
    ["ncc:pageFront", "page-front"],
    ["ncc:pageSpecial", "page-special"],
  ]) {
    const n = navItems.filter((el) => (el.attrs.class ?? "").split(/\s+/).includes(cls)).length;
    if (meta(name) && Number(meta(name)) !== n) err("d202-pages", ncc, `${name} is ${meta(name)}, the NCC has ${n} ${cls} items`);
  }

  // The reading order: the SMIL files in the order the NCC first points at them.
  const spine: string[] = [];
  for (const item of navItems) {
    const links = allElements(item).filter((el) => el.name === "a");
    if (links.length !== 1 || !links[0].attrs.href) {
      err("d202-ncc-link", ncc, `the NCC item 「${deepText(item).trim()}」 must hold exactly one link to a SMIL file`, item.line);
      continue;
    }
    const href = links[0].attrs.href;
    if (!/\.smil#/i.test(href)) {
      err("d202-ncc-link", ncc, `the NCC item 「${deepText(item).trim()}」 links to "${href}", not to a place in a SMIL file`, item.line);
      continue;
    }
    const path = resolve(ncc, href, item.line, "d202-ncc-link");
    if (path && !spine.includes(path)) spine.push(path);
  }
  for (const p of files.keys())
    if (/\.smil$/i.test(p) && !spine.includes(p) && !/master\.smil$/i.test(p))
      err("d202-smil-unreferenced", p, "no NCC item points at this SMIL file, so players never play it");

  // ---------- SMIL ----------
  const scratch = await mkdtemp(join(tmpdir(), "daisy202-check-"));
  const audioFacts = new Map<string, Promise<{ seconds: number; codec: string; channels: number } | undefined>>();
  const measure = (path: string) => {
    if (!audioFacts.has(path))
      audioFacts.set(
        path,
        (async () => {
          const file = join(scratch, `${audioFacts.size}${posix.extname(path)}`);
          await writeFile(file, files.get(path)!);
          try {
            const f = await probeAudio(file);
            return { seconds: f.durationSeconds, codec: f.codec, channels: f.channels };
          } catch (e) {
            err("d202-audio", path, (e as Error).message);
            return undefined;
          }
        })(),
      );
    return audioFacts.get(path)!;
  };
  let elapsed = 0;
  const textDocs = new Set<string>();
  try {
    for (const smilPath of spine) {
      const doc = load(smilPath);
      if (!doc) continue;
      if (doc.root.name !== "smil") {
        err("d202-smil", smilPath, `the root element is <${doc.root.name}>, not <smil>`);
        continue;
      }
      if (!/SMIL 1\.0/.test(doc.doctype ?? ""))
        warn("d202-doctype", smilPath, "a DAISY 2.02 SMIL file should declare the SMIL 1.0 doctype");
      const smilHead = doc.root.children.find((c) => c.name === "head");
      const smilMeta = (name: string) => smilHead?.children.find((c) => c.name === "meta" && c.attrs.name === name)?.attrs.content;
      if (smilMeta("dc:format") !== "Daisy 2.02")
        err("d202-smil-meta", smilPath, `dc:format must be "Daisy 2.02" (found ${smilMeta("dc:format") ?? "none"})`);
      let sum = 0;
      for (const el of allElements(doc.root)) {
        if (el.name === "text" && el.attrs.src) {
          const path = resolve(smilPath, el.attrs.src, el.line, "d202-smil-link");
          if (path) textDocs.add(path);
        }
        if (el.name !== "audio") continue;
        const src = el.attrs.src;
        const path = src ? resolve(smilPath, src, el.line, "d202-smil-link") : undefined;
        if (!src) err("d202-smil-link", smilPath, "an <audio> element has no src", el.line);
        if (path && !AUDIO.test(path)) err("d202-file-type", smilPath, `the audio ${path} is not MP3, MP2 or WAV`, el.line);
        const begin = parseClock(el.attrs["clip-begin"] ?? "");
        const end = parseClock(el.attrs["clip-end"] ?? "");
        if (begin === undefined || end === undefined) {
          err(
            "d202-clip",
            smilPath,
            `clip-begin "${el.attrs["clip-begin"] ?? ""}" / clip-end "${el.attrs["clip-end"] ?? ""}" are not SMIL clock values`,
            el.line,
          );
          continue;
        }
        if (begin < 0) err("d202-clip", smilPath, `a clip begins before the start of ${src} (${begin / 1000} s)`, el.line);
        if (begin >= end) err("d202-clip", smilPath, `a clip of ${src} begins at ${begin / 1000} s but ends at ${end / 1000} s`, el.line);
        sum += end - begin;
        if (path && AUDIO.test(path)) {
          const facts = await measure(path);
          if (facts && end > facts.seconds * 1000 + CLIP_TOLERANCE_MS)
            err(
              "d202-clip",
              smilPath,
              `a clip ends at ${end / 1000} s, after the end of ${path} (${facts.seconds.toFixed(3)} s measured by ffprobe)`,
              el.line,
            );
        }
      }
      const seq = doc.root.children.find((c) => c.name === "body")?.children.find((c) => c.name === "seq");
      const dur = parseClock(seq?.attrs.dur ?? "");
      if (dur === undefined) err("d202-seq", smilPath, "the body's <seq> must state its duration (dur)", seq?.line);
      else if (!near(dur, sum, seq!.attrs.dur, 500))
        err("d202-time", smilPath, `<seq dur="${seq!.attrs.dur}"> but the clips add up to ${(sum / 1000).toFixed(3)} s`, seq!.line);
      statedTime(smilPath, "ncc:timeInThisSmil", smilMeta("ncc:timeInThisSmil"), sum, 500, err, warn);
      statedTime(smilPath, "ncc:totalElapsedTime", smilMeta("ncc:totalElapsedTime"), elapsed, 500, err, warn);
      elapsed += sum;
    }
    statedTime(ncc, "ncc:totalTime", meta("ncc:totalTime"), elapsed, 1000, err, warn);

    // ---------- content documents and audio ----------
    for (const path of textDocs) {
      if (!/\.html?$/i.test(path)) continue;
      const doc = load(path);
      if (!doc) continue;
      const els = allElements(doc.root);
      headingOrder(
        path,
        els.filter((el) => /^h[1-6]$/.test(el.name)),
        err,
      );
      for (const el of els) {
        if (el.name === "img") {
          if (el.attrs.alt === undefined) err("d202-img-alt", path, `the image ${el.attrs.src ?? ""} has no alt text`, el.line);
          if (el.attrs.src) resolve(path, el.attrs.src, el.line, "d202-content-link");
        }
        if (el.name === "a" && el.attrs.href && !/^[a-z][a-z0-9+.-]*:/i.test(el.attrs.href))
          resolve(path, el.attrs.href, el.line, "d202-content-link");
      }
    }
    for (const [path, facts] of audioFacts) {
      const f = await facts;
      if (f && !["mp3", "mp2", "pcm_s16le", "pcm_u8"].includes(f.codec))
        err("d202-audio", path, `the audio is ${f.codec}, which DAISY 2.02 players do not play`);
      if (f && f.channels !== 1) warn("d202-audio", path, `the audio has ${f.channels} channels; DAISY books are usually mono`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const count = files.size;
  if (meta("ncc:files") && Number(meta("ncc:files")) !== count)
    err("d202-files", ncc, `ncc:files is ${meta("ncc:files")}, the book has ${count} files`);
  return msgs;
}

function isPage(el: XmlElement): boolean {
  return el.name === "span" && /(^|\s)page-(normal|front|special)(\s|$)/.test(el.attrs.class ?? "");
}

function headingOrder(file: string, headings: XmlElement[], err: (c: string, f: string, m: string, l?: number) => void): void {
  let last = 0;
  for (const h of headings) {
    const level = Number(h.name[1]);
    if (level > last + 1)
      err(
        "d202-heading-order",
        file,
        `<${h.name}> 「${deepText(h).trim().slice(0, 30)}」 follows ${last ? `<h${last}>` : "no heading"}: a level is skipped`,
        h.line,
      );
    last = level;
  }
}

/** Whether a stated time matches a computed one: to 10 ms when it is given with fractions, else within `wholeTolerance`. */
function near(stated: number, computed: number, text: string, wholeTolerance: number): boolean {
  return Math.abs(stated - computed) <= (/\.\d/.test(text) ? 10 : wholeTolerance);
}

function statedTime(
  file: string,
  name: string,
  value: string | undefined,
  computedMs: number,
  wholeTolerance: number,
  err: (c: string, f: string, m: string) => void,
  warn: (c: string, f: string, m: string) => void,
): void {
  if (value === undefined) {
    if (name !== "ncc:totalTime") warn("d202-time", file, `${name} is missing`);
    return;
  }
  const stated = parseClock(value);
  if (stated === undefined) err("d202-time", file, `${name} "${value}" is not a clock value like 00:01:23`);
  else if (!near(stated, computedMs, value, wholeTolerance))
    err("d202-time", file, `${name} is ${value} but the clips add up to ${(computedMs / 1000).toFixed(3)} s`);
}
