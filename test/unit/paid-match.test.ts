/**
 * AUDIT's search for what a wrong payment matches (src/paid-match.ts) is index-based: it must find exactly what the
 * search it replaced found (every salary cell of every year looked up through Engine.salary, in year, lane, step and
 * FTE order, stopping at the first year with a match), and it must be fast (timings: npm run bench, range functions).
 */
import { createRegistry, Engine, Failure } from '../../src';
import { whatPaidMatches } from '../../src/paid-match';
import { auditSalary } from '../../src/settlement';

const engine = new Engine(createRegistry());

/** The search as AUDIT did it before the index: every cell, through Engine.salary. The oracle. */
function bruteForce(contractId: string, paid: number, laneLabel: string, stepLabel: string, year: string, fte: number | undefined): string[] {
  const c = engine.contract(contractId);
  if (c instanceof Failure) throw new Error(c.message);
  const s = c.salarySchedule!;
  const hints: string[] = [];
  const f = fte ?? 1;
  const at = c.years.indexOf(year);
  const nearest = c.years.filter((x) => x !== year).sort((a, b) => Math.abs(c.years.indexOf(a) - at) - Math.abs(c.years.indexOf(b) - at) || c.years.indexOf(a) - c.years.indexOf(b));
  for (const y of [year, ...nearest]) {
    for (const l of s.laneLabels)
      for (const st of s.stepLabels)
        for (const share of f !== 1 ? [f, 1] : [1]) {
          if (y === year && l === laneLabel && st === stepLabel && share === f) continue;
          if (engine.salary(c.id, l, st, y, share === 1 ? undefined : share) !== paid) continue;
          const what = [y !== year && `the ${y} schedule`, l !== laneLabel && `lane ${l}`, st !== stepLabel && `step ${st}`, share !== f && (share === 1 ? 'full time (FTE not applied)' : `FTE ${share}`)];
          hints.push(what.filter(Boolean).join(', '));
        }
    if (hints.length) break;
  }
  return hints;
}

describe('the index finds what the full search found', () => {
  for (const id of ['waconia/teachers', 'anoka-hennepin/teachers']) {
    test(`${id}: every printed salary and its 0.5 and 0.8 FTE shares, paid to another cell`, () => {
      const c = engine.contract(id);
      if (c instanceof Failure) throw new Error(c.message);
      const s = c.salarySchedule!;
      let compared = 0;
      let withHints = 0;
      // a deterministic sample: every 7th cell of every year, paid on a placement 3 lanes and 5 steps away
      let k = 0;
      for (const y of c.years)
        for (let l = 0; l < s.laneLabels.length; l++)
          for (let st = 0; st < s.stepLabels.length; st++) {
            if (k++ % 7) continue;
            const cell = engine.salary(id, s.laneLabels[l], s.stepLabels[st], y);
            if (typeof cell !== 'number') continue;
            const lane = s.laneLabels[(l + 3) % s.laneLabels.length];
            const step = s.stepLabels[(st + 5) % s.stepLabels.length];
            const year = c.years[(c.years.indexOf(y) + 1) % c.years.length];
            for (const fte of [undefined, 0.5, 0.8]) {
              const paid = fte === undefined ? cell : (engine.salary(id, s.laneLabels[l], s.stepLabels[st], y, fte) as number);
              const want = bruteForce(id, paid, lane, step, year, fte);
              expect([paid, lane, step, year, fte, whatPaidMatches(engine, c, paid, lane, step, year, fte)]).toEqual([paid, lane, step, year, fte, want]);
              compared++;
              if (want.length) withHints++;
            }
          }
      expect(compared).toBeGreaterThan(50);
      expect(withHints).toBeGreaterThan(compared / 2);
    });
  }
});

describe('worked by hand', () => {
  test('0.8 FTE of MA+15 H paid to an MA H placement: 64,654 × 0.8 = 51,723.20 matches lane MA+15', () => {
    // 2025-26 row H, lane MA+15 prints 64,654 (004_95c67c5f7895ec64.txt:4966); × 0.8 = 51,723.20 exactly. "MA" names lane BA+60/MA.
    const a = auditSalary(engine, 'waconia/teachers', 51723.2, 'MA', 'H', '2025-26', 0.8);
    expect(a.reason).toMatch(/^underpaid|^overpaid/);
    expect(a.reason).toMatch(/the amount paid matches lane MA\+15$/);
  });
  test('a year spelled 2025-2026 is searched as 2025-26 (its own year first)', () => {
    const c = engine.contract('waconia/teachers') as Exclude<ReturnType<Engine['contract']>, Failure>;
    // 64,654 is MA+15 H in 2025-26 (004_95c67c5f7895ec64.txt:4966)
    expect(whatPaidMatches(engine, c, 64654, 'BA+60/MA', 'H', '2025-2026', undefined)).toEqual(whatPaidMatches(engine, c, 64654, 'BA+60/MA', 'H', '2025-26', undefined));
    expect(whatPaidMatches(engine, c, 64654, 'BA+60/MA', 'H', '2025-26', undefined)).toEqual(['lane MA+15']);
  });
  test('an amount no cell pays matches nothing', () => {
    const c = engine.contract('waconia/teachers') as Exclude<ReturnType<Engine['contract']>, Failure>;
    expect(whatPaidMatches(engine, c, 12345.67, 'BA', 'B', '2025-26', 0.8)).toEqual([]);
  });
});

/**
 * Each line's finding, the kind a reader counts lines by (the pane's audit summary), is the engine's, not read from
 * the reason's words. Waconia teachers, amounts from the printed schedules.
 */
describe('the finding of an audited line', () => {
  const finding = (paid: number, lane: string, step: string, year: string, fte?: number) => auditSalary(engine, 'waconia/teachers', paid, lane, step, year, fte).finding;
  test('each kind, worked from the printed cells', () => {
    expect(finding(64654, 'MA+15', 'H', '2025-26')).toBe('matches'); // 2025-26 MA+15 H prints 64,654 (004:4966)
    expect(finding(62771, 'MA+15', 'H', '2025-26')).toBe('another-year'); // 62,771 is 2024-25 MA+15 H (004:3061)
    expect(finding(62863, 'MA+15', 'H', '2025-26')).toBe('wrong-step'); // 62,863 is 2025-26 MA+15 G (004:4965)
    expect(finding(64654, 'BA+60/MA', 'H', '2025-26')).toBe('wrong-lane'); // 64,654 is lane MA+15, not BA+60/MA (004:4966)
    expect(finding(64654, 'MA+15', 'H', '2025-26', 0.8)).toBe('fte-not-applied'); // the full 64,654 paid at 0.8 FTE
    // 2026-27 has a mid-year step (004:5012): BA+15 D for the whole year, 53,013 (004:4990), not the blend 53,768
    expect(finding(53013, 'BA+15', 'D', '2026-27')).toBe('mid-year-step');
    expect(finding(12345.67, 'BA', 'B', '2025-26')).toBe('no-match');
    expect(finding(50000, 'BA', 'J', '2025-26')).toBe('not-paid'); // lane BA is empty at step J in 2025-26 (004:4968)
  });
});
