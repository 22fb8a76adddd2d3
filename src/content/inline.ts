// mdast phrasing content → model inlines, including the `{漢字|かんじ}` reading markup.
import type { PhrasingContent } from "mdast";
import type { Diagnostics } from "../lib/diagnostics.ts";
import type { Inline } from "../model/types.ts";

export interface InlineContext {
  file: string;
  /** The whole source text, for restoring text that remark read as directives. */
  source: string;
  diags: Diagnostics;
}

/** Language tags a run may be marked with (`:en[…]`): the languages city halls publish most, besides Japanese. */
export const FOREIGN_LANGUAGES = new Set(["en", "zh", "ko", "pt", "es", "vi", "tl", "ne", "id", "th", "my", "fr", "de", "ru", "uk", "fil"]);

/** The only links any edition publishes: web pages, e-mail and phone. */
export const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+0-9#*-]+)$/i;

const KANA_READING = /^[\u3041-\u309f\u30a0-\u30ffー・　 ]+$/;

/** Converts phrasing nodes, reporting markup the editions cannot render. */
export function toInlines(nodes: PhrasingContent[], ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out.push(...parseRuby(node.value, node.position?.start, ctx));
        break;
      case "emphasis":
        out.push({ type: "emphasis", children: toInlines(node.children, ctx) });
        break;
      case "strong":
        out.push({ type: "strong", children: toInlines(node.children, ctx) });
        break;
      case "link": {
        const children = toInlines(node.children, ctx);
        if (SAFE_LINK.test(node.url)) {
          out.push({ type: "link", url: node.url, children });
          break;
        }
        const p = node.position?.start;
        ctx.diags.error(
          ctx.file,
          p?.line ?? 1,
          p?.column ?? 1,
          `the link 「${node.url.slice(0, 60)}」 is not a web page, e-mail address or phone number`,
          "links may start only with https://, http://, mailto: or tel:; write the full address, e.g. [市のページ](https://www.city.example.lg.jp/)",
        );
        out.push(...children);
        break;
      }
      case "break":
        out.push({ type: "break" });
        break;
      case "inlineCode":
        out.push({ type: "text", value: node.value });
        break;
      case "delete":
        out.push(...toInlines(node.children, ctx));
        break;
      case "textDirective": {
        // `:en[Inquiries]` marks a run in another language; any other `:word` (e.g. "note:abc") is text: put the source back.
        if (FOREIGN_LANGUAGES.has(node.name) && node.children.length > 0) {
          out.push({ type: "foreign", lang: node.name, children: toInlines(node.children as PhrasingContent[], ctx) });
          break;
        }
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const raw = start !== undefined && end !== undefined ? ctx.source.slice(start, end) : `:${node.name}`;
        out.push(...parseRuby(raw, node.position?.start, ctx));
        break;
      }
      case "image": {
        const p = node.position?.start;
        ctx.diags.error(
          ctx.file,
          p?.line ?? 1,
          p?.column ?? 1,
          "an image must be a paragraph of its own",
          "put a blank line before and after `![…](…)`",
        );
        break;
      }
      case "html": {
        const p = node.position?.start;
        ctx.diags.error(
          ctx.file,
          p?.line ?? 1,
          p?.column ?? 1,
          "HTML tags are not allowed in leaflets",
          "use Markdown: **太字**, lists, :::contact boxes",
        );
        break;
      }
      default: {
        const p = node.position?.start;
        ctx.diags.error(
          ctx.file,
          p?.line ?? 1,
          p?.column ?? 1,
          `unsupported inline markup "${node.type}"`,
          "see docs/authoring.md for what a leaflet can contain",
        );
      }
    }
  }
  return mergeTexts(out);
}

/** Splits text into plain text and ruby, reporting unbalanced `{`/`}` at their column. */
export function parseRuby(text: string, start: { line: number; column: number } | undefined, ctx: InlineContext): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  let plain = "";
  while (i < text.length) {
    const ch = text[i];
    if (ch === "}") {
      report(ctx, text, start, i, "a `}` has no matching `{`", "readings are written {漢字|かんじ}; write a literal brace full-width: ｝");
      i++;
      continue;
    }
    if (ch !== "{") {
      plain += ch;
      i++;
      continue;
    }
    const close = text.indexOf("}", i + 1);
    const nextOpen = text.indexOf("{", i + 1);
    const lineEnd = text.indexOf("\n", i + 1);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close) || (lineEnd !== -1 && lineEnd < close)) {
      report(
        ctx,
        text,
        start,
        i,
        "a `{` is not closed",
        "readings are written {漢字|かんじ} on one line; write a literal brace full-width: ｛",
      );
      i++;
      continue;
    }
    const inner = text.slice(i + 1, close);
    const bar = inner.indexOf("|");
    if (bar === -1) {
      report(
        ctx,
        text,
        start,
        i,
        `「{${inner}}」 has no reading`,
        "write {漢字|かんじ}: the word, a vertical bar, then its reading in kana",
      );
      i = close + 1;
      continue;
    }
    const base = inner.slice(0, bar).trim();
    let reading = inner.slice(bar + 1).trim();
    const display = !reading.startsWith("=");
    if (!display) reading = reading.slice(1).trim();
    if (!base || !reading) {
      report(ctx, text, start, i, `「{${inner}}」 needs both a word and its reading`, "write {漢字|かんじ}");
    } else if (!KANA_READING.test(reading)) {
      report(ctx, text, start, i, `the reading 「${reading}」 must be written in kana`, `write {${base}|…} with hiragana or katakana`);
    } else {
      if (plain) out.push({ type: "text", value: plain });
      plain = "";
      out.push({ type: "ruby", base, reading, display });
    }
    i = close + 1;
  }
  if (plain) out.push({ type: "text", value: plain });
  return out;
}

function report(
  ctx: InlineContext,
  text: string,
  start: { line: number; column: number } | undefined,
  index: number,
  message: string,
  hint: string,
): void {
  const before = text.slice(0, index);
  const newlines = before.split("\n").length - 1;
  const line = (start?.line ?? 1) + newlines;
  const column = newlines ? index - before.lastIndexOf("\n") : (start?.column ?? 1) + index;
  ctx.diags.error(ctx.file, line, column, message, hint);
}

function mergeTexts(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    const prev = out[out.length - 1];
    if (node.type === "text" && prev?.type === "text") prev.value += node.value;
    else out.push(node);
  }
  return out;
}

/** Splits inlines into lines at newlines inside text and at hard breaks. */
export function splitLines(inlines: Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const node of inlines) {
    if (node.type === "break") {
      lines.push([]);
    } else if (node.type === "text" && node.value.includes("\n")) {
      const parts = node.value.split("\n");
      parts.forEach((part, k) => {
        if (k > 0) lines.push([]);
        if (part) lines[lines.length - 1].push({ type: "text", value: part });
      });
    } else {
      lines[lines.length - 1].push(node);
    }
  }
  return lines;
}
