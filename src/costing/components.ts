/**
 * The cost components of an employee's year, as ONE table: it drives the costing of a line
 * (src/costing.ts), the totals and the increase split, COST's and COMPARE's rows (src/settlement.ts
 * summaryRows) and PROJECT's columns (settlement.ts projectAmounts). Adding a component is one entry here
 * (and, for a clause of the agreements, one module beside this one, like ./longevity.ts).
 *
 * The order of the table is the order of the rows and columns, and the order of computation: the pay
 * components (wages) come before the benefits computed on them.
 */
import type { Contract } from '../model';
import type { Engine } from '../engine';
import type { Placement } from '../roster';
import type { YearRates } from '../parameters';
import { Failure } from '../engine';
import { percentOfCents, toCents } from '../rounding';
import { insuranceCost, matchCost } from './benefits';
import { longevityCost } from './longevity';
import type { Costed } from './benefits';
import { seniorityBand } from '../seniority';

export type ComponentId = 'salary' | 'career' | 'offSchedule' | 'stipends' | 'longevity' | 'fica' | 'medicare' | 'pension' | 'insurance' | 'match';

/**
 * Which part of the year-over-year increase a component's change falls in:
 *   salary    split into schedule improvement and step and lane movement (by last year's schedule at this year's placements)
 *   otherPay  "off-schedule and stipends" (the label lists the components shown)
 *   benefits  employer benefits
 *   within    a part of another component (career increments are part of salaries): not added again
 */
export type IncreaseGroup = 'salary' | 'otherPay' | 'benefits' | 'within';

/** The placement's pay for the year, computed once per placement and year (src/costing.ts payLine). */
export interface PayLine {
  salary: number;
  career: number;
  offSchedule: number;
  /** the same placement on last year's schedule; null in the first year */
  salaryOnLastYear: number | null;
  issues: string[];
}

/** What a component's computation of one employee-year sees. Amounts in integer cents. */
export interface LineContext {
  engine: Engine;
  contract: Contract;
  /** the line's placement ("pay" and "own" components; a "wages" component reads none: it is unset there) */
  p: Placement;
  year: string;
  pay: PayLine;
  rates: YearRates;
  /** the pension rate of the contract's retirement plan for the year (null: none sourced) */
  pensionRate: number | null;
  /** the line's wages: the sum of its wage components (salary, off-schedule, stipends, longevity); read by the "wages" components */
  wages: number;
}

export interface CostComponent {
  id: ComponentId;
  /** COST's (and COMPARE's) row */
  label: string;
  /** PROJECT's column (and how the increase split names it: "off-schedule and stipends"); none: summed into its "employer benefits" column */
  column?: string;
  group: IncreaseGroup;
  /** pay, on which Social Security, Medicare and pension are computed */
  wages: boolean;
  /**
   * What the amount is computed from, and so how often costing computes it (src/costing.ts):
   *   pay    the placement's pay of the year (x.pay): once per movement and year, for every row that moves alike
   *   own    the row's own fields, named by `key`: once per distinct key and year
   *   wages  the line's wages (x.wages, the sum of the wage components) and the year's rates, not the placement
   *          or its pay: once per line; not itself a wage
   */
  from: 'pay' | 'own' | 'wages';
  /**
   * Shown (in COST, COMPARE and PROJECT) only when a costed contract states it; always shown without this.
   * So an optional component adds no row or column to the rosters it does not concern.
   */
  statedBy?(c: Contract): boolean;
  /**
   * The values the amount depends on besides the contract and the year: lines with equal values cost the
   * same, so the amount is computed once per distinct tuple (src/costing/memo.ts). undefined: nothing to
   * cost (0). Without key, the amount is computed for every line (arithmetic on the line's pay and wages).
   * A keyed component reads only the placement's own fields (contract, year, FTE, coverage, 403(b) status,
   * years of service, the seniority date compared with the contract's stated dates, stipends): costing
   * computes it once per class of rows alike in them (src/costing.ts RowClass; a test holds every key to it).
   */
  key?(x: LineContext): readonly unknown[] | undefined;
  /**
   * The amount of one employee-year: integer cents, or cents with how a clause was read (readings) and
   * what could not be costed (issues). A plain number is the common case and allocates nothing per line.
   */
  cost(x: LineContext): Amount;
}

/** A component's amount: cents alone, or cents with readings and issues. */
export type Amount = number | Costed;

const none: Costed = { cents: 0 };

/** The stipends of a placement: each assignment through Engine.stipend, prorated where the contract says so. */
function stipendsCost({ engine, contract, p, year }: LineContext): Costed {
  let cents = 0;
  const issues: string[] = [];
  const readings: string[] = [];
  for (const s of p.stipends) {
    // a part-time teacher's stipend is prorated where the contract says so (Anoka-Hennepin music, 001:1139-1140),
    // and costed in full, with that reading named, where it states no proportion
    const applied: { partTime?: string } = {};
    const v = engine.stipend(p.contract, s.activity, s.role, s.seasons, year, p.fte < 1 ? { fteWhereStated: p.fte, applied } : {});
    if (v instanceof Failure) issues.push(`stipend ${s.activity} / ${s.role} not costed: ${v.message}`);
    else cents += toCents(v);
    if (p.fte < 1 && !(v instanceof Failure)) {
      const prorated = applied.partTime;
      readings.push(prorated ? `stipend ${s.activity} / ${s.role} ${prorated}` : `stipend ${s.activity} / ${s.role} costed in full at FTE ${p.fte}: ${contract.id} states no part-time proportion of it`);
    }
  }
  return { cents, issues, readings };
}

