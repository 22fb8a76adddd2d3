// The sample content holds the three seed leaflets completely: these facts come from the seeds.
import { describe, expect, it } from "vitest";
import { loadSite } from "../src/content/load.ts";
import type { Block, ContactBlock, DialogueBlock, Inline, Leaflet, Section } from "../src/model/types.ts";
import { blockText, inlineText, listQuestions, listUnits, unitBlocks } from "../src/model/walk.ts";
import { ROOT } from "./helpers.ts";

const { site, diagnostics } = await loadSite(ROOT);

function leaflet(slug: string): Leaflet {
  const found = site?.leaflets.find((l) => l.slug === slug);
  if (!found) throw new Error(`no leaflet ${slug}`);
  return found;
}

function allBlocks(l: Leaflet): Block[] {
  const out: Block[] = [];
  const add = (blocks: Block[]) => {
    for (const b of blocks) {
      out.push(b);
      if (b.type === "list") for (const item of b.items) add(item.children);
    }
  };
  add(l.body.filter((b): b is Block => b.type !== "section" && b.type !== "question"));
  for (const u of listUnits(l)) add(unitBlocks(u));
  return out;
}

function fullText(l: Leaflet): string {
  return (
    allBlocks(l).map(blockText).join("\n") +
    listUnits(l)
      .map((u) => inlineText(u.type === "question" ? u.question : u.title))
      .join("\n")
  );
}

function dialNumbers(l: Leaflet): string[] {
  return allBlocks(l)
    .filter((b): b is ContactBlock => b.type === "contact")
    .flatMap((c) => c.entries.map((e) => e.number).filter((n): n is string => Boolean(n)));
}

