/**
 * src/authoring through ContractApi: a district's own sheets made into contract sections and a contract file that
 * the loader accepts, and that SALARY, HOURLY, STIPEND and TERM then answer from. The sheets are the synthetic
 * districts' tables in test/fixtures/authoring/ (made up for the tests, not from any agreement); every expected
 * value is read off those sheets or worked by hand in a comment.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContractRegistry, Engine } from '../../src';
import { ContractApi, Failure, memoryDefault } from '../../src/api';
import type { Authored, DraftQuery, Problem } from '../../src/api';

const fixtures = path.join(__dirname, '../fixtures/authoring');
const api = new ContractApi(new Engine(new ContractRegistry()), memoryDefault());
const csv = (name: string): unknown[][] => {
  const rows = api.readCsv({ text: fs.readFileSync(path.join(fixtures, name), 'utf8') });
  if (!Array.isArray(rows)) throw new Error(rows.reason);
  return rows;
};
const lakeview = { title: 'Lakeview ISD 999 and Lakeview Education Association, Master Agreement 2025-2027', file: 'lakeview-2025-27.pdf', page: 31, section: 'Schedule A' };
const pine = { title: 'Pine Hollow ISD 998, Support Staff Agreement 2025-2027', file: 'pine-hollow-support.pdf', page: 12, section: 'Appendix B' };

function section<T>(r: Authored<T>): T {
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.cell}: ${p.reason}`).join('\n'));
  return r.section;
}
function problems(r: { ok: boolean; problems?: Problem[] }): string[] {
  expect(r.ok).toBe(false);
  return (r.problems ?? []).map((p) => `${p.cell}: ${p.reason}`);
}
/** A fresh engine with the drafted file loaded, as the pane's save and the CLI's check load it. */
function loaded(q: DraftQuery): ContractApi {
  const d = api.draftContract(q);
  if (!d.ok) throw new Error(d.problems.map((p) => `${p.cell}: ${p.reason}`).join('\n'));
  const registry = new ContractRegistry();
  registry.load([{ name: 'authored.json', content: d.text }]);
  return new ContractApi(new Engine(registry), memoryDefault());
}

