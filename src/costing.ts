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
import type { Consulted, Placement, RosterRow } from './roster';
import type { EmployerRates } from './parameters';
import { usd } from './format';
import { careerIncrementFor } from './rules/career-increment';
import { offSchedulePaymentIn } from './rules/off-schedule';
import { roundingFor } from './declared';
import { COMPONENTS, componentsShown } from './costing/components';
import type { Amount, ComponentId, CostComponent, LineContext, PayLine } from './costing/components';
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
  /** per roster row, per year; made on first reading (COST and COMPARE read the totals alone), then a plain property */
  employees: EmployeeYear[][];
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
 * Rows that move alike (same contract, placement, FTE and lane changes, and the same seniority date where the
 * roll-forward compared it with a promotion gate) share their roll-forward: it is computed once, with the pay
 * of each year. Each row still has its own placements (id, years of service, coverage, match, stipend
 * seasons), and its own keys checked.
 */
interface Movement { contract: Contract; placements: Placement[]; pay: PayLine[] }

/**
 * The movements of rows alike but for their seniority date: one for all of them when the roll-forward did
 * not read the date (no promotion gate on the way), else one per date.
 */
interface Movements { any?: Movement; byDate?: Map<string | undefined, Movement> }

// keys are built by loops, not spread and flatMap: they are built for every row
function movementKey(row: RosterRow): unknown[] {
  const key: unknown[] = [row.contract, row.lane, row.position, row.hours, row.step, row.fte];
  if (row.laneChanges) for (const c of row.laneChanges) key.push(c.year, c.lane);
  return key;
}

/** What a row's keys are checked on: the contract, its coverage, 403(b) status and years, and stipends. */
function rowKeys(c: Contract, row: RosterRow): unknown[] {
  const key: unknown[] = [c, row.coverage, row.matchKey, row.yearsOfService];
  if (row.stipends) for (const s of row.stipends) key.push(s.activity, s.role, s.seasons);
  return key;
}

/** Shared by every line that has none (frozen: a line's list is never added to after costing). */
const NONE: never[] = Object.freeze([]) as never[];

/**
 * A row's placement in the i-th year of a movement: the movement's placement with the row's own id,
 * coverage, 403(b) status, seniority date, years of service and stipend seasons. Every placement is made here,
 * in one shape (all fields, absent ones undefined), so that the costing loop reads one kind of object. Given
 * `into`, its fields are set instead (the costing loop reuses one placement; the lines get their own).
 */
type RowOwn = Pick<RosterRow, 'id' | 'yearsOfService' | 'seniorityDate' | 'coverage' | 'matchKey' | 'stipends'>;

function placementOf(t: Placement, row: RowOwn, i: number, into?: Placement): Placement {
  const yos = row.yearsOfService === undefined ? undefined : row.yearsOfService + i;
  const stipends = row.stipends?.length ? row.stipends.map((s) => ({ activity: s.activity, role: s.role, seasons: s.seasons + i })) : NONE;
  if (!into) {
    return {
      id: row.id, contract: t.contract, year: t.year,
      lane: t.lane, step: t.step, midYearStep: t.midYearStep, position: t.position, hours: t.hours,
      fte: t.fte, yearsOfService: yos, seniorityDate: row.seniorityDate, coverage: row.coverage, matchKey: row.matchKey,
      stipends, notes: t.notes,
    };
  }
  into.id = row.id; into.contract = t.contract; into.year = t.year;
  into.lane = t.lane; into.step = t.step; into.midYearStep = t.midYearStep; into.position = t.position; into.hours = t.hours;
  into.fte = t.fte; into.yearsOfService = yos; into.seniorityDate = row.seniorityDate; into.coverage = row.coverage; into.matchKey = row.matchKey;
  into.stipends = stipends; into.notes = t.notes;
  return into;
}

/** The movement of a row: the one of an earlier row that moves alike when there is one, else its own roll-forward. */
function movementOf(engine: Engine, row: RosterRow, years: string[], options: CostOptions, movements: TupleMap<Movements>, keysChecked: TupleMap<boolean>): Movement | Failure {
  const key = movementKey(row);
  let alike = movements.get(key);
  const known = alike && (alike.any ?? alike.byDate?.get(row.seniorityDate));
  if (known) {
    // a row whose keys an earlier row had checked has them right (a wrong key refuses the whole roster)
    const keys = rowKeys(known.contract, row);
    if (!keysChecked.get(keys)) {
      const problem = rowKeyProblem(engine, known.contract, row, years[0]);
      if (problem) return problem;
      keysChecked.set(keys, true);
    }
    return known;
  }
  const consulted: Consulted = {};
  const placements = projectRow(engine, row, years, options.defaultContract, consulted);
  if (placements instanceof Failure) return placements;
  const contract = engine.contract(placements[0].contract) as Contract;
  const m: Movement = { contract, placements, pay: placements.map((p, i) => payLine(engine, contract, p, i > 0 ? years[i - 1] : undefined)) };
  if (!alike) alike = movements.set(key, {});
  if (consulted.seniority) (alike.byDate ??= new Map()).set(row.seniorityDate, m);
  else alike.any = m;
  return m;
}

