// The website edition as the pipeline sees it before loading it.
import type { CheckContext, EditionModule } from "../edition/contract.ts";
import { SITE_FOLDERS } from "../edition/layout.ts";
import { leafletRuns } from "../model/sentences.ts";
import type { Inline, LinkInline, SiteModel } from "../model/types.ts";
import { PAGE_CHROME_IDS } from "./chrome.ts";
import { isBareUrl } from "./text.ts";

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
  check: async (site, ctx) => checkSite(site, ctx),
  load: async () => (await import("./index.ts")).siteRenderer,
};

/** What only the website cares about: slugs that would take the site's own folders, and links shown as bare addresses. */
export function checkSite(site: SiteModel, ctx: Pick<CheckContext, "report">): void {
  for (const leaflet of site.leaflets) {
    if ((SITE_FOLDERS as readonly string[]).includes(leaflet.slug)) {
      ctx.report({
        severity: "error",
        leaflet,
        pos: leaflet.positions?.slug,
        message: `the slug "${leaflet.slug}" is the name of one of the website's own folders (${SITE_FOLDERS.join(", ")})`,
        hint: `give the leaflet another slug, e.g. slug: ${leaflet.slug}-leaflet`,
      });
    }
    for (const run of leafletRuns(leaflet)) {
      for (const link of linksOf(run.inlines)) {
        if (!isBareUrl(link)) continue;
        ctx.report({
          severity: "warning",
          leaflet,
          pos: run.block?.pos ?? leaflet.pos,
          message: `the link ${link.url} shows its bare address: screen readers read it out letter by letter`,
          hint: `give it a name that says where it leads, e.g. [マイナンバーカード総合サイト](${link.url})`,
        });
      }
    }
  }
}

function linksOf(nodes: Inline[], out: LinkInline[] = []): LinkInline[] {
  for (const n of nodes) {
    if (n.type === "link") out.push(n);
    if ("children" in n) linksOf(n.children, out);
  }
  return out;
}
