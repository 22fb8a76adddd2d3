// BRF: North American ASCII braille, the file format embossers and braille editors read.
/** North American ASCII braille: the character for each cell value 0–63 (dots 1–6 as bits 0–5). */
export const BRF_ASCII = " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)=";

/** Unicode braille (with blanks, newlines and form feeds) → BRF text. */
export function brailleToBrf(unicode: string): string {
  let out = "";
  for (const ch of unicode) {
    const code = ch.charCodeAt(0);
    if (code >= 0x2800 && code <= 0x283f) out += BRF_ASCII[code - 0x2800];
    else if (ch === " ") out += " ";
    else if (ch === "\n" || ch === "\f" || ch === "\r") out += ch;
    else throw new Error(`not a six-dot braille cell: ${JSON.stringify(ch)} (U+${code.toString(16).toUpperCase()})`);
  }
  return out;
}

/** BRF text → Unicode braille (the reverse of brailleToBrf; lower-case letters read as upper). */
export function brfToBraille(brf: string): string {
  let out = "";
  for (const ch of brf) {
    if (ch === " " || ch === "\n" || ch === "\f" || ch === "\r") {
      out += ch;
      continue;
    }
    const n = BRF_ASCII.indexOf(ch.toUpperCase());
    if (n < 0) throw new Error(`not a BRF character: ${JSON.stringify(ch)}`);
    out += String.fromCharCode(0x2800 + n);
  }
  return out;
}
