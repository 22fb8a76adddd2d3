// The EPUB 3 talking book: one XHTML document per audio part with a media overlay that highlights each sentence
// as it is read, the MP3s, a navigation document, and the accessibility metadata (EPUB Accessibility 1.1).
// For ChattyBooks, Thorium and other EPUB 3 reading systems that play media overlays.

import { isCompressedMedia, writeZip } from "../lib/zip.ts";
import {
  baseName,
  bookIdentifier,
  creatorOf,
  DEFAULT_NARRATOR,
  modifiedDate,
  need,
  type TalkingBookInput,
  type WrittenBook,
} from "./book.ts";
import { bookImageNames, type PartDocument, partDocuments } from "./content.ts";
import { planSync, type SyncPlan } from "./sync.ts";
import { clock, seconds } from "./time.ts";
import { esc, utf8 } from "./xml.ts";

/** The class reading systems put on the element being read (media:active-class). */
export const ACTIVE_CLASS = "-epub-media-overlay-active";
/** The conformance statement made when DAISY Ace has passed the book. */
export const CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA";

const IMAGE_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  svg: "image/svg+xml",
  webp: "image/webp",
};

/** The EPUB file name of a leaflet. */
export function epubName(slug: string): string {
  return `${slug}.epub`;
}

/** Writes the EPUB of one leaflet: its files (mimetype first) and the archive. */
export function writeEpub(input: TalkingBookInput): WrittenBook {
  const { leaflet, timing, settings } = input;
  const imageNames = bookImageNames(leaflet);
  const docs = partDocuments(leaflet, timing, { dialect: "epub", imageSrc: (name) => `../images/${imageNames.get(name)}` });
  const plan = planSync(leaflet, timing, docs, settings.audio);
  const docName = (d: PartDocument) => `${d.partId}.xhtml`;
  const images = [...new Map(docs.flatMap((d) => d.images).map((i) => [i.name, i])).values()];
  for (const img of images) {
    const ext = img.name.slice(img.name.lastIndexOf(".") + 1).toLowerCase();
    if (!IMAGE_TYPES[ext])
      throw new Error(
        `${img.pos.file}:${img.pos.line}:${img.pos.column} error: the image ${img.name} cannot go into an EPUB (hint: use PNG, JPEG, GIF, SVG or WebP)`,
      );
  }

  const files = new Map<string, Uint8Array>();
  files.set("mimetype", utf8("application/epub+zip"));
  files.set("META-INF/container.xml", utf8(CONTAINER));
  files.set(
    "EPUB/package.opf",
    utf8(
      packageDocument(
        input,
        docs,
        plan,
        images.map((i) => i.name),
      ),
    ),
  );
  files.set("EPUB/nav.xhtml", utf8(navDocument(leaflet.title, docs, docName)));
  files.set("EPUB/style.css", utf8(STYLE));
  for (const ps of plan.parts) {
    files.set(`EPUB/text/${docName(ps.doc)}`, utf8(contentDocument(ps.doc)));
    files.set(`EPUB/smil/${ps.doc.partId}.smil`, utf8(overlay(ps, docName(ps.doc))));
  }
  for (const a of plan.audioFiles) files.set(`EPUB/audio/${baseName(a)}`, need(input.audio, a, "the audio file", leaflet));
  for (const img of images) files.set(`EPUB/images/${imageNames.get(img.name)}`, need(input.images, img.name, "the image", leaflet));

  const entries = [...files].map(([path, data]) => ({ path, data, store: path === "mimetype" || isCompressedMedia(path) }));
  return {
    name: epubName(leaflet.slug),
    files,
    archive: writeZip(entries, modifiedDate(settings)),
    totalMs: plan.totalMs,
    warnings: plan.warnings,
  };
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

function packageDocument(input: TalkingBookInput, docs: PartDocument[], plan: SyncPlan, imageNames: string[]): string {
  const { leaflet, settings } = input;
  const narrator = settings.narrator ?? DEFAULT_NARRATOR;
  const hasRuby = docs.some((d) => d.ruby);
  const hasImages = imageNames.length > 0;
  const meta = (property: string, value: string, refines?: string) =>
    `    <meta property="${property}"${refines ? ` refines="#${refines}"` : ""}>${esc(value)}</meta>`;
  const features = ["structuralNavigation", "synchronizedAudioText", "tableOfContents", "readingOrder"];
  if (hasRuby) features.push("rubyAnnotations");
  if (hasImages) features.push("alternativeText");
  const lines = [
    `    <dc:identifier id="uid">${esc(bookIdentifier(settings.baseUrl, leaflet.slug))}</dc:identifier>`,
    `    <dc:title id="title">${esc(leaflet.title)}</dc:title>`,
    ...(leaflet.titleReading ? [meta("file-as", leaflet.titleReading, "title")] : []),
    "    <dc:language>ja</dc:language>",
    `    <dc:creator id="creator">${esc(creatorOf(input))}</dc:creator>`,
    `    <dc:publisher>${esc(settings.publisher)}</dc:publisher>`,
    ...(leaflet.date ? [`    <dc:date>${esc(leaflet.date)}</dc:date>`] : []),
    ...(leaflet.summary ? [`    <dc:description>${esc(leaflet.summary)}</dc:description>`] : []),
    ...(leaflet.source ? [`    <dc:source>${esc(leaflet.source)}</dc:source>`] : []),
    meta("dcterms:modified", settings.modified),
    ...plan.parts.map((p) => meta("media:duration", clock(p.durationMs), `mo-${p.doc.partId}`)),
    meta("media:duration", clock(plan.totalMs)),
    meta("media:narrator", narrator),
    meta("media:active-class", ACTIVE_CLASS),
    meta("schema:accessMode", "textual"),
    meta("schema:accessMode", "auditory"),
    ...(hasImages ? [meta("schema:accessMode", "visual")] : []),
    meta("schema:accessModeSufficient", "textual"),
    meta("schema:accessModeSufficient", "auditory"),
    ...features.map((f) => meta("schema:accessibilityFeature", f)),
    meta("schema:accessibilityHazard", "none"),
    meta("schema:accessibilitySummary", accessibilitySummary({ narrator, hasRuby, hasImages, conformance: !!settings.conformance })),
    ...(settings.conformance ? [meta("dcterms:conformsTo", CONFORMS_TO)] : []),
  ];
  const manifest = [
    `    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
    `    <item id="css" href="style.css" media-type="text/css"/>`,
    ...plan.parts.flatMap((p) => [
      `    <item id="doc-${p.doc.partId}" href="text/${p.doc.partId}.xhtml" media-type="application/xhtml+xml" media-overlay="mo-${p.doc.partId}"/>`,
      `    <item id="mo-${p.doc.partId}" href="smil/${p.doc.partId}.smil" media-type="application/smil+xml"/>`,
    ]),
    ...plan.audioFiles.map((a, i) => `    <item id="audio-${i + 1}" href="audio/${esc(baseName(a))}" media-type="audio/mpeg"/>`),
    ...imageNames.map(
      (n, i) =>
        `    <item id="image-${i + 1}" href="images/${esc(n)}" media-type="${IMAGE_TYPES[n.slice(n.lastIndexOf(".") + 1).toLowerCase()]}"/>`,
    ),
  ];
  const spine = plan.parts.map((p) => `    <itemref idref="doc-${p.doc.partId}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="ja">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${lines.join("\n")}
  </metadata>
  <manifest>
${manifest.join("\n")}
  </manifest>
  <spine>
${spine.join("\n")}
  </spine>
</package>
`;
}

/** The accessibility summary in Japanese: what the book offers, in words a reader can check. */
export function accessibilitySummary(f: { narrator: string; hasRuby: boolean; hasImages: boolean; conformance: boolean }): string {
  return [
    `この本は、本文の文字と、${f.narrator}による読み上げ音声を文ごとに同期させたものです。読み上げている文が強調表示されます。`,
    "見出しと目次で移動でき、読む順序は本文の順序のとおりです。",
    f.hasRuby ? "読み方の難しい言葉にはふりがな（ルビ）を付けています。" : "",
    f.hasImages ? "画像には代替テキストがあり、音声でも読み上げます。" : "",
    "文字だけでも、音声だけでも内容が分かります。点滅などの危険な表現はありません。",
    f.conformance ? "EPUB Accessibility 1.1 と WCAG 2.2 レベルAAへの適合は、EPUBCheck と DAISY Ace による自動検査で確かめています。" : "",
  ].join("");
}

function navDocument(title: string, docs: PartDocument[], docName: (d: PartDocument) => string): string {
  // Levels 1 and 2 at the top of the table of contents, questions of a section nested under it.
  let html = "";
  let open = false;
  docs.forEach((d, i) => {
    const link = `<a href="text/${docName(d)}#${d.headingId}">${esc(d.title)}</a>`;
    if (d.level === 3 && i > 0) {
      html += open ? `<li>${link}</li>` : `<ol><li>${link}</li>`;
      open = true;
      return;
    }
    if (open) html += "</ol>";
    open = false;
    html += i > 0 ? `</li><li>${link}` : `<li>${link}`;
  });
  html += `${open ? "</ol>" : ""}</li>`;
  const first = docs.find((d) => d.kind !== "intro") ?? docs[0];
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="ja" lang="ja">
<head>
<meta charset="UTF-8"/>
<title>目次 - ${esc(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-heading">
<h1 id="toc-heading">目次</h1>
<ol>${html}</ol>
</nav>
<nav epub:type="landmarks" aria-labelledby="landmarks-heading" hidden="hidden">
<h2 id="landmarks-heading">ランドマーク</h2>
<ol>
<li><a epub:type="bodymatter" href="text/${docName(first)}">本文</a></li>
</ol>
</nav>
</body>
</html>
`;
}

function contentDocument(doc: PartDocument): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="ja" lang="ja">
<head>
<meta charset="UTF-8"/>
<title>${esc(doc.title)}</title>
<link rel="stylesheet" type="text/css" href="../style.css"/>
</head>
<body>
<main>
${doc.body}
</main>
</body>
</html>
`;
}

function overlay(ps: SyncPlan["parts"][number], docFile: string): string {
  const pars = ps.pars.map(
    (p, i) =>
      `<par id="par-${i + 1}"><text src="../text/${docFile}#${p.target}"/><audio src="../audio/${esc(baseName(p.audio))}" clipBegin="${seconds(p.beginMs)}" clipEnd="${seconds(p.endMs)}"/></par>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" version="3.0">
<body>
${pars.join("\n")}
</body>
</smil>
`;
}

const STYLE = `html { line-height: 1.75; }
body { margin: 0 1em; }
h1 { font-size: 1.6em; margin: 0.8em 0 0.4em; }
h2 { font-size: 1.35em; margin: 1em 0 0.4em; }
h3 { font-size: 1.15em; margin: 1em 0 0.3em; }
p { margin: 0.4em 0; }
.issuer { margin-bottom: 1.2em; }
.qnum { font-weight: bold; }
.dialogue .speaker { font-weight: bold; }
.contact { border: 1px solid #555; padding: 0.3em 0.8em; margin: 0.8em 0; }
.contact ul { list-style: none; padding: 0; }
table { border-collapse: collapse; margin: 0.8em 0; }
caption { text-align: left; font-weight: bold; }
th, td { border: 1px solid #555; padding: 0.2em 0.6em; text-align: left; }
figure { margin: 0.8em 0; }
img { max-width: 100%; height: auto; }
rt { font-size: 0.55em; }
.${ACTIVE_CLASS} { background-color: #fff1a8; color: #000; }
`;
