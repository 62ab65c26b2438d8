/**
 * Seniority dates as a contract reads them: only by comparing them with the dates it states, the
 * `seniorityBefore` of its career promotions (Anoka-Hennepin's career steps, 001:1044-1046) and of its terms'
 * values (its 403(b) tiers, 001:884-886). Two dates that fall between the same two stated dates are read alike
 * by every rule: they have the same seniority band. Costing shares a roll-forward and a 403(b) amount among the
 * rows of one band (src/costing.ts), and names each row's own date in its notes.
 */
import type { Contract } from './model';
import { entries } from './rules/kind';

/** Per compiled contract: the dates it compares seniority dates with, sorted, without repeats. */
const stated = new WeakMap<Contract, readonly string[]>();

export function statedSeniorityDates(c: Contract): readonly string[] {
  let dates = stated.get(c);
  if (!dates) {
    const all = new Set<string>();
    for (const r of entries(c.file, 'careerPromotion')) all.add(r.seniorityBefore);
    for (const t of c.terms.values()) for (const v of t.file.values) if (v.seniorityBefore !== undefined) all.add(v.seniorityBefore);
    dates = [...all].sort();
    stated.set(c, dates);
  }
  return dates;
}

/**
 * The band of a seniority date: how many of the contract's stated dates are not after it (every rule asks
 * `date < stated`, as ISO text). Without a date: -1, unless the contract states no date at all (then every
 * row is in band 0: no rule reads the date, and no note names it).
 */
export function seniorityBand(c: Contract, date: string | undefined): number {
  const dates = statedSeniorityDates(c);
  if (!dates.length) return 0;
  if (date === undefined) return -1;
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (date < dates[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A text shared by the rows of one band names the date of the row it was computed for as `seniority <date>`
 * (a promotion's note, a 403(b) tier's reading). Shared, it holds a placeholder instead; each row's line puts
 * its own date back. (The stated dates never follow the word "seniority": "a seniority date before 1987-12-31".)
 */
const PLACEHOLDER = '\u0000';

export function withDatePlaceholder(text: string, date: string | undefined): string {
  return date === undefined ? text : text.split(`seniority ${date}`).join(`seniority ${PLACEHOLDER}`);
}

export function withOwnDate(text: string, date: string | undefined): string {
  return date === undefined || !text.includes(PLACEHOLDER) ? text : text.split(PLACEHOLDER).join(date);
}

/** `texts` with the row's own date in place of the placeholder: the same list when none holds it. */
export function withOwnDates(texts: string[], date: string | undefined): string[] {
  return date !== undefined && texts.some((t) => t.includes(PLACEHOLDER)) ? texts.map((t) => withOwnDate(t, date)) : texts;
}
