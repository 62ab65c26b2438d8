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

describe('roundProduct: amount × factor / divisor in integers, the same number as Decimal', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { roundProduct, Money } = require('../../src/rounding');
  const cents = { places: 2, mode: 'half-up' } as const;
  test('worked by hand', () => {
    // the mid-year blend of Waconia 2026-27 (004:5012): (53,013 + 54,523) / 2 × 0.875 = 47,047.00, rounded once
    expect(roundProduct(53013 + 54523, 0.875, cents, 2)).toBe(47047);
    // 49,018 × 0.5 = 24,509 (004:3057); 64,654 × 0.6 = 38,792.40; 19.76 × 2,080 hours = 41,100.80
    expect(roundProduct(49018, 0.5, cents)).toBe(24509);
    expect(roundProduct(64654, 0.6, cents)).toBe(38792.4);
    expect(roundProduct(19.76, 2080, cents)).toBe(41100.8);
    // 41,000 × 1.0475 = 42,947.50 -> 42,948 to the dollar, half-up; 42,947 half-even? no: .50 on an odd 42,947 goes to 42,948
    expect(roundProduct(41000, 1.0475, { places: 0, mode: 'half-up' })).toBe(42948);
    expect(roundProduct(41000, 1.0475, { places: 0, mode: 'half-even' })).toBe(42948);
    // 40,999 × 1.0475 = 42,946.4525 -> up 42,947, down 42,946; to the hundred: 42,900
    expect(roundProduct(40999, 1.0475, { places: 0, mode: 'up' })).toBe(42947);
    expect(roundProduct(40999, 1.0475, { places: 0, mode: 'down' })).toBe(42946);
    expect(roundProduct(40999, 1.0475, { places: -2, mode: 'half-up' })).toBe(42900);
    // a half cent, both signs: 0.01 × 0.5 = 0.005 -> 0.01 half-up (away from zero), 0.00 half-even; -0.005 -> -0.01
    expect(roundProduct(0.01, 0.5, cents)).toBe(0.01);
    expect(roundProduct(0.01, 0.5, { places: 2, mode: 'half-even' })).toBe(0);
    expect(roundProduct(-0.01, 0.5, cents)).toBe(-0.01);
  });
  test('agrees with Decimal on every mode, sign and divisor, and falls back to it outside integers', () => {
    const modes = ['half-up', 'half-even', 'up', 'down'] as const;
    let checked = 0;
    for (let a = -30000; a <= 90000; a += 1237.37)
      for (const f of [0.6, 0.875, 0.5, 1.0475, 0.333333, 2080, 1.5, 0.16])
        for (const mode of modes)
          for (const places of [2, 0, -1])
            for (const divisor of [1, 2, 3]) {
              const amount = Math.round(a * 100) / 100;
              const rule = { places, mode };
              expect([amount, f, places, mode, divisor, roundProduct(amount, f, rule, divisor)]).toEqual([amount, f, places, mode, divisor, roundAmount(new Money(amount).mul(f).div(divisor), rule).toNumber()]);
              checked++;
            }
    expect(checked).toBeGreaterThan(10000);
    // outside integers: a tenth of a cent, a factor of seven decimals, four places: the Decimal result
    expect(roundProduct(10.001, 3, cents)).toBe(30);
    expect(roundProduct(100, 0.1234567, { places: 4, mode: 'half-up' })).toBe(12.3457);
  });
});
