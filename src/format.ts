/**
 * Money as the messages and explanations show it: "$46,146" for whole dollars, "$0.70" and "$1,056.24" with
 * cents (up to four places for an unrounded intermediate); with `cents`, always two places ("$1,883.00"), as
 * payroll lines are read.
 */
export function usd(v: number | { toNumber(): number }, options: { cents?: boolean } = {}): string {
  const n = typeof v === 'number' ? v : v.toNumber();
  const places = options.cents ? [2, 2] : Number.isInteger(n) ? [0, 0] : [2, 4];
  return `${n < 0 ? '-' : ''}$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: places[0], maximumFractionDigits: places[1] })}`;
}
