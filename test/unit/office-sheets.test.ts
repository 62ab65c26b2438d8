/**
 * The Budget and Payroll audit views' writes inside Excel, against the fake object model (test/support/fake-excel.ts):
 * a new sheet, the table of the roster or payroll, live formulas over exact ranges (never whole columns), number
 * formats, the total, the highlighted lines and the summary. Formulas are checked as text: their values are the
 * functions' own, tested in test/workbook.
 */
import { installFakeOffice } from '../support/fake-excel';
import type { FakeExcel } from '../support/fake-excel';
import { readSelectedRange, writeAuditSheet, writeBudgetSheet, writeValuesSheet } from '../../taskpane/office-sheets';

let fake: FakeExcel;
beforeEach(() => {
  fake = installFakeOffice(globalThis, { sheets: ['Sheet1', 'Budget'] });
});

const ROSTER = [['id', 'lane', 'step', 'fte'], ['A', 'MA+15', 'C', 1], ['B', 'BA+15', 'D', 0.5]];
const SUMMARY = [['', '2024-25', '2025-26'], ['Employees', 2, 2], ['Salaries', 79052, 83744.5], ['Package % (increase / total the year before)', null, 0.0386]];
const PROJECT = [
  ['id', 'year', 'contract', 'lane / position', 'step', 'mid-year step', 'FTE', 'salary', 'total cost', 'notes'],
  ['A', '2024-25', 'waconia/teachers', 'MA+15', 'C', '', 1, 54543, 60000, ''],
];

test('readSelectedRange gives the selection with empty cells as null, and refuses a single row', async () => {
  fake.cell(0, 0).value = 'id';
  fake.cell(0, 1).value = 'lane';
  fake.cell(1, 0).value = 'A';
  fake.select('A1:B2');
  await expect(readSelectedRange()).resolves.toEqual({ address: 'Sheet1!A1:B2', values: [['id', 'lane'], ['A', null]] });
  fake.select('A1:B1');
  await expect(readSelectedRange()).rejects.toThrow(/single row; select the whole table, its header row first/);
});

