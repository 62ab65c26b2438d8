/**
 * The pay of a placement for a year (the "pay" cost components read it): annual pay on the schedule × FTE, or an
 * hourly rate × hours; the pay of a year with a mid-year step; the career increment's part of it; the off-schedule
 * payment; and the same placement on last year's schedule (for the increase split). Computed once per placement
 * and year of a costing (./sharing.ts), in integer cents.
 */
import type { Contract } from '../model';
import { Engine, Failure } from '../engine';
import { percentOfCents, roundProduct, toCents } from '../rounding';
import type { Placement } from '../roster';
import { usd } from '../format';
import { careerIncrementFor } from '../rules/career-increment';
import { offSchedulePaymentIn } from '../rules/off-schedule';
import { roundingFor } from '../declared';
import type { PayLine } from './components';

const cents = { places: 2, mode: 'half-up' } as const;

/** Annual pay at a placement on the schedule of `year` (× FTE; half and half with a mid-year step). */
function payAt(engine: Engine, p: Placement, year: string): number | Failure {
  if (p.position !== undefined) {
    const rate = engine.hourly(p.contract, p.position, p.step, year);
    if (rate instanceof Failure) return rate;
    return roundProduct(rate, p.hours ?? 0, cents);
  }
  if (p.midYearStep === undefined) return engine.salary(p.contract, p.lane!, p.step, year, p.fte);
  return midYearPay(engine, p.contract, p.lane!, p.step, p.midYearStep, year, p.fte);
}

/**
 * The pay of a year with a step half way through it (Waconia 2026-27, 004:5012): half the year on each
 * printed step, × FTE, rounded ONCE by the contract's proration rule: (first + second) / 2 × FTE. (Rounding
 * each prorated half first can be a cent off: BA+15 D 53,013 and E 54,523 at FTE 0.875 give 47,047.00, not
 * 46,386.38 + 47,707.63 = 47,047.005 -> 47,047.01.)
 */
export function midYearPay(engine: Engine, contract: string, lane: string, first: string, second: string, year: string, fte = 1, trace?: string[]): number | Failure {
  const a = engine.salary(contract, lane, first, year, undefined, undefined, trace);
  if (a instanceof Failure) return a;
  const b = engine.salary(contract, lane, second, year, undefined, undefined, trace);
  if (b instanceof Failure) return b;
  const c = engine.contract(contract) as Contract;
  const rule = roundingFor(c.file, 'proration');
  if (!rule) return new Failure('NA', `${c.id} declares no "proration" rounding rule (roundingFor.proration), so a year split between two steps cannot be computed`);
  const v = roundProduct((toCents(a) + toCents(b)) / 100, fte, rule, 2);
  trace?.push(`half the year on each step: (${usd(a)} + ${usd(b)}) / 2${fte !== 1 ? ` × FTE ${fte}` : ''} = ${usd(v)}, rounded once to ${rule.places} places ${rule.mode} (${rule.cite})`);
  return v;
}

/** The part of a placement's salary that is the career increment (the career cell less the last step), × the share of the year on it. */
function careerPart(engine: Engine, c: Contract, p: Placement, year: string): number {
  if (p.position !== undefined) return 0;
  const rule = careerIncrementFor(c, c.salarySchedule?.id, year, p.lane!);
  if (!rule) return 0;
  const share = p.step === rule.step ? 1 : p.midYearStep === rule.step ? 0.5 : 0;
  if (share === 0) return 0;
  const career = engine.salary(c.id, p.lane!, rule.step, year, p.fte);
  const top = engine.salary(c.id, p.lane!, rule.baseStep, year, p.fte);
  if (career instanceof Failure || top instanceof Failure) return 0;
  return roundProduct((toCents(career) - toCents(top)) / 100, share, cents);
}

/** The pay of a placement for a year: computed once per placement and year, however many employees share it. */
export function payLine(engine: Engine, contract: Contract, p: Placement, lastYear: string | undefined): PayLine {
  const issues: string[] = [];
  const year = p.year;
  const pay = payAt(engine, p, year);
  const salary = pay instanceof Failure ? 0 : toCents(pay);
  if (pay instanceof Failure) issues.push(`pay not costed: ${pay.message}`);
  let salaryOnLastYear: number | null = null;
  if (lastYear !== undefined) {
    const before = payAt(engine, p, lastYear);
    // a cell the previous year does not print (e.g. a new step) counts wholly as schedule improvement
    salaryOnLastYear = before instanceof Failure ? salary : toCents(before);
  }
  const off = offSchedulePaymentIn(contract, year);
  const offSchedule = off && p.position === undefined ? percentOfCents(salary, off.percent) : 0;
  return { salary, career: toCents(careerPart(engine, contract, p, year)), offSchedule, salaryOnLastYear, issues };
}

