// Astro settings for the website edition. The site is built by `leaflet build` (src/site/index.ts), which
// adds the output folder and the leaflet data in memory; running `astro` directly has no data to render.
import { defineConfig } from "astro/config";

export default defineConfig({
  srcDir: "./src/site",
  publicDir: "./public",
  // One folder per leaflet (`slug/index.html`), as src/build/layout.ts defines.
  build: { format: "directory", inlineStylesheets: "never" },
  trailingSlash: "always",
  compressHTML: true,
  // Links between pages and files are relative (see relHref), so the site works under any base path.
  devToolbar: { enabled: false },
});
