// The table of rules that turn written Japanese government text into what should be spoken.
// Each rule carries its own before/after examples; the tests run every one, so the table is the specification.

/** One normalisation rule: what it fixes, how, and examples of text before and after. */
export interface ReadingRule {
  id: string;
  /** Why the rule exists (what the engine would otherwise say). */
  why: string;
  apply(text: string): string;
  examples: [before: string, after: string][];
}

const D = "[0-9]";
const WEEKDAYS = "月火水木金土日";
const DIGIT_KANA = ["ゼロ", "イチ", "ニー", "サン", "ヨン", "ゴー", "ロク", "ナナ", "ハチ", "キュー"];
const WEEKDAY_NAME: Record<string, string> = {
  月: "月曜日",
  火: "火曜日",
  水: "水曜日",
  木: "木曜日",
  金: "金曜日",
  土: "土曜日",
  日: "日曜日",
  祝: "祝日",
};

/** Common abbreviations, read the way staff at a counter say them. Longest first so J-LIS wins over IC-like parts. */
export const ABBREVIATIONS: [written: string, spoken: string][] = [
  ["J-LIS", "ジェイリス"],
  ["e-Tax", "イータックス"],
  ["eLTAX", "エルタックス"],
  ["e-Gov", "イーガブ"],
  ["NISA", "ニーサ"],
  ["ATM", "エーティーエム"],
  ["SNS", "エスエヌエス"],
  ["PDF", "ピーディーエフ"],
  ["URL", "ユーアールエル"],
  ["PIN", "ピン"],
  ["QR", "キューアール"],
  ["IC", "アイシー"],
  ["ID", "アイディー"],
  ["DV", "ディーブイ"],
  ["OS", "オーエス"],
  ["PC", "パソコン"],
  ["Q&A", "キューアンドエー"],
];

