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
