/**
 * Step policy: how many steps a year grants at its start (0 in a freeze year, 1 by default) and half way
 * through it (Waconia 2026-27's mid-year step, 004:5012). The roll-forward (roster.ts) and AUDIT's mid-year
 * expectation (settlement.ts) read it through `stepPolicyIn`; a proposal states its own for each year it adds.
 */
import type { Contract, StepPolicyRule } from '../model';
import type { RuleKind } from './kind';
import { entries } from './kind';

export const stepPolicy: RuleKind = {
  id: 'stepPolicy',

  validate(v) {
    const seen = new Map<string, number>();
    v.each(entries(v.file, 'stepPolicy'), (r, i) => {
      v.needYear(r.year, `rules.stepPolicy[${i}].year`);
      if (seen.has(r.year)) v.fail(`rules.stepPolicy[${i}].year`, `${r.year} already has its step policy (rules.stepPolicy[${seen.get(r.year)}])`);
      seen.set(r.year, i);
    });
  },

  overlay({ file, year: y, cite }) {
    const kept = entries(file, 'stepPolicy').filter((r) => r.year !== y.year);
    (file.rules ??= {}).stepPolicy = [...kept, { year: y.year, steps: y.steps ?? 1, midYearSteps: y.midYearSteps ?? 0, lanes: true, cite }];
  },
};

/** The contract's step policy for a year, when it states one (otherwise one step at the start of the year). */
export function stepPolicyIn(c: Contract, year: string): StepPolicyRule | undefined {
  return entries(c.file, 'stepPolicy').find((p) => p.year === year);
}
