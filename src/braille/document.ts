// A leaflet as a sequence of translated braille blocks: the shared input of the paginated
// edition (BRF, Unicode text) and the volunteers' proofreading sheet.

import { formatJapaneseDate } from "../lib/dates.ts";
import type { Block, Inline, Leaflet, Question, SiteModel, SourcePos } from "../model/types.ts";
import { inlineText, leadBlocks } from "../model/walk.ts";
import { closingLines } from "../reading/closing.ts";
import type { Suspect } from "./kana.ts";
import type { BrailleBlock } from "./paginate.ts";
import { translate } from "./translate.ts";
import { kanaToBrailleReport } from "./writer.ts";

export type ItemStyle = "title" | "section" | "question" | "heading" | "paragraph" | "item" | "note" | "dialogue" | "caption" | "meta";

/** One translated paragraph (or heading, list item, dialogue line…) with its source. */
export interface BrailleItem {
  style: ItemStyle;
  /** The print text, for the proofreading sheet. */
  source: string;
  /** Stage 1 output. */
  kana: string;
  /** Stage 2 output, one logical line. */
  braille: string;
  /** Characters left out because they have no reading or no braille. */
  problems: string[];
  /** Words a proofreader should check (unknown to the dictionary, は/へ, numbers, fixed readings). */
  suspects: Suspect[];
  /** The unit (section or question id) the item belongs to. */
  unitId?: string;
  pos: SourcePos;
  /** List nesting depth (0 for top-level items). */
  depth?: number;
}

/** Indents (first line, following lines) per style, after Japanese braille layout practice. */
const INDENTS: Record<ItemStyle, [number, number]> = {
  title: [8, 8],
  section: [6, 6],
  question: [4, 4],
  heading: [4, 4],
  paragraph: [2, 0],
  note: [2, 0],
  dialogue: [2, 0],
  item: [2, 4],
  caption: [4, 4],
  meta: [2, 0],
};

