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
import { fromCents, Money, percentOfCents, roundProduct, toCents } from './rounding';
import { projectRow, rowKeyProblem } from './roster';
import type { Consulted, Placement, RosterRow, StipendAssignment } from './roster';
import { seniorityBand, withDatePlaceholder, withOwnDate, withOwnDates } from './seniority';
import type { EmployerRates, YearRates } from './parameters';
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
  /** every line's problems, "id year: what", in the order of the lines; made on first reading, as `employees` */
  problems: string[];
  /** how many problems there are (COST's "Items not costed"), without making the list */
  problemCount: number;
  /** the cost components shown for this roster (optional ones only where a costed contract states them), in order */
  components: CostComponent[];
}

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
 * Rows that move alike (same contract, placement, FTE and lane changes, and the same seniority band where the
 * roll-forward compared the date with a promotion gate) share their roll-forward: it is computed once, with the
 * pay of each year and the "pay" components costed on it. Its notes hold the seniority date as a placeholder
 * (src/seniority.ts); a row's line names its own.
 */
interface Movement { contract: Contract; placements: Placement[]; pay: PayLine[]; costs: Shared }

/**
 * The movements of rows alike but for their seniority band: one for all of them when the roll-forward did not
 * read the date (no promotion gate on the way), else one per band.
 */
interface Movements { any?: Movement; byBand?: Map<number, Movement> }

/**
 * Rows alike in every field of their own that an "own" cost component reads (see CostComponent.key): the
 * contract, FTE, coverage, 403(b) status, years of service, seniority band and stipends. The "own" components
 * (stipends, longevity, insurance, 403(b)) are computed once per class and year, and the class's keys are
 * checked once. A row keeps its own id and seniority date.
 */
interface RowClass {
  fte: number;
  coverage: string | undefined;
  matchKey: string | undefined;
  /** in the first year (each later year adds one) */
  yearsOfService: number | undefined;
  /** per year: the stipends with that year's seasons (frozen, shared by the class's lines) */
  stipends: StipendAssignment[][];
  /** per year: the "own" components' readings, one list after the other (frozen; may hold the date placeholder) */
  readings: string[][];
  costs: Shared;
}

/** What a movement (its "pay" components) or a class (its "own" components) gives each of its lines. */
interface Shared {
  /** per year i, component k at i * COMPONENTS.length + k: the amounts of its components (0 for the others) */
  amounts: Amount[];
  /** per year: the sum of its wage components, and of the components counted in the total, in cents */
  wages: number[];
  total: number[];
  /** per year: how many issues its components have */
  issues: number[];
  /**
   * per year: whether its lines gather their issues and readings component by component (say): a component has
   * an issue, or a reading beside the class's own list (a class's readings are merged once, in RowClass.readings)
   */
  said: boolean[];
  /** the rows that have it */
  rows: number;
}

/** Shared by every line that has none (frozen: a line's list is never added to after costing). */
const NONE: never[] = Object.freeze([]) as never[];

const FROM_PAY = COMPONENTS.map((c) => c.from === 'pay');
const FROM_OWN = COMPONENTS.map((c) => c.from === 'own');
/** The indexes of the "wages" components: the only ones computed for each line. */
const PER_LINE = COMPONENTS.flatMap((c, k) => (c.from === 'wages' ? [k] : []));
const IS_WAGE = COMPONENTS.map((c) => c.wages);
const IN_TOTAL = COMPONENTS.map((c) => c.group !== 'within');

const centsOf = (c: Amount) => (typeof c === 'number' ? c : c.cents);
/** Whether an amount makes its line gather what it says (see Shared.said): its readings do, unless they are a class's own. */
const says = (c: Amount, own = false) => typeof c !== 'number' && !!(c.issues?.length || (!own && c.readings?.length));

/** The amounts of the components `mine` selects for each year, from `cost(i, k)`, and what they sum to. */
function shared(years: number, mine: boolean[], cost: (i: number, k: number) => Amount): Shared {
  const n = COMPONENTS.length;
  const s: Shared = { amounts: new Array(years * n).fill(0), wages: new Array(years).fill(0), total: new Array(years).fill(0), issues: new Array(years).fill(0), said: new Array(years).fill(false), rows: 0 };
  for (let i = 0; i < years; i++) {
    for (let k = 0; k < n; k++) {
      if (!mine[k]) continue;
      const c = cost(i, k);
      s.amounts[i * n + k] = c;
      if (IS_WAGE[k]) s.wages[i] += centsOf(c);
      if (IN_TOTAL[k]) s.total[i] += centsOf(c);
      if (says(c, FROM_OWN[k])) s.said[i] = true;
      if (typeof c !== 'number') s.issues[i] += c.issues?.length ?? 0;
    }
  }
  return s;
}

