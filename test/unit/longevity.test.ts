/**
 * Longevity in costing (src/costing/longevity.ts, the cost component "longevity"): Waconia custodians get
 * "$200.00 per year after fifteen (15) years of continuous service, $400.00 per year after twenty (20) years
 * ... and $600.00 per year after twenty-five (25) years" (004_95c67c5f7895ec64.txt:6100 for 2023-25, the same
 * words at :6861 for 2025-27). The roster's years of service grow by one a projected year. Worked by hand.
 *
 * The bundled waconia-custodial.json declares payroll.longevity (the one line of JSON that turns the component on),
 * so the bundled contract is costed as it is.
 */
import { createRegistry, Engine } from '../../src';
import { engineOver } from '../../src/proposal';
import { costRoster } from '../../src/costing';
import type { CostResult } from '../../src/costing';
import { employerRates } from '../../src/parameters';
import { projectAmounts, summaryRows } from '../../src/settlement';
import { readRoster } from '../../functions/tables';

const engine = new Engine(createRegistry());
const agreed = engine;
// 10% Social Security, no Medicare or pension: the longevity pay's share of FICA is easy to see
const rates = employerRates({ parameters: [] }, { 'fica-oasdi-employer': 10, 'medicare-employer': 0, 'pera-employer': 0, 'fica-oasdi-wage-base': 200000 });
const years = ['2024-25', '2025-26', '2026-27'];
const roster = readRoster([
  ['id', 'contract', 'position', 'hours', 'step', 'fte', 'years'],
  ['C14', 'waconia/custodial', 'Custodial Cleaner', 2080, '1', 1, 14],
  ['C19', 'waconia/custodial', 'Custodial Cleaner', 1040, '1', 0.5, 19],
  ['C30', 'waconia/custodial', 'Custodial Cleaner', 2080, '1', 1, 30],
]) as never;

describe('Waconia custodians with 14, 19 and 30 years of service, 2024-25 to 2026-27', () => {
  const r = costRoster(engine, roster, { years, rates }) as CostResult;
  const longevity = (id: string) => r.employees.find((e) => e[0].placement.id === id)!.map((y) => y.longevity);
  test('C14: 14 years, none (the agreement prints nothing below 15); 15 years in 2025-26, $200 (004:6861); 16 years, $200', () => {
    expect(longevity('C14')).toEqual([0, 200, 200]);
  });
  test('C19: 19 years, $200 (004:6100); 20 years in 2025-26, $400 (004:6861), in full at 0.5 FTE (no part-time proportion is stated)', () => {
    expect(longevity('C19')).toEqual([200, 400, 400]);
    const y = r.employees[1][1];
    expect(y.readings).toContain('longevity $400: 20 years of service, tier from 20 (004_95c67c5f7895ec64.txt:6861), in full at FTE 0.5 (no part-time proportion stated)');
  });
  test('C30: after 25 years, $600 each year', () => {
    expect(longevity('C30')).toEqual([600, 600, 600]);
  });
  test('totals: 0 + 200 + 600 = 800; 200 + 400 + 600 = 1,200 twice; the change is other pay, and Social Security is paid on it', () => {
    expect(r.totals.map((t) => t.longevity)).toEqual([800, 1200, 1200]);
    // 2025-26 over 2024-25: longevity +400, no off-schedule payment or stipend for custodians
    expect(r.totals[1].otherPay).toBe(400);
    // each line's FICA is 10% of its wages, longevity included: C30 in 2024-25 pays 10% of (its wages + 600)
    const c30 = r.employees[2][0];
    expect(c30.fica).toBe(Math.round((c30.salary + 600) * 10) / 100);
  });
  test('COST shows a longevity row and names it in the split; PROJECT a longevity column', () => {
    const rows = summaryRows(r).map((row) => row[0]);
    expect(rows).toContain('Longevity pay');
    expect(rows).toContain('  off-schedule, stipends and longevity');
    expect(projectAmounts(r).header).toEqual(['salary', 'career increment', 'off-schedule', 'stipends', 'longevity', 'employer benefits', 'total cost']);
  });
  test('a custodian without years of service is not costed for longevity, with the reason (never a silent zero)', () => {
    const r2 = costRoster(engine, readRoster([['id', 'contract', 'position', 'hours', 'step', 'fte'], ['X', 'waconia/custodial', 'Custodial Cleaner', 2080, '1', 1]]) as never, { years: ['2024-25'], rates }) as CostResult;
    expect(r2.problems.join('\n')).toMatch(/^X 2024-25: longevity not costed: .*years of service/m);
  });
});

test('the loader refuses a payroll.longevity naming a term that is not tiered by years of service', () => {
  const bad = engineOver(agreed.registry.all().map((c) => ({
    name: c.origin,
    content: c.id === 'waconia/custodial' ? { ...c.file, payroll: { ...c.file.payroll, longevity: { term: 'insurance-contribution', cite: '004_95c67c5f7895ec64.txt:6100' } } } : c.file,
  })), 'x');
  expect(String((bad as { message: string }).message)).toMatch(/payroll\.longevity\.term.*has no years-of-service tiers/);
});

describe('a teachers-only roster shows no longevity (no teachers\' agreement here states it)', () => {
  const r = costRoster(engine, readRoster([['id', 'contract', 'lane', 'step', 'fte'], ['A', 'waconia/teachers', 'MA+15', 'C', 1]]) as never, { years: ['2024-25'], rates: employerRates({ parameters: [] }, { 'fica-oasdi-employer': 0, 'medicare-employer': 0, 'tra-employer': 0 }) }) as CostResult;
  test('no longevity row or column, and the split keeps its label', () => {
    const rows = summaryRows(r).map((row) => row[0]);
    expect(rows).not.toContain('Longevity pay');
    expect(rows).toContain('  off-schedule and stipends');
    expect(projectAmounts(r).header).not.toContain('longevity');
  });
});
