// What the Astro pages receive: the model plus, per leaflet, the files other editions made, already labelled.
// Pure functions only, so the wording, sizes and links can be tested without building a site.
import { posix } from "node:path";
import type { Artifact, ArtifactKind } from "../edition/contract.ts";
import { layout, type PageMapEntry, unitUrl } from "../edition/layout.ts";
import type { TimingMap } from "../edition/timing.ts";
import { monthsSince } from "../lib/dates.ts";
import type { AccessibilityPolicy, ContactInfo, Leaflet, Settings } from "../model/types.ts";
import { listUnits } from "../model/walk.ts";
import { type ListenView, listenViews } from "./listen.ts";
import type { A11yReport } from "./report.ts";

/** A file a resident can download, with the facts shown next to its link. */
export interface Download {
  kind: ArtifactKind;
  /** What the file is, e.g. 「PDF版（A4）」. */
  label: string;
  /** File format as shown to readers, e.g. PDF, MP3. */
  format: string;
  /** dist-relative path. */
  path: string;
  bytes: number;
  durationSeconds?: number;
}

export interface BrailleLabel {
  /** The label in kana, as it is read. */
  text: string;
  /** The same label in Unicode braille cells. */
  braille: string;
}

export interface PageCode {
  /** dist-relative path of the PNG. */
  path: string;
  /** The address the code holds. */
  url: string;
}

/** Everything other editions made for one leaflet, grouped the way the pages show it. */
export interface LeafletEditions {
  /** The office PDF residents read and print at home (the print-shop PDF is on the print shops' page only). */
  pdfs: Download[];
  /** The print-shop PDF (bleed and trim marks), listed on the print shops' page. */
  printShopPdf?: Download;
  leafletAudio?: Download;
  /** Audio per section/question id. */
  unitAudio: Record<string, Download>;
  /** EPUB with synchronised audio, DAISY, and every MP3 in one zip. */
  talkingBooks: Download[];
  /** dist-relative path of the timing map, when the audio edition wrote one (the page then reads along). */
  timingMap?: string;
  braille: Download[];
  brailleLabel?: BrailleLabel;
  pageCode?: PageCode;
}

/** How current a leaflet's information is, as residents are told. */
export interface InfoDate {
  /** ISO date the information is as of. */
  asOf: string;
  /** Whole months from asOf to the build. */
  months: number;
  /** Older than settings.freshness.warnAfterMonths: the page warns. */
  stale: boolean;
}

export interface ImageView {
  /** dist-relative path of the copied image. */
  path: string;
  width?: number;
  height?: number;
}

export interface LeafletView {
  leaflet: Leaflet;
  /** dist-relative path of its page. */
  page: string;
  editions: LeafletEditions;
  /** Copied images by file name. */
  images: Record<string, ImageView>;
  /** The listening views printed codes open (the first is the leaflet's beginning). */
  listen: ListenView[];
  info: InfoDate;
}

/** The whole site as the Astro pages see it (JSON-serialisable: it crosses into Vite as a virtual module). */
export interface SiteView {
  siteName: string;
  baseUrl: string;
  issuer: string;
  /** The city's contact, in the header and footer of every page. */
  contact?: ContactInfo;
  /** Months after which information is flagged as possibly out of date. */
  warnAfterMonths: number;
  /** The policy page's settings, with the organisation filled in. */
  accessibility: AccessibilityPolicy & { organization: string };
  /** The day of the build, ISO. */
  builtOn: string;
  leaflets: LeafletView[];
  /** The accessibility check's results, when the report page is rendered by it (scripts/a11y.ts). */
  report?: A11yReport;
}

/** Ids the page chrome uses itself; a section or question may not take them. */
export { PAGE_CHROME_IDS } from "./chrome.ts";

const LABELS: Partial<Record<ArtifactKind, { label: string; format: string }>> = {
  pdf: { label: "PDF版（A4）", format: "PDF" },
  epub: { label: "音声付き電子書籍（EPUB 3、文字と音声が同期）", format: "EPUB" },
  daisy: { label: "デイジー図書（DAISY 2.02、録音図書再生機・アプリ用）", format: "ZIP" },
  "audio-zip": { label: "すべての音声ファイル（USBメモリー・CD用、番号付き）", format: "ZIP" },
  "pdf-print": { label: "印刷会社向けPDF（裁ち落とし・トンボ付き）", format: "PDF" },
  "audio-leaflet": { label: "全体の音声（章付き）", format: "MP3" },
  "audio-unit": { label: "この部分の音声", format: "MP3" },
  brf: { label: "点字データ（点字プリンター用）", format: "BRF" },
  "braille-text": { label: "点字データ（点字ディスプレイ・画面で読む方向け）", format: "Unicode点字テキスト" },
  "braille-proof": { label: "点訳校正用シート（点訳ボランティア向け）", format: "HTML" },
  "braille-label-brf": { label: "点字ラベル（点字プリンター用）", format: "BRF" },
};

