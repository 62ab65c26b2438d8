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
