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
