/**
 * src/format.ts usd: money as the messages and .SOURCE texts show it. Its digits are written without Intl where no
 * rounding is needed; the oracle here is Intl.NumberFormat('en-US') itself, the formatter the texts always used.
 */
import fc from 'fast-check';
import { usd } from '../../src/format';

const intl = (min: number, max: number, n: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max }).format(n);
/** What usd printed when every number went through Intl. */
const expected = (n: number, cents: boolean) => {
  const [min, max] = cents ? [2, 2] : Number.isInteger(n) ? [0, 0] : [2, 4];
  return `${n < 0 ? '-' : ''}$${intl(min, max, Math.abs(n))}`;
};

describe('usd', () => {
  test('worked by hand', () => {
    expect(usd(46146)).toBe('$46,146');
    expect(usd(0.7)).toBe('$0.70');
    expect(usd(1056.24)).toBe('$1,056.24');
    expect(usd(1883, { cents: true })).toBe('$1,883.00');
    expect(usd(246.77689)).toBe('$246.7769'); // an unrounded intermediate: four places at most
    expect(usd(1.005, { cents: true })).toBe('$1.01'); // Intl rounds the shortest digits, half away from zero
    expect(usd(-1234567.5)).toBe('-$1,234,567.50');
    expect(usd(0)).toBe('$0');
    expect(usd({ toNumber: () => 999.999 }, { cents: true })).toBe('$1,000.00');
  });
  test('the same text as Intl.NumberFormat for any amount', () => {
    const amounts = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100), // cents
      fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 10000), // four places
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.double({ noNaN: true }),
    );
    fc.assert(fc.property(amounts, fc.boolean(), (n, cents) => usd(n, { cents }) === expected(n, cents)), { numRuns: 20000 });
  });
});
