// Which units each listening view plays, and where 「続きを聞く」 leads, with and without the print edition's page map.
import { describe, expect, it } from "vitest";
import { fixtureTiming, siteFixtureModel } from "../../test/site/fixture.ts";
import { layout } from "../edition/layout.ts";
import { itemSrc, keyOfUrl, listenViews } from "./listen.ts";

const site = siteFixtureModel("/nonexistent/card-front.png");
const card = site.leaflets[0];
const slug = card.slug;
const unitAudio = Object.fromEntries(
  ["carrying", "pin", "q1", "q2", "q3"].map((id) => [id, { path: layout.unitAudio(slug, id), durationSeconds: 30 }]),
);
const leafletAudio = { path: layout.leafletAudio(slug), durationSeconds: 160 };
const view = (views: ReturnType<typeof listenViews>, unit?: string) => views.find((v) => v.unitId === unit);

describe("listenViews", () => {
  it("with a page map: each view plays its page's units from its own on, in order, then offers the next page", () => {
    const pageMap = [
      { page: 1, units: ["carrying", "pin"], url: "" },
      { page: 2, units: ["q1", "q2", "q3"], url: "" },
    ];
    const views = listenViews(card, { unitAudio, leafletAudio, pageMap });
    expect(views.map((v) => v.path)).toEqual([
      layout.listenPage(slug),
      ...["carrying", "pin", "q1", "q2", "q3"].map((id) => layout.listenPage(slug, id)),
    ]);
    const q1 = view(views, "q1");
    expect(q1?.items.map((i) => i.id)).toEqual(["q1", "q2", "q3"]);
    expect(q1).toMatchObject({ label: "Q1〜Q3", durationSeconds: 90, page: 2 });
    expect(q1?.next).toBeUndefined();
    // A code printed when q2 began a page still opens a view: from q2 to the end of its page now.
    expect(view(views, "q2")?.items.map((i) => i.id)).toEqual(["q2", "q3"]);
    expect(view(views, "carrying")?.next).toEqual({ path: layout.listenPage(slug, "q1"), label: "Q1〜Q3" });
    // The first page's view: the units printed on it (no opening of its own without a timing map).
    expect(view(views)?.items.map((i) => i.id)).toEqual(["carrying", "pin"]);
    expect(view(views)?.label).toBe("はじめから");
  });

  it("keys each page's view as its code does (a unit run over from the page before, too), never looping on itself", () => {
    const url = (id?: string) => `https://www.city.example.lg.jp/leaflets/${layout.listenPage(slug, id).replace(/index\.html$/, "")}`;
    // pin runs over pages 1 to 3: page 2's code and page 3's both open pin's view, which plays to q1 and then offers q2.
    const pageMap = [
      { page: 1, units: ["carrying", "pin"], url: url() },
      { page: 2, units: ["pin"], url: url("pin") },
      { page: 3, units: ["pin", "q1"], url: url("pin") },
      { page: 4, units: ["q1", "q2", "q3"], url: url("q1") },
    ];
    const views = listenViews(card, { unitAudio, pageMap });
    expect(view(views, "pin")?.items.map((i) => i.id)).toEqual(["pin", "q1"]);
    expect(view(views, "pin")?.next?.path).toBe(layout.listenPage(slug, "q1"));
    expect(view(views, "q1")?.items.map((i) => i.id)).toEqual(["q1", "q2", "q3"]);
    expect(view(views)?.next?.path).toBe(layout.listenPage(slug, "pin"));
    for (const v of views) expect(v.next?.path, v.path).not.toBe(v.path);
    expect(keyOfUrl(url("q12"), slug)).toBe("q12");
    expect(keyOfUrl(url(), slug)).toBeUndefined();
    expect(keyOfUrl("https://www.city.example.lg.jp/leaflets/other/listen/q12/", slug)).toBeUndefined();
  });

  it("without a page map: one view per unit, each leading to the next; the beginning plays the whole leaflet", () => {
    const views = listenViews(card, { unitAudio, leafletAudio });
    expect(view(views, "pin")?.items.map((i) => i.id)).toEqual(["pin"]);
    expect(view(views, "pin")?.next).toEqual({ path: layout.listenPage(slug, "q1"), label: "Q1" });
    expect(view(views)).toMatchObject({ label: "全体", durationSeconds: 160 });
    expect(view(views)?.items).toEqual([expect.objectContaining({ id: "_all", src: leafletAudio.path })]);
  });

  it("starts with the title and lead when the timing map times them, as a stretch of the whole-leaflet file", async () => {
    const timing = await fixtureTiming(card, slug);
    const views = listenViews(card, { unitAudio, leafletAudio, timing });
    const start = view(views);
    expect(start?.items[0]).toMatchObject({ id: "_intro", src: leafletAudio.path, start: 0, end: 2 });
    expect(start?.next?.path).toBe(layout.listenPage(slug, "carrying"));
    expect(itemSrc("audio/all.mp3", start?.items[0] ?? {})).toBe("audio/all.mp3#t=0,2");
  });

  it("leaves out units without audio, and makes no views when nothing was recorded", () => {
    const { q2: _gone, ...some } = unitAudio;
    const views = listenViews(card, { unitAudio: some, pageMap: [{ page: 1, units: ["carrying", "pin", "q1", "q2", "q3"], url: "" }] });
    expect(view(views, "q2")).toBeUndefined();
    expect(view(views, "q1")?.items.map((i) => i.id)).toEqual(["q1", "q3"]);
    // The durations of every item are known, so the total is shown before anything plays.
    expect(view(views, "q1")?.durationSeconds).toBe(60);
    expect(listenViews(card, { unitAudio: {} })).toEqual([]);
  });

  it("gives units a page map forgot (an older map) views of their own", () => {
    const views = listenViews(card, { unitAudio, pageMap: [{ page: 1, units: ["carrying"], url: "" }] });
    expect(view(views, "q3")?.items.map((i) => i.id)).toEqual(["q3"]);
    expect(view(views, "carrying")?.next?.path).toBe(layout.listenPage(slug, "pin"));
  });
});