/** Digits said one by one, a pause after every four (イチニーサンヨン、ゴー). */
function digitByDigit(digits: string): string {
  return (digits.match(/.{1,4}/g) ?? []).map((g) => [...g].map((d) => DIGIT_KANA[Number(d)]).join("")).join("、");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const ABBREVIATION_PATTERN = new RegExp(
  `(?<![A-Za-z0-9])(${[...ABBREVIATIONS]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([w]) => escapeRegExp(w))
    .join("|")})(?![A-Za-z0-9])`,
  "gi",
);
const ABBREVIATION_READING = new Map(ABBREVIATIONS.map(([w, r]) => [w.toLowerCase(), r]));

/** The rules, applied in this order to text that has no fixed reading. */
export const READING_RULES: ReadingRule[] = [
  {
    id: "width",
    why: "full-width digits, letters and colons are folded (NFKC) so the rules below see one form; the wave dash is kept apart",
    apply: (t) => t.normalize("NFKC").replace(/~/g, "〜"),
    examples: [
      ["１２：３０", "12:30"],
      ["ＴＥＬ", "TEL"],
      ["9時～17時", "9時〜17時"],
    ],
  },
  {
    id: "url",
    why: "a web address spelled letter by letter is useless by ear: say that there is one",
    apply: (t) => t.replace(/\b(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'*+,;=%]+/g, "ホームページのアドレス"),
    examples: [
      ["詳しくはhttps://www.kojinbango-card.go.jp/をご覧ください。", "詳しくはホームページのアドレスをご覧ください。"],
      ["www.city.example.lg.jp", "ホームページのアドレス"],
    ],
  },
  {
    id: "email",
    why: "an e-mail address is announced, not spelled",
    apply: (t) => t.replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, "メールアドレス"),
    examples: [["お問い合わせはinfo@city.example.lg.jpまで", "お問い合わせはメールアドレスまで"]],
  },
  {
    id: "tel-fax",
    why: "Open JTalk reads TEL as テル and FAX letter by letter",
    apply: (t) =>
      t
        .replace(/(?<![A-Za-z])TEL(?![A-Za-z])[.:]?\s*/gi, "電話、")
        .replace(/(?<![A-Za-z])FAX(?![A-Za-z])[.:]?\s*/gi, "ファックス、")
        .replace(/(?<=電話|ファックス)[:：]\s*/g, "、"),
    examples: [
      ["TEL:03-1234-5678", "電話、03-1234-5678"],
      ["FAX 03-1234-5679", "ファックス、03-1234-5679"],
      ["電話:0120-95-0178", "電話、0120-95-0178"],
    ],
  },
  {
    id: "hh-mm",
    why: "12:30 is read as two bare numbers; say it as a time",
    apply: (t) =>
      t.replace(new RegExp(`(?<![0-9:])([01]?${D}|2[0-4]):([0-5]${D})(?![0-9:])`, "g"), (_m, h, m) => `${Number(h)}時${Number(m)}分`),
    examples: [
      ["12:30", "12時30分"],
      ["8:05から", "8時5分から"],
      ["9:00〜17:00", "9時0分〜17時0分"],
    ],
  },
  {
    id: "zero-minutes",
    why: "20時00分 is read ニジュウジ ゼロゼロフン; a person says 20時",
    apply: (t) => t.replace(/([0-9]{1,2}時)0{1,2}分/g, "$1").replace(/([0-9]{1,2}時)0([1-9]分)/g, "$1$2"),
    examples: [
      ["20時00分", "20時"],
      ["9時0分", "9時"],
      ["9時05分", "9時5分"],
      ["9時30分", "9時30分"],
    ],
  },
  {
    id: "era-abbreviation",
    why: "H29.3 is read エイチ ニジュウキュウ テン サン; it means 平成29年3月",
    apply: (t) =>
      t.replace(
        /(?<![A-Za-z0-9])([HRS])([0-9]{1,2})\.([0-9]{1,2})(?:\.([0-9]{1,2}))?(?![0-9.])/g,
        (_m, era: string, y: string, mo: string, d?: string) => {
          const name = { H: "平成", R: "令和", S: "昭和" }[era];
          return `${name}${Number(y)}年${Number(mo)}月${d ? `${Number(d)}日` : ""}`;
        },
      ),
    examples: [
      ["ロードマップ(H29.3)", "ロードマップ(平成29年3月)"],
      ["R3.10.1現在", "令和3年10月1日現在"],
      ["ISO 9.5", "ISO 9.5"],
    ],
  },
  {
    id: "first-day",
    why: "a date 1日 (the first of the month) is ついたち; Open JTalk says イチニチ when no month precedes it",
    apply: (t) =>
      t.replace(
        new RegExp(`(?<![0-9０-９.,年月])(毎月)?1日(?=\\s*(?:[〜～]|から|まで|付|号|[（(][${WEEKDAYS}]))`, "g"),
        (_m, every) => `${every ?? ""}ツイタチ`,
      ),
    examples: [
      ["1日から10日まで", "ツイタチから10日まで"],
      ["毎月1日から", "毎月ツイタチから"],
      ["1日(月)", "ツイタチ(月)"],
      ["1日3回", "1日3回"],
      ["3月1日から", "3月1日から"],
    ],
  },
  {
    id: "range",
    why: "〜 between numbers, dates or times is read as a pause; a person says から (and まで after a time)",
    apply: (t) =>
      t.replace(/(?<=[0-9時分日月年円歳]|ツイタチ)\s*〜\s*(?=[0-9])([0-9]{1,2}時(?:[0-9]{1,2}分)?(?![0-9分]|まで))?/g, (_m, endTime) =>
        endTime ? `から${endTime}まで` : "から",
      ),
    examples: [
      ["9時30分〜20時", "9時30分から20時まで"],
      ["9時〜17時まで", "9時から17時まで"],
      ["9時〜17時30分まで", "9時から17時30分まで"],
      ["1日〜10日", "1日から10日"],
      ["10〜20人", "10から20人"],
      ["令和3年4月〜令和4年3月", "令和3年4月〜令和4年3月"],
    ],
  },
  {
    id: "range-era",
    why: "a range whose end starts with an era name (令和, 平成) is still a range",
    apply: (t) => t.replace(/(?<=[0-9時分日月年])\s*〜\s*(?=令和|平成|昭和)/g, "から"),
    examples: [["令和3年4月〜令和4年3月", "令和3年4月から令和4年3月"]],
  },
  {
    id: "dash",
    why: "a wave dash used as a separator between words is a pause",
    apply: (t) => t.replace(/\s*〜\s*/g, "、"),
    examples: [["行政の効率化〜手続きをムダなく", "行政の効率化、手続きをムダなく"]],
  },
  {
    id: "weekday-list",
    why: "土・日・祝 is read ツチ・ニチ・イワイ; say the days in full",
    apply: (t) =>
      t.replace(
        new RegExp(`(?<![${WEEKDAYS}祝曜年生])([${WEEKDAYS}])(?:[・、]?([${WEEKDAYS}]))*(?:[・、]?(祝)日?)?(?![${WEEKDAYS}曜])`, "g"),
        (m: string) => {
          const days = [...m.replace(/[・、]|(?<=祝)日$/g, "")];
          // A lone 月 or 日 is an ordinary word or a date, and 月日 is part of 生年月日: only lists written with ・,
          // or holding 土 or 祝, are weekdays.
          if (days.length < 2 && !days.includes("祝")) return m;
          if (!m.includes("・") && !days.includes("土") && !days.includes("祝")) return m;
          if (new Set(days).size !== days.length) return m;
          return days.map((d) => WEEKDAY_NAME[d]).join("、");
        },
      ),
    examples: [
      ["土・日・祝日", "土曜日、日曜日、祝日"],
      ["土日祝 9時", "土曜日、日曜日、祝日 9時"],
      ["土日", "土曜日、日曜日"],
      ["月・水・金", "月曜日、水曜日、金曜日"],
      ["毎月", "毎月"],
      ["生年月日", "生年月日"],
      ["月日", "月日"],
      ["3月1日", "3月1日"],
    ],
  },
  {
    id: "weekday-paren",
    why: "a weekday in brackets after a date, （月）, is read as the bare character",
    apply: (t) => t.replace(new RegExp(`[（(]([${WEEKDAYS}]|祝)[）)]`, "g"), (_m, d) => WEEKDAY_NAME[d]),
    examples: [
      ["4月1日(月)", "4月1日月曜日"],
      ["5月3日（祝）", "5月3日祝日"],
    ],
  },
  {
    id: "note-mark",
    why: "※ is silent in Open JTalk; a numbered note is announced, a bare one is a pause",
    apply: (t) =>
      t
        .replace(/※\s*([0-9]+)\s*/g, "注$1、")
        .replace(/(?<=^|[。、!?(（])\s*※\s*/gm, "")
        .replace(/\s*※\s*/g, "、"),
    examples: [
      ["※1 土日は休みです", "注1、土日は休みです"],
      ["※年末年始を除く", "年末年始を除く"],
      ["受付時間※", "受付時間、"],
      ["見せるのじゃ。※その際", "見せるのじゃ。その際"],
      ["センター (※封筒あり)", "センター (封筒あり)"],
    ],
  },
  {
    id: "english-text",
    why: "Open JTalk spells English words it does not know letter by letter; a sentence in English is announced, not spelled",
    apply: (t) => t.replace(/[A-Za-z][A-Za-z'’-]*(?:[ ,./:]+[A-Za-z][A-Za-z'’-]*){2,}[.]?/g, "英文省略"),
    examples: [
      ["English: This telephone number is toll-free.", "英文省略"],
      ["(マイナンバー制度について / Inquiries about Social Security and Tax Number System)", "(マイナンバー制度について / 英文省略)"],
      ["IP電話", "IP電話"],
    ],
  },
  {
    id: "standard-number",
    why: "ISO/IEC 15408 is read as fifteen thousand four hundred and eight; standard numbers are said digit by digit",
    apply: (t) =>
      t.replace(/(?<=(?:ISO|IEC|JIS\s?[A-Z])\s?)([0-9]{3,6})/g, (digits: string) => [...digits].map((d) => DIGIT_KANA[Number(d)]).join("")),
    examples: [
      ["ISO/IEC 15408認証", "ISO/IEC イチゴーヨンゼロハチ認証"],
      ["JIS X 0208", "JIS X ゼロニーゼロハチ"],
    ],
  },
  {
    id: "reference-number",
    why: "a long number without separators (整理番号123456789013) is read as a quantity (千二百三十四億…); reference numbers and IDs are said digit by digit, four at a time",
    apply: (t) =>
      t
        .replace(/(?<=(?:番号|ID|No\.?|記号)[:：]?\s*)([0-9]{2,4})(?![0-9,.])/g, (d: string) => digitByDigit(d))
        .replace(/(?<![0-9,.])([0-9]{5,})(?![0-9,.]|\s*(?:円|人|件|個|枚|世帯|歳|倍|回|万|億|%|％|kg|km|g|m))/g, (d: string) =>
          digitByDigit(d),
        ),
    examples: [
      ["整理番号123456789013", "整理番号イチニーサンヨン、ゴーロクナナハチ、キューゼロイチサン"],
      ["受付番号12345です", "受付番号イチニーサンヨン、ゴーです"],
      ["ID 0521", "ID ゼロゴーニーイチ"],
      ["12345人", "12345人"],
      ["2021年", "2021年"],
    ],
  },
  {
    id: "abbreviation",
    why: "letters in names like J-LIS and e-Tax are read one by one; say them as people do",
    apply: (t) => t.replace(ABBREVIATION_PATTERN, (m) => ABBREVIATION_READING.get(m.toLowerCase()) ?? m),
    examples: [
      ["J-LIS", "ジェイリス"],
      ["e-Taxで申告", "イータックスで申告"],
      ["ICチップ", "アイシーチップ"],
      ["ATMやSNS、ID、PDF、DV", "エーティーエムやエスエヌエス、アイディー、ピーディーエフ、ディーブイ"],
      ["IDEA", "IDEA"],
    ],
  },
  {
    id: "marks",
    why: "list marks and decorative symbols are not words",
    apply: (t) =>
      t
        .replace(/^[\s○●◎■□◆◇▶▷・]+/gm, "")
        .replace(/〒\s*/g, "郵便番号、")
        .replace(/(?<=[\u3040-\u9fff]):\s*/g, "、")
        .replace(/[「」『』【】]/g, " "),
    examples: [
      ["○ 住民票の写し", "住民票の写し"],
      ["〒272-8501", "郵便番号、272-8501"],
      ["受付時間: 平日", "受付時間、平日"],
      ["「マイナポータル」", " マイナポータル "],
    ],
  },
  {
    id: "suffix-space",
    why: "a blank before 等 makes Open JTalk read it as the name ヒトシ; 等 belongs to the word before it",
    apply: (t) => t.replace(/(?<=[^\s、。])[ \t\u3000]+(?=等)/g, ""),
    examples: [
      ["電子証明書 等)", "電子証明書等)"],
      ["住民票等", "住民票等"],
    ],
  },
  {
    id: "spaces",
    // Text here may be a piece of a sentence (between two fixed readings): its edges are trimmed by spokenText, not here.
    why: "runs of spaces become one; Open JTalk reads a line, so line breaks become pauses",
    apply: (t) =>
      t
        .replace(/(?<=[。!?！？])\s*\n\s*/g, "")
        .replace(/\s*\n\s*/g, "、")
        .replace(/[ \t\u3000]+/g, " ")
        .replace(/、{2,}/g, "、"),
    examples: [
      ["平日\n土日", "平日、土日"],
      ["見せるのじゃ。\nその際", "見せるのじゃ。その際"],
      ["、所得や資産", "、所得や資産"],
      ["a  b", "a b"],
    ],
  },
];

/** Applies every rule in order: written text in, text for the speech engine out. */
export function normalizeText(text: string, rules: ReadingRule[] = READING_RULES): string {
  let out = text;
  for (const rule of rules) out = rule.apply(out);
  return out;
}
