/**
 * Settlement costing of a two-teacher roster, 2024-25 to 2025-26, worked by hand. Salaries are read
 * from the printed schedules (file:line); the employer rates are user overrides here (6.2% Social Security,
 * 1.45% Medicare, 10% pension), so the arithmetic is easy to follow and independent of the sourced rates.
 */
import { createRegistry, Engine, Failure } from '../../src';
import { costRoster } from '../../src/costing';
import type { CostResult } from '../../src/costing';
import { employerRates } from '../../src/parameters';
import { costWithProposal, auditSalary, summaryRows } from '../../src/settlement';
import { readProposals, readRoster, yearsFrom } from '../../functions/tables';
import { proposalFor } from '../../src/proposal';
import type { ProposalTable } from '../../src/proposal';

const engine = new Engine(createRegistry());
const rates = employerRates({ parameters: [] }, { 'fica-oasdi-employer': 6.2, 'medicare-employer': 1.45, 'tra-employer': 10, 'fica-oasdi-wage-base': 200000 });
const roster = readRoster([
  ['id', 'contract', 'lane', 'step', 'fte'],
  ['A', 'waconia/teachers', 'MA+15', 'C', 1],
  ['B', 'waconia/teachers', 'BA+15', 'D', 0.5],
]) as never;

describe('two Waconia teachers, 2024-25 to 2025-26', () => {
  const r = costRoster(engine, roster, { years: ['2024-25', '2025-26'], rates }) as CostResult;
  const [y1, y2] = r.totals;
  test('salaries: 54,543 (004:3056) + 49,018 x 0.5 (004:3057) = 79,052; next year D 57,781 (004:4962) + E 51,927 x 0.5 (004:4963) = 83,744.50', () => {
    expect([y1.salary, y2.salary]).toEqual([79052, 83744.5]);
  });
  test('the 2% off-schedule payment of 2024-25 (004:3080) is costed, not folded into salary: 2% x 79,052 = 1,581.04', () => {
    expect([y1.offSchedule, y2.offSchedule]).toEqual([1581.04, 0]);
  });
  test('employer costs per person, rounded to the cent', () => {
    // A 2024-25: wages 54,543 + 1,090.86 = 55,633.86; x 6.2% = 3,449.30; x 1.45% = 806.69; x 10% = 5,563.39
    // B 2024-25: 24,509 + 490.18 = 24,999.18; 1,549.95; 362.49; 2,499.92
    expect([y1.fica, y1.medicare, y1.pension]).toEqual([4999.25, 1169.18, 8063.31]);
    // 2025-26: A 57,781 -> 3,582.42, 837.82, 5,778.10; B 25,963.50 -> 1,609.74, 376.47, 2,596.35
    expect([y2.fica, y2.medicare, y2.pension]).toEqual([5192.16, 1214.29, 8374.45]);
    expect([y1.total, y2.total]).toEqual([94864.78, 98525.4]);
  });
  test('the increase, split: schedule 2,439.00 + step 2,253.50 - off-schedule 1,581.04 + benefits 549.16 = 3,660.62, package 3.86%', () => {
    // on last year's schedule: A at D 56,098 (004:3057), B at E 50,415 x 0.5 (004:3058) = 81,305.50
    expect(y2.scheduleImprovement).toBe(2439); // 83,744.50 - 81,305.50
    expect(y2.stepAndLane).toBe(2253.5); // 81,305.50 - 79,052
    expect(y2.otherPay).toBe(-1581.04);
    expect(y2.benefits).toBe(549.16); // 14,780.90 - 14,231.74
    expect(y2.increase).toBe(3660.62);
    expect(y2.packagePercent).toBe(3.86); // 3,660.62 / 94,864.78
    expect(r.compoundedPercent).toBe(3.86);
  });
  test('COST shows the package % and the compounded % as Excel holds percents: 3.86% is 0.0386', () => {
    const rows = new Map(summaryRows(r).map((row) => [String(row[0]).trim(), row.slice(1)]));
    expect(rows.get('Package % (increase / total the year before)')).toEqual([null, 0.0386]);
    expect(rows.get('Compounded % over the years')).toEqual([null, 0.0386]);
  });
});

