// The website edition as the pipeline sees it before loading it.
import type { EditionModule } from "../edition/contract.ts";
import { PAGE_CHROME_IDS } from "./chrome.ts";

const apt = (pkgs: string) => `apt-get install -y ${pkgs}`;

/** The accessible website: the canonical edition. */
export const siteEdition: EditionModule = {
  id: "site",
  description: "the accessible website, the canonical edition for screen-reader users",
  tools: () => [
    {
      name: "Chromium",
      kind: "program",
      target: "chromium",
      forChecks: true,
      debian: apt("chromium"),
      macos: "brew install --cask chromium",
    },
  ],
  reservedIds: { fixed: PAGE_CHROME_IDS },
  load: async () => (await import("./index.ts")).siteRenderer,
};
