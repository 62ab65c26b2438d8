/**
 * Settlement costing: every employee's pay and the employer's costs for each projected year, totals per
 * year, and the year-over-year increase split the way districts and unions report a settlement:
 *   schedule improvement  the new schedule at this year's placements, less last year's schedule at them
 *   step and lane         last year's schedule at this year's placements, less last year's pay
 *   other pay             off-schedule, stipends (and longevity where a contract states it)
 *   benefits              FICA/Medicare, pension, insurance, 403(b)
 * and the package % (the whole increase over last year's total), compounded over the years.
 *
 * What a line is made of is the table of cost components (src/costing/components.ts); this module rolls the
 * roster forward, computes each component once per distinct input and adds them up, in integer cents.
 */
import type { Contract } from './model';
import { Engine, Failure } from './engine';
import { fromCents, Money, percentOfCents, roundAmount, toCents } from './rounding';
import { projectRow, rowKeyProblem } from './roster';
import type { Placement, RosterRow } from './roster';
import type { EmployerRates } from './parameters';
import { usd } from './format';
import { careerIncrementFor } from './rules/career-increment';
import { offSchedulePaymentIn } from './rules/off-schedule';
import { roundingFor } from './declared';
import { COMPONENTS, componentsShown } from './costing/components';
import type { ComponentId, CostComponent, LineContext, PayLine } from './costing/components';
import type { Costed } from './costing/benefits';
import { TupleMap } from './costing/memo';

/** The amount of each cost component (src/costing/components.ts), in dollars. */
export type ComponentAmounts = Record<ComponentId, number>;

export interface EmployeeYear extends ComponentAmounts {
  placement: Placement;
  // salary: annual pay on the schedule (× FTE), or hourly rate × hours; career: the part of salary above
  // the last regular step (career increment); the others as components.ts describes them
  salaryOnLastYear: number | null; // the same placement on last year's schedule (null in the first year)
  total: number;
  problems: string[];     // what could not be costed, with the reason (never a silent zero)
  readings: string[];     // how a clause was read for this line (an insurance maximum, a 403(b) tier), with citations
}

export interface YearTotals extends ComponentAmounts {
  year: string;
  employees: number;
  total: number;
  /** null in the first year */
  increase: number | null;
  scheduleImprovement: number | null;
  stepAndLane: number | null;
  otherPay: number | null;   // change in the "otherPay" components: off-schedule, stipends, longevity
  benefits: number | null;   // change in the "benefits" components: FICA, Medicare, pension, insurance, 403(b)
  packagePercent: number | null;
}

export interface CostResult {
  years: string[];
  employees: EmployeeYear[][]; // per roster row, per year
  totals: YearTotals[];
  /** total of the last year over the first, as a % */
  compoundedPercent: number | null;
  problems: string[];
  /** the cost components shown for this roster (optional ones only where a costed contract states them), in order */
  components: CostComponent[];
}

const cents = { places: 2, mode: 'half-up' } as const;
const r2 = (v: Money | number) => roundAmount(v, cents).toNumber();

