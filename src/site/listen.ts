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

/** 「Q12」 for a question, the title for a section. */
export function unitShortName(unit: Unit): string {
  return unit.type === "question" ? `Q${unit.number}` : inlineText(unit.title);
}

/** 「Q12. マイナンバーって何ですか。」 for a question, the title for a section. */
export function unitTitle(unit: Unit): string {
  return unit.type === "question" ? `Q${unit.number}. ${inlineText(unit.question)}` : inlineText(unit.title);
}

/** A label for a run of items: one name, or the first and the last. */
function rangeLabel(items: ListenItem[]): string {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0].short;
  return `${items[0].short}〜${items[items.length - 1].short}`;
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
  const known = new Set(units.map((u) => u.id));
  // Groups in reading order: the units of each printed page, or one unit each.
  const groups: { units: Unit[]; page?: number }[] = src.pageMap
    ? src.pageMap
        .map((e) => ({ page: e.page, units: e.units.filter((id) => known.has(id)).map((id) => units.find((u) => u.id === id) as Unit) }))
        .filter((g, i) => g.units.length > 0 || i === 0)
    : units.map((u) => ({ units: [u] }));
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const u of g.units) if (!groupOf.has(u.id)) groupOf.set(u.id, i);
  });
  // Units the page map leaves out (it may be older than the content) get a group of their own, in order.
  for (const u of units) {
    if (groupOf.has(u.id)) continue;
    groups.push({ units: [u] });
    groupOf.set(u.id, groups.length - 1);
  }
  const nextAfter = (g: number): ListenView["next"] => {
    const following = groups.slice(g + 1).find((x) => x.units.length > 0);
    if (!following) return undefined;
    const first = following.units[0];
    return { path: layout.listenPage(leaflet.slug, first.id), label: rangeLabel(following.units.map(item)) };
  };

  const views: ListenView[] = [];
  const intro = introItem(src);
  const firstGroup = groups[0];
  let startItems: ListenItem[] = [...(intro ? [intro] : []), ...(src.pageMap && firstGroup ? firstGroup.units.map(item) : [])];
  let startNext = src.pageMap ? nextAfter(0) : intro && units[0] ? nextAfter(-1) : undefined;
  let startLabel = startItems.length ? "はじめから" : "";
  if (startItems.length === 0 && src.leafletAudio) {
    startItems = [
      {
        id: "_all",
        title: `「${leaflet.title}」全体`,
        short: "全体",
        src: src.leafletAudio.path,
        durationSeconds: src.leafletAudio.durationSeconds,
      },
    ];
    startNext = undefined;
    startLabel = "全体";
  } else if (startItems.length === 0 && units[0]) {
    startItems = [item(units[0])];
    startNext = nextAfter(0);
    startLabel = rangeLabel(startItems);
  }
  views.push({
    path: layout.listenPage(leaflet.slug),
    label: startLabel,
    items: startItems,
    durationSeconds: total(startItems),
    ...(src.pageMap && firstGroup?.page !== undefined ? { page: firstGroup.page } : {}),
    ...(startNext ? { next: startNext } : {}),
  });

  for (const u of units) {
    const g = groupOf.get(u.id) as number;
    const group = groups[g];
    const items = group.units.slice(group.units.indexOf(u)).map(item);
    const next = nextAfter(g);
    views.push({
      path: layout.listenPage(leaflet.slug, u.id),
      unitId: u.id,
      label: rangeLabel(items),
      items,
      durationSeconds: total(items),
      ...(group.page !== undefined ? { page: group.page } : {}),
      ...(next ? { next } : {}),
    });
  }
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