describe("sample content", () => {
  it("has no errors, and no warnings but that its information is old (the originals are from 2017 to 2021)", () => {
    expect(diagnostics.filter((d) => !d.message.includes("freshness.warnAfterMonths"))).toEqual([]);
    expect(diagnostics.map((d) => d.file)).toEqual([
      "content/leaflets/card-safety.md",
      "content/leaflets/mynumber-faq.md",
      "content/leaflets/mynumber-misconceptions.md",
    ]);
    expect(site?.leaflets.map((l) => l.slug)).toEqual(["card-safety", "mynumber-faq", "mynumber-misconceptions"]);
  });

  it("every leaflet names its source and the date its information is as of, and claims no issuer or date its original lacks", () => {
    for (const l of site?.leaflets ?? []) {
      expect(l.asOf, l.slug).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(l.source, l.slug).toMatch(/元に作成|出典|より/);
      if (l.issuer === undefined || l.date === undefined) expect(l.source, l.slug).toMatch(/記載(は|が)?(なく|ありません)/);
    }
    const safety = leaflet("card-safety");
    expect([safety.issuer, safety.date]).toEqual([undefined, undefined]);
  });

  it("the city FAQ holds all 62 questions, in order, each answered, as a booklet", () => {
    const faq = leaflet("mynumber-faq");
    const questions = listQuestions(faq);
    expect(questions.map((q) => q.number)).toEqual(Array.from({ length: 62 }, (_, i) => i + 1));
    expect(questions.map((q) => q.id)).toEqual(Array.from({ length: 62 }, (_, i) => `q${i + 1}`));
    expect(faq.layout).toBe("booklet");
    expect(inlineText(questions[0].question)).toBe("マイナンバーって何ですか。");
    expect(inlineText(questions[61].question)).toBe("マイナンバーが漏えいすると、芋づる式に個人情報が漏れるおそれはありませんか。");
    expect(questions.every((q) => q.answer.length > 0)).toBe(true);
    const squash = (s: string) => s.normalize("NFKC").replace(/\s/g, "");
    const text = squash(fullText(faq));
    for (const fact of ["市役所本庁舎と行徳支所の2箇所", "ISO／IEC15408", "レーザーエングレーブ", "0570-783-578", "手数料1,000円"]) {
      expect(text).toContain(squash(fact));
    }
  });

  it("the card-safety leaflet is a dialogue between its two declared characters", () => {
    const card = leaflet("card-safety");
    expect(card.speakers.map((s) => [s.id, s.name])).toEqual([
      ["mina", "マイナちゃん"],
      ["baachan", "マイナンバあちゃん"],
    ]);
    expect(new Set(card.speakers.map((s) => s.pitch)).size).toBe(2);
    const lines = allBlocks(card)
      .filter((b): b is DialogueBlock => b.type === "dialogue")
      .flatMap((d) => d.lines);
    expect(lines.length).toBeGreaterThanOrEqual(15);
    expect(new Set(lines.map((l) => l.speaker))).toEqual(new Set(["mina", "baachan"]));
    expect(lines.map((l) => inlineText(l.children)).join("")).not.toMatch(/じや/);
    const text = fullText(card);
    expect(text).toContain("3年以下の懲役か150万円以下の罰金");
    // The application page is a named link, not a bare address.
    const links: { url: string; text: string }[] = [];
    const visit = (nodes: Inline[]) => {
      for (const n of nodes) {
        if (n.type === "link") links.push({ url: n.url, text: inlineText(n.children) });
        if ("children" in n) visit(n.children);
      }
    };
    for (const b of allBlocks(card)) if (b.type === "paragraph") visit(b.children);
    expect(links).toContainEqual({
      url: "https://www.kojinbangocard.go.jp/kofushinse/",
      text: "マイナンバーカード総合サイトの「申請方法」のページ",
    });
  });

  it("card-safety keeps each of its three questions with its ポイント, as the original pairs them", () => {
    const card = leaflet("card-safety");
    const questions = listQuestions(card);
    expect(questions.map((q) => q.id)).toEqual(["q1", "q2", "q3"]);
    questions.forEach((q, i) => {
      const headings = q.answer.filter((b) => b.type === "heading").map((b) => inlineText((b as { children: Inline[] }).children));
      expect(headings[0], q.id).toMatch(new RegExp(`^ポイント${i + 1}：`));
      // No other question holds this point.
      for (const other of questions.filter((o) => o !== q)) {
        expect(other.answer.some((b) => b.type === "heading" && inlineText(b.children).startsWith(`ポイント${i + 1}：`))).toBe(false);
      }
    });
    // The three questions sit in the section of the original's second page, after its introduction.
    const safety = card.body.find((b) => b.type === "section" && b.id === "safety");
    expect(safety?.type === "section" && safety.children.filter((c) => c.type === "question").length).toBe(3);
  });

  it("the city FAQ groups its questions under six topic sections, in the original order, keeping every id", () => {
    const faq = leaflet("mynumber-faq");
    const sections = faq.body.filter((b): b is Section => b.type === "section");
    expect(sections.map((s) => s.id)).toEqual(["system", "your-number", "cards", "card-procedures", "business", "security"]);
    expect(faq.body.every((b) => b.type === "section")).toBe(true);
    const firsts = sections.map((s) => (s.children.find((c) => c.type === "question") as { number: number }).number);
    expect(firsts).toEqual([1, 11, 19, 27, 47, 55]);
    expect(faq.source).toContain("このサイトで付けたもの");
  });

  it("the FAQ's 「お電話でお問い合わせ」 (Q41) gives the number to call, the same as the site's contact", () => {
    const q41 = listQuestions(leaflet("mynumber-faq")).find((q) => q.number === 41);
    const phones = (q41?.answer ?? []).filter((b): b is ContactBlock => b.type === "contact").flatMap((c) => c.entries);
    const number = site?.settings.contact?.phone?.number;
    expect(number).toBeDefined();
    expect(phones.map((e) => e.number)).toContain(number);
  });

  it("the contact boxes carry the real numbers of the seeds", () => {
    expect(dialNumbers(leaflet("mynumber-misconceptions"))).toEqual(
      expect.arrayContaining(["0120-95-0178", "050-3818-1250", "0120-0178-26", "050-3816-9405", "0120-0178-27", "188", "#9110"]),
    );
    expect(dialNumbers(leaflet("card-safety"))).toEqual(
      expect.arrayContaining(["0120-95-0178", "050-3818-1250", "050-3816-9405", "0120-0178-26", "0120-0178-27"]),
    );
    expect(dialNumbers(leaflet("mynumber-faq"))).toEqual(expect.arrayContaining(["0120-95-0178", "0570-783-578"]));
    const hours = allBlocks(leaflet("mynumber-misconceptions"))
      .filter((b): b is ContactBlock => b.type === "contact")
      .flatMap((c) => c.entries.filter((e) => e.kind === "hours").map((e) => e.value));
    expect(hours.join(" ")).toMatch(/平日\s*9時30分～20時00分.*土日祝\s*9時30分～17時30分/);
  });

  it("the national leaflet keeps its six Q&A pairs and mentions its audio edition", () => {
    const national = leaflet("mynumber-misconceptions");
    expect(listQuestions(national).map((q) => q.id)).toEqual(["q1", "q2", "q3", "q4", "q5", "q6"]);
    expect(national.date).toBe("2017-07-27");
    expect(national.issuer).toContain("内閣官房");
    expect(fullText(national)).toContain("音声版");
  });
});
