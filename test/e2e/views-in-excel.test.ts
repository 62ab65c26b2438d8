/**
 * The Budget and Payroll audit views inside Excel (the fake object model of test/support/fake-excel.ts served as
 * office.js), as a user works them: select the table on a sheet, read it, check the guessed columns, make the sheet.
 * The sheets' formulas are checked as text (their values are the functions', tested in test/workbook); the audit's
 * findings, computed by the pane, against the 2025-26 schedule (004_95c67c5f7895ec64.txt:4960-4982).
 */
import type { Page } from 'playwright-core';
import { fakeOfficeScript } from '../support/fake-excel';
import { paneSession } from './helpers';

jest.setTimeout(60_000);

const FAKE_OFFICE_JS = fakeOfficeScript({ sheets: ['Roster', 'Payroll'], selection: 'A1' });

const ROSTER = [['Employee ID', 'Name', 'Lane', 'Step', 'FTE'], ['A', 'Teacher A', 'MA+15', 'C', 1], ['B', 'Teacher B', 'BA+15', 'D', 0.5]];
const PAYROLL = [
  ['Employee ID', 'Lane', 'Step', 'FTE', 'School year', 'Amount paid'],
  ['P002', 'MA+15', 'H', 1, '2025-26', 64654], // 004:4966
  ['P003', 'MA+15', 'H', 1, '2025-26', 62771], // 2024-25's MA+15 H (004:3061)
];

describe('Budget and Payroll audit views inside Excel (fake office.js)', () => {
  let page: Page;
  const fake = <T,>(expr: string): Promise<T> => page.evaluate(expr) as Promise<T>;
  const put = (sheet: string, rows: unknown[][]) =>
    page.evaluate(([s, m]) => (m as unknown[][]).forEach((row, r) => row.forEach((v, c) => ((window as any).__fake.cell(r, c, s).value = v))), [sheet, rows] as const);

  paneSession(async (s) => {
    page = s.page;
    const { baseUrl } = s;
    await page.route('**/assets/office.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_OFFICE_JS }));
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.getByRole('tab', { name: 'Budget' }).waitFor();
  });

  test('Budget: the selected roster becomes a Budget sheet of live formulas over exact ranges', async () => {
    await put('Roster', ROSTER);
    await fake("__fake.select('Roster!A1:E3')");
    await page.getByRole('tab', { name: 'Budget' }).click();
    const view = page.locator('#view-budget');
    await view.getByRole('button', { name: 'Read the selected range' }).click();
    await view.getByText("Roster!A1:E3: 2 rows below the header").waitFor();
    await view.getByLabel("Roster's year (first)").selectOption('2024-25');
    await view.getByLabel('Last year').selectOption('2025-26');
    await view.getByRole('button', { name: 'Make the Budget sheet' }).click();
    await view.getByRole('status').filter({ hasText: 'Wrote the sheet "Budget"' }).waitFor();
    // the mapped roster (id, lane, step, fte; the names left out) as a table, a SALARY per row, the total
    await expect(fake("__fake.valuesAt('Budget!A1:D3')")).resolves.toEqual([['id', 'lane', 'step', 'fte'], ['A', 'MA+15', 'C', 1], ['B', 'BA+15', 'D', 0.5]]);
    await expect(fake('__fake.tables.map(t => t.address)')).resolves.toEqual(['Budget!A1:D3']);
    await expect(fake("__fake.at('Budget!E2').formula")).resolves.toBe('=CONTRACT.SALARY(B2,C2,"2024-25","waconia/teachers",IF(D2="",1,D2))');
    await expect(fake("__fake.at('Budget!E4').formula")).resolves.toBe('=SUM(E2:E3)');
    await expect(fake("__fake.at('Budget!G1').formula")).resolves.toBe('=CONTRACT.COST($A$1:$D$3,"2024-25:2025-26","waconia/teachers")');
    await expect(fake("__fake.activeSheet")).resolves.toBe('Budget');
    // and the pane shows the same cost it wrote the formulas for
    await page.getByRole('table', { name: 'Cost, waconia/teachers' }).getByText('83,744.50').waitFor();
  });

  test('Payroll audit: the selected payroll becomes an Audit sheet with AUDIT beside it, mismatches filled', async () => {
    await put('Payroll', PAYROLL);
    await fake("__fake.select('Payroll!A1:F3')");
    await page.getByRole('tab', { name: 'Payroll audit' }).click();
    const view = page.locator('#view-audit');
    await view.getByRole('button', { name: 'Read the selected range' }).click();
    await view.getByText('Payroll!A1:F3: 2 rows below the header').waitFor();
    await view.getByRole('button', { name: 'Make the Audit sheet' }).click();
    await view.getByRole('status').filter({ hasText: 'Wrote the sheet "Audit"' }).waitFor();
    await expect(fake("__fake.valuesAt('Audit!A1:F1')")).resolves.toEqual([['id', 'paid', 'lane', 'step', 'year', 'fte']]);
    await expect(fake("__fake.at('Audit!H2').formula")).resolves.toBe('=CONTRACT.AUDIT(B2:B3,C2:C3,D2:D3,E2:E3,F2:F3,"waconia/teachers")');
    await expect(fake("__fake.at('Audit!K2').value")).resolves.toMatch(/004_95c67c5f7895ec64\.txt:4966/);
    await expect(fake("__fake.at('Audit!A3').fill")).resolves.toBe('#FFE0B2'); // P003, paid on last year's schedule
    await expect(fake("__fake.at('Audit!A2').fill")).resolves.toBeUndefined();
    await expect(fake("__fake.valuesAt('Audit!A7:C9')")).resolves.toEqual([
      ['kind', 'lines', 'difference (paid − expected)'],
      ['matches the contract', 1, 0],
      ["another year's schedule", 1, -1883], // 62,771 − 64,654
    ]);
  });
});