test('writeBudgetSheet: a new sheet (Budget is taken), the roster table, a SALARY per row, the total, COST and PROJECT over the exact range', async () => {
  const name = await writeBudgetSheet({ roster: ROSTER, contract: 'waconia/teachers', years: ['2024-25', '2025-26'], summary: SUMMARY, project: PROJECT });
  expect(name).toBe('Budget 2');
  expect(fake.valuesAt('Budget 2!A1:D3')).toEqual(ROSTER);
  expect(fake.tables).toEqual([expect.objectContaining({ sheet: 'Budget 2', address: "'Budget 2'!A1:D3", hasHeaders: true })]);
  expect(fake.at('Budget 2!E1').value).toBe('salary 2024-25');
  expect(fake.at('Budget 2!E2').formula).toBe('=CONTRACT.SALARY(B2,C2,"2024-25","waconia/teachers",IF(D2="",1,D2))');
  expect(fake.at('Budget 2!E3').formula).toBe('=CONTRACT.SALARY(B3,C3,"2024-25","waconia/teachers",IF(D3="",1,D3))');
  expect(fake.at('Budget 2!E4').formula).toBe('=SUM(E2:E3)');
  expect(fake.at('Budget 2!E4').numberFormat).toBe('#,##0.00');
  expect(fake.at('Budget 2!D3').numberFormat).toBe('0.00');
  // COST two columns right of the roster and its salary column; PROJECT below COST's rows
  expect(fake.at('Budget 2!G1').formula).toBe('=CONTRACT.COST($A$1:$D$3,"2024-25:2025-26","waconia/teachers")');
  expect(fake.at('Budget 2!H3').numberFormat).toBe('#,##0.00');
  expect(fake.at('Budget 2!I4').numberFormat).toBe('0.00%');
  expect(fake.at('Budget 2!H2').numberFormat).toBe('0');
  expect(fake.at('Budget 2!G7').formula).toBe('=CONTRACT.PROJECT($A$1:$D$3,"2024-25:2025-26","waconia/teachers")');
  expect(fake.at('Budget 2!N8').numberFormat).toBe('#,##0.00'); // PROJECT's salary column
  expect(fake.activeSheet).toBe('Budget 2');
  // never a whole column
  const formulas = Object.values(fake.sheets['Budget 2']).map((c) => String(c.formula)).filter((f) => f.startsWith('='));
  expect(formulas.filter((f) => /\b[A-Z]+:[A-Z]+\b/.test(f.replace(/"[^"]*"/g, '')))).toEqual([]);
});

test('writeBudgetSheet: hourly staff are costed by HOURLY × hours, a row\'s own contract first', async () => {
  const roster = [['id', 'contract', 'lane', 'position', 'step', 'hours'], ['C1', 'waconia/custodial', null, 'Custodian', '3', 2080]];
  await writeBudgetSheet({ roster, contract: 'waconia/teachers', years: ['2024-25'], summary: SUMMARY.map((r) => r.slice(0, 2)), project: PROJECT });
  expect(fake.at('Budget 2!G2').formula).toBe(
    '=IF(C2<>"",CONTRACT.SALARY(C2,E2,"2024-25",IF(B2="","waconia/teachers",B2)),CONTRACT.HOURLY(D2,E2,"2024-25",IF(B2="","waconia/teachers",B2))*F2)');
  expect(fake.at('Budget 2!I1').formula).toBe('=CONTRACT.COST($A$1:$F$2,"2024-25","waconia/teachers")');
});

test('writeAuditSheet: the payroll table, AUDIT beside it over the exact columns, citations, the lines that differ filled, the summary', async () => {
  const payroll = [['id', 'lane', 'step', 'year', 'fte', 'paid'], ['P002', 'MA+15', 'H', '2025-26', 1, 64654], ['P003', 'MA+15', 'H', '2025-26', 1, 62771]];
  const name = await writeAuditSheet({
    payroll,
    contract: 'waconia/teachers',
    citations: ['004_95c67c5f7895ec64.txt:4966', '004_95c67c5f7895ec64.txt:4966'],
    differ: [3],
    summary: [['matches the contract', 1, 0], ["another year's schedule", 1, -1883]],
  });
  expect(name).toBe('Audit');
  expect(fake.valuesAt('Audit!H1:K1')).toEqual([['expected', 'difference', 'reason', 'citation']]);
  expect(fake.at('Audit!H2').formula).toBe('=CONTRACT.AUDIT(F2:F3,B2:B3,C2:C3,D2:D3,E2:E3,"waconia/teachers")');
  expect(fake.at('Audit!H3').numberFormat).toBe('#,##0.00');
  expect(fake.at('Audit!K2').value).toBe('004_95c67c5f7895ec64.txt:4966');
  expect(fake.at('Audit!A3').fill).toBe('#FFE0B2');
  expect(fake.at('Audit!K3').fill).toBe('#FFE0B2');
  expect(fake.at('Audit!A2').fill).toBeUndefined();
  expect(fake.at('Audit!A6').value).toBe('Summary (as computed when this sheet was made)');
  expect(fake.valuesAt('Audit!A7:C9')).toEqual([['kind', 'lines', 'difference (paid − expected)'], ['matches the contract', 1, 0], ["another year's schedule", 1, -1883]]);
  expect(fake.at('Audit!C9').numberFormat).toBe('#,##0.00');
});

test('writeValuesSheet: blocks one below the other, formats per row, the proposals table as an Excel table', async () => {
  const name = await writeValuesSheet('Negotiation', [
    { rows: [['', 'District', 'Union'], ['2025-26: salaries', 82931.5, 83744.5], ['2025-26: package %', 0.0351, null]], formats: [undefined, '#,##0.00', '0.00%'] },
    { rows: [['proposal', 'year', 'schedule %'], ['Union', '2025-26', '3%']], table: true },
  ]);
  expect(name).toBe('Negotiation');
  expect(fake.valuesAt('Negotiation!A1:C3')).toEqual([['', 'District', 'Union'], ['2025-26: salaries', 82931.5, 83744.5], ['2025-26: package %', 0.0351, '']]);
  expect(fake.at('Negotiation!B2').numberFormat).toBe('#,##0.00');
  expect(fake.at('Negotiation!B3').numberFormat).toBe('0.00%');
  expect(fake.at('Negotiation!C5').value).toBe('schedule %');
  expect(fake.at('Negotiation!C6').numberFormat).toBe('@'); // "3%" stays the text the proposals table reads
  expect(fake.tables.map((t) => t.address)).toEqual(['Negotiation!A5:C6']);
});
