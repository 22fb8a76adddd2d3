// The text of a talking book, built from the model: one document per audio part (the title page with the lead,
// each section or question, the credits), every sentence in an element whose id is the sentence id the audio
// edition's timing map uses, so each spoken sentence has a text element to highlight.
import type { TimingMap } from "../edition/timing.ts";
import { LEAD_UNIT, sentenceId, sentencesOf, type TextRun } from "../model/sentences.ts";
import type { Block, BodyItem, ImageBlock, Inline, Leaflet, Question } from "../model/types.ts";
import { inlineText, leadBlocks, type Unit, unitBlocks, unitHeading } from "../model/walk.ts";
import { TITLE_UNIT } from "../reading/speech.ts";
import { esc, xmlId } from "./xml.ts";

/** EPUB 3 content documents (XHTML5, ruby) or DAISY 2.02 ones (XHTML 1.0, which has no ruby). */
export type Dialect = "epub" | "daisy";

/** The timing map's id of the opening part (unit ids never start with `_`); found by its kind when it differs. */
export const INTRO_PART = "_intro";

/** One content document: the text of one audio part. */
export interface PartDocument {
  /** The timing map's part id: `_intro`, a unit id, or `_credits`. */
  partId: string;
  kind: "intro" | "section" | "question" | "closing" | "credits";
  level: 1 | 2 | 3;
  /** The heading as plain text, for tables of contents. */
  title: string;
  /** Element id of the heading (announcements without an element of their own are synchronized with it). */
  headingId: string;
  /** The markup of the part, to be placed in a body. */
  body: string;
  /** Every id the text knows (sentence ids, unit id) → the element id written, which may differ (see xmlId). */
  ids: Map<string, string>;
  /** Images shown, for the manifest and the accessibility metadata. */
  images: ImageBlock[];
  /** True when furigana is shown (ruby annotations). */
  ruby: boolean;
}

/** Options of the documents' markup. */
export interface ContentOptions {
  dialect: Dialect;
  /** The src of an image from the document, by its file name. */
  imageSrc: (name: string) => string;
  /** For DAISY: image types it allows (others are replaced by their alt text). */
  imageAllowed?: (name: string) => boolean;
}

/**
 * The title page's run the model does not list (it starts at the lead): the leaflet's title, one sentence, in the
 * speech script's TITLE_UNIT (spoken whole as `_title--h-s0`, the issuer as its announcement `_title--h-s0~a`).
 */
export function titleRuns(leaflet: Leaflet): TextRun[] {
  return [{ unit: TITLE_UNIT, path: "h", role: "title", inlines: [{ type: "text", value: leaflet.title }] }];
}

/** The documents of a leaflet in reading order: title page, each section and question, and the credits if the audio has them. */
export function partDocuments(leaflet: Leaflet, timing: TimingMap, opts: ContentOptions): PartDocument[] {
  const used = new Set<string>();
  const speakers = new Map(leaflet.speakers.map((sp) => [sp.id, sp.name]));
  const docs: PartDocument[] = [];
  const make = (partId: string, kind: PartDocument["kind"], level: 1 | 2 | 3, title: string, fill: (b: DocBuilder) => void) => {
    const b = new DocBuilder(opts, used, speakers);
    fill(b);
    docs.push({ partId, kind, level, title, headingId: b.headingId, body: b.out, ids: b.ids, images: b.images, ruby: b.ruby });
  };

  make(timing.parts.find((p) => p.kind === "intro")?.id ?? INTRO_PART, "intro", 1, leaflet.title, (b) => {
    const [title] = titleRuns(leaflet);
    b.open("section", "titlepage");
    // Spoken whole, so one element, whatever marks the title has inside.
    b.heading(1, `${TITLE_UNIT}--h`, `<span id="${b.id(sentenceId(title, 0))}">${esc(leaflet.title)}</span>`, "title");
    if (leaflet.issuer) b.out += `<p class="issuer">発行：${esc(leaflet.issuer)}</p>`;
    leadBlocks(leaflet).forEach((block, i) => {
      b.block(LEAD_UNIT, String(i), block, 1);
    });
    b.close("section");
  });

  for (const [unit, level] of unitsWithLevels(leaflet)) {
    const heading = unitHeading(unit);
    const title = unit.type === "question" ? `Q${unit.number}. ${inlineText(heading)}` : inlineText(heading);
    make(unit.id, unit.type, level, title, (b) => {
      b.open("section", unit.type);
      const number = unit.type === "question" ? `<span class="qnum">Q${unit.number}.</span> ` : "";
      b.heading(level, unit.id, number + b.sentences({ unit: unit.id, path: "h", inlines: heading }));
      unitBlocks(unit).forEach((block, i) => {
        b.block(unit.id, String(i), block, level);
      });
      b.close("section");
    });
  }

  // The closing (contact and information date) and the credits are spoken text of their own: one paragraph a sentence.
  for (const kind of ["closing", "credits"] as const) {
    const part = timing.parts.find((p) => p.kind === kind);
    if (!part) continue;
    make(part.id, kind, part.level, part.title, (b) => {
      b.open("section", kind);
      b.heading(part.level, `${part.id}--h`, esc(part.title));
      for (const s of part.sentences) b.out += `<p><span id="${b.id(s.id)}">${esc(s.text)}</span></p>`;
      b.close("section");
    });
  }
  return docs;
}

