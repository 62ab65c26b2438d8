/**
 * Schedule increase: a year's schedule stated as the year before plus a percent (Waconia 3%, 5%). The printed
 * tables stay what the functions return; the self-check compares every cell with the rule. A proposal's years
 * are not described by the base contract's stated increases, so the overlay drops those for the year.
 */
import { VALUE } from '../model';
import { applyPercent } from '../rounding';
import type { RuleKind } from './kind';
import { entries } from './kind';

export const scheduleIncrease: RuleKind = {
  id: 'scheduleIncrease',

  validate(v) {
    v.each(entries(v.file, 'scheduleIncrease'), (r, i) => {
      const p = `rules.scheduleIncrease[${i}]`;
      const s = v.scheduleOf(r.schedule, `${p}.schedule`);
      v.needRounding(r.rounding, `${p}.rounding`);
      v.needYear(r.year, `${p}.year`) && v.needTable(s, r.year, `${p}.year`);
      v.needYear(r.from, `${p}.from`) && v.needTable(s, r.from, `${p}.from`);
    });
  },

  selfCheck({ contract: c, compareCell, record }) {
    for (const r of entries(c.file, 'scheduleIncrease')) {
      const s = c.scheduleById.get(r.schedule)!;
      const from = s.tables.get(r.from)!;
      const to = s.tables.get(r.year)!;
      const n = s.laneLabels.length;
      const rule = `${r.year} = ${r.from} + ${r.percent}%`;
      s.file.steps.forEach((st, step) => {
        if (st.kind === 'career') return; // career cells follow the career-increment rule
        for (let lane = 0; lane < n; lane++) {
          const k = step * n + lane;
          if (from.status[k] !== VALUE) {
            if (to.status[k] === VALUE)
              record({
                schedule: s.id, year: r.year, lane: s.laneLabels[lane], step: s.stepLabels[step], rule, printed: to.values[k], derived: null,
                printedCite: to.cites[k], ruleCite: r.cite, note: `${r.year} prints a value where ${r.from} prints none`,
              });
            continue;
          }
          compareCell(s.id, r.year, lane, step, applyPercent(from.values[k], r.percent, c.file.rounding[r.rounding]).toNumber(), rule, r.cite);
        }
      });
    }
  },

  overlay({ file, year }) {
    (file.rules ??= {}).scheduleIncrease = entries(file, 'scheduleIncrease').filter((r) => r.year !== year.year);
  },
};
