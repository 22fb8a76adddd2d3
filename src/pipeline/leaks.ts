// The last look before a build is published: what the editions wrote is read back as a resident would get it
// (the text of each web page and PDF, the braille numbers, the speech, the talking books) and searched for
// anything that looks like a real My Number or a link that is not a web page, e-mail or phone number. The content
// check should already have stopped both; this catches what an edition might add or reassemble.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { findMyNumbers } from "../content/privacy.ts";
import type { Artifact } from "../edition/contract.ts";
import { ContentCache, hashKey } from "../lib/cache.ts";
import type { Diagnostic } from "../lib/diagnostics.ts";
import type { SiteModel } from "../model/types.ts";
import { leafletScript } from "../reading/speech.ts";

/** One thing found in the built files. */
export interface Leak {
  artifact: string;
  what: "my-number" | "unsafe-link";
  detail: string;
}

const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript|file|blob):/i;

/** Plain text of an HTML page: tags removed, character references decoded; also the unsafe links it holds. */
export function htmlText(html: string): { text: string; unsafeLinks: string[] } {
  const unsafeLinks = [...html.matchAll(/\b(?:href|action|formaction)\s*=\s*["']?([^"'\s>]+)/gi)]
    .map((m) => decodeEntities(m[1]))
    .filter((u) => UNSAFE_SCHEME.test(u));
  const text = decodeEntities(
    html
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(p|div|li|tr|h[1-6]|dd|dt)>/gi, "\n")
      .replace(/<[^>]+>/g, ""),
  );
  return { text, unsafeLinks };
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi, (_m, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " }[lower] ?? "";
  });
}

const DIGIT_CELLS = "⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚";

/** The numbers of Unicode braille read back as digits (numeral sign ⠼ then a–j), everything else as marks. */
export function brailleNumbers(braille: string): string {
  let out = "";
  let inNumber = false;
  for (const ch of braille) {
    if (ch === "⠼") {
      inNumber = true;
      continue;
    }
    const d = DIGIT_CELLS.indexOf(ch);
    if (inNumber && d >= 0) {
      out += String((d + 1) % 10);
      continue;
    }
    if (inNumber && (ch === "⠂" || ch === "⠄")) continue; // decimal point and 位取り点 stay inside the number
    inNumber = false;
    out += ch === " " || ch === "\n" || ch === "\f" ? ch : "・";
  }
  return out;
}

/** The text of every page of a PDF and the link targets of its annotations, read with pdf.js. */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; links: string[] }> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const doc = await task.promise;
  let text = "";
  const links: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
      }
      text += "\n";
      for (const a of await page.getAnnotations()) {
        const target = (a as { unsafeUrl?: string; url?: string }).unsafeUrl ?? (a as { url?: string }).url;
        if (target) links.push(target);
      }
    }
  } finally {
    await task.destroy();
  }
  return { text, links };
}

/** The text entries of a zip file (XHTML, SMIL, OPF, HTML), inflated; other entries are skipped. */
export function zipTexts(zip: Buffer): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return out;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count && at + 46 <= zip.length; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    at += 46 + nameLength + extra + comment;
    if (!/\.(x?html?|smil|opf|ncx|xml)$/i.test(name)) continue;
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataStart, dataStart + size);
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : undefined;
    if (data) out.push({ name, text: data.toString("utf8") });
  }
  return out;
}

/** Bump when what is searched for changes, so files found clean before are searched again. */
const SEARCH_VERSION = 1;

/**
 * Searches every text output of the build in `dir` and the speech of every leaflet; returns what it found. A file
 * whose exact bytes were already found clean (the cache holds a note per content hash) is not read again.
 */
