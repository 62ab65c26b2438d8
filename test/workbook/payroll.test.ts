/**
 * GROSS and SEVERANCE through the built bundle, called as Excel calls them (2-D arrays in and out).
 * Values worked by hand from the printed lines cited on each test.
 */
import { loadBundle, ShimError } from '../support/excel-shim';

const bundle = loadBundle();
const call = (id: string, ...args: unknown[]) => bundle.functions.get(id)!(...args) as unknown[][];
const cell = (v: unknown) => [[v]];
const C = cell('waconia/custodial');
const A = cell('anoka-hennepin/teachers');
const Y = cell('2025-26');

function error(v: unknown): ShimError {
  expect(v).toBeInstanceOf(ShimError);
  return v as ShimError;
}

describe('GROSS', () => {
  // Custodial Cleaner step 7 2025-26: $18.22 an hour (004:7289); second-shift differential steps 5-8: $2.05 (004:6830)
  const cleaner = (worked: number, rest: unknown[]) => call('GROSS', cell('Custodial Cleaner'), cell(7), Y, cell(worked), ...rest);
  const none = cell(null);

  test('the new arguments sit after contract; the signature is otherwise unchanged', () => {
    const meta = (bundle.metadata.functions as any[]).find((f) => f.id === 'GROSS');
    expect(meta.parameters.map((p: any) => p.name)).toEqual(['position', 'step', 'year', 'worked', 'secondShift', 'weekend', 'holidayWorked', 'paidLeave', 'premiums', 'contract', 'lateNight', 'regularSecondShift']);
  });
  test('regularly on second shift (TRUE): 32 h worked + 8 h holiday pay, all at 18.22 + 2.05 = 20.27: 40 x 20.27 = 810.80 (004:6834)', () => {
    expect(cleaner(32, [none, none, none, cell(8), none, C, none, cell(true)])).toEqual([[810.8]]);
    // not regularly: 32 x 20.27 + 8 x 18.22 = 648.64 + 145.76 = 794.40
    expect(cleaner(32, [cell(32), none, none, cell(8), none, C, none, cell(false)])).toEqual([[794.4]]);
  });
  test('late-night hours: 45 h with 8 past 11 PM: 826.30 + 5 x (826.30 / 45) x 0.5 = 872.21 (004:6855)', () => {
    // 45 x 18.22 = 819.90 + 8 x 0.80 = 826.30; 826.30 / 45 = 18.362222; x 5 x 0.5 = 45.905556; 872.205556 -> 872.21
    expect(cleaner(45, [none, none, none, none, none, C, cell(8)])).toEqual([[872.21]]);
  });
  test('a monthly premium counted in overtime: Night Lead step 10 ($25.00, 004:7288), High School $150/month (004:6851), 45 h', () => {
    // basic (1,125 + 150 x 12 / 52) / 45 = 25.769231; 5 x 25.769231 x 0.5 = 64.423077; 1,189.423077 -> 1,189.42
    const out = call('GROSS', cell('Night Leads'), cell(10), Y, cell(45), none, none, none, none, cell('night-lead:High School'), C);
    expect(out).toEqual([[1189.42]]);
  });
  test('a column of weeks spills, with an error only where the week is wrong', () => {
    const out = call('GROSS', cell('Custodial Cleaner'), cell(7), Y, [[40], [40], [40]], none, none, none, none, none, C, [[0], [8], [50]]);
    // 40 x 18.22 = 728.80; + 8 x 0.80 = 735.20; 50 late-night hours of 40 worked: #VALUE!
    expect(out[0][0]).toBe(728.8);
    expect(out[1][0]).toBe(735.2);
    expect(error(out[2][0]).code).toBe('#VALUE!');
  });
  test('bad flags and premiums name the argument', () => {
    const e = error(cleaner(40, [none, none, none, none, none, C, none, cell('sometimes')])[0][0]);
    expect([e.code, e.message]).toEqual(['#VALUE!', expect.stringMatching(/regularSecondShift must be TRUE or FALSE/)]);
    const f = error(cleaner(40, [none, none, none, none, cell('late-night-event'), C])[0][0]);
    expect([f.code, f.message]).toEqual(['#VALUE!', expect.stringMatching(/late-night hours/)]);
  });
  test('GROSS.SOURCE explains the monthly premium reading', () => {
    const out = call('GROSS.SOURCE', cell('Night Leads'), cell(10), Y, cell(45), none, none, none, none, cell('night-lead:High School'), C);
    expect(String(out[0][0])).toMatch(/× 12 \/ 52.*778\.113/);
  });
});

describe('SEVERANCE', () => {
  // MA, CII 2006-07: $64,137 (001:1037); daily 64,137 / 187 = 342.978 -> 342.98 (001:263)
  const sev = (days: number, contributions: unknown) => call('SEVERANCE', cell('MA'), cell('CII'), cell('2006-07'), cell(days), cell(contributions), A);
  test('rounded to the cent: 10.25 days x 342.98 = 3,515.545 -> 3,515.55', () => expect(sev(10.25, null)).toEqual([[3515.55]]));
  test('103 days x 342.98 = 35,326.94, less $35,000 (the limit itself) = 326.94', () => expect(sev(120, 35000)).toEqual([[326.94]]));
  test('contributions over $35,000: #N/A with the citation (001:872)', () => {
    const e = error(sev(120, 35000.01)[0][0]);
    expect(e.code).toBe('#N/A');
    expect(e.message).toMatch(/not eligible.*001_568af6eb86bfbaf6\.txt:872/);
  });
});