/** Annual pay at a placement on the schedule of `year` (× FTE; half and half with a mid-year step). */
function payAt(engine: Engine, p: Placement, year: string): number | Failure {
  if (p.position !== undefined) {
    const rate = engine.hourly(p.contract, p.position, p.step, year);
    if (rate instanceof Failure) return rate;
    return r2(new Money(rate).mul(p.hours ?? 0));
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
  const v = roundAmount(new Money(a).add(b).div(2).mul(fte), rule).toNumber();
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
  return r2(new Money(career).sub(top).mul(share));
}

export interface CostOptions {
  years: string[];
  defaultContract?: string;
  rates: EmployerRates;
}

/** The pay of a placement for a year: computed once per placement and year, however many employees share it. */
function payLine(engine: Engine, contract: Contract, p: Placement, lastYear: string | undefined): PayLine {
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

/**
 * Rows that move alike (same contract, placement, FTE, seniority date and lane changes) share their roll-forward:
 * it is computed once, with the pay of each year. Each row still has its own placements (id, years of
 * service, coverage, match, stipend seasons), and its own keys checked.
 */
interface Movement { placements: Placement[]; pay: PayLine[] }

const movementKey = (row: RosterRow): unknown[] => [
  row.contract, row.lane, row.position, row.hours, row.step, row.fte, row.seniorityDate,
  ...(row.laneChanges ?? []).flatMap((c) => [c.year, c.lane]),
];

/** What a row's keys are checked on: the contract, its coverage, 403(b) status and years, and stipends. */
const rowKeys = (c: Contract, row: RosterRow): unknown[] => [
  c, row.coverage, row.matchKey, row.yearsOfService,
  ...(row.stipends ?? []).flatMap((s) => [s.activity, s.role, s.seasons]),
];

/** The placements of a row, from the movement of an earlier row that moves alike when there is one. */
function placementsOf(engine: Engine, row: RosterRow, years: string[], options: CostOptions, movements: TupleMap<Movement>, keysChecked: TupleMap<boolean>): { placements: Placement[]; movement: Movement } | Failure {
  const key = movementKey(row);
  const movement = movements.get(key);
  if (!movement) {
    const placements = projectRow(engine, row, years, options.defaultContract);
    if (placements instanceof Failure) return placements;
    const contract = engine.contract(placements[0].contract) as Contract;
    const m: Movement = { placements, pay: placements.map((p, i) => payLine(engine, contract, p, i > 0 ? years[i - 1] : undefined)) };
    movements.set(key, m);
    return { placements, movement: m };
  }
  const contract = engine.contract(movement.placements[0].contract) as Contract;
  // a row whose keys an earlier row had checked has them right (a wrong key refuses the whole roster)
  const keys = rowKeys(contract, row);
  if (!keysChecked.get(keys)) {
    const problem = rowKeyProblem(engine, contract, row, years[0]);
    if (problem) return problem;
    keysChecked.set(keys, true);
  }
  const yos = row.yearsOfService;
  const stipends = row.stipends ?? [];
  const placements = movement.placements.map((t, i): Placement => ({
    ...t, id: row.id,
    yearsOfService: yos === undefined ? undefined : yos + i,
    coverage: row.coverage, matchKey: row.matchKey,
    stipends: stipends.map((s) => ({ ...s, seasons: s.seasons + i })),
  }));
  return { placements, movement };
}

/** Per contract and year: the context a line is costed in, and each keyed component's amounts by key. */
interface YearCosting { ctx: LineContext; byKey: TupleMap<Costed>[] }

const ZERO = Object.fromEntries(COMPONENTS.map((c) => [c.id, 0])) as ComponentAmounts;

/** Costs a roster over `options.years` (consecutive; the first is the roster's year). */
export function costRoster(engine: Engine, roster: RosterRow[], options: CostOptions): CostResult | Failure {
  const { years } = options;
  if (!years.length) return new Failure('VALUE', 'give at least one school year');
  const n = COMPONENTS.length;
  const problems: string[] = [];
  const employees: EmployeeYear[][] = [];
  const movements = new TupleMap<Movement>();
  const keysChecked = new TupleMap<boolean>();
  const costings = new Map<Contract, YearCosting[]>();
  const rates = years.map((y) => options.rates.forYear(y));
  // per year, in cents: each component, the total, and the salaries at these placements on last year's schedule
  const sums = years.map(() => new Array<number>(n).fill(0));
  const totals = years.map(() => 0);
  const onLast = years.map(() => 0);
  const contracts = new Set<Contract>();
  const amounts = new Array<number>(n);
  for (const row of roster) {
    const got = placementsOf(engine, row, years, options, movements, keysChecked);
    if (got instanceof Failure) return got;
    const { placements, movement } = got;
    const contract = engine.contract(placements[0].contract) as Contract;
    contracts.add(contract);
    let perYear = costings.get(contract);
    if (!perYear) {
      perYear = years.map((year, i) => ({
        ctx: { engine, contract, year, rates: rates[i], pensionRate: contract.file.payroll?.retirement ? rates[i].pension(contract.file.payroll.retirement) : null } as LineContext,
        byKey: COMPONENTS.map(() => new TupleMap<Costed>()),
      }));
      costings.set(contract, perYear);
    }
    const lines: EmployeeYear[] = new Array(years.length);
    for (let i = 0; i < years.length; i++) {
      const p = placements[i];
      const { ctx, byKey } = perYear[i];
      ctx.p = p;
      ctx.pay = movement.pay[i];
      ctx.wages = 0;
      let total = 0;
      const issues: string[] = [];
      const readings: string[] = [];
      for (let k = 0; k < n; k++) {
        const component = COMPONENTS[k];
        let c: Costed | undefined;
        if (component.key) {
          const key = component.key(ctx);
          if (key !== undefined) {
            c = byKey[k].get(key);
            if (!c) c = byKey[k].set(key, component.cost(ctx));
          }
        } else c = component.cost(ctx);
        const v = c ? c.cents : 0;
        amounts[k] = v;
        if (component.wages) ctx.wages += v;
        if (component.group !== 'within') total += v;
        if (c?.issues) for (const t of c.issues) issues.push(`${p.id} ${p.year}: ${t}`);
        if (c?.readings) readings.push(...c.readings);
      }
      if (issues.length) problems.push(...issues);
      // every component's property made at once, in one shape, then filled (no property added one by one)
      const line = { placement: p, ...ZERO } as EmployeeYear;
      const s = sums[i];
      for (let k = 0; k < n; k++) {
        s[k] += amounts[k];
        line[COMPONENTS[k].id] = fromCents(amounts[k]);
      }
      const last = ctx.pay.salaryOnLastYear;
      line.salaryOnLastYear = last === null ? null : fromCents(last);
      line.total = fromCents(total);
      line.problems = issues;
      line.readings = readings;
      totals[i] += total;
      onLast[i] += last ?? ctx.pay.salary;
      lines[i] = line;
    }
    employees.push(lines);
  }
  const salaryAt = COMPONENTS.findIndex((c) => c.id === 'salary');
  const groupSum = (i: number, group: CostComponent['group']) => COMPONENTS.reduce((acc, c, k) => acc + (c.group === group ? sums[i][k] : 0), 0);
  const dollars = (v: number | null) => v && fromCents(v);
  const yearTotals: YearTotals[] = years.map((year, i) => {
    const t = { year, employees: employees.length } as YearTotals;
    COMPONENTS.forEach((c, k) => (t[c.id] = fromCents(sums[i][k])));
    t.total = fromCents(totals[i]);
    const first = i === 0;
    const increase = first ? null : totals[i] - totals[i - 1];
    t.increase = dollars(increase);
    t.scheduleImprovement = dollars(first ? null : sums[i][salaryAt] - onLast[i]);
    t.stepAndLane = dollars(first ? null : onLast[i] - sums[i - 1][salaryAt]);
    t.otherPay = dollars(first ? null : groupSum(i, 'otherPay') - groupSum(i - 1, 'otherPay'));
    t.benefits = dollars(first ? null : groupSum(i, 'benefits') - groupSum(i - 1, 'benefits'));
    t.packagePercent = first || totals[i - 1] === 0 ? null : new Money(increase!).div(totals[i - 1]).mul(100).toDecimalPlaces(2).toNumber();
    return t;
  });
  const first = yearTotals[0].total;
  const last = yearTotals[yearTotals.length - 1].total;
  return {
    years, employees, totals: yearTotals,
    compoundedPercent: yearTotals.length > 1 && first !== 0 ? new Money(last).div(first).sub(1).mul(100).toDecimalPlaces(2).toNumber() : null,
    problems,
    components: componentsShown(contracts),
  };
}
