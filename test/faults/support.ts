// Shared pieces of the fault-injection suite: stand-in renderers that write real files fast, and ways to break a
// machine the way a city hall's PC breaks (an immutable folder, a killed build).
import { execFileSync } from "node:child_process";
import { EDITIONS, type Edition, type Renderer } from "../../src/edition/contract.ts";
import { layout } from "../../src/edition/layout.ts";

/** A renderer writing one small file per leaflet, as a real edition would; `delayMs` keeps it busy a while. */
export function writing(edition: Edition, text: string, delayMs = 0): Renderer {
  return {
    edition,
    async render(ctx) {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      for (const l of ctx.leaflets) {
        const rel =
          edition === "print" ? layout.pdf(l.slug) : edition === "braille" ? layout.brailleText(l.slug) : `${l.slug}/${edition}.txt`;
        await ctx.emit(
          { edition, kind: edition === "print" ? "pdf" : edition === "braille" ? "braille-text" : "other", slug: l.slug },
          rel,
          `${text} ${l.title}`,
        );
      }
    },
  };
}

/** Stand-ins for every edition, so a "full" build runs in milliseconds. */
export function allWriting(text: string, delayMs = 0): Partial<Record<Edition, Renderer>> {
  return Object.fromEntries(EDITIONS.map((e) => [e, writing(e, text, delayMs)]));
}

/**
 * Makes a folder impossible to change, even for root (ext4's immutable flag), or read-only for other users.
 * Returns the undo, or undefined when this machine can do neither.
 */
export function freeze(dir: string): (() => void) | undefined {
  if (process.getuid?.() === 0) {
    try {
      execFileSync("chattr", ["+i", dir], { stdio: "ignore" });
      return () => execFileSync("chattr", ["-i", dir], { stdio: "ignore" });
    } catch {
      return undefined;
    }
  }
  execFileSync("chmod", ["a-w", dir]);
  return () => execFileSync("chmod", ["u+w", dir]);
}