const BRAILLE_ORDER: ArtifactKind[] = ["brf", "braille-text", "braille-label-brf", "braille-proof"];

/** Groups the artifacts of one leaflet into what its pages link. */
export function leafletEditions(leaflet: Leaflet, artifacts: Artifact[], settings: Pick<Settings, "baseUrl">): LeafletEditions {
  const mine = artifacts.filter((a) => a.slug === leaflet.slug);
  const unitIds = new Set(listUnits(leaflet).map((u) => u.id));
  const download = (a: Artifact): Download => {
    const known = LABELS[a.kind] ?? { label: posix.basename(a.path), format: posix.extname(a.path).slice(1).toUpperCase() };
    return {
      kind: a.kind,
      label: known.label,
      format: known.format,
      path: a.path,
      bytes: a.bytes,
      ...(a.durationSeconds !== undefined ? { durationSeconds: a.durationSeconds } : {}),
    };
  };
  const first = (kind: ArtifactKind, pred: (a: Artifact) => boolean = () => true) => mine.find((a) => a.kind === kind && pred(a));

  const office = first("pdf");
  const pdfs = office ? [download(office)] : [];
  const shop = first("pdf-print");
  const talkingBooks = (["epub", "daisy", "audio-zip"] as const).flatMap((k) => {
    const a = first(k);
    return a ? [download(a)] : [];
  });
  const timing = first("timing-map");
  const leafletAudioArtifact = first("audio-leaflet");
  const unitAudio: Record<string, Download> = {};
  for (const a of mine) {
    if (a.kind === "audio-unit" && a.unitId && unitIds.has(a.unitId) && !unitAudio[a.unitId]) unitAudio[a.unitId] = download(a);
  }
  const braille = BRAILLE_ORDER.flatMap((k) => {
    const a = first(k);
    return a ? [download(a)] : [];
  });
  const labelArtifact = first("braille-label-text");
  const labelText = labelArtifact?.meta?.text;
  const labelBraille = labelArtifact?.meta?.braille;
  const codeArtifact = first("code-png", (a) => a.unitId === undefined);

  return {
    pdfs,
    ...(shop ? { printShopPdf: download(shop) } : {}),
    ...(leafletAudioArtifact ? { leafletAudio: download(leafletAudioArtifact) } : {}),
    unitAudio,
    talkingBooks,
    ...(timing ? { timingMap: timing.path } : {}),
    braille,
    ...(typeof labelText === "string" && typeof labelBraille === "string"
      ? { brailleLabel: { text: labelText, braille: labelBraille } }
      : {}),
    ...(codeArtifact
      ? {
          pageCode: {
            path: codeArtifact.path,
            url: typeof codeArtifact.meta?.url === "string" ? codeArtifact.meta.url : unitUrl(settings.baseUrl, leaflet.slug),
          },
        }
      : {}),
  };
}

/** True when a leaflet has any audio, so the page shows players and the speed control. */
export function hasAudio(editions: LeafletEditions): boolean {
  return editions.leafletAudio !== undefined || Object.keys(editions.unitAudio).length > 0;
}

/** What the site read from the other editions' files beside the artifacts, per leaflet slug. */
export interface SiteInputs {
  images?: Record<string, Record<string, ImageView>>;
  pageMaps?: Record<string, PageMapEntry[]>;
  timings?: Record<string, TimingMap>;
  /** The day of the build (default: now), which decides which information is flagged as old. */
  today?: Date;
}

/** How current a leaflet's information is on `today`. */
export function infoDate(leaflet: Leaflet, settings: Pick<Settings, "freshness">, today: Date): InfoDate {
  const months = monthsSince(leaflet.asOf, today);
  return { asOf: leaflet.asOf, months, stale: months >= settings.freshness.warnAfterMonths };
}

