// Reads a PDF's tag tree back the way assistive technology meets it, and finds content that nothing accounts for.
// pdf.js (the reader in Firefox) supplies each page's structure, the text of every marked-content run and the
// drawing operators; the file's own StructTreeRoot (through pdf-lib) names each element once across pages, so
// a paragraph that breaks over a page is one element, not two. Poppler's `pdfinfo` is the second reader.
import { execFileSync } from "node:child_process";
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRef, PDFString } from "pdf-lib";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

/** One structure element, with the text of everything in it. */
export interface TagElement {
  role: string;
  alt?: string;
  actualText?: string;
  lang?: string;
  /** Table header scope (Row, Column, Both). */
  scope?: string;
  depth: number;
  /** Pages (1-based) its own content is on. */
  pages: number[];
  /** Text of its whole subtree, in reading order. */
  text: string;
  /** Whether content sits directly in it (not only in child elements). */
  hasOwnContent: boolean;
  /** Object references to annotations (a Link's link annotations). */
  annotations: number;
  children: TagElement[];
}

/** A marked-content run as pdf.js reads it from a page. */
export interface MarkedRun {
  page: number;
  tag: string;
  /** pdf.js id `p<page ref>_mc<MCID>`, or null when the run has no MCID. */
  id: string | null;
  text: string;
}

/** Drawing on a page that is neither in the structure tree nor an Artifact. */
export interface UnmarkedDrawing {
  page: number;
  /** Counts of painting operators by kind (text, path, image, shading, form). */
  kinds: Record<string, number>;
  text: string;
}

/** pdf.js's view of one page's structure (what Firefox exposes to a screen reader). */
export interface PdfjsNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: PdfjsNode[];
}

export interface TagTree {
  /** The catalog's /MarkInfo /Marked is true. */
  tagged: boolean;
  lang: string | null;
  title: string | null;
  displayDocTitle: boolean;
  pageCount: number;
  /** Top-level elements under the StructTreeRoot. */
  roots: TagElement[];
  /** Every element, depth-first: the reading order. */
  elements: TagElement[];
  artifacts: MarkedRun[];
  /** Marked content that is not an Artifact and whose MCID no element claims. */
  orphans: MarkedRun[];
  unmarked: UnmarkedDrawing[];
  /** Link annotations per page, and how many of them carry a /StructParent. */
  linkAnnotations: { page: number; total: number; inTree: number }[];
  pdfjsPages: PdfjsNode[];
  /** Disagreements found while reading (pdf.js vs the file's tree, MCIDs claimed twice, broken kids). */
  readProblems: string[];
}

type Kid = { kind: "mc"; id: string; page: number } | { kind: "objr"; page: number; ref: string } | { kind: "elem"; elem: RawElement };
interface RawElement {
  role: string;
  dict: PDFDict;
  kids: Kid[];
}

const PAINT_OPS = new Map<number, string>([
  [OPS.showText, "text"],
  [OPS.showSpacedText, "text"],
  [OPS.nextLineShowText, "text"],
  [OPS.nextLineSetSpacingShowText, "text"],
  [OPS.paintImageXObject, "image"],
  [OPS.paintInlineImageXObject, "image"],
  [OPS.paintImageMaskXObject, "image"],
  [OPS.paintImageMaskXObjectGroup, "image"],
  [OPS.paintImageXObjectRepeat, "image"],
  [OPS.paintImageMaskXObjectRepeat, "image"],
  [OPS.paintSolidColorImageMask, "image"],
  [OPS.paintInlineImageXObjectGroup, "image"],
  [OPS.shadingFill, "shading"],
  [OPS.fill, "path"],
  [OPS.eoFill, "path"],
  [OPS.stroke, "path"],
  [OPS.fillStroke, "path"],
  [OPS.eoFillStroke, "path"],
  [OPS.closeStroke, "path"],
  [OPS.closeFillStroke, "path"],
  [OPS.closeEOFillStroke, "path"],
]);

const refId = (ref: PDFRef) => (ref.generationNumber === 0 ? `${ref.objectNumber}R` : `${ref.objectNumber}R${ref.generationNumber}`);
const mcId = (pageRef: string, mcid: number) => `p${pageRef}_mc${mcid}`;

function text(obj: PDFObject | undefined): string | undefined {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  return undefined;
}

