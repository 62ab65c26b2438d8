/**
 * What the Contracts view shows and exports, from the engine's API (src/contract-tables.ts, citeText) through the
 * pane's pure helpers (taskpane/grid.ts). Values from the documents (file:line) or worked by hand.
 */
import { ContractApi, Failure } from '../../src/api';
import type { ContractTables, ScheduleGrid } from '../../src/api';
import { defaultEngine } from '../../src/index';
import { cellText, money, scheduleTable, stipendPlainTable, tableCsv, termText, termsPlainTable } from '../../taskpane/grid';

const api = new ContractApi(defaultEngine());
function ok<T>(v: T | Failure): T {
  if (v instanceof Failure) throw new Error(v.message);
  return v;
}
const grid = (contract: string, year: string, schedule?: string): ScheduleGrid => ok(api.schedule({ contract, year, schedule }));
const tables = (contract: string, year: string): ContractTables => ok(api.contractTables({ contract, year }));

describe('schedule grids as shown and exported', () => {
  test('amounts keep the places of their rounding rule: whole dollars for salaries, cents for hourly wages', () => {
    expect(money(52812, 0)).toBe('52,812');
    expect(money(36, 2)).toBe('36.00');
    const k12 = grid('waconia/teachers', '2025-26');
    expect(k12.places).toBe(0);
    // 004:4960: BA+60/MA step B, 2025-26
    expect(cellText(k12.rows[0].cells[k12.lanes.indexOf('BA+60/MA')], k12.places)).toBe('52,812');
    const custodial = grid('waconia/custodial', '2025-26');
    expect(custodial.places).toBe(2);
    const night = custodial.rows.find((r) => r.label === 'Night Leads / Groundskeeper')!;
    // 004:7288: Night Leads / Groundskeeper, Step 10, 2025-26: 25.00
    expect(cellText(night.cells[custodial.lanes.indexOf('10')], custodial.places)).toBe('25.00');
  });

  test("the row labels' column is named by the schedule's own axis: Position for the custodians, Step for teachers", () => {
    expect(scheduleTable(grid('waconia/custodial', '2025-26')).rows[0][0]).toBe('Position');
    expect(scheduleTable(grid('waconia/teachers', '2025-26')).rows[0][0]).toBe('Step');
  });

  test('derived cells (the ECFE career row) are exported as values, to the cent, in the sheet table and the CSV', () => {
    const ecfe = grid('waconia/teachers', '2024-25', 'ecfe');
    const t = scheduleTable(ecfe);
    // 004:2938: Step 6 + 2.5% from 2024-25. 35.12 x 1.025 = 35.998 -> 36.00; 37.97 x 1.025 = 38.91925 -> 38.92 (004:2935)
    const career = t.rows.findIndex((r) => r[0] === 'Career');
    expect(t.rows[career]).toEqual(['Career', 36, 38.92]);
    expect(t.formats[career]).toEqual(['@', '#,##0.00', '#,##0.00']);
    expect(ecfe.rows.find((r) => r.label === 'Career')!.cells.map((c) => c.status)).toEqual(['derived', 'derived']);
    expect(tableCsv(t)).toContain('\r\nCareer,36,38.92\r\n');
  });

  test('a closed cell exports as NONE and an empty one as nothing (Anoka-Hennepin 2005-06)', () => {
    const t = scheduleTable(grid('anoka-hennepin/teachers', '2005-06'));
    const cells = t.rows.slice(1).flatMap((r) => r.slice(1));
    expect(cells).toContain('NONE');
    expect(cells.every((v) => typeof v === 'number' || v === 'NONE' || v === '')).toBe(true);
  });

  test('a CSV field a spreadsheet would run as a formula is defused', () => {
    const csv = tableCsv({ name: 'x', rows: [['=1+1', '+15', 3]], formats: [['@', '@', 'General']], citation: 'Source: x' });
    expect(csv).toBe("'=1+1,'+15,3\r\n\r\nSource: x\r\n");
  });
});