/** Per contract and year: the context a line is costed in, and each keyed component's amounts by key. */
interface YearCosting { ctx: LineContext; byKey: TupleMap<Amount>[] }

/** The index of each component in COMPONENTS (and in the amounts of a line). */
const AT = Object.fromEntries(COMPONENTS.map((c, k) => [c.id, k])) as Record<ComponentId, number>;

/**
 * What costing keeps of each employee-year until its line is asked for: per row, what its placements are
 * made of; per line, the amounts in cents in flat arrays (no object per line). Line k is row
 * floor(k / years) in year k % years.
 */
interface Kept {
  /** per roster row: what the placements take from the row (copied: the caller may change its rows later), and its movement */
  rows: RowOwn[];
  movements: Movement[];
  /** cents, COMPONENTS.length per line, in the order of COMPONENTS */
  amounts: Float64Array;
  totals: Float64Array;
  /** the salary at the placement on last year's schedule; NaN in the first year */
  onLast: Float64Array;
  problems: string[][];
  readings: string[][];
}

/**
 * The employee-year lines, made from what costing kept: only when a caller reads them (PROJECT's table;
 * COST and COMPARE read the totals alone). Each line is one object literal (one shape; a property added
 * per component by name costs more than the costing); its type makes it list every component of the table.
 */
function linesOf(kept: Kept, rows: number, years: number): EmployeeYear[][] {
  const n = COMPONENTS.length;
  const a = kept.amounts;
  const out: EmployeeYear[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const lines: EmployeeYear[] = new Array(years);
    for (let i = 0; i < years; i++) {
      const k = r * years + i;
      const o = k * n;
      const last = kept.onLast[k];
      lines[i] = {
        placement: placementOf(kept.movements[r].placements[i], kept.rows[r], i),
        salary: fromCents(a[o + AT.salary]), career: fromCents(a[o + AT.career]), offSchedule: fromCents(a[o + AT.offSchedule]),
        stipends: fromCents(a[o + AT.stipends]), longevity: fromCents(a[o + AT.longevity]), fica: fromCents(a[o + AT.fica]),
        medicare: fromCents(a[o + AT.medicare]), pension: fromCents(a[o + AT.pension]), insurance: fromCents(a[o + AT.insurance]),
        match: fromCents(a[o + AT.match]),
        salaryOnLastYear: Number.isNaN(last) ? null : fromCents(last), total: fromCents(kept.totals[k]),
        problems: kept.problems[k], readings: kept.readings[k],
      };
    }
    out[r] = lines;
  }
  return out;
}

/**
 * A line's readings: the components' lists, one after the other. Lines whose components read alike share
 * one frozen list (a list per line would be most of what a costing keeps: most lines have the same few).
 */
function readingsOf(sources: string[][], count: number, merged: TupleMap<string[]>): string[] {
  if (count === 0) return NONE;
  if (count === 1) return Object.freeze(sources[0]) as string[];
  sources.length = count; // (setting the length costs a call: only here, where the lists are merged)
  return merged.get(sources) ?? merged.set(sources, Object.freeze(sources.flat()) as string[]);
}

