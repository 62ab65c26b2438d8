/**
 * The benefit clauses costed as the agreements state them, each expected value worked by hand from the
 * clause cited (Anoka-Hennepin 001_568af6eb86bfbaf6.txt, Waconia 004_95c67c5f7895ec64.txt):
 *   Anoka-Hennepin family coverage: a stated maximum a month (001:469), prorated by contract for 40% and over (001:461-463);
 *   single and dependent-only coverage: 100% of a premium the agreement does not state (001:467, 001:471): not costed;
 *   Anoka-Hennepin 403(b): tiers by seniority date, re-derived each year (001:884, 001:886), for 40% FTE and over (001:882);
 *   Waconia 403(b): from half time, pro rata (004:2837).
 * Employer rates are overrides (6.2 / 1.45 / 10%) so only the clauses under test move the figures.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContractLoadError, ContractRegistry, createRegistry, Engine } from '../../src';
import { costRoster } from '../../src/costing';
import type { CostResult, EmployeeYear } from '../../src/costing';
import { employerRates } from '../../src/parameters';
import { costWithProposal } from '../../src/settlement';
import { readProposals, readRoster } from '../../functions/tables';
import type { ProposalTable } from '../../src/proposal';

const engine = new Engine(createRegistry());
const rates = employerRates({ parameters: [] }, { 'fica-oasdi-employer': 6.2, 'medicare-employer': 1.45, 'tra-employer': 10, 'fica-oasdi-wage-base': 200000 });
const A = 'anoka-hennepin/teachers';
const W = 'waconia/teachers';
const AY = ['2005-06', '2006-07'];

/** Costs one-row rosters: [id, lane, step, fte, seniority, coverage, match, years] per row. */
function cost(contract: string, years: string[], rows: unknown[][]): CostResult {
  const roster = readRoster([['id', 'contract', 'lane', 'step', 'fte', 'seniority', 'coverage', 'match', 'years'], ...rows.map(([id, ...rest]) => [id, contract, ...rest])]);
  return costRoster(engine, roster as never, { years, rates }) as CostResult;
}
const line = (r: CostResult, id: string) => r.employees.find((e) => e[0].placement.id === id)!;
const field = (ys: EmployeeYear[], k: 'insurance' | 'match') => ys.map((y) => y[k]);
const said = (y: EmployeeYear) => [...y.readings, ...y.problems].join(' | ');

