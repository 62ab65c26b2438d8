/**
 * The shapes of issue 10 through the built functions.js, as Excel calls it, on the bundled contracts: SALARY's
 * schedule argument and SCHEDULES, TERM's date argument, RANGE where no range schedule exists. The synthetic
 * districts' figures (two annual schedules, ranges, a mid-year change) are in test/unit/districts.test.ts, and in the
 * README examples once the API loads contracts at run time.
 * Values: Waconia 2025-26 MA+15 step H $64,654 (004_95c67c5f7895ec64.txt:4966); family insurance contribution
 * $1,787.04 a month in 2025-26 (004_95c67c5f7895ec64.txt:4365).
 */
import { loadBundle, ShimError } from '../support/excel-shim';

const bundle = loadBundle();
const fn = (id: string) => bundle.functions.get(id)! as (...args: unknown[]) => unknown[][];
const W = [['waconia/teachers']];
const Y = [['2025-26']];
const error = (v: unknown): ShimError => {
  expect(v).toBeInstanceOf(ShimError);
  return v as ShimError;
};

describe('SALARY with a schedule', () => {
  test('the first annual schedule named by its id (in any case) or its title reads the same cell', () => {
    for (const schedule of ['k12', 'K-12 teacher salary schedule (Schedule A)', 'K12'])
      expect([schedule, fn('SALARY')([['MA+15']], [['H']], Y, W, null, [[schedule]])]).toEqual([schedule, [[64654]]]);
  });
  test('a range of lanes with a schedule broadcasts element by element', () => {
    expect(fn('SALARY')([['MA+15'], ['MA+90']], [['H']], Y, W, null, [['k12']]).map((r) => (r[0] instanceof ShimError ? r[0].code : r[0]))).toEqual([64654, '#VALUE!']);
  });
  test('an hourly schedule is not an annual one; an unknown one lists the annual schedules', () => {
    expect(error(fn('SALARY')([['MA+15']], [['H']], Y, W, null, [['ecfe']])[0][0]).message).toBe(
      '"ecfe" is an hourly schedule, not an annual one; annual schedules of waconia/teachers: k12 (K-12 teacher salary schedule (Schedule A))');
    expect(error(fn('SALARY')([['MA+15']], [['H']], Y, W, null, [['Nurses']])[0][0]).message).toMatch(/^Unknown schedule "Nurses" in waconia\/teachers; annual schedules of waconia\/teachers: k12/);
  });
  test('SALARY.SOURCE with the schedule names the agreement and the line', () => {
    expect(fn('SALARY.SOURCE')([['MA+15']], [['H']], Y, W, null, [['k12']])).toEqual([[
      'waconia/teachers 2025-26 K-12 teacher salary schedule (Schedule A), lane MA+15, step H: $64,654 as printed (ISD 110 School Board regular meeting packet, 26 August 2024 (tentative agreements, redlined master agreements 2023-25 and 2025-27), line 4966 [004_95c67c5f7895ec64.txt:4966])',
    ]]);
  });
});

test('AUDIT with a schedule: the first annual one by id reads as without it; an hourly one is refused', () => {
  const audit = (schedule: string) => fn('AUDIT')([[64654]], [['MA+15']], [['H']], Y, null, W, [[schedule]]);
  expect(audit('k12')[0].slice(0, 2)).toEqual([64654, 0]);
  expect(String(audit('k12')[0][2])).toMatch(/^matches ISD 110 School Board regular meeting packet.*, line 4966 \[004_95c67c5f7895ec64\.txt:4966\]/);
  expect(error(audit('ecfe')[0][0]).message).toMatch(/^"ecfe" is an hourly schedule, not an annual one/);
});

test('SCHEDULES spills id, title and kind', () => {
  expect(fn('SCHEDULES')(W)).toEqual([
    ['k12', 'K-12 teacher salary schedule (Schedule A)', 'annual'],
    ['ecfe', "ECFE and Preschool teachers' hourly wage schedule (Article XVIII, Section 9)", 'hourly'],
  ]);
});

describe('TERM with a date', () => {
  const family = (date: unknown) => fn('TERM')([['insurance-contribution']], Y, [['Family']], W, null, [[date]]);
  test('a year whose value does not change answers the same on any date inside it: an ISO date or an Excel date', () => {
    expect(family('2026-01-15')).toEqual([[1787.04]]);
    expect(family(46037)).toEqual([[1787.04]]); // 46037 = 2026-01-15 as Excel counts days
  });
  test('a date outside the school year, or not a date, is #VALUE! saying why', () => {
    expect(error(family('2026-07-01')[0][0]).message).toBe('the date 2026-07-01 is not in the school year 2025-26 (2025-07-01 to 2026-06-30)');
    expect(error(family('2026-02-30')[0][0]).message).toBe('date: "2026-02-30" is not a date; write it as 2027-01-15 (year-month-day), or give a date cell');
  });
});

test('RANGE on a contract without a range schedule says so', () => {
  expect(error(fn('RANGE')([['Grade 4']], Y, W)[0][0]).message).toBe('waconia/teachers has no min-max range schedule');
});
