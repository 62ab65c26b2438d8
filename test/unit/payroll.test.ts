/**
 * Computed amounts: gross pay of a custodial week, proration by days and hours, severance. Every
 * expected value is worked by hand below from the numbers the documents print (file:line on each).
 */
import { createRegistry, Engine, Failure, weeklyGross } from '../../src';
import { ANOKA, seedLine, WACONIA } from '../support/seeds';

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
    fails(weeklyGross(engine, C, 'Cleaner', '7', '2025-26', { worked: 40, premiums: ['longevity'] }), 'VALUE', /not paid per hour/);
    fails(weeklyGross(engine, C, 'Cleaner', '7', '2025-26', { worked: 40, premiums: ['boiler-license:Wizard'] }), 'VALUE', /Unknown license "Wizard".*Chief/);
    fails(weeklyGross(engine, W, 'Teacher', '1', '2025-26', { worked: 40 }), 'NA', /needs the term "overtime-threshold-hours"/);
  });
});

describe('GROSS: the second-shift differential on paid leave for those regularly on a second shift (004:6834)', () => {
  // Custodial Cleaner step 7 2025-26: $18.22 (004:7289); differential steps 5-8: $2.05 (004:6830)
  test('32 h worked + 8 h holiday pay, regularly on second shift: 40 x (18.22 + 2.05) = 40 x 20.27 = 810.80', () => {
    expect(seedLine(WACONIA, 6834)).toContain('regularly assigned to a second shift will be paid the second shift differential for daily hours throughout the year');
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 32, paidLeave: 8, regularSecondShift: true })).toBe(810.8);
  });
  test('the same week on second shift only now and then: leave at the plain rate, 32 x 20.27 + 8 x 18.22 = 648.64 + 145.76 = 794.40', () => {
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 32, secondShift: 32, paidLeave: 8 })).toBe(794.4);
  });
  test('a full week of vacation, regularly on second shift: 40 x 20.27 = 810.80', () => {
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 0, paidLeave: 40, regularSecondShift: true })).toBe(810.8);
  });
  test('regular second shift and 45 h: the differential on every hour, as 45 second-shift hours: 962.83 (see above)', () => {
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 45, regularSecondShift: true })).toBe(962.83);
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 45, secondShift: 45, regularSecondShift: true })).toBe(962.83);
  });
  test('regular second shift with a part of the hours as second shift is contradictory; other positions have no differential', () => {
    fails(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 40, secondShift: 20, regularSecondShift: true }), 'VALUE', /every daily hour.*leave second-shift hours empty/);
    fails(weeklyGross(engine, C, 'Day Leads', '7', '2025-26', { worked: 40, regularSecondShift: true }), 'NA', /for Custodial Cleaner only/);
  });
});

describe('GROSS: the late-night premium only on the hours of that shift (004:6855)', () => {
  test('40 h with one 8-hour shift past 11 PM: 40 x 18.22 + 8 x 0.80 = 728.80 + 6.40 = 735.20', () => {
    expect(seedLine(WACONIA, 6855)).toContain('additional \\$0.80 per hour for that shift, plus overtime if applicable');
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 40, lateNight: 8 })).toBe(735.2);
  });
  test('45 h with 8 late-night hours: the premium is in the basic rate for overtime ("plus overtime if applicable")', () => {
    // straight 45 x 18.22 = 819.90 + 6.40 = 826.30; basic 826.30 / 45 = 18.362222; overtime 5 x 18.362222 x 0.5 = 45.905556;
    // 826.30 + 45.905556 = 872.205556 -> 872.21
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 45, lateNight: 8 })).toBe(872.21);
  });
  test('late-night is not a premium on every hour, and its hours are part of the hours worked', () => {
    fails(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 40, premiums: ['late-night-event'] }), 'VALUE', /only for the shift that ran past 11 PM.*late-night hours/);
    fails(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 6, lateNight: 8 }), 'VALUE', /part of the hours worked/);
    // holiday hours worked count: 4 + 4 holiday hours can hold 8 late-night hours; 4 x 18.22 + 4 x 18.22 x 2 + 8 x 0.80 = 72.88 + 145.76 + 6.40 = 225.04
    expect(weeklyGross(engine, C, 'Custodial Cleaner', '7', '2025-26', { worked: 4, holidayWorked: 4, lateNight: 8 })).toBe(225.04);
  });
});