/**
 * A row's placement in the i-th year of its movement: the movement's placement with the row's own id, seniority
 * date (named in the notes), and its class's coverage, 403(b) status, years of service and stipends. One shape
 * (all fields, absent ones undefined), as inOneShape's.
 */
function placementOf(t: Placement, cls: RowClass, id: string, date: string | undefined, i: number): Placement {
  return {
    id, contract: t.contract, year: t.year,
    lane: t.lane, step: t.step, midYearStep: t.midYearStep, position: t.position, hours: t.hours,
    fte: t.fte, yearsOfService: cls.yearsOfService === undefined ? undefined : cls.yearsOfService + i, seniorityDate: date,
    coverage: cls.coverage, matchKey: cls.matchKey, stipends: cls.stipends[i], notes: withOwnDates(t.notes, date),
  };
}

/** What a "wages" component is given instead of a placement and a pay: reading either throws. */
const NO_PLACEMENT = undefined as unknown as Placement;
const NO_PAY = undefined as unknown as PayLine;

/** A class's costs until they are computed. */
const NO_COSTS: Shared = { amounts: [], wages: [], total: [], issues: [], said: [], rows: 0 };

/** Adds a movement's or a class's amounts to the sums of each year, once per row that has them. */
function addShared(sums: Float64Array[], x: Shared): void {
  if (!x.rows) return;
  const n = COMPONENTS.length;
  for (let i = 0; i < sums.length; i++) for (let k = 0; k < n; k++) sums[i][k] += x.rows * centsOf(x.amounts[i * n + k]);
}

/**
 * A placement of the roll-forward in the one shape every placement of costing has (placementOf's): the loops
 * that read them then read one kind of object (the roll-forward leaves out the fields a row does not have).
 */
function inOneShape(p: Placement, notes: string[]): Placement {
  return {
    id: p.id, contract: p.contract, year: p.year,
    lane: p.lane, step: p.step, midYearStep: p.midYearStep, position: p.position, hours: p.hours,
    fte: p.fte, yearsOfService: p.yearsOfService, seniorityDate: p.seniorityDate, coverage: p.coverage, matchKey: p.matchKey,
    stipends: p.stipends, notes,
  };
}

/** Per contract and year: the context a line is costed in, each "own" component's amounts by key, and the pay by placement. */
interface YearCosting { ctx: LineContext; byKey: TupleMap<Amount>[]; pay: TupleMap<PayLine> }

/** Per contract costed: its years, and its rows' movements and classes by their keys (src/costing.ts costRoster). */
interface ContractCosting { contract: Contract; years: YearCosting[]; movements: TupleMap<Movements>; classes: TupleMap<RowClass> }

/** The first value of an hourly employee's movement key (a salaried one's is the lane). */
const HOURLY = Symbol('hourly');

/**
 * What costing keeps of each employee-year until its line is asked for: per row, its id, seniority date, class
 * and movement; per line, its total and its "wages" components in cents, in flat arrays (no object per line).
 * Line k is row floor(k / years) in year k % years.
 */
interface Kept {
  years: string[];
  ids: string[];
  dates: (string | undefined)[];
  classes: RowClass[];
  movements: Movement[];
  /** cents, PER_LINE.length per line, in the order of PER_LINE */
  perLine: Float64Array;
  totals: Float64Array;
  /**
   * 1 for a line that has issues, or readings beside its class's (Shared.said): its lists are made when read (saidOf);
   * the others have no issue, and their class's readings
   */
  said: Uint8Array;
  /** the "wages" components' amounts of a said line, where one of them says something (rare: a rate not sourced) */
  saidWages: Map<number, Amount[]>;
}

/**
 * The issues ("id year: what") and readings of a said line, from the amounts of its components, in the order of
 * the table. `merged` shares the readings lists of lines alike.
 */
