// The listening views a printed page's code opens: what each one plays, in which order, and what comes next.
// Pure functions of the model, the audio files and (when the other editions wrote them) the page map and the timing
// map, so the rules can be tested without building a site.
import { layout, type PageMapEntry } from "../edition/layout.ts";
import type { TimingMap } from "../edition/timing.ts";
import type { Leaflet } from "../model/types.ts";
import { inlineText, listUnits, type Unit } from "../model/walk.ts";

/** One thing a listening view plays: a unit's file, or a stretch of the whole-leaflet file. */
export interface ListenItem {
  /** A unit id, `_intro` for the title and lead, `_all` for the whole leaflet. */
  id: string;
  /** What is heard, as shown: 「Q12. …」, a section title, 「はじめに（題名と前書き）」. */
  title: string;
  /** Short name for labels: 「Q12」, 「持ち歩き方」. */
  short: string;
  /** dist-relative path of the audio file. */
  src: string;
  /** For a stretch of a longer file: where it starts and ends in it, in seconds (a media fragment `#t=start,end`). */
  start?: number;
  end?: number;
  durationSeconds?: number;
  /** The unit's id on the leaflet page, to read the text. */
  anchor?: string;
}

/** One listening view: `<slug>/listen/` or `<slug>/listen/<unit>/`. */
export interface ListenView {
  /** dist-relative path of the view's page. */
  path: string;
  /** The unit the view is keyed by (undefined for the view of the leaflet's beginning). */
  unitId?: string;
  /** What the view plays, as a label: 「Q5〜Q8」, 「全体」. */
  label: string;
  items: ListenItem[];
  /** Sum of the items' durations, when every one is known. */
  durationSeconds?: number;
  /** The printed page (of this build's PDF) the view's units are on, when the page map says. */
  page?: number;
  /** The view that carries on after this one: 「続きを聞く」. */
  next?: { path: string; label: string };
}

/** The audio the views can use, as the site found it in the build. */
export interface ListenSources {
  /** Per unit id: its MP3 and duration. */
  unitAudio: Record<string, { path: string; durationSeconds?: number }>;
  leafletAudio?: { path: string; durationSeconds?: number };
  pageMap?: PageMapEntry[];
  timing?: TimingMap;
}

interface Group {
  /** The unit its view is keyed by (undefined for the beginning). */
  key?: string;
  units: Unit[];
  page?: number;
}

/** The unit a listening view's URL is keyed by (`…/<slug>/listen/q12/` → q12), or undefined. */
export function keyOfUrl(url: string, slug: string): string | undefined {
  const path = (() => {
    try {
      return new URL(url).pathname;
    } catch {
      return url;
    }
  })();
  const m = /\/([^/]+)\/listen\/([^/]+)\/?$/.exec(path);
  return m && m[1] === slug ? decodeURIComponent(m[2]) : undefined;
}

/** 「Q12」 for a question, the title for a section. */
export function unitShortName(unit: Unit): string {
  return unit.type === "question" ? `Q${unit.number}` : inlineText(unit.title);
}

/** 「Q12. マイナンバーって何ですか。」 for a question, the title for a section. */
export function unitTitle(unit: Unit): string {
  return unit.type === "question" ? `Q${unit.number}. ${inlineText(unit.question)}` : inlineText(unit.title);
}

/**
 * A short label for a run of items, to keep a phone's first screen for the play button: one name, 「Q5〜Q8」 for
 * questions, else the first name and 「ほか」 (section titles are too long to give two).
 */
function rangeLabel(items: ListenItem[]): string {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0].short;
  const first = items[0].short;
  const last = items[items.length - 1].short;
  return /^Q\d+$/.test(first) && /^Q\d+$/.test(last) ? `${first}〜${last}` : `${first}ほか`;
}

function total(items: ListenItem[]): number | undefined {
  let sum = 0;
  for (const i of items) {
    if (i.durationSeconds === undefined) return undefined;
    sum += i.durationSeconds;
  }
  return items.length ? sum : undefined;
}

/**
 * Every listening view of a leaflet: one for its beginning and one for every unit with audio, so a code printed in
 * any earlier version (keyed by the first unit of its page) still opens a view after the pages moved. A unit's view
 * plays the units printed on its page from that unit on (with no page map: the unit alone), then offers the next.
 */
