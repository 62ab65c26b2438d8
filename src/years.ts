/**
 * School years. Canonical spelling "2025-26" (July 2025 to June 2026). Accepted: "2025-26", "2025-2026",
 * "2025/26", "2025–26" (en dash), "FY2026", "FY26", "SY2025-26". A bare "2025" is ambiguous (2024-25 or
 * 2025-26?) and refused with the canonical spelling in the message.
 */
export type YearParse = { ok: true; year: string } | { ok: false; message: string };

const cache = new Map<string, YearParse>();

function canonical(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

function parse(text: string): YearParse {
  const t = text.trim().toUpperCase().replace(/^SY\s*/, '').replace(/[\u2010-\u2015/]/g, '-').replace(/\s+/g, '');
  let m = /^(\d{4})-(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const start = Number(m[1]);
    const end = Number(m[2]);
    const ok = m[2].length === 2 ? end === (start + 1) % 100 : end === start + 1;
    if (ok) return { ok: true, year: canonical(start) };
    return { ok: false, message: `Year "${text}" does not name consecutive years; write a school year as ${canonical(start)}` };
  }
  m = /^FY(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const end = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    return { ok: true, year: canonical(end - 1) };
  }
  if (t === '1999')
    return { ok: false, message: `Year 1999 is what Excel computes for a school year typed without quotes (2025-26 is 2025 minus 26); put the year in quotes: "2025-26"` };
  if (/^\d{4}$/.test(t)) {
    const y = Number(t);
    return { ok: false, message: `Year "${text}" is ambiguous: write ${canonical(y - 1)} or ${canonical(y)} (or FY${y} for ${canonical(y - 1)})` };
  }
  return { ok: false, message: `"${text}" is not a school year; write it as 2025-26 (also accepted: 2025-2026, FY2026)` };
}

/** Parses a year argument; results are cached, so repeated spellings cost one Map lookup. */
export function parseYear(text: string): YearParse {
  let r = cache.get(text);
  if (r === undefined) {
    r = parse(text);
    if (cache.size > 10000) cache.clear();
    cache.set(text, r);
  }
  return r;
}

/** The school year an ISO date falls in (July 1 to June 30): "2027-01-15" → "2026-27". */
export function schoolYearOf(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return canonical(m >= 7 ? y : y - 1);
}

/** The month of the school year an ISO date falls in: July 0 … June 11. */
export function monthOfSchoolYear(date: string): number {
  return (Number(date.slice(5, 7)) + 5) % 12;
}
