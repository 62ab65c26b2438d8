/**
 * Off-schedule payments: a one-time payment in a year, a percent of the placement salary (prorated by FTE
 * through the salary it is a percent of). Costing reads it through `offSchedulePaymentIn`; a proposal's
 * year has the payment the proposal states, or none.
 */
import type { Contract, OffSchedulePaymentRule } from '../model';
import type { RuleKind } from './kind';
import { entries } from './kind';

export const offSchedulePayments: RuleKind = {
  id: 'offSchedulePayments',

  validate(v) {
    v.each(entries(v.file, 'offSchedulePayments'), (r, i) => v.needYear(r.year, `rules.offSchedulePayments[${i}].year`));
  },

  overlay({ file, year: y, cite }) {
    const kept = entries(file, 'offSchedulePayments').filter((r) => r.year !== y.year);
    (file.rules ??= {}).offSchedulePayments = y.offSchedulePercent ? [...kept, { year: y.year, percent: y.offSchedulePercent, prorate: 'fte', cite }] : kept;
  },
};

/** The off-schedule payment of a year, if the contract states one. */
export function offSchedulePaymentIn(c: Contract, year: string): OffSchedulePaymentRule | undefined {
  return entries(c.file, 'offSchedulePayments').find((o) => o.year === year);
}