describe('proposals from a table', () => {
  const proposals = [
    ['proposal', 'year', 'schedule %', 'career %', 'steps', 'mid-year steps', 'insurance %'],
    ['settlement', '2025-26', 0.03, 0.0475, 1, 0, 0.1],
    ['settlement', '2026-27', 0.05, 0.0475, 1, 1, 0.1],
    ['lean', '2025-26', 0.025, 0.0475, 1, 0, 0],
    ['lean', '2026-27', 0.025, 0.0475, 1, 0, 0],
  ];
  test('percents are Excel\'s own: a cell formatted 3% holds 0.03 and reads as 3%', () => {
    const p = proposalFor(readProposals([['proposal', 'year', 'schedule %'], ['x', '2025-26', 0.03], ['x', '2026-27', 0.05]]) as ProposalTable, 'x', 'waconia/teachers', '2024-25');
    expect((p as { years: { schedulePercent: number }[] }).years.map((y) => y.schedulePercent)).toEqual([3, 5]);
  });
  test('the shipped settlement as a proposal costs exactly as the contract as agreed, benefits included', () => {
    const years = ['2024-25', '2025-26', '2026-27'];
    // Family coverage: 1,624.58 x 1.1 = 1,787.04 and x 1.1 = 1,965.74, as printed (004:4365-4366); the 403(b)
    // match of 2026-27 (+$100) is the contract's own: a proposal changes only what it names
    const insured = readRoster([
      ['id', 'contract', 'lane', 'step', 'fte', 'coverage', 'match', 'years'],
      ['A', 'waconia/teachers', 'MA+15', 'C', 1, 'Family', 'Continuing contract', 10],
    ]) as never;
    const agreed = costRoster(engine, insured, { years, rates }) as CostResult;
    const asProposal = costWithProposal(engine, insured, years, rates, readProposals(proposals) as ProposalTable, 'settlement') as CostResult;
    expect(asProposal.totals.map((t) => t.total)).toEqual(agreed.totals.map((t) => t.total));
    expect(agreed.totals.map((t) => t.insurance)).toEqual([1624.58 * 12, 1787.04 * 12, 1965.74 * 12].map((v) => Math.round(v * 100) / 100));
  });
  test('part-time teachers get the contract\'s share of the insurance contribution (004:2439-2447)', () => {
    const part = readRoster([
      ['id', 'contract', 'lane', 'step', 'fte', 'coverage'],
      ['P6', 'waconia/teachers', 'BA', 'B', 0.6, 'Single'],
      ['P8', 'waconia/teachers', 'BA', 'B', 0.8, 'Single'],
      ['P4', 'waconia/teachers', 'BA', 'B', 0.4, 'Single'],
    ]) as never;
    const r = costRoster(engine, part, { years: ['2025-26'], rates }) as CostResult;
    // Single 2025-26: 928.22 a month (004:4365); 0.50-0.70 FTE 75%, 0.71-0.85 FTE 85%, under half time none
    expect(r.employees.map((e) => e[0].insurance)).toEqual([8353.98, 9467.84, 0]); // 928.22 x 12 = 11,138.64 x 75% = 8,353.98; x 85% = 9,467.844
  });
  test('2.5% and 2.5% costs less than 3% and 5%: 2025-26 salaries A 56,098 x 1.025 = 57,500 (004:3057), B 50,415 x 1.025 x 0.5 = 25,837.50', () => {
    const lean = costWithProposal(engine, roster, ['2024-25', '2025-26'], rates, readProposals(proposals) as ProposalTable, 'lean') as CostResult;
    expect(lean.totals[1].salary).toBe(57500 + 25837.5); // 57,500.45 -> 57,500; 51,675.375 -> 51,675 x 0.5
  });
  test('an unknown proposal names the ones in the table', () => {
    const r = costWithProposal(engine, roster, ['2024-25', '2025-26'], rates, readProposals(proposals) as ProposalTable, 'generous');
    expect((r as Failure).message).toMatch(/no proposal "generous".*settlement, lean/);
  });
  test('years from one cell', () => expect(yearsFrom(['2024-25:2026-27'])).toEqual(['2024-25', '2025-26', '2026-27']));
});

