// The one definition of where every output lives in dist/ and at which URL.
// Paths are relative to dist/ with forward slashes; URL paths are the same with a leading '/'.
// Everything is keyed by leaflet slug and unit id, never by text, so printed links stay valid.

export const layout = {
  /** The site's index page. */
  index: () => "index.html",
  sitemap: () => "sitemap.xml",
  /** One page per leaflet. */
  page: (slug: string) => `${slug}/index.html`,
  /** Office PDF: plain A4. */
  pdf: (slug: string) => `${slug}/${slug}.pdf`,
  /** Print-shop PDF: trim + 3 mm bleed, trim marks. */
  printPdf: (slug: string) => `${slug}/${slug}-print.pdf`,
  /** Audio of one section or question. */
  unitAudio: (slug: string, id: string) => `${slug}/audio/${id}.mp3`,
  /** Audio of the whole leaflet, with chapters. */
  leafletAudio: (slug: string) => `${slug}/audio/${slug}-all.mp3`, // hence `<slug>-all` is a reserved id
  /** Braille edition, North American ASCII braille. */
  brf: (slug: string) => `${slug}/braille/${slug}.brf`,
  /** Braille edition, Unicode braille text. */
  brailleText: (slug: string) => `${slug}/braille/${slug}.txt`,
  /** Proofreading sheet for braille volunteers. */
  brailleProof: (slug: string) => `${slug}/braille/proof.html`,
  /** The braille label (title or envelope label). */
  brailleLabelBrf: (slug: string) => `${slug}/braille/label.brf`,
  brailleLabelText: (slug: string) => `${slug}/braille/label.txt`,
  /** Voice code (QR) for a printed page, pointing at a unit's URL. */
  codeSvg: (slug: string, name: string) => `${slug}/codes/${name}.svg`,
  codePng: (slug: string, name: string) => `${slug}/codes/${name}.png`,
  /** Text to feed JAVIS's Uni-Voice encoder, per printed page. */
  uniVoiceText: (slug: string, page: number) => `${slug}/univoice/page-${page}.txt`,
  /** Images copied from content/. */
  image: (slug: string, name: string) => `${slug}/images/${name}`,
  /** Where every sentence is heard in the unit and whole-leaflet MP3s (src/edition/timing.ts). */
  timingMap: (slug: string) => `${slug}/audio/timing.json`,
  /** Every MP3 of the leaflet with track numbers and ordered names, for a USB stick or CD. */
  audioZip: (slug: string) => `${slug}/audio/${slug}-audio.zip`,
  /** EPUB 3 with synchronised audio (media overlays). */
  epub: (slug: string) => `${slug}/${slug}.epub`,
  /** DAISY 2.02 talking book, zipped. */
  daisy: (slug: string) => `${slug}/${slug}-daisy.zip`,
  /** Which units each printed page shows, written by the print edition: `PageMapEntry[]` as JSON. */
  pageMap: (slug: string) => `${slug}/print/pages.json`,
  /**
   * The listening view a printed page's code opens: keyed by the first unit printed on that page (no unit: the
   * first page), never by the page number, so a code keeps working when pages move.
   */
  listenPage: (slug: string, unitId?: string) => (unitId ? `${slug}/listen/${unitId}/index.html` : `${slug}/listen/index.html`),
  /** The print-shop PDFs of every leaflet, on one page for print shops (kept off residents' pages). */
  printShops: () => "for-printers/index.html",
  /** The draft accessibility policy (ウェブアクセシビリティ方針). */
  accessibilityPolicy: () => "accessibility/index.html",
  /** The JIS X 8341-3 test results of this build, written by the accessibility check (scripts/a11y.ts). */
  accessibilityReport: () => "accessibility/report/index.html",
  /** The same results as data, for the next tools (and for people who want the raw figures). */
  accessibilityResults: () => "accessibility/report/results.json",
} as const;

/** Top-level folders of the site's own pages and assets: no leaflet may take one of them as its slug. */
export const SITE_FOLDERS = ["_site", "for-printers", "accessibility"] as const;

/** One printed page as the print edition laid it out (`layout.pageMap`). */
export interface PageMapEntry {
  page: number;
  /** The unit ids with content on the page, in reading order (empty for a page holding only the title and lead). */
  units: string[];
  /** The URL the page's code holds. */
  url: string;
}

/** The file name of the voice code that points at the leaflet page itself (not at one unit). */
export const PAGE_CODE_NAME = "page";

/** The URL path ('/slug/…') of a dist-relative file path. */
export function urlPath(distPath: string): string {
  return `/${distPath.replace(/(^|\/)index\.html$/, "$1")}`;
}

/** Absolute public URL of a dist-relative path, from the site's base URL. */
export function publicUrl(baseUrl: string, distPath: string): string {
  return new URL(urlPath(distPath).slice(1), ensureSlash(baseUrl)).toString();
}

/** Absolute public URL of a leaflet page, or of one unit (section/question) on it. */
export function unitUrl(baseUrl: string, slug: string, id?: string): string {
  const page = publicUrl(baseUrl, layout.page(slug));
  return id ? `${page}#${id}` : page;
}

function ensureSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
