/**
 * Computed amounts: gross pay of a custodial week, proration by days and hours, severance. Every
 * expected value is worked by hand below from the numbers the documents print (file:line on each).
 */
import { createRegistry, Engine, Failure, weeklyGross } from '../../src';

const engine = new Engine(createRegistry());
const C = 'waconia/custodial';
const A = 'anoka-hennepin/teachers';
const W = 'waconia/teachers';

function fails(r: unknown, code: 'VALUE' | 'NA', pattern: RegExp) {
  expect(r).toBeInstanceOf(Failure);
  expect((r as Failure).code).toBe(code);
  expect((r as Failure).message).toMatch(pattern);
}

describe('GROSS: one calendar week of an hourly custodian', () => {
  // Custodial Cleaner, step 7, 2025-26: $18.22 an hour (004:7289)
  test('40 straight hours: 40 x 18.22 = 728.80', () => {
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 40 })).toBe(728.8);
  });
  test('45 hours: 40 x 18.22 + 5 x 18.22 x 1.5 = 728.80 + 136.65 = 865.45 (overtime past 40, 004:6820)', () => {
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 45 })).toBe(865.45);
  });
  test('45 second-shift hours: the differential ($2.05 for steps 5-8, 004:6830) is in the basic rate for overtime (004:6059-6061)', () => {
    // straight: 45 x (18.22 + 2.05) = 912.15; overtime premium: 5 x 20.27 x 0.5 = 50.675; total 962.825 -> 962.83
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 45, secondShift: 45 })).toBe(962.83);
  });
  test('a boiler license (Chief, $0.70 an hour, 004:6841) is added to every hour and to the overtime rate', () => {
    // 45 x 18.92 = 851.40; + 5 x 18.92 x 0.5 = 47.30; = 898.70
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 45, premiums: ['boiler-license:Chief'] })).toBe(898.7);
  });
  test('weekend hours at time and a half (004:6857) are not paid overtime again', () => {
    // 45 x 18.22 = 819.90; weekend 8 x 18.22 x 0.5 = 72.88; overtime 5 h, all credited by the 8 weekend hours -> 0; = 892.78
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 45, weekend: 8 })).toBe(892.78);
  });
  test('holiday work at two times on top of holiday pay (004:6859)', () => {
    // 32 worked + 8 holiday pay (paid leave) + 4 worked on a holiday = 44 h on paid status.
    // straight: 36 x 18.22 = 655.92 + 8 x 18.22 = 145.76 -> 801.68; holiday premium 4 x 18.22 x 1 = 72.88;
    // overtime 4 h, credited by the 4 holiday premium hours -> 0; total 874.56
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 32, paidLeave: 8, holidayWorked: 4 })).toBe(874.56);
  });
  test('the differential is for Custodial Cleaners only (004:6063)', () =>
    fails(weeklyGross(engine, C, 'Day Leads / Custodial Maintenance', '7', '2025-26', { worked: 40, secondShift: 8 }), 'NA', /for Custodial Cleaner only/));
  test('bad hours and premiums', () => {
    fails(weeklyGross(engine, C, 'Cleaner', '7', '2025-26', { worked: 40, secondShift: 41 }), 'VALUE', /part of the hours worked/);
    fails(weeklyGross(engine, C, 'Cleaner', '7', '2025-26', { worked: -1 }), 'VALUE', /from 0 to 168/);
    fails(weeklyGross(engine, C, 'Cleaner', '7', '2025-26', { worked: 40, premiums: ['night-lead:Elementary'] }), 'VALUE', /not paid per hour/);
    fails(weeklyGross(engine, C, 'Cleaner', '7', '2025-26', { worked: 40, premiums: ['boiler-license:Wizard'] }), 'VALUE', /Unknown license "Wizard".*Chief/);
    fails(weeklyGross(engine, W, 'Teacher', '1', '2025-26', { worked: 40 }), 'NA', /needs the term "overtime-threshold-hours"/);
  });
});

describe('PRORATE: days and hours of a year', () => {
  test('Anoka-Hennepin BA step 1 2005-06 ($34,621, 001:992), 10 days and 3 hours: 34,621 x (10/187 + 3/(187 x 7.1667)) = 1,928.89 (001:263)', () => {
    // 34,621 x 10 / 187 = 1,851.39037; 34,621 x 3 / 1,340.1729 = 77.49973; sum 1,928.8901 -> 1,928.89
    expect(engine.prorate(A, 'BA', 1, '2005-06', 10, 3)).toBe(1928.89);
  });
  test('Waconia BA step B 2025-26 ($46,146, 004:4960), 10 days: 46,146 x 10 / 184 = 2,507.93 (004:2324)', () => {
    expect(engine.prorate(W, 'BA', 'B', '2025-26', 10)).toBe(2507.93);
  });
  test('Waconia states no hourly fraction of salary', () => fails(engine.prorate(W, 'BA', 'B', '2025-26', 10, 2), 'NA', /no hourly fraction/));
  test('a full year of days is the salary: 187 days of $34,621 (001:992)', () => expect(engine.prorate(A, 'BA', 1, '2005-06', 187)).toBe(34621));
});

describe('SEVERANCE (001:870-872)', () => {
  // MA, CII 2006-07: $64,137 (001:1037); daily 64,137 / 187 = 342.978 -> 342.98
  test('120 unused days are capped at 103: 103 x 342.98 = 35,326.94, less $5,000 of 403(b) contributions = 30,326.94', () => {
    expect(engine.severance(A, 'MA', 'CII', '2006-07', 120, 5000)).toBe(30326.94);
  });
  test('50 days, no contributions: 50 x 342.98 = 17,149', () => expect(engine.severance(A, 'MA', 'CII', '2006-07', 50)).toBe(17149));
  test('contributions above the payment leave nothing, never a negative amount', () => expect(engine.severance(A, 'MA', 'CII', '2006-07', 10, 50000)).toBe(0));
  test('the trace states the eligibility conditions', () => {
    const trace: string[] = [];
    engine.severance(A, 'MA', 'CII', '2006-07', 10, 0, undefined, trace);
    expect(trace.join(' ')).toMatch(/seniority date prior to June 30, 1994/);
  });
  test('Waconia states no severance of this kind', () => fails(engine.severance(W, 'BA', 'B', '2025-26', 10), 'NA', /no severance/));
});
