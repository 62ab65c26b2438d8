/**
 * The cost components' table (src/costing/components.ts) declares what each component reads (`from`), and
 * costing computes it that often: "pay" once per movement and year, "own" once per class of rows alike in their
 * own fields, "wages" once per line (src/costing.ts). A component that read more than it declares would be
 * shared where it must not be: a silently wrong number. These tests hold each component to its declaration by
 * giving it a context that records every field it reads.
 */
import { createRegistry, Engine } from '../../src';
import type { Contract } from '../../src/model';
import type { Placement } from '../../src/roster';
import { employerRates } from '../../src/parameters';
import { COMPONENTS } from '../../src/costing/components';
import type { CostComponent, LineContext, PayLine } from '../../src/costing/components';

const engine = new Engine(createRegistry());
const rates = employerRates({ parameters: [] }, { 'fica-oasdi-employer': 6.2, 'medicare-employer': 1.45, 'tra-employer': 10, 'pera-employer': 7.5, 'fica-oasdi-wage-base': 200000 });

/** The fields of a placement a row's class is keyed by (RowClass), and the ones every placement of a year shares. */
const OWN_FIELDS = ['contract', 'year', 'fte', 'coverage', 'matchKey', 'yearsOfService', 'seniorityDate', 'stipends'];

const placement = (contract: string, year: string): Placement => ({
  id: 'x', contract, year, lane: 'MA', step: 'E', midYearStep: undefined, position: undefined, hours: undefined, fte: 0.6,
  yearsOfService: 20, seniorityDate: '1990-01-01', coverage: 'Family', matchKey: 'Continuing contract',
  stipends: [{ activity: 'Cross Country', role: 'Head', seasons: 3 }], notes: [],
});
const pay: PayLine = { salary: 5_000_000, career: 0, offSchedule: 0, salaryOnLastYear: 4_900_000, issues: [] };

/** A context whose placement, pay and own fields record what is read. */
function recording(contractId: string, year: string) {
  const read = new Set<string>();
  const watch = <T extends object>(name: string, o: T): T => new Proxy(o, { get: (t, k) => (typeof k === 'string' && read.add(`${name}.${k}`), Reflect.get(t, k)) });
  const contract = engine.contract(contractId) as Contract;
  const ctx = watch('ctx', {
    engine, contract, year, rates: rates.forYear(year), pensionRate: 10,
    p: watch('p', placement(contractId, year)), pay: watch('pay', pay), wages: 5_000_000,
  } as LineContext);
  return { ctx, read };
}

const CASES: [string, string][] = [['waconia/teachers', '2025-26'], ['anoka-hennepin/teachers', '2005-06'], ['waconia/custodial', '2025-26']];
const by = (from: CostComponent['from']) => COMPONENTS.filter((c) => c.from === from).map((c) => [c.id, c] as const);

test('every component declares what it reads, and "own" ones alone have a key', () => {
  for (const c of COMPONENTS) {
    expect(['pay', 'own', 'wages']).toContain(c.from);
    expect(!!c.key).toBe(c.from === 'own');
    // the "wages" components are computed on the line's wages: none of them is itself a wage
    if (c.from === 'wages') expect(c.wages).toBe(false);
  }
  expect(by('wages').length).toBeGreaterThan(0);
});

describe.each(CASES)('%s %s', (contract, year) => {
  test.each(by('own'))('"own" %s reads only the placement\'s own fields (key and cost), never the pay or the wages', (_, c) => {
    const { ctx, read } = recording(contract, year);
    const key = c.key!(ctx);
    if (key !== undefined) c.cost(ctx);
    const outside = [...read].filter((r) => (r.startsWith('p.') ? !OWN_FIELDS.includes(r.slice(2)) : r === 'ctx.pay' || r === 'ctx.wages' || r.startsWith('pay.')));
    expect(outside).toEqual([]);
  });
  test.each(by('pay'))('"pay" %s reads the pay, not the placement or the wages', (_, c) => {
    const { ctx, read } = recording(contract, year);
    c.cost(ctx);
    expect([...read].filter((r) => r === 'ctx.p' || r === 'ctx.wages')).toEqual([]);
  });
  test.each(by('wages'))('"wages" %s reads the wages and the year\'s rates, not the placement or its pay', (_, c) => {
    const { ctx, read } = recording(contract, year);
    c.cost(ctx);
    expect([...read].filter((r) => r === 'ctx.p' || r === 'ctx.pay')).toEqual([]);
  });
});
