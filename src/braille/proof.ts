// The proofreading sheet for braille volunteers: every paragraph's print text, the spaced kana
// and the braille side by side, with the characters the translator had to leave out flagged.
import type { Leaflet } from "../model/types.ts";
import type { BrailleItem } from "./document.ts";

const STYLE_NAMES: Record<BrailleItem["style"], string> = {
  title: "題名",
  section: "見出し",
  question: "質問",
  heading: "小見出し",
  paragraph: "段落",
  item: "項目",
  note: "注",
  dialogue: "会話",
  caption: "表題",
  meta: "情報",
};

/** Renders the proofreading sheet as a standalone, accessible HTML page. */
export function proofSheetHtml(
  leaflet: Leaflet,
  items: BrailleItem[],
  label: { text: string; braille: string; cells: number } | undefined,
): string {
  const problems = items.filter((i) => i.problems.length > 0).length;
  const rows = items
    .map((item, n) => {
      const flag = item.problems.length > 0 ? `<p class="problem">要確認：点字にできない文字 ${esc(item.problems.join(" "))}</p>` : "";
      return `<tr id="p${n + 1}"${item.problems.length > 0 ? ' class="has-problem"' : ""}>
<th scope="row">${n + 1}<br><span class="kind">${STYLE_NAMES[item.style]}</span><br><span class="pos">${esc(item.pos.file)}:${item.pos.line}</span></th>
<td lang="ja">${esc(item.source)}${flag}</td>
<td lang="ja" class="kana">${esc(item.kana)}</td>
<td class="braille" aria-label="点字 ${[...item.braille].length}マス">${esc(item.braille)}</td>
</tr>`;
    })
    .join("\n");
  const labelSection = label
    ? `<section aria-labelledby="label-h"><h2 id="label-h">点字ラベル</h2>
<p>墨字：${esc(label.text)}（${label.cells}マス）</p>
<p class="braille">${esc(label.braille)}</p></section>`
    : "";
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>点訳校正シート：${esc(leaflet.title)}</title>
<style>
body { font-family: "BIZ UDPGothic", sans-serif; margin: 1.5rem; line-height: 1.7; color: #111; background: #fff; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: .4rem .6rem; vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; }
.kana { white-space: pre-wrap; }
.braille { font-family: "Segoe UI Symbol", "DejaVu Sans", sans-serif; font-size: 1.4rem; white-space: pre-wrap; word-break: break-all; }
.kind, .pos { font-weight: normal; font-size: .85rem; }
.problem { color: #8b0000; font-weight: bold; margin: .3rem 0 0; }
tr.has-problem td:first-of-type { border-left: 6px solid #8b0000; }
</style>
</head>
<body>
<main>
<h1>点訳校正シート：${esc(leaflet.title)}</h1>
<p>自動点訳の結果です。点字の読み方・分かち書きを確認し、誤りは原稿のルビ（{漢字|よみ}）か content/lexicon.yaml で直してください。段落数 ${items.length}、要確認 ${problems}。</p>
${labelSection}
<section aria-labelledby="body-h"><h2 id="body-h">本文</h2>
<table>
<caption>原文・分かち書き（カナ）・点字の対照表</caption>
<thead><tr><th scope="col">番号</th><th scope="col">原文</th><th scope="col">分かち書き（カナ）</th><th scope="col">点字</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>
</main>
</body>
</html>
`;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