describe('a salary schedule: lanes across, steps down (lakeview-teachers-2025-26.csv)', () => {
  const schedule = () => section(api.importSchedule({ cells: csv('lakeview-teachers-2025-26.csv'), kind: 'annual', year: '2025-2026', source: lakeview }));

  test('lanes and steps as the header and first column print them; "2 & 3" answers for both steps; "Step n" is an alias', () => {
    const s = schedule();
    expect(s.lanes.map((l) => l.label)).toEqual(['BA', 'BA + 15', 'MA', 'MA+30']);
    expect(s.steps.map((l) => l.label)).toEqual(['1', '2', '3', '4', '5']);
    expect(s.steps[0].aliases).toEqual(['Step 1']);
    expect(s.tables[0].rows[1]).toMatchObject({ printed: '2 & 3', steps: ['2', '3'] });
    expect(s.tables[0].year).toBe('2025-26');
    // "$44,802" (text), "46,146.00" (text) and 45900 (a number) are all amounts; NONE is a closed cell, blank an empty one
    expect(s.tables[0].rows[0].values).toEqual([44802, 45900, 49100, 'NONE']);
    expect(s.tables[0].rows[3].values).toEqual([null, 50156, 53653, 55167]);
    expect(s.cite).toBe('lakeview-2025-27.pdf#Schedule A, p. 31');
  });

  test('the drafted contract loads, and SALARY answers the sheet: MA step 3 = 50,573 (the "2 & 3" row), BA+15 step 5 = 50,156', () => {
    const a = loaded({ district: 'Lakeview ISD 999', unit: 'Teachers', years: ['2025-26'], source: lakeview, schedules: [schedule()] });
    expect(a.contractIds()).toEqual(['lakeview-isd-999/teachers']);
    const c = 'lakeview-isd-999/teachers';
    expect(a.salary({ contract: c, lane: 'MA', step: 3, year: '2025-26' })).toBe(50573);
    expect(a.salary({ contract: c, lane: 'MA', step: 'Step 2', year: '2025-26' })).toBe(50573);
    expect(a.salary({ contract: c, lane: 'ba+15', step: '5', year: '2025-26' })).toBe(50156);
    const closed = a.salary({ contract: c, lane: 'MA+30', step: 1, year: '2025-26' });
    expect(closed).toBeInstanceOf(Failure);
    expect((closed as Failure).reason).toBe('closed-cell');
    expect((a.salary({ contract: c, lane: 'BA', step: 5, year: '2025-26' }) as Failure).reason).toBe('empty-cell');
  });

  test('a raise by form computes the next year with the contract rounding: 44,802 × 1.03 = 46,146.06 -> 46,146; 52,090 × 1.03 = 53,652.70 -> 53,653', () => {
    const a = loaded({
      district: 'Lakeview ISD 999', unit: 'Teachers', years: ['2025-26', '2026-27'], source: lakeview, schedules: [schedule()],
      rounding: { salary: { places: 0, mode: 'half-up' } },
      rules: { source: { ...lakeview, page: 8, section: 'Art. VI Sec. 1' }, raises: [{ year: '2026-27', percent: 3 }], stepPolicy: [{ year: '2026-27', policy: 'mid-year-step' }], offSchedule: [{ year: '2025-26', percent: 1 }] },
    });
    const c = 'lakeview-isd-999/teachers';
    expect(a.salary({ contract: c, lane: 'BA', step: 1, year: '2026-27' })).toBe(46146);
    expect(a.salary({ contract: c, lane: 'MA', step: 4, year: '2026-27' })).toBe(53653);
    expect((a.salary({ contract: c, lane: 'MA+30', step: 1, year: '2026-27' }) as Failure).reason).toBe('closed-cell');
  });

  test('a career increment by form derives the blank Career cell: MA 45,000 × 1.0475 = 47,137.50 -> 47,138 (whole dollars, half-up)', () => {
    const s = section(api.importSchedule({ cells: [['Step', 'BA', 'MA'], ['1', 40000, 45000], ['Career', null, '']], kind: 'annual', year: '2025-26', source: lakeview }));
    expect(s.steps[1]).toMatchObject({ label: 'Career', kind: 'career' });
    const a = loaded({
      district: 'Lakeview ISD 999', unit: 'Teachers', years: ['2025-26'], source: lakeview, schedules: [s],
      rules: { source: { ...lakeview, page: 9 }, careerIncrement: { step: 'Career', baseStep: '1', lanes: ['MA'], years: ['2025-26'], percent: 4.75 }, stepPolicy: [{ year: '2025-26', policy: 'freeze' }] },
    });
    expect(a.salary({ contract: 'lakeview-isd-999/teachers', lane: 'MA', step: 'Career', year: '2025-26' })).toBe(47138);
    expect((a.salary({ contract: 'lakeview-isd-999/teachers', lane: 'BA', step: 'Career', year: '2025-26' }) as Failure).reason).toBe('empty-cell');
  });

  test('AUDIT and PROFILE read the authored schedule: paid $50,000 at MA step 3 is $573 under; starting salaries BA $44,802, MA $49,100', () => {
    const a = loaded({ district: 'Lakeview ISD 999', unit: 'Teachers', years: ['2025-26'], source: lakeview, schedules: [schedule()] });
    const c = 'lakeview-isd-999/teachers';
    const line = a.audit({ contract: c, paid: 50000, lane: 'MA', step: '3', year: '2025-26' });
    expect(line).toMatchObject({ expected: 50573, difference: -573 }); // 50,000 - 50,573 (the "2 & 3" row)
    const p = a.profile({ contract: c, year: '2025-26' });
    if (p instanceof Failure) throw new Error(p.message);
    const metric = (id: string) => p.metrics.find((m) => m.id === id)?.value;
    expect(metric('start-ba')).toBe(44802);
    expect(metric('start-ma')).toBe(49100);
  });

  test('the draft states the rounding it assumed where the form gives none: whole dollars, as the schedule prints them', () => {
    const d = api.draftContract({ district: 'Lakeview ISD 999', unit: 'Teachers', years: ['2025-26'], source: lakeview, schedules: [schedule()] });
    expect(d.ok).toBe(true);
    const file = JSON.parse((d as { text: string }).text);
    expect(file.rounding.salary).toMatchObject({ places: 0, mode: 'half-up' });
    expect(file.rounding.salary.note).toMatch(/^No rounding was given for "salary": whole dollars, as the schedule prints its amounts, half-up/);
    expect(file.sources).toEqual([{ file: 'lakeview-2025-27.pdf', title: 'Lakeview ISD 999 and Lakeview Education Association, Master Agreement 2025-2027' }]);
  });
});

