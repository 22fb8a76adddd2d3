// The front and back matter: the title band (leaflet) or cover with contents (booklet), the information date,
// and at the end the source and the city's contact (「このページに関するお問い合わせ」).
import type React from "react";
import { formatJapaneseDate } from "../../lib/dates.ts";
import type { ContactInfo } from "../../model/types.ts";
import { inlineText, listUnits } from "../../model/walk.ts";
import { mm } from "../geometry.ts";
import { fill } from "../template.ts";
import type { DocContext } from "./context.ts";

/** Issuer, publication date and the information date, each only when the leaflet has it: nothing is invented. */
function metaLines(x: DocContext): string[] {
  const { leaflet } = x.o;
  const l = x.t.labels;
  return [
    leaflet.issuer ? fill(l.issuer, { issuer: leaflet.issuer }) : "",
    leaflet.date ? fill(l.date, { date: formatJapaneseDate(leaflet.date) }) : "",
    leaflet.asOf ? fill(l.asOf, { date: formatJapaneseDate(leaflet.asOf) }) : "",
  ].filter(Boolean);
}

/** Page 1 of a leaflet: the title band with the summary and the dates. */
export function titleBand(x: DocContext): React.ReactElement {
  const { leaflet } = x.o;
  return x.view(
    {
      style: { backgroundColor: x.c("tint"), borderLeft: `6pt solid ${x.c("accent")}`, padding: "7pt 12pt", marginBottom: 8 },
      wrap: false,
    },
    x.text(x.s("title", { fontWeight: 700, color: x.c("accent"), marginBottom: 4 }), leaflet.title, { tag: "H1" }),
    x.text(x.s("body", { marginBottom: 3, textAlign: "justify" }), leaflet.summary, { tag: "P" }),
    x.text(x.s("meta"), metaLines(x).join("　"), { tag: "P" }),
  );
}

/** Page 1 of a booklet: title, summary, dates, source and the contents by section. */
export function cover(x: DocContext): React.ReactElement[] {
  const { leaflet } = x.o;
  const units = listUnits(leaflet);
  const sections = units.filter((u) => u.type === "section");
  const rows = sections.map((s) => {
    const qs = s.type === "section" ? s.children.filter((ch) => ch.type === "question") : [];
    const range = qs.length > 0 ? `Q${(qs[0] as { number: number }).number}〜Q${(qs[qs.length - 1] as { number: number }).number}` : "";
    return { label: inlineText(s.title), range };
  });
  const count = units.filter((u) => u.type === "question").length;
  const accent = `3pt solid ${x.c("accent")}`;
  return [
    x.view(
      {
        style: {
          // A contents page gets a roomy title; without one, the questions follow on the same page.
          marginTop: rows.length > 0 ? mm(20) : mm(4),
          marginBottom: rows.length > 0 ? mm(10) : mm(5),
          borderTop: accent,
          borderBottom: accent,
          padding: "12pt 4pt",
        },
        wrap: false,
      },
      x.text(x.s("title", { fontWeight: 700, color: x.c("accent"), marginBottom: 8 }), leaflet.title, { tag: "H1" }),
      x.text(x.s("body", { textAlign: "justify" }), leaflet.summary, { tag: "P" }),
    ),
    ...metaLines(x).map((line) => x.text(x.s("body"), line, { tag: "P" })),
    x.text(x.s("source", { marginBottom: mm(rows.length > 0 ? 8 : 4) }), fill(x.t.labels.source, { source: leaflet.source }), { tag: "P" }),
    ...(rows.length > 0
      ? [
          x.view(
            { tag: "TOC" },
            x.text(
              x.s("contents", { fontWeight: 700, marginBottom: 6, borderBottom: `1pt solid ${x.c("rule")}` }),
              fill(x.t.labels.contents, { count }),
              { tag: "Caption" },
            ),
            ...rows.map((r) =>
              x.view(
                { style: { flexDirection: "row", marginBottom: 3 }, wrap: false, tag: "TOCI" },
                x.text(x.s("body", { flex: 1 }), r.label),
                x.text(x.s("body", { width: mm(32), textAlign: "right" }), r.range),
              ),
            ),
          ),
        ]
      : [x.text(x.s("body"), fill(x.t.labels.questions, { count }), { tag: "P" })]),
  ];
}

/** The end of the document: the source (for a leaflet; a cover has it already) and the city's contact. */
export function closing(x: DocContext): React.ReactElement[] {
  const { leaflet } = x.o;
  const out: React.ReactElement[] = [];
  if (leaflet.contact) out.push(cityContact(x, leaflet.contact));
  if (!x.t.cover) {
    const source = `${leaflet.source}${leaflet.sourceUrl ? `（${leaflet.sourceUrl}）` : ""}`;
    out.push(x.text(x.s("source", { marginTop: 4 }), fill(x.t.labels.source, { source }), { tag: "P" }));
  }
  return out;
}

// The city's contact under its own heading, kept together and compact (it closes every leaflet, so it should not
// cost a page): the department beside the heading, the short entries (phone, fax, mail) side by side in one row,
// the long ones (hours, address, home page) one per line.
function cityContact(x: DocContext, c: ContactInfo): React.ReactElement {
  // A label is as wide as its text (full-width characters are one em each) and a little air.
  const em = x.t.text.body.size;
  const label = (text: string, chars = text.length) => x.text(x.s("body", { width: chars * em + 6, fontWeight: 700 }), text);
  const number = (value: string) => x.text(x.s("contactNumber", { fontWeight: 700 }), value);
  const given = <T>(list: [string, T | undefined][]) => list.filter((entry): entry is [string, T] => Boolean(entry[1]));
  const short = given<React.ReactElement>([
    ["電話", c.phone && number(c.phone.number)],
    ["ファクス", c.fax && number(c.fax.number)],
    ["メール", c.email ? x.text(x.s("body"), c.email) : undefined],
  ]);
  const long = given<string>([
    ["受付時間", c.hours],
    ["所在地", c.address],
    ["ホームページ", c.url],
  ]);
  const longest = Math.max(0, ...long.map(([name]) => name.length));
  const row = (children: React.ReactElement[]) =>
    x.view(
      { style: { flexDirection: "row", flexWrap: "wrap", marginBottom: 2, alignItems: "flex-start" }, tag: "P", wrap: false },
      ...children,
    );
  return x.view(
    { style: { marginTop: x.t.space.section }, wrap: false, tag: "Sect" },
    x.text(
      x.s("section", {
        fontWeight: 700,
        color: x.c("accent"),
        marginBottom: x.t.space.paragraph,
        borderBottom: `1pt solid ${x.c("accent")}`,
      }),
      [x.t.labels.contact, x.text(x.s("body", { fontWeight: 700, color: x.c("ink") }), `　${c.department}`)],
      { tag: "H2" },
    ),
    x.view(
      { style: { border: `2pt solid ${x.c("accent")}`, borderRadius: 4, padding: "4pt 10pt", marginBottom: x.t.space.block }, tag: "Div" },
      ...(short.length
        ? [row(short.map(([name, value]) => x.view({ style: { flexDirection: "row", marginRight: mm(8) } }, label(name), value)))]
        : []),
      ...long.map(([name, value]) => row([label(name, longest), x.text(x.s("body", { flex: 1 }), value)])),
    ),
  );
}
