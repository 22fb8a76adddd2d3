import { describe, expect, it } from "vitest";
import { captureIO } from "../../test/helpers.ts";
import { brailleCommand } from "./braille.ts";
import type { CliContext } from "./context.ts";

function ctx(stdin = "") {
  const io = captureIO(stdin);
  const c: CliContext = { ...io, root: "/nonexistent-project", loadSite: async () => null, loadLexicon: async () => [] };
  return { c, out: io.out, err: io.err };
}

describe("leaflet braille", () => {
  it("translates the argument to one line of Unicode braille", async () => {
    const t = ctx();
    expect(await brailleCommand(["マイナンバー通知"], t.c)).toBe(0);
    expect(t.out()).toBe("⠵⠃⠅⠴⠐⠥⠒ ⠝⠒⠗\n");
  });

  it("prints the spaced kana with --kana", async () => {
    const t = ctx();
    expect(await brailleCommand(["--kana", "マイナンバー通知"], t.c)).toBe(0);
    expect(t.out()).toBe("マイナンバー ツーチ\n");
  });

  it("reads stdin line by line, one line out per line in", async () => {
    const t = ctx("東京\n先生\n");
    expect(await brailleCommand([], t.c)).toBe(0);
    expect(t.out()).toBe("⠞⠒⠈⠪⠒\n⠻⠴⠻⠃\n");
  });

  it("rejects unknown options with the usage exit code", async () => {
    const t = ctx();
    expect(await brailleCommand(["--nope"], t.c)).toBe(2);
    expect(t.err()).toContain("usage: leaflet braille");
  });
});
