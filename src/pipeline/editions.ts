// Every edition, in the order a build runs them: the site comes last so it can link what the others made.
import { audioEdition } from "../audio/edition.ts";
import { brailleEdition } from "../braille/edition.ts";
import { codesEdition } from "../codes/edition.ts";
import type { Edition, EditionModule } from "../edition/contract.ts";
import { printEdition } from "../print/edition.ts";
import { siteEdition } from "../site/edition.ts";
import { talkingBookEdition } from "../talkingbook/edition.ts";

export const EDITION_MODULES: readonly EditionModule[] = [
  codesEdition,
  printEdition,
  audioEdition,
  talkingBookEdition,
  brailleEdition,
  siteEdition,
];

/** The edition module of an id. */
export function editionModule(id: Edition): EditionModule {
  const found = EDITION_MODULES.find((e) => e.id === id);
  if (!found) throw new Error(`no edition module for ${id}`);
  return found;
}

/** What the editions reserve, as the content parser takes it: ids fixed for every leaflet, then per leaflet. */
export function reservedIds(): { fixed: string[]; forSlug: (slug: string) => string[] } {
  const fixed = EDITION_MODULES.flatMap((e) => e.reservedIds?.fixed ?? []);
  return { fixed, forSlug: (slug) => EDITION_MODULES.flatMap((e) => e.reservedIds?.forSlug?.(slug) ?? []) };
}
