// Small helpers for writing XML by hand: escaping, and ids every XML parser accepts.

/** Escapes text for element content and double-quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Attributes from a record, skipping undefined values; keys are written as given. */
export function attrs(record: Record<string, string | number | undefined>): string {
  return Object.entries(record)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join("");
}

/**
 * An id valid as an XML name (DAISY's XHTML 1.0 and SMIL 1.0 are checked against DTDs that type ids as ID):
 * unchanged when it already is one, which is the case for every id the model makes that starts with a letter or `_`.
 */
export function xmlId(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_.-]/g, "_");
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `x${cleaned}`;
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
