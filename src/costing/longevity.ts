/**
 * Longevity pay (for a contract that declares payroll.longevity): a yearly amount by years of continuous service, as a contract's payroll.longevity names it
 * (a term tiered by minYears). Waconia custodians: $200 a year after 15 years, $400 after 20, $600 after 25
 * (004_95c67c5f7895ec64.txt:6100 for 2023-25, :6861 for 2025-27). The years come from the roster's years of
 * service column and grow by one a year of the projection (src/roster.ts). The cost component "longevity"
 * of ./components.ts; a teachers' contract that states longevity declares payroll.longevity the same way.
 *
 * The agreements state the amount per year with no part-time proportion: it is costed in full at any FTE,
 * and the notes say so. Below the first tier there is none (0, no note); without years of service the
 * line is not costed, with the reason (never a silent zero).
 */
import type { Contract } from '../model';
import { Engine, Failure } from '../engine';
import { toCents } from '../rounding';
import type { Placement } from '../roster';
import { usd } from '../format';
import type { Costed } from './benefits';

export function longevityCost(engine: Engine, c: Contract, p: Placement, year: string): Costed | Failure {
  const rule = c.file.payroll!.longevity!;
  const amount = engine.term(c.id, rule.term, undefined, year, p.yearsOfService);
  if (amount instanceof Failure) return amount;
  if (amount === 0) return { cents: 0 };
  // the tier paid: the value of the year with this amount that the years reach (its line is the citation)
  const tier = c.terms.get(rule.term)!.file.values.find((v) => v.years.includes(year) && v.amount === amount && (v.minYears ?? 0) <= p.yearsOfService!);
  const partTime = p.fte < 1 ? `, in full at FTE ${p.fte} (no part-time proportion stated)` : '';
  return {
    cents: toCents(amount),
    readings: [`longevity ${usd(amount)}: ${p.yearsOfService} years of service, tier from ${tier?.minYears} (${tier?.cite ?? rule.cite})${partTime}`],
  };
}