describe('an hourly grade × step table: grades down, steps across (pine-hollow-support-2025-26.csv)', () => {
  const wages = () => section(api.importHourly({ cells: csv('pine-hollow-support-2025-26.csv'), at: 'Wages!B2:F5', year: '2025-26', source: pine }));

  test('HOURLY answers the sheet: Grade 2 step 3 = $21.32, grade 3 (by its number) "Step 4" = $24.47; a blank cell is #N/A', () => {
    const a = loaded({ district: 'Pine Hollow ISD 998', unit: 'Support Staff', years: ['2025-26'], source: pine, schedules: [wages()] });
    const c = 'pine-hollow-isd-998/support-staff';
    expect(a.hourly({ contract: c, position: 'Grade 2', step: 3, year: '2025-26' })).toBe(21.32);
    expect(a.hourly({ contract: c, position: '3', step: 'Step 4', year: '2025-26' })).toBe(24.47);
    expect((a.hourly({ contract: c, position: 'Grade 2', step: 4, year: '2025-26' }) as Failure).reason).toBe('empty-cell');
  });

  test('the rounding a draft assumes for an hourly table is the cent, as it prints', () => {
    const d = api.draftContract({ district: 'Pine Hollow ISD 998', unit: 'Support Staff', years: ['2025-26'], source: pine, schedules: [wages()] });
    expect(JSON.parse((d as { text: string }).text).rounding.wage).toMatchObject({ places: 2, mode: 'half-up' });
  });

  test('the preview shows the sheet as read, cents kept', () => {
    const r = api.importHourly({ cells: csv('pine-hollow-support-2025-26.csv'), year: '2025-26', source: pine });
    expect(r.ok && r.preview[2]).toEqual(['Grade 2', '$20.10', '$20.70', '$21.32', '']);
  });
});

describe('every problem names its cell, all at once', () => {
  test('a mistyped amount, a repeated lane, a row without its label, an ambiguous year, a missing page', () => {
    const cells = [
      ['Step', 'BA', 'MA', 'ba'],
      ['1', '4O,100', 49100, 49100],
      ['', 46146, 50573, 50573],
      ['3', '—', 51000, 51000],
    ];
    const got = problems(api.importSchedule({ cells, at: 'Sheet1!B6:E9', kind: 'annual', year: '2025', source: { title: 'Agreement' } }));
    expect(got).toEqual(expect.arrayContaining([
      expect.stringMatching(/^year: Year "2025" is ambiguous/),
      expect.stringMatching(/^page: give the page/),
      'E6: the lane "ba" is already at C6',
      expect.stringMatching(/^C7: "4O,100" is not an amount/),
      'B8: this row has amounts but no step label',
      expect.stringMatching(/^C9: "—" is not an amount; an empty cell is left blank and a closed one says NONE/),
    ]));
    expect(got).toHaveLength(6);
  });

  test('a look-alike letter in a label is refused with its code point', () => {
    const got = problems(api.importSchedule({ cells: [['Step', '\u041cA'], ['1', 1]], kind: 'annual', year: '2025-26', source: lakeview }));
    expect(got).toEqual([expect.stringMatching(/^B1: the lane "МA" holds "М" \(U\+041C\)/)]);
  });

  test('the loader\'s own problems come back as path: reason (a raise from a year with no table)', () => {
    const s = section(api.importSchedule({ cells: csv('lakeview-teachers-2025-26.csv'), kind: 'annual', year: '2025-26', source: lakeview }));
    const got = problems(api.draftContract({ district: 'Lakeview ISD 999', unit: 'Teachers', years: ['2025-26', '2027-28'], source: lakeview, schedules: [s], rules: { source: lakeview, raises: [{ year: '2027-28', percent: 2 }] } }));
    expect(got).toEqual(['raise 1: from: schedule "salary" has no table for 2026-27 to raise (2025-26)']);
  });
});

