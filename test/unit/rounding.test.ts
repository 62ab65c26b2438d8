/** The one rounding module, on the cases the contracts exercise. */
import { applyPercent, percentOf, roundAmount } from '../../src';

const dollars = { places: 0, mode: 'half-up' } as const;
test('career increment 2023-24: 80,381 x 1.045 = 83,998.145 -> 83,998 (004:3040, 004:3047)', () =>
  expect(applyPercent(80381, 4.5, dollars).toNumber()).toBe(83998));
test('2025-26: 44,802 x 1.03 = 46,146.06 -> 46,146 (004:3024, 004:4960)', () => expect(applyPercent(44802, 3, dollars).toNumber()).toBe(46146));
test('half-up rounds .5 away from zero; half-even to even', () => {
  expect(roundAmount('2.5', dollars).toNumber()).toBe(3);
  expect(roundAmount('2.5', { places: 0, mode: 'half-even' }).toNumber()).toBe(2);
  expect(roundAmount('2.675', { places: 2, mode: 'half-up' }).toString()).toBe('2.68'); // binary floats would give 2.67
});
test('up/down and negative places', () => {
  expect(roundAmount('10.01', { places: 0, mode: 'up' }).toNumber()).toBe(11);
  expect(roundAmount('10.99', { places: 0, mode: 'down' }).toNumber()).toBe(10);
  expect(roundAmount('1249', { places: -2, mode: 'half-up' }).toNumber()).toBe(1200);
});
test('2% off-schedule payment on 52,812 = 1,056.24 (004:3049 rule)', () => expect(percentOf(52812, 2, { places: 2, mode: 'half-up' }).toNumber()).toBe(1056.24));

test('integer-cent percentages round half-up exactly, as Decimal does', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { percentOfCents, toCents } = require('../../src/rounding');
  // 2% of 52,812 (004:4960) = 1,056.24; 6.2% of 55,633.86 = 3,449.29932 -> 3,449.30; 1.45% of 62,005.86 = 899.08497 -> 899.08
  expect(percentOfCents(toCents(52812), 2)).toBe(105624);
  expect(percentOfCents(toCents(55633.86), 6.2)).toBe(344930);
  expect(percentOfCents(toCents(62005.86), 1.45)).toBe(89908);
  // a half cent rounds away from zero: 0.5% of 1.00 = 0.005 -> 0.01
  expect(percentOfCents(100, 0.5)).toBe(1);
  for (let c = 1; c < 20000; c += 37)
    for (const p of [6.2, 1.45, 9.5, 8.75, 7.5, 2, 75, 85, 3.3333])
      expect(percentOfCents(c, p)).toBe(roundAmount(applyPercent(c, p - 100, { places: 6, mode: 'half-up' }), { places: 0, mode: 'half-up' }).toNumber());
});