/** Every image of a leaflet, in reading order. */
export function leafletImages(leaflet: Leaflet): ImageBlock[] {
  const out: ImageBlock[] = [];
  const walk = (items: (BodyItem | Block | Question)[]) => {
    for (const b of items) {
      if (b.type === "image") out.push(b);
      else if (b.type === "section") walk(b.children);
      else if (b.type === "question") walk(b.answer);
      else if (b.type === "list") for (const item of b.items) walk(item.children);
    }
  };
  walk(leaflet.body);
  return out;
}

/**
 * The images' file names inside a book: their own where they are plain ASCII (what DAISY players on CD-era
 * file systems and every EPUB reader handle), else `image-<n>.<ext>`.
 */
export function bookImageNames(leaflet: Leaflet): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  leafletImages(leaflet).forEach((img, i) => {
    if (names.has(img.name)) return;
    const ext = /\.[A-Za-z0-9]+$/.exec(img.name)?.[0].toLowerCase() ?? "";
    let name = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(img.name) ? img.name : `image-${i + 1}${ext}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `image-${i + 1}-${n}${ext}`;
    used.add(name.toLowerCase());
    names.set(img.name, name);
  });
  return names;
}

/** Sections and top-level questions are level 2, questions inside a section level 3. */
function unitsWithLevels(leaflet: Leaflet): [Unit, 2 | 3][] {
  const out: [Unit, 2 | 3][] = [];
  for (const item of leaflet.body) {
    if (item.type === "section") {
      out.push([item, 2]);
      for (const child of item.children) if (child.type === "question") out.push([child, 3]);
    } else if (item.type === "question") out.push([item, 2]);
  }
  return out;
}

const SAFE_URL = /^(https?:|mailto:|tel:)/i;

class DocBuilder {
  out = "";
  headingId = "";
  readonly ids = new Map<string, string>();
  readonly images: ImageBlock[] = [];
  ruby = false;
  private readonly opts: ContentOptions;
  private readonly used: Set<string>;
  private readonly speakers: Map<string, string>;

  constructor(opts: ContentOptions, used: Set<string>, speakers: Map<string, string>) {
    this.opts = opts;
    this.used = used;
    this.speakers = speakers;
  }

  /** The element id for a model id, unique across the whole book. */
  id(raw: string): string {
    const known = this.ids.get(raw);
    if (known) return known;
    let id = xmlId(raw);
    for (let n = 2; this.used.has(id); n++) id = `${xmlId(raw)}-${n}`;
    this.used.add(id);
    this.ids.set(raw, id);
    return id;
  }

  open(tag: "section", cls: string): void {
    this.out += this.opts.dialect === "epub" ? `<${tag} class="${cls}">` : `<div class="${cls}">`;
  }

  close(tag: "section"): void {
    this.out += this.opts.dialect === "epub" ? `</${tag}>` : "</div>";
  }

  heading(level: number, rawId: string, inner: string, cls?: string): void {
    const id = this.id(rawId);
    if (!this.headingId) this.headingId = id;
    this.out += `<h${level} id="${id}"${cls ? ` class="${cls}"` : ""}>${inner}</h${level}>`;
  }

  /** The sentences of a run, each in a span carrying its sentence id. */
  sentences(run: Pick<TextRun, "unit" | "path" | "inlines">): string {
    return sentencesOf(run.inlines)
      .map((s, n) => `<span id="${this.id(sentenceId(run, n))}">${this.inlines(s)}</span>`)
      .join("");
  }

  inlines(nodes: Inline[]): string {
    let html = "";
    for (const n of nodes) {
      switch (n.type) {
        case "text":
          html += esc(n.value);
          break;
        case "break":
          html += "<br/>";
          break;
        case "ruby":
          if (!n.display) html += esc(n.base);
          else if (this.opts.dialect === "epub") {
            this.ruby = true;
            html += `<ruby>${esc(n.base)}<rp>（</rp><rt>${esc(n.reading)}</rt><rp>）</rp></ruby>`;
          } else html += `${esc(n.base)}<span class="reading">（${esc(n.reading)}）</span>`;
          break;
        case "strong":
          html += `<strong>${this.inlines(n.children)}</strong>`;
          break;
        case "emphasis":
          html += `<em>${this.inlines(n.children)}</em>`;
          break;
        case "link":
          // Only links a reading system can follow safely; a script URL is shown as its text.
          html += SAFE_URL.test(n.url.trim()) ? `<a href="${esc(n.url.trim())}">${this.inlines(n.children)}</a>` : this.inlines(n.children);
          break;
        default: {
          // Any other inline with children keeps them; one with a language (a run in English) is marked with it.
          const other = n as unknown as { lang?: string; children?: Inline[] };
          const inner = other.children ? this.inlines(other.children) : "";
          html += other.lang ? `<span lang="${esc(other.lang)}" xml:lang="${esc(other.lang)}">${inner}</span>` : inner;
        }
      }
    }
    return html;
  }

  /** A block with the same addresses as blockRuns in src/model/sentences.ts (a test keeps the two in step). */
  block(unit: string, path: string, block: Block, unitLevel: number): void {
    const run = (p: string, inlines: Inline[]) => this.sentences({ unit, path: p, inlines });
    switch (block.type) {
      case "paragraph":
        this.out += `<p>${run(path, block.children)}</p>`;
        return;
      case "note":
        this.out += `<p class="note">※${run(path, block.children)}</p>`;
        return;
      case "heading": {
        const level = Math.min(block.level, unitLevel + 1, 6);
        this.out += `<h${level} class="subheading">${run(path, block.children)}</h${level}>`;
        return;
      }
      case "list": {
        const tag = block.ordered ? "ol" : "ul";
        const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : "";
        this.out += `<${tag}${start}>`;
        block.items.forEach((item, i) => {
          this.out += "<li>";
          item.children.forEach((child, j) => {
            const p = `${path}-${i}-${j}`;
            if (child.type === "paragraph") this.out += `<p>${run(p, child.children)}</p>`;
            else if (child.type === "note") this.out += `<p class="note">※${run(p, child.children)}</p>`;
            else this.block(unit, p, child, unitLevel);
          });
          this.out += "</li>";
        });
        this.out += `</${tag}>`;
        return;
      }
      case "dialogue":
        this.out += `<div class="dialogue">`;
        block.lines.forEach((line, i) => {
          this.out += `<p class="line"><span class="speaker">${esc(this.speakerName(line.speaker))}</span>：${run(`${path}-${i}`, line.children)}</p>`;
        });
        this.out += "</div>";
        return;
      case "contact":
        this.out += `<div class="contact"><p class="contact-title">${run(`${path}-t`, block.title)}</p><ul>`;
        block.entries.forEach((e, i) => {
          this.out += `<li>${run(`${path}-${i}`, [{ type: "text", value: `${e.label}：${e.value}` }])}</li>`;
        });
        this.out += "</ul></div>";
        return;
      case "table": {
        this.out += "<table>";
        if (inlineText(block.caption).trim()) this.out += `<caption>${run(`${path}-c`, block.caption)}</caption>`;
        this.out += `<thead><tr>${block.header.map((h) => `<th scope="col">${this.inlines(h)}</th>`).join("")}</tr></thead><tbody>`;
        // The audio reads a row as one sentence (each cell after its header): the row has that sentence's id.
        block.rows.forEach((row, r) => {
          const rowId = this.id(sentenceId({ unit, path: `${path}-${r}` }, 0));
          this.out += `<tr id="${rowId}">${row.map((cell, c) => `<td>${run(`${path}-${r}-${c}`, cell)}</td>`).join("")}</tr>`;
        });
        this.out += "</tbody></table>";
        return;
      }
      case "image": {
        // The alt text is spoken; the image itself is the element highlighted while it is.
        const id = this.id(sentenceId({ unit, path }, 0));
        if (this.opts.imageAllowed && !this.opts.imageAllowed(block.name)) {
          this.out += `<p class="image-alt" id="${id}">図：${esc(block.alt)}</p>`;
          return;
        }
        this.images.push(block);
        const img = `<img src="${esc(this.opts.imageSrc(block.name))}" alt="${esc(block.alt)}" id="${id}"/>`;
        this.out += this.opts.dialect === "epub" ? `<figure class="image">${img}</figure>` : `<div class="image">${img}</div>`;
        return;
      }
    }
  }

  private speakerName(id: string): string {
    return this.speakers.get(id) ?? id;
  }
}
