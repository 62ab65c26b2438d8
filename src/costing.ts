/**
 * Settlement costing: every employee's pay and the employer's costs for each projected year, totals per
 * year, and the year-over-year increase split the way districts and unions report a settlement:
 *   schedule improvement  the new schedule at this year's placements, less last year's schedule at them
 *   step and lane         last year's schedule at this year's placements, less last year's pay
 *   other pay             off-schedule, stipends (and longevity where a contract states it)
 *   benefits              FICA/Medicare, pension, insurance, 403(b)
 * and the package % (the whole increase over last year's total), compounded over the years.
 *
 * What a line is made of is the table of cost components (src/costing/components.ts). This module's loop costs
 * each row: its movement and class (what it shares with other rows, ./costing/sharing.ts), then the "wages"
 * components of each of its lines; it adds everything up in integer cents. The lines themselves are made when read
 * (./costing/lines.ts); the pay of a placement is ./costing/pay.ts.
 */
import { Engine, Failure } from './engine';
import { fromCents, Money } from './rounding';
import { projectRow } from './roster';
import type { RosterRow } from './roster';
import { seniorityBand } from './seniority';
import { COMPONENTS, componentsShown } from './costing/components';
import type { Amount, CostComponent } from './costing/components';
import { addShared, IN_TOTAL, NO_PAY, NO_PLACEMENT, PER_LINE, says, Sharing } from './costing/sharing';
import type { ContractCosting } from './costing/sharing';
import { keepLazily } from './costing/lines';
import type { Kept } from './costing/lines';
import type { CostOptions, CostResult, YearTotals } from './costing/types';

export { midYearPay } from './costing/pay';
export type { ComponentAmounts, CostOptions, CostResult, EmployeeYear, YearTotals } from './costing/types';

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
