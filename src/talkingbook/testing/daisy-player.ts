// Opens a DAISY book in Debian's daisy-player (a terminal player) under tmux and returns what its screen shows:
// the smoke test that a real player reads our NCC, SMIL and times. daisy-player refuses to start without
// /proc/asound/cards, which machines without a sound card lack, so it runs in a private mount namespace where a
// stand-in /proc lists a dummy card (nothing outside that namespace changes; this needs root, as CI has).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { findExecutable } from "../../lib/process.ts";
import { readZip } from "../../lib/zip.ts";

const run = promisify(execFile);

/** Why daisy-player cannot run here, or undefined when it can. */
export async function daisyPlayerUnavailable(): Promise<string | undefined> {
  for (const tool of ["daisy-player", "tmux", "unshare"])
    if (!findExecutable(tool)) return `${tool} is not installed (run scripts/setup-system.sh)`;
  if (process.getuid?.() !== 0) return "daisy-player's stand-in sound card needs root (a private mount namespace)";
  try {
    await run("unshare", ["--mount", "--fork", "true"]);
  } catch (err) {
    return `this machine does not allow private mount namespaces (${(err as Error).message.split("\n")[0]})`;
  }
  return undefined;
}

const SCRIPT = `#!/bin/sh
set -e
work="$1"; book="$2"
mkdir -p "$work/realproc" "$work/proc/asound"
mount -t proc proc "$work/realproc"
for e in "$work"/realproc/*; do n=$(basename "$e"); [ "$n" = asound ] || ln -s "$work/realproc/$n" "$work/proc/$n"; done
printf ' 0 [Dummy          ]: Dummy - Dummy\\n                      Dummy 1\\n' > "$work/proc/asound/cards"
mount --bind "$work/proc" /proc
HOME="$work/home" exec daisy-player -n -i "$book"
`;

/** The screen of daisy-player after opening the book (a DAISY zip's bytes), once it has listed the book's items or given up. */
export async function daisyPlayerScreen(zip: Uint8Array, timeoutMs = 15_000): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), "daisy-player-"));
  const session = `tb-${process.pid}-${Date.now().toString(36)}`;
  try {
    let bookDir = join(work, "book");
    for (const e of readZip(zip)) {
      if (e.path.endsWith("/")) continue;
      const file = join(work, "book", e.path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, e.data);
      if (/(^|\/)ncc\.html$/i.test(e.path)) bookDir = dirname(file);
    }
    await mkdir(join(work, "home"), { recursive: true });
    await writeFile(join(work, "run.sh"), SCRIPT, { mode: 0o755 });
    const cmd = `unshare --mount --fork ${join(work, "run.sh")} '${work}' '${bookDir}'; echo "daisy-player exited with $?"; sleep 30`;
    await run("tmux", ["new-session", "-d", "-s", session, "-x", "80", "-y", "24", cmd]);
    const screen = () => run("tmux", ["capture-pane", "-p", "-t", session]).then((r) => r.stdout);
    let answered = false;
    for (let waited = 0; waited < timeoutMs; waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      const s = await screen();
      // It first asks which sound card to use: take the default.
      if (!answered && s.includes("Select a soundcard")) {
        await run("tmux", ["send-keys", "-t", session, "Enter"]);
        answered = true;
        continue;
      }
      if (/total length/.test(s) || /exited with/.test(s)) return s;
    }
    return await screen();
  } finally {
    await run("tmux", ["kill-session", "-t", session]).catch(() => {});
    // The mounts lived in the namespace, which ended with its process; only files remain.
    await rm(work, { recursive: true, force: true });
  }
}
