/**
 * The one reading policy (functions/reading.ts; README "How tables and arguments are read"): one test per kind of
 * misreading found by trying the tables as a new user would. Each refusal must name the place (table, row,
 * column header) and say what would be valid. Expected values are worked by hand in the comments or read from
 * the documents (file:line).
 */
import { createRegistry, Engine, Failure } from '../../src';
import { costRoster } from '../../src/costing';
import type { CostResult } from '../../src/costing';
import { employerRates } from '../../src/parameters';
import { costWithProposal } from '../../src/settlement';
import { readProposals, readRates, readRoster, yearsFrom } from '../../functions/tables';
import type { Roster } from '../../functions/tables';
import { proposalFor } from '../../src/proposal';
import type { ProposalTable } from '../../src/proposal';
import { readDate, readFte, readMoney, readNumber, readPercent, readYears } from '../../functions/reading';

const engine = new Engine(createRegistry());
const W = 'waconia/teachers';
const A = 'anoka-hennepin/teachers';
const rates = employerRates({ parameters: [] }, { 'fica-oasdi-employer': 6.2, 'medicare-employer': 1.45, 'tra-employer': 10, 'fica-oasdi-wage-base': 200000 });
/** An Excel error value as Excel hands it to a custom function. */
const excelError = (code: string) => ({ code, message: '' });

const refused = (v: unknown, pattern: RegExp, code: 'VALUE' | 'NA' = 'VALUE') => {
  expect(v).toBeInstanceOf(Failure);
  expect([(v as Failure).code, (v as Failure).message]).toEqual([code, expect.stringMatching(pattern)]);
};
const roster = (rows: unknown[][]) => readRoster(rows) as Roster;
/** The proposal `name` of a proposals table: the table read (functions/tables.ts), then the proposal taken from it (src/proposal.ts). */
const proposal = (rows: unknown[][], name = 'x', years?: string[]) => {
  const t = readProposals(rows);
  return t instanceof Failure ? t : proposalFor(t, name, W, '2024-25', years);
};
const read = (rows: unknown[][]) => readProposals(rows) as ProposalTable;

describe('headers: a misspelt column is refused, never ignored with a default used', () => {
  test.each([
    ['FTE %', /roster header, column 5 "FTE %" is not a column this table reads, and looks like one; rename it to one of: id, contract, lane, step, fte/],
    ['fte pct', /column 5 "fte pct"/],
    ['ftee', /column 5 "ftee"/], // one letter off "fte"
    ['covrage', /column 5 "covrage"/], // two letters off "coverage"
    ['seniority dt', /column 5 "seniority dt"/], // holds the word "seniority"
  ])('roster column %s', (header, pattern) => {
    refused(readRoster([['id', 'lane', 'step', 'contract', header], ['T1', 'MA+15', 'H', W, 0.5]]), pattern);
  });
  test.each([
    ['schedule pct', /proposals header, column 3 "schedule pct" is not a column this table reads.*schedule %, schedule \$, career %, steps/],
    ['raise pct', /column 3 "raise pct"/],
    ['step', /column 3 "step"/], // one letter off "steps"
    ['insurance', /column 3 "insurance"/],
  ])('proposals column %s', (header, pattern) => {
    refused(proposal([['proposal', 'year', header], ['x', '2025-26', 0.03]]), pattern);
  });
  test('descriptive columns (name, building, notes) are ignored and reported', () => {
    const r = roster([['id', 'name', 'lane', 'step', 'building', 'notes'], ['T1', 'Avery', 'MA+15', 'H', 'North', 'new hire']]);
    expect(r.ignored).toEqual(['"name" (column 2)', '"building" (column 5)', '"notes" (column 6)']);
    expect(r[0]).toMatchObject({ id: 'T1', lane: 'MA+15', step: 'H', fte: 1 });
  });
  test('case, spaces, _ and . do not matter; two columns for one field are refused', () => {
    expect(roster([['ID', 'Lane', 'STEP', 'F.T.E.', 'Seniority_Date'], ['T1', 'BA', 'B', 0.5, '1990-09-01']])[0]).toMatchObject({ fte: 0.5, seniorityDate: '1990-09-01' });
    refused(readRoster([['id', 'lane', 'step', 'years', 'years of service'], ['T1', 'BA', 'B', 3, 4]]), /column 4 "years" and column 5 "years of service" both name the column "years"; keep one/);
  });
});