/** Translates every block of a leaflet, in reading order. */
export async function leafletItems(leaflet: Leaflet, site: SiteModel): Promise<BrailleItem[]> {
  // Speakers' names are read as declared wherever they appear in the text, not only before their lines.
  const lexicon = [
    ...site.lexicon,
    ...leaflet.speakers
      .filter((s) => s.reading && !site.lexicon.some((e) => e.word === s.name))
      .map((s) => ({ word: s.name, reading: s.reading!, pos: leaflet.pos })),
  ];
  const items: BrailleItem[] = [];
  const add = async (
    style: ItemStyle,
    content: string | Inline[],
    pos: SourcePos,
    extra: Partial<BrailleItem> = {},
    prefix?: BrailleItem,
  ) => {
    const t = await translate(content, { lexicon });
    const source = typeof content === "string" ? content : inlineText(content);
    const item: BrailleItem = {
      style,
      source,
      kana: t.kana,
      braille: t.braille,
      problems: t.problems,
      suspects: t.suspects,
      pos,
      ...extra,
    };
    if (prefix) {
      item.source = prefix.source + source;
      item.kana = `${prefix.kana}${t.kana}`;
      item.braille = `${prefix.braille}${t.braille}`;
      item.problems = [...new Set([...prefix.problems, ...t.problems])];
      item.suspects = [...prefix.suspects, ...t.suspects];
    }
    items.push(item);
  };
  const title: Inline[] = leaflet.titleReading
    ? [{ type: "ruby", base: leaflet.title, reading: leaflet.titleReading, display: false }]
    : [{ type: "text", value: leaflet.title }];
  await add("title", title, leaflet.pos);
  if (leaflet.issuer) await add("meta", leaflet.issuer, leaflet.pos);
  if (leaflet.date) await add("meta", formatJapaneseDate(leaflet.date), leaflet.pos);

  let unitId: string | undefined;
  const blocks = async (list: Block[], depth = 0) => {
    for (const block of list) await blockItems(block, depth);
  };
  const blockItems = async (block: Block, depth: number) => {
    switch (block.type) {
      case "paragraph":
        await add("paragraph", block.children, block.pos, { unitId });
        break;
      case "heading":
        await add("heading", block.children, block.pos, { unitId });
        break;
      case "note":
        await add("note", block.children, block.pos, { unitId }, fixedPrefix("※", "※", "※ "));
        break;
      case "list":
        for (const [i, item] of block.items.entries()) {
          const [first, ...rest] = item.children;
          const marker = block.ordered ? numberPrefix(block.start + i) : undefined;
          if (first?.type === "paragraph") await add("item", first.children, item.pos, { unitId, depth }, marker);
          else if (first) await blockItems(first, depth + 1);
          for (const child of rest) await blockItems(child, depth + 1);
        }
        break;
      case "dialogue":
        for (const line of block.lines) {
          const speaker = leaflet.speakers.find((s) => s.id === line.speaker);
          const name = speaker?.name ?? line.speaker;
          const nameInline: Inline[] = speaker?.reading
            ? [{ type: "ruby", base: name, reading: speaker.reading, display: false }]
            : [{ type: "text", value: name }];
          const who = await translate(nameInline, { lexicon });
          // The speaker's name as a label: the てびき has no colon for Japanese, so two blanks follow it.
          const prefix: BrailleItem = {
            style: "dialogue",
            source: `${name}：`,
            kana: `${who.kana}  `,
            braille: `${who.braille}  `,
            problems: who.problems,
            suspects: who.suspects,
            pos: line.pos,
          };
          await add("dialogue", line.children, line.pos, { unitId }, prefix);
        }
        break;
      case "contact":
        await add("caption", block.title, block.pos, { unitId });
        for (const e of block.entries) {
          const value = e.number ? `${e.number}${e.remark ?? ""}` : e.value;
          await add("item", `${e.label}：${value}`, e.pos, { unitId, depth });
        }
        break;
      case "table": {
        await add("caption", block.caption, block.pos, { unitId });
        // Linearised row by row: each cell after its column header, as braille transcribers do.
        for (const row of block.rows) {
          const parts = row.map((cell, c) => {
            const head = block.header[c] ? inlineText(block.header[c]) : "";
            return head ? `${head}：${inlineText(cell)}` : inlineText(cell);
          });
          await add("item", parts.join("、"), block.pos, { unitId, depth });
        }
        break;
      }
      case "image":
        await add("paragraph", `（画像）${block.alt}`, block.pos, { unitId });
        break;
    }
  };

  await blocks(leadBlocks(leaflet));
  for (const item of leaflet.body) {
    if (item.type === "section") {
      unitId = item.id;
      await add("section", item.title, item.pos, { unitId });
      for (const child of item.children) {
        if (child.type === "question") await questionItems(child);
        else await blockItems(child, 0);
      }
    } else if (item.type === "question") {
      await questionItems(item);
    }
  }
  await add("meta", `出典：${leaflet.source}`, leaflet.pos);
  // The closing every edition shares: who to ask, and the date of the information.
  for (const line of closingLines(leaflet)) {
    const where = leaflet.positions?.contact ?? leaflet.pos;
    if (line.kind === "heading") await add("caption", line.value, where);
    else if (line.kind === "as-of") await add("meta", line.value, leaflet.positions?.updated ?? leaflet.positions?.date ?? leaflet.pos);
    else await add("item", line.label ? `${line.label}：${line.value}` : line.value, where);
  }
  return items;

  async function questionItems(q: Question) {
    unitId = q.id;
    await add("question", q.question, q.pos, { unitId }, numberPrefix(q.number, "Q"));
    await blocks(q.answer);
  }

  function numberPrefix(n: number, letter = ""): BrailleItem {
    return fixedPrefix(`${letter}${n}. `, `${letter}${n} `, `${letter}${n} `);
  }

  function fixedPrefix(source: string, kana: string, brailleInput: string): BrailleItem {
    const { braille } = kanaToBrailleReport(brailleInput);
    return { style: "paragraph", source, kana, braille: `${braille} `, problems: [], suspects: [], pos: leaflet.pos };
  }
}

/** Items → blocks for the page layout. */
export function itemsToBlocks(items: BrailleItem[]): BrailleBlock[] {
  return items.map((item, i) => {
    const [indent, continuation] = INDENTS[item.style];
    const depth = item.depth ?? 0;
    const heading = item.style === "title" || item.style === "section" || item.style === "question" || item.style === "heading";
    const prev = items[i - 1];
    return {
      braille: item.braille,
      indent: indent + 2 * depth,
      continuation: continuation + 2 * depth,
      keepWithNext: heading,
      // A blank line before sections and after the title block sets units apart for the reader's finger.
      blankBefore:
        item.style === "section" ||
        (item.style === "question" && prev?.style !== "section") ||
        (prev?.style === "meta" && item.style !== "meta"),
    };
  });
}