describe('payroll audit', () => {
  test('a correct line', () => {
    const a = auditSalary(engine, 'waconia/teachers', 64654, 'MA+15', 'H', '2025-26', undefined);
    expect([a.expected, a.difference]).toEqual([64654, 0]); // 004:4966
    expect(a.reason).toMatch(/^matches .*004_95c67c5f7895ec64\.txt:4966/);
  });
  test('paid on last year\'s schedule: 62,771 is 2024-25 MA+15 H (004:3061)', () => {
    const a = auditSalary(engine, 'waconia/teachers', 62771, 'MA+15', 'H', '2025-26', undefined);
    expect(a.difference).toBe(62771 - 64654);
    expect(a.reason).toMatch(/underpaid by \$1,883\.00: expected .*; the amount paid matches the 2024-25 schedule/);
  });
  test('paid one step low: 62,863 is MA+15 G (004:4965)', () => {
    expect(auditSalary(engine, 'waconia/teachers', 62863, 'MA+15', 'H', '2025-26', undefined).reason).toMatch(/matches step G/);
  });
  test('FTE not applied: 0.5 FTE paid the full 64,654', () => {
    const a = auditSalary(engine, 'waconia/teachers', 64654, 'MA+15', 'H', '2025-26', 0.5);
    expect(a.difference).toBe(32327);
    expect(a.reason).toMatch(/overpaid .*full time \(FTE not applied\)/);
  });
  test('a placement the contract does not have', () => {
    const a = auditSalary(engine, 'waconia/teachers', 50000, 'BA', 'K', '2025-26', undefined);
    expect(a.expected).toBeInstanceOf(Failure);
    expect(a.reason).toMatch(/leaves lane BA empty at step K/);
  });
});

describe("Waconia's 2026-27 mid-year step (004:5012): half the year on each step, rounded once", () => {
  // 2026-27 BA+15: D 53,013 (004:4990), E 54,523 (004:4991), F 56,077 (004:4992); BA+15 C 2025-26 moves to D
  // at the start of 2026-27 and to E half way through it.
  test('costing: (53,013 + 54,523) / 2 × 0.875 = 53,768 × 0.875 = 47,047.00, not 46,386.38 + 47,707.63 halved = 47,047.01', () => {
    const part = readRoster([['id', 'contract', 'lane', 'step', 'fte'], ['M', 'waconia/teachers', 'BA+15', 'C', 0.875]]) as never;
    const r = costRoster(engine, part, { years: ['2025-26', '2026-27'], rates }) as CostResult;
    expect([r.employees[0][1].placement.step, r.employees[0][1].placement.midYearStep]).toEqual(['D', 'E']);
    expect(r.employees[0][1].salary).toBe(47047);
  });
  test('AUDIT: a full-time BA+15 teacher on D at the start of 2026-27 is due (53,013 + 54,523) / 2 = 53,768', () => {
    const a = auditSalary(engine, 'waconia/teachers', 53768, 'BA+15', 'D', '2026-27', undefined);
    expect([a.expected, a.difference]).toEqual([53768, 0]);
    expect(a.reason).toMatch(/^matches half the year on step D, 004_95c67c5f7895ec64\.txt:4990 .*and half on step E, 004_95c67c5f7895ec64\.txt:4991 .*mid-year step, 004_95c67c5f7895ec64\.txt:5012/);
  });
  test('AUDIT at FTE 0.875: 47,047.00 matches; the twice-rounded 47,047.01 is a cent over', () => {
    expect(auditSalary(engine, 'waconia/teachers', 47047, 'BA+15', 'D', '2026-27', 0.875).difference).toBe(0);
    expect(auditSalary(engine, 'waconia/teachers', 47047.01, 'BA+15', 'D', '2026-27', 0.875).difference).toBe(0.01);
  });
  test('AUDIT: paid D for the whole year (53,013) is underpaid by 755.00, and the reason says the mid-year step was not applied', () => {
    const a = auditSalary(engine, 'waconia/teachers', 53013, 'BA+15', 'D', '2026-27', undefined);
    expect([a.expected, a.difference]).toEqual([53768, -755]);
    expect(a.reason).toMatch(/^underpaid by \$755\.00: .*the amount paid matches step D for the whole year \(the mid-year step not applied\)/);
  });
  test('AUDIT given the step reached in December (E) with the blend paid names the step to give', () => {
    // E at the start would be due (54,523 + 56,077) / 2 = 55,300; the blend of D and E, 53,768, is 1,532.00 under it
    const a = auditSalary(engine, 'waconia/teachers', 53768, 'BA+15', 'E', '2026-27', undefined);
    expect([a.expected, a.difference]).toEqual([55300, -1532]);
    expect(a.reason).toMatch(/matches half the year on step D and half on E .*give the step held at its start, D/);
  });
  test('below half time there is no mid-year step (a year of credit is needed, 004:2318): 0.4 × 53,013 = 21,205.20', () => {
    expect(auditSalary(engine, 'waconia/teachers', 21205.2, 'BA+15', 'D', '2026-27', 0.4).difference).toBe(0);
  });
  test('other years are unchanged: 2025-26 has no mid-year step, D 50,489 (004:4962)', () => {
    expect(auditSalary(engine, 'waconia/teachers', 50489, 'BA+15', 'D', '2025-26', undefined).difference).toBe(0);
  });
});
