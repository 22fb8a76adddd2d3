// The DAISY 2.02 talking book (full text and full audio): ncc.html with a heading per part, one SMIL 1.0 file per
// part with a par per sentence, one XHTML 1.0 content document, and the MP3s, in one folder zipped.
// For PLEXTALK players and the Voice of Daisy and いーリーダー apps, which read DAISY 2.02.

import { isCompressedMedia, writeZip } from "../lib/zip.ts";
import {
  baseName,
  bookIdentifier,
  creatorOf,
  DEFAULT_NARRATOR,
  dateOf,
  GENERATOR,
  modifiedDate,
  need,
  type TalkingBookInput,
  type WrittenBook,
} from "./book.ts";
import { bookImageNames, partDocuments } from "./content.ts";
import { planSync, type SyncPlan } from "./sync.ts";
import { clock, seconds } from "./time.ts";
import { attrs, esc, utf8 } from "./xml.ts";

/** Image types a DAISY 2.02 book may hold (the DAISY Pipeline validator's list); others become their alt text. */
export const DAISY_IMAGE = /\.(png|jpe?g|gif)$/i;

/** The DAISY archive's file name of a leaflet. */
export function daisyName(slug: string): string {
  return `${slug}-daisy.zip`;
}

/** The SMIL file of the n-th part (1-based): short ASCII names, as CD-era players expect. */
function smilName(n: number): string {
  return `s${String(n).padStart(3, "0")}.smil`;
}

const CONTENT = "content.html";

/** Writes the DAISY 2.02 book of one leaflet: its files (inside a folder named after the slug) and the zip. */
export function writeDaisy(input: TalkingBookInput): WrittenBook {
  const { leaflet, timing, settings } = input;
  const imageNames = bookImageNames(leaflet);
  const docs = partDocuments(leaflet, timing, {
    dialect: "daisy",
    imageSrc: (name) => imageNames.get(name)!,
    imageAllowed: (name) => DAISY_IMAGE.test(name),
  });
  const plan = planSync(leaflet, timing, docs, settings.audio);
  const id = bookIdentifier(settings.baseUrl, leaflet.slug);
  const images = [...new Set(docs.flatMap((d) => d.images.map((i) => i.name)))];
  const imageFile = (name: string) => imageNames.get(name)!;
  const audio = plan.audioFiles.map(baseName);
  const taken = new Set(["ncc.html", CONTENT, ...plan.parts.map((_, i) => smilName(i + 1))]);
  for (const name of [...audio, ...images.map(imageFile)]) {
    if (taken.has(name.toLowerCase()))
      throw new Error(`${leaflet.file}: two files of the DAISY book would both be called ${name} (hint: rename the image)`);
    taken.add(name.toLowerCase());
  }

  const files = new Map<string, Uint8Array>();
  const dir = `${leaflet.slug}/`;
  const fileCount = 2 + plan.parts.length + audio.length + images.length;
  files.set(`${dir}ncc.html`, utf8(ncc(input, plan, id, fileCount)));
  files.set(`${dir}${CONTENT}`, utf8(content(input, plan, id)));
  let elapsed = 0;
  plan.parts.forEach((ps, i) => {
    files.set(`${dir}${smilName(i + 1)}`, utf8(smil(input, ps, id, elapsed)));
    elapsed += ps.durationMs;
  });
  plan.audioFiles.forEach((a) => {
    files.set(`${dir}${baseName(a)}`, need(input.audio, a, "the audio file", leaflet));
  });
  for (const name of images) files.set(`${dir}${imageFile(name)}`, need(input.images, name, "the image", leaflet));

  const entries = [...files].map(([path, data]) => ({ path, data, store: isCompressedMedia(path) }));
  return {
    name: daisyName(leaflet.slug),
    files,
    archive: writeZip(entries, modifiedDate(settings)),
    totalMs: plan.totalMs,
    warnings: plan.warnings,
  };
}

const XHTML_HEAD = `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja">
<head>
<meta http-equiv="Content-type" content="text/html; charset=utf-8"/>`;

const metaLine = (name: string, content: string, scheme?: string) => `<meta${attrs({ name, content, scheme })}/>`;

