/**
 * AUDIT on schedules other than the first annual one: a grade of a min-max range schedule (paid within the range
 * is correct; below the minimum or above the maximum is a finding with the range cited), and a salary on a named
 * annual schedule (Schedule B, Nurses), checked against its printed cell.
 */
import type { Engine } from './engine';
import { Failure } from './failure';
import type { Contract } from './model';
import { normalizeLabel } from './normalize';
import { Money, roundAmount } from './rounding';
import { usd } from './format';
import type { AuditLine } from './settlement';

/** The line AUDIT checks (the API's AuditQuery, its contract resolved): what this module reads of it. */
export interface AuditedLine { paid: number; lane: string; step: string; year: string; fte?: number; schedule?: string }

/** What AUDIT's step argument may be for a grade on a range schedule: the schedule has no steps to pay by. */
const RANGE_STEP = new Set(['', 'RANGE']);

/** The audit of a line on a range schedule or a named annual schedule; undefined where the first annual schedule applies. */
export function rangeAudited(engine: Engine, c: Contract, q: AuditedLine): AuditLine | Failure | undefined {
  const named = q.schedule !== undefined && q.schedule.trim() !== '' ? c.scheduleByName.get(normalizeLabel(q.schedule)) : undefined;
  if (named?.file.kind === 'annual' && named !== c.salarySchedule) return namedAnnual(engine, c, q);
  if (q.schedule !== undefined && q.schedule.trim() !== '' && named?.file.kind !== 'range' && named !== c.salarySchedule)
    return engine.scheduleOf(c, q.schedule, 'annual') as Failure;
  const grade = normalizeLabel(q.lane);
  const onRange = named?.file.kind === 'range' ||
    (c.rangeSchedules.some((s) => s.laneIndex.has(grade)) && !c.salarySchedule?.laneIndex.has(grade));
  if (!onRange) return undefined;
  if (!RANGE_STEP.has(normalizeLabel(q.step)))
    return new Failure('VALUE', `${q.lane} is a grade of a min-max range schedule, which pays within a range, not by step; give the step as "range" (or leave it empty)`, 'unknown-step');
  const trace: string[] = [];
  const r = engine.range(c.id, q.lane, q.year, named?.id, undefined, trace);
  if (r instanceof Failure) return { expected: r, difference: null, reason: r.message, finding: 'not-paid' };
  const fte = q.fte ?? 1;
  // the range × FTE for a part-time employee: the bounds are compared exactly, nothing is rounded
  const [lo, hi] = r.map((x) => new Money(x).mul(fte));
  const where = `${trace.join('; ')}${fte !== 1 ? `; × FTE ${fte}` : ''}`;
  const paid = new Money(q.paid);
  if (paid.gte(lo) && paid.lte(hi))
    return { expected: q.paid, difference: 0, reason: `within the range ${usd(lo)} to ${usd(hi)}: ${where}`, finding: 'matches' };
  const bound = paid.lt(lo) ? lo : hi;
  const diff = roundAmount(paid.sub(bound), { places: 2, mode: 'half-up' }).toNumber();
  const dir = diff < 0 ? `underpaid by ${usd(-diff, { cents: true })}: below the minimum` : `overpaid by ${usd(diff, { cents: true })}: above the maximum`;
  return { expected: bound.toNumber(), difference: diff, reason: `${dir} of the range ${usd(lo)} to ${usd(hi)}: ${where}`, finding: 'outside-range' };
}

/** A salary on an annual schedule the query names: the printed cell (× FTE as SALARY prorates it) against the amount paid. */
function namedAnnual(engine: Engine, c: Contract, q: AuditedLine): AuditLine {
  const expected = engine.salary(c.id, q.lane, q.step, q.year, q.fte, undefined, undefined, q.schedule);
  if (expected instanceof Failure) return { expected, difference: null, reason: expected.message, finding: 'not-paid' };
  const cite = engine.salaryCite(c.id, q.lane, q.step, q.year, undefined, q.schedule) as string;
  const diff = roundAmount(new Money(q.paid).sub(expected), { places: 2, mode: 'half-up' }).toNumber();
  if (diff === 0) return { expected, difference: 0, reason: `matches ${cite}`, finding: 'matches' };
  return { expected, difference: diff, reason: `${diff > 0 ? 'overpaid' : 'underpaid'} by ${usd(Math.abs(diff), { cents: true })}: expected ${cite}${q.fte !== undefined && q.fte !== 1 ? ` × FTE ${q.fte}` : ''}`, finding: 'no-match' };
}
