/**
 * What the rows of one costing share (src/costing.ts): rows that move alike share a movement (their roll-forward,
 * its pay and its "pay" components), rows alike in their own fields share a class (its "own" components), so each
 * component is computed as often as what it reads differs (CostComponent.from). Each row keeps its own id and
 * seniority date; texts that name the date hold a placeholder until a line is made (src/seniority.ts).
 */
import type { Contract } from '../model';
import { Engine, Failure } from '../engine';
import { projectRow, rowKeyProblem } from '../roster';
import type { Consulted, Placement, RosterRow, StipendAssignment } from '../roster';
import { withDatePlaceholder, withOwnDates } from '../seniority';
import type { YearRates } from '../parameters';
import type { CostOptions } from './types';
import { COMPONENTS } from './components';
import type { Amount, LineContext, PayLine } from './components';
import { TupleMap } from './memo';
import { payLine } from './pay';

/**
 * Rows that move alike (same contract, placement, FTE and lane changes, and the same seniority band where the
 * roll-forward compared the date with a promotion gate) share their roll-forward: it is computed once, with the
 * pay of each year and the "pay" components costed on it. Its notes hold the seniority date as a placeholder
 * (src/seniority.ts); a row's line names its own.
 */
export interface Movement { contract: Contract; placements: Placement[]; pay: PayLine[]; costs: Shared }

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
export interface RowClass {
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
export interface Shared {
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

/**
 * An FTE as a key: full time as the number 1 written here, any other as it is. A roster's FTE column holds
 * fractions, so each row's FTE is stored as a double; read as a key, it would be boxed into a new heap number for
 * every row. Full time, most rows, is not. (Exact: a key is the FTE itself, never a rounding of it.)
 */
const fteKey = (fte: number): number => (fte === 1 ? 1 : fte);

/** Shared by every line that has none (frozen: a line's list is never added to after costing). */
export const NONE: never[] = Object.freeze([]) as never[];

export const FROM_PAY = COMPONENTS.map((c) => c.from === 'pay');
export const FROM_OWN = COMPONENTS.map((c) => c.from === 'own');
/** The indexes of the "wages" components: the only ones computed for each line. */
export const PER_LINE = COMPONENTS.flatMap((c, k) => (c.from === 'wages' ? [k] : []));
const IS_WAGE = COMPONENTS.map((c) => c.wages);
export const IN_TOTAL = COMPONENTS.map((c) => c.group !== 'within');

export const centsOf = (c: Amount) => (typeof c === 'number' ? c : c.cents);
/** Whether an amount makes its line gather what it says (see Shared.said): its readings do, unless they are a class's own. */
export const says = (c: Amount, own = false) => typeof c !== 'number' && !!(c.issues?.length || (!own && c.readings?.length));

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
export function placementOf(t: Placement, cls: RowClass, id: string, date: string | undefined, i: number): Placement {
  return {
    id, contract: t.contract, year: t.year,
    lane: t.lane, step: t.step, midYearStep: t.midYearStep, position: t.position, hours: t.hours,
    fte: t.fte, yearsOfService: cls.yearsOfService === undefined ? undefined : cls.yearsOfService + i, seniorityDate: date,
    coverage: cls.coverage, matchKey: cls.matchKey, stipends: cls.stipends[i], notes: withOwnDates(t.notes, date),
  };
}

/** What a "wages" component is given instead of a placement and a pay: reading either throws. */
export const NO_PLACEMENT = undefined as unknown as Placement;
export const NO_PAY = undefined as unknown as PayLine;

/** A class's costs until they are computed. */
const NO_COSTS: Shared = { amounts: [], wages: [], total: [], issues: [], said: [], rows: 0 };

/** Adds a movement's or a class's amounts to the sums of each year, once per row that has them. */
export function addShared(sums: Float64Array[], x: Shared): void {
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
export interface ContractCosting { contract: Contract; years: YearCosting[]; movements: TupleMap<Movements>; classes: TupleMap<RowClass> }

/** The first value of an hourly employee's movement key (a salaried one's is the lane). */
const HOURLY = Symbol('hourly');

/**
 * A line's readings: the components' lists, one after the other. Lines whose components read alike share
 * one frozen list (a list per line would be most of what a costing keeps: most lines have the same few).
 */
export function readingsOf(sources: string[][], count: number, merged: TupleMap<string[]>): string[] {
  if (count === 0) return NONE;
  if (count === 1) return Object.freeze(sources[0]) as string[];
  return merged.get(sources, count) ?? merged.set(sources, Object.freeze(sources.slice(0, count).flat()) as string[], count);
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
export class Sharing {
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
    const { key } = this;
    const { movements } = costing;
    let length = 0;
    if (row.position !== undefined && row.position !== '') { key[length++] = HOURLY; key[length++] = row.position; key[length++] = row.hours; } else key[length++] = row.lane;
    key[length++] = row.step; key[length++] = fteKey(row.fte);
    if (row.laneChanges) for (const c of row.laneChanges) { key[length++] = c.year; key[length++] = c.lane; }
    const alike = movements.get(key, length);
    const known = alike && (alike.any ?? alike.byBand?.get(band));
    if (known) return known;
    return this.newMovement(row, costing, band, alike, length);
  }

  /**
   * A row's own roll-forward, kept as the movement of every row that moves alike (`key`, of `length`, still holds
   * its key). Apart from movementOf, which runs for every row: its closures would make every call allocate.
   */
  private newMovement(row: RosterRow, costing: ContractCosting, band: number, alike: Movements | undefined, length: number): Movement | Failure {
    const { key, engine, years, Y } = this;
    const { contract, movements } = costing;
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
    const kept = alike ?? movements.set(key, {}, length);
    if (consulted.seniority) (kept.byBand ??= new Map()).set(band, m);
    else kept.any = m;
    return m;
  }

  /** The class of a row (see RowClass): an earlier row's, else a new one, its keys checked and its "own" components costed. */
  classOf(row: RosterRow, costing: ContractCosting, band: number, movement: Movement): RowClass | Failure {
    const { key } = this;
    const { classes } = costing;
    let length = 0;
    key[length++] = fteKey(row.fte); key[length++] = row.coverage; key[length++] = row.matchKey; key[length++] = row.yearsOfService; key[length++] = band;
    if (row.stipends) for (const s of row.stipends) { key[length++] = s.activity; key[length++] = s.role; key[length++] = s.seasons; }
    const known = classes.get(key, length);
    if (known) return known;
    return this.newClass(row, costing, band, movement, length);
  }

  /** A new class, from its first row (`key`, of `length`, still holds its key); apart from classOf, as newMovement. */
  private newClass(row: RosterRow, costing: ContractCosting, band: number, movement: Movement, length: number): RowClass | Failure {
    const { key, engine, years, Y, sources, merged } = this;
    const n = COMPONENTS.length;
    const { contract, classes } = costing;
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

