// The docs list every field the schemas accept: a field added to a schema and not to docs/authoring.md fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LEAFLET_HEADER_SCHEMA } from "../src/content/header.ts";
import { LEDGER_ENTRY_SCHEMA } from "../src/content/ledger.ts";
import { LEXICON_ENTRY_SCHEMA, SETTINGS_SCHEMA } from "../src/content/settings.ts";
import { documentedNames, undocumented } from "./architecture/docs.ts";
import { ROOT } from "./helpers.ts";

const authoring = readFileSync(path.join(ROOT, "docs/authoring.md"), "utf8");

describe("docs/authoring.md documents every field", () => {
  it("of the leaflet header", () => {
    expect(undocumented(LEAFLET_HEADER_SCHEMA, documentedNames(authoring, "The header"))).toEqual([]);
  });
  it("of content/settings.yaml and content/lexicon.yaml", () => {
    const names = documentedNames(authoring, "Settings and lexicon");
    expect(undocumented(SETTINGS_SCHEMA, names)).toEqual([]);
    expect(undocumented(LEXICON_ENTRY_SCHEMA, names)).toEqual([]);
  });
  it("of content/codes.yaml", () => {
    expect(undocumented(LEDGER_ENTRY_SCHEMA, documentedNames(authoring, "Printed codes"))).toEqual([]);
  });
  it("and the check fails when a field is missing from the docs", () => {
    const names = documentedNames("## 1. The header\n\n| `title` | yes |\n", "The header");
    expect(undocumented(LEAFLET_HEADER_SCHEMA, names)).toContain("speakers[].voice");
    expect(undocumented(LEAFLET_HEADER_SCHEMA, names)).not.toContain("title");
  });
});
