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

  it("runs stage 2 alone with --from-kana: spaced kana in, cells out, no analysis", async () => {
    const t = ctx("マイナンバー ツーチ\n2⠼3ニチ\n");
    expect(await brailleCommand(["--from-kana"], t.c)).toBe(0);
    expect(t.out()).toBe("⠵⠃⠅⠴⠐⠥⠒ ⠝⠒⠗\n⠼⠃⠼⠉⠇⠗\n");
  });

  it("says where stage 2 found something it cannot write, and exits 1", async () => {
    const t = ctx("ツーチ漢字\n");
    expect(await brailleCommand(["--from-kana"], t.c)).toBe(1);
    expect(t.err()).toContain("line 1: left out 「漢」 at column 4, 「字」 at column 5");
  });

  it("stage 1 then stage 2 gives what the whole translator gives", async () => {
    const text = "住民票の写しを失くしたり、1日から受け付けます。";
    const kana = ctx();
    await brailleCommand(["--kana", text], kana.c);
    const cells = ctx(kana.out());
    await brailleCommand(["--from-kana"], cells.c);
    const whole = ctx();
    await brailleCommand([text], whole.c);
    expect(kana.out()).toBe("ジューミンヒョーノ ウツシヲ ナクシタリ、 ツイタチカラ ウケツケマス。\n");
    expect(cells.out()).toBe(whole.out());
  });

  it("refuses --kana with --from-kana", async () => {
    const t = ctx();
    expect(await brailleCommand(["--kana", "--from-kana", "x"], t.c)).toBe(2);
  });

  it("rejects unknown options with the usage exit code", async () => {
    const t = ctx();
    expect(await brailleCommand(["--nope"], t.c)).toBe(2);
    expect(t.err()).toContain("usage: leaflet braille");
  });
});
