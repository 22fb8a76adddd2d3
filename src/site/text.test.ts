// How the pages cut text into sentences with the audio's ids, mark English, and show where links go.
import { describe, expect, it } from "vitest";
import { sentenceId } from "../model/sentences.ts";
import type { Inline } from "../model/types.ts";
import { detectedLang, hostOf, isBareUrl, langPieces, linkHostNote, runSentences } from "./text.ts";

const t = (value: string): Inline => ({ type: "text", value });

describe("runSentences", () => {
  it("cuts a run as the speech does and names each sentence with its timing-map id", () => {
    const spans = runSentences("q12", "0", [t("出生届が提出されると、マイナンバーが割り振られます。通知までに1ヶ月程度かかる予定です。")]);
    expect(spans.map((s) => s.id)).toEqual([sentenceId({ unit: "q12", path: "0" }, 0), "q12--0-s1"]);
    expect(spans[1].inlines).toEqual([t("通知までに1ヶ月程度かかる予定です。")]);
  });
  it("marks an English sentence, not a Japanese one with a loanword", () => {
    const spans = runSentences("x", "0", [t("This telephone number is toll-free! ICチップには情報は入っていません。")]);
    expect(spans.map((s) => s.lang)).toEqual(["en", undefined]);
  });
});

describe("detectedLang and langPieces", () => {
  it("takes two Latin words or more, with no kana or kanji, as English", () => {
    expect(detectedLang("Inquiries about Notification Card")).toBe("en");
    expect(detectedLang("English")).toBeUndefined();
    expect(detectedLang("e-Tax")).toBeUndefined();
    expect(detectedLang("ISO／IEC15408の認証")).toBeUndefined();
  });
  it("leaves a run the author marked alone", () => {
    expect(detectedLang("Inquiries about it", [{ type: "foreign", lang: "en", children: [t("Inquiries about it")] }])).toBeUndefined();
  });
  it("finds English phrases of three words or more inside Japanese text", () => {
    expect(langPieces("（マイナンバー制度について / Inquiries about Social Security and Tax Number System）")).toEqual([
      { text: "（マイナンバー制度について / " },
      { text: "Inquiries about Social Security and Tax Number System", lang: "en" },
      { text: "）" },
    ]);
    expect(langPieces("This telephone number is toll-free.")).toEqual([{ text: "This telephone number is toll-free.", lang: "en" }]);
    expect(langPieces("PRキャラクターのマイナちゃん")).toEqual([{ text: "PRキャラクターのマイナちゃん" }]);
  });
});

describe("links", () => {
  const link = (url: string, text: string) => ({ url, children: [t(text)] });
  it("knows a bare address from a named link", () => {
    expect(isBareUrl(link("https://www.kojinbangocard.go.jp/kofushinse/", "https://www.kojinbangocard.go.jp/kofushinse/"))).toBe(true);
    expect(isBareUrl(link("https://www.kojinbangocard.go.jp/kofushinse/", "www.kojinbangocard.go.jp/kofushinse"))).toBe(true);
    expect(isBareUrl(link("https://www.kojinbangocard.go.jp/kofushinse/", "申請方法のページ"))).toBe(false);
  });
  it("shows the host after a named link to a web page, and nothing after a bare address or a mail link", () => {
    expect(linkHostNote(link("https://www.kojinbango-card.go.jp/", "マイナンバーカード総合サイト"))).toBe("（www.kojinbango-card.go.jp）");
    expect(linkHostNote(link("https://www.kojinbango-card.go.jp/", "https://www.kojinbango-card.go.jp/"))).toBeUndefined();
    expect(linkHostNote(link("mailto:a@example.jp", "メール"))).toBeUndefined();
    expect(hostOf("not a url")).toBeUndefined();
  });
});