describe('percents are Excel\'s own, read cell by cell, never guessed by size', () => {
  test('0.19 is 19% and 0.2 is 20% (a percent-formatted cell holds the fraction); the text "3%" is 3%', () => {
    const p = proposal([['proposal', 'year', 'schedule %'], ['x', '2025-26', 0.19], ['x', '2026-27', 0.2]]) as { years: { schedulePercent: number }[] };
    expect(p.years.map((y) => y.schedulePercent)).toEqual([19, 20]);
    expect(readPercent('3%', 'here', { min: 0, max: 100 })).toBe(3);
    expect(readPercent('0.03', 'here', { min: 0, max: 100 })).toBe(3);
  });
  test('a typed 3 is 300%: refused with the hint to type 3%', () => {
    refused(proposal([['proposal', 'year', 'schedule %'], ['x', '2025-26', 3]]), /proposals row 2, column 3 "schedule %": 3 is out of range \(3 reads as 300%; type 3% \(Excel stores 0\.03\)\); give a percent from -50% to 50%/);
  });
  test("one proposal typed 5 does not change how another proposal's 0.03 is read", () => {
    const table = [['proposal', 'year', 'schedule %'], ['a', '2025-26', 0.03], ['b', '2025-26', 5]];
    expect((proposal(table, 'a') as { years: { schedulePercent: number }[] }).years[0].schedulePercent).toBe(3);
    refused(proposal(table, 'b'), /row 3, column 3 "schedule %": 5 is out of range \(5 reads as 500%/);
  });
  test('a rate formatted 9.75% (0.0975) is 9.75%; a bare 9.75 would be 975% and is refused (over 50%)', () => {
    expect(readRates([['tra-employer', 0.0975]])).toEqual({ 'tra-employer': 9.75 });
    expect(readRates([['id', 'value'], ['TRA-employer', '9.75%'], ['fica-oasdi-wage-base', '$176,100']])).toEqual({ 'tra-employer': 9.75, 'fica-oasdi-wage-base': 176100 });
    refused(readRates([['tra-employer', 9.75]]), /rates row 1, column 2: 9\.75 is out of range \(9\.75 reads as 975%; type 9\.75% \(Excel stores 0\.0975\)\); give a percent from 0% to 50%/);
    refused(readRates([['tra-employer', '9.75']]), /rates row 1, column 2: "9\.75" is out of range \(9\.75 reads as 975%; type 9\.75%/);
    refused(readRates([['tra-employer', '60%']]), /rates row 1, column 2: "60%" is out of range; give a percent from 0% to 50%/);
  });
  test('negative and absurd rates are refused: -100, 1e306', () => {
    refused(readRates([['pera-employer', -100]]), /rates row 1, column 2: -100 is out of range/);
    refused(readRates([['pera-employer', 1e306]]), /rates row 1, column 2: 1e\+306 is out of range/);
    refused(readRates([['fica-oasdi-wage-base', 1e306]]), /rates row 1, column 2: 1e\+306 is out of range; give Social Security/);
  });
  test('a pension rate of 9.75% (0.0975) costs 9.75% of pay: 2025-26 MA+15 H 64,654 (004:4966) x 9.75% = 6,303.7650 -> 6,303.77', () => {
    const r = costRoster(engine, roster([['id', 'lane', 'step'], ['T1', 'MA+15', 'H']]), { years: ['2025-26'], rates: employerRates({ parameters: [] }, { ...readRates([['tra-employer', 0.0975]]) as Record<string, number>, 'fica-oasdi-employer': 0, 'medicare-employer': 0 }), defaultContract: W }) as CostResult;
    expect(r.totals[0].pension).toBe(6303.77);
  });
});

describe('rate ids: a misspelt id is refused, never replaced by the sourced rate', () => {
  test.each([['tra'], ['ss'], ['medicare']])('%s', (id) => {
    refused(readRates([[id, 0.0975]]), new RegExp(`rates row 1, column 1: "${id}" is not a rate id; valid: fica-oasdi-employer, fica-oasdi-wage-base, medicare-employer, tra-employer, pera-employer`));
  });
  test('a third cell, a missing value or a repeated id is refused', () => {
    refused(readRates([['tra-employer', 0.0975, 'note']]), /rates row 1, column 3: "note"; rate overrides are rows of two cells/);
    refused(readRates([['tra-employer', '']]), /rates row 1, column 2: empty/);
    refused(readRates([['tra-employer', 0.0975], ['tra-employer', 0.09]]), /rates row 2, column 1: tra-employer is given twice/);
  });
});

describe('Excel errors and TRUE/FALSE in a cell are refused, never read as empty', () => {
  test.each([
    ['coverage', excelError('#N/A'), /roster row 2, column 5 "coverage": the cell holds the Excel error #N\/A/],
    ['coverage', true, /roster row 2, column 5 "coverage": TRUE is not a value here/],
    ['activity', excelError('#REF!'), /roster row 2, column 5 "activity": the cell holds the Excel error #REF!/],
    ['fte', false, /roster row 2, column 5 "fte": FALSE is not a value here/],
  ])('%s holding %p', (column, value, pattern) => {
    refused(readRoster([['id', 'lane', 'step', 'contract', column], ['T1', 'MA+15', 'H', W, value]]), pattern);
  });
  test('in a proposals table and a year range', () => {
    refused(proposal([['proposal', 'year', 'steps'], ['x', '2025-26', excelError('#VALUE!')]]), /proposals row 2, column 3 "steps": the cell holds the Excel error #VALUE!/);
    refused(yearsFrom(['2024-25', excelError('#N/A')]), /years, cell 2: the cell holds the Excel error #N\/A/);
  });
});

describe('proposals: what is not stated is not filled in', () => {
  const table = [['proposal', 'year', 'schedule %', 'steps'], ['x', '2025-26', 0.03, 1]];
  test('a proposal without a row for a costed year is refused, not costed on the printed schedule', () => {
    refused(proposal(table, 'x', ['2024-25', '2025-26', '2026-27']), /proposal "x" has no row for 2026-27 \(its rows: 2025-26 \(row 2\)\); add a row for 2026-27/);
    refused(costWithProposal(engine, roster([['id', 'lane', 'step'], ['T1', 'MA+15', 'C']]), ['2024-25', '2025-26', '2026-27'], rates, read(table), 'x', W), /has no row for 2026-27/);
  });
  test('steps 2 is refused (every contract here grants at most one step a year), and so is 0.5', () => {
    refused(proposal([['proposal', 'year', 'steps'], ['x', '2025-26', 2]]), /proposals row 2, column 3 "steps": 2 is out of range; give steps at the start of the year \(0 for a freeze, 1 for one step/);
    refused(proposal([['proposal', 'year', 'mid-year steps'], ['x', '2025-26', 0.5]]), /column 3 "mid-year steps": 0\.5 is not a whole number.*never rounded or truncated/);
  });
  test('a year twice, the roster\'s own year, or a row without its proposal name is refused', () => {
    refused(proposal([['proposal', 'year'], ['x', '2025-26'], ['x', '2025-2026']]), /proposals row 3, column 2 "year": proposal "x" has 2025-26 twice \(rows 2 and 3\)/);
    refused(proposal([['proposal', 'year'], ['x', '2024-25']]), /row 2, column 2 "year": 2024-25 is not after 2024-25, the roster's own year/);
    refused(proposal([['proposal', 'year', 'schedule %'], ['x', '2025-26', 0.03], ['', '2026-27', 0.05]]), /proposals row 3, column 1 "proposal": empty; every row names its proposal/);
  });
});

describe('years and dates', () => {
  test('a span has exactly two ends: a:b:c is refused, not read as a:b', () => {
    refused(yearsFrom(['2024-25:2025-26:2026-27']), /"2024-25:2025-26:2026-27" has 3 parts; a span has exactly two ends/);
    expect(yearsFrom(['2024-25 to 2026-27'])).toEqual(['2024-25', '2025-26', '2026-27']);
    expect(readYears(['2024-25', 'FY2026'])).toEqual(['2024-25', '2025-26']);
  });
  test('impossible dates are refused: 2020-13-45, 2/30/2024; real ones and Excel serials are read', () => {
    refused(readDate('2020-13-45', 'roster row 2, column 5 "seniority"'), /roster row 2, column 5 "seniority": "2020-13-45" is not a date that exists/);
    refused(readDate('2/30/2024', 'here'), /"2\/30\/2024" is not a date that exists/);
    refused(readRoster([['id', 'lane', 'step', 'seniority'], ['T1', 'BA', 'B', '1987-02-29']]), /roster row 2, column 4 "seniority": "1987-02-29" is not a date that exists/);
    expect(readDate('2/29/2024', 'here')).toBe('2024-02-29');
    // Excel serial 32009 is 1987-08-20: 1899-12-30 + 32009 days (Excel's own 1900 date system)
    expect(readDate(32009, 'here')).toBe('1987-08-20');
  });
  test('a seniority year typed as a number (1987) is refused, not read as the Excel serial of 9 June 1905', () => {
    // serial 1987 = 1899-12-30 + 1987 days; 1905-01-01 is + 2 + 4 x 365 + 366 = 1,828; 159 days on is June 9
    refused(readRoster([['id', 'lane', 'step', 'seniority'], ['T1', 'BA', 'B', 1987]]), /roster row 2, column 4 "seniority": 1987 reads as 1905-06-09 \(an Excel date serial\), before 1930-01-01/);
  });
  test('a lane change dated the roster\'s first year is refused, not ignored in every year', () => {
    const r = roster([['id', 'lane', 'step', 'lane change year', 'new lane'], ['T1', 'BA+15', 'C', '2024-25', 'BA+30']]);
    refused(costRoster(engine, r, { years: ['2024-25', '2025-26'], rates, defaultContract: W }), /roster row 2 \(T1\): lane change in 2024-25, the roster's own year.*put the new lane in the lane column, or date the change 2025-26/);
  });
  test('a lane change to a lane the contract lacks is refused, not ignored with a note', () => {
    const r = roster([['id', 'lane', 'step', 'lane change year', 'new lane'], ['T1', 'BA+15', 'C', '2025-26', 'BA+35']]);
    refused(costRoster(engine, r, { years: ['2024-25', '2025-26'], rates, defaultContract: W }), /roster row 2 \(T1\): new lane "BA\+35" is not a lane of waconia\/teachers; valid: BA, BA\+15/);
  });
});

describe('invalid placements are #N/A naming the roster row, never salary 0 rolling on to a strange step', () => {
  test('a lane change onto a step the new lane does not pay: BA+60 prints NONE for steps 1 & 2 in 2006-07 (001:1027)', () => {
    // BA+45 step 1 in 2005-06 (001:992: 36,675); moving across to BA+60 keeps step 1, which BA+60 does not pay
    const r = roster([['id', 'contract', 'lane', 'step', 'lane change year', 'new lane'], ['T1', A, 'BA+45', '1', '2006-07', 'BA+60']]);
    refused(costRoster(engine, r, { years: ['2005-06', '2006-07'], rates }), /^roster row 2 \(T1\): the lane change to BA\+60 in 2006-07 lands on step 1, which lane BA\+60 does not pay in 2006-07/, 'NA');
  });
  test('a closed NONE cell: Anoka-Hennepin BA+60 steps 1 & 2 print NONE in 2006-07 (001:1027)', () => {
    const r = roster([['id', 'contract', 'lane', 'step'], ['T1', A, 'BA+60', '1']]);
    refused(costRoster(engine, r, { years: ['2006-07'], rates }), /^roster row 2 \(T1\): the placement is not one the contract pays in 2006-07: .*001_568af6eb86bfbaf6\.txt:1027/, 'NA');
  });
  test('a career row the lane lacks: CIII is printed from BA+60 only (001:1038), so BA has no CIII', () => {
    const r = roster([['id', 'contract', 'lane', 'step'], ['T1', A, 'BA', 'CIII']]);
    refused(costRoster(engine, r, { years: ['2006-07'], rates }), /^roster row 2 \(T1\): the placement is not one the contract pays in 2006-07/, 'NA');
  });
});

describe('numbers: plain numbers only, within bounds', () => {
  test('text that is a plain number is read; "$" only where money is meant; anything else is refused', () => {
    expect(readNumber('1,234.50', 'here', { valid: 'a number' })).toBe(1234.5);
    expect(readMoney('$1,234.50', 'here')).toBe(1234.5);
    refused(readNumber('$1,234.50', 'here', { valid: 'a number' }), /here: "\$1,234\.50" is not a number/);
    refused(readNumber('12abc', 'here', { valid: 'a number' }), /is not a number/);
    refused(readNumber('1,23', 'here', { valid: 'a number' }), /is not a number/);
    refused(readMoney(2e9, 'paid'), /paid: 2000000000 is out of range; give an amount in dollars from 0 to 1,000,000,000/);
    refused(readMoney(-5, 'paid'), /out of range/);
  });
  test('FTE in (0, 1.5]: 1.6 and 0 refused; "60%" is 0.6', () => {
    refused(readRoster([['id', 'lane', 'step', 'fte'], ['T1', 'BA', 'B', 1.6]]), /roster row 2, column 4 "fte": 1\.6 is out of range; give a fraction of full time greater than 0 and at most 1\.5/);
    refused(readFte(0, 'fte'), /fte: 0 is out of range/);
    expect(readFte('60%', 'fte')).toBe(0.6);
  });
  test('counts are whole: 2.5 years of service or 0 seasons are refused, not truncated', () => {
    refused(readRoster([['id', 'lane', 'step', 'years'], ['T1', 'BA', 'B', 2.5]]), /roster row 2, column 4 "years": 2\.5 is not a whole number/);
    refused(readRoster([['id', 'lane', 'step', 'activity', 'role', 'seasons'], ['T1', 'BA', 'B', 'Football', 'Head', 0]]), /roster row 2, column 6 "seasons": 0 is out of range; give seasons in the activity/);
  });
});

describe('roster rows say everything once', () => {
  test("a further row of an employee carries only a stipend: an FTE there is refused, not ignored", () => {
    refused(readRoster([['id', 'lane', 'step', 'fte', 'activity', 'role'], ['T1', 'BA', 'B', 1, 'Football', 'Head'], ['T1', '', '', 0.5, 'Speech', 'Head']]),
      /roster row 3, column 4 "fte": 0\.5 on a further row of employee "T1"; such rows carry only a stipend/);
  });
  test('a role or seasons without an activity, a lane and a position both, hours on a lane row are refused', () => {
    refused(readRoster([['id', 'lane', 'step', 'role'], ['T1', 'BA', 'B', 'Head']]), /roster row 2, column 4 "role": "Head" without an activity/);
    refused(readRoster([['id', 'lane', 'position', 'step'], ['T1', 'BA', 'Custodial Cleaner', 'B']]), /roster row 2: both column 2 "lane" and column 3 "position" are filled/);
    refused(readRoster([['id', 'lane', 'step', 'hours'], ['T1', 'BA', 'B', 1000]]), /roster row 2, column 4 "hours": hours apply to hourly staff/);
  });
});

describe('keys the contract does not know are refused naming the row, not dropped by the costing', () => {
  const cost = (header: string[], cells: unknown[]) => costRoster(engine, roster([['id', 'lane', 'step', ...header], ['T1', 'MA+15', 'H', ...cells]]), { years: ['2025-26'], rates, defaultContract: W });
  test('a misspelt coverage: Waconia prices Single, Single+1, Family (004:4365)', () => {
    refused(cost(['coverage'], ['Famly']), /^roster row 2 \(T1\), coverage: Unknown coverage "Famly".*valid: Single, Single\+1, Family/);
  });
  test('a misspelt activity or role', () => {
    refused(cost(['activity', 'role'], ['Footbal', 'Head']), /^roster row 2 \(T1\), stipend Footbal \/ Head: Unknown activity "Footbal"/);
    refused(cost(['activity', 'role'], ['Football', 'Headd']), /^roster row 2 \(T1\), stipend Football \/ Headd: Unknown role "Headd" for Football; valid roles: Head, Assistant/);
  });
  test('a misspelt 403(b) status', () => {
    refused(cost(['match', 'years'], ['Tenured', 3]), /^roster row 2 \(T1\), match: Unknown contract status "Tenured".*valid: Probationary, Continuing contract/);
  });
  test('a proposals row aimed at a contract id that does not exist', () => {
    const table = [['proposal', 'year', 'contract', 'schedule %'], ['x', '2025-26', 'waconia/teacher', 0.03]];
    refused(costWithProposal(engine, roster([['id', 'lane', 'step'], ['T1', 'MA+15', 'C']]), ['2024-25', '2025-26'], rates, read(table), 'x', W),
      /^proposals row 2, column 3 "contract": "waconia\/teacher" is not a contract id; valid: .*waconia\/teachers/);
  });
});
