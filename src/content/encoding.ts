// Reading text files as city hall PCs write them: UTF-8 (with or without BOM), UTF-16 from some editors, or
// Shift_JIS from Notepad and Excel. A file is never read in the wrong encoding: it is decoded in the one that
// fits, with a warning naming it, or refused with the command that converts it.

export type Decoded =
  | { ok: true; text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "shift_jis"; warning?: string }
  | { ok: false; message: string; hint: string };

const CONVERT_HINT =
  "save the file as UTF-8 (メモ帳: 名前を付けて保存 → 文字コード「UTF-8」; Excel: CSV UTF-8), or convert it: iconv -f SHIFT_JIS -t UTF-8 in.md > out.md";

/** Decodes a text file's bytes, trying UTF-8 first; says in which encoding it was read when that was not UTF-8. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), "utf-16be");
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  if (bytes.length >= 4 && zeroShare(bytes, 1) > 0.3) return utf16(bytes, "utf-16le");
  if (bytes.length >= 4 && zeroShare(bytes, 0) > 0.3) return utf16(bytes, "utf-16be");
  const asUtf8 = utf8(bytes);
  if (asUtf8.ok) return asUtf8;
  try {
    const text = new TextDecoder("shift_jis", { fatal: true }).decode(bytes);
    return {
      ok: true,
      text,
      encoding: "shift_jis",
      warning: `the file is saved as Shift_JIS, not UTF-8; it was read as Shift_JIS (hint: ${CONVERT_HINT.split(", or convert")[0]})`,
    };
  } catch {
    return {
      ok: false,
      message: "the file is neither UTF-8 nor Shift_JIS text, so it cannot be read without garbling it",
      hint: CONVERT_HINT,
    };
  }
}

function utf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { ok: false, message: "the file is not valid UTF-8", hint: CONVERT_HINT };
  }
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return {
      ok: true,
      text,
      encoding,
      warning: `the file is saved as ${encoding.toUpperCase()}, not UTF-8; it was read as ${encoding.toUpperCase()} (hint: save it as UTF-8)`,
    };
  } catch {
    return { ok: false, message: `the file looks like ${encoding.toUpperCase()} but is not valid`, hint: CONVERT_HINT };
  }
}

function zeroShare(bytes: Uint8Array, offset: number): number {
  let zeros = 0;
  let total = 0;
  for (let i = offset; i < Math.min(bytes.length, 4096); i += 2) {
    total++;
    if (bytes[i] === 0) zeros++;
  }
  return total ? zeros / total : 0;
}
