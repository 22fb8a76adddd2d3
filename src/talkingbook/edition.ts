// The talking-book edition as the pipeline sees it before loading it: EPUB 3 with media overlays and DAISY 2.02,
// made from the audio edition's MP3s and timing map. It needs nothing to build; its checkers need Java, EPUBCheck
// and Chromium (for DAISY Ace), which the tests and CI run on every book.
import type { EditionModule } from "../edition/contract.ts";
import { CHROMIUM } from "./check/ace.ts";
import { EPUBCHECK_JAR } from "./check/epubcheck.ts";

const apt = (pkgs: string) => `apt-get install -y ${pkgs}`;

/** EPUB 3 with synchronised text and audio, and a DAISY 2.02 book, per leaflet. */
export const talkingBookEdition: EditionModule = {
  id: "talkingbook",
  description: "talking books: EPUB 3 with synchronised text and audio, and DAISY 2.02 for DAISY players, from the audio edition",
  tools: () => [
    { name: "Java", kind: "program", target: "java", forChecks: true, debian: apt("default-jre-headless"), macos: "brew install openjdk" },
    { name: "EPUBCheck", kind: "file", target: EPUBCHECK_JAR, forChecks: true, debian: apt("epubcheck"), macos: "brew install epubcheck" },
    {
      name: "Chromium (for DAISY Ace)",
      kind: "file",
      target: CHROMIUM,
      forChecks: true,
      debian: apt("chromium"),
      macos: "brew install --cask chromium, then set PUPPETEER_EXECUTABLE_PATH",
    },
  ],
  load: async () => (await import("./renderer.ts")).talkingBookRenderer,
};
