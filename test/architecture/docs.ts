// Checking docs against the declared schemas: every field a schema accepts is named in the docs.
import { fieldPaths, type ObjectField } from "../../src/lib/schema.ts";

/** The backticked words of the `## ` section of a Markdown file whose title contains `heading`. */
export function documentedNames(markdown: string, heading: string): Set<string> {
  const sections = markdown.split(/^## /m);
  const section = sections.find((s) => s.split("\n")[0].includes(heading));
  if (!section) throw new Error(`no section "${heading}"`);
  return new Set([...section.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]));
}

/** The schema's field paths that the section does not mention. */
export function undocumented(schema: ObjectField, names: Set<string>): string[] {
  return fieldPaths(schema)
    .map((f) => f.path)
    .filter((p) => !names.has(p));
}
