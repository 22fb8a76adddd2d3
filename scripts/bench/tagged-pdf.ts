// Bench stage for the tagging patch: render time and size of the same react-pdf document with and without
// `tagged`, for a two-page leaflet and a twenty-page booklet (headings, paragraphs, lists, tables, links, footer).
import { Document, type DocumentProps, Font, Link, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import { PDFDocument } from "pdf-lib";
import React from "react";
import { kinsokuTextProps } from "../../src/print/kinsoku.ts";
import type { BenchContext, BenchStage } from "./harness.ts";

const h = React.createElement as unknown as <P = unknown>(
  type: unknown,
  props?: Record<string, unknown> | null,
  ...children: unknown[]
) => React.ReactElement<P>;
const FAMILY = "BenchTaggedGothic";
const FONT_DIR = "/usr/share/fonts/truetype/bizud-gothic";
const PARAGRAPH =
  "マイナンバーカードは、本人確認のための身分証明書として使えるほか、コンビニエンスストアで住民票の写しなどを取得するときにも使えます。申請は無料です。";
const text = (props: Record<string, unknown> | null, ...children: unknown[]) => h(Text, { ...kinsokuTextProps, ...props }, ...children);
const body = { fontSize: 10, lineHeight: 1.6 };

function booklet(sections: number, tagged: boolean): React.ReactElement<DocumentProps> {
  const section = (n: number) =>
    h(
      View,
      { key: n, tag: "Sect" },
      text(
        { tag: "H2", style: { fontSize: 13, lineHeight: 1.4, fontWeight: 700, marginTop: 8, borderBottom: "1pt solid #2a6e3c" } },
        `第${n + 1}章 手続きの流れ`,
      ),
      text({ style: body }, PARAGRAPH.repeat(3)),
      h(
        View,
        { tag: "L" },
        ...["申請書を書く", "写真を貼る", "郵便で送る"].map((s, i) =>
          h(
            View,
            { key: i, tag: "LI", style: { flexDirection: "row" } },
            text({ tag: "Lbl", style: { ...body, width: 14 } }, `${i + 1}.`),
            text({ tag: "LBody", style: { ...body, flex: 1 } }, s),
          ),
        ),
      ),
      h(
        View,
        { tag: "Table", style: { marginVertical: 4 } },
        ...[
          ["窓口", "受付時間"],
          ["市民課", "平日9時から17時"],
          ["支所", "平日9時から16時"],
        ].map((row, r) =>
          h(
            View,
            { key: r, tag: "TR", style: { flexDirection: "row" } },
            ...row.map((c, i) =>
              h(
                View,
                { key: i, tag: r === 0 ? "TH" : "TD", style: { flex: 1, border: "0.5pt solid #666", padding: 2 } },
                text({ style: body }, c),
              ),
            ),
          ),
        ),
      ),
      text({ style: body }, "詳しくは", h(Link, { src: "https://www.city.example.jp/mynumber/" }, "市のホームページ"), "をご覧ください。"),
    );
  return h<DocumentProps>(
    Document,
    { title: "マイナンバーカードの手引き", language: "ja", tagged },
    h(
      Page,
      { size: "A4", experimentalPagination: true, style: { fontFamily: FAMILY, paddingVertical: 50, paddingHorizontal: 56 } },
      h(View, { fixed: true, style: { position: "absolute", top: 0, left: 0, right: 0, height: 10, backgroundColor: "#2a6e3c" } }),
      text({
        fixed: true,
        style: { position: "absolute", top: 810, left: 56, right: 56, textAlign: "center", fontSize: 8, lineHeight: 1.2 },
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) => `${pageNumber} / ${totalPages} ページ`,
      }),
      text({ tag: "H1", style: { fontSize: 18, lineHeight: 1.4, fontWeight: 700 } }, "マイナンバーカードの手引き"),
      ...Array.from({ length: sections }, (_, n) => section(n)),
    ),
  );
}

interface Figures {
  ms: number;
  bytes: number;
  /** Size after a pdf-lib load and save, as the print edition's finishing step does (object streams). */
  finishedBytes: number;
  pages: number;
}

// Tagged and untagged renders alternate, so warm-up and garbage collection fall on both alike.
async function measurePair(sections: number, runs: number): Promise<{ plain: Figures; tagged: Figures }> {
  const times: Record<"plain" | "tagged", number[]> = { plain: [], tagged: [] };
  const last: Record<"plain" | "tagged", Buffer | null> = { plain: null, tagged: null };
  for (let i = 0; i < runs; i++) {
    for (const kind of i % 2 === 0 ? (["plain", "tagged"] as const) : (["tagged", "plain"] as const)) {
      const started = performance.now();
      const buf = await renderToBuffer(booklet(sections, kind === "tagged"));
      times[kind].push(performance.now() - started);
      last[kind] = buf;
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const figures = async (kind: "plain" | "tagged"): Promise<Figures> => {
    const buf = last[kind]!;
    const finished = await (await PDFDocument.load(buf, { updateMetadata: false })).save();
    return {
      ms: median(times[kind]),
      bytes: buf.length,
      finishedBytes: finished.length,
      pages: (buf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length,
    };
  };
  return { plain: await figures("plain"), tagged: await figures("tagged") };
}

export default (async (ctx: BenchContext) => {
  Font.register({
    family: FAMILY,
    fonts: [
      { src: `${FONT_DIR}/BIZUDPGothic-Regular.ttf`, fontWeight: 400 },
      { src: `${FONT_DIR}/BIZUDPGothic-Bold.ttf`, fontWeight: 700 },
    ],
  });
  await measurePair(1, 1); // warm-up: font parsing and module loading
  for (const [label, sections, runs] of [
    ["leaflet", 4, 9],
    ["booklet", 58, 5],
  ] as const) {
    const { plain, tagged } = await measurePair(sections, runs);
    const row = (metric: string, value: number, unit: string) =>
      ctx.row({ stage: "tagged-pdf", corpus: "sample", metric: `${label} (${tagged.pages} pages) ${metric}`, value, unit });
    row("untagged render", plain.ms, "ms");
    row("tagged render", tagged.ms, "ms");
    row("untagged size", plain.bytes / 1024, "KB");
    row("tagged size", tagged.bytes / 1024, "KB");
    row("size added by tagging", ((tagged.bytes - plain.bytes) / plain.bytes) * 100, "%");
    row("size added by tagging after pdf-lib save", ((tagged.finishedBytes - plain.finishedBytes) / plain.finishedBytes) * 100, "%");
  }
}) satisfies BenchStage;
