// The success criteria of WCAG 2.2 at levels A and AA, as the accessibility report lists them. JIS X 8341-3:2016 is
// identical to WCAG 2.0 (its 38 criteria at A and AA); the criteria WCAG 2.1 and 2.2 added are listed apart, since a
// city's conformance claim under the JIS does not cover them yet. Names follow the Japanese translations.

export interface Criterion {
  /** `1.4.3`. */
  sc: string;
  name: string;
  level: "A" | "AA";
  /** The WCAG version that introduced it. */
  since: "2.0" | "2.1" | "2.2";
  /** Removed from WCAG 2.2 (4.1.1): still in JIS X 8341-3:2016. */
  obsoleteIn22?: boolean;
}

const c = (sc: string, name: string, level: "A" | "AA", since: Criterion["since"] = "2.0", obsoleteIn22 = false): Criterion => ({
  sc,
  name,
  level,
  since,
  ...(obsoleteIn22 ? { obsoleteIn22 } : {}),
});

/** Every A and AA criterion of WCAG 2.2 and of JIS X 8341-3:2016, in the standard's order. */
export const CRITERIA: readonly Criterion[] = [
  c("1.1.1", "非テキストコンテンツ", "A"),
  c("1.2.1", "音声のみ及び映像のみ（収録済み）", "A"),
  c("1.2.2", "キャプション（収録済み）", "A"),
  c("1.2.3", "音声解説、又はメディアに対する代替（収録済み）", "A"),
  c("1.2.4", "キャプション（ライブ）", "AA"),
  c("1.2.5", "音声解説（収録済み）", "AA"),
  c("1.3.1", "情報及び関係性", "A"),
  c("1.3.2", "意味のある順序", "A"),
  c("1.3.3", "感覚的な特徴", "A"),
  c("1.3.4", "表示の向き", "AA", "2.1"),
  c("1.3.5", "入力目的の特定", "AA", "2.1"),
  c("1.4.1", "色の使用", "A"),
  c("1.4.2", "音声の制御", "A"),
  c("1.4.3", "コントラスト（最低限）", "AA"),
  c("1.4.4", "テキストのサイズ変更", "AA"),
  c("1.4.5", "文字画像", "AA"),
  c("1.4.10", "リフロー", "AA", "2.1"),
  c("1.4.11", "非テキストのコントラスト", "AA", "2.1"),
  c("1.4.12", "テキストの間隔", "AA", "2.1"),
  c("1.4.13", "ホバー又はフォーカスで表示されるコンテンツ", "AA", "2.1"),
  c("2.1.1", "キーボード", "A"),
  c("2.1.2", "キーボードトラップなし", "A"),
  c("2.1.4", "文字キーのショートカット", "A", "2.1"),
  c("2.2.1", "タイミング調整可能", "A"),
  c("2.2.2", "一時停止、停止、非表示", "A"),
  c("2.3.1", "3回の閃光、又は閾値以下", "A"),
  c("2.4.1", "ブロックスキップ", "A"),
  c("2.4.2", "ページタイトル", "A"),
  c("2.4.3", "フォーカス順序", "A"),
  c("2.4.4", "リンクの目的（コンテキスト内）", "A"),
  c("2.4.5", "複数の手段", "AA"),
  c("2.4.6", "見出し及びラベル", "AA"),
  c("2.4.7", "フォーカスの可視化", "AA"),
  c("2.4.11", "フォーカスの非隠蔽（最低限）", "AA", "2.2"),
  c("2.5.1", "ポインタのジェスチャ", "A", "2.1"),
  c("2.5.2", "ポインタのキャンセル", "A", "2.1"),
  c("2.5.3", "ラベルを含む名前（name）", "A", "2.1"),
  c("2.5.4", "動きによる起動", "A", "2.1"),
  c("2.5.7", "ドラッグ動作", "AA", "2.2"),
  c("2.5.8", "ターゲットのサイズ（最低限）", "AA", "2.2"),
  c("3.1.1", "ページの言語", "A"),
  c("3.1.2", "一部分の言語", "AA"),
  c("3.2.1", "フォーカス時", "A"),
  c("3.2.2", "入力時", "A"),
  c("3.2.3", "一貫したナビゲーション", "AA"),
  c("3.2.4", "一貫した識別性", "AA"),
  c("3.2.6", "一貫したヘルプ", "A", "2.2"),
  c("3.3.1", "エラーの特定", "A"),
  c("3.3.2", "ラベル又は説明", "A"),
  c("3.3.3", "エラー修正の提案", "AA"),
  c("3.3.4", "エラー回避（法的、金融及びデータ）", "AA"),
  c("3.3.7", "冗長な入力", "A", "2.2"),
  c("3.3.8", "アクセシブルな認証（最低限）", "AA", "2.2"),
  c("4.1.1", "構文解析", "A", "2.0", true),
  c("4.1.2", "名前（name）、役割（role）及び値（value）", "A"),
  c("4.1.3", "ステータスメッセージ", "AA", "2.1"),
];

/** The criteria of JIS X 8341-3:2016 (WCAG 2.0) at `level` and below. */
export function jisCriteria(level: "A" | "AA"): Criterion[] {
  return CRITERIA.filter((x) => x.since === "2.0" && (level === "AA" || x.level === "A"));
}

/** The criteria WCAG 2.1 and 2.2 added at `level` and below. */
export function laterCriteria(level: "A" | "AA"): Criterion[] {
  return CRITERIA.filter((x) => x.since !== "2.0" && (level === "AA" || x.level === "A"));
}

/** The criterion an axe tag names (`wcag143` → `1.4.3`), or undefined for other tags (`wcag2aa`, `cat.color`). */
export function scOfAxeTag(tag: string): string | undefined {
  const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}

/** The criterion an HTML_CodeSniffer code names (`WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Fail` → `1.4.3`). */
export function scOfHtmlcsCode(code: string): string | undefined {
  const m = /Guideline\d_\d+\.(\d)_(\d+)_(\d+)/.exec(code);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}
