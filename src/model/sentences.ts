// Sentences of inline content, and the address of every run of text in a leaflet.
// Speech, the talking books and the website's read-along all cut text here, so a sentence the audio speaks is
// the same sentence the page highlights.
import type { Block, Inline, Leaflet } from "./types.ts";
import { inlineText, leadBlocks, listUnits, type Unit, unitBlocks, unitHeading } from "./walk.ts";

const MARKS = new Set([..."。！？!?"]);
const OPENERS = new Set([..."「『（(【〔《〈“‘"]);
const CLOSERS = new Set([..."」』）)】〕》〉”’"]);
/** After a quoted sentence 「…。」, these continue the same sentence (「はい。」と答えます). */
const CONTINUES = new Set([..."とっのはがをにもや"]);

/**
 * Where sentences end in plain text: after 。！？ outside brackets (with any blanks after), or after a closing
 * bracket whose quote ended with such a mark, unless a particle follows it.
 */
function sentenceCuts(plain: string): number[] {
  const cuts: number[] = [];
  let depth = 0;
  let markInside = false;
  const skipBlanks = (i: number) => {
    while (i < plain.length && /[\s\u3000]/.test(plain[i])) i++;
    return i;
  };
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i];
    if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c) && depth > 0) {
      depth--;
      if (depth === 0 && markInside) {
        markInside = false;
        let j = i + 1;
        while (j < plain.length && (CLOSERS.has(plain[j]) || MARKS.has(plain[j]))) j++;
        if (!CONTINUES.has(plain[j])) {
          cuts.push(skipBlanks(j));
          i = j - 1;
        }
      }
    } else if (MARKS.has(c)) {
      if (depth > 0) {
        markInside = true;
        continue;
      }
      let j = i + 1;
      while (j < plain.length && (MARKS.has(plain[j]) || CLOSERS.has(plain[j]))) j++;
      cuts.push(skipBlanks(j));
      i = j - 1;
    }
  }
  return cuts.filter((c) => c > 0 && c < plain.length);
}

/**
 * Splits inlines into sentences, keeping every character and the markup around it (a bold run or a link that
 * spans a sentence end is cut into two nodes of the same kind). Ruby is never cut. Blanks after a sentence end
 * stay with that sentence, so each sentence starts with its first word.
 */
export function sentencesOf(inlines: Inline[]): Inline[][] {
  const plain = inlineText(inlines);
  const cuts = new Set(sentenceCuts(plain));
  const sentences: Inline[][] = [[]];
  const emit = (leaf: Inline, wrappers: Wrapper[]) => {
    let target = sentences[sentences.length - 1];
    for (const w of wrappers) {
      const last = target[target.length - 1] as (Inline & { children?: Inline[] }) | undefined;
      if (last && wrapperOf.get(last) === w) {
        target = last.children as Inline[];
      } else {
        const node = { ...w.node, children: [] as Inline[] } as Inline & { children: Inline[] };
        wrapperOf.set(node, w);
        target.push(node);
        target = node.children;
      }
    }
    const prev = target[target.length - 1];
    if (leaf.type === "text" && prev?.type === "text") prev.value += leaf.value;
    else target.push(leaf);
  };
  const wrapperOf = new WeakMap<object, Wrapper>();
  let offset = 0;
  const walk = (nodes: Inline[], wrappers: Wrapper[]) => {
    for (const node of nodes) {
      if (node.type === "text") {
        let last = 0;
        for (let k = 1; k <= node.value.length; k++) {
          if (!cuts.has(offset + k)) continue;
          emit({ type: "text", value: node.value.slice(last, k) }, wrappers);
          sentences.push([]);
          last = k;
        }
        if (last < node.value.length) emit({ type: "text", value: node.value.slice(last) }, wrappers);
        offset += node.value.length;
      } else if (node.type === "ruby" || node.type === "break") {
        emit({ ...node }, wrappers);
        offset += node.type === "ruby" ? node.base.length : 1;
        if (cuts.has(offset)) sentences.push([]);
      } else {
        const { children, ...rest } = node;
        walk(children, [...wrappers, { type: node.type, node: rest as Omit<Inline, "children"> }]);
      }
    }
  };
  walk(inlines, []);
  return sentences.filter((s) => s.length > 0 && !isBlank(s));
}

