/**
 * Index-ratio schedule: every cell is a base salary × the cell's index, rounded as the contract says
 * (cell = round(base × index)). Many districts state their schedule this way: BA step 1 is the base (index
 * 1.000), each step and lane a fixed ratio of it. The printed table, when the contract prints one, stays what
 * the functions return and the self-check compares each printed cell with base × index; an empty cell is
 * derived. A proposal raises the base, not the rounded cells: the new year's cells are derived again from the
 * raised base, so rounding never compounds from year to year.
 *
 * This kind is the demonstration that a rule kind is one module plus its schema definition (`indexRatio` in
 * src/schema/contract.schema.json, IndexRatioRule in src/model.ts); test/unit/index-ratio.test.ts works the
 * figures by hand over test/fixtures/index-ratio.json.
 */
import type { IndexRatioRule } from '../model';
import { DERIVED, EMPTY } from '../model';
import { Money, roundAmount } from '../rounding';
import type { RuleKind } from './kind';
import { entries } from './kind';

/** base × index, rounded by the rule's rounding. */
function cell(base: number, index: number, rounding: { places: number; mode: 'half-up' | 'half-even' | 'up' | 'down' }): number {
  return roundAmount(new Money(base).mul(index), rounding).toNumber();
}

const indexText = (r: IndexRatioRule, step: string, lane: number) => r.index.find((x) => x.step === step)!.ratios[lane];

export const indexRatio: RuleKind = {
  id: 'indexRatio',

  validate(v) {
    v.each(entries(v.file, 'indexRatio'), (r, i) => {
      const p = `rules.indexRatio[${i}]`;
      const s = v.scheduleOf(r.schedule, `${p}.schedule`);
      v.needRounding(r.rounding, `${p}.rounding`);
      v.needRounding(r.baseRounding, `${p}.baseRounding`);
      const years = new Set<string>();
      v.each(r.bases, (b, j) => {
        const bp = `${p}.bases[${j}].year`;
        if (years.has(b.year)) v.fail(bp, `a second base for ${b.year}`);
        years.add(b.year);
        v.needYear(b.year, bp) && v.needTable(s, b.year, bp);
      });
      const steps = new Set<string>();
      v.each(r.index, (x, j) => {
        const xp = `${p}.index[${j}]`;
        v.needStep(s, x.step, `${xp}.step`);
        if (steps.has(x.step)) v.fail(`${xp}.step`, `step "${x.step}" already has its index`);
        steps.add(x.step);
        if (x.ratios.length !== s.lanes.length)
          v.fail(`${xp}.ratios`, `has ${x.ratios.length} ratios; the schedule has ${s.lanes.length} lanes (${s.lanes.map((l) => l.label).join(', ')}); give null for a lane the step does not pay`);
      });
      // the tables must list their rows by step: a proposal derives a step's row again from the raised base
      s.tables.forEach((t, ti) => t.rows.some((row) => row.steps === undefined) && v.fail(`schedules[${v.file.schedules.indexOf(s)}].tables[${ti}].rows`, `an index-ratio schedule lists its rows by step`));
    });
  },

  derive(file, d) {
    for (const r of entries(file, 'indexRatio')) {
      if (r.schedule !== d.schedule.id) continue;
      const rounding = file.rounding[r.rounding];
      for (const b of r.bases) {
        const t = d.tables.get(b.year)!;
        for (const x of r.index) {
          const step = d.stepOf(x.step);
          x.ratios.forEach((ratio, lane) => {
            const k = step * d.laneCount + lane;
            if (ratio === null || t.status[k] !== EMPTY) return;
            t.values[k] = cell(b.amount, ratio, rounding);
            t.status[k] = DERIVED;
            t.cites[k] = b.cite;
          });
        }
      }
    }
  },

  derivedSteps: (file, scheduleId, year) =>
    entries(file, 'indexRatio').filter((r) => r.schedule === scheduleId && r.bases.some((b) => b.year === year)).flatMap((r) => r.index.map((x) => x.step)),

  selfCheck({ contract: c, compareCell }) {
    for (const r of entries(c.file, 'indexRatio')) {
      const s = c.scheduleById.get(r.schedule)!;
      const n = s.laneLabels.length;
      for (const b of r.bases) {
        const t = s.tables.get(b.year)!;
        for (const x of r.index) {
          const step = s.stepLabels.indexOf(x.step);
          x.ratios.forEach((ratio, lane) => {
            // derived cells came from this very rule; printed ones are checked against it
            if (ratio === null || t.status[step * n + lane] === DERIVED) return;
            compareCell(s.id, b.year, lane, step, cell(b.amount, ratio, c.file.rounding[r.rounding]), `${x.step} ${s.laneLabels[lane]} = base ${b.amount} × ${indexText(r, x.step, lane)}`, b.cite);
          });
        }
      }
    }
  },

  overlay({ file, prev, year: y, cite }) {
    for (const r of entries(file, 'indexRatio')) {
      const from = r.bases.find((b) => b.year === prev);
      if (!from) continue;
      if (y.scheduleDollars) return `schedule "${r.schedule}" is stated as base × index (${r.cite}): a flat $ cannot be added to its cells; raise its base with a schedule %`;
      r.bases = r.bases.filter((b) => b.year !== y.year);
      const raised = roundAmount(new Money(from.amount).mul(new Money(y.schedulePercent ?? 0).div(100).add(1)), file.rounding[r.baseRounding]);
      r.bases.push({ year: y.year, amount: raised.toNumber(), cite });
    }
    return undefined;
  },
};
