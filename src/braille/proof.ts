// The proofreading sheet for braille volunteers: one row per line of the BRF, with its page and line number, the
// 32-cell line, the kana read back from it, and the print text it came from, suspects marked and counted; then a
// correction form in plain Japanese. Laid out for A4 paper as well as the screen.
import type { Leaflet } from "../model/types.ts";
import { backTranslate } from "./back.ts";
import type { BrailleItem } from "./document.ts";
import type { Suspect } from "./kana.ts";

const WHY: Record<Suspect["why"], string> = {
  unknown: "辞書にない語（読みを確認）",
  particle: "「は」「へ」の読み（ワ・エ か ハ・ヘ か）",
  number: "数字・日付",
  lexicon: "読み辞書で読みを決めた語",
  ruby: "原稿のルビで読みを決めた語",
  "no-braille": "点字にできない文字（省略しました）",
};

/** One line of the BRF as the sheet shows it. */
interface SheetLine {
  page: number;
  line: number;
  braille: string;
  item?: BrailleItem;
  /** The first line of its item (the print text is shown there). */
  first: boolean;
}

/** Renders the proofreading sheet as a standalone, accessible HTML page, printable on A4. */
export function proofSheetHtml(
  leaflet: Leaflet,
  items: BrailleItem[],
  pages: string[][],
  origins: (number | undefined)[][],
  label: { text: string; braille: string; cells: number } | undefined,
): string {
  const lines: SheetLine[] = [];
  const seen = new Set<number>();
  pages.forEach((page, p) => {
    page.forEach((braille, l) => {
      const o = origins[p]?.[l];
      if (braille === "" && o === undefined) return;
      const first = o !== undefined && !seen.has(o);
      if (o !== undefined) seen.add(o);
      lines.push({ page: p + 1, line: l + 1, braille, item: o === undefined ? undefined : items[o], first });
    });
  });
  const suspects = items.reduce((n, i) => n + i.suspects.length, 0);
  const byKind = new Map<string, number>();
  for (const i of items) for (const s of i.suspects) byKind.set(s.why, (byKind.get(s.why) ?? 0) + 1);
  const summary = [...byKind].map(([why, n]) => `<li>${esc(WHY[why as Suspect["why"]])}：${n}</li>`).join("");
  const rows = lines.map((l) => row(l)).join("\n");
  const labelSection = label
    ? `<section aria-labelledby="label-h"><h2 id="label-h">点字ラベル</h2>
<p>墨字：${esc(label.text)}（${label.cells}マス）</p>
<p class="braille" aria-hidden="true">${esc(label.braille)}</p><p class="back">${esc(backTranslate(label.braille))}</p></section>`
    : "";
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>点訳校正シート：${esc(leaflet.title)}</title>
<style>
@page { size: A4; margin: 12mm 10mm; }
body { font-family: "BIZ UDPGothic", sans-serif; margin: 1.5rem; line-height: 1.6; color: #111; background: #fff; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #555; padding: .25rem .4rem; vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; }
td.where { white-space: nowrap; width: 4.5em; }
.braille { font-family: "DejaVu Sans", "Segoe UI Symbol", sans-serif; font-size: 13pt; white-space: pre; letter-spacing: 0; }
.back { font-size: 10pt; white-space: pre; color: #333; }
td.cells { width: 32em; }
.print { font-size: 10pt; }
mark { background: #ffe08a; color: #111; font-weight: bold; }
.why { font-size: 9pt; color: #6b3d00; margin: .2rem 0 0; }
tr.suspect td.where { border-left: 6px solid #b35900; }
.count { font-size: 1.2rem; font-weight: bold; }
.form td { height: 2.2em; }
.copy { white-space: pre-wrap; border: 1px dashed #555; padding: .5rem; font-family: monospace; }
@media print { body { margin: 0; } .screen-only { display: none; } h2 { break-before: auto; } .form-section { break-before: page; } }
</style>
</head>
<body>
<main>
<h1>点訳校正シート：${esc(leaflet.title)}</h1>
<p>この点字は自動で作りました。点字の行ごとに、点字・点字から読み戻したカナ・もとの文（墨字）を並べています。
ページと行は、点字データ（BRF）のページと行の番号です。</p>
<p class="count">確認してほしい語：${suspects}か所（行数 ${lines.length}、ページ数 ${pages.length}）</p>
${summary ? `<ul>${summary}</ul>` : ""}
<p>色のついた語は、読み方がまちがっているかもしれない語です。まちがいを見つけたら、最後の「訂正連絡票」に、ページ・行・まちがい・正しい読みを書いて、担当の職員に渡してください（印刷しても、文字をコピーして送っても構いません）。</p>
${labelSection}
<section aria-labelledby="body-h"><h2 id="body-h">本文</h2>
<table>
<caption>点字の行ごとの対照表（ページ・行・点字と読み戻し・墨字）</caption>
<thead><tr><th scope="col">ページ・行</th><th scope="col">点字（上）と読み戻したカナ（下）</th><th scope="col">墨字（もとの文）</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>
<section aria-labelledby="form-h" class="form-section"><h2 id="form-h">訂正連絡票</h2>
<p>リーフレット：${esc(leaflet.title)}</p>
<table class="form">
<thead><tr><th scope="col">ページ</th><th scope="col">行</th><th scope="col">まちがい（点字の読み）</th><th scope="col">正しい読み</th><th scope="col">気づいたこと</th></tr></thead>
<tbody>
${Array.from({ length: 8 }, () => "<tr><td></td><td></td><td></td><td></td><td></td></tr>").join("\n")}
</tbody>
</table>
<p class="screen-only">メールで送るときは、次の形をコピーして使えます。</p>
<p class="copy screen-only">リーフレット：${esc(leaflet.title)}
ページ：　　行：　　まちがい：　　　　正しい読み：
</p>
</section>
</main>
</body>
</html>
`;
}

function row(l: SheetLine): string {
  const item = l.item;
  const suspect = !!item && l.first && item.suspects.length > 0;
  const print =
    item && l.first
      ? `${highlight(item.source, item.suspects)}${whyList(item.suspects)}`
      : item
        ? '<span class="print">（前の行のつづき）</span>'
        : "";
  return `<tr${suspect ? ' class="suspect"' : ""}>
<td class="where">${l.page}ページ<br>${l.line}行</td>
<td class="cells"><div class="braille" aria-label="点字 ${[...l.braille].length}マス">${esc(l.braille) || "&nbsp;"}</div><div class="back" lang="ja">${esc(backTranslate(l.braille)) || "&nbsp;"}</div></td>
<td class="print" lang="ja">${print}</td>
</tr>`;
}

/** The print text with each suspect word marked. */
function highlight(source: string, suspects: Suspect[]): string {
  const words = [...new Set(suspects.map((s) => s.text.normalize("NFKC")))].filter(Boolean).sort((a, b) => b.length - a.length);
  const text = source.normalize("NFKC");
  if (words.length === 0) return esc(text);
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  let out = "";
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    out += `${esc(text.slice(last, m.index))}<mark>${esc(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return out + esc(text.slice(last));
}

function whyList(suspects: Suspect[]): string {
  if (suspects.length === 0) return "";
  const lines = suspects.map((s) => `「${esc(s.text)}」${esc(WHY[s.why])}`);
  return `<p class="why">確認：${[...new Set(lines)].join("、")}</p>`;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