interface Wrapper {
  type: Inline["type"];
  node: Omit<Inline, "children">;
}

function isBlank(inlines: Inline[]): boolean {
  return inlines.every((n) =>
    n.type === "text" ? /^[\s\u3000]*$/.test(n.value) : n.type === "break" ? true : "children" in n && isBlank(n.children),
  );
}

/** What a run of text is, for the editions that present it differently. */
export type RunRole =
  | "title"
  | "heading"
  | "paragraph"
  | "note"
  | "subheading"
  | "item"
  | "dialogue"
  | "contact-title"
  | "contact-entry"
  | "caption"
  | "cell"
  | "alt";

/**
 * One run of inline text in a leaflet with its address. `unit` is a section or question id, or `_lead` for the
 * blocks before the first unit. `path` addresses the block tree inside the unit: `h` is the unit's heading,
 * otherwise the block index followed by item, line, entry or row/column indices.
 */
export interface TextRun {
  unit: string;
  path: string;
  role: RunRole;
  inlines: Inline[];
  /** The block the run belongs to (undefined for a unit heading). */
  block?: Block;
  /** For dialogue lines: the speaker id. */
  speaker?: string;
  /** For table cells: the column's header inlines. */
  header?: Inline[];
  /** For ordered list items: the item's number; for contact entries: the entry. */
  number?: number;
}

/** The unit name of the blocks before the first section or question. */
export const LEAD_UNIT = "_lead";

/** The element id of sentence `n` of a run: unique in the leaflet, never equal to a unit id (those have no `--`). */
export function sentenceId(run: Pick<TextRun, "unit" | "path">, n: number): string {
  return `${run.unit}--${run.path}-s${n}`;
}

/** Every run of text of a unit in reading order: its heading, then its own blocks (not its questions). */
export function unitRuns(unit: Unit): TextRun[] {
  const runs: TextRun[] = [{ unit: unit.id, path: "h", role: "heading", inlines: unitHeading(unit) }];
  unitBlocks(unit).forEach((block, i) => {
    blockRuns(unit.id, String(i), block, runs);
  });
  return runs;
}

/** Every run of the leaflet's lead (blocks before the first unit). */
export function leadRuns(leaflet: Leaflet): TextRun[] {
  const runs: TextRun[] = [];
  leadBlocks(leaflet).forEach((block, i) => {
    blockRuns(LEAD_UNIT, String(i), block, runs);
  });
  return runs;
}

/** Every run of a leaflet: lead, then each unit. */
export function leafletRuns(leaflet: Leaflet): TextRun[] {
  return [...leadRuns(leaflet), ...listUnits(leaflet).flatMap(unitRuns)];
}

/** The runs of one block, appended to `out`; `path` is the block's own address. */
export function blockRuns(unit: string, path: string, block: Block, out: TextRun[] = []): TextRun[] {
  const add = (p: string, role: RunRole, inlines: Inline[], extra: Partial<TextRun> = {}) =>
    out.push({ unit, path: p, role, inlines, block, ...extra });
  switch (block.type) {
    case "paragraph":
      add(path, "paragraph", block.children);
      break;
    case "note":
      add(path, "note", block.children);
      break;
    case "heading":
      add(path, "subheading", block.children);
      break;
    case "list":
      block.items.forEach((item, i) => {
        item.children.forEach((child, j) => {
          const p = `${path}-${i}-${j}`;
          if (child.type === "paragraph" || child.type === "note") {
            add(p, "item", child.children, block.ordered && j === 0 ? { number: block.start + i } : {});
          } else blockRuns(unit, p, child, out);
        });
      });
      break;
    case "dialogue":
      block.lines.forEach((line, i) => {
        add(`${path}-${i}`, "dialogue", line.children, { speaker: line.speaker });
      });
      break;
    case "contact":
      add(`${path}-t`, "contact-title", block.title);
      block.entries.forEach((e, i) => {
        add(`${path}-${i}`, "contact-entry", [{ type: "text", value: `${e.label}：${e.value}` }], { number: i });
      });
      break;
    case "table":
      add(`${path}-c`, "caption", block.caption);
      block.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          add(`${path}-${r}-${c}`, "cell", cell, { header: block.header[c] });
        });
      });
      break;
    case "image":
      add(path, "alt", [{ type: "text", value: block.alt }]);
      break;
  }
  return out;
}
