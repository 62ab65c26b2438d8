/**
 * A term whose value changes inside a school year (values with `from`, e.g. the employer's insurance contribution
 * rising on January 1), costed for the year as the blend by the months each value is in force: for a monthly
 * amount, each value × the months of the school year (July first) it is in force, summed in cents. The notes say
 * so, with each value's citation.
 */
import type { Contract } from '../model';
import type { Engine } from '../engine';
import { Failure } from '../failure';
import { toCents } from '../rounding';
import { usd } from '../format';

/** Whether the term states a value that takes effect inside `year`. */
export function changesIn(c: Contract, termId: string, year: string): boolean {
  return c.terms.get(termId)?.file.values.some((v) => v.from !== undefined && v.years.includes(year)) ?? false;
}

/**
 * The year's total of a monthly term that changes inside it, in cents, over the 12 months of the school year,
 * and the reading that explains the blend. A contract that pays the amount for other than 12 months a year is
 * not blended (which months it pays is not stated): a Failure says so.
 */
export function monthlyBlend(engine: Engine, c: Contract, termId: string, key: string | undefined, year: string, monthsPaid: number): { cents: number; reading: string } | Failure {
  const periods = engine.termPeriods(c.id, termId, key, year);
  if (periods instanceof Failure) return periods;
  const title = c.terms.get(termId)!.file.title;
  if (monthsPaid !== 12)
    return new Failure('NA', `${title} changes during ${year}, and the contract pays it for ${monthsPaid} months a year without saying which: the blend by months in force cannot be costed`);
  let cents = 0;
  const parts: string[] = [];
  for (const p of periods) {
    cents += toCents(p.amount) * p.months;
    parts.push(`${usd(p.amount, { cents: true })} a month × ${p.months} month${p.months === 1 ? '' : 's'} ${p.from ? `from ${p.from}` : 'from July 1'} (${p.cite})`);
  }
  return { cents, reading: `${title}${key ? `, ${key}` : ''}, ${year}: changes during the year, costed by the months each value is in force: ${parts.join(' + ')} = ${usd(cents / 100, { cents: true })}` };
}
