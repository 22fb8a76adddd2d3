// Stage 1b of the translator: word spacing (分かち書き, 点訳のてびき 第4版 第3章) and the blanks around marks.
// The rules work on the parts of speech of the shared analysis (NAIST-JDIC, IPADIC-style tags).
import type { Morph } from "./units.ts";

const HONORIFIC_SUFFIX = new Set(["さん", "様", "さま", "君", "くん", "ちゃん", "殿", "氏", "先生"]);
const ATTACHED_ADJECTIVES = new Set(["やすい", "にくい", "づらい", "がたい", "っぽい"]);
/** Prefixes the てびき lets stand apart before a word of their own (反 シャカイテキ, 旧 リクグン, 要 トイアワセ). */
const SEPARABLE_PREFIXES = new Set(["反", "旧", "前", "元", "要", "各", "全", "現", "故", "約", "満"]);
/** Contracted auxiliaries that stay joined (持ち歩いてても, 見ちゃう, 書いとく). */
const CONTRACTED = new Set(["てる", "でる", "ちゃう", "じゃう", "とく", "どく"]);
/** Nouns after a number that stand apart as words of their own (3サイ ミマン, 65サイ イジョー). */
const APART_AFTER_COUNT = new Set(["以上", "以下", "以内", "以外", "以降", "以前", "未満", "程度", "前後"]);
/** Place suffix + common noun written as one word by the dictionary: 市役所 after a place name is シ ヤクショ. */
const OFFICE = /^([市区町村県都府道])(役所|役場|庁舎|議会|長)$/;

/** Morae of kana: small kana do not count; digits count one each (a number is read with at least that many). */
export function mora(kana: string): number {
  return [...kana].filter((c) => /[ァ-ヶー0-9A-Za-z]/.test(c) && !"ァィゥェォャュョヮ".includes(c)).length;
}

function isNounLike(m: Morph): boolean {
  if (m.kind === "number") return true;
  if (m.kind !== "word") return false;
  if (m.pos === "接頭詞") return true;
  return m.pos === "名詞" && m.pos1 !== "非自立" && m.pos1 !== "代名詞";
}

function isKatakanaWord(m: Morph | undefined): boolean {
  return !!m && m.kind === "word" && /^[ァ-ヶー]+$/.test(m.surface);
}

/** A 2字漢語 counts as a meaning unit of three morae even when it has two (ボシ ケンコー テチョー). */
function unitMora(m: Morph): number {
  if (m.unitMora !== undefined) return m.unitMora;
  if (/^[\u3400-\u9fff]{2}$/.test(m.surface) && m.pos1 !== "接尾") return Math.max(3, mora(m.kana));
  return mora(m.kana);
}

