// The work several editions share, done once per build: today, the braille label.
import { brailleLabel } from "../braille/label.ts";
import type { BrailleLabel, SharedServices } from "../edition/contract.ts";
import type { Leaflet, SiteModel } from "../model/types.ts";

/** Shared services over one model; each leaflet's label is translated at most once. */
export function createSharedServices(site: SiteModel): SharedServices {
  const labels = new Map<string, Promise<BrailleLabel>>();
  return {
    brailleLabel(leaflet: Leaflet) {
      let label = labels.get(leaflet.slug);
      if (!label) {
        label = brailleLabel(leaflet, site);
        labels.set(leaflet.slug, label);
      }
      return label;
    },
  };
}