describe('stipends and named terms for a year', () => {
  test('Anoka-Hennepin 2005-06: a Level A head coach is paid the printed 5,408 (001:1078), not derived', () => {
    const st = tables('anoka-hennepin/teachers', '2005-06').stipends!;
    const football = st.rows.find((r) => r.activity === 'Football' && r.role === 'Head Coach')!;
    expect(football.cells[0]).toMatchObject({ value: 5408, derived: false, cite: '001_568af6eb86bfbaf6.txt:1078' });
  });

  test('Waconia 2025-26: cross country head coach, step 1, is 11% of BA+15 step D, derived', () => {
    const st = tables('waconia/teachers', '2025-26').stipends!;
    // 004:3097: 11.0% at step 1; BA+15 step D 2025-26 is 50,489 (004:4962): 5,553.79 -> 5,554 (whole dollars)
    const head = st.rows.find((r) => r.activity === 'Cross Country' && r.role === 'Head')!;
    expect(head.cells[0]).toMatchObject({ value: 5554, derived: true });
    const plain = stipendPlainTable(st, 'waconia/teachers', '2025-26');
    expect(plain.rows[0].slice(0, 3)).toEqual(['Activity', 'Role', 'Step 1']);
    expect(plain.rows.find((r) => r[0] === 'Cross Country' && r[1] === 'Head')![2]).toBe(5554);
  });

  test('custodial terms 2025-26: overtime at one and one-half times (004:6820), with its citation', () => {
    const terms = tables('waconia/custodial', '2025-26').namedTerms;
    const overtime = terms.find((t) => t.id === 'overtime-multiplier')!;
    expect(overtime).toMatchObject({ amount: 1.5, unit: 'multiplier', cite: '004_95c67c5f7895ec64.txt:6820' });
    expect(termText(overtime)).toBe('1.5 multiplier');
    const plain = termsPlainTable(terms, 'waconia/custodial', '2025-26');
    expect(plain.rows[0]).toEqual(['Term', 'Id', 'Key', 'Condition', 'Amount', 'Up to', 'Unit', 'Citation']);
  });

  test('a year the contract does not cover is refused with its years', () => {
    const r = api.contractTables({ contract: 'waconia/teachers', year: '2019-20' });
    expect(r).toBeInstanceOf(Failure);
    expect((r as Failure).message).toMatch(/does not cover 2019-20; its years: 2023-24, 2024-25, 2025-26, 2026-27/);
  });
});

describe('citations a reader can follow', () => {
  test("the source document's title and the line, the machine citation kept in brackets", () => {
    expect(ok(api.citation({ contract: 'waconia/teachers', cite: '004_95c67c5f7895ec64.txt:4960' }))).toBe(
      'ISD 110 School Board regular meeting packet, 26 August 2024 (tentative agreements, redlined master agreements 2023-25 and 2025-27), line 4960 [004_95c67c5f7895ec64.txt:4960]',
    );
    expect(ok(api.citation({ contract: 'anoka-hennepin/teachers', cite: '001_568af6eb86bfbaf6.txt:1062-1244' }))).toMatch(/, lines 1062-1244 \[001_568af6eb86bfbaf6\.txt:1062-1244\]$/);
    expect(ok(api.citation({ contract: 'waconia/teachers', cite: 'elsewhere.txt:3' }))).toBe('elsewhere.txt:3');
  });

  test('the self-check through the API: each finding with both citations (ECFE 2025-26 step 2, 004:4856 and 004:1815)', () => {
    const report = ok(api.selfCheck({ contract: 'waconia/teachers' }));
    const f = report.findings.find((x) => x.schedule === 'ecfe' && x.year === '2025-26' && x.step === '2' && x.lane === 'Teacher w/M.A.')!;
    // 33.32 (004:2931) x 1.03 = 34.3196 -> 34.32; 004:4856 prints 34.52
    expect(f).toMatchObject({ printed: 34.52, derived: 34.32, printedCite: '004_95c67c5f7895ec64.txt:4856', ruleCite: '004_95c67c5f7895ec64.txt:1815' });
  });
});
