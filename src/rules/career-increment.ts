/**
 * Career increment: a career step paid as a percent over a base step of the same lane (Waconia's "Career"
 * row, 4.75% over step R). Where the table prints the career cell it stays as printed and the self-check
 * compares it with the rule; where it prints none, the rule derives it. A proposal derives it again over
 * the new table, at the proposal's career % or the latest the contract states.
 */
import type { CareerIncrementRule, Contract } from '../model';
import { DERIVED, EMPTY, VALUE } from '../model';
import { applyPercent } from '../rounding';
import type { RuleKind } from './kind';
import { entries } from './kind';

export const careerIncrement: RuleKind = {
  id: 'careerIncrement',

  validate(v) {
    v.each(entries(v.file, 'careerIncrement'), (r, i) => {
      const p = `rules.careerIncrement[${i}]`;
      const s = v.scheduleOf(r.schedule, `${p}.schedule`);
      v.needRounding(r.rounding, `${p}.rounding`);
      v.needStep(s, r.step, `${p}.step`);
      v.needStep(s, r.baseStep, `${p}.baseStep`);
      r.lanes.forEach((l, j) => v.needLane(s, l, `${p}.lanes[${j}]`));
      r.years.forEach((y, j) => v.needYear(y, `${p}.years[${j}]`) && v.needTable(s, y, `${p}.years[${j}]`));
    });
  },

  derive(file, d) {
    for (const r of entries(file, 'careerIncrement')) {
      if (r.schedule !== d.schedule.id) continue;
      const step = d.stepOf(r.step);
      const base = d.stepOf(r.baseStep);
      for (const year of r.years) {
        const t = d.tables.get(year)!;
        for (const laneLabel of r.lanes) {
          const lane = d.laneOf(laneLabel);
          const k = step * d.laneCount + lane;
          const kb = base * d.laneCount + lane;
          // the base may be printed or itself derived (an index-ratio cell: that kind derives first)
          if (t.status[k] !== EMPTY || (t.status[kb] !== VALUE && t.status[kb] !== DERIVED)) continue;
          t.values[k] = applyPercent(t.values[kb], r.percent, file.rounding[r.rounding]).toNumber();
          t.status[k] = DERIVED;
          t.cites[k] = r.cite;
        }
      }
    }
  },

  derivedSteps: (file, scheduleId, year) => entries(file, 'careerIncrement').filter((r) => r.schedule === scheduleId && r.years.includes(year)).map((r) => r.step),

  selfCheck({ contract: c, compareCell }) {
    for (const r of entries(c.file, 'careerIncrement')) {
      const s = c.scheduleById.get(r.schedule)!;
      const step = s.stepLabels.indexOf(r.step);
      const base = s.stepLabels.indexOf(r.baseStep);
      const n = s.laneLabels.length;
      for (const year of r.years) {
        const t = s.tables.get(year)!;
        for (const laneLabel of r.lanes) {
          const lane = s.laneLabels.indexOf(laneLabel);
          const kb = base * n + lane;
          // a derived cell came from this very rule; only printed cells are checked against it
          if ((t.status[kb] !== VALUE && t.status[kb] !== DERIVED) || t.status[step * n + lane] === DERIVED) continue;
          compareCell(s.id, year, lane, step, applyPercent(t.values[kb], r.percent, c.file.rounding[r.rounding]).toNumber(), `${r.step} = ${r.baseStep} × (1 + ${r.percent}%)`, r.cite);
        }
      }
    }
  },

  overlay({ file, name, prev, year: y, cite }) {
    const before = entries(file, 'careerIncrement');
    const kept = before.map((r) => ({ ...r, years: r.years.filter((yy) => yy !== y.year) })).filter((r) => r.years.length);
    const added: CareerIncrementRule[] = [];
    for (const s of file.schedules) {
      if (!s.tables.some((t) => t.year === prev)) continue;
      for (const r of before.filter((x) => x.schedule === s.id && x.years.includes(prev)))
        added.push({ ...r, years: [y.year], percent: s.kind === 'annual' ? y.careerPercent ?? r.percent : r.percent, cite, note: `Proposal "${name}"` });
    }
    (file.rules ??= {}).careerIncrement = [...kept, ...added];
  },
};

/** The career-increment rule that applies to a lane of a schedule in a year, if any (costing splits the career part out). */
export function careerIncrementFor(c: Contract, scheduleId: string | undefined, year: string, lane: string): CareerIncrementRule | undefined {
  return entries(c.file, 'careerIncrement').find((r) => r.schedule === scheduleId && r.years.includes(year) && r.lanes.includes(lane));
}
