// A large generated corpus for benchmarks: many leaflets of many questions, in real Japanese.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const QUESTIONS = [
  "マイナンバーカードはどうやって申請するのですか。",
  "マイナンバーカードを紛失した場合はどうしたらいいでしょうか。",
  "住民票の写しはコンビニで取得できますか。",
  "電子証明書の有効期限はいつまでですか。",
  "家族が代わりに受け取りに行ってもいいのでしょうか。",
];
const ANSWERS = [
  "マイナンバー通知書類に同封されている交付申請書を利用するか、市役所の市民課窓口で申請書を取得できます。",
  "24時間365日開設しているコールセンター（0120-95-0178）へ連絡して、先にカード機能を一時停止してください。",
  "マイナンバーカードでもコンビニ交付は可能です。取得できる証明書は、住民票の写し、印鑑登録証明書などです。",
  "{行徳|ぎょうとく}支所でも受け付けています。平日9時30分～17時00分にお越しください。",
];

/** Writes a project with `leaflets` leaflets of `questions` questions each under `root`; returns root. */
export function writeCorpus(root: string, leaflets: number, questions: number, settingsFrom: string): string {
  mkdirSync(path.join(root, "content/leaflets"), { recursive: true });
  cpSync(path.join(settingsFrom, "content/settings.yaml"), path.join(root, "content/settings.yaml"));
  cpSync(path.join(settingsFrom, "content/lexicon.yaml"), path.join(root, "content/lexicon.yaml"));
  for (let l = 1; l <= leaflets; l++) {
    const parts = [
      "---",
      `title: よくある質問 第${l}集`,
      `summary: マイナンバーカードについてのよくある質問、第${l}集です。`,
      "date: 2024-04-01",
      "source: ベンチマーク用に生成",
      "layout: booklet",
      "---",
      "",
      "市民の皆さまから寄せられた質問にお答えします。",
      "",
    ];
    for (let q = 1; q <= questions; q++) {
      parts.push(`## Q${q}. ${QUESTIONS[(l + q) % QUESTIONS.length]}`, "");
      parts.push(ANSWERS[q % ANSWERS.length], "");
      if (q % 10 === 0) parts.push("- 本人確認書類", "- 交付通知書", "", "※ 申請から受け取りまで日数が掛かります。", "");
      if (q % 20 === 0) parts.push(":::contact[市民課]", "電話: 047-334-1111", "受付時間: 平日 8時45分～17時15分", ":::", "");
    }
    writeFileSync(path.join(root, `content/leaflets/generated-${String(l).padStart(3, "0")}.md`), parts.join("\n"));
  }
  return root;
}
