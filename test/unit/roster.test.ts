/**
 * Roster roll-forward by each contract's own rules. Salaries expected here are read from the printed
 * schedules (file:line on each); the movement rules from the clauses cited.
 */
import { createRegistry, Engine, Failure } from '../../src';
import { projectRow } from '../../src/roster';
import type { Placement } from '../../src/roster';
import { proposalEngine } from '../../src/proposal';

const engine = new Engine(createRegistry());
const W = 'waconia/teachers';
const A = 'anoka-hennepin/teachers';
const C = 'waconia/custodial';
const WY = ['2023-24', '2024-25', '2025-26', '2026-27'];

const steps = (ps: Placement[] | Failure) => (ps as Placement[]).map((p) => `${p.year} ${p.lane ?? p.position} ${p.step}${p.midYearStep ? '>' + p.midYearStep : ''}`);

describe('Waconia teachers', () => {
  test('one step a year from 2024-25 and the extra mid-year step in 2026-27 (004:3080, 1812, 5012)', () => {
    const ps = projectRow(engine, { id: 't1', contract: W, lane: 'MA+15', step: 'B', fte: 1 }, WY);
    expect(steps(ps)).toEqual(['2023-24 MA+15 B', '2024-25 MA+15 C', '2025-26 MA+15 D', '2026-27 MA+15 E>F']);
    expect((ps as Placement[])[3].notes.join(' ')).toMatch(/half way through the year \(004_95c67c5f7895ec64\.txt:5012\)/);
  });
  test("a year's credit on step R moves a career lane to Career (004:2271); a lane without one holds at its top", () => {
    expect(steps(projectRow(engine, { id: 't2', contract: W, lane: 'MA+45', step: 'Q', fte: 1 }, WY))).toEqual([
      '2023-24 MA+45 Q', '2024-25 MA+45 R', '2025-26 MA+45 Career', '2026-27 MA+45 Career',
    ]);
    const ba = projectRow(engine, { id: 't3', contract: W, lane: 'BA', step: 'G', fte: 1 }, WY) as Placement[];
    // BA is printed for steps B-H only (004:3024-3031)
    expect(steps(ba)).toEqual(['2023-24 BA G', '2024-25 BA H', '2025-26 BA H', '2026-27 BA H']);
    expect(ba[2].notes[0]).toMatch(/holds at the top of lane BA \(step H\)/);
  });
  test('a lane change keeps the step, and moves across before the step (001:245 reads the same)', () => {
    expect(steps(projectRow(engine, { id: 't4', contract: W, lane: 'BA+15', step: 'C', fte: 1, laneChanges: [{ year: '2025-26', lane: 'BA+30' }] }, WY))).toEqual([
      '2023-24 BA+15 C', '2024-25 BA+15 D', '2025-26 BA+30 E', '2026-27 BA+30 F>G',
    ]);
  });
  test('below half time the FTE accumulates to a year of credit (004:2318)', () => {
    const ps = projectRow(engine, { id: 't5', contract: W, lane: 'BA', step: 'B', fte: 0.4 }, WY) as Placement[];
    // 0.4 + 0.4 = 0.8 < 1: no step; + 0.4 = 1.2: one step in 2026-27, and no mid-year step without a full year's credit
    expect(steps(ps)).toEqual(['2023-24 BA B', '2024-25 BA B', '2025-26 BA B', '2026-27 BA C']);
  });
  test('no step in a freeze year: a proposal with steps 0 holds everyone (as 2023-24 did, 004:3049)', () => {
    const pe = proposalEngine(engine, { name: 'freeze', contract: W, baseYear: '2026-27', years: [{ year: '2027-28', schedulePercent: 0, steps: 0 }] }) as Engine;
    const ps = projectRow(pe, { id: 't6', contract: W, lane: 'MA', step: 'C', fte: 1 }, ['2026-27', '2027-28']) as Placement[];
    expect(steps(ps)).toEqual(['2026-27 BA+60/MA C', '2027-28 BA+60/MA C']);
    expect(ps[1].notes[0]).toMatch(/no step in 2027-28/);
  });
});

