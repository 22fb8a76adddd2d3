// `leaflet doctor`: which external tools the build needs are here, and how to install the missing ones.
import { existsSync } from "node:fs";
import { DEBIAN_OPEN_JTALK, DEFAULT_OPEN_JTALK_VOICE, findExecutable, findHtsVoice } from "../audio/engine.ts";
import type { Settings } from "../model/types.ts";

export interface ToolCheck {
  name: string;
  /** Which editions need it. */
  neededBy: string;
  found: boolean;
  detail: string;
  debian: string;
  macos: string;
}

/** Checks every external tool and file the editions use. */
export function checkTools(settings: Settings | null): ToolCheck[] {
  const apt = (pkgs: string) => `apt-get install -y ${pkgs}`;
  const bin = (name: string, command: string, neededBy: string, debian: string, macos: string): ToolCheck => {
    const found = findExecutable(command);
    return { name, neededBy, found: found !== undefined, detail: found ?? `${command} not on PATH`, debian, macos };
  };
  const file = (name: string, file: string, neededBy: string, debian: string, macos: string): ToolCheck => ({
    name,
    neededBy,
    found: existsSync(file),
    detail: file,
    debian,
    macos,
  });
  const fonts = settings?.print.fonts ?? {
    regular: "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf",
    bold: "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Bold.ttf",
  };
  const fontMac = "download BIZ UDPGothic (OFL) and set print.fonts in content/settings.yaml";
  return [
    bin(
      "Open JTalk",
      DEBIAN_OPEN_JTALK.binary,
      "audio",
      apt("open-jtalk"),
      "brew install open-jtalk (or use the built-in `say` voice Kyoko)",
    ),
    file(
      "Open JTalk dictionary (naist-jdic)",
      DEBIAN_OPEN_JTALK.dictionary,
      "audio",
      apt("open-jtalk-mecab-naist-jdic"),
      "brew install open-jtalk",
    ),
    file(
      "Open JTalk voice (nitech m001)",
      findHtsVoice(DEFAULT_OPEN_JTALK_VOICE, DEBIAN_OPEN_JTALK.voiceDirs) ??
        `${DEFAULT_OPEN_JTALK_VOICE}.htsvoice under ${DEBIAN_OPEN_JTALK.voiceDirs.join(", ")}`,
      "audio",
      `enable contrib in /etc/apt/sources.list.d/debian.sources, then ${apt("hts-voice-nitech-jp-atr503-m001")}`,
      "brew install open-jtalk",
    ),
    bin("ffmpeg", "ffmpeg", "audio", apt("ffmpeg"), "brew install ffmpeg"),
    bin("ffprobe", "ffprobe", "audio, tests", apt("ffmpeg"), "brew install ffmpeg"),
    bin("LAME", "lame", "audio", apt("lame"), "brew install lame"),
    bin("Chromium", "chromium", "site checks (pa11y, end-to-end tests)", apt("chromium"), "brew install --cask chromium"),
    file("Regular font", fonts.regular, "print", apt("fonts-morisawa-bizud-gothic"), fontMac),
    file("Bold font", fonts.bold, "print", apt("fonts-morisawa-bizud-gothic"), fontMac),
    bin("pdftotext (poppler)", "pdftotext", "print tests", apt("poppler-utils"), "brew install poppler"),
    bin("pdffonts (poppler)", "pdffonts", "print tests", apt("poppler-utils"), "brew install poppler"),
    bin("pdfinfo (poppler)", "pdfinfo", "print tests", apt("poppler-utils"), "brew install poppler"),
    bin("pdftoppm (poppler)", "pdftoppm", "print tests", apt("poppler-utils"), "brew install poppler"),
    bin("zbarimg", "zbarimg", "voice-code tests", apt("zbar-tools"), "brew install zbar"),
  ];
}

/** Prints the tool table; returns true when everything was found. */
export function printDoctor(checks: ToolCheck[], out: NodeJS.WritableStream): boolean {
  const [major, minor] = process.versions.node.split(".").map(Number);
  // Node runs the TypeScript sources by type stripping, unflagged from 22.18.
  const nodeOk = major > 22 || (major === 22 && minor >= 18);
  out.write(`${nodeOk ? "ok     " : "MISSING"}  Node.js ${process.versions.node} (needs 22.18 or newer; \`npm install\` brings Node 24)\n`);
  for (const c of checks) {
    out.write(`${c.found ? "ok     " : "MISSING"}  ${c.name} — ${c.detail} [${c.neededBy}]\n`);
    if (!c.found) out.write(`         Debian/Ubuntu: sudo ${c.debian}\n         macOS: ${c.macos}\n`);
  }
  const missing = checks.filter((c) => !c.found).length;
  out.write(
    missing
      ? `\n${missing} missing. On Debian/Ubuntu, \`sudo bash scripts/setup-system.sh\` installs them all.\n`
      : "\nEverything the build needs is installed.\n",
  );
  return missing === 0 && nodeOk;
}
