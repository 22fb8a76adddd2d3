// What every edition says at the end of a leaflet: who to ask (「このページに関するお問い合わせ」, from the leaflet's
// or the site's contact) and the date the information is as of. Nothing is said for what the leaflet does not give.
import { formatJapaneseDate } from "../lib/dates.ts";
import type { Leaflet } from "../model/types.ts";

/** The unit name of the closing in sentence ids (`_closing--0-s0`). */
export const CLOSING_UNIT_ID = "_closing";

/** The heading of the contact, as city web pages write it. */
export const CONTACT_HEADING = "このページに関するお問い合わせ";

/** One line of the closing: a label (電話) and its value, or a sentence. */
export interface ClosingLine {
  kind: "heading" | "department" | "phone" | "fax" | "hours" | "address" | "email" | "url" | "as-of";
  label?: string;
  /** As printed (a phone number with its hyphens). */
  value: string;
}

/** The closing lines of a leaflet: the contact, if any, then the information date. */
export function closingLines(leaflet: Leaflet): ClosingLine[] {
  const out: ClosingLine[] = [];
  const c = leaflet.contact;
  if (c) {
    out.push({ kind: "heading", value: CONTACT_HEADING });
    out.push({ kind: "department", value: c.department });
    if (c.phone) out.push({ kind: "phone", label: "電話", value: c.phone.number });
    if (c.fax) out.push({ kind: "fax", label: "ファックス", value: c.fax.number });
    if (c.hours) out.push({ kind: "hours", label: "受付時間", value: c.hours });
    if (c.address) out.push({ kind: "address", label: "住所", value: c.address });
    if (c.email) out.push({ kind: "email", label: "メール", value: c.email });
    if (c.url) out.push({ kind: "url", label: "ホームページ", value: c.url });
  }
  if (leaflet.asOf) out.push({ kind: "as-of", value: asOfSentence(leaflet.asOf) });
  return out;
}

/** 「この情報は2021年10月1日時点のものです。」 */
export function asOfSentence(iso: string): string {
  return `この情報は${formatJapaneseDate(iso)}時点のものです。`;
}
