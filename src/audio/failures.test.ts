import { chmodSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallLeaflet, smallSite } from "../../test/support/models.ts";
import { RenderError } from "../edition/contract.ts";
import type { Leaflet } from "../model/types.ts";
import { leafletScript } from "../reading/speech.ts";
import { clipKey } from "./clips.ts";
import { createOpenJTalkEngine, DEBIAN_OPEN_JTALK, resolveEngine } from "./engine.ts";
import { audioCaches, renderAudioEdition } from "./index.ts";
import { testContext } from "./testing/context.ts";
import { filesUnder } from "./testing/probe.ts";

type Behaviour = "hang" | "crash" | "reject" | "garbage" | "low-rate";

describe("bad input and broken engines", () => {
  /** A stand-in for open_jtalk that misbehaves on texts containing 爆発 and otherwise runs the real one. */
  async function fakeEngine(behaviour: Behaviour) {
    const dir = await mkdtemp(join(tmpdir(), "fake-ojt-"));
    const script = join(dir, "open_jtalk");
    const action = {
      hang: "sleep 30",
      crash: "kill -SEGV $$",
      reject: "echo 'error: cannot analyse text' >&2; exit 1",
      // Exit 0 having written something that is not a WAV where the WAV should be.
      garbage: 'while [ $# -gt 0 ]; do [ "$1" = -ow ] && printf "RIFF\\000\\000garbage" > "$2"; shift; done; exit 0',
      // A real WAV, at a rate the edition does not take.
      "low-rate": 'exec /usr/bin/open_jtalk -s 22050 "$@"',
    }[behaviour];
    writeFileSync(
      script,
      `#!/bin/sh\nfor last; do :; done\nif [ -f "$last" ] && grep -q 爆発 "$last"; then ${action}; fi\nexec /usr/bin/open_jtalk "$@"\n`,
    );
    chmodSync(script, 0o755);
    return createOpenJTalkEngine({ ...DEBIAN_OPEN_JTALK, binary: script });
  }

  function leafletWithBadLine(): Leaflet {
    const leaflet = smallLeaflet();
    const dialogue = (leaflet.body[1] as { children: { lines: { children: { value: string }[] }[] }[] }).children[0];
    dialogue.lines[1].children[0].value = "爆発するのじゃ。";
    return leaflet;
  }

  const what: Record<Behaviour, string> = {
    hang: "hangs",
    crash: "crashes",
    reject: "rejects the text",
    garbage: "writes a damaged WAV",
    "low-rate": "writes 22.05 kHz audio",
  };
  for (const behaviour of ["hang", "crash", "reject", "garbage", "low-rate"] as const) {
    it(`an engine that ${what[behaviour]} gives a RenderError naming the leaflet, unit and line, and leaves no MP3 behind`, async () => {
      const ctx = await testContext(smallSite([leafletWithBadLine()]));
      const started = Date.now();
      const error = await renderAudioEdition(ctx, { engine: await fakeEngine(behaviour), clipTimeoutMs: 3000 }).catch((e) => e);
      expect(error).toBeInstanceOf(RenderError);
      expect(error.unitId).toBe("carrying");
      expect(error.pos).toEqual({ file: "content/leaflets/test-card.md", line: 23, column: 1 });
      expect(error.message).toContain("content/leaflets/test-card.md");
      expect(error.message).toContain("爆発するのじゃ");
      expect(error.message).toMatch(
        {
          hang: /did not finish within 3\.0 s/,
          crash: /crashed \(SIGSEGV\)/,
          reject: /exited with code 1/,
          garbage: /Open JTalk wrote audio that cannot be read \(.*WAV/,
          "low-rate": /Open JTalk wrote 22050 Hz audio; the audio edition needs 48000 Hz/,
        }[behaviour],
      );
      expect(error.hint).toMatch(
        { hang: /hung/, crash: /crashed/, reject: /rephrase/, garbage: /leaflet doctor/, "low-rate": /48 kHz/ }[behaviour],
      );
      if (behaviour === "hang") expect(Date.now() - started).toBeLessThan(20_000);
      expect(filesUnder(ctx.outDir).filter((f) => f.includes("carrying") || f.endsWith("-all.mp3"))).toEqual([]);
      expect(filesUnder(ctx.cacheDir).filter((f) => f.includes(".tmp-"))).toEqual([]);
    });
  }

  it("a clip in the cache that passes its checksum but is no WAV gives a RenderError at its sentence, not a stack trace", async () => {
    const leaflet = smallLeaflet();
    const ctx = await testContext(smallSite([leaflet]));
    const engine = await resolveEngine({ engine: "openjtalk" });
    const unit = (await leafletScript(leaflet, { lexicon: ctx.site.lexicon })).units.find((u) => u.id === "carrying")!;
    const index = unit.utterances.findIndex((u) => u.source === "ええんじゃよ。");
    const utterance = unit.utterances[index];
    // As an older version that did not check the engine's output might have left it: sealed, but not audio.
    await audioCaches(ctx.cacheDir).clips.put(clipKey(engine, utterance.text, 1, utterance.pitch), "wav", "not a wav at all");
    const error = await renderAudioEdition(ctx).catch((e) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect([error.unitId, error.pos]).toEqual(["carrying", { file: "content/leaflets/test-card.md", line: 23, column: 1 }]);
    expect(error.message).toMatch(new RegExp(`clip ${index + 1} \\(「ええんじゃよ。」\\): the speech engine's audio cannot be read`));
    expect(error.hint).toMatch(/leaflet doctor/);
    expect(filesUnder(ctx.outDir).filter((f) => f.includes("carrying") || f.endsWith("-all.mp3"))).toEqual([]);
  });
});