/** Reads the tag tree of a PDF: elements in reading order with roles, alt texts and text; artifacts; unmarked content. */
export async function readTagTree(bytes: Uint8Array): Promise<TagTree> {
  const lib = await PDFDocument.load(bytes, { updateMetadata: false });
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const pdfjs = await task.promise;
  try {
    const catalog = lib.catalog;
    const pageIndex = new Map(lib.getPages().map((p, i) => [refId(p.ref), i + 1]));
    const markInfo = catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict);
    const prefs = catalog.lookupMaybe(PDFName.of("ViewerPreferences"), PDFDict);
    const readProblems: string[] = [];

    // pdf.js: text of each marked-content run, and the drawing outside any of them.
    const runs: MarkedRun[] = [];
    const pdfjsPages: PdfjsNode[] = [];
    const paintsByMc = new Map<string, { page: number; tag: string }>();
    const unmarkedRaw: { page: number; kinds: Record<string, number>; text: string }[] = [];
    for (let n = 1; n <= pdfjs.numPages; n++) {
      const page = await pdfjs.getPage(n);
      pdfjsPages.push(((await page.getStructTree()) as PdfjsNode | null) ?? { role: "Root", children: [] });
      const content = await page.getTextContent({ includeMarkedContent: true });
      const stack: MarkedRun[] = [];
      let looseText = "";
      for (const item of content.items as Array<{ type?: string; tag?: string; id?: string | null; str?: string }>) {
        if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") {
          const run: MarkedRun = { page: n, tag: item.tag ?? "", id: item.id ?? null, text: "" };
          stack.push(run);
          runs.push(run);
        } else if (item.type === "endMarkedContent") stack.pop();
        else if (typeof item.str === "string") {
          const owner = [...stack].reverse().find((r) => r.id !== null || r.tag === "Artifact");
          if (owner) owner.text += item.str;
          else looseText += item.str;
        }
      }
      const ops = await page.getOperatorList();
      const mcStack: { tag: string; mcid: number | null }[] = [];
      const kinds: Record<string, number> = {};
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.beginMarkedContent) mcStack.push({ tag: String(args[0]), mcid: null });
        else if (fn === OPS.beginMarkedContentProps)
          mcStack.push({ tag: String(args[0]), mcid: typeof args[1] === "number" ? (args[1] as number) : null });
        else if (fn === OPS.endMarkedContent) mcStack.pop();
        else {
          const kind = fn === OPS.constructPath ? PAINT_OPS.get(args[0] as number) : PAINT_OPS.get(fn);
          if (!kind) continue;
          if (mcStack.some((m) => m.tag === "Artifact")) continue;
          const marked = [...mcStack].reverse().find((m) => m.mcid !== null);
          if (marked) paintsByMc.set(mcId(refId(lib.getPage(n - 1).ref), marked.mcid!), { page: n, tag: marked.tag });
          else kinds[kind] = (kinds[kind] ?? 0) + 1;
        }
      }
      if (Object.keys(kinds).length > 0 || looseText.trim()) unmarkedRaw.push({ page: n, kinds, text: looseText });
    }
    // pdf.js inserts a space item wherever it sees a horizontal gap, so runs in neighbouring table cells or
    // list columns start with one; Japanese text has no spaces between runs, so each run is trimmed.
    for (const r of runs) r.text = r.text.trim();
    const runText = new Map<string, string>();
    for (const r of runs) if (r.id) runText.set(r.id, (runText.get(r.id) ?? "") + r.text);

    // The file's structure tree, element by element.
    const root = catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
    const roleMap = root?.lookupMaybe(PDFName.of("RoleMap"), PDFDict);
    const seen = new Set<PDFDict>();
    const claimed = new Map<string, number>();
    const readElement = (dict: PDFDict, inheritedPage: string | null): RawElement | null => {
      if (seen.has(dict)) {
        readProblems.push("an element is reached twice in the structure tree");
        return null;
      }
      seen.add(dict);
      let role = dict.lookupMaybe(PDFName.of("S"), PDFName)?.decodeText() ?? "?";
      const mapped = roleMap?.lookupMaybe(PDFName.of(role), PDFName);
      if (mapped) role = mapped.decodeText();
      const pgRef = dict.get(PDFName.of("Pg"));
      const page = pgRef instanceof PDFRef ? refId(pgRef) : inheritedPage;
      const elem: RawElement = { role, dict, kids: [] };
      const addKid = (raw: PDFObject | undefined) => {
        const value = raw instanceof PDFRef ? lib.context.lookup(raw) : raw;
        if (value instanceof PDFNumber) {
          if (!page) readProblems.push(`${role}: a marked-content id without a page`);
          else elem.kids.push({ kind: "mc", id: mcId(page, value.asNumber()), page: pageIndex.get(page) ?? 0 });
        } else if (value instanceof PDFDict) {
          const type = value.lookupMaybe(PDFName.of("Type"), PDFName)?.decodeText();
          const kidPg = value.get(PDFName.of("Pg"));
          const kidPage = kidPg instanceof PDFRef ? refId(kidPg) : page;
          if (type === "MCR") {
            const mcid = value.lookupMaybe(PDFName.of("MCID"), PDFNumber)?.asNumber();
            if (kidPage && mcid !== undefined) elem.kids.push({ kind: "mc", id: mcId(kidPage, mcid), page: pageIndex.get(kidPage) ?? 0 });
          } else if (type === "OBJR") {
            const obj = value.get(PDFName.of("Obj"));
            if (obj instanceof PDFRef) elem.kids.push({ kind: "objr", ref: refId(obj), page: kidPage ? (pageIndex.get(kidPage) ?? 0) : 0 });
          } else {
            const child = readElement(value, page);
            if (child) elem.kids.push({ kind: "elem", elem: child });
          }
        }
      };
      const k = dict.get(PDFName.of("K"));
      const kv = k instanceof PDFRef ? lib.context.lookup(k) : k;
      if (kv instanceof PDFArray) for (let i = 0; i < kv.size(); i++) addKid(kv.get(i));
      else if (kv !== undefined) addKid(k);
      return elem;
    };
    const rawRoots: RawElement[] = [];
    if (root) {
      const k = root.get(PDFName.of("K"));
      const kv = k instanceof PDFRef ? lib.context.lookup(k) : k;
      const list = kv instanceof PDFArray ? kv.asArray() : kv ? [k!] : [];
      for (const item of list) {
        const d = item instanceof PDFRef ? lib.context.lookupMaybe(item, PDFDict) : item instanceof PDFDict ? item : undefined;
        const e = d ? readElement(d, null) : null;
        if (e) rawRoots.push(e);
      }
    }

    const elements: TagElement[] = [];
    const toElement = (raw: RawElement, depth: number): TagElement => {
      const attrs = raw.dict.lookup(PDFName.of("A"));
      const attrDicts =
        attrs instanceof PDFDict ? [attrs] : attrs instanceof PDFArray ? attrs.asArray().map((a) => lib.context.lookup(a)) : [];
      const scope = attrDicts
        .map((a) => (a instanceof PDFDict ? a.lookupMaybe(PDFName.of("Scope"), PDFName)?.decodeText() : undefined))
        .find(Boolean);
      const el: TagElement = {
        role: raw.role,
        depth,
        pages: [],
        text: "",
        hasOwnContent: false,
        annotations: 0,
        children: [],
        ...(text(raw.dict.lookup(PDFName.of("Alt"))) !== undefined ? { alt: text(raw.dict.lookup(PDFName.of("Alt"))) } : {}),
        ...(text(raw.dict.lookup(PDFName.of("ActualText"))) !== undefined
          ? { actualText: text(raw.dict.lookup(PDFName.of("ActualText"))) }
          : {}),
        ...(text(raw.dict.lookup(PDFName.of("Lang"))) !== undefined ? { lang: text(raw.dict.lookup(PDFName.of("Lang"))) } : {}),
        ...(scope ? { scope } : {}),
      };
      elements.push(el);
      for (const kid of raw.kids) {
        if (kid.kind === "elem") {
          const child = toElement(kid.elem, depth + 1);
          el.children.push(child);
          el.text += child.text;
        } else if (kid.kind === "mc") {
          claimed.set(kid.id, (claimed.get(kid.id) ?? 0) + 1);
          el.hasOwnContent = true;
          if (!el.pages.includes(kid.page)) el.pages.push(kid.page);
          el.text += runText.get(kid.id) ?? "";
        } else el.annotations += 1;
      }
      return el;
    };
    const roots = rawRoots.map((r) => toElement(r, 0));
    for (const [id, n] of claimed) if (n > 1) readProblems.push(`marked content ${id} is claimed by ${n} elements`);

    // Marked content with an MCID that no element claims is in neither the tree nor the furniture. (Marked
    // content without an MCID and outside any Artifact was already counted as unmarked drawing.)
    const orphans: MarkedRun[] = [];
    const reported = new Set<string>();
    for (const r of runs) {
      if (r.tag === "Artifact" || !r.id || claimed.has(r.id) || reported.has(r.id)) continue;
      if (!r.text.trim() && !paintsByMc.has(r.id)) continue;
      reported.add(r.id);
      orphans.push(r);
    }
    for (const [id, p] of paintsByMc) {
      if (claimed.has(id) || reported.has(id)) continue;
      reported.add(id);
      orphans.push({ page: p.page, tag: p.tag, id, text: "" });
    }

    const linkAnnotations = lib.getPages().map((p, i) => {
      const annots = p.node.Annots();
      let total = 0;
      let inTree = 0;
      for (let j = 0; j < (annots?.size() ?? 0); j++) {
        const a = annots!.lookup(j, PDFDict);
        if (a.lookupMaybe(PDFName.of("Subtype"), PDFName)?.decodeText() !== "Link") continue;
        total += 1;
        if (a.get(PDFName.of("StructParent")) instanceof PDFNumber) inTree += 1;
      }
      return { page: i + 1, total, inTree };
    });

    readProblems.push(
      ...comparePdfjs(
        pdfjsPages,
        rawRoots,
        lib.getPages().map((p) => refId(p.ref)),
      ),
    );
    return {
      tagged: markInfo?.lookupMaybe(PDFName.of("Marked"), PDFBool)?.asBoolean() === true,
      lang: text(catalog.lookup(PDFName.of("Lang"))) ?? null,
      title: lib.getTitle() ?? null,
      displayDocTitle: prefs?.lookupMaybe(PDFName.of("DisplayDocTitle"), PDFBool)?.asBoolean() === true,
      pageCount: pdfjs.numPages,
      roots,
      elements,
      artifacts: runs.filter((r) => r.tag === "Artifact"),
      orphans,
      unmarked: unmarkedRaw,
      linkAnnotations,
      pdfjsPages,
      readProblems,
    };
  } finally {
    await task.destroy();
  }
}