/** The site as the pages see it. */
export function siteView(settings: Settings, leaflets: Leaflet[], artifacts: Artifact[], inputs: SiteInputs = {}): SiteView {
  const today = inputs.today ?? new Date();
  return {
    siteName: settings.siteName,
    baseUrl: settings.baseUrl,
    issuer: settings.issuer,
    ...(settings.contact ? { contact: settings.contact } : {}),
    warnAfterMonths: settings.freshness.warnAfterMonths,
    accessibility: { ...settings.accessibility, organization: settings.accessibility.organization ?? settings.issuer },
    builtOn: today.toISOString().slice(0, 10),
    leaflets: [...leaflets]
      .sort((a, b) => (a.asOf === b.asOf ? a.slug.localeCompare(b.slug) : b.asOf.localeCompare(a.asOf)))
      .map((leaflet) => {
        const editions = leafletEditions(leaflet, artifacts, settings);
        return {
          leaflet,
          page: layout.page(leaflet.slug),
          editions,
          images: inputs.images?.[leaflet.slug] ?? {},
          listen: listenViews(leaflet, {
            unitAudio: editions.unitAudio,
            leafletAudio: editions.leafletAudio,
            pageMap: inputs.pageMaps?.[leaflet.slug],
            timing: inputs.timings?.[leaflet.slug],
          }),
          info: infoDate(leaflet, settings, today),
        };
      }),
  };
}

/** A link from one dist-relative file to another, relative so the site works under any base path. */
export function relHref(from: string, to: string): string {
  const fromDir = posix.dirname(from);
  const isPage = to === "index.html" || to.endsWith("/index.html");
  const target = isPage ? posix.dirname(to) : to;
  let rel = posix.relative(fromDir === "." ? "" : fromDir, target === "." ? "" : target);
  if (isPage) rel = rel === "" ? "./" : `${rel}/`;
  return rel
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}

/** File size as Japanese public sites print it: 1,024-based KB/MB, one decimal above 10 MB dropped. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes}バイト`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.max(1, Math.round(kb)).toLocaleString("ja-JP")}KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString("ja-JP")}MB`;
}

/** Duration in words a screen reader reads naturally: 1時間2分3秒, 3分5秒, 45秒. */
export function formatDuration(seconds: number): string {
  const total = Math.max(1, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h ? `${h}時間` : ""}${m ? `${m}分` : ""}${s || (!h && !m) ? `${s}秒` : ""}`;
}

/** The facts in brackets after a download link: format, length for audio, size. */
export function downloadFacts(d: Download): string {
  const parts = [d.format];
  if (d.durationSeconds !== undefined) parts.push(`再生時間${formatDuration(d.durationSeconds)}`);
  parts.push(formatBytes(d.bytes));
  return `（${parts.join("、")}）`;
}

/** ISO date as 2021年10月1日 (the one date formatter, re-exported for the pages). */
export { formatJapaneseDate as formatDate } from "../lib/dates.ts";

/** The heading level of a sub-heading block, never more than one below its unit's heading. */
export function subHeadingLevel(blockLevel: number, unitLevel: number): number {
  return Math.min(blockLevel, unitLevel + 1, 6);
}

/** A tel: URL for a dialable number; `#` must be escaped or the browser treats it as a fragment. */
export function telHref(dial: string): string {
  return `tel:${dial.replace(/#/g, "%23")}`;
}

/** True for files a browser shows itself (PDF, HTML): linked to open, not to save. */
export function opensInBrowser(d: Pick<Download, "path">): boolean {
  return /\.(pdf|html?)$/i.test(d.path);
}

/** The scripts a leaflet page needs: none without audio; the read-along only with a timing map. */
export function pageScripts(editions: LeafletEditions): string[] {
  if (!hasAudio(editions)) return [];
  return ["_site/playback-speed.js", "_site/listen.js", ...(editions.timingMap ? ["_site/read-along.js"] : [])];
}

/** Every page the site builds, in the order the accessibility report lists them. */
export function sitePages(site: SiteView): { path: string; lastmod?: string }[] {
  const newest = site.leaflets
    .map((lv) => lv.info.asOf)
    .sort()
    .at(-1);
  return [
    { path: layout.index(), lastmod: newest },
    ...site.leaflets.flatMap((lv) => [
      { path: lv.page, lastmod: lv.info.asOf },
      ...lv.listen.map((v) => ({ path: v.path, lastmod: lv.info.asOf })),
    ]),
    { path: layout.printShops() },
    { path: layout.accessibilityPolicy() },
    { path: layout.accessibilityReport() },
  ];
}
