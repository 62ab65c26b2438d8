/**
 * The two synthetic districts of examples/contracts/ (not real districts; loaded at run time, not bundled), through
 * ContractApi as the functions and the pane call it. Every expected value is worked by hand from the files:
 *
 * lakeshore/teachers (lakeshore-teachers.json), cited by section and page:
 *   Schedule A, Teachers: an index-ratio schedule, cell = base × index, whole dollars half up (Art. XII Sec. 2, p. 22).
 *     Bases: 2025-26 $42,000; 2026-27 $43,260 (Art. XII Sec. 1, p. 22).
 *     Index: lane BA 1.000, BA+30 1.060, MA 1.120, MA+30 1.180, plus 0.045 a step above step 1; BA stops at step 4.
 *       MA step 3 = 1.120 + 0.090 = 1.210:  42,000 × 1.210 = 50,820;  43,260 × 1.210 = 52,344.60 -> 52,345
 *       MA step 4 = 1.120 + 0.135 = 1.255:  43,260 × 1.255 = 54,291.30 -> 54,291
 *       BA+30 step 2 = 1.060 + 0.045 = 1.105:  43,260 × 1.105 = 47,802.30 -> 47,802
 *       BA step 1 2026-27 = 43,260 × 1.000 = 43,260;  MA step 1 = 43,260 × 1.12 = 48,451.20 -> 48,451 (printed, p. 32)
 *   Schedule B, School Nurses (printed, p. 33-34): 2026-27 BSN step 2 $54,178; 2025-26 RN step 1 $48,000.
 *   Schedule D stipends (p. 36): Football Head Coach $5,200 (years 1-3) / $5,800 (4+); Yearbook Advisor 4% / 5% of
 *     BA step 1 of the year: 2025-26 year 3: 42,000 × 4% = 1,680; 2026-27 year 4: 43,260 × 5% = 2,163.
 *   Insurance, a month (Art. XIX Sec. 2, p. 30): 2025-26 Single $700, Family $1,500; 2026-27 Single $725 then $760
 *     from 2027-01-01, Family $1,550 then $1,640 from 2027-01-01.
 *     Family 2026-27 blended by months in force: July-December 6 × 1,550 = 9,300; January-June 6 × 1,640 = 9,840;
 *     9,300 + 9,840 = 19,140 (against 12 × 1,550 = 18,600 or 12 × 1,640 = 19,680 if either value were taken).
 *   403(b) match (Art. XX Sec. 1, p. 31): $500 a year, $1,000 from 5 years of service.
 *
 * lakeshore/support (lakeshore-support.json):
 *   Appendix A, hourly wages by grade × step (p. 20-21): 2025-26 Grade 2 (Clerical) step 3 $21.70, step 4 $22.50;
 *     2026-27 Grade 2 step 4 $23.18.
 *   Appendix B, ranges by grade (p. 22-23): Grade 4 (Coordinator) 2025-26 $27.00-$33.50, 2026-27 $27.81-$34.51.
 *   Night differential (Art. 11 Sec. 4, p. 15): $0.75 an hour; $0.85 from 2027-03-01.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContractLoadError, ContractRegistry, Engine, Failure } from '../../src';
import { ContractApi, memoryDefault } from '../../src/api';
import type { RosterRow } from '../../src/roster';
import { checkContract } from '../../src/check';
import { employerRates } from '../../src/parameters';
import { citeAll, citeText } from '../../src/format';
import { monthOfSchoolYear, schoolYearOf } from '../../src/years';
import { readDate } from '../../functions/reading';

const dir = path.join(__dirname, '../../examples/contracts');
const text = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const T = 'lakeshore/teachers';
const S = 'lakeshore/support';
const Y = ['2025-26', '2026-27'];

function load(): { api: ContractApi; engine: Engine; registry: ContractRegistry } {
  const registry = new ContractRegistry();
  registry.load(['lakeshore-teachers.json', 'lakeshore-support.json'].map((name) => ({ name, content: text(name) })));
  const engine = new Engine(registry);
  return { api: new ContractApi(engine, memoryDefault()), engine, registry };
}
const { api, engine, registry } = load();
const failure = (v: unknown) => v as Failure;
/** Employer FICA and Medicare at 0: only the contract's own figures move the totals. */
const noTaxes = employerRates({ parameters: [] }, { 'fica-oasdi-employer': 0, 'medicare-employer': 0 });

