// The site data the renderer hands to Astro in memory (see src/site/astro.ts).
declare module "virtual:leaflet-model" {
  const data: import("./view.ts").SiteView;
  export default data;
}
