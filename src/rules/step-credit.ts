/**
 * Step credit: how much of a year a part-time employee's service counts toward a step (1, ½, or the FTE),
 * by minimum FTE. A year with credit rules that no rule of the employee's FTE meets counts 0; a year with
 * none counts 1. A proposal carries the last year's rules into the years it adds.
 */
import type { Contract } from '../model';
import type { RuleKind } from './kind';
import { entries } from './kind';

export const stepCredit: RuleKind = {
  id: 'stepCredit',

  validate(v) {
    v.each(entries(v.file, 'stepCredit'), (r, i) => v.needYears(r.years, `rules.stepCredit[${i}].years`));
  },

  overlay({ file, prev, year: y }) {
    for (const r of entries(file, 'stepCredit')) if (r.years.includes(prev) && !r.years.includes(y.year)) r.years.push(y.year);
  },
};

/** The share of a year (0 to 1) that counts toward a step at this FTE. */
export function creditFor(contract: Contract, year: string, fte: number): number {
  const rules = entries(contract.file, 'stepCredit');
  const rule = rules.find((r) => r.years.includes(year) && fte >= r.minFte);
  if (!rule) return rules.some((r) => r.years.includes(year)) ? 0 : 1;
  return rule.credit === 'fte' ? fte : rule.credit;
}
