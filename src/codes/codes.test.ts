import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { dialogueLeaflet, faqLeaflet, fixtureSite } from "../../test/support/models.ts";
import { layout, unitUrl } from "../edition/layout.ts";
import { listUnits } from "../model/walk.ts";
import { tempContext } from "../print/testing/context.ts";
import { codesRenderer, PAGE_CODE_NAME, qrMatrix, qrSvg } from "./index.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "codes-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function zbar(png: string): string {
  return execFileSync("zbarimg", ["-q", "--raw", "-Sdisable", "-Sqrcode.enable", png], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

describe("qrSvg", () => {
  it("makes an SVG that a QR reader decodes to the URL", async () => {
    const url = unitUrl("https://www.city.ichikawa.example.jp/leaflets/", "mynumber-faq", "q12");
    const file = path.join(scratch, "q12.png");
    await sharp(Buffer.from(qrSvg(url)))
      .resize({ width: 400, kernel: "nearest" })
      .png()
      .toFile(file);
    expect(zbar(file)).toBe(url);
  });

  it("keeps a four-module quiet zone and names the code for screen readers", () => {
    const url = "https://www.city.ichikawa.example.jp/leaflets/card-safety/";
    const svg = qrSvg(url, "QRコード");
    const n = qrMatrix(url).size + 8;
    expect(svg).toContain(`viewBox="0 0 ${n} ${n}"`);
    expect(svg).toContain("<title>QRコード</title>");
    expect(svg).toMatch(/d="M4 4h7v1h-7z/); // the finder pattern starts at the quiet zone's edge
  });
});

describe("codesRenderer", () => {
  it("writes an SVG and a PNG per unit and per leaflet page, each decoding to its URL", async () => {
    const site = fixtureSite(dialogueLeaflet(), faqLeaflet(4, 2));
    const ctx = tempContext(site);
    await codesRenderer.render(ctx);
    for (const leaflet of site.leaflets) {
      const names = [PAGE_CODE_NAME, ...listUnits(leaflet).map((u) => u.id)];
      for (const name of names) {
        const unitId = name === PAGE_CODE_NAME ? undefined : name;
        const url = unitUrl(site.settings.baseUrl, leaflet.slug, unitId);
        const svg = ctx.artifacts.find(
          (a) => a.kind === "code-svg" && a.slug === leaflet.slug && a.path === layout.codeSvg(leaflet.slug, name),
        );
        const png = ctx.artifacts.find(
          (a) => a.kind === "code-png" && a.slug === leaflet.slug && a.path === layout.codePng(leaflet.slug, name),
        );
        expect(svg?.meta?.url).toBe(url);
        expect(png?.meta?.url).toBe(url);
        expect(svg?.unitId).toBe(unitId);
        expect(zbar(path.join(ctx.outDir, png!.path))).toBe(url);
        expect(readFileSync(path.join(ctx.outDir, svg!.path), "utf8")).toContain("<svg");
      }
    }
    expect(ctx.artifacts.length).toBe(2 * (1 + listUnits(site.leaflets[0]).length + 1 + listUnits(site.leaflets[1]).length));
    ctx.dispose();
  });
});

// Keep the helper honest: a blank image decodes to nothing.
it("zbar finds nothing in a blank image", async () => {
  const file = path.join(scratch, "blank.png");
  writeFileSync(
    file,
    await sharp({ create: { width: 50, height: 50, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
  expect(() => zbar(file)).toThrow();
});
