// The three checks of the talking books behind one call, and a command line for people and CI:
//   npx node src/talkingbook/check/index.ts dist/card-safety/card-safety.epub dist/card-safety/card-safety-daisy.zip
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { runAce } from "./ace.ts";
import { checkDaisy202 } from "./daisy202.ts";
import { runEpubcheck } from "./epubcheck.ts";
import { type CheckReport, formatReport } from "./report.ts";

export { runAce } from "./ace.ts";
export { checkDaisy202 } from "./daisy202.ts";
export { runEpubcheck } from "./epubcheck.ts";
export { CheckerUnavailableError, type CheckReport, formatReport } from "./report.ts";

export type Checker = "epubcheck" | "ace" | "daisy202";

/** Checks a book by its kind: an .epub with EPUBCheck and DAISY Ace, a DAISY zip or folder with the DAISY 2.02 checker. */
export async function checkTalkingBook(path: string, checkers?: Checker[]): Promise<CheckReport[]> {
  const isEpub = path.toLowerCase().endsWith(".epub") && (await stat(path)).isFile();
  const wanted = checkers ?? (isEpub ? ["epubcheck", "ace"] : ["daisy202"]);
  const reports: CheckReport[] = [];
  for (const c of wanted) {
    if (c === "epubcheck") reports.push(await runEpubcheck(path));
    else if (c === "ace") reports.push(await runAce(path));
    else reports.push(await checkDaisy202(path));
  }
  return reports;
}

/** The command line: prints each report; exit code 1 when a book fails, 3 when a checker is missing. */
export async function main(paths: string[], out: (line: string) => void = console.log): Promise<number> {
  if (paths.length === 0) {
    out("usage: check-talking-books <book.epub | book-daisy.zip | daisy-folder>...");
    return 2;
  }
  let code = 0;
  for (const p of paths) {
    if (!existsSync(p)) {
      out(`${p}: error: there is no such book (hint: build the talking books first with \`leaflet build\`)`);
      code = Math.max(code, 1);
      continue;
    }
    try {
      for (const r of await checkTalkingBook(p)) {
        out(formatReport(r));
        if (!r.ok) code = Math.max(code, 1);
      }
    } catch (err) {
      out(`${p}: ${(err as Error).message}`);
      code = (err as Error).name === "CheckerUnavailableError" ? 3 : Math.max(code, 1);
    }
  }
  return code;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