/** Whether a blank goes between the previous unit and this one. `wordMora` is the morae since the last blank. */
export function spaceBefore(prev: Morph, cur: Morph, wordMora: number, prevPrev?: Morph): boolean {
  if (cur.forceSpace) return true;
  if (cur.kind === "url" || cur.kind === "phrase") return true;
  if (prev.kind === "url" || prev.kind === "phrase") return true;
  if (cur.kind === "latin") {
    // Letters after a number are its unit (5kg, 1F); after kana they start a word (ナンcm is one word).
    if (prev.kind === "number") return false;
    if (prev.pos === "接頭詞" || prev.surface === "何") return false;
    return true;
  }
  if (prev.kind === "latin") {
    // One letter and a kana word are one word (Tシャツ, Bガタ); a word of letters stands apart (PDF ファイル, PDF デ).
    if (/^[A-Za-z]$/.test(prev.surface) && cur.kind === "word" && cur.pos !== "助詞" && cur.pos !== "助動詞") return false;
    if (cur.kind === "number") return !/\.$/.test(prev.surface) ? !/^[A-Za-z]+$/.test(prev.surface) : true;
    return true;
  }
  if (cur.kind === "number") {
    if (prev.pos === "接頭詞") return SEPARABLE_PREFIXES.has(prev.surface) && (prev.surface === "約" || prev.surface === "満");
    return !(prev.kind === "word" && prev.pos === "名詞" && prev.pos1 === "数");
  }
  if (APART_AFTER_COUNT.has(cur.surface)) return true;
  if (prev.kind === "number") {
    // After letters and a number (A4) a word stands apart, as after letters.
    if (prevPrev?.kind === "latin" && cur.kind === "word") return true;
    // A noun right after a number is its counter or unit (2シュルイ, 3カショ); 以上 and the like stand apart.
    if (cur.pos === "名詞") {
      if (cur.pos1 === "接尾") return false;
      if (cur.pos1 === "非自立" || cur.pos1 === "代名詞" || cur.pos1 === "副詞可能") return true;
      // A verbal noun after a number is a word of its own (15408 ニンショー); 時間 連休 and the like are its unit.
      return cur.pos1 === "サ変接続" && mora(cur.kana) >= 3 && /^[\u3400-\u9fff]{2,}$/.test(cur.surface);
    }
    return !(cur.pos === "助詞" || cur.pos === "助動詞");
  }
  if (prev.pos === "接頭詞") {
    // A prefix joins, but one that stands for a word of its own stands apart before a full word (ゼン シチョー).
    return SEPARABLE_PREFIXES.has(prev.surface) && cur.pos === "名詞" && unitMora(cur) >= 3 && !prevPrev?.surface.endsWith("第");
  }
  switch (cur.pos) {
    case "助詞":
      return false;
    case "助動詞":
      // ある after で is the auxiliary verb, written apart (ツーチデ アル).
      if (cur.basic === "ある") return true;
      // ない after a particle or an adjective is the auxiliary adjective: デワ ナイ, ヨク ナイ.
      return cur.basic === "ない" && (prev.pos === "助詞" || prev.pos === "形容詞");
    case "動詞":
      if (cur.pos1 === "接尾") return false;
      if (cur.pos1 === "非自立") return !CONTRACTED.has(cur.basic);
      // する after a noun is written apart, except after a one-kanji word (カンスル).
      if ((cur.basic === "する" || cur.basic === "できる") && prev.pos === "名詞") return !/^[\u3400-\u9fff]$/.test(prev.surface);
      return true;
    case "形容詞":
      if (cur.pos1 === "接尾") return false;
      if (cur.pos1 === "非自立") return !ATTACHED_ADJECTIVES.has(cur.basic);
      return true;
    case "名詞": {
      if (cur.pos1 === "非自立") {
        // 準体助詞の (スルノワ) and the auxiliary stems よう, みたい attach; formal nouns (コト, モノ, タメ) stand apart.
        if (cur.pos2 === "助動詞語幹" || cur.pos2 === "形容動詞語幹") return false;
        return !(cur.basic === "の" || cur.basic === "ん");
      }
      if (cur.pos1 === "特殊") return false;
      if (cur.pos1 === "接尾") {
        // After an address unit (区, 市) or a counter (1条) the next place name stands apart.
        // A suffix of three morae or more after a full word stands apart (テンニュー トドケ).
        if (
          cur.pos2 === "一般" &&
          /^[\u3400-\u9fff]+$/.test(cur.surface) &&
          mora(cur.kana) >= 3 &&
          wordMora >= 3 &&
          !APART_AFTER_COUNT.has(cur.surface)
        )
          return true;
        // Honorifics and titles after a name stand apart (ヤマダ サン, モリタ チジ); 等 トー stands apart.
        if (HONORIFIC_SUFFIX.has(cur.basic) && (prev.pos2 === "人名" || prev.unitMora !== undefined || isKatakanaWord(prev))) return true;
        if (cur.surface === "等" && cur.kana === "トー") return true;
        return false;
      }
      if (!isNounLike(prev)) return true;
      // After an address unit (区, 町) or a numbered unit (1条) the next name stands apart (チューオーク キタ).
      if (prev.pos1 === "接尾" && (prev.pos2 === "地域" || prev.pos2 === "助数詞") && cur.pos1 !== "接尾") return true;
      // Surname and given name are written apart; so is a title after a name (モリタ チジ).
      if (prev.pos2 === "人名" && (cur.pos2 === "人名" || /^[\u3400-\u9fff]{2}$/.test(cur.surface))) return true;
      // A place name and a common noun: ヨコハマシ ヤクショ (the office word was split before).
      if (prev.pos2 === "地域" && cur.pos2 !== "地域" && wordMora >= 3 && unitMora(cur) >= 3) return true;
      // Compounds: split between meaning units of three or more morae; shorter units stay joined.
      return wordMora >= 3 && unitMora(cur) >= 3;
    }
    default:
      return true;
  }
}

/** Splits 市役所 after a place name into 市 (joined to the name) and 役所, so the name and the office stand apart. */
export function splitOffices(units: Morph[]): void {
  for (let i = 1; i < units.length; i++) {
    const m = OFFICE.exec(units[i].surface);
    if (!m || units[i - 1].pos2 !== "地域") continue;
    const u = units[i];
    const head = u.kana.slice(0, 1);
    units.splice(
      i,
      1,
      { ...u, surface: m[1], kana: head, pos1: "接尾", pos2: "地域" },
      { ...u, surface: m[2], kana: u.kana.slice(1), pos1: "一般", pos2: "*" },
    );
  }
}

const OPENING = new Set(["「", "『", "（", "〔", "⦅", "〈", "【"]);
const CLOSING = new Set(["」", "』", "）", "〕", "⦆", "〉", "】"]);

