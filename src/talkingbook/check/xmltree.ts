// A strict XML reader into a small tree with line numbers, for the checkers (sax does the parsing).
import sax from "sax";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text and elements in document order. */
  nodes: (string | XmlElement)[];
  line: number;
  column: number;
}

export interface XmlDocument {
  root: XmlElement;
  doctype?: string;
  /** The encoding named in the XML declaration, if any. */
  declaredEncoding?: string;
}

/** Parses well-formed XML or throws an Error whose message gives line and column. */
export function parseXml(text: string): XmlDocument {
  const parser = sax.parser(true, { position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let doctype: string | undefined;
  let declaredEncoding: string | undefined;
  let error: Error | undefined;
  parser.onerror = (e) => {
    error ??= new Error(`${e.message.split("\n")[0]} (line ${parser.line + 1}, column ${parser.column + 1})`);
    parser.resume();
  };
  parser.ondoctype = (d) => {
    doctype = d.trim();
  };
  parser.onprocessinginstruction = (pi) => {
    if (pi.name === "xml") declaredEncoding = /encoding\s*=\s*["']([^"']+)["']/.exec(pi.body)?.[1];
  };
  parser.onopentag = (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = typeof v === "string" ? v : v.value;
    const el: XmlElement = { name: tag.name, attrs, children: [], nodes: [], line: parser.line + 1, column: parser.column + 1 };
    if (stack.length) {
      stack[stack.length - 1].children.push(el);
      stack[stack.length - 1].nodes.push(el);
    } else root = el;
    stack.push(el);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  const onText = (t: string) => {
    if (stack.length) stack[stack.length - 1].nodes.push(t);
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.write(text).close();
  if (error) throw error;
  if (!root) throw new Error("no root element");
  return { root, doctype, declaredEncoding };
}

/** Every element of a tree in document order. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}

/** The text of an element and all its descendants. */
export function deepText(el: XmlElement): string {
  return el.nodes.map((n) => (typeof n === "string" ? n : deepText(n))).join("");
}
