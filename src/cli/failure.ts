// What the command line says when the machine, not the content, fails: one line with the cause and what to do;
// the stack trace only with --debug. File-system failures and the program's own bugs have exit codes of their own.
import { EXIT } from "./context.ts";

/** Error codes of the file system and what a person can do about each. */
const FILE_SYSTEM_HINTS: Record<string, string> = {
  ENOSPC: "the disk is full: free some space (the audio cache in .cache/ can be deleted), then build again",
  EDQUOT: "the disk quota is used up: free some space, then build again",
  EACCES: "this user may not write there: check the folder's permissions, or build with --out into a folder you own",
  EPERM: "the system refused the operation: check the folder's permissions and that no other program holds the files",
  EROFS: "the disk is read-only: build with --out into a writable folder",
  EBUSY: "another program holds the file open (an editor, a viewer, a virus scanner): close it and build again",
  EMFILE: "too many files are open at once: close other programs and build again",
  ENFILE: "the system has too many files open: close other programs and build again",
  EIO: "the disk reported an input/output error: check the disk, then build again",
  ENOTDIR: "a path the build writes to is a file, not a folder: move that file away",
  EISDIR: "a path the build writes to is a folder, not a file: move that folder away",
  EEXIST: "a file the build writes already exists and could not be replaced",
  ENAMETOOLONG: "a path is too long for this file system: build closer to the root, e.g. --out C:\\leaflets",
  ENOENT: "a file or folder the build needs went missing while it ran: build again",
};

/** The exit code and the message for a failure that escaped the command. */
export function describeFailure(error: unknown, debug: boolean): { code: number; message: string } {
  const e = error as NodeJS.ErrnoException;
  const stack = debug && e?.stack ? `\n${e.stack}` : "";
  const hint = e?.code ? FILE_SYSTEM_HINTS[e.code] : undefined;
  if (hint) {
    const where = e.path ? `${e.path}: ` : "";
    return {
      code: EXIT.systemError,
      message: `error: ${where}${e.message.replace(/^[A-Z]+: /, "")} (hint: ${hint})${stack}`,
    };
  }
  const text = e instanceof Error ? e.message : String(error);
  return {
    code: EXIT.internalError,
    message: `internal error: ${text} (hint: this is a bug in the toolchain; run the command again with --debug and report what it prints)${stack}`,
  };
}