describe('Anoka-Hennepin health insurance (Art. XI Sec. 2)', () => {
  const r = cost(A, AY, [
    ['fam', 'MA', '5', 1, '', 'Family', 'none', ''],
    ['fam6', 'MA', '5', 0.6, '', 'Family', 'none', ''],
    ['fam3', 'MA', '5', 0.3, '', 'Family coverage', 'none', ''],
    ['single', 'MA', '5', 1, '', 'Single', 'none', ''],
    ['dep', 'MA', '5', 1, '', 'Dependent only', 'none', ''],
  ]);
  test('family coverage at full time: $768 a month (2005-06) and $870 (2006-07) × 12 = 9,216.00 and 10,440.00 (001:469)', () => {
    expect(field(line(r, 'fam'), 'insurance')).toEqual([9216, 10440]);
    expect(said(line(r, 'fam')[0])).toMatch(/^Family coverage: \$768\.00 a month × 12 \(001_568af6eb86bfbaf6\.txt:469\); the Board's stated maximum is costed/);
  });
  test('part time from 40%: the same proportion as the contract (001:461-463): 9,216 × 60% = 5,529.60; 10,440 × 60% = 6,264.00', () => {
    expect(field(line(r, 'fam6'), 'insurance')).toEqual([5529.6, 6264]);
    expect(said(line(r, 'fam6')[1])).toMatch(/insurance × 60% for FTE 0\.6 \(001_568af6eb86bfbaf6\.txt:461-463\)/);
  });
  test('under 40%: no District contribution, said so', () => {
    expect(field(line(r, 'fam3'), 'insurance')).toEqual([0, 0]);
    expect(said(line(r, 'fam3')[0])).toMatch(/no insurance contribution below 0\.4 FTE \(001_568af6eb86bfbaf6\.txt:461-463\)/);
  });
  test('single and dependent-only coverage: 100% of a premium the agreement does not state; not costed, each with its citation', () => {
    expect(field(line(r, 'single'), 'insurance')).toEqual([0, 0]);
    expect(line(r, 'single')[0].problems).toEqual([
      'single 2005-06: insurance not costed: Single coverage: the District pays 100% of a premium the agreement does not state (001_568af6eb86bfbaf6.txt:467), so its contribution cannot be costed',
    ]);
    expect(said(line(r, 'dep')[1])).toMatch(/Dependent only coverage: the District pays 100% of a premium .*\(001_568af6eb86bfbaf6\.txt:471\)/);
  });
  test('a coverage the agreement does not have refuses the roster, naming the row and the valid ones (the reading policy)', () => {
    const roster = readRoster([['id', 'contract', 'lane', 'step', 'fte', 'coverage'], ['typo', A, 'MA', '5', 1, 'Single+1']]);
    const refused = costRoster(engine, roster as never, { years: AY, rates });
    expect(refused).toMatchObject({ code: 'VALUE', message: expect.stringMatching(/^roster row 2 \(typo\), coverage: unknown coverage "Single\+1" for anoka-hennepin\/teachers; valid: Family, Single, Dependent only$/) });
  });
  test('the totals: 9,216 + 5,529.60 = 14,745.60 and 10,440 + 6,264 = 16,704.00; 2 lines × 2 years not costed', () => {
    expect(r.totals.map((t) => t.insurance)).toEqual([14745.6, 16704]);
    expect(r.problems).toHaveLength(4);
  });
});

describe('Anoka-Hennepin 403(b): tiers from the seniority date each year (Art. XVIII Sec. 2)', () => {
  const r = cost(A, AY, [
    // seniority 2003-08-25: not before June 30, 2002 in 2005-06 (001:884); before June 30, 2004 in 2006-07 (001:886): $0 then $1,000
    ['new', 'BA', '2', 1, '2003-08-25', '', '', ''],
    // 1987-05-01: before 1997 but not 1986 in 2005-06 ($1,000); before June 30, 1988 in 2006-07 (tier 3, $2,000)
    ['mid', 'MA', '14-CI', 1, '1987-05-01', '', '', ''],
    // half time is eligible (40% and over, 001:882 via 001:461), and not prorated: $1,500 and $2,000
    ['half', 'MA', 'CII', 0.5, '1980-01-01', '', '', ''],
    // under 40%: none
    ['low', 'MA', 'CII', 0.3, '1980-01-01', '', '', ''],
    // not participating
    ['out', 'MA', 'CII', 1, '1980-01-01', '', 'none', ''],
    // a tier typed in the match column is not what decides: the seniority date is (1987-05-01 as above)
    ['typed', 'MA', '14-CI', 1, '1987-05-01', '', 'tier 1', ''],
    // no seniority date: the typed tier as given (tier 2: $1,000 in 2005-06, $1,500 in 2006-07)
    ['given', 'MA', '5', 1, '', '', 'tier 2', ''],
  ]);
  test.each([
    ['new', [0, 1000]],
    ['mid', [1000, 2000]],
    ['half', [1500, 2000]],
    ['low', [0, 0]],
    ['out', [0, 0]],
    ['typed', [1000, 2000]],
    ['given', [1000, 1500]],
  ])('%s: %j', (id, expected) => expect(field(line(r, id as string), 'match')).toEqual(expected));
  test('the readings name the tier, the date and the line', () => {
    expect(said(line(r, 'new')[0])).toMatch(/no 403\(b\) match in 2005-06: seniority 2003-08-25 is not before 2002-06-30 \(001_568af6eb86bfbaf6\.txt:884\)/);
    expect(said(line(r, 'new')[1])).toMatch(/403\(b\) tier 1: seniority 2003-08-25 is before 2004-06-30, up to \$1,000, costed in full \(001_568af6eb86bfbaf6\.txt:886\)/);
    expect(said(line(r, 'low')[0])).toMatch(/no 403\(b\) match below 0\.4 FTE \(001_568af6eb86bfbaf6\.txt:882\)/);
    expect(said(line(r, 'typed')[0])).toMatch(/the match column's "tier 1" is not used: the tier follows the seniority date/);
    expect(said(line(r, 'given')[0])).toMatch(/403\(b\) tier 2 as given; give the seniority date/);
  });
  test('years of service without a seniority date: the tier cannot be derived, and the row says what to give', () => {
    const r = cost(A, AY, [['yos', 'MA', '5', 1, '', '', '', 12]]);
    expect(r.employees[0].map((y) => y.match)).toEqual([0, 0]);
    expect(r.problems[0]).toMatch(/^yos 2005-06: 403\(b\) match not costed: give the seniority date: .* tiered by seniority date, derived each year \(001_568af6eb86bfbaf6\.txt:880-888\)/);
  });
  test('rows whose dates fall in one band share one costing, and each line names its own date', () => {
    // 1990-01-01 and 1991-03-15: before June 30, 1997 in 2005-06 (001:884): $1,000; before June 30, 1999 in
    // 2006-07 (001:886): $1,500 (not before June 30, 1988)
    const two = cost(A, AY, [['a', 'BA', '2', 1, '1990-01-01', '', '', ''], ['b', 'BA', '2', 1, '1991-03-15', '', '', '']]);
    expect(two.employees.map((e) => e.map((y) => y.match))).toEqual([[1000, 1500], [1000, 1500]]);
    expect(said(line(two, 'a')[0])).toMatch(/seniority 1990-01-01 is before 1997-06-30, up to \$1,000/);
    expect(said(line(two, 'b')[0])).toMatch(/seniority 1991-03-15 is before 1997-06-30, up to \$1,000/);
    expect(said(line(two, 'a')[1])).toMatch(/seniority 1990-01-01 is before 1999-06-30, up to \$1,500/);
    expect(said(line(two, 'b')[1])).toMatch(/seniority 1991-03-15 is before 1999-06-30, up to \$1,500/);
    expect(said(line(two, 'b')[1])).not.toMatch(/1990-01-01/);
  });
  test('career gates: rows in one band move alike, each note naming its own date (Career II: before 12-31-1987, 001:1044)', () => {
    const two = cost(A, AY, [['c', 'MA', '14-CI', 1, '1987-01-15', '', '', ''], ['d', 'MA', '14-CI', 1, '1987-06-01', '', '', '']]);
    expect(line(two, 'c')[1].placement.step).toBe('CII');
    expect(line(two, 'd')[1].placement.step).toBe('CII');
    expect(line(two, 'c')[1].placement.notes[0]).toMatch(/^step 14-CI → CII: seniority 1987-01-15 is before 1987-12-31/);
    expect(line(two, 'd')[1].placement.notes[0]).toMatch(/^step 14-CI → CII: seniority 1987-06-01 is before 1987-12-31/);
  });
  test('the count of problems is the length of their list (COST shows the count without making the list)', () => {
    const r = cost(A, AY, [['s1', 'MA', '5', 1, '', 'Single', 'none', ''], ['s2', 'MA', '5', 1, '', 'Single', 'none', ''], ['f', 'MA', '5', 1, '', 'Family', 'none', '']]);
    // two single-coverage rows × two years, not costed (001:467)
    expect(r.problemCount).toBe(4);
    expect(r.problems.map((p) => p.split(':')[0])).toEqual(['s1 2005-06', 's1 2006-07', 's2 2005-06', 's2 2006-07']);
  });
  test('the memo of equal lines keeps employees with different seniority dates apart', () => {
    const two = cost(A, AY, [['a', 'BA', '2', 1, '2003-08-25', '', '', ''], ['b', 'BA', '2', 1, '1990-01-01', '', '', '']]);
    expect(two.employees.map((e) => e[0].match)).toEqual([0, 1000]); // 1990: before June 30, 1997 (001:884)
  });
});

describe('beyond the agreement: a proposal year keeps the last stated tiers and amounts, and says so', () => {
  const roster = readRoster([
    ['id', 'contract', 'lane', 'step', 'fte', 'seniority', 'coverage'],
    ['late', A, 'MA', '5', 1, '2005-01-01', 'Family'],
    ['early', A, 'MA', '5', 1, '2003-08-25', 'Family'],
  ]) as never;
  // percents as Excel stores a cell formatted 3% (0.03)
  const proposals = readProposals([['proposal', 'year', 'schedule %', 'insurance %'], ['same', '2007-08', 0.03, ''], ['more', '2007-08', 0.03, 0.1]]) as ProposalTable;
  test('2007-08: the 2006-07 403(b) dates (001:886): 2005-01-01 gets none, 2003-08-25 tier 1 $1,000; family $870 × 12 = 10,440', () => {
    const r = costWithProposal(engine, roster, ['2006-07', '2007-08'], rates, proposals, 'same') as CostResult;
    expect(r.employees.map((e) => e[1].match)).toEqual([0, 1000]);
    expect(r.employees.map((e) => e[1].insurance)).toEqual([10440, 10440]);
    expect(said(r.employees[1][1])).toMatch(/the 2006-07 tiers, kept: the agreement states none for 2007-08/);
    expect(said(r.employees[1][1])).toMatch(/the 2006-07 amount, kept: the agreement states none for 2007-08 \(an insurance % in the proposal moves it\)/);
  });
  test('an insurance % moves the family contribution: 870 × 1.10 = 957.00 a month × 12 = 11,484.00', () => {
    const r = costWithProposal(engine, roster, ['2006-07', '2007-08'], rates, proposals, 'more') as CostResult;
    expect(r.employees[0][1].insurance).toBe(11484);
    expect(said(r.employees[0][1])).toMatch(/^Family coverage: \$957\.00 a month × 12 \(proposal\.sheet:3\)/);
    expect(said(r.employees[0][1])).not.toMatch(/amount, kept/);
  });
});

describe('Waconia 403(b): from half time, pro rata (Art. XVII Sec. 2 Subd. 2, 004:2837)', () => {
  // 2025-26 continuing contract, 9-12 years: $1,500 (004:4745); 2026-27: $1,600 (004:4760)
  const r = cost(W, ['2025-26', '2026-27'], [
    ['full', 'MA', 'E', 1, '', '', 'Continuing contract', 10],
    ['p6', 'MA', 'E', 0.6, '', '', 'Continuing contract', 10],
    ['half', 'MA', 'E', 0.5, '', '', 'Continuing contract', 10],
    ['p4', 'MA', 'E', 0.4, '', '', 'Continuing contract', 10],
    ['p67', 'MA', 'E', 0.667, '', '', 'Continuing contract', 10],
  ]);
  test.each([
    ['full', [1500, 1600]],
    ['p6', [900, 960]], // 1,500 × 0.6; 1,600 × 0.6
    ['half', [750, 800]],
    ['p4', [0, 0]], // under half time: none
    ['p67', [1000.5, 1067.2]], // 1,500 × 0.667 = 1,000.50; 1,600 × 0.667 = 1,067.20
  ])('%s: %j', (id, expected) => expect(field(line(r, id as string), 'match')).toEqual(expected));
  test('the readings say pro rata and under half time, with the line', () => {
    expect(said(line(r, 'p6')[0])).toMatch(/403\(b\) \$1,500 × FTE 0\.6 = \$900\.00, pro rata \(004_95c67c5f7895ec64\.txt:2837\)/);
    expect(said(line(r, 'p4')[0])).toMatch(/no 403\(b\) match below 0\.5 FTE \(004_95c67c5f7895ec64\.txt:2837\)/);
  });
});

describe('the fields these clauses use are checked when a contract loads', () => {
  const text = fs.readFileSync(path.join(__dirname, '../../src/contracts/anoka-hennepin-teachers.json'), 'utf8');
  function load(mutate: (c: any) => void): string {
    const c = JSON.parse(text);
    mutate(c);
    try {
      new ContractRegistry().load([{ name: 'district.json', content: JSON.stringify(c) }]);
    } catch (e) {
      expect(e).toBeInstanceOf(ContractLoadError);
      return (e as Error).message;
    }
    throw new Error('the mutated file was accepted');
  }
  test('a coverage names a term that does not exist', () => {
    expect(load((c) => (c.payroll.insurance.coverages[0].term = 'insurance-famly'))).toMatch(/payroll\.insurance\.coverages\[0\]\.term.*term "insurance-famly" is not defined/);
  });
  test('a coverage with both an amount and a premium share, or neither', () => {
    expect(load((c) => (c.payroll.insurance.coverages[1].term = 'insurance-family'))).toMatch(/payroll\.insurance\.coverages\[1\]: .*must match exactly one allowed form/);
    expect(load((c) => delete c.payroll.insurance.coverages[1].premiumShare)).toMatch(/payroll\.insurance\.coverages\[1\]: .*must match exactly one allowed form/);
  });
  test('insurance with neither a keyed term nor coverages', () => {
    expect(load((c) => delete c.payroll.insurance.coverages)).toMatch(/payroll\.insurance: .*must match exactly one allowed form \(matches 0\)/);
  });
  test('a 403(b) eligibility that prorates by anything but FTE, or a seniority tier that is not a date', () => {
    expect(load((c) => (c.payroll.match.eligibility.prorate = 'hours'))).toMatch(/payroll\.match\.eligibility\.prorate: "hours" is not one of \["fte","none"\]/);
    expect(load((c) => (c.terms.find((t: any) => t.id === '403b-match').values[0].seniorityBefore = 'June 30, 2002'))).toMatch(/seniorityBefore/);
  });
});

describe('a part-time teacher\'s stipends (Anoka-Hennepin Appendix B)', () => {
  // [id, contract, lane, step, fte, activity, role, seasons], costed for 2006-07 only
  const roster = readRoster([
    ['id', 'contract', 'lane', 'step', 'fte', 'activity', 'role', 'seasons'],
    ['choir6', A, 'MA', '5', 0.6, 'Choir', 'Director', 1],
    ['coach6', A, 'MA', '5', 0.6, 'Football', 'Head Coach', 4],
  ]);
  const r = costRoster(engine, roster as never, { years: ['2006-07'], rates }) as CostResult;
  test('music: "All part time get proportion of rate" (001:1139-1140): Choir Director 4,130 (001:1136) × 0.6 = 2,478.00', () => {
    expect(line(r, 'choir6')[0].stipends).toBe(2478);
    expect(said(line(r, 'choir6')[0])).toMatch(/stipend Choir \/ Director part time: × FTE 0\.6 \(001_568af6eb86bfbaf6\.txt:1139-1140\)/);
  });
  test('elsewhere no proportion is stated: Level A head coach 5,516 (001:1078) in full, and the reading is named', () => {
    expect(line(r, 'coach6')[0].stipends).toBe(5516);
    expect(said(line(r, 'coach6')[0])).toMatch(/stipend Football \/ Head Coach costed in full at FTE 0\.6: anoka-hennepin\/teachers states no part-time proportion of it/);
  });
});
