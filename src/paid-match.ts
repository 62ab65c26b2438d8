/**
 * What a payroll amount matches when it is not what the contract says: the salary cells (any year, lane, step,
 * with or without the FTE) that pay exactly that amount. AUDIT asks this for every line that does not match, so
 * it is answered from an index built once per compiled contract: the salary cells sorted by amount, found by
 * binary search. (Calling SALARY for every cell of every year, as it once did, took 3 ms a line: 13 s for a
 * payroll of 5,000 unmatched lines.) The amounts come from Engine.salary, the same code path as SALARY.
 */
import type { Engine } from './engine';
import type { Contract } from './model';
import { parseYear } from './years';

interface Cell { amount: number; year: number; lane: number; step: number }

/** Per compiled contract (a replaced or proposal contract is a new object): its salary cells by amount. */
const indexes = new WeakMap<Contract, Cell[]>();

function cellsByAmount(engine: Engine, c: Contract): Cell[] {
  let cells = indexes.get(c);
  if (cells) return cells;
  cells = [];
  const s = c.salarySchedule!;
  for (let y = 0; y < c.years.length; y++)
    for (let l = 0; l < s.laneLabels.length; l++)
      for (let st = 0; st < s.stepLabels.length; st++) {
        const v = engine.salary(c.id, s.laneLabels[l], s.stepLabels[st], c.years[y]);
        if (typeof v === 'number') cells.push({ amount: v, year: y, lane: l, step: st });
      }
  cells.sort((a, b) => a.amount - b.amount);
  indexes.set(c, cells);
  return cells;
}

/** Index of the first cell whose amount is at least `amount`. */
function lowerBound(cells: Cell[], amount: number): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cells[mid].amount < amount) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How the amount paid could have been reached: e.g. "lane MA+15", "the 2024-25 schedule, step G", "full time (FTE
 * not applied)". Only the year nearest the line's that has any match is searched (the line's own first, then the
 * nearest others, earlier before later); within it, in lane, step and FTE order. The expected cell itself is left out.
 */
export function whatPaidMatches(engine: Engine, c: Contract, paid: number, laneLabel: string, stepLabel: string, year: string, fte: number | undefined): string[] {
  return paidMatches(engine, c, paid, laneLabel, stepLabel, year, fte).map((m) => m.text);
}

/** What a paid amount matches, as a kind of payroll error (the first that applies: FTE, year, lane, step). */
export type MatchKind = 'fte-not-applied' | 'another-year' | 'wrong-lane' | 'wrong-step';
export interface PaidMatch { text: string; kind: MatchKind }

/** whatPaidMatches with each match's kind, so that a reader classifies a line without reading its text. */
export function paidMatches(engine: Engine, c: Contract, paid: number, laneLabel: string, stepLabel: string, year: string, fte: number | undefined): PaidMatch[] {
  const s = c.salarySchedule;
  if (!s) return [];
  const parsed = parseYear(year);
  const own = parsed.ok ? c.years.indexOf(parsed.year) : -1;
  const f = fte ?? 1;
  const shares = f !== 1 ? [f, 1] : [1];
  const cells = cellsByAmount(engine, c);
  const found: { cell: Cell; share: number }[] = [];
  for (const share of shares) {
    if (share === 1) {
      for (let i = lowerBound(cells, paid); i < cells.length && cells[i].amount === paid; i++) found.push({ cell: cells[i], share });
      continue;
    }
    // printed × FTE rounds to the amount paid only for printed amounts near paid / FTE (the proration rule rounds to
    // the cent or the dollar); each candidate is confirmed through Engine.salary with that FTE
    const margin = 10 / share;
    for (let i = lowerBound(cells, paid / share - margin); i < cells.length && cells[i].amount <= paid / share + margin; i++) {
      const x = cells[i];
      if (engine.salary(c.id, s.laneLabels[x.lane], s.stepLabels[x.step], c.years[x.year], share) === paid) found.push({ cell: x, share });
    }
  }
  const laneAt = s.laneLabels.indexOf(laneLabel);
  const stepAt = s.stepLabels.indexOf(stepLabel);
  const isExpected = (x: { cell: Cell; share: number }) => x.cell.year === own && x.cell.lane === laneAt && x.cell.step === stepAt && x.share === f;
  // the line's year first, then by distance from it, earlier first on a tie
  const rank = (y: number) => (y === own ? -1 : own < 0 ? y : Math.abs(y - own) * 2 + (y > own ? 1 : 0));
  const hits = found.filter((x) => !isExpected(x));
  if (!hits.length) return [];
  const best = Math.min(...hits.map((x) => rank(x.cell.year)));
  return hits
    .filter((x) => rank(x.cell.year) === best)
    .sort((a, b) => a.cell.lane - b.cell.lane || a.cell.step - b.cell.step || shares.indexOf(a.share) - shares.indexOf(b.share))
    .map(({ cell, share }) => ({
      text: [
        cell.year !== own && `the ${c.years[cell.year]} schedule`,
        cell.lane !== laneAt && `lane ${s.laneLabels[cell.lane]}`,
        cell.step !== stepAt && `step ${s.stepLabels[cell.step]}`,
        share !== f && (share === 1 ? 'full time (FTE not applied)' : `FTE ${share}`),
      ]
        .filter(Boolean)
        .join(', '),
      kind: share !== f ? 'fte-not-applied' : cell.year !== own ? 'another-year' : cell.lane !== laneAt ? 'wrong-lane' : 'wrong-step',
    }));
}
