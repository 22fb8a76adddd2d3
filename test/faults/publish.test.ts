// Fault injection, what is published: an edition that (by a bug) writes a My Number or an unsafe link is caught by
// reading the built files back, before the swap; the cache never shares storage with dist/ and a damaged entry is
// made again; a failing machine gets one line and its own exit code.
import { readdirSync, readFileSync, statSync, truncateSync } from "node:fs";
import path from "node:path";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { kanaToBraille } from "../../src/braille/writer.ts";
import { main } from "../../src/cli/main.ts";
import type { Renderer } from "../../src/edition/contract.ts";
import { layout } from "../../src/edition/layout.ts";
import { buildSite } from "../../src/pipeline/build.ts";
import { captureIO, fingerprint, scratchProjects } from "../helpers.ts";
import { allWriting } from "./support.ts";

const project = scratchProjects();
const MY_NUMBER = "1234 5678 9018";

async function pdfWith(text: string, link?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  if (link) {
    const annot = doc.context.obj({
      Type: "Annot",
      Subtype: "Link",
      Rect: [20, 90, 200, 115],
      Border: [0, 0, 0],
      A: { S: "URI", URI: PDFString.of(link) },
    });
    page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(annot)]));
  }
  return doc.save();
}

/** A stand-in edition that writes one given file into the build. */
function leaking(kind: "page" | "pdf" | "braille-text", rel: (slug: string) => string, data: () => Promise<Uint8Array | string>): Renderer {
  const edition = kind === "page" ? "site" : kind === "pdf" ? "print" : "braille";
  return {
    edition,
    async render(ctx) {
      for (const l of ctx.leaflets) await ctx.emit({ edition, kind, slug: l.slug }, rel(l.slug), await data());
    },
  };
}

describe("the last look before publishing", () => {
  it.each([
    [
      "a web page's text",
      leaking(
        "page",
        (s) => layout.page(s),
        async () => `<p>番号：${MY_NUMBER.replace(/ /g, "<br>")}</p>`,
      ),
    ],
    [
      "a web page's character references",
      leaking(
        "page",
        (s) => layout.page(s),
        async () => "<p>&#49;&#50;&#51;&#52; 5678 9018</p>",
      ),
    ],
    [
      "a PDF's text",
      leaking(
        "pdf",
        (s) => layout.pdf(s),
        () => pdfWith(`No. ${MY_NUMBER}`),
      ),
    ],
    [
      "the braille numbers",
      leaking(
        "braille-text",
        (s) => layout.brailleText(s),
        async () => `${kanaToBraille("1234")} ${kanaToBraille("5678")} ${kanaToBraille("9018")}\n`,
      ),
    ],
  ])("a My Number in %s stops the build; dist/ stays the last good build", async (_where, renderer) => {
    const root = project();
    expect((await buildSite({ root, renderers: allWriting("good") })).ok).toBe(true);
    const before = fingerprint(path.join(root, "dist"));
    const io = captureIO();
    expect(await main(["build"], io, root, { ...allWriting("new"), [renderer.edition]: renderer })).toBe(4);
    expect(io.err()).toMatch(
      /content\/leaflets\/card-pickup\.md:1:1 error: publish check: the built .* holds a number that looks like a real My Number/,
    );
    expect(io.err()).not.toContain("5678"); // the message never repeats the number
    expect(fingerprint(path.join(root, "dist"))).toBe(before);
  });

  it.each([
    ["javascript:alert(1)", "page"],
    ["data:text/html,<script>alert(1)</script>", "page"],
    ["javascript:alert(1)", "pdf"],
  ] as const)("a %s link in a %s stops the build", async (url, kind) => {
    const root = project();
    const renderer =
      kind === "page"
        ? leaking(
            "page",
            (s) => layout.page(s),
            async () => `<a href="${url}">詳しく</a>`,
          )
        : leaking(
            "pdf",
            (s) => layout.pdf(s),
            () => pdfWith("Details", url),
          );
    const result = await buildSite({ root, renderers: { ...allWriting("new"), [renderer.edition]: renderer } });
    expect(result).toMatchObject({ ok: false, reason: "leak" });
    expect(result.diagnostics.map((d) => d.message).join("\n")).toContain("holds a link that is not a web page");
  });

  it("a number with a wrong check digit is published", async () => {
    const root = project();
    const page = leaking(
      "page",
      (s) => layout.page(s),
      async () => "<p>例：1234 5678 9012</p>",
    );
    expect((await buildSite({ root, renderers: { ...allWriting("new"), site: page } })).ok).toBe(true);
  });
});

describe("the cache", () => {
  it("published MP3s share no storage with the cache, and a damaged cache entry is made again with a warning", async () => {
    const root = project();
    const first = await buildSite({ root, editions: ["audio"] });
    expect(first.ok).toBe(true);
    const dist = path.join(root, "dist");
    const mp3s = readdirSync(path.join(dist, "card-pickup/audio")).filter((n) => n.endsWith(".mp3"));
    expect(mp3s.length).toBeGreaterThan(2);
    for (const n of mp3s) expect(statSync(path.join(dist, "card-pickup/audio", n)).nlink).toBe(1);
    const published = Object.fromEntries(mp3s.map((n) => [n, readFileSync(path.join(dist, "card-pickup/audio", n))]));

    // Damage every cached unit: half of each file is lost, as on a full disk or a killed copy.
    const units = path.join(root, ".cache/audio/units");
    const cached = readdirSync(units, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".mp3"));
    for (const e of cached) {
      const file = path.join(e.parentPath, e.name);
      truncateSync(file, Math.floor(statSync(file).size / 2));
    }
    const warnings: string[] = [];
    const second = await buildSite({ root, editions: ["audio"], log: { progress() {}, info() {}, warn: (m) => warnings.push(m) } });
    expect(second.ok).toBe(true);
    expect(warnings.filter((w) => w.includes("was damaged and is made again")).length).toBe(cached.length);
    for (const n of mp3s) expect(readFileSync(path.join(dist, "card-pickup/audio", n)).equals(published[n]), n).toBe(true);
  });
});

describe("when the machine fails", () => {
  const failing = (error: Error): Renderer => ({
    edition: "print",
    async render() {
      throw error;
    },
  });

  it("a full disk gives one line with the file and what to do, exit 6, no stack trace", async () => {
    const root = project();
    const full = Object.assign(new Error("ENOSPC: no space left on device, write '/srv/dist.tmp/x.pdf'"), {
      code: "ENOSPC",
      path: "/srv/dist.tmp/x.pdf",
    });
    const io = captureIO();
    expect(await main(["build"], io, root, { ...allWriting("x"), print: failing(full) })).toBe(6);
    expect(io.err()).toContain("error: /srv/dist.tmp/x.pdf: no space left on device");
    expect(io.err()).toContain("hint: the disk is full");
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it("a bug gives one line without --debug and the stack with it", async () => {
    const root = project();
    const bug = () => failing(new TypeError("Cannot read properties of undefined (reading 'x')"));
    const quiet = captureIO();
    expect(await main(["build"], quiet, root, { ...allWriting("x"), print: bug() })).toBe(4);
    expect(quiet.err()).toContain("error: the print edition failed: Cannot read properties of undefined");
    expect(quiet.err()).not.toMatch(/\n\s+at /);
    const loud = captureIO();
    expect(await main(["build", "--debug"], loud, root, { ...allWriting("x"), print: bug() })).toBe(4);
    expect(loud.err()).toMatch(/\n\s+at /);
  });
});
