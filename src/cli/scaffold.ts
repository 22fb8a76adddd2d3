// `leaflet new <slug>`: a valid leaflet to start from, with every common block shown once.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The text of a new leaflet; `date` is today's date as YYYY-MM-DD. */
export function leafletTemplate(date: string): string {
  return `---
title: ここにリーフレットの題名
summary: このリーフレットで分かることを一、二文で書きます。
date: ${date}
source: ○○課 作成
---

この案内の前書きを書きます。

## 最初の見出し {#first}

本文を書きます。**大事なところ**は太字にします。

- 箇条書きの一つめ
- 箇条書きの二つめ

※ 注意書きは「※」で始めます。

## Q1. よくある質問を書きます。

答えを書きます。

:::contact[お問い合わせ]
電話: 047-334-1111
受付時間: 平日 8時45分～17時15分
:::
`;
}

/** Creates content/leaflets/<slug>.md; refuses to overwrite. Returns the created path or an error message. */
export async function scaffoldLeaflet(
  root: string,
  slug: string,
  today = new Date(),
): Promise<{ file: string } | { error: string; hint: string }> {
  if (!SLUG.test(slug))
    return { error: `「${slug}」 cannot be used in web addresses`, hint: "use lower-case letters, digits and hyphens, e.g. tax-guide" };
  const rel = `content/leaflets/${slug}.md`;
  const file = path.join(root, rel);
  if (existsSync(file)) return { error: `${rel} already exists`, hint: "choose another name, or edit that file" };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, leafletTemplate(today.toISOString().slice(0, 10)), { flag: "wx" });
  return { file: rel };
}