function saidOf(kept: Kept, line: number, merged: TupleMap<string[]>, sources: string[][]): { issues: string[]; readings: string[] } {
  const n = COMPONENTS.length;
  const Y = kept.years.length;
  const r = Math.floor(line / Y);
  const i = line % Y;
  const m = kept.movements[r];
  const cls = kept.classes[r];
  const id = kept.ids[r];
  const date = kept.dates[r];
  const wages = kept.saidWages.get(line);
  let issues: string[] = NONE;
  let count = 0;
  let onlyOwn = true; // the readings are the class's alone
  for (let k = 0, j = 0; k < n; k++) {
    const c = FROM_PAY[k] ? m.costs.amounts[i * n + k] : FROM_OWN[k] ? cls.costs.amounts[i * n + k] : wages?.[j++] ?? 0;
    if (typeof c === 'number') continue;
    if (c.issues?.length) {
      if (issues === NONE) issues = [];
      for (const t of c.issues) issues.push(`${id} ${kept.years[i]}: ${withOwnDate(t, date)}`);
    }
    if (c.readings?.length) {
      sources[count++] = c.readings;
      if (!FROM_OWN[k]) onlyOwn = false;
    }
  }
  return { issues, readings: onlyOwn ? cls.readings[i] : readingsOf(sources, count, merged) };
}

/**
 * The employee-year lines, made from what costing kept: only when a caller reads them (PROJECT's table;
 * COST and COMPARE read the totals alone). Each line is one object literal (one shape; a property added
 * per component by name costs more than the costing); its type makes it list every component of the table.
 */
function linesOf(kept: Kept, rows: number, years: number): EmployeeYear[][] {
  const n = COMPONENTS.length;
  const w = PER_LINE.length;
  const out: EmployeeYear[][] = new Array(rows);
  const line = new Float64Array(n);
  const merged = new TupleMap<string[]>();
  const sources: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const lines: EmployeeYear[] = new Array(years);
    const date = kept.dates[r];
    const m = kept.movements[r];
    const cls = kept.classes[r];
    for (let i = 0; i < years; i++) {
      const k = r * years + i;
      for (let j = 0; j < n; j++) line[j] = FROM_PAY[j] ? centsOf(m.costs.amounts[i * n + j]) : FROM_OWN[j] ? centsOf(cls.costs.amounts[i * n + j]) : 0;
      for (let j = 0; j < w; j++) line[PER_LINE[j]] = kept.perLine[k * w + j];
      const last = m.pay[i].salaryOnLastYear;
      const said = kept.said[k] ? saidOf(kept, k, merged, sources) : undefined;
      lines[i] = {
        placement: placementOf(m.placements[i], cls, kept.ids[r], date, i),
        salary: fromCents(line[AT.salary]), career: fromCents(line[AT.career]), offSchedule: fromCents(line[AT.offSchedule]),
        stipends: fromCents(line[AT.stipends]), longevity: fromCents(line[AT.longevity]), fica: fromCents(line[AT.fica]),
        medicare: fromCents(line[AT.medicare]), pension: fromCents(line[AT.pension]), insurance: fromCents(line[AT.insurance]),
        match: fromCents(line[AT.match]),
        salaryOnLastYear: last === null ? null : fromCents(last), total: fromCents(kept.totals[k]),
        problems: said?.issues ?? NONE, readings: withOwnDates(said?.readings ?? cls.readings[i], date),
      };
    }
    out[r] = lines;
  }
  return out;
}

/** The index of each component in COMPONENTS (and in the amounts of a line). */
const AT = Object.fromEntries(COMPONENTS.map((c, k) => [c.id, k])) as Record<ComponentId, number>;

/**
 * A line's readings: the components' lists, one after the other. Lines whose components read alike share
 * one frozen list (a list per line would be most of what a costing keeps: most lines have the same few).
 */
function readingsOf(sources: string[][], count: number, merged: TupleMap<string[]>): string[] {
  if (count === 0) return NONE;
  if (count === 1) return Object.freeze(sources[0]) as string[];
  return merged.get(sources, count) ?? merged.set(sources, Object.freeze(sources.slice(0, count).flat()) as string[], count);
}

/**
 * Each year's totals, from the sums in cents: the components, the total, and the increase over last year split
 * (see the module's comment). A function of its own, outside costRoster's loops: the objects it makes do not
 * unsettle the compiled loops.
 */
function yearTotalsOf(years: string[], employees: number, sums: Float64Array[], totals: number[], onLast: number[]): YearTotals[] {
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
  return yearTotals;
}

