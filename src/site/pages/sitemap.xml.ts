// sitemap.xml with absolute public URLs, which the accessibility check also uses to find every page.
import data from "virtual:leaflet-model";
import { publicUrl } from "../../edition/layout.ts";
import { type SiteView, sitePages } from "../view.ts";

/** Builds the sitemap from the same data as the pages. */
export function GET(): Response {
  const site = data as SiteView;
  const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const entry = (path: string, lastmod?: string) =>
    `<url><loc>${xmlText(publicUrl(site.baseUrl, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</url>`;
  const body = sitePages(site)
    .map((p) => entry(p.path, p.lastmod))
    .join("\n");
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
    {
      headers: { "Content-Type": "application/xml; charset=utf-8" },
    },
  );
}
