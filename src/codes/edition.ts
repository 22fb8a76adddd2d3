// The codes edition as the pipeline sees it before loading it.
import type { EditionModule } from "../edition/contract.ts";
import { PAGE_CODE_NAME } from "../edition/layout.ts";

const apt = (pkgs: string) => `apt-get install -y ${pkgs}`;

/** QR codes for every leaflet page and every section or question. */
export const codesEdition: EditionModule = {
  id: "codes",
  description: "QR codes that lead from paper to each page and section",
  tools: () => [
    { name: "zbarimg", kind: "program", target: "zbarimg", forChecks: true, debian: apt("zbar-tools"), macos: "brew install zbar" },
  ],
  // The leaflet page's own code is codes/page.svg: a unit called `page` would overwrite it.
  reservedIds: { fixed: [PAGE_CODE_NAME] },
  load: async () => (await import("./index.ts")).codesRenderer,
};