// pdf.js builds each page's tree from the parent tree; it must match the file's tree cut down to that page.
function comparePdfjs(pages: PdfjsNode[], roots: RawElement[], pageRefs: string[]): string[] {
  const problems: string[] = [];
  const fromPdfjs = (node: PdfjsNode): string => {
    if (node.type === "content") return node.id ?? "";
    if (node.type === "annotation") return `annot:${(node.id ?? "").replace(/^pdfjs_internal_id_/, "")}`;
    if (node.type) return "";
    return `${node.role}(${(node.children ?? []).map(fromPdfjs).filter(Boolean).join(",")})`;
  };
  const fromFile = (elem: RawElement, pageRef: string, page: number): string => {
    const parts: string[] = [];
    for (const kid of elem.kids) {
      if (kid.kind === "elem") parts.push(fromFile(kid.elem, pageRef, page));
      else if (kid.kind === "mc" && kid.id.startsWith(`p${pageRef}_`)) parts.push(kid.id);
      else if (kid.kind === "objr" && kid.page === page) parts.push(`annot:${kid.ref}`);
    }
    const kept = parts.filter(Boolean);
    return kept.length > 0 ? `${elem.role}(${kept.join(",")})` : "";
  };
  pages.forEach((tree, i) => {
    const a = (tree.children ?? []).map(fromPdfjs).filter(Boolean).join(",");
    const b = roots
      .map((r) => fromFile(r, pageRefs[i], i + 1))
      .filter(Boolean)
      .join(",");
    if (a !== b)
      problems.push(`page ${i + 1}: pdf.js reads the structure as ${a || "(nothing)"} but the file's tree gives ${b || "(nothing)"}`);
  });
  return problems;
}