function ncc(input: TalkingBookInput, plan: SyncPlan, id: string, files: number): string {
  const { leaflet, settings } = input;
  const publisher = settings.publisher;
  const metas = [
    metaLine("dc:title", leaflet.title),
    metaLine("dc:creator", creatorOf(input)),
    metaLine("dc:date", dateOf(input), "yyyy-mm-dd"),
    metaLine("dc:format", "Daisy 2.02"),
    metaLine("dc:identifier", id),
    metaLine("dc:language", "ja", "ISO 639"),
    metaLine("dc:publisher", publisher),
    ...(leaflet.source ? [metaLine("dc:source", leaflet.source)] : []),
    metaLine("ncc:charset", "utf-8"),
    metaLine("ncc:generator", settings.generator ?? GENERATOR),
    metaLine("ncc:narrator", settings.narrator ?? DEFAULT_NARRATOR),
    metaLine("ncc:producer", publisher),
    metaLine("ncc:producedDate", settings.modified.slice(0, 10), "yyyy-mm-dd"),
    metaLine("ncc:multimediaType", "audioFullText"),
    metaLine("ncc:totalTime", clock(plan.totalMs)),
    metaLine("ncc:tocItems", String(plan.parts.length)),
    metaLine("ncc:depth", String(Math.max(...plan.parts.map((p) => p.doc.level)))),
    metaLine("ncc:files", String(files)),
    metaLine("ncc:setInfo", "1 of 1"),
    metaLine("ncc:pageFront", "0"),
    metaLine("ncc:pageNormal", "0"),
    metaLine("ncc:pageSpecial", "0"),
    metaLine("ncc:maxPageNormal", "0"),
    metaLine("ncc:footnotes", "0"),
    metaLine("ncc:prodNotes", "0"),
    metaLine("ncc:sidebars", "0"),
  ];
  const headings = plan.parts.map((ps, i) => {
    const level = i === 0 ? 1 : ps.doc.level;
    const cls = i === 0 ? ` class="title"` : "";
    return `<h${level}${cls} id="nav-${i + 1}"><a href="${smilName(i + 1)}#par-1">${esc(ps.doc.title)}</a></h${level}>`;
  });
  return `${XHTML_HEAD}
<title>${esc(leaflet.title)}</title>
${metas.join("\n")}
</head>
<body>
${headings.join("\n")}
</body>
</html>
`;
}

function content(input: TalkingBookInput, plan: SyncPlan, id: string): string {
  const { leaflet, settings } = input;
  return `${XHTML_HEAD}
<title>${esc(leaflet.title)}</title>
${metaLine("dc:title", leaflet.title)}
${metaLine("dc:identifier", id)}
${metaLine("dc:format", "Daisy 2.02")}
${metaLine("ncc:generator", settings.generator ?? GENERATOR)}
<style type="text/css">
.qnum, .speaker { font-weight: bold; }
table { border-collapse: collapse; }
th, td { border: 1px solid #555; padding: 0.2em 0.5em; }
</style>
</head>
<body>
${plan.parts.map((p) => p.doc.body).join("\n")}
</body>
</html>
`;
}

function smil(input: TalkingBookInput, ps: SyncPlan["parts"][number], id: string, elapsedMs: number): string {
  const { leaflet, settings } = input;
  const pars = ps.pars.map(
    (p, i) =>
      `<par endsync="last" id="par-${i + 1}">
<text src="${CONTENT}#${p.target}" id="text-${i + 1}"/>
<audio src="${esc(baseName(p.audio))}" clip-begin="npt=${seconds(p.beginMs)}" clip-end="npt=${seconds(p.endMs)}" id="audio-${i + 1}"/>
</par>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 1.0//EN" "http://www.w3.org/TR/REC-smil/SMIL10.dtd">
<smil>
<head>
${metaLine("dc:format", "Daisy 2.02")}
${metaLine("dc:title", leaflet.title)}
${metaLine("dc:identifier", id)}
${metaLine("ncc:generator", settings.generator ?? GENERATOR)}
${metaLine("ncc:totalElapsedTime", clock(elapsedMs))}
${metaLine("ncc:timeInThisSmil", clock(ps.durationMs))}
<layout>
<region id="txtView"/>
</layout>
</head>
<body>
<seq dur="${seconds(ps.durationMs)}">
${pars.join("\n")}
</seq>
</body>
</smil>
`;
}