export async function findLeaks(dir: string, artifacts: Artifact[], site: SiteModel, cacheDir?: string): Promise<Leak[]> {
  const leaks: Leak[] = [];
  const clean = cacheDir ? new ContentCache(cacheDir, "publish-check") : undefined;
  const numbers = (artifact: string, text: string) => {
    for (const hit of findMyNumbers(text)) leaks.push({ artifact, what: "my-number", detail: `${hit.digits.slice(0, 4)} …` });
  };
  const links = (artifact: string, targets: string[]) => {
    for (const t of targets) {
      if (!/^(https?:|mailto:|tel:)/i.test(t.trim())) leaks.push({ artifact, what: "unsafe-link", detail: t.slice(0, 60) });
    }
  };
  for (const a of artifacts) {
    const file = path.join(dir, a.path);
    const key = clean
      ? hashKey({
          v: SEARCH_VERSION,
          sha: createHash("sha256")
            .update(await readFile(file))
            .digest("hex"),
        })
      : "";
    if (clean && (await clean.has(key, "ok"))) continue;
    const found = leaks.length;
    if (/\.html?$/i.test(a.path)) {
      const { text, unsafeLinks } = htmlText(await readFile(file, "utf8"));
      numbers(a.path, text);
      for (const u of unsafeLinks) leaks.push({ artifact: a.path, what: "unsafe-link", detail: u.slice(0, 60) });
    } else if (/\.pdf$/i.test(a.path)) {
      const bytes = await readFile(file);
      try {
        const { text, links: targets } = await pdfText(bytes);
        numbers(a.path, text);
        links(a.path, targets);
      } catch {
        // Not a PDF pdf.js can read (a test stand-in, or damage): search its bytes as text rather than not at all.
        numbers(a.path, bytes.toString("utf8"));
      }
    } else if (a.kind === "braille-text" || a.kind === "braille-label-text") {
      numbers(a.path, brailleNumbers(await readFile(file, "utf8")));
    } else if (/\.(txt|json)$/i.test(a.path)) {
      numbers(a.path, await readFile(file, "utf8"));
    } else if (/\.(zip|epub)$/i.test(a.path)) {
      for (const entry of zipTexts(await readFile(file))) {
        const { text, unsafeLinks } = htmlText(entry.text);
        numbers(`${a.path}!${entry.name}`, text);
        for (const u of unsafeLinks) leaks.push({ artifact: `${a.path}!${entry.name}`, what: "unsafe-link", detail: u.slice(0, 60) });
      }
    }
    if (clean && leaks.length === found) await clean.put(key, "ok", "");
  }
  for (const leaflet of site.leaflets) {
    const script = await leafletScript(leaflet, { lexicon: site.lexicon, speakerNames: site.settings.audio.speakerNames });
    const parts = [script.intro, ...script.units, ...(script.closing ? [script.closing] : [])];
    // The written source too: reference numbers are spoken digit by digit in kana, which a digit scan cannot see.
    const spoken = parts.flatMap((u) => u.utterances.flatMap((x) => [x.text, x.source])).join("\n");
    numbers(`speech of ${leaflet.slug}`, spoken);
  }
  return leaks;
}

/** A leak as a diagnostic, pointing at the leaflet the file belongs to. */
export function leakDiagnostic(leak: Leak, site: SiteModel): Diagnostic {
  const slug = leak.artifact.replace(/^speech of /, "").split("/")[0];
  const leaflet = site.leaflets.find((l) => l.slug === slug);
  const what =
    leak.what === "my-number"
      ? "holds a number that looks like a real My Number (12 digits with a valid check digit)"
      : `holds a link that is not a web page, e-mail or phone number (${leak.detail})`;
  return {
    file: leaflet?.file ?? "content/settings.yaml",
    line: 1,
    column: 1,
    severity: "error",
    origin: "publish check",
    message: `the built ${leak.artifact} ${what}, so the build was not published`,
    hint:
      leak.what === "my-number"
        ? "look for the number in this leaflet (it may be split across lines, a table or readings) and remove it"
        : "remove the link from the leaflet; only https://, http://, mailto: and tel: links are published",
  };
}