/** Every said line's issues, in the order of the lines. */
function problemsOf(kept: Kept): string[] {
  const out: string[] = [];
  const merged = new TupleMap<string[]>();
  const sources: string[][] = [];
  for (let line = 0; line < kept.said.length; line++) if (kept.said[line]) for (const t of saidOf(kept, line, merged, sources).issues) out.push(t);
  return out;
}

/** The lines and the problems of a costing, made on first reading (COST and COMPARE read the totals and the count alone). */
function keepLazily(result: CostResult, kept: Kept): void {
  lazily(result, 'employees', () => linesOf(kept, kept.ids.length, kept.years.length));
  lazily(result, 'problems', () => problemsOf(kept));
}

/** Makes `result[name]` on first reading, then keeps it as a plain property (in the same place among the keys). */
function lazily<K extends 'employees' | 'problems'>(result: CostResult, name: K, make: () => CostResult[K]): void {
  const settle = (value: CostResult[K]) => Object.defineProperty(result, name, { value, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(result, name, {
    enumerable: true, configurable: true,
    get: () => {
      const value = make();
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** An amount shared by rows of one seniority band: the date it was computed with, as the placeholder in its texts. */
function sharedAmount(c: Amount, date: string | undefined): Amount {
  if (typeof c === 'number' || date === undefined) return c;
  const shared = (texts: string[] | undefined) => texts?.map((t) => withDatePlaceholder(t, date));
  return { cents: c.cents, issues: shared(c.issues), readings: shared(c.readings) };
}

/**
 * What one costing shares among its rows: each contract's costing, the movements and classes made so far (see
 * Movement, RowClass), and the buffers their keys and readings are built in. costRoster's loop asks it for each
 * row's movement and class; kept apart from that loop, which then holds its own variables alone.
 */
class Sharing {
  readonly years: string[];
  readonly Y: number;
  readonly rates: YearRates[];
  readonly costings = new Map<Contract, ContractCosting>();
  readonly contracts = new Set<Contract>();
  /** every movement and class made, in order */
  readonly movements: Movement[] = [];
  readonly classes: RowClass[] = [];
  /** a row's movement or class key, filled again for every row (and read until the row's is set) */
  readonly key: unknown[] = [];
  /** the readings of a class's components, and the merged lists of classes alike */
  readonly sources: string[][] = [];
  readonly merged = new TupleMap<string[]>();

  constructor(readonly engine: Engine, readonly options: CostOptions) {
    this.years = options.years;
    this.Y = options.years.length;
    this.rates = options.years.map((y) => options.rates.forYear(y));
  }

  /** The costing of a contract, made on its first row (rows may name it differently: one costing per contract). */
  costingOf(contract: Contract): ContractCosting {
    const { costings, years, engine, rates } = this;
    let costing = costings.get(contract);
    if (!costing) {
      this.contracts.add(contract);
      const plan = contract.file.payroll?.retirement;
      costing = {
        contract,
        years: years.map((year, i) => ({
          ctx: { engine, contract, year, rates: rates[i], pensionRate: plan ? rates[i].pension(plan) : null, p: NO_PLACEMENT, pay: NO_PAY, wages: 0 },
          byKey: COMPONENTS.map(() => new TupleMap<Amount>()),
          pay: new TupleMap<PayLine>(),
        })),
        movements: new TupleMap<Movements>(),
        classes: new TupleMap<RowClass>(),
      };
      costings.set(contract, costing);
    }
    return costing;
  }

  /** The movement of a row: the one of an earlier row that moves alike, else its own roll-forward. */
  movementOf(row: RosterRow, costing: ContractCosting, band: number): Movement | Failure {
    const { key, engine, years, Y } = this;
    const { contract, movements } = costing;
    let length = 0;
    if (row.position !== undefined && row.position !== '') { key[length++] = HOURLY; key[length++] = row.position; key[length++] = row.hours; } else key[length++] = row.lane;
    key[length++] = row.step; key[length++] = row.fte;
    if (row.laneChanges) for (const c of row.laneChanges) { key[length++] = c.year; key[length++] = c.lane; }
    let alike = movements.get(key, length);
    const known = alike && (alike.any ?? alike.byBand?.get(band));
    if (known) return known;
    const consulted: Consulted = {};
    const projected = projectRow(engine, row, years, this.options.defaultContract, consulted);
    if (projected instanceof Failure) return projected;
    const date = row.seniorityDate;
    const perYear = costing.years;
    // the notes name this row's date: shared with the band, they hold the placeholder
    const dated = consulted.seniority && date !== undefined;
    const placements = projected.map((p) => inOneShape(p, dated ? p.notes.map((t) => withDatePlaceholder(t, date)) : p.notes));
    // movements apart (by their start, or their seniority band) meet on the same placements: each is paid once
    const pay = placements.map((p, i) => {
      const at = [p.lane, p.step, p.midYearStep, p.position, p.hours, p.fte];
      return perYear[i].pay.get(at) ?? perYear[i].pay.set(at, payLine(engine, contract, p, i > 0 ? years[i - 1] : undefined));
    });
    const costs = shared(Y, FROM_PAY, (i, k) => {
      const { ctx } = perYear[i];
      ctx.p = placements[i];
      ctx.pay = pay[i];
      return COMPONENTS[k].cost(ctx);
    });
    const m: Movement = { contract, placements, pay, costs };
    this.movements.push(m);
    if (!alike) alike = movements.set(key, {}, length);
    if (consulted.seniority) (alike.byBand ??= new Map()).set(band, m);
    else alike.any = m;
    return m;
  }

  /** The class of a row (see RowClass): an earlier row's, else a new one, its keys checked and its "own" components costed. */
  classOf(row: RosterRow, costing: ContractCosting, band: number, movement: Movement): RowClass | Failure {
    const { key, engine, years, Y, sources, merged } = this;
    const n = COMPONENTS.length;
    const { contract, classes } = costing;
    let length = 0;
    key[length++] = row.fte; key[length++] = row.coverage; key[length++] = row.matchKey; key[length++] = row.yearsOfService; key[length++] = band;
    if (row.stipends) for (const s of row.stipends) { key[length++] = s.activity; key[length++] = s.role; key[length++] = s.seasons; }
    const known = classes.get(key, length);
    if (known) return known;
    // a wrong key refuses the whole roster (the first row that has it is named)
    const problem = rowKeyProblem(engine, contract, row, years[0]);
    if (problem) return problem;
    const cls: RowClass = {
      fte: row.fte, coverage: row.coverage, matchKey: row.matchKey, yearsOfService: row.yearsOfService,
      stipends: years.map((_, i) => (row.stipends?.length ? Object.freeze(row.stipends.map((s) => Object.freeze({ activity: s.activity, role: s.role, seasons: s.seasons + i }))) as StipendAssignment[] : NONE)),
      readings: new Array<string[]>(Y),
      costs: NO_COSTS,
    };
    const perYear = costing.years;
    const date = row.seniorityDate;
    cls.costs = shared(Y, FROM_OWN, (i, k) => {
      const { ctx, byKey } = perYear[i];
      ctx.p = placementOf(movement.placements[i], cls, row.id, date, i);
      ctx.pay = movement.pay[i];
      // computed once per distinct key, for every class that has it (undefined: nothing to cost)
      const at = COMPONENTS[k].key!(ctx);
      if (at === undefined) return 0;
      return byKey[k].get(at) ?? byKey[k].set(at, sharedAmount(COMPONENTS[k].cost(ctx), date));
    });
    for (let i = 0; i < Y; i++) {
      let count = 0;
      for (let k = 0; k < n; k++) {
        const c = cls.costs.amounts[i * n + k];
        if (FROM_OWN[k] && typeof c !== 'number' && c.readings?.length) sources[count++] = c.readings;
      }
      cls.readings[i] = readingsOf(sources, count, merged);
    }
    classes.set(key, cls, length);
    this.classes.push(cls);
    return cls;
  }
}

/**
 * The result of a costing, once every line is costed: the "pay" and "own" components added once per movement and
 * class (times the rows that have them), the year totals, and the lines and problems made when read. A function of
 * its own, after costRoster's loop: what it reads does not unsettle the loop's compiled code.
 */
function resultOf(sharing: Sharing, kept: Kept, sums: Float64Array[], totals: number[], onLast: number[], problemCount: number): CostResult {
  const { years, Y } = sharing;
  for (const m of sharing.movements) addShared(sums, m.costs);
  for (const cls of sharing.classes) addShared(sums, cls.costs);
  for (const m of sharing.movements) for (let i = 0; i < Y; i++) onLast[i] += m.costs.rows * (m.pay[i].salaryOnLastYear ?? m.pay[i].salary);
  const yearTotals = yearTotalsOf(years, kept.ids.length, sums, totals, onLast);
  const first = yearTotals[0].total;
  const last = yearTotals[yearTotals.length - 1].total;
  const result: CostResult = {
    years, employees: [], totals: yearTotals,
    compoundedPercent: yearTotals.length > 1 && first !== 0 ? new Money(last).div(first).sub(1).mul(100).toDecimalPlaces(2).toNumber() : null,
    problems: [], problemCount,
    components: componentsShown(sharing.contracts),
  };
  // the lines and the problems are made on first reading (COST and COMPARE read the totals and the count alone)
  keepLazily(result, kept);
  return result;
}

/**
 * Costs a roster over `options.years` (consecutive; the first is the roster's year). Each component is computed
 * as often as what it reads differs (CostComponent.from): "pay" once per movement and year, "own" once per
 * distinct key and year, "wages" once per line; the totals add each movement's and class's amounts once per
 * row that has them.
 */
export function costRoster(engine: Engine, roster: RosterRow[], options: CostOptions): CostResult | Failure {
  const { years } = options;
  if (!years.length) return new Failure('VALUE', 'give at least one school year');
  const n = COMPONENTS.length;
  const Y = years.length;
  const W = PER_LINE.length;
  let problemCount = 0;
  const sharing = new Sharing(engine, options);
  /** by a row's contract column (empty: the default contract) */
  const costingFor = new Map<string | undefined, ContractCosting | Failure>();
  // per year, in cents: each component, the total, and the salaries at these placements on last year's schedule
  const sums = years.map(() => new Float64Array(n));
  const totals = years.map(() => 0);
  const onLast = years.map(() => 0);
  const lineCount = roster.length * Y;
  const kept: Kept = {
    ids: new Array(roster.length), dates: new Array(roster.length), classes: new Array(roster.length), movements: new Array(roster.length),
    years, perLine: new Float64Array(lineCount * W), totals: new Float64Array(lineCount), said: new Uint8Array(lineCount), saidWages: new Map(),
  };
  const lineAmounts: Amount[] = new Array(W); // the "wages" components of the line being costed

  let line = 0;
  let r = 0;
  for (const row of roster) {
    let costing = costingFor.get(row.contract);
    if (!costing) {
      const contract = engine.contract(row.contract, options.defaultContract);
      costingFor.set(row.contract, (costing = contract instanceof Failure ? contract : sharing.costingOf(contract)));
    }
    // an unknown contract: the row's own roll-forward says why, naming the row
    if (costing instanceof Failure) {
      const refused = projectRow(engine, row, years, options.defaultContract);
      return refused instanceof Failure ? refused : costing;
    }
    const band = seniorityBand(costing.contract, row.seniorityDate);
    const m = sharing.movementOf(row, costing, band);
    if (m instanceof Failure) return m;
    const cls = sharing.classOf(row, costing, band, m);
    if (cls instanceof Failure) return cls;
    const id = row.id;
    const date = row.seniorityDate;
    kept.ids[r] = id;
    kept.dates[r] = date;
    kept.classes[r] = cls;
    kept.movements[r++] = m;
    m.costs.rows++;
    cls.costs.rows++;
    const perYear = costing.years;
    for (let i = 0; i < Y; i++, line++) {
      const { ctx } = perYear[i];
      // a "wages" component reads the wages alone (an unset placement and pay make any other reading fail loudly)
      ctx.p = NO_PLACEMENT;
      ctx.pay = NO_PAY;
      ctx.wages = m.costs.wages[i] + cls.costs.wages[i];
      let total = m.costs.total[i] + cls.costs.total[i];
      const said = m.costs.said[i] || cls.costs.said[i];
      let wagesSay = false; // a "wages" component of this line has an issue or a reading
      problemCount += m.costs.issues[i] + cls.costs.issues[i];
      const s = sums[i];
      for (let j = 0; j < W; j++) {
        const k = PER_LINE[j];
        const c = COMPONENTS[k].cost(ctx);
        let v: number;
        if (typeof c === 'number') v = c;
        else {
          v = c.cents;
          problemCount += c.issues?.length ?? 0;
          wagesSay ||= says(c);
        }
        lineAmounts[j] = c;
        kept.perLine[line * W + j] = v;
        s[k] += v;
        if (IN_TOTAL[k]) total += v;
      }
      totals[i] += total;
      kept.totals[line] = total;
      if (said || wagesSay) kept.said[line] = 1;
      if (wagesSay) kept.saidWages.set(line, lineAmounts.slice());
    }
  }
  return resultOf(sharing, kept, sums, totals, onLast, problemCount);
}
