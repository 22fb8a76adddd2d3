// The braille rules this translator follows (点訳のてびき 第4版), each with examples of print and the spaced kana it
// becomes. The code that applies them is in units.ts (readings and numbers), spacing.ts (分かち書き) and writer.ts
// (cells); the tests run every example through stage 1 (and stage 2 where cells are given), so this table is the
// specification a reviewer reads.

/** One rule: its class (the corpus file it belongs to), why, and examples text → spaced kana (→ cells). */
export interface BrailleRule {
  id: string;
  class: string;
  why: string;
  /** Where the rule leaves a choice, what is chosen here. */
  choice?: string;
  examples: [text: string, kana: string, cells?: string][];
}

export const BRAILLE_RULES: BrailleRule[] = [
  {
    id: "reading-from-the-shared-analysis",
    class: "kanji-reading",
    why: "the braille is the reading: it comes from the analysis speech uses (MeCab with Open JTalk's dictionary), so both editions say the same word",
    examples: [
      ["鍵を失くした", "カギヲ ナクシタ"],
      ["土日の間は休みです", "ドニチノ アイダワ ヤスミデス"],
      ["窓口へ行った方", "マドグチエ イッタ カタ"],
    ],
  },
  {
    id: "kanji-numerals-as-digits",
    class: "numerals",
    why: "a number is written with the numeral sign and digits, kanji numerals included; 万 億 兆 in kana with a blank after their group",
    choice: "a number ending in 千 is written with digits (3000), not セン: one policy for the whole book",
    examples: [
      ["三十五人", "35ニン", "⠼⠉⠑⠇⠴"],
      ["第二回", "ダイ2カイ"],
      ["五万三千円", "5マン 3000エン"],
      ["四百円", "400エン"],
    ],
  },
  {
    id: "grouping-commas",
    class: "numerals",
    why: "本則: no 位取り点 up to four digits; five and more are grouped by 万",
    choice: "the 本則 (位取り点 only where a table needs it)",
    examples: [
      ["2,500円", "2500エン"],
      ["25,000人", "2マン 5000ニン"],
    ],
  },
  {
    id: "approximate-numbers",
    class: "numerals",
    why: "概数 and numbers listed side by side take no 読点 or 中点: a numeral sign for each number",
    examples: [
      ["三、四日", "3⠼4ニチ", "⠼⠉⠼⠙⠇⠗"],
      ["5・6月", "5⠼6ガツ"],
    ],
  },
  {
    id: "indefinite-numbers",
    class: "numerals",
    why: "words with no definite number are written in kana: 数十 スージュー, 何百 ナンビャク",
    examples: [
      ["数十人", "スージューニン"],
      ["何百円", "ナンビャクエン"],
    ],
  },
  {
    id: "connector",
    class: "numerals",
    why: "after a number, ア- and ラ-row kana look like digits: the つなぎ符 ⠤ goes between; before ワ only when three such cells follow",
    examples: [
      ["3列", "3レツ", "⠼⠉⠤⠛⠝"],
      ["2割引き", "2ワリビキ", "⠼⠃⠄⠓⠐⠧⠣"],
    ],
  },
  {
    id: "days-and-counters",
    class: "dates-counters",
    why: "days said with native words are kana (フツカ…トオカ, ハツカ), 14 and 24 take カ; the 1st of a month is ツイタチ, a one-day span 1ニチ; 1人 2人 are ヒトリ フタリ; year, month, day, hour and minute each stand apart",
    examples: [
      ["八月一日", "8ガツ ツイタチ"],
      ["3日間", "ミッカカン"],
      ["二十四日", "24カ"],
      ["1日2回", "1ニチ 2カイ"],
      ["2人で", "フタリデ"],
      ["午後3時15分", "ゴゴ 3ジ 15フン"],
    ],
  },
  {
    id: "weekday-marks",
    class: "dates-counters",
    why: "a weekday in brackets after a date is read as its one-syllable name in 第1カッコ, attached: （水） スイ; so are weekdays in a list",
    examples: [
      ["5日（水）", "イツカ（スイ）"],
      ["火・木", "カ・ モク"],
    ],
  },
  {
    id: "compound-units",
    class: "spacing-compound",
    why: "a compound is divided between meaning units of three morae or more; a 2字漢語 counts as three; shorter units join",
    examples: [
      ["国民健康保険", "コクミン ケンコー ホケン"],
      ["市民課", "シミンカ"],
      ["母子手帳", "ボシ テチョー"],
    ],
  },
  {
    id: "prefixes",
    class: "spacing-compound",
    why: "prefixes join, but 旧 前 反 各 全 要 and the like may stand apart before a word of their own (ゼン シチョー)",
    choice: "they stand apart before a noun of three or more morae or a 2字漢語; 新 stays joined (シンネンド)",
    examples: [
      ["前会長", "ゼン カイチョー"],
      ["新年度", "シンネンド"],
    ],
  },
  {
    id: "names-and-places",
    class: "spacing-compound",
    why: "surname and given name apart, honorifics and titles after a name apart; addresses by administrative level; 等 トー apart",
    examples: [
      ["鈴木一郎様", "スズキ イチロー サマ"],
      ["書類等", "ショルイ トー"],
    ],
  },
  {
    id: "auxiliaries",
    class: "spacing-auxiliary",
    why: "particles and auxiliaries attach (ようだ そうだ included); auxiliary verbs, formal nouns and する after a noun stand apart",
    examples: [
      ["確認している", "カクニン シテ イル"],
      ["使えるようになります", "ツカエルヨーニ ナリマス"],
      ["届けることができます", "トドケル コトガ デキマス"],
    ],
  },
  {
    id: "latin",
    class: "latin-symbols",
    why: "a word of letters takes 外字符 (capitals ⠠, all capitals ⠠⠠) and stands apart from kana words; one letter and kana are one word joined by つなぎ符",
    examples: [
      ["PDFで送る", "PDF デ オクル", "⠰⠠⠠⠏⠙⠋ ⠐⠟ ⠊⠩⠙"],
      ["Aランチ", "Aランチ", "⠰⠠⠁⠤⠑⠴⠗"],
    ],
  },
  {
    id: "addresses-and-symbols",
    class: "latin-symbols",
    why: "web and mail addresses are written in 情報処理用点字 inside ⠠⠦…⠠⠴ with a blank each side; % # & are their own symbols",
    examples: [
      ["詳細はwww.example.jp/で", "ショーサイワ www.example.jp/ デ", "⠈⠺⠒⠱⠃⠄ ⠠⠦⠺⠺⠺⠲⠑⠭⠁⠍⠏⠇⠑⠲⠚⠏⠌⠠⠴ ⠐⠟"],
      ["30%", "30%", "⠼⠉⠚⠰⠏"],
    ],
  },
  {
    id: "brackets",
    class: "brackets",
    why: "「」 第1カギ, 『』 二重カギ, （） 第1カッコ, 〔〕 第2カッコ, nested （（）） 二重カッコ; 【】 by use: 第1カギ, or 第2カギ beside a 「」",
    choice: "【】 → 第1カギ when no 「」 is in the same paragraph, else 第2カギ",
    examples: [
      ["【お知らせ】", "「オシラセ」"],
      ["会場（2階）", "カイジョー（2カイ）"],
    ],
  },
  {
    id: "colon-and-slash",
    class: "brackets",
    why: "the てびき has no colon for Japanese: a label's ： becomes two blanks; ／ is written without blanks",
    choice: "two blanks, not the 小見出し符",
    examples: [["場所：本庁舎", "バショ  ホンチョーシャ"]],
  },
  {
    id: "repetition-marks",
    class: "odoriji",
    why: "々 ゝ ヽ ゞ are written out as the kana they repeat (the 畳語符 was abolished)",
    examples: [
      ["色々な", "イロイロナ"],
      ["みすゞ", "ミスズ"],
    ],
  },
  {
    id: "half-width",
    class: "halfwidth",
    why: "input is folded with NFKC first: half-width kana is brailled like full-width, never dropped",
    examples: [
      ["ｶｰﾄﾞ", "カード"],
      ["ﾃﾞｼﾞﾀﾙ窓口", "デジタル マドグチ"],
    ],
  },
  {
    id: "particles-and-long-vowels",
    class: "particles-long-vowels",
    why: "は へ as particles are ワ エ (also in まずは では); う after a ウ/オ-row kana is ー inside one word only; エ-row keeps イ; a verb's final う stays",
    examples: [
      ["まずは窓口へ", "マズワ マドグチエ"],
      ["住民票の写し", "ジューミンヒョーノ ウツシ"],
      ["丁寧に言う", "テイネイニ イウ"],
    ],
  },
  {
    id: "punctuation-blanks",
    class: "punctuation",
    why: "。 then two blanks, 、 and ・ then one; ？！ inside the flow of a sentence one blank, before a particle none",
    examples: [
      ["はい。分かりました。", "ハイ。  ワカリマシタ。"],
      ["えっ！本当？", "エッ！ ホントー？"],
    ],
  },
  {
    id: "ellipsis-and-signs-said-as-words",
    class: "punctuation",
    why: "an ellipsis (…, or ... written for one) is the 点線 ⠂⠂⠂ with a blank each side, never three full stops; + = × ÷ standing in text are said as words; braille has no postal mark, so 〒 is written ユービン バンゴー",
    examples: [
      ["どうしよう…", "ドー シヨー …", "⠐⠞⠒ ⠳⠜⠒ ⠂⠂⠂"],
      ["例えば...です。", "タトエバ … デス。"],
      ["「A」+「B」を読む", "「A」 プラス 「B」ヲ ヨム"],
      ["〒272-0001", "ユービン バンゴー 272-0001"],
    ],
  },
];