describe('the files load with every check, and the self-check agrees', () => {
  test('both files load in full (schema and semantic checks)', () => {
    expect(registry.ids().sort()).toEqual([S, T]);
  });
  test('the index-ratio cells agree with the printed step 1 rows', () => {
    const report = checkContract(registry.get(T)!, engine);
    expect(report.findings).toEqual([]);
    // 4 printed step-1 cells a year compared with base × index
    expect(report.checked).toBe(8);
  });
});

describe('SALARY: two annual schedules, the index ratio', () => {
  test('the first annual schedule (Teachers) by default; cells derived from the base', () => {
    expect(api.salary({ contract: T, lane: 'MA', step: '3', year: '2025-26' })).toBe(50820);
    expect(api.salary({ contract: T, lane: 'MA', step: '3', year: '2026-27' })).toBe(52345);
    expect(api.salary({ contract: T, lane: 'BA+30', step: '2', year: '2026-27' })).toBe(47802);
    expect(api.salary({ contract: T, lane: 'Master', step: '1', year: '2026-27' })).toBe(48451);
  });
  test('the schedule named by id, title or alias, case and spaces ignored', () => {
    for (const schedule of ['nurses', 'Schedule B: School Nurses', 'NURSES', 'schedule b'])
      expect(api.salary({ contract: T, lane: 'BSN', step: '2', year: '2026-27', schedule })).toBe(54178);
    expect(api.salary({ contract: T, lane: 'Registered Nurse', step: '1', year: '2025-26', schedule: 'Nurses' })).toBe(48000);
    expect(api.salary({ contract: T, lane: 'MA', step: '3', year: '2025-26', schedule: 'Teachers' })).toBe(50820);
  });
  test('an unknown schedule is #VALUE! listing the annual schedules', () => {
    const f = failure(api.salary({ contract: T, lane: 'BSN', step: '2', year: '2026-27', schedule: 'Counselors' }));
    expect(f).toBeInstanceOf(Failure);
    expect(f.code).toBe('VALUE');
    expect(f.message).toBe('Unknown schedule "Counselors" in lakeshore/teachers; annual schedules of lakeshore/teachers: teachers (Schedule A: Teachers), nurses (Schedule B: School Nurses)');
  });
  test('a lane of the other schedule is unknown on this one', () => {
    expect(failure(api.salary({ contract: T, lane: 'BSN', step: '2', year: '2026-27' })).message).toMatch(/^Unknown lane "BSN"; valid lanes: BA/);
  });
  test('BA stops at step 4: step 5 is a closed cell, cited by page', () => {
    const f = failure(api.salary({ contract: T, lane: 'BA', step: '5', year: '2026-27' }));
    expect(f.code).toBe('NA');
    expect(f.message).toMatch(/prints NONE for lane BA at step 5 \(lakeshore-teachers-2025-27\.pdf#Schedule A, p\. 32\)/);
  });
  test('SALARY.SOURCE names the agreement, section and page, and the rule behind a derived cell', () => {
    expect(api.salary({ contract: T, lane: 'MA', step: '3', year: '2026-27' }, { explain: true })).toBe(
      'lakeshore/teachers 2026-27 Schedule A: Teachers, lane MA, step 3: $52,345, not printed; derived by the index ratio (base × index) ' +
        '(Lakeshore Master Agreement 2025-2027 (synthetic), Art. XII Sec. 1, p. 22 <https://example.org/lakeshore/master-agreement-2025-27.pdf>)');
    expect(api.salary({ contract: T, lane: 'BSN', step: '2', year: '2026-27', schedule: 'nurses' }, { explain: true })).toMatch(/Schedule B: School Nurses, lane BSN, step 2: \$54,178 as printed \(Lakeshore Master Agreement 2025-2027 \(synthetic\), Schedule B, p\. 34 </);
  });
  test('the lists take the schedule; SCHEDULES lists them all', () => {
    expect(api.lanes({ contract: T })).toEqual(['BA', 'BA+30', 'MA', 'MA+30']);
    expect(api.lanes({ contract: T, schedule: 'Nurses' })).toEqual(['RN', 'BSN']);
    expect(api.steps({ contract: T, schedule: 'Nurses' })).toEqual(['1', '2', '3', '4']);
    expect(api.schedules({ contract: T })).toEqual([
      { id: 'teachers', title: 'Schedule A: Teachers', kind: 'annual', aliases: ['Teachers', 'Schedule A'] },
      { id: 'nurses', title: 'Schedule B: School Nurses', kind: 'annual', aliases: ['Nurses', 'Schedule B'] },
    ]);
    expect(api.schedules({ contract: S })).toEqual([
      { id: 'esp', title: 'Appendix A: ESP hourly wage schedule', kind: 'hourly', aliases: ['Wages', 'Appendix A'] },
      { id: 'ranges', title: 'Appendix B: ESP pay ranges', kind: 'range', aliases: ['Ranges', 'Appendix B'] },
    ]);
  });
  test('SCHEDULE of the nurses: the grid with readable citations', () => {
    const g = api.schedule({ contract: T, year: '2026-27', schedule: 'Nurses' });
    if (g instanceof Failure) throw new Error(g.message);
    expect(g.lanes).toEqual(['RN', 'BSN']);
    expect(g.rows[1].cells.map((c) => c.value)).toEqual([50985, 54178]);
    expect(g.cite).toBe('Lakeshore Master Agreement 2025-2027 (synthetic), Schedule B, p. 34 <https://example.org/lakeshore/master-agreement-2025-27.pdf>');
  });
});

describe('HOURLY and RANGE (support staff)', () => {
  test('a grade × step rate, by grade or its alias', () => {
    expect(api.hourly({ contract: S, position: 'Clerical', step: '3', year: '2025-26' })).toBe(21.7);
    expect(api.hourly({ contract: S, position: 'G2', step: '4', year: '2026-27' })).toBe(23.18);
    expect(api.hourly({ contract: S, position: 'Clerical', step: '3', year: '2025-26' }, { explain: true })).toBe(
      'lakeshore/support 2025-26 Appendix A: ESP hourly wage schedule, grade Grade 2, step 3: $21.70 as printed (Lakeshore ESP Agreement 2025-2027 (synthetic), Appendix A, p. 20)');
  });
  test('a grade paid only within a range: HOURLY says to use RANGE', () => {
    const f = failure(api.hourly({ contract: S, position: 'Coordinator', step: '1', year: '2025-26' }));
    expect(f.code).toBe('VALUE');
    expect(f.message).toMatch(/Coordinator is paid within a range \(Appendix B: ESP pay ranges\): use CONTRACT.RANGE/);
  });
  test('RANGE answers the minimum and the maximum', () => {
    expect(api.range({ contract: S, grade: 'Grade 4', year: '2025-26' })).toEqual([27, 33.5]);
    expect(api.range({ contract: S, grade: 'coordinator', year: '2026-27', schedule: 'Ranges' })).toEqual([27.81, 34.51]);
    expect(api.range({ contract: S, grade: 'Clerical', year: '2026-27' })).toEqual([20.7, 23.18]);
    expect(api.range({ contract: S, grade: 'Grade 4', year: '2026-27' }, { explain: true })).toMatch(
      /^lakeshore\/support 2026-27 Appendix B: ESP pay ranges, grade Grade 4, end Min: \$27\.81 as printed \(Lakeshore ESP Agreement 2025-2027 \(synthetic\), Appendix B, p\. 23\); .*end Max: \$34\.51 as printed/);
  });
  test('RANGE refuses what it cannot answer, saying why', () => {
    expect(failure(api.range({ contract: S, grade: 'Grade 9', year: '2025-26' })).message).toMatch(/^Unknown grade "Grade 9"; valid grades: Grade 1 \(G1, Paraprofessional\)/);
    expect(failure(api.range({ contract: S, grade: 'Grade 4', year: '2025-26', schedule: 'Wages' })).message).toBe(
      '"Wages" is an hourly schedule, not a range one; range schedules of lakeshore/support: ranges (Appendix B: ESP pay ranges)');
    expect(failure(api.range({ contract: T, grade: 'MA', year: '2025-26' })).message).toBe('lakeshore/teachers has no min-max range schedule');
  });
});

describe('AUDIT: within a range is correct, outside it a finding', () => {
  test('within the range', () => {
    const a = api.audit({ contract: S, paid: 30, lane: 'Grade 4', step: 'range', year: '2026-27' });
    if (a instanceof Failure) throw new Error(a.message);
    expect([a.expected, a.difference]).toEqual([30, 0]);
    expect(a.reason).toMatch(/^within the range \$27\.81 to \$34\.51: .*Appendix B, p\. 23/);
  });
  test('below the minimum: underpaid by the difference to it (27.00 - 26.50 = 0.50)', () => {
    const a = api.audit({ contract: S, paid: 26.5, lane: 'Coordinator', step: '', year: '2025-26' });
    if (a instanceof Failure) throw new Error(a.message);
    expect([a.expected, a.difference]).toEqual([27, -0.5]);
    expect(a.reason).toMatch(/^underpaid by \$0\.50: below the minimum of the range \$27 to \$33\.50: /);
  });
  test('above the maximum: overpaid by the difference (35.00 - 34.51 = 0.49)', () => {
    const a = api.audit({ contract: S, paid: 35, lane: 'Grade 4', step: 'range', year: '2026-27' });
    if (a instanceof Failure) throw new Error(a.message);
    expect([a.expected, a.difference]).toEqual([34.51, 0.49]);
    expect(a.reason).toMatch(/^overpaid by \$0\.49: above the maximum/);
  });
  test('a step given for a range grade is refused', () => {
    expect(failure(api.audit({ contract: S, paid: 30, lane: 'Grade 4', step: '3', year: '2026-27' })).code).toBe('VALUE');
  });
  test('on a named annual schedule: the nurse paid $54,000 against $54,178 is underpaid by $178.00', () => {
    const a = api.audit({ contract: T, paid: 54000, lane: 'BSN', step: '2', year: '2026-27', schedule: 'Nurses' });
    if (a instanceof Failure) throw new Error(a.message);
    expect([a.expected, a.difference]).toEqual([54178, -178]);
    expect(a.reason).toBe('underpaid by $178.00: expected Lakeshore Master Agreement 2025-2027 (synthetic), Schedule B, p. 34 <https://example.org/lakeshore/master-agreement-2025-27.pdf> (lakeshore/teachers 2026-27, row "2", lane BSN)');
  });
  test('a derived cell paid exactly matches', () => {
    const a = api.audit({ contract: T, paid: 52345, lane: 'MA', step: '3', year: '2026-27' });
    if (a instanceof Failure) throw new Error(a.message);
    expect(a.difference).toBe(0);
  });
});

describe('STIPEND', () => {
  test('a flat amount by experience', () => {
    expect(api.stipend({ contract: T, activity: 'Football', role: 'Head', seasons: 2, year: '2026-27' })).toBe(5200);
    expect(api.stipend({ contract: T, activity: 'Football', role: 'Head Coach', seasons: 4, year: '2025-26' })).toBe(5800);
  });
  test('a percent of BA step 1 of the year (an index-ratio cell)', () => {
    expect(api.stipend({ contract: T, activity: 'Yearbook', role: 'Advisor', seasons: 3, year: '2025-26' })).toBe(1680);
    expect(api.stipend({ contract: T, activity: 'Yearbook', role: 'Advisor', seasons: 4, year: '2026-27' })).toBe(2163);
  });
});

describe('TERM: a value that changes during the year', () => {
  const q = { contract: T, term: 'insurance', key: 'Family', year: '2026-27' };
  test('without a date: #N/A naming both values and dates, never one of them', () => {
    const f = failure(api.term(q));
    expect(f.code).toBe('NA');
    expect(f.message).toBe('Employer health insurance contribution changes during 2026-27: $1,550/month from 2026-07-01 (the start of the year) (lakeshore-teachers-2025-27.pdf#Art. XIX Sec. 2.a, p. 30); ' +
      '$1,640/month from 2027-01-01 (lakeshore-teachers-2025-27.pdf#Art. XIX Sec. 2.b, p. 30). Give a date (the date argument) for the value in force on it; costing blends the year by the months each value is in force.');
  });
  test('the value in force on a date', () => {
    expect(api.term({ ...q, date: '2026-07-01' })).toBe(1550);
    expect(api.term({ ...q, date: '2026-12-31' })).toBe(1550);
    expect(api.term({ ...q, date: '2027-01-01' })).toBe(1640);
    expect(api.term({ ...q, date: '2027-06-30' })).toBe(1640);
    expect(api.term({ ...q, key: 'single', date: '2027-02-15' })).toBe(760);
    // a year without a change answers with or without a date
    expect(api.term({ ...q, year: '2025-26' })).toBe(1500);
    expect(api.term({ contract: S, term: 'night-differential', year: '2026-27', date: '2027-03-01' })).toBe(0.85);
    expect(api.term({ contract: S, term: 'night-differential', year: '2026-27', date: '2027-02-28' })).toBe(0.75);
  });
  test('a date outside the school year is refused', () => {
    expect(failure(api.term({ ...q, date: '2027-07-01' })).message).toBe('the date 2027-07-01 is not in the school year 2026-27 (2026-07-01 to 2027-06-30)');
  });
  test('TERM.SOURCE says which value is in force and cites the change', () => {
    expect(api.term({ ...q, date: '2027-03-01' }, { explain: true })).toMatch(/on 2027-03-01: the value from 2027-01-01 .*Family, 2026-27: \$1,640\/month \(Lakeshore Master Agreement 2025-2027 \(synthetic\), Art\. XIX Sec\. 2\.b, p\. 30/);
  });
});

describe('COST and PROJECT: hand-worked totals', () => {
  const teacher: RosterRow = { id: 'T1', contract: T, lane: 'MA', step: '3', fte: 1, coverage: 'Family', yearsOfService: 6, stipends: [{ activity: 'Yearbook', role: 'Advisor', seasons: 3 }] };
  test('a teacher: index-ratio salary, a stipend, insurance blended by months, the 403(b) match', () => {
    const t = api.projectTable({ contract: T, roster: [teacher], years: Y, rates: noTaxes });
    if (t instanceof Failure) throw new Error(t.message);
    const col = (name: string) => t[0].indexOf(name);
    // 2025-26: MA step 3 50,820; Yearbook year 3 1,680; Family 12 × 1,500 = 18,000; match (6 years) 1,000
    //   benefits 18,000 + 1,000 = 19,000; total 50,820 + 1,680 + 19,000 = 71,500
    // 2026-27: one step: MA step 4 54,291; Yearbook year 4 2,163; Family 6 × 1,550 + 6 × 1,640 = 19,140; match 1,000
    //   benefits 19,140 + 1,000 = 20,140; total 54,291 + 2,163 + 20,140 = 76,594
    expect(t.slice(1).map((r) => [r[col('year')], r[col('step')], r[col('salary')], r[col('stipends')], r[col('employer benefits')], r[col('total cost')]])).toEqual([
      ['2025-26', '3', 50820, 1680, 19000, 71500],
      ['2026-27', '4', 54291, 2163, 20140, 76594],
    ]);
    expect(String(t[2][col('notes')])).toContain('changes during the year, costed by the months each value is in force: $1,550.00 a month × 6 months from July 1 (Lakeshore Master Agreement 2025-2027 (synthetic), Art. XIX Sec. 2.a, p. 30');
    expect(String(t[2][col('notes')])).toContain('+ $1,640.00 a month × 6 months from 2027-01-01');
    expect(String(t[2][col('notes')])).toContain('= $19,140.00');
  });
  test('COST: the summary of the same roster', () => {
    const rows = api.costSummary({ contract: T, roster: [teacher], years: Y, rates: noTaxes });
    if (rows instanceof Failure) throw new Error(rows.message);
    const row = (label: string) => rows.find((r) => r[0] === label)!.slice(1);
    expect(row('Health insurance (employer)')).toEqual([18000, 19140]);
    expect(row('403(b) match')).toEqual([1000, 1000]);
    expect(row('Total cost')).toEqual([71500, 76594]);
    // 76,594 - 71,500 = 5,094
    expect(row('Increase over the year before')).toEqual([null, 5094]);
  });
  test('an hourly support employee: rate × hours, one step a year, FICA and Medicare', () => {
    const rates = employerRates({ parameters: [] }, { 'fica-oasdi-employer': 6.2, 'medicare-employer': 1.45, 'fica-oasdi-wage-base': 200000 });
    const t = api.projectTable({ contract: S, roster: [{ id: 'E1', contract: S, position: 'Clerical', step: '3', hours: 1440, fte: 1 }], years: Y, rates });
    if (t instanceof Failure) throw new Error(t.message);
    const col = (name: string) => t[0].indexOf(name);
    // 2025-26: 21.70 × 1,440 = 31,248.00; FICA 6.2% = 1,937.376 -> 1,937.38; Medicare 1.45% = 453.096 -> 453.10;
    //   benefits 2,390.48; total 33,638.48
    // 2026-27: step 4: 23.18 × 1,440 = 33,379.20; FICA 2,069.5104 -> 2,069.51; Medicare 484.00 (33,379.20 × 0.0145);
    //   benefits 2,553.51; total 35,932.71
    expect(t.slice(1).map((r) => [r[col('step')], r[col('salary')], r[col('employer benefits')], r[col('total cost')]])).toEqual([
      ['3', 31248, 2390.48, 33638.48],
      ['4', 33379.2, 2553.51, 35932.71],
    ]);
  });
});

describe('PROFILE', () => {
  test('the teachers: the index-ratio cells are the schedule', () => {
    const p = api.profile({ contract: T, year: '2026-27' });
    if (p instanceof Failure) throw new Error(p.message);
    const m = (id: string) => p.metrics.find((x) => x.id === id)!;
    // starting BA 43,260 (1.000); MA 48,451 (1.120); BA maximum: BA step 4 = 43,260 × 1.135 = 49,100.10 -> 49,100;
    // maximum: MA+30 step 5 = 43,260 × (1.180 + 0.180) = 43,260 × 1.36 = 58,833.60 -> 58,834, reached in year 5
    expect([m('start-ba').value, m('start-ma').value, m('ba-max').value, m('max').value, m('years-to-max').value]).toEqual([43260, 48451, 49100, 58834, 5]);
    expect(m('start-ba').how).toContain('(Lakeshore Master Agreement 2025-2027 (synthetic), Schedule A, p. 32 <https://example.org/');
  });
  test('the support staff: no salary schedule, so no profile, and why', () => {
    const f = failure(api.profile({ contract: S, year: '2026-27' }));
    expect(f.code).toBe('NA');
    expect(f.message).toMatch(/^lakeshore\/support has no annual salary schedule, so it has no contract profile/);
  });
});

describe('citations by section and page (src/format.ts)', () => {
  const sources = { sources: [{ file: 'a.pdf', title: 'Agreement A' }, { file: '001_x.txt', title: 'Master Agreement', url: 'https://example.org/ma' }] };
  test('citeText: the title, then the section and page or the line', () => {
    expect(citeText(sources, 'a.pdf#Art. IX Sec. 2, p. 14')).toBe('Agreement A, Art. IX Sec. 2, p. 14');
    expect(citeText(sources, '001_x.txt:993')).toBe('Master Agreement, line 993 [001_x.txt:993] <https://example.org/ma>');
    expect(citeText(sources, '001_x.txt:10-12')).toBe('Master Agreement, lines 10-12 [001_x.txt:10-12] <https://example.org/ma>');
    expect(citeText(sources, 'other.txt:5')).toBe('other.txt:5');
  });
  test('citeAll renders each citation of a text once, and only the sources listed', () => {
    const once = citeAll(sources, 'x (a.pdf#Sec. 2, p. 3); y (001_x.txt:9), z other.txt:5');
    expect(once).toBe('x (Agreement A, Sec. 2, p. 3); y (Master Agreement, line 9 [001_x.txt:9] <https://example.org/ma>), z other.txt:5');
    expect(citeAll(sources, once)).toBe(once);
  });
});

describe('hostile variants are refused whole, each problem at its path', () => {
  const edit = (name: string, change: (f: any) => void) => {
    const f = JSON.parse(text(name));
    change(f);
    const r = new ContractRegistry();
    try {
      r.load([{ name, content: JSON.stringify(f) }]);
    } catch (e) {
      expect(r.ids()).toEqual([]);
      return (e as ContractLoadError).problems.map((p) => `${p.path}: ${p.reason}`);
    }
    throw new Error('loaded');
  };
  test('a range whose maximum is below its minimum', () => {
    expect(edit('lakeshore-support.json', (f) => (f.schedules[1].tables[0].rows[3].values = [33.5, 27]))).toEqual([
      'schedules[1].tables[0]: Grade 4 in 2025-26: the maximum 27 is below the minimum 33.5',
    ]);
  });
  test('a range schedule without its ends, or without saying what it pays', () => {
    expect(edit('lakeshore-support.json', (f) => {
      delete f.schedules[1].pay;
      f.schedules[1].steps[1].kind = 'min';
    })).toEqual([
      'schedules[1].pay: a range schedule says whether its amounts are annual salaries or hourly rates (pay: "annual" or "hourly")',
    ]);
  });
  test('min and max steps on an hourly schedule', () => {
    expect(edit('lakeshore-support.json', (f) => (f.schedules[0].steps[0].kind = 'min'))).toEqual([
      'schedules[0].steps[0].kind: "min" marks an end of a range schedule; this schedule is hourly',
    ]);
  });
  test('a dated value in another year, at the year start, or without the year\'s starting value', () => {
    expect(edit('lakeshore-teachers.json', (f) => (f.terms[0].values[3].from = '2027-07-01'))).toEqual([
      'terms[0].values[3].years: a value from 2027-07-01 states one year, the school year that date falls in (2027-28)',
    ]);
    expect(edit('lakeshore-teachers.json', (f) => (f.terms[0].values[3].from = '2026-07-01'))).toEqual([
      'terms[0].values[3].from: 2026-07-01 is the start of the school year: state the value for the year, without from',
    ]);
    expect(edit('lakeshore-teachers.json', (f) => f.terms[0].values.splice(2, 1))).toEqual([
      'terms[0].values[2]: a value from 2027-01-01 changes the year\'s value: state the value in force at the start of 2026-27 too (the same key and tier, without from)',
    ]);
    expect(edit('lakeshore-teachers.json', (f) => (f.terms[0].values[3].from = '2027-01-15'))[0]).toMatch(/^terms\[0\]\.values\[3\]\.from: "2027-01-15" does not match/);
  });
  test('a schedule alias used twice, a citation of an unlisted source, a locator with a bracket', () => {
    expect(edit('lakeshore-teachers.json', (f) => {
      f.schedules[1].aliases = ['Teachers'];
      f.schedules[1].cite = 'other.pdf#Schedule B, p. 33';
      f.schedules[1].tables[0].cite = 'lakeshore-teachers-2025-27.pdf#Schedule B (p. 33)';
    })).toEqual([
      'schedules[1].tables[0].cite: "lakeshore-teachers-2025-27.pdf#Schedule B (p. 33)" is not a citation: write "file:line", "file:first-last" or "file#section, page" (e.g. "agreement.pdf#Art. IX Sec. 2, p. 14"), with a file listed in sources; a section and page hold no # ( ) [ ] ;',
    ]);
    expect(edit('lakeshore-teachers.json', (f) => {
      f.schedules[1].aliases = ['Teachers'];
      f.schedules[1].cite = 'other.pdf#Schedule B, p. 33';
    })).toEqual([
      'schedules[1].cite: cites "other.pdf", which is not listed in sources (lakeshore-teachers-2025-27.pdf)',
      'schedules[1].aliases[0]: "Teachers" already names schedules[0] ("teachers"); schedule ids, titles and aliases must be unique ignoring case and spaces',
    ]);
  });
});

describe('dates as TERM reads them (functions/reading.ts, the one date reader of the reading policy)', () => {
  test('an ISO date or an Excel serial; Excel counts 1900-02-29, so serial 61 is 1900-03-01', () => {
    expect(readDate('2027-01-15', 'date')).toBe('2027-01-15');
    // 46,037 days after 1899-12-30: 2026-01-15 (Excel shows 46037 formatted as a date as 1/15/2026)
    expect(readDate(46037, 'date')).toBe('2026-01-15');
    expect(readDate(61, 'date')).toBe('1900-03-01');
    expect((readDate('2027-02-29', 'date') as Failure).message).toBe('date: "2027-02-29" is not a date that exists; give a date cell, or a date written 1987-08-20 or 8/20/1987');
  });
  test('the school year and its month (July first) a date falls in', () => {
    expect([schoolYearOf('2026-07-01'), schoolYearOf('2027-06-30'), schoolYearOf('2027-01-01')]).toEqual(['2026-27', '2026-27', '2026-27']);
    expect([monthOfSchoolYear('2026-07-01'), monthOfSchoolYear('2027-01-01'), monthOfSchoolYear('2027-06-01')]).toEqual([0, 6, 11]);
  });
});