/** The tree as indented lines, `Role [attrs]: text`, text shown for elements with content of their own. */
export function outline(tree: TagTree): string[] {
  return tree.elements.map((e) => {
    const attrs = [
      e.alt !== undefined ? `alt=${e.alt}` : "",
      e.actualText !== undefined ? `actual=${e.actualText}` : "",
      e.scope ? `scope=${e.scope}` : "",
      e.lang ? `lang=${e.lang}` : "",
    ]
      .filter(Boolean)
      .join(" ");
    const head = `${"  ".repeat(e.depth)}${e.role}${attrs ? ` [${attrs}]` : ""}`;
    return e.hasOwnContent || e.children.length === 0 ? `${head}: ${e.text}` : head;
  });
}

const PARENTS: Record<string, string[]> = {
  LI: ["L"],
  Lbl: ["LI", "Note", "BibEntry", "TOCI"],
  LBody: ["LI"],
  TR: ["Table", "THead", "TBody", "TFoot"],
  TH: ["TR"],
  TD: ["TR"],
  THead: ["Table"],
  TBody: ["Table"],
  TFoot: ["Table"],
};

/** What a checker expects beyond the rules: the language, and the outline (see `outline`) line by line. */
export interface TagExpectations {
  lang?: string;
  outline?: string[];
}

