/**
 * The one rounding module. Every computed amount goes through roundAmount with a rule the contract
 * declares (places, mode) — never Math.round, never toFixed.
 */
import Decimal from 'decimal.js';
import type { RoundingMode, RoundingRule } from './model';

/** Decimal configured for money: 40 significant digits, no exponent notation in toString. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 30 });
export type Money = Decimal;

const MODES: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

export function roundAmount(value: Decimal.Value, rule: Pick<RoundingRule, 'places' | 'mode'>): Decimal {
  const d = new Money(value);
  if (rule.places >= 0) return d.toDecimalPlaces(rule.places, MODES[rule.mode]);
  const unit = new Money(10).pow(-rule.places);
  return d.div(unit).toDecimalPlaces(0, MODES[rule.mode]).mul(unit);
}

/** value × (1 + percent/100), rounded by the rule. */
export function applyPercent(value: Decimal.Value, percent: Decimal.Value, rule: Pick<RoundingRule, 'places' | 'mode'>): Decimal {
  return roundAmount(new Money(value).mul(new Money(percent).div(100).add(1)), rule);
}

/** value × percent/100, rounded by the rule. */
export function percentOf(value: Decimal.Value, percent: Decimal.Value, rule: Pick<RoundingRule, 'places' | 'mode'>): Decimal {
  return roundAmount(new Money(value).mul(percent).div(100), rule);
}

/**
 * Integer cents, for sums over many employees: exact, and far cheaper than a Decimal per addition.
 * toCents accepts amounts already rounded to the cent (as the engine returns them).
 */
export function toCents(amount: number): number {
  const c = Math.round(amount * 100);
  if (!Number.isSafeInteger(c) || Math.abs(c / 100 - amount) > 1e-6) throw new Error(`not an amount in cents: ${amount}`);
  return c;
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/**
 * cents × percent / 100, rounded half-up (away from zero) to the cent, exactly: the percent is scaled to an
 * integer (up to 6 decimals) and the product stays within safe integers for amounts up to $10 million;
 * anything else goes through Decimal.
 */
export function percentOfCents(cents: number, percent: number): number {
  const scaled = Math.round(percent * 1e6);
  const product = cents * scaled;
  if (Math.abs(scaled / 1e6 - percent) < 1e-12 && Number.isSafeInteger(product)) {
    const whole = Math.trunc(product / 1e8);
    const rest = product - whole * 1e8;
    return whole + (Math.abs(rest) * 2 >= 1e8 ? Math.sign(product) : 0);
  }
  return roundAmount(new Money(cents).mul(percent).div(100), { places: 0, mode: 'half-up' }).toNumber();
}

const TIES: Record<RoundingMode, (q: number, twice: number, d: number, negative: boolean) => number> = {
  // q = floor(value / unit); twice = 2 × the remainder, against d (the remainder's whole)
  'half-up': (q, twice, d, negative) => (twice > d || (twice === d && !negative) ? q + 1 : q),
  'half-even': (q, twice, d) => (twice > d || (twice === d && q % 2 !== 0) ? q + 1 : q),
  up: (q, twice, _d, negative) => (twice > 0 && !negative ? q + 1 : q),
  down: (q, twice, _d, negative) => (twice > 0 && negative ? q + 1 : q),
};

/**
 * amount × factor / divisor, rounded by the rule: the same number as
 * roundAmount(new Money(amount).mul(factor).div(divisor), rule).toNumber(), computed in integers where that is
 * exact (an amount in whole cents, a factor of at most six decimals, a whole divisor, a rule of at most two places,
 * every product a safe integer), else through Decimal. A prorated salary (× FTE), a mid-year blend ((a + b) × FTE
 * / 2) or an hourly rate × hours is computed thousands of times by a costing; a Decimal costs ~2.5 µs each.
 */
export function roundProduct(amount: number, factor: number, rule: Pick<RoundingRule, 'places' | 'mode'>, divisor = 1): number {
  const cents = Math.round(amount * 100);
  const scaled = Math.round(factor * 1e6);
  const unit = rule.places <= 2 && rule.places >= -6 ? 10 ** (2 - rule.places) : NaN; // the rule's unit, in cents
  const d = divisor * 1e6 * unit;
  const product = cents * scaled;
  if (cents / 100 !== amount || scaled / 1e6 !== factor || !Number.isSafeInteger(product) || !Number.isSafeInteger(d) || !(divisor >= 1) || !Number.isInteger(divisor))
    return roundAmount(new Money(amount).mul(factor).div(divisor), rule).toNumber();
  // floor division, exact: the quotient of two safe integers corrected by its remainder
  let q = Math.floor(product / d);
  let rem = product - q * d;
  if (rem < 0) { q -= 1; rem += d; } else if (rem >= d) { q += 1; rem -= d; }
  const r = TIES[rule.mode](q, 2 * rem, d, product < 0);
  return (r * unit) / 100 + 0; // + 0: no -0
}
