/**
 * Term increase: a named term's amount stated as an earlier year's plus a percent (an insurance contribution
 * +10%). The self-check compares the encoded amount with the rule; a proposal's year drops the base contract's.
 */
import { applyPercent } from '../rounding';
import type { RuleKind } from './kind';
import { entries } from './kind';

export const termIncrease: RuleKind = {
  id: 'termIncrease',

  validate(v) {
    v.each(entries(v.file, 'termIncrease'), (r, i) => {
      const p = `rules.termIncrease[${i}]`;
      const term = (v.file.terms ?? []).find((t) => t.id === r.term) ?? v.fail(`${p}.term`, `term "${r.term}" is not defined`);
      v.needRounding(r.rounding, `${p}.rounding`);
      for (const y of [r.from, r.year]) {
        v.needYear(y, `${p}.year`);
        term.values.some((x) => x.years.includes(y) && (r.key === undefined || x.key === r.key)) ||
          v.fail(p, `term "${r.term}"${r.key ? ` key "${r.key}"` : ''} has no value for ${y}`);
      }
    });
  },

  selfCheck({ contract: c, record }) {
    for (const r of entries(c.file, 'termIncrease')) {
      const term = c.terms.get(r.term)!;
      const pick = (y: string) => term.file.values.find((v) => v.years.includes(y) && (r.key === undefined || v.key === r.key))!;
      const from = pick(r.from);
      const to = pick(r.year);
      record({
        schedule: 'terms', year: r.year, lane: term.file.title, step: r.key ?? '', rule: `${r.year} = ${r.from} + ${r.percent}%`,
        printed: to.amount, derived: applyPercent(from.amount, r.percent, c.file.rounding[r.rounding]).toNumber(), printedCite: to.cite, ruleCite: r.cite,
        note: 'the encoded amount differs from the stated increase',
      });
    }
  },

  overlay({ file, year }) {
    (file.rules ??= {}).termIncrease = entries(file, 'termIncrease').filter((r) => r.year !== year.year);
  },
};
