/**
 * The rule kinds the engine knows, in the order their checks, derivations and overlays run. A contract file's
 * `rules` object has one list per kind, keyed by the kind's id (the schema's `rules` properties are these ids:
 * test/unit/rules.test.ts checks that they agree).
 */
import type { RuleKind } from './kind';
import { careerIncrement } from './career-increment';
import { scheduleIncrease } from './schedule-increase';
import { stepPolicy } from './step-policy';
import { offSchedulePayments } from './off-schedule';
import { termIncrease } from './term-increase';
import { stepCredit } from './step-credit';
import { careerPromotion } from './career-promotion';
import { indexRatio } from './index-ratio';

/** Derivations run in this order: an index ratio's cells exist before a career increment over one of them. */
export const RULE_KINDS: readonly RuleKind[] = [indexRatio, scheduleIncrease, careerIncrement, stepPolicy, offSchedulePayments, termIncrease, stepCredit, careerPromotion];

export type { RuleKind, Validation, Derivation, SelfCheck, Overlay } from './kind';