describe('GROSS: monthly premiums the contract counts in overtime (night lead, snow removal, 004:6822)', () => {
  // Night Leads / Groundskeeper step 10 2025-26: $25.00 (004:7288); High School night lead $150.00 a month (004:6851)
  test('45 h with the High School night-lead premium: its weekly equivalent raises the overtime rate', () => {
    expect(seedLine(WACONIA, 6822)).toContain('one and one-half times for each hour worked in excess of forty (40) hours on paid status in a calendar week for night lead, snow removal');
    // weekly equivalent 150 x 12 / 52 = 34.615385; basic (45 x 25.00 + 34.615385) / 45 = 25.769231;
    // overtime 5 x 25.769231 x 0.5 = 64.423077; 1,125.00 + 64.423077 = 1,189.423077 -> 1,189.42 (without it 1,125 + 62.50 = 1,187.50)
    expect(weeklyGross(engine, C, 'Night Leads', '10', '2025-26', { worked: 45, premiums: ['night-lead:High School'] })).toBe(1189.42);
    expect(weeklyGross(engine, C, 'Night Leads', '10', '2025-26', { worked: 45 })).toBe(1187.5);
  });
  test('snow removal $50 a month (004:6853) for 50 h: 50 x 12 / 52 = 11.538462 over 50 h adds 10 x 0.230769 x 0.5 = 1.153846', () => {
    // straight 50 x 25 = 1,250; basic (1,250 + 11.538462) / 50 = 25.230769; overtime 10 x 25.230769 x 0.5 = 126.153846; = 1,376.153846 -> 1,376.15
    expect(weeklyGross(engine, C, 'Groundskeeper', '10', '2025-26', { worked: 50, premiums: ['snow-removal'] })).toBe(1376.15);
  });
  test('at 40 hours a monthly premium adds nothing to the week: it is paid monthly (40 x 25.00 = 1,000.00)', () => {
    expect(weeklyGross(engine, C, 'Night Leads', '10', '2025-26', { worked: 40, premiums: ['night-lead:Elementary'] })).toBe(1000);
  });
  test('a monthly amount the contract does not count in overtime is refused, naming those it does', () =>
    fails(weeklyGross(engine, C, 'Night Leads', '10', '2025-26', { worked: 45, premiums: ['cell-phone'] }), 'VALUE', /paid per month.*does not count it.*night-lead:Elementary, snow-removal/));
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
  test('contributions above the payment leave nothing, never a negative amount: 10 x 342.98 = 3,429.80 less 5,000', () => expect(engine.severance(A, 'MA', 'CII', '2006-07', 10, 5000)).toBe(0));
  test('the trace states the eligibility conditions', () => {
    const trace: string[] = [];
    engine.severance(A, 'MA', 'CII', '2006-07', 10, 0, undefined, trace);
    expect(trace.join(' ')).toMatch(/seniority date prior to June 30, 1994/);
  });
  test('fractional days (part-time days converted, 001:870) are rounded once to the cent: 10.25 x 342.98 = 3,515.545 -> 3,515.55', () =>
    expect(engine.severance(A, 'MA', 'CII', '2006-07', 10.25)).toBe(3515.55));
  test('contributions of exactly the $35,000 limit are allowed: 35,326.94 - 35,000 = 326.94', () =>
    expect(engine.severance(A, 'MA', 'CII', '2006-07', 120, 35000)).toBe(326.94));
  test('contributions over the $35,000 limit: not eligible, #N/A with the citation (001:872)', () => {
    expect(seedLine(ANOKA, 872)).toContain('total potential District contributions for an eligible teacher under Section 2. 403(b) of this Article has not exceeded \\$35,000');
    fails(engine.severance(A, 'MA', 'CII', '2006-07', 120, 35000.01), 'NA', /exceed \$35,000.*not eligible.*001_568af6eb86bfbaf6\.txt:872/);
    expect(engine.term(A, 'severance-403b-limit', undefined, '2005-06')).toBe(35000);
    expect(engine.term(A, 'severance-403b-limit', undefined, '2006-07')).toBe(35000);
  });
  test('Waconia states no severance of this kind', () => fails(engine.severance(W, 'BA', 'B', '2025-26', 10), 'NA', /no severance/));
});
