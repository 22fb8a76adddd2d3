// Fault injection, content: what a city hall's PC and a hurried author produce. Every case is a located error or
// warning from `leaflet check`, content/ is never changed, and nothing outside content/ gets in.
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { loadSite } from "../../src/content/load.ts";
import { captureIO, fingerprint, scratchProjects } from "../helpers.ts";

const project = scratchProjects();
/** Files a test puts beside its scratch project (outside content/, on purpose); removed after each test. */
const outside: string[] = [];
afterEach(() => {
  for (const f of outside.splice(0)) rmSync(f, { force: true });
});

const HEADER = "---\ntitle: テストの案内\nsummary: テストです。\ndate: 2024-04-01\nsource: テスト市作成\n---\n\n";

/** A scratch project with one more leaflet; `leaflet check` on it; content/ must come out unchanged. */
async function check(
  files: Record<string, string | Buffer>,
  setup?: (root: string) => void,
): Promise<{ code: number; err: string; root: string }> {
  const root = project();
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), body);
  }
  setup?.(root);
  const before = fingerprint(path.join(root, "content"));
  const io = captureIO();
  const code = await main(["check"], io, root);
  expect(fingerprint(path.join(root, "content"))).toBe(before);
  return { code, err: io.err(), root };
}

const image = (rel: string) => `${HEADER}## 画像 {#img}\n\n![カードの写真](${rel})\n`;