/** Costs a roster over `options.years` (consecutive; the first is the roster's year). */
export function costRoster(engine: Engine, roster: RosterRow[], options: CostOptions): CostResult | Failure {
  const { years } = options;
  if (!years.length) return new Failure('VALUE', 'give at least one school year');
  const n = COMPONENTS.length;
  const problems: string[] = [];
  const movements = new TupleMap<Movements>();
  const keysChecked = new TupleMap<boolean>();
  const costings = new Map<Contract, YearCosting[]>();
  const rates = years.map((y) => options.rates.forYear(y));
  // per year, in cents: each component, the total, and the salaries at these placements on last year's schedule
  const sums = years.map(() => new Float64Array(n));
  // what the loop asks of each component, read once
  const isWage = COMPONENTS.map((c) => c.wages);
  const inTotal = COMPONENTS.map((c) => c.group !== 'within');
  const totals = years.map(() => 0);
  const onLast = years.map(() => 0);
  const contracts = new Set<Contract>();
  const lineCount = roster.length * years.length;
  const kept: Kept = {
    rows: new Array(roster.length), movements: new Array(roster.length), amounts: new Float64Array(lineCount * n), totals: new Float64Array(lineCount),
    onLast: new Float64Array(lineCount), problems: new Array(lineCount), readings: new Array(lineCount),
  };
  const sources: string[][] = []; // the readings of a line's components
  const merged = new TupleMap<string[]>();
  let line = 0;
  let r = 0;
  // the placement the components read, one for every line: they keep no reference to it (a line's own is made with the line)
  let scratch: Placement | undefined;
  for (const row of roster) {
    const movement = movementOf(engine, row, years, options, movements, keysChecked);
    if (movement instanceof Failure) return movement;
    kept.rows[r] = {
      id: row.id, yearsOfService: row.yearsOfService, seniorityDate: row.seniorityDate, coverage: row.coverage, matchKey: row.matchKey,
      stipends: row.stipends?.map((x) => ({ activity: x.activity, role: x.role, seasons: x.seasons })),
    };
    kept.movements[r++] = movement;
    const contract = movement.contract;
    let perYear = costings.get(contract);
    if (!perYear) {
      contracts.add(contract);
      perYear = years.map((year, i) => ({
        ctx: { engine, contract, year, rates: rates[i], pensionRate: contract.file.payroll?.retirement ? rates[i].pension(contract.file.payroll.retirement) : null } as LineContext,
        byKey: COMPONENTS.map(() => new TupleMap<Amount>()),
      }));
      costings.set(contract, perYear);
    }
    for (let i = 0; i < years.length; i++, line++) {
      const p = placementOf(movement.placements[i], row, i, scratch ??= placementOf(movement.placements[i], row, i));
      const { ctx, byKey } = perYear[i];
      const pay = movement.pay[i];
      ctx.p = p;
      ctx.pay = pay;
      ctx.wages = 0;
      let total = 0;
      let issues: string[] = NONE;
      let count = 0; // the readings of the line's components are sources[0 .. count - 1]
      const s = sums[i];
      const o = line * n;
      for (let k = 0; k < n; k++) {
        const component = COMPONENTS[k];
        // a keyed component: computed once per distinct key (undefined: nothing to cost); the others per line
        let c: Amount | undefined;
        if (!component.key) c = component.cost(ctx);
        else {
          const key = component.key(ctx);
          if (key === undefined) c = 0;
          else if ((c = byKey[k].get(key)) === undefined) c = byKey[k].set(key, component.cost(ctx));
        }
        let v: number;
        if (typeof c === 'number') v = c;
        else {
          v = c.cents;
          if (c.issues?.length) {
            if (issues === NONE) issues = [];
            for (const t of c.issues) issues.push(`${p.id} ${p.year}: ${t}`);
          }
          if (c.readings?.length) sources[count++] = c.readings;
        }
        kept.amounts[o + k] = v;
        s[k] += v;
        if (isWage[k]) ctx.wages += v;
        if (inTotal[k]) total += v;
      }
      if (issues.length) for (const t of issues) problems.push(t);
      const last = pay.salaryOnLastYear;
      totals[i] += total;
      onLast[i] += last ?? pay.salary;
      kept.totals[line] = total;
      kept.onLast[line] = last ?? NaN;
      kept.problems[line] = issues;
      kept.readings[line] = readingsOf(sources, count, merged);
    }
  }
  const employees = roster.length;
  const salaryAt = COMPONENTS.findIndex((c) => c.id === 'salary');
  const groupSum = (i: number, group: CostComponent['group']) => COMPONENTS.reduce((acc, c, k) => acc + (c.group === group ? sums[i][k] : 0), 0);
  const dollars = (v: number | null) => v && fromCents(v);
  const yearTotals: YearTotals[] = years.map((year, i) => {
    const t = { year, employees } as YearTotals;
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
  const result: CostResult = {
    years, employees: [], totals: yearTotals,
    compoundedPercent: yearTotals.length > 1 && first !== 0 ? new Money(last).div(first).sub(1).mul(100).toDecimalPlaces(2).toNumber() : null,
    problems,
    components: componentsShown(contracts),
  };
  // the lines are made on first reading, then kept as a plain property (in the same place among the keys)
  const settle = (value: EmployeeYear[][]) => Object.defineProperty(result, 'employees', { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(result, 'employees', {
    enumerable: true, configurable: true,
    get: () => {
      const value = linesOf(kept, roster.length, years.length);
      settle(value);
      return value;
    },
    set: settle,
  });
  return result;
}