/** Joins units into the spaced-kana line: blanks between words, and after marks as the rules say. */
export function joinUnits(units: Morph[]): string {
  chooseBrackets(units);
  let out = "";
  let prev: Morph | undefined;
  let prevPrev: Morph | undefined;
  let wordMora = 0;
  // Blanks demanded by a mark, written only if more text follows.
  let pendingBlank = 0;
  let afterClosing = false;
  const write = (kana: string, blankBefore: number, unit?: Morph) => {
    const blanks = out === "" ? 0 : Math.max(blankBefore, pendingBlank);
    out += " ".repeat(blanks) + kana;
    pendingBlank = 0;
    if (blanks > 0) wordMora = 0;
    wordMora += unit ? unitMora(unit) : mora(kana);
  };
  for (let i = 0; i < units.length; i++) {
    const cur = units[i];
    if (cur.kind === "space") {
      if (out !== "") pendingBlank = Math.max(pendingBlank, 1);
      prev = undefined;
      continue;
    }
    if (cur.kind === "punct") {
      for (const mark of cur.kana) {
        if (OPENING.has(mark)) {
          // Brackets annotate the word before them; quotes start a new word.
          const attach = (mark === "（" || mark === "〔" || mark === "⦅") && prev !== undefined && pendingBlank === 0 && !afterClosing;
          write(mark, attach || /[「『（〔⦅〈【]$/.test(out) ? 0 : 1);
          wordMora = 0;
          afterClosing = false;
        } else if (CLOSING.has(mark)) {
          out = out.replace(/ +$/, "") + mark;
          pendingBlank = 0;
          afterClosing = true;
        } else if (mark === "・") {
          // Between katakana words the 中点 is left out and a blank used instead.
          if (isKatakanaWord(prev) && isKatakanaWord(units[i + 1])) pendingBlank = 1;
          else {
            out += mark;
            pendingBlank = 1;
          }
          afterClosing = false;
        } else if (mark === "。" || mark === "？" || mark === "！") {
          out += mark;
          // Inside the flow of a sentence (after an interjection) one blank; a particle attaches (マサカ！ト).
          const next = units[i + 1];
          pendingBlank = mark !== "。" && (prev?.pos === "感動詞" || next?.pos === "助詞") ? (next?.pos === "助詞" ? 0 : 1) : 2;
          if (mark !== "。" && next?.pos === "助詞") {
            afterClosing = false;
            prev = cur;
            continue;
          }
          afterClosing = false;
        } else if (mark === "、" || mark === "※") {
          out += mark;
          pendingBlank = 1;
          afterClosing = false;
        } else if (mark === "：") {
          // The てびき has no colon for Japanese text: a label's colon becomes two blanks.
          out = out.replace(/ +$/, "");
          pendingBlank = 2;
          afterClosing = false;
        } else if (mark === "〜" || mark === "／" || mark === "-") {
          // Ranges and slashes are written without blanks.
          out = out.replace(/ +$/, "") + mark;
          pendingBlank = 0;
          afterClosing = false;
          prev = { ...cur, kind: "punct", kana: mark };
          wordMora = 0;
        } else if (mark === "%") {
          out += mark;
          afterClosing = false;
          prev = { ...cur, kind: "number" };
        } else if (mark === "&") {
          write(mark, 1);
          pendingBlank = 1;
          afterClosing = false;
        } else if (mark === "#") {
          write(mark, 1);
          prev = { ...cur, kind: "punct" };
        } else {
          // …, →: a blank each side.
          write(mark, 1);
          pendingBlank = 1;
          afterClosing = false;
        }
      }
      if (cur.kana !== "" && !CLOSING.has(cur.kana.at(-1) ?? "")) prev = undefined;
      continue;
    }
    let blank = 0;
    if (afterClosing) {
      // After a closing bracket: a particle attaches; another word follows after one blank.
      blank = cur.pos === "助詞" || cur.pos === "助動詞" ? 0 : 1;
      afterClosing = false;
    } else if (prev === undefined && pendingBlank === 0 && /[〜／#%-]$/.test(out)) {
      blank = 0;
    } else if (prev && spaceBefore(prev, cur, wordMora, prevPrev)) {
      blank = 1;
    }
    if (/[「『（〔⦅〈【]$/.test(out)) blank = 0;
    if (/[〜／-]$/.test(out) && pendingBlank === 0) blank = 0;
    write(cur.kana, blank, cur);
    prevPrev = prev;
    prev = cur;
  }
  return out.replace(/ +$/, "");
}

/** Picks the braille bracket for each printed one: nested （ → 二重カッコ ⦅⦆; 【】 → 第1カギ, or 第2カギ 〈〉 beside a 「」. */
function chooseBrackets(units: Morph[]): void {
  let depth = 0;
  const hasQuote = units.some((u) => u.kind === "punct" && /[「」]/.test(u.kana));
  for (const u of units) {
    if (u.kind !== "punct") continue;
    let k = "";
    for (const c of u.kana) {
      if (c === "（") {
        k += depth > 0 ? "⦅" : "（";
        depth++;
      } else if (c === "）") {
        depth = Math.max(0, depth - 1);
        k += depth > 0 ? "⦆" : "）";
      } else if (c === "【") k += hasQuote ? "〈" : "「";
      else if (c === "】") k += hasQuote ? "〉" : "」";
      else k += c;
    }
    u.kana = k;
  }
}