/** A benefit the contract keys by a term: computed by `f`, its Failure reported as "`what` not costed". */
const notCosted = (what: string, v: Costed | Failure | undefined): Costed => (v instanceof Failure ? { cents: 0, issues: [`${what} not costed: ${v.message}`] } : v ?? none);

export const COMPONENTS: readonly CostComponent[] = [
  {
    id: 'salary', label: 'Salaries (schedule placement × FTE, hourly pay)', column: 'salary', group: 'salary', wages: true, from: 'pay',
    cost: ({ pay }) => (pay.issues.length ? { cents: pay.salary, issues: pay.issues } : pay.salary),
  },
  { id: 'career', label: '  of which career increments', column: 'career increment', group: 'within', wages: false, from: 'pay', cost: ({ pay }) => pay.career },
  { id: 'offSchedule', label: 'Off-schedule payments', column: 'off-schedule', group: 'otherPay', wages: true, from: 'pay', cost: ({ pay }) => pay.offSchedule },
  {
    id: 'stipends', label: 'Stipends', column: 'stipends', group: 'otherPay', wages: true, from: 'own',
    key: ({ p }) => {
      if (!p.stipends.length) return undefined;
      const key: unknown[] = [p.fte];
      for (const s of p.stipends) key.push(s.activity, s.role, s.seasons);
      return key;
    },
    cost: stipendsCost,
  },
  {
    id: 'longevity', label: 'Longevity pay', column: 'longevity', group: 'otherPay', wages: true, from: 'own',
    statedBy: (c) => !!c.file.payroll?.longevity,
    key: ({ p, contract }) => (contract.file.payroll?.longevity ? [p.yearsOfService, p.fte] : undefined),
    cost: ({ engine, contract, p, year }) => notCosted('longevity', longevityCost(engine, contract, p, year)),
  },
  {
    id: 'fica', label: 'Social Security (employer)', group: 'benefits', wages: false, from: 'wages',
    cost: ({ rates, wages }) => {
      const cents = rates.oasdi === null ? 0 : percentOfCents(capped(wages, rates), rates.oasdi);
      // one note for both FICA parts, as the payroll reports them together
      return rates.oasdi === null || rates.medicare === null ? { cents, issues: [`FICA/Medicare not costed: ${rates.missing.join('; ')}`] } : cents;
    },
  },
  { id: 'medicare', label: 'Medicare (employer)', group: 'benefits', wages: false, from: 'wages', cost: ({ rates, wages }) => (rates.medicare === null ? 0 : percentOfCents(wages, rates.medicare)) },
  {
    id: 'pension', label: 'Pension (employer: TRA, PERA)', group: 'benefits', wages: false, from: 'wages',
    cost: ({ contract, year, wages, pensionRate }) => {
      const plan = contract.file.payroll?.retirement;
      if (!plan) return 0;
      if (pensionRate === null) return { cents: 0, issues: [`pension not costed: no ${plan} rate for ${year}`] };
      return percentOfCents(wages, pensionRate);
    },
  },
  {
    id: 'insurance', label: 'Health insurance (employer)', group: 'benefits', wages: false, from: 'own',
    key: ({ p }) => (p.coverage ? [p.coverage, p.fte] : undefined),
    cost: ({ engine, contract, p, year }) => {
      if (contract.file.payroll?.insurance) return notCosted('insurance', insuranceCost(engine, contract, p, year));
      return { cents: 0, issues: [`insurance not costed: ${contract.file.payroll?.note ?? `${contract.id} states no insurance contribution to cost`}`] };
    },
  },
  {
    id: 'match', label: '403(b) match', group: 'benefits', wages: false, from: 'own',
    // the seniority date only where the tiers follow it (Anoka-Hennepin), by its band (the tiers compare it with
    // their dates alone, src/seniority.ts); then the years of service are not read
    key: ({ p, contract }) => (p.seniorityDate !== undefined && matchTieredBySeniority(contract) ? [p.matchKey, seniorityBand(contract, p.seniorityDate), p.fte] : [p.matchKey, p.yearsOfService, p.fte]),
    cost: ({ engine, contract, p, year }) => notCosted('403(b) match', matchCost(engine, contract, p, year)),
  },
];

/** Per contract: whether its 403(b) match is tiered by seniority date (matchCost derives the tier from the date). */
const bySeniority = new WeakMap<Contract, boolean>();
function matchTieredBySeniority(c: Contract): boolean {
  let v = bySeniority.get(c);
  if (v === undefined) {
    const m = c.file.payroll?.match;
    v = !!m && !!c.terms.get(m.term)?.file.values.some((x) => x.seniorityBefore !== undefined);
    bySeniority.set(c, v);
  }
  return v;
}

/** Wages up to the Social Security wage base of the year. */
function capped(wages: number, rates: YearRates): number {
  return rates.oasdiWageBase === null ? wages : Math.min(wages, rates.oasdiWageBase * 100);
}

/** The components shown for the contracts costed: every one that is not optional, and the optional ones a contract states. */
export function componentsShown(contracts: Iterable<Contract>): CostComponent[] {
  const list = [...contracts];
  return COMPONENTS.filter((k) => !k.statedBy || list.some((c) => k.statedBy!(c)));
}

/** "off-schedule and stipends", "off-schedule, stipends and longevity": the other pay among the components shown. */
export function otherPayLabel(shown: readonly CostComponent[]): string {
  return shown.filter((k) => k.group === 'otherPay').map((k) => k.column).join(', ').replace(/, ([^,]*)$/, ' and $1');
}
