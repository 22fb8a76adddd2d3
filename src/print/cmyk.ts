// Press colour for the print-shop file: every DeviceRGB and DeviceGray colour operator in the page content
// becomes DeviceCMYK. A template colour gets the CMYK its template names (text ink is K100, スミ), a neutral grey
// prints on the black plate only, any other colour gets a full-GCR conversion. react-pdf (pdfkit) only writes
// RGB, so this runs on the finished content streams, token by token, leaving text strings untouched.
import { decodePDFRawStream, PDFArray, type PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFStream } from "pdf-lib";

export type Cmyk = [number, number, number, number];

/** Maps an RGB colour (0–1 each) to CMYK (0–1 each): the template's own colours first, then by rule. */
export function cmykMapper(known: { rgb: string; cmyk: Cmyk }[]): (r: number, g: number, b: number) => Cmyk {
  const table = known.map((k) => ({ rgb: hexToRgb(k.rgb), cmyk: k.cmyk }));
  return (r, g, b) => {
    for (const k of table)
      if (Math.abs(k.rgb[0] - r) < 0.003 && Math.abs(k.rgb[1] - g) < 0.003 && Math.abs(k.rgb[2] - b) < 0.003) return k.cmyk;
    return rgbToCmyk(r, g, b);
  };
}

/** Full grey-component replacement: a neutral grey uses black ink only, so it cannot misregister. */
export function rgbToCmyk(r: number, g: number, b: number): Cmyk {
  const k = 1 - Math.max(r, g, b);
  if (k >= 1) return [0, 0, 0, 1];
  const c = (1 - r - k) / (1 - k);
  const m = (1 - g - k) / (1 - k);
  const y = (1 - b - k) / (1 - k);
  const clean = (v: number) => (v < 0.004 ? 0 : Math.min(1, v));
  return [clean(c), clean(m), clean(y), clean(k)];
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

interface Token {
  text: string;
  start: number;
  end: number;
  number: boolean;
}

const DELIM = new Set(["(", ")", "<", ">", "[", "]", "{", "}", "/", "%"]);
const WS = new Set([" ", "\t", "\r", "\n", "\f", "\0"]);

// The tokens of a content stream with their places; strings, hex strings and comments are skipped whole.
function* tokens(s: string): Generator<Token> {
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (WS.has(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === "%") {
      while (i < s.length && s[i] !== "\n" && s[i] !== "\r") i++;
      continue;
    }
    if (ch === "(") {
      let depth = 0;
      for (; i < s.length; i++) {
        if (s[i] === "\\") i++;
        else if (s[i] === "(") depth++;
        else if (s[i] === ")" && --depth === 0) break;
      }
      i++;
      yield { text: s.slice(start, i), start, end: i, number: false };
      continue;
    }
    if (ch === "<" && s[i + 1] !== "<") {
      i = s.indexOf(">", i) + 1 || s.length;
      yield { text: s.slice(start, i), start, end: i, number: false };
      continue;
    }
    if ((ch === "<" && s[i + 1] === "<") || (ch === ">" && s[i + 1] === ">")) {
      i += 2;
      yield { text: s.slice(start, i), start, end: i, number: false };
      continue;
    }
    if (ch === "[" || ch === "]" || ch === "{" || ch === "}") {
      i++;
      yield { text: ch, start, end: i, number: false };
      continue;
    }
    i++;
    while (i < s.length && !WS.has(s[i]) && !DELIM.has(s[i])) i++;
    const text = s.slice(start, i);
    yield { text, start, end: i, number: /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) };
  }
}

const fmt = (v: number) => (Math.round(v * 10000) / 10000).toString();

/** Rewrites one content stream's colour operators to DeviceCMYK; returns the new text and whether it changed. */
export function rewriteColours(content: string, map: (r: number, g: number, b: number) => Cmyk): { text: string; changed: boolean } {
  const edits: { start: number; end: number; text: string }[] = [];
  let operands: Token[] = [];
  // Which colour space each of fill and stroke is in, as far as this stream says (RGB once converted).
  const space = { fill: "", stroke: "" };
  for (const tok of tokens(content)) {
    const isOperator = !tok.number && /^[A-Za-z'"*]+$/.test(tok.text) && !["true", "false", "null"].includes(tok.text);
    if (!isOperator) {
      operands.push(tok);
      continue;
    }
    const op = tok.text;
    const nums = operands.map((o) => Number(o.text));
    const from = operands[0]?.start ?? tok.start;
    const replace = (text: string) => edits.push({ start: from, end: tok.end, text });
    const cmyk = (v: Cmyk) => v.map(fmt).join(" ");
    if ((op === "cs" || op === "CS") && operands.length === 1) {
      const target = op === "cs" ? "fill" : "stroke";
      space[target] = operands[0].text;
      if (operands[0].text === "/DeviceRGB" || operands[0].text === "/DeviceGray") replace(`/DeviceCMYK ${op}`);
    } else if ((op === "sc" || op === "scn" || op === "SC" || op === "SCN") && operands.every((o) => o.number)) {
      const target = op === op.toLowerCase() ? "fill" : "stroke";
      if (space[target] === "/DeviceRGB" && nums.length === 3) replace(`${cmyk(map(nums[0], nums[1], nums[2]))} ${op}`);
      else if (space[target] === "/DeviceGray" && nums.length === 1) replace(`0 0 0 ${fmt(1 - nums[0])} ${op}`);
    } else if ((op === "rg" || op === "RG") && nums.length === 3 && operands.every((o) => o.number)) {
      replace(`${cmyk(map(nums[0], nums[1], nums[2]))} ${op === "rg" ? "k" : "K"}`);
    } else if ((op === "g" || op === "G") && nums.length === 1 && operands[0].number) {
      replace(`0 0 0 ${fmt(1 - nums[0])} ${op === "g" ? "k" : "K"}`);
    } else if (op === "BI") {
      // Inline images hold binary data; this writer never makes them, so a stream with one is left as it is.
      return { text: content, changed: false };
    }
    operands = [];
  }
  if (edits.length === 0) return { text: content, changed: false };
  let out = "";
  let at = 0;
  for (const e of edits) {
    out += content.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { text: out + content.slice(at), changed: true };
}

/** Converts the colours of every page's content of a document to DeviceCMYK (react-pdf draws no form XObjects). */
export function convertDocumentToCmyk(doc: PDFDocument, map: (r: number, g: number, b: number) => Cmyk): void {
  const ctx = doc.context;
  const seen = new Set<string>();
  const convert = (ref: PDFRef | undefined, stream: PDFStream | undefined, set: (s: PDFStream) => void) => {
    if (!(stream instanceof PDFRawStream)) return;
    const key = ref?.toString();
    if (key && seen.has(key)) return;
    if (key) seen.add(key);
    const text = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
    const r = rewriteColours(text, map);
    if (!r.changed) return;
    const next = ctx.flateStream(Buffer.from(r.text, "latin1"));
    for (const [k, v] of stream.dict.entries()) {
      if (![PDFName.of("Filter"), PDFName.of("Length"), PDFName.of("DecodeParms")].some((n) => n === k)) next.dict.set(k, v);
    }
    set(next);
  };
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const r of refs) {
      if (!(r instanceof PDFRef)) continue;
      convert(r, ctx.lookup(r) as PDFStream, (s) => ctx.assign(r, s));
    }
  }
}
