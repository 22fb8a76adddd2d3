// Small read-only helpers over the model that every renderer needs.
import type { Block, BodyItem, Inline, Leaflet, Question, Section } from "./types.ts";

/** A section or question: the things that have ids, URLs, audio files and codes. */
export type Unit = Section | Question;

/** Every section and question of a leaflet, in reading order. */
export function listUnits(leaflet: Leaflet): Unit[] {
  const units: Unit[] = [];
  for (const item of leaflet.body) {
    if (item.type === "section") {
      units.push(item);
      for (const child of item.children) if (child.type === "question") units.push(child);
    } else if (item.type === "question") {
      units.push(item);
    }
  }
  return units;
}

/** Every question of a leaflet, in reading order. */
export function listQuestions(leaflet: Leaflet): Question[] {
  return listUnits(leaflet).filter((u): u is Question => u.type === "question");
}

/** The blocks that belong to a unit itself (a section's own blocks, without its questions). */
export function unitBlocks(unit: Unit): Block[] {
  if (unit.type === "question") return unit.answer;
  return unit.children.filter((c): c is Block => c.type !== "question");
}

/** The heading inlines of a unit: a section's title or a question's question text. */
export function unitHeading(unit: Unit): Inline[] {
  return unit.type === "question" ? unit.question : unit.title;
}

/** Blocks that come before the first section or question (the leaflet's lead). */
export function leadBlocks(leaflet: Leaflet): Block[] {
  const lead: Block[] = [];
  for (const item of leaflet.body) {
    if (item.type === "section" || item.type === "question") break;
    lead.push(item as Block);
  }
  return lead;
}

/** Plain display text of inlines (ruby shows its base). */
export function inlineText(inlines: Inline[]): string {
  let out = "";
  for (const node of inlines) {
    switch (node.type) {
      case "text":
        out += node.value;
        break;
      case "ruby":
        out += node.base;
        break;
      case "break":
        out += "\n";
        break;
      default:
        out += inlineText(node.children);
    }
  }
  return out;
}

/** Plain text of a block, for search, summaries and checks (lines joined by newlines). */
export function blockText(block: Block): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
    case "note":
      return inlineText(block.children);
    case "list":
      return block.items.map((item) => item.children.map(blockText).join("\n")).join("\n");
    case "dialogue":
      return block.lines.map((line) => inlineText(line.children)).join("\n");
    case "contact":
      return [inlineText(block.title), ...block.entries.map((e) => `${e.label}：${e.value}`)].join("\n");
    case "table":
      return [inlineText(block.caption), ...[block.header, ...block.rows].map((row) => row.map(inlineText).join("\t"))].join("\n");
    case "image":
      return block.alt;
  }
}

/** Where a visited block sits: the unit it belongs to (null in the lead) and how deep in lists. */
export interface BlockPlace {
  unit: Unit | null;
  depth: number;
}

/**
 * The one block visitor: calls `visit` for every block of a leaflet in reading order (lead, then each unit's own
 * blocks), including the blocks nested in list items.
 */
export function eachBlock(leaflet: Leaflet, visit: (block: Block, place: BlockPlace) => void): void {
  const walk = (blocks: Block[], unit: Unit | null, depth: number) => {
    for (const block of blocks) {
      visit(block, { unit, depth });
      if (block.type === "list") for (const item of block.items) walk(item.children, unit, depth + 1);
    }
  };
  walk(leadBlocks(leaflet), null, 0);
  for (const unit of listUnits(leaflet)) walk(unitBlocks(unit), unit, 0);
}

/** True when the item is a block (not a section or question). */
export function isBlock(item: BodyItem | Block | Question): item is Block {
  return item.type !== "section" && item.type !== "question";
}