export function listenViews(leaflet: Leaflet, src: ListenSources): ListenView[] {
  const units = listUnits(leaflet).filter((u) => src.unitAudio[u.id]);
  if (units.length === 0 && !src.leafletAudio) return [];
  const item = (u: Unit): ListenItem => ({
    id: u.id,
    title: unitTitle(u),
    short: unitShortName(u),
    src: src.unitAudio[u.id].path,
    durationSeconds: src.unitAudio[u.id].durationSeconds,
    anchor: u.id,
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  // Groups in reading order, each keyed like the view a code opens: the beginning (no key), then one per printed page
  // keyed by its code's unit (pages one unit runs over share a key and are merged), or one per unit.
  const groups: Group[] = [{ units: [] }];
  if (src.pageMap) {
    src.pageMap.forEach((entry, i) => {
      const us = entry.units.map((id) => byId.get(id)).filter((u): u is Unit => u !== undefined);
      if (i === 0) {
        groups[0] = { units: us, page: entry.page };
        return;
      }
      const key = keyOfUrl(entry.url, leaflet.slug) ?? entry.units[0];
      const last = groups[groups.length - 1];
      if (key === undefined || last.key === key) {
        for (const u of us) if (!last.units.includes(u)) last.units.push(u);
        return;
      }
      groups.push({ key, units: us, page: entry.page });
    });
  } else {
    for (const u of units) groups.push({ key: u.id, units: [u] });
  }
  // Units the page map leaves out (it may be older than the content) get a group of their own, in order.
  for (const u of units) if (!groups.some((g) => g.units.includes(u))) groups.push({ key: u.id, units: [u] });

  const from = (g: Group, id: string | undefined) => {
    const at = g.units.findIndex((u) => u.id === id);
    return g.units.slice(Math.max(0, at)).map(item);
  };
  const nextAfter = (gi: number): ListenView["next"] => {
    const following = groups.slice(gi + 1).find((g) => g.key !== undefined && g.units.length > 0);
    if (!following?.key) return undefined;
    return { path: layout.listenPage(leaflet.slug, following.key), label: rangeLabel(from(following, following.key)) };
  };
  const view = (key: string | undefined, label: string, items: ListenItem[], g: Group, next: ListenView["next"]): ListenView => ({
    path: layout.listenPage(leaflet.slug, key),
    ...(key ? { unitId: key } : {}),
    label,
    items,
    durationSeconds: total(items),
    ...(g.page !== undefined ? { page: g.page } : {}),
    ...(next ? { next } : {}),
  });

  const views: ListenView[] = [];
  const intro = introItem(src);
  const start = groups[0];
  const startItems = [...(intro ? [intro] : []), ...start.units.map(item)];
  if (startItems.length > 0) views.push(view(undefined, "はじめから", startItems, start, nextAfter(0)));
  else if (src.leafletAudio) {
    const whole: ListenItem = {
      id: "_all",
      title: `「${leaflet.title}」全体`,
      short: "全体",
      src: src.leafletAudio.path,
      durationSeconds: src.leafletAudio.durationSeconds,
    };
    views.push(view(undefined, "全体", [whole], start, undefined));
  }
  groups.forEach((g, gi) => {
    if (gi === 0 || !g.key || g.units.length === 0) return;
    const items = from(g, g.key);
    views.push(view(g.key, rangeLabel(items), items, g, nextAfter(gi)));
  });
  // Every unit with audio opens a view, also one no page begins with now: a code printed in an earlier layout.
  for (const u of units) {
    if (views.some((v) => v.unitId === u.id)) continue;
    const gi = groups.findIndex((g) => g.units.includes(u));
    const items = from(groups[gi], u.id);
    views.push(view(u.id, rangeLabel(items), items, groups[gi], nextAfter(gi)));
  }
  // In reading order of their first unit, the beginning first.
  const order = new Map(units.map((u, i) => [u.id, i]));
  views.sort((a, b) =>
    a.unitId === undefined ? -1 : b.unitId === undefined ? 1 : (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0),
  );
  return views;
}

/** The title and lead, when the audio has them on their own: their own file, or their stretch of the whole file. */
function introItem(src: ListenSources): ListenItem | undefined {
  const part = src.timing?.parts.find((p) => p.kind === "intro");
  if (!part || part.durationSeconds <= 0) return undefined;
  const base = { id: "_intro", title: "はじめに（題名と前書き）", short: "はじめに", durationSeconds: part.durationSeconds };
  if (part.audio) return { ...base, src: part.audio };
  if (!src.leafletAudio) return undefined;
  return { ...base, src: src.leafletAudio.path, start: part.offsetSeconds, end: part.offsetSeconds + part.durationSeconds };
}

/** The src of an item: the file, with a media fragment when only a stretch of it is heard. */
export function itemSrc(href: string, item: Pick<ListenItem, "start" | "end">): string {
  if (item.start === undefined || item.end === undefined) return href;
  const t = (n: number) => String(Math.round(n * 1000) / 1000);
  return `${href}#t=${t(item.start)},${t(item.end)}`;
}