/** Problems with a tag tree: not tagged, unmarked content, figures without text, broken nesting, wrong order. */
export function checkTagTree(tree: TagTree, expect: TagExpectations = {}): string[] {
  const problems: string[] = [];
  if (!tree.tagged) problems.push("not a tagged PDF: the catalog has no /MarkInfo << /Marked true >>");
  if (tree.elements.length === 0) problems.push("no structure tree: there are no structure elements");
  if (!tree.lang) problems.push("no document language: the catalog has no /Lang");
  else if (expect.lang && tree.lang !== expect.lang) problems.push(`document language is ${tree.lang}, expected ${expect.lang}`);
  if (!tree.title) problems.push("no document title in the document information");
  if (!tree.displayDocTitle) problems.push("viewers are not told to show the title (/ViewerPreferences /DisplayDocTitle true)");
  for (const u of tree.unmarked) {
    const kinds = Object.entries(u.kinds)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ");
    problems.push(
      `page ${u.page}: drawing outside any marked content (${kinds || "text"})${u.text.trim() ? `: "${u.text.trim().slice(0, 40)}"` : ""}`,
    );
  }
  for (const o of tree.orphans)
    problems.push(
      `page ${o.page}: /${o.tag} content ${o.id ?? "without an MCID"} is neither in the structure tree nor an Artifact${o.text ? `: "${o.text.slice(0, 40)}"` : ""}`,
    );
  for (const l of tree.linkAnnotations) {
    if (l.inTree < l.total)
      problems.push(`page ${l.page}: ${l.total - l.inTree} of ${l.total} link annotations are not in the structure tree`);
  }
  const walk = (e: TagElement, parent: TagElement | null) => {
    if ((e.role === "Figure" || e.role === "Formula") && !e.alt && !e.actualText)
      problems.push(`a ${e.role} has no alternative text (alt)`);
    if (e.role === "Link" && e.annotations === 0) problems.push(`a Link has no link annotation: "${e.text.slice(0, 40)}"`);
    const allowed = PARENTS[e.role];
    if (allowed && !(parent && allowed.includes(parent.role)))
      problems.push(`${e.role} inside ${parent?.role ?? "the root"} (expected inside ${allowed.join(" or ")})`);
    for (const c of e.children) walk(c, e);
  };
  for (const r of tree.roots) walk(r, null);
  let level = 0;
  for (const e of tree.elements) {
    const m = /^H([1-6])$/.exec(e.role);
    if (!m) continue;
    const n = Number(m[1]);
    if (n > level + 1)
      problems.push(`heading ${e.role} "${e.text.slice(0, 30)}" skips a level (after ${level ? `H${level}` : "no heading"})`);
    level = n;
  }
  problems.push(...tree.readProblems);
  if (expect.outline) {
    const got = outline(tree);
    const n = Math.max(got.length, expect.outline.length);
    for (let i = 0; i < n; i++) {
      if (got[i] !== expect.outline[i]) {
        problems.push(`reading order differs at element ${i + 1}: expected "${expect.outline[i] ?? "(end)"}", read "${got[i] ?? "(end)"}"`);
        break;
      }
    }
  }
  return problems;
}

/** One element as poppler's `pdfinfo -struct-text` prints it. */
export interface PopplerElement {
  role: string;
  depth: number;
  text: string;
  /** Attributes poppler prints under the element (`/Scope /Column`), by name without the slash. */
  attributes: Record<string, string>;
  children: PopplerElement[];
}

/** Poppler's `Tagged:` line: whether it considers the file tagged. */
export function popplerTagged(file: string): boolean {
  const out = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return /^Tagged:\s+yes$/m.test(out);
}

/** The structure tree as poppler reads it (`pdfinfo -struct-text`), elements depth-first with their subtree text. */
export function popplerStructText(file: string): PopplerElement[] {
  const out = execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const flat: PopplerElement[] = [];
  const stack: PopplerElement[] = [];
  for (const line of out.split("\n")) {
    if (!line.trim()) continue;
    const body = line.trim();
    if (body.startsWith("/")) {
      const [, key, value] = /^\/(\S+)\s*(.*)$/.exec(body) ?? [];
      if (key && stack.length > 0) stack[stack.length - 1].attributes[key] = value.replace(/^\//, "");
      continue;
    }
    const depth = Math.floor((line.length - line.trimStart().length) / 2);
    while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
    if (body.startsWith('"')) {
      const t = body.replace(/^"|"$/g, "");
      for (const s of stack) s.text += t;
      continue;
    }
    if (/^Object \d+ \d+$/.test(body)) continue;
    const el: PopplerElement = { role: body.split(/\s/)[0].replace(/:$/, ""), depth, text: "", attributes: {}, children: [] };
    stack[stack.length - 1]?.children.push(el);
    flat.push(el);
    stack.push(el);
  }
  return flat;
}
