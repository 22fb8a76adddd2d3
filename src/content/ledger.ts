// The printed-code ledger, content/codes.yaml: each address a printed code points at (a leaflet page or one of its
// sections and questions) with the title it showed when it was printed. `check` warns while an address now shows
// another title or is gone, until a person acknowledges the change in the file: codes on paper live for years,
// and a code must never silently start pointing at other content.
import type { Node } from "yaml";
import { isSeq } from "yaml";
import type { Diagnostics } from "../lib/diagnostics.ts";
import { field, readObject } from "../lib/schema.ts";
import { YamlSource } from "../lib/yaml-fields.ts";
import type { Leaflet, SourcePos } from "../model/types.ts";
import { inlineText, listUnits } from "../model/walk.ts";

/** Path of the ledger, relative to the project root. */
export const LEDGER_FILE = "content/codes.yaml";

/** One entry of the ledger. */
export const LEDGER_ENTRY_SCHEMA = field.object("a printed code", "One address a printed code points at.", {
  leaflet: field.string("The leaflet's slug.", { required: true, example: "card-safety" }),
  id: field.string("The section or question id; leave it out for the leaflet page itself.", { pattern: /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/ }),
  title: field.string("The title the address showed when it was printed.", { required: true, example: "持ち歩き方" }),
  printed: field.string("When it was printed, YYYY-MM-DD.", {
    pattern: /^\d{4}-\d{2}-\d{2}$/,
    patternHint: "write the date as YYYY-MM-DD",
  }),
  retired: field.string("Why the address may stay gone (the printed copies were collected, say): stops the warning."),
  note: field.string("A note for people."),
});

export interface LedgerEntry {
  leaflet: string;
  id?: string;
  title: string;
  printed?: string;
  retired?: string;
  pos: SourcePos;
}

/** Reads the ledger; problems go to `diags`. */
export function parseLedger(text: string, diags: Diagnostics): LedgerEntry[] {
  const src = new YamlSource(LEDGER_FILE, text, 1, diags);
  if (!src.root) return [];
  if (!isSeq(src.root)) {
    src.error(
      src.root,
      "content/codes.yaml must be a list of printed codes",
      "write entries as `- leaflet: card-safety` with `  id:` and `  title:` under it",
    );
    return [];
  }
  const out: LedgerEntry[] = [];
  for (const node of src.root.items as Node[]) {
    const { value } = readObject(src, node, LEDGER_ENTRY_SCHEMA);
    if (!value.leaflet || !value.title) continue;
    const p = src.pos(node);
    out.push({
      leaflet: value.leaflet,
      id: value.id,
      title: value.title,
      printed: value.printed,
      retired: value.retired,
      pos: { file: LEDGER_FILE, line: p.line, column: p.column },
    });
  }
  return out;
}

/** The title an address shows: the leaflet's title for its page, a section's title, `Q12. …` for a question. */
export function addressTitle(leaflet: Leaflet, id?: string): string | undefined {
  if (!id) return leaflet.title;
  const unit = listUnits(leaflet).find((u) => u.id === id);
  if (!unit) return undefined;
  return unit.type === "question" ? `Q${unit.number}. ${inlineText(unit.question)}` : inlineText(unit.title);
}

function same(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
  return norm(a) === norm(b);
}

/** Warns for every printed address that now shows another title, or is gone, and is not acknowledged. */
export function checkLedger(entries: LedgerEntry[], leaflets: Leaflet[], diags: Diagnostics): void {
  for (const e of entries) {
    const where = `${e.leaflet}${e.id ? `#${e.id}` : ""}`;
    const leaflet = leaflets.find((l) => l.slug === e.leaflet);
    const now = leaflet ? addressTitle(leaflet, e.id) : undefined;
    if (e.retired) continue;
    if (now === undefined) {
      diags.warn(
        e.pos.file,
        e.pos.line,
        e.pos.column,
        `the printed code for ${where} (「${e.title}」) now leads nowhere: ${leaflet ? `the leaflet has no id ${e.id}` : `there is no leaflet ${e.leaflet}`}`,
        `give the section or question its old id back ({#${e.id ?? e.leaflet}}), or, if the printed copies are gone, add \`retired: reason\` to this entry`,
      );
    } else if (!same(now, e.title)) {
      diags.warn(
        e.pos.file,
        e.pos.line,
        e.pos.column,
        `the printed code for ${where} pointed at 「${e.title}」, which is now 「${now}」`,
        `if the questions were renumbered, give the moved question its old id ({#${e.id ?? ""}}); if only the wording changed, write the new title in this entry`,
      );
    }
  }
}

/** The ledger's text with entries for every address of `leaflet` not yet in it (existing entries are kept as written). */
export function recordPrinted(
  existing: string,
  entries: LedgerEntry[],
  leaflet: Leaflet,
  date: string,
): { text: string; added: number; differing: string[] } {
  const known = new Set(entries.filter((e) => e.leaflet === leaflet.slug).map((e) => e.id ?? ""));
  const differing = entries
    .filter((e) => e.leaflet === leaflet.slug && !e.retired)
    .filter((e) => {
      const now = addressTitle(leaflet, e.id);
      return now === undefined || !same(now, e.title);
    })
    .map((e) => `${e.leaflet}${e.id ? `#${e.id}` : ""}`);
  const addresses = [undefined, ...listUnits(leaflet).map((u) => u.id)].filter((id) => !known.has(id ?? ""));
  const quote = (s: string) => JSON.stringify(s);
  const lines = addresses.map((id) =>
    [
      `- leaflet: ${leaflet.slug}`,
      ...(id ? [`  id: ${id}`] : []),
      `  title: ${quote(addressTitle(leaflet, id) ?? "")}`,
      `  printed: ${date}`,
    ].join("\n"),
  );
  const head = existing.trim()
    ? existing.replace(/\s*$/, "\n")
    : "# Printed codes: every address a printed leaflet's codes point at, with the title it showed when printed.\n# `leaflet check` warns while an address shows another title or is gone. Written by `leaflet printed <slug>`;\n# acknowledge a change by editing the title, or add `retired: reason` when the printed copies are gone.\n";
  return { text: lines.length ? `${head}${lines.join("\n")}\n` : head, added: lines.length, differing };
}