describe("files from outside content/", () => {
  it("an absolute image path is refused", async () => {
    const r = await check({ "content/leaflets/x.md": image("/usr/share/pixmaps/debian-logo.png") });
    expect(r.code).toBe(1);
    expect(r.err).toContain("content/leaflets/x.md:10:1 error: the image path 「/usr/share/pixmaps/debian-logo.png」 is absolute");
  });

  it("a path that climbs out with ../.. is refused, even to a real PNG", async () => {
    let name = "";
    const r = await check({}, (root) => {
      name = `${path.basename(root)}-escaped.png`;
      copyFileSync(path.join(root, "content/images/card.png"), path.join(root, "..", name));
      outside.push(path.join(root, "..", name));
      writeFileSync(path.join(root, "content/leaflets/x.md"), image(`../../../${name}`));
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`content/leaflets/x.md:10:1 error: the image 「../../../${name}」 is outside content/`);
  });

  it("a symlink pointing out of the project is refused, even to a real PNG", async () => {
    const r = await check({ "content/leaflets/x.md": image("../images/linked.png") }, (root) => {
      const elsewhere = path.join(root, "..", `${path.basename(root)}-outside.png`);
      copyFileSync(path.join(root, "content/images/card.png"), elsewhere);
      outside.push(elsewhere);
      symlinkSync(elsewhere, path.join(root, "content/images/linked.png"));
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain("is outside content/");
  });

  it("a leaflet file that is a link to a file outside content/ is not read", async () => {
    const r = await check({}, (root) => {
      writeFileSync(path.join(root, "..", `${path.basename(root)}-secret.md`), `${HEADER}秘密の文書です。\n`);
      outside.push(path.join(root, "..", `${path.basename(root)}-secret.md`));
      symlinkSync(path.join(root, "..", `${path.basename(root)}-secret.md`), path.join(root, "content/leaflets/secret.md"));
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain("content/leaflets/secret.md:1:1 error: content/leaflets/secret.md leads outside content/");
  });

  it.each([
    ["a text file named .png", "not an image at all\n", "is not a PNG or JPEG image, whatever its name says"],
    ["a 0-byte .png", "", "is empty (0 bytes)"],
  ])("%s fails the check with its place", async (_what, bytes, message) => {
    const r = await check({ "content/leaflets/x.md": image("../images/bad.png"), "content/images/bad.png": bytes });
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `content/leaflets/x.md:10:1 error: the file 「../images/bad.png」`.replace(
        "the file",
        r.err.includes("empty") ? "the image file" : "the file",
      ),
    );
    expect(r.err).toContain(message);
  });

  it("a % in an image path is an error, not a crash", async () => {
    const r = await check({ "content/leaflets/x.md": image("../images/100%.png") });
    expect(r.code).toBe(1);
    expect(r.err).toContain("content/leaflets/x.md:10:1 error: the image file 「../images/100%.png」 was not found");
  });

  it("two images with the same name in different folders are published under different names", async () => {
    const root = project();
    mkdirSync(path.join(root, "content/images/2024"), { recursive: true });
    copyFileSync(path.join(root, "content/images/card.png"), path.join(root, "content/images/2024/card.png"));
    writeFileSync(
      path.join(root, "content/leaflets/x.md"),
      `${HEADER}![古いカード](../images/card.png)\n\n![新しいカード](../images/2024/card.png)\n`,
    );
    const { site } = await loadSite(root);
    const names = site?.leaflets.find((l) => l.slug === "x")?.body.map((b) => (b.type === "image" ? b.name : ""));
    expect(names).toEqual(["card.png", "images--2024--card.png"]);
  });
});

describe("the My Number guard, however the number is written", () => {
  const cases: [string, string][] = [
    ["split by a line break", "番号は1234\n5678 9018です。"],
    ["mixed separators", "番号は1234-5678 9018です。"],
    ["middle dots and full stops", "番号は1234・5678．9018です。"],
    ["long vowel marks", "番号は1234ー5678ー9018です。"],
    ["minus signs", "番号は1234−5678−9018です。"],
    ["en dashes", "番号は1234–5678–9018です。"],
    ["two spaces", "番号は1234  5678  9018です。"],
    ["full-width digits", "番号は１２３４５６７８９０１８です。"],
    ["bold markup", "番号は**1234**5678 9018です。"],
    ["character references", "番号は&#49;&#50;&#51;&#52;-5678-9018です。"],
    ["backslash escapes", "番号は1234\\-5678\\-9018です。"],
    ["a reading", "番号は{1234|いちにさんよん}-5678-9018です。"],
    ["zero-width spaces", "番号は1234\u200b5678\u200b9018です。"],
    ["a table", ":::table[番号]\n| 前 | 中 | 後 |\n|---|---|---|\n| 1234 | 5678 | 9018 |\n:::"],
  ];
  it.each(cases)("%s is refused", async (_what, body) => {
    const r = await check({ "content/leaflets/x.md": `${HEADER}${body}\n` });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/content\/leaflets\/x\.md:\d+:\d+ error: .*(looks like a real My Number|holds what looks like a real My Number)/);
  });

  it("a number whose check digit is wrong (an example) is allowed", async () => {
    const r = await check({ "content/leaflets/x.md": `${HEADER}例：1234 5678 9012（本物ではありません）。\n` });
    expect(r.code).toBe(0);
  });
});

describe("links", () => {
  it.each(["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "other.md"])("[x](%s) is an error", async (url) => {
    const r = await check({ "content/leaflets/x.md": `${HEADER}[詳しく](${url})ご覧ください。\n` });
    expect(r.code).toBe(1);
    expect(r.err).toContain("is not a web page, e-mail address or phone number");
  });
});

describe("encodings and platforms", () => {
  it("a Shift_JIS leaflet is read as Shift_JIS, with a warning naming it; the title is not garbled", async () => {
    // 「テストの案内」 and the body in Shift_JIS, written byte by byte (Node cannot encode Shift_JIS).
    const bytes = Buffer.concat([
      Buffer.from("---\ntitle: "),
      Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x82, 0xcc, 0x88, 0xc4, 0x93, 0xe0]),
      Buffer.from("\nsummary: test\ndate: 2024-04-01\nsource: test\n---\n\n"),
      Buffer.from([0x88, 0xc4, 0x93, 0xe0, 0x82, 0xc5, 0x82, 0xb7, 0x81, 0x42]),
      Buffer.from("\n"),
    ]);
    const r = await check({ "content/leaflets/x.md": bytes });
    expect(r.code).toBe(0);
    expect(r.err).toContain("content/leaflets/x.md:1:1 warning: the file is saved as Shift_JIS, not UTF-8; it was read as Shift_JIS");
    const { site } = await loadSite(r.root);
    expect(site?.leaflets.find((l) => l.slug === "x")?.title).toBe("テストの案内");
  });

  it("a file in no known encoding is refused with the command that converts it", async () => {
    const r = await check({
      "content/leaflets/x.md": Buffer.concat([Buffer.from(HEADER), Buffer.from([0xff, 0xfd, 0x80, 0x81, 0xa0, 0xe0])]),
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain("content/leaflets/x.md:1:1 error: the file is neither UTF-8 nor Shift_JIS");
    expect(r.err).toContain("iconv -f SHIFT_JIS -t UTF-8");
  });

  it("a UTF-16 file from a Windows editor is read, with a warning", async () => {
    const text = `\ufeff${HEADER}本文です。\n`;
    const r = await check({ "content/leaflets/x.md": Buffer.from(text, "utf16le") });
    expect(r.code).toBe(0);
    expect(r.err).toContain("it was read as UTF-16LE");
  });

  it("a full-width colon and a full-width indent in the header are named", async () => {
    const r = await check({
      "content/leaflets/x.md":
        "---\ntitle：テストの案内\nsummary: テストです。\ndate: 2024-04-01\nsource: テスト市作成\nspeakers:\n　- id: mina\n    name: マイナちゃん\n---\n\n本文です。\n",
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain("content/leaflets/x.md:2:6 error: the colon after 「title」 is a full-width colon (：)");
    expect(r.err).toContain("content/leaflets/x.md:7:1 error: the line is indented with a full-width space (　)");
  });

  it("x.md.txt is reported as skipped, x.MD is read", async () => {
    const r = await check({
      "content/leaflets/notes.md.txt": `${HEADER}本文です。\n`,
      "content/leaflets/upper.MD": `${HEADER}本文です。\n`,
    });
    expect(r.err).toContain("content/leaflets/notes.md.txt:1:1 warning: notes.md.txt is not read: leaflets are files ending in .md");
    const { site } = await loadSite(r.root);
    expect(site?.leaflets.map((l) => l.slug)).toContain("upper");
  });
});

describe("what used to be accepted silently", () => {
  it("an unclosed :::dialogue at the end of the file", async () => {
    const r = await check({
      "content/leaflets/x.md": `${HEADER}:::dialogue\nmina: こんにちは。\n\nこれは地の文です。\n`.replace(
        "source: テスト市作成",
        "source: テスト市作成\nspeakers:\n  - id: mina\n    name: マイナちゃん",
      ),
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain("error: the :::dialogue block is not closed");
  });

  it("a leaflet with a header and nothing else", async () => {
    const r = await check({ "content/leaflets/x.md": HEADER });
    expect(r.code).toBe(1);
    expect(r.err).toContain("content/leaflets/x.md:1:1 error: the leaflet has no text after its header");
  });

  it("a ragged table", async () => {
    const r = await check({
      "content/leaflets/x.md": `${HEADER}:::table[受付]\n| 窓口 | 時間 | 場所 |\n|---|---|---|\n| 本庁 | 9時 |\n:::\n`,
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain("content/leaflets/x.md:11:1 error: row 1 of the table has 2 cells, its header has 3");
  });
});
