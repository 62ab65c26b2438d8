/**
 * The pane's pure helpers for the Budget, Payroll audit and Negotiation views: column guesses from a header, the
 * proposals table a form makes, the items a proposal states, staff per lane and step. Inputs and answers are the
 * test's own (no engine value is asserted here; the e2e views test checks the costed figures against the documents).
 */
import { guessMapping, mappedTable } from '../../taskpane/mapping';
import { neutral, nextYear, onlyItem, proposalsTable, scattergram, statedItems, yearsAfter } from '../../taskpane/negotiation';
import { PAYROLL_COLUMNS, ROSTER_COLUMNS } from '../../functions/tables';

describe('guessMapping', () => {
  test('exact names and aliases first (case, spaces, _ and . aside), then a header containing a name', () => {
    const header = ['Employee ID', 'Name', 'LANE', 'step_', 'F.T.E.', 'Years of service', 'Insurance coverage'];
    const m = guessMapping(header, ROSTER_COLUMNS);
    expect(m).toMatchObject({ id: 0, lane: 2, step: 3, fte: 4, years: 5, coverage: 6 });
    expect(m.position).toBeUndefined();
  });
  test('a column is used for one field only', () => {
    expect(guessMapping(['lane', 'new lane'], ROSTER_COLUMNS)).toMatchObject({ lane: 0, newLane: 1 });
  });
  test('a payroll export: "Amount paid", "School year"', () => {
    expect(guessMapping(['Employee ID', 'Lane', 'Step', 'FTE', 'School year', 'Amount paid'], PAYROLL_COLUMNS)).toMatchObject({ id: 0, lane: 1, step: 2, fte: 3, year: 4, paid: 5 });
  });
  test('mappedTable keeps the mapped columns under their canonical names, in the spec order', () => {
    expect(mappedTable([['Name', 'Step', 'Lane', 'ID'], ['Ann', 'C', 'BA', 'T1']], { id: 3, lane: 2, step: 1 }, ROSTER_COLUMNS)).toEqual([['id', 'lane', 'step'], ['T1', 'BA', 'C']]);
  });
});

describe('negotiation helpers', () => {
  test('school years follow one another across a century', () => {
    expect(nextYear('2025-26')).toBe('2026-27');
    expect(nextYear('2099-00')).toBe('2100-01');
    expect(yearsAfter('2024-25', 2)).toEqual(['2025-26', '2026-27']);
  });
  test('the proposals table: percents typed as percents become "3%", empty stays empty', () => {
    const t = proposalsTable([{ name: 'Union', years: { '2025-26': { schedulePercent: '3', steps: '1', scheduleDollars: '500' } } }], ['2025-26']);
    expect(t[0]).toEqual(['proposal', 'year', 'schedule %', 'schedule $', 'steps', 'mid-year steps', 'career %', 'off-schedule %', 'stipend %', 'insurance %']);
    expect(t[1]).toEqual(['Union', '2025-26', '3%', '500', '1', '', '', '', '', '']);
  });
  test('the items a proposal states, and one item alone over the freeze', () => {
    const f = { name: 'U', years: { '2025-26': { schedulePercent: '3', steps: '1', careerPercent: '0' } } };
    expect(statedItems(f, ['2025-26'])).toEqual(['schedulePercent', 'steps']);
    expect(neutral('n', ['2025-26']).years['2025-26']).toEqual({ steps: '0', midYearSteps: '0' });
    expect(onlyItem(f, 'schedulePercent', ['2025-26'], 'x').years['2025-26']).toEqual({ steps: '0', midYearSteps: '0', schedulePercent: '3' });
  });
  test('staff per lane and step: the contract order, labels matched case- and space-insensitively, others after', () => {
    const s = scattergram([{ lane: 'ma+15', step: 'C' }, { lane: 'MA+15', step: 'C' }, { lane: 'BA', step: 'B' }, { position: 'Custodian', step: '3' }], ['BA', 'MA+15'], ['B', 'C']);
    expect(s.lanes).toEqual(['BA', 'MA+15', 'Custodian']);
    expect(s.steps).toEqual(['B', 'C', '3']);
    expect([s.count('MA+15', 'C'), s.count('BA', 'B'), s.count('Custodian', '3'), s.count('BA', 'C')]).toEqual([2, 1, 1, 0]);
  });
});
