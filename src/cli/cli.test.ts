import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { captureIO, FIXTURES, fingerprint, ROOT, scratchProjects } from "../../test/helpers.ts";
import { loadSite } from "../content/load.ts";
import { main } from "./main.ts";

const project = scratchProjects();

describe("leaflet check", () => {
  it("passes on the sample content", async () => {
    const io = captureIO();
    expect(await main(["check"], io, ROOT)).toBe(0);
    expect(io.out()).toMatch(/^ok: 3 leaflets, \d+ questions\n$/);
  });

  it("fails with exit 1 and file:line:col messages, all problems at once, touching nothing", async () => {
    const root = project();
    cpSync(path.join(FIXTURES, "invalid/my-number.md"), path.join(root, "content/leaflets/my-number.md"));
    cpSync(path.join(FIXTURES, "invalid/bad-phone.md"), path.join(root, "content/leaflets/bad-phone.md"));
    const before = fingerprint(path.join(root, "content"));
    const io = captureIO();
    expect(await main(["check"], io, root)).toBe(1);
    const lines = io.err().trim().split("\n");
    expect(lines).toContain(
      "content/leaflets/my-number.md:8:10 error: 「123456789018」 looks like a real My Number (its check digit is valid); leaflets must never contain one (hint: remove it, or write an example as 1234 5678 XXXX)",
    );
    expect(lines.filter((l) => l.startsWith("content/leaflets/bad-phone.md:"))).toHaveLength(2);
    expect(lines.at(-1)).toBe("3 errors, 0 warnings");
    expect(fingerprint(path.join(root, "content"))).toBe(before);
  });
});

describe("leaflet new", () => {
  it("scaffolds a leaflet that passes the check, and refuses to overwrite it", async () => {
    const root = project();
    const io = captureIO();
    expect(await main(["new", "tax-guide"], io, root)).toBe(0);
    expect(io.out()).toContain("created content/leaflets/tax-guide.md");
    const { site, diagnostics } = await loadSite(root);
    expect(diagnostics).toEqual([]);
    expect(site?.leaflets.map((l) => l.slug)).toEqual(["card-pickup", "tax-guide"]);
    const text = readFileSync(path.join(root, "content/leaflets/tax-guide.md"), "utf8");
    writeFileSync(path.join(root, "content/leaflets/tax-guide.md"), `${text}\n編集しました。\n`);
    expect(await main(["new", "tax-guide"], io, root)).toBe(2);
    expect(io.err()).toContain("content/leaflets/tax-guide.md already exists");
    expect(readFileSync(path.join(root, "content/leaflets/tax-guide.md"), "utf8")).toContain("編集しました。");
    expect(await main(["new", "Tax Guide"], io, root)).toBe(2);
  });
});

describe("leaflet doctor", () => {
  it("lists each tool with the command that installs it, and exits 3 when one is missing", async () => {
    const root = project();
    writeFileSync(
      path.join(root, "content/settings.yaml"),
      `${readFileSync(path.join(root, "content/settings.yaml"), "utf8")}print:\n  fonts:\n    regular: /nonexistent/Regular.ttf\n    bold: /nonexistent/Bold.ttf\n`,
    );
    const io = captureIO();
    const code = await main(["doctor"], io, root);
    expect(io.out()).toContain("MISSING  Regular font — /nonexistent/Regular.ttf [print]");
    expect(io.out()).toContain("Debian/Ubuntu: sudo apt-get install -y fonts-morisawa-bizud-gothic");
    expect(io.out()).toMatch(/ok +Open JTalk — \/usr\/bin\/open_jtalk \[audio\]/);
    expect(code).toBe(3);
  });

  it("exits 0 when everything is installed (as the set-up script leaves this machine)", async () => {
    const io = captureIO();
    expect(await main(["doctor"], io, ROOT)).toBe(0);
    expect(io.out()).not.toContain("MISSING");
  });
});

describe("usage", () => {
  it("prints usage for help, and exits 2 on an unknown command", async () => {
    const io = captureIO();
    expect(await main(["help"], io, ROOT)).toBe(0);
    expect(io.out()).toContain("Usage: leaflet <command>");
    expect(await main(["publish"], io, ROOT)).toBe(2);
    expect(io.err()).toContain('unknown command "publish"');
  });

  it("answers `build --help` with the usage, and points a wrong option at `leaflet help`", async () => {
    const io = captureIO();
    expect(await main(["build", "--help"], io, ROOT)).toBe(0);
    expect(io.out()).toContain("build [--edition E,...]");
    expect(io.err()).toBe("");
    const wrong = captureIO();
    expect(await main(["build", "--frob"], wrong, ROOT)).toBe(2);
    expect(wrong.err()).toMatch(/'--frob'.*hint: `leaflet help`/);
  });
});
