// Dates as Japanese leaflets write them.

/** `2021-10-01` → `2021年10月1日`; anything else is returned as it is. */
export function formatJapaneseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** Months from an ISO date to `today`, rounded down (how old a leaflet's information is). */
export function monthsSince(iso: string, today: Date): number {
  const [y, m, d] = iso.split("-").map(Number);
  let months = (today.getUTCFullYear() - y) * 12 + (today.getUTCMonth() + 1 - m);
  if (today.getUTCDate() < d) months--;
  return months;
}