describe('Anoka-Hennepin teachers', () => {
  test('merged rows: step 2 in 2005-06 ("2 & 3", 001:993) becomes step 3 in 2006-07 ("3 & 4", 001:1028)', () => {
    const ps = projectRow(engine, { id: 'a1', contract: A, lane: 'BA', step: '2', fte: 1 }, ['2005-06', '2006-07']) as Placement[];
    expect(steps(ps)).toEqual(['2005-06 BA 2', '2006-07 BA 3']);
    expect(engine.salary(A, 'BA', ps[0].step, '2005-06')).toBe(35606); // 001:993
    expect(engine.salary(A, 'BA', ps[1].step, '2006-07')).toBe(36966); // 001:1028
  });
  test('14-CI to Career II only with a seniority date before 12-31-1987 (001:1044-1046)', () => {
    const early = projectRow(engine, { id: 'a2', contract: A, lane: 'MA', step: '14-CI', fte: 1, seniorityDate: '1985-08-20' }, ['2005-06', '2006-07']);
    expect(steps(early)).toEqual(['2005-06 MA 14-CI', '2006-07 MA CII']);
    const late = projectRow(engine, { id: 'a3', contract: A, lane: 'MA', step: '14-CI', fte: 1, seniorityDate: '1990-08-20' }, ['2005-06', '2006-07']) as Placement[];
    expect(steps(late)).toEqual(['2005-06 MA 14-CI', '2006-07 MA 14-CI']);
    expect(late[1].notes[0]).toMatch(/CII requires a seniority date before 1987-12-31 .*001_568af6eb86bfbaf6\.txt:1044-1046/);
  });
  test('Career III needs a Masters or BA+60 lane too (001:1050)', () => {
    expect(steps(projectRow(engine, { id: 'a4', contract: A, lane: 'BA+45', step: 'CII', fte: 1, seniorityDate: '1980-01-01' }, ['2005-06', '2006-07']))).toEqual(['2005-06 BA+45 CII', '2006-07 BA+45 CII']);
    expect(steps(projectRow(engine, { id: 'a5', contract: A, lane: 'MA+30', step: 'CII', fte: 1, seniorityDate: '1980-01-01' }, ['2005-06', '2006-07']))).toEqual(['2005-06 MA+30 CII', '2006-07 MA+30 CIII']);
  });
  describe('beyond the agreement, career rows keep their gates (a proposal year keeps the 2006-07 ones)', () => {
    const later = proposalEngine(engine, { name: 'later', contract: A, baseYear: '2006-07', years: [{ year: '2007-08', schedulePercent: 3 }] }) as Engine;
    const Y = ['2006-07', '2007-08'];
    test('14-CI to CII in 2007-08 still needs a seniority date before 12-31-1987 (001:1044-1046), and says the gate is kept', () => {
      const late = projectRow(later, { id: 'g1', contract: A, lane: 'MA', step: '14-CI', fte: 1, seniorityDate: '1988-03-01' }, Y) as Placement[];
      expect(steps(late)).toEqual(['2006-07 MA 14-CI', '2007-08 MA 14-CI']);
      expect(late[1].notes[0]).toBe('holds at 14-CI: CII requires a seniority date before 1987-12-31 (seniority 1988-03-01) (001_568af6eb86bfbaf6.txt:1044-1046; the 2006-07 gate, kept: the agreement states none for 2007-08)');
      const early = projectRow(later, { id: 'g2', contract: A, lane: 'MA', step: '14-CI', fte: 1, seniorityDate: '1986-09-01' }, Y) as Placement[];
      expect(steps(early)).toEqual(['2006-07 MA 14-CI', '2007-08 MA CII']);
      expect(early[1].notes[0]).toMatch(/^step 14-CI → CII: seniority 1986-09-01 is before 1987-12-31 \(001_568af6eb86bfbaf6\.txt:1044-1046; the 2006-07 gate, kept/);
    });
    test('CII to CIII keeps its gate, before 12-31-1984 on an MA or BA+60 lane (001:1050-1052); without a seniority date the teacher holds', () => {
      expect(steps(projectRow(later, { id: 'g3', contract: A, lane: 'MA+30', step: 'CII', fte: 1, seniorityDate: '1984-06-01' }, Y))).toEqual(['2006-07 MA+30 CII', '2007-08 MA+30 CIII']);
      expect(steps(projectRow(later, { id: 'g4', contract: A, lane: 'MA+30', step: 'CII', fte: 1, seniorityDate: '1985-06-01' }, Y))).toEqual(['2006-07 MA+30 CII', '2007-08 MA+30 CII']);
      const none = projectRow(later, { id: 'g5', contract: A, lane: 'BA+60', step: 'CII', fte: 1 }, Y) as Placement[];
      expect(steps(none)).toEqual(['2006-07 BA+60 CII', '2007-08 BA+60 CII']);
      expect(none[1].notes[0]).toMatch(/CIII requires a seniority date before 1984-12-31 and lane BA\+60\/MA\/.* \(no seniority date given\)/);
    });
    test('and a second proposal year still keeps them (the 2006-07 gate, not the year before)', () => {
      const two = proposalEngine(engine, { name: 'two', contract: A, baseYear: '2006-07', years: [{ year: '2007-08' }, { year: '2008-09' }] }) as Engine;
      const ps = projectRow(two, { id: 'g6', contract: A, lane: 'MA', step: '13', fte: 1, seniorityDate: '1990-08-20' }, ['2006-07', '2007-08', '2008-09']) as Placement[];
      expect(steps(ps)).toEqual(['2006-07 MA 13', '2007-08 MA 14-CI', '2008-09 MA 14-CI']);
      expect(ps[2].notes[0]).toMatch(/the 2006-07 gate, kept: the agreement states none for 2008-09/);
    });
  });
  test('a .2 contract (over .16, under .25) advances one step after two years (001:1058)', () => {
    const pe = proposalEngine(engine, { name: 'later', contract: A, baseYear: '2006-07', years: [{ year: '2007-08' }] }) as Engine;
    expect(steps(projectRow(pe, { id: 'a6', contract: A, lane: 'BA', step: '5', fte: 0.2 }, ['2005-06', '2006-07', '2007-08']))).toEqual([
      '2005-06 BA 5', '2006-07 BA 5', '2007-08 BA 6',
    ]);
  });
});

describe('hourly staff and bad rows', () => {
  test('custodians move one step a year (004:5853-5871) up to step 12, added in 2024-25 (004:6564)', () => {
    expect(steps(projectRow(engine, { id: 'c1', contract: C, position: 'Cleaner', step: '10', hours: 2080, fte: 1 }, WY))).toEqual([
      '2023-24 Custodial Cleaner 10', '2024-25 Custodial Cleaner 11', '2025-26 Custodial Cleaner 12', '2026-27 Custodial Cleaner 12',
    ]);
  });
  test.each<[string, object, RegExp]>([
    ['unknown lane', { lane: 'MA+90', step: 'B' }, /unknown lane "MA\+90"; valid: BA, BA\+15/],
    ['unknown step', { lane: 'BA', step: 'Z' }, /unknown step "Z"/],
    ['bad FTE', { lane: 'BA', step: 'B', fte: 0 }, /FTE 0 is out of range/],
    ['hourly without hours', { position: 'Teacher', step: '1' }, /need hours a year/],
  ])('%s', (_n, patch, message) => {
    const r = projectRow(engine, { id: 'x', contract: W, fte: 1, ...patch } as never, WY);
    expect(r).toBeInstanceOf(Failure);
    expect((r as Failure).message).toMatch(message);
  });
  test('years the contract does not cover are refused, pointing to proposals', () => {
    const r = projectRow(engine, { id: 'x', contract: W, lane: 'BA', step: 'B', fte: 1 }, ['2026-27', '2027-28']);
    expect((r as Failure).message).toMatch(/does not cover 2027-28.*a proposal can extend it/);
  });
});
