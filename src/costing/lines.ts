/**
 * The employee-year lines and the problems of a costing, made from what it kept only when a caller reads them
 * (PROJECT reads the lines; COST and COMPARE the totals and the count of problems alone). Each line names its own
 * employee and seniority date.
 */
import type { CostResult, EmployeeYear } from './types';
import { fromCents } from '../rounding';
import { withOwnDate, withOwnDates } from '../seniority';
import { COMPONENTS } from './components';
import type { Amount, ComponentId } from './components';
import { TupleMap } from './memo';
import { centsOf, FROM_OWN, FROM_PAY, NONE, PER_LINE, placementOf, readingsOf } from './sharing';
import type { Movement, RowClass } from './sharing';

/**
 * What costing keeps of each employee-year until its line is asked for: per row, its id, seniority date, class
 * and movement; per line, its total and its "wages" components in cents, in flat arrays (no object per line).
 * Line k is row floor(k / years) in year k % years.
 */
export interface Kept {
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

/** Every said line's issues, in the order of the lines. */
function problemsOf(kept: Kept): string[] {
  const out: string[] = [];
  const merged = new TupleMap<string[]>();
  const sources: string[][] = [];
  for (let line = 0; line < kept.said.length; line++) if (kept.said[line]) for (const t of saidOf(kept, line, merged, sources).issues) out.push(t);
  return out;
}

/** The lines and the problems of a costing, made on first reading (COST and COMPARE read the totals and the count alone). */
export function keepLazily(result: CostResult, kept: Kept): void {
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

