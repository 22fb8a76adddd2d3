// `leaflet doctor`: which external tools the editions declare they need are here, and how to install the rest.
import { existsSync } from "node:fs";
import { findExecutable } from "../lib/process.ts";
import type { Settings } from "../model/types.ts";
import { EDITION_MODULES } from "../pipeline/editions.ts";

export interface ToolCheck {
  name: string;
  /** Which editions need it (and whether only their checks do). */
  neededBy: string;
  found: boolean;
  detail: string;
  debian: string;
  macos: string;
}

/** Checks every program and file the editions declare, once each (ffprobe is needed by two, say). */
export function checkTools(settings: Settings): ToolCheck[] {
  const byTarget = new Map<string, ToolCheck>();
  for (const edition of EDITION_MODULES) {
    for (const t of edition.tools(settings)) {
      const need = t.forChecks ? `${edition.id} tests` : edition.id;
      const known = byTarget.get(`${t.kind}:${t.target}`);
      if (known) {
        if (!known.neededBy.split(", ").includes(need)) known.neededBy += `, ${need}`;
        continue;
      }
      const found = t.kind === "program" ? findExecutable(t.target) : t.target && existsSync(t.target) ? t.target : undefined;
      const detail = t.kind === "program" ? (found ?? `${t.target} not on PATH`) : t.target || "(not set)";
      byTarget.set(`${t.kind}:${t.target}`, {
        name: t.name,
        neededBy: need,
        found: found !== undefined,
        detail,
        debian: t.debian,
        macos: t.macos,
      });
    }
  }
  return [...byTarget.values()];
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
