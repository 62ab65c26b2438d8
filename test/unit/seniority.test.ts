/**
 * Seniority dates as a contract reads them (src/seniority.ts): only against the dates it states. Anoka-Hennepin
 * states its 403(b) tier dates (001_568af6eb86bfbaf6.txt:884 for 2005-06: June 30 of 2002, 1997, 1986; :886 for
 * 2006-07: June 30 of 2004, 1999, 1988) and its career gates (:1044-1046, Career II: before 12-31-1987). Two
 * dates between the same two stated dates are in one band: every rule reads them alike.
 */
import { createRegistry, Engine } from '../../src';
import type { Contract } from '../../src/model';
import { seniorityBand, statedSeniorityDates, withDatePlaceholder, withOwnDate, withOwnDates } from '../../src/seniority';

const engine = new Engine(createRegistry());
const anoka = engine.contract('anoka-hennepin/teachers') as Contract;
const waconia = engine.contract('waconia/teachers') as Contract;

test('the dates Anoka-Hennepin compares seniority with include its 403(b) tier dates and the Career II gate', () => {
  const dates = statedSeniorityDates(anoka);
  for (const d of ['2002-06-30', '1997-06-30', '1986-06-30', '2004-06-30', '1999-06-30', '1988-06-30', '1987-12-31']) expect(dates).toContain(d);
  expect([...dates]).toEqual([...dates].sort());
});

test('dates between the same two stated dates share a band; a stated date between them separates them', () => {
  // 1990-01-01 and 1991-03-15: both after June 30, 1988 and before June 30, 1997 (nothing stated between)
  expect(seniorityBand(anoka, '1990-01-01')).toBe(seniorityBand(anoka, '1991-03-15'));
  // 1987-05-01 is before the Career II gate (1987-12-31) and June 30, 1988; 1990-01-01 is after both
  expect(seniorityBand(anoka, '1987-05-01')).toBeLessThan(seniorityBand(anoka, '1990-01-01'));
  // a date on a stated date is not before it ("prior to June 30, 1997"): it falls with the later dates
  expect(seniorityBand(anoka, '1997-06-30')).toBe(seniorityBand(anoka, '1997-07-01'));
  expect(seniorityBand(anoka, '1997-06-29')).toBe(seniorityBand(anoka, '1990-01-01'));
  // no date: a band of its own (the notes say "no seniority date given")
  expect(seniorityBand(anoka, undefined)).toBe(-1);
});

test('a contract that states no seniority date reads none: every row is in band 0, with or without a date', () => {
  expect(statedSeniorityDates(waconia)).toEqual([]);
  expect([seniorityBand(waconia, '1990-01-01'), seniorityBand(waconia, undefined)]).toEqual([0, 0]);
});

test("a shared text holds the date as a placeholder; each row's line puts its own back", () => {
  const note = 'step 14-CI → CII: seniority 1987-01-15 is before 1987-12-31 (001_568af6eb86bfbaf6.txt:1044-1046)';
  const shared = withDatePlaceholder(note, '1987-01-15');
  expect(shared).not.toContain('1987-01-15');
  expect(shared).toContain('before 1987-12-31'); // the stated date stays
  expect(withOwnDate(shared, '1987-06-01')).toBe('step 14-CI → CII: seniority 1987-06-01 is before 1987-12-31 (001_568af6eb86bfbaf6.txt:1044-1046)');
  const list = ['no placeholder here'];
  expect(withOwnDates(list, '1987-06-01')).toBe(list);
});
