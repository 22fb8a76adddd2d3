// The audio edition as the pipeline sees it before loading it: the speech engine and encoders it needs.
import type { EditionModule, ToolRequirement } from "../edition/contract.ts";
import { layout } from "../edition/layout.ts";
import { ANALYSER_TOOLS } from "../reading/mecab.ts";
import { DEBIAN_OPEN_JTALK, DEFAULT_OPEN_JTALK_VOICE, findHtsVoice } from "./engine.ts";

const apt = (pkgs: string) => `apt-get install -y ${pkgs}`;

/** The programs and files of the Open JTalk engine as Debian installs them. */
function openJTalkTools(voice: string | undefined): ToolRequirement[] {
  const name = voice ?? DEFAULT_OPEN_JTALK_VOICE;
  return [
    { name: "Open JTalk", kind: "program", target: DEBIAN_OPEN_JTALK.binary, debian: apt("open-jtalk"), macos: "brew install open-jtalk" },
    {
      name: "Open JTalk dictionary (naist-jdic)",
      kind: "file",
      target: DEBIAN_OPEN_JTALK.dictionary,
      debian: apt("open-jtalk-mecab-naist-jdic"),
      macos: "brew install open-jtalk",
    },
    {
      name: `Open JTalk voice (${name})`,
      kind: "file",
      target: findHtsVoice(name, DEBIAN_OPEN_JTALK.voiceDirs) ?? `${DEBIAN_OPEN_JTALK.voiceDirs[0]}/${name}.htsvoice`,
      setting: voice ? "audio.voice" : undefined,
      debian: `enable contrib in /etc/apt/sources.list.d/debian.sources, then ${apt("hts-voice-nitech-jp-atr503-m001")}`,
      macos: "brew install open-jtalk",
    },
  ];
}

/** Speech per section and question, and the whole leaflet with chapters. */
export const audioEdition: EditionModule = {
  id: "audio",
  description: "the audio edition: speech per section and question, and the whole leaflet with chapters",
  tools(settings) {
    // `say` (macOS, Windows) needs nothing installed; everywhere else the engine is Open JTalk.
    const openJTalk = settings.audio.engine === "openjtalk" || (settings.audio.engine === "auto" && process.platform === "linux");
    return [
      // The speech script is made from MeCab's analysis (the one braille uses), whatever the engine.
      ANALYSER_TOOLS[0],
      ...(openJTalk ? openJTalkTools(settings.audio.voice) : [ANALYSER_TOOLS[1]]),
      { name: "ffmpeg", kind: "program", target: "ffmpeg", debian: apt("ffmpeg"), macos: "brew install ffmpeg" },
      { name: "ffprobe", kind: "program", target: "ffprobe", forChecks: true, debian: apt("ffmpeg"), macos: "brew install ffmpeg" },
      { name: "LAME", kind: "program", target: "lame", debian: apt("lame"), macos: "brew install lame" },
    ];
  },
  async check(site, ctx) {
    const openJTalk = site.settings.audio.engine === "openjtalk" || (site.settings.audio.engine === "auto" && process.platform === "linux");
    if (!openJTalk) return;
    const missing = (voice: string | undefined) => voice !== undefined && !findHtsVoice(voice, DEBIAN_OPEN_JTALK.voiceDirs);
    const hint = `install the voice, or give the name of one in ${DEBIAN_OPEN_JTALK.voiceDirs.join(", ")} (for example ${DEFAULT_OPEN_JTALK_VOICE})`;
    if (missing(site.settings.audio.voice)) {
      ctx.report({
        severity: "error",
        message: `the voice 「${site.settings.audio.voice}」 is not installed`,
        pos: site.settings.positions?.["audio.voice"],
        hint,
      });
    }
    for (const leaflet of site.leaflets) {
      if (leaflet.audio.voice !== site.settings.audio.voice && missing(leaflet.audio.voice)) {
        ctx.report({
          severity: "error",
          message: `the voice 「${leaflet.audio.voice}」 is not installed`,
          pos: leaflet.positions?.["audio.voice"],
          leaflet,
          hint,
        });
      }
      leaflet.speakers.forEach((s, i) => {
        if (missing(s.voice)) {
          ctx.report({
            severity: "error",
            message: `the voice 「${s.voice}」 of the speaker ${s.id} is not installed`,
            pos: leaflet.positions?.[`speakers.${i}.voice`],
            leaflet,
            hint,
          });
        }
      });
    }
  },
  // The whole-leaflet file is audio/<slug>-all.mp3: a unit called `<slug>-all` would overwrite it.
  reservedIds: {
    forSlug: (slug) => [
      layout
        .leafletAudio(slug)
        .split("/")
        .pop()!
        .replace(/\.mp3$/, ""),
    ],
  },
  load: async () => (await import("./index.ts")).audioRenderer,
};
