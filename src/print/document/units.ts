// Sections and questions: their headings, bookmarks, named destinations, and the blocks under them.
import type React from "react";
import type { Block } from "../../model/types.ts";
import { inlineText, leadBlocks, type Unit, unitBlocks, unitHeading } from "../../model/walk.ts";
import { block, twoLines, unitLevel } from "./blocks.ts";
import type { DocContext, Tag } from "./context.ts";
import { rich } from "./text.ts";

/** The body: the lead blocks, then every section and question in source order. */
export function body(x: DocContext): React.ReactElement[] {
  const out: React.ReactElement[] = [...blocks(x, leadBlocks(x.o.leaflet), null, 1)];
  for (const item of x.o.leaflet.body) {
    if (item.type === "section") {
      const kids: React.ReactElement[] = [heading(x, item, false)];
      const lastOwn = item.children.findLastIndex((c) => c.type !== "question");
      if (lastOwn < 0) kids.push(endMarker(x, item));
      // Runs of the section's own blocks between its questions.
      let run: Block[] = [];
      const flush = () => {
        kids.push(...blocks(x, run, item, 2));
        run = [];
      };
      item.children.forEach((child, i) => {
        if (child.type === "question") {
          flush();
          kids.push(questionView(x, child, true));
        } else run.push(child);
        if (i === lastOwn) {
          flush();
          kids.push(endMarker(x, item));
        }
      });
      flush();
      out.push(unitView(x, item, kids));
    } else if (item.type === "question") {
      out.push(questionView(x, item, false));
    }
  }
  return out;
}

// Top-level blocks of a unit, with consecutive images set side by side.
function blocks(x: DocContext, list: Block[], unit: Unit | null, level: number): React.ReactElement[] {
  const out: React.ReactElement[] = [];
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    if (b.type === "image" && list[i + 1]?.type === "image") {
      out.push(
        x.view(
          { style: { flexDirection: "row", gap: 8 } },
          block(x, b, { unit, level, top: true, share: 0.5 }),
          block(x, list[i + 1], { unit, level, top: true, share: 0.5 }),
        ),
      );
      i++;
      continue;
    }
    out.push(block(x, b, { unit, level, top: true, next: list[i + 1] }));
  }
  return out;
}

function questionView(x: DocContext, q: Extract<Unit, { type: "question" }>, inSection: boolean): React.ReactElement {
  return unitView(x, q, [heading(x, q, inSection), ...blocks(x, unitBlocks(q), q, unitLevel(q, inSection)), endMarker(x, q)]);
}

/** An empty element whose named destination tells on which page a unit's own content ends. */
function endMarker(x: DocContext, unit: Unit): React.ReactElement {
  return x.view({ id: `${unit.id}~end` });
}

function unitView(x: DocContext, unit: Unit, children: React.ReactElement[]): React.ReactElement {
  const title = unit.type === "question" ? `Q${unit.number}. ${inlineText(unit.question)}` : inlineText(unit.title);
  // The bookmark goes on the wrapper so questions nest under their section in the outline; the named
  // destination goes on the heading, because a wrapper split over pages writes it on its last fragment.
  return x.view(
    {
      bookmark: { title, fit: true },
      tag: "Sect",
      style: { paddingTop: unit.type === "section" ? x.t.space.section : x.t.space.question },
    },
    ...children,
  );
}

function heading(x: DocContext, unit: Unit, inSection: boolean): React.ReactElement {
  const t = x.t;
  const tag = `H${unitLevel(unit, inSection)}` as Tag;
  // A heading keeps the start of what it heads on its page: two lines of the first block at least.
  const ahead = twoLines(x) + t.text.question.size * t.text.question.lineHeight;
  if (unit.type === "section") {
    return rich(
      x,
      unit.title,
      x.s("section", {
        fontWeight: 700,
        color: x.c("accent"),
        marginBottom: t.space.paragraph,
        paddingLeft: 8,
        paddingBottom: 2,
        borderLeft: `5pt solid ${x.c("accent")}`,
        borderBottom: `1pt solid ${x.c("accent")}`,
      }),
      { minPresenceAhead: ahead, id: unit.id },
      tag,
    );
  }
  return x.view(
    {
      id: unit.id,
      style: { flexDirection: "row", marginBottom: t.space.paragraph, alignItems: "flex-start" },
      minPresenceAhead: ahead,
      wrap: false,
      tag,
    },
    x.text(
      x.s("question", {
        fontWeight: 700,
        color: x.c("paper"),
        backgroundColor: x.c("accent"),
        paddingLeft: 4,
        paddingRight: 4,
        marginRight: 6,
        borderRadius: 3,
      }),
      `Q${unit.number}.`,
    ),
    rich(x, unitHeading(unit), x.s("question", { fontWeight: 700, flex: 1 }), {}, undefined),
  );
}
