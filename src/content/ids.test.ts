// Printed codes point at ids for years: editing text must never change them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../lib/diagnostics.ts";
import { listUnits } from "../model/walk.ts";
import { parseLeaflet } from "./leaflet.ts";
import { parseSettings } from "./settings.ts";

const project = path.resolve(import.meta.dirname, "../../test/fixtures/project");
const file = "content/leaflets/card-pickup.md";
const original = readFileSync(path.join(project, file), "utf8");

function ids(text: string): string[] {
  const diags = new Diagnostics();
  const settings = parseSettings("content/settings.yaml", readFileSync(path.join(project, "content/settings.yaml"), "utf8"), diags);
  const leaflet = parseLeaflet({ file, absPath: path.join(project, file), text, settings, diags });
  expect(diags.items.filter((d) => d.severity === "error")).toEqual([]);
  return listUnits(leaflet!).map((u) => u.id);
}

describe("stable ids", () => {
  it("come from explicit {#id}, the printed question number, or the question's position", () => {
    expect(ids(original)).toEqual(["counters", "q28", "q29", "dialogue"]);
  });

  it("do not change when a question, its answer or a section title is edited", () => {
    const edited = original
      .replace("市のどこの窓口でも受け取れるのでしょうか。", "マイナンバーカードは市内のどの窓口で受け取れますか。")
      .replace("マイナンバーカードは原則、本人しか受け取れません。", "原則として本人が受け取ります。代理人は委任状が必要です。")
      .replace("## 受け取りの窓口 {#counters}", "## カードを受け取る窓口 {#counters}")
      .replace("## 会話で説明 {#dialogue}", "## 会話で分かるカードの受け取り {#dialogue}");
    expect(edited).not.toBe(original);
    expect(ids(edited)).toEqual(ids(original));
  });

  it("of sections with an explicit id survive reordering and insertion", () => {
    const [head, rest] = original.split("## 受け取りの窓口 {#counters}");
    const [counters, dialogue] = rest.split("## 会話で説明 {#dialogue}");
    const reordered = `${head}## 新しいお知らせ {#news}\n\n今年から予約制です。\n\n## 会話で説明 {#dialogue}${dialogue}\n## 受け取りの窓口 {#counters}${counters}`;
    expect(ids(reordered)).toEqual(["news", "dialogue", "counters", "q28", "q29"]);
  });
});