describe('a stipend table and a table of terms', () => {
  const stipendCells = [
    ['Activity', 'Role', 'Years 1-2', '3-5', '6+'],
    ['Football', 'Head Coach', '$5,200', '$5,600', '$6,000'],
    ['', 'Assistant', 3400, 3650, 3900],
    ['Speech', 'Advisor', '$2,100', '$2,100', '$2,300'],
  ];
  const termCells = [
    ['Term', 'Tier', 'Amount', 'Unit'],
    ['Health insurance contribution', 'Single', '$843.84', 'per month'],
    ['', 'Family', '$1,578.46', 'per month'],
    ['403(b) match', '', '50%', ''],
  ];
  test('STIPEND and TERM answer the sheets: Football Assistant in season 4 is the 3-5 band, $3,650; Family $1,578.46 a month', () => {
    const st = section(api.importStipends({ cells: stipendCells, years: ['2025-26'], source: { ...lakeview, page: 40, section: 'Schedule C' } }));
    expect(st.experienceSteps.map((e) => [e.fromYear, e.toYear])).toEqual([[1, 2], [3, 5], [6, undefined]]);
    const terms = section(api.importTerms({ cells: termCells, years: ['2025-26'], group: 'insurance', source: { ...lakeview, page: 22 } }));
    expect(terms.map((t) => [t.id, t.unit])).toEqual([['health-insurance-contribution', 'USD/month'], ['403-b-match', 'percent']]);
    const a = loaded({ district: 'Lakeview ISD 999', unit: 'Teachers', years: ['2025-26'], source: lakeview, schedules: [section(api.importSchedule({ cells: csv('lakeview-teachers-2025-26.csv'), kind: 'annual', year: '2025-26', source: lakeview }))], stipends: st, terms, rounding: { stipend: { places: 0, mode: 'half-up' } } });
    const c = 'lakeview-isd-999/teachers';
    expect(a.stipend({ contract: c, activity: 'Football', role: 'Assistant', seasons: 4, year: '2025-26' })).toBe(3650);
    expect(a.stipend({ contract: c, activity: 'speech', role: 'advisor', seasons: 6, year: '2025-26' })).toBe(2300);
    expect(a.term({ contract: c, term: 'health-insurance-contribution', key: 'Family', year: '2025-26' })).toBe(1578.46);
    expect(a.term({ contract: c, term: '403-b-match', year: '2025-26' })).toBe(50);
  });

  test('bands with a gap, a blank amount, a mixed row and an unknown unit are listed by cell', () => {
    const got = problems(api.importStipends({ cells: [['Activity', 'Role', '1-2', '4-5'], ['Golf', 'Head', '', '10%']], years: ['2025-26'], source: lakeview }));
    expect(got).toEqual([
      'D1: "4-5" starts at season 4; the bands run on from season 1 without gaps, so this one starts at 3',
      'C2: blank: give the amount for 1-2 (repeat it where the contract prints one for several bands)',
    ]);
    const mixed = problems(api.importStipends({ cells: [['Activity', 'Role', '1-2', '3+'], ['Golf', 'Head', '$100', '10%'], ['Golf', 'Assistant', '5%', '6%']], years: ['2025-26'], source: lakeview }));
    expect(mixed).toEqual([
      'C2: the row mixes percents and amounts; give every band of Golf / Head as a percent or every one as an amount',
      'base: the table gives percents: name the salary cell they are a percent of (schedule, lane and step)',
    ]);
    const t = problems(api.importTerms({ cells: [['Term', 'Amount', 'Unit'], ['Mileage', '0.70', 'per mile']], years: ['2025-26'], source: lakeview }));
    expect(t).toEqual([expect.stringMatching(/^C2: "per mile" is not a unit; choose per month/)]);
  });
});

describe('adding a year to a contract a draft made', () => {
  test('another year of the same schedule is added; a table with other lanes is refused with both lists', () => {
    const cells = csv('lakeview-teachers-2025-26.csv');
    const first = api.draftContract({ district: 'Lakeview ISD 999', unit: 'Teachers', years: ['2025-26'], source: lakeview, schedules: [section(api.importSchedule({ cells, kind: 'annual', year: '2025-26', source: lakeview }))] });
    if (!first.ok) throw new Error('draft');
    // 2026-27 as its own sheet: every amount + 1,000 (hand-made), MA step 3 = 51,573
    const next = cells.map((r, i) => (i === 0 ? r : r.map((v, j) => (j === 0 || v === '' || v === 'NONE' ? v : Number(String(v).replace(/[$,]/g, '')) + 1000))));
    const s2 = section(api.importSchedule({ cells: next, kind: 'annual', year: '2026-27', source: { ...lakeview, page: 32 } }));
    const added = api.addSchedule({ text: first.text, schedule: s2 });
    if (!added.ok) throw new Error(added.problems.map((p) => p.reason).join());
    const registry = new ContractRegistry();
    registry.load([{ name: 'x.json', content: added.text }]);
    const a = new ContractApi(new Engine(registry));
    expect(a.salary({ contract: 'lakeview-isd-999/teachers', lane: 'MA', step: 3, year: '2026-27' })).toBe(51573);
    expect(a.salary({ contract: 'lakeview-isd-999/teachers', lane: 'MA', step: 3, year: '2025-26' })).toBe(50573);
    const other = section(api.importSchedule({ cells: [['Step', 'BA', 'MA'], ['1', 1, 2]], kind: 'annual', year: '2026-27', source: lakeview }));
    expect(problems(api.addSchedule({ text: first.text, schedule: other }))).toEqual(['schedule "salary": its lanes are BA, BA + 15, MA, MA+30; the selection\'s are BA, MA', 'schedule "salary": its steps are 1, 2, 3, 4, 5; the selection\'s are 1']);
  });
});

describe('readCsv', () => {
  test('quoted cells with commas and quotes, CRLF, a tab-separated paste', () => {
    expect(api.readCsv({ text: 'a,"b,c","say ""hi"""\r\n1,2,3\r\n' })).toEqual([['a', 'b,c', 'say "hi"'], ['1', '2', '3']]);
    expect(api.readCsv({ text: 'Step\tBA\n1\t$44,802' })).toEqual([['Step', 'BA'], ['1', '$44,802']]);
    expect(api.readCsv({ text: 'a,"b\n1,2' })).toEqual({ cell: 'line 1', reason: 'a quoted cell is never closed (a " is missing)' });
  });
});
