/**
 * Career promotion: a move from one step to another that a year gates by seniority date (and lane), as
 * Anoka-Hennepin's career steps are (001:1010, 001:1044). The roll-forward asks `promotionGate` before
 * moving; a proposal keeps the last stated gate for the years it adds (the agreement states none for them).
 */
import type { CareerPromotionRule, Contract } from '../model';
import type { RuleKind } from './kind';
import { entries } from './kind';

export const careerPromotion: RuleKind = {
  id: 'careerPromotion',

  validate(v) {
    v.each(entries(v.file, 'careerPromotion'), (r, i) => {
      const p = `rules.careerPromotion[${i}]`;
      const s = v.scheduleOf(r.schedule ?? v.file.schedules.find((x) => x.kind === 'annual')?.id ?? '', `${p}.schedule`);
      v.needYear(r.year, `${p}.year`);
      v.needStep(s, r.from, `${p}.from`);
      v.needStep(s, r.to, `${p}.to`);
      (r.lanes ?? []).forEach((l, j) => v.needLane(s, l, `${p}.lanes[${j}]`));
    });
  },

  overlay({ file, prev, year: y }) {
    const rules = entries(file, 'careerPromotion');
    for (const r of rules.filter((x) => x.year === prev))
      if (!rules.some((x) => x.year === y.year && x.from === r.from && x.to === r.to && x.schedule === r.schedule))
        rules.push({ ...r, year: y.year, keptFrom: r.keptFrom ?? prev });
  },
};

/** The promotion that gates the move from `from` to `to` in a year, if one does. */
export function promotionGate(c: Contract, scheduleId: string, year: string, from: string, to: string): CareerPromotionRule | undefined {
  return entries(c.file, 'careerPromotion').find((r) => r.year === year && r.from === from && r.to === to && (r.schedule ?? scheduleId) === scheduleId);
}
