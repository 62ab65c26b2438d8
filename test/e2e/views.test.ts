/**
 * The Budget, Payroll audit and Negotiation views, standalone in headless Chromium, as a user works them: upload a
 * CSV or an .xlsx (or take the sample), check the guessed columns, compute, compare, download the .xlsx and open it
 * with exceljs; at 320 px nothing scrolls sideways; no request leaves 127.0.0.1. Screenshots: view-budget.png,
 * view-audit.png, view-negotiation.png.
 *
 * The roster is the two Waconia teachers hand-worked in test/unit/costing.test.ts: MA+15 C full time and BA+15 D half
 * time, placed in 2024-25 (004_95c67c5f7895ec64.txt:3056-3057).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import type * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, closeServer, ensureBuilt, guardedPage, launchChromium, serveDist } from './helpers';

jest.setTimeout(60_000);

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-views-'));
const ROSTER_CSV = path.join(TMP, 'two-teachers.csv');
const ROSTER_XLSX = path.join(TMP, 'two-teachers.xlsx');
// headers as a payroll system might spell them: guessed by the reading policy's aliases ("Employee ID" is id)
fs.writeFileSync(ROSTER_CSV, 'Employee ID,Name,Lane,Step,FTE\r\nA,Teacher A,MA+15,C,1\r\nB,Teacher B,BA+15,D,0.5\r\n');

/** COST's salary row (src/costing/components.ts) */
const SALARIES = 'Salaries (schedule placement × FTE, hourly pay)';

/** The rendered table with this accessible name, as { row header: cells }. */
async function tableRows(page: Page, name: string): Promise<Record<string, string[]>> {
  return page.getByRole('table', { name }).evaluate((t: HTMLTableElement) => {
    const out: Record<string, string[]> = {};
    for (const row of Array.from(t.tBodies[0].rows)) {
      const [head, ...cells] = Array.from(row.cells);
      out[head.textContent!.trim()] = cells.map((c) => c.textContent!.trim());
    }
    return out;
  });
}

async function openDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; wb: ExcelJS.Workbook }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  return { name: download.suggestedFilename(), wb };
}

/** The page is no wider than the viewport: nothing scrolls sideways. */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('Budget, Payroll audit and Negotiation views (standalone)', () => {
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let offHost: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    ensureBuilt();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Staff').addRows([['Employee ID', 'Name', 'Lane', 'Step', 'FTE'], ['A', 'Teacher A', 'MA+15', 'C', 1], ['B', 'Teacher B', 'BA+15', 'D', 0.5]]);
    await wb.xlsx.writeFile(ROSTER_XLSX);
    let baseUrl: string;
    ({ server, baseUrl } = await serveDist());
    browser = await launchChromium();
    ({ page, offHost, pageErrors } = await guardedPage(browser));
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.getByRole('tab', { name: 'Budget' }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
    fs.rmSync(TMP, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(offHost.splice(0)).toEqual([]);
    expect(pageErrors.splice(0)).toEqual([]);
  });

  test('Budget: an uploaded CSV, its columns guessed, costed 2024-25 to 2025-26 as hand-worked', async () => {
    await page.getByRole('tab', { name: 'Budget' }).click();
    const view = page.locator('#view-budget');
    await view.getByLabel('Upload a roster (CSV or .xlsx)').setInputFiles(ROSTER_CSV);
    await view.getByText('two-teachers.csv: 2 rows below the header').waitFor();
    // the guesses: id from "Employee ID", lane, step, fte; "Name" is left out
    await expect(view.getByLabel('id', { exact: true }).inputValue()).resolves.toBe('0');
    await expect(view.getByLabel('lane', { exact: true }).inputValue()).resolves.toBe('2');
    await expect(view.getByLabel('fte', { exact: true }).inputValue()).resolves.toBe('4');
    await view.getByLabel("Roster's year (first)").selectOption('2024-25');
    await view.getByLabel('Last year').selectOption('2025-26');
    await view.getByRole('button', { name: 'Compute the budget' }).click();
    const rows = await tableRows(page, 'Cost, waconia/teachers');
    // 54,543 + 49,018 × 0.5 = 79,052 (004:3056-3057); 57,781 + 51,927 × 0.5 = 83,744.50 (004:4962-4963)
    expect(rows[SALARIES]).toEqual(['79,052.00', '83,744.50']);
    expect(rows['Employees']).toEqual(['2', '2']);
    // the increase split, hand-worked in test/unit/costing.test.ts (rate-independent parts)
    expect(rows['schedule improvement']).toEqual(['', '2,439.00']);
    expect(rows['step and lane movement']).toEqual(['', '2,253.50']);
    const { name, wb } = await openDownload(page, () => view.getByRole('button', { name: 'Download .xlsx' }).click());
    expect(name).toBe('budget-waconia-teachers-2024-25-2025-26.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cost', 'Projection', 'Roster', 'About']);
    const cost = wb.getWorksheet('Cost')!;
    const salaries = cost.getColumn(1).values.findIndex((v) => v === SALARIES);
    expect([cost.getCell(salaries, 2).value, cost.getCell(salaries, 3).value]).toEqual([79052, 83744.5]);
    expect(cost.getCell(salaries, 3).numFmt).toBe('#,##0.00');
    const proj = wb.getWorksheet('Projection')!;
    expect(proj.getRow(1).values).toEqual(expect.arrayContaining(['id', 'year', 'lane / position', 'step']));
    expect(proj.rowCount).toBe(5); // header + 2 employees × 2 years
    await page.screenshot({ path: path.join(SHOTS, 'view-budget.png'), fullPage: true });
  });

  test('Budget: the same roster as .xlsx reads the same', async () => {
    const view = page.locator('#view-budget');
    await view.getByLabel('Upload a roster (CSV or .xlsx)').setInputFiles(ROSTER_XLSX);
    await view.getByText('two-teachers.xlsx (sheet Staff): 2 rows below the header').waitFor();
    await view.getByRole('button', { name: 'Compute the budget' }).click();
    expect((await tableRows(page, 'Cost, waconia/teachers'))[SALARIES]).toEqual(['79,052.00', '83,744.50']);
  });

  test('Budget: a column left unmapped is named, and a bad cell is refused with its row and column', async () => {
    const view = page.locator('#view-budget');
    await view.getByLabel('step', { exact: true }).selectOption('');
    await view.getByText(/Choose the column that holds step/).waitFor();
    await expect(view.getByRole('button', { name: 'Compute the budget' }).isDisabled()).resolves.toBe(true);
    await view.getByLabel('step', { exact: true }).selectOption('1'); // the names column, as if chosen by mistake
    await view.getByRole('button', { name: 'Compute the budget' }).click();
    await view.getByRole('alert').filter({ hasText: /Teacher A/ }).waitFor();
    await view.getByLabel('step', { exact: true }).selectOption('3');
  });

  test('Budget: the sample roster costs without a refusal (12 teachers, 2024-25 to 2026-27)', async () => {
    await page.getByRole('tab', { name: 'Budget' }).click();
    const view = page.locator('#view-budget');
    await view.getByRole('button', { name: 'Use the sample roster' }).click();
    await view.getByText('sample-roster.csv: 12 rows below the header').waitFor();
    await view.getByLabel('Last year').selectOption('2026-27');
    await view.getByRole('button', { name: 'Compute the budget' }).click();
    expect((await tableRows(page, 'Cost, waconia/teachers'))['Employees']).toEqual(['12', '12', '12']);
    await expect(view.getByRole('alert').count()).resolves.toBe(0);
  });

  test('Payroll audit: the sample payroll, counts and dollars by kind of error', async () => {
    await page.getByRole('tab', { name: 'Payroll audit' }).click();
    const view = page.locator('#view-audit');
    await view.getByRole('button', { name: 'Use the sample payroll' }).click();
    await view.getByText('sample-payroll.csv: 12 rows below the header').waitFor();
    await expect(view.getByLabel('paid', { exact: true }).inputValue()).resolves.toBe('6'); // "Amount paid"
    await expect(view.getByLabel('year', { exact: true }).inputValue()).resolves.toBe('5'); // "School year"
    await view.getByRole('button', { name: 'Check the payroll' }).click();
    const s = await tableRows(page, 'Audit summary');
    // 2025-26 cells (004:4960-4982): P001 52,812, P002 64,654, P007 55,240 × 0.5, P010 50,489 × 0.5, P012 58,434 × 0.8
    expect(s['matches the contract']).toEqual(['5', '0.00']);
    // P004 BA+45 J 63,932 paid I 62,159: −1,773; P009 MA+45 Career 95,959 paid R 91,608: −4,351
    expect(s['wrong step']).toEqual(['2', '−6,124.00']);
    expect(s["another year's schedule"]).toEqual(['1', '−1,883.00']); // P003 64,654 paid 2024-25's 62,771 (004:3061)
    expect(s['wrong lane']).toEqual(['1', '−2,553.00']); // P005 MA+30 M 76,960 paid MA+15 M 74,407
    expect(s['FTE not applied']).toEqual(['1', '27,620.00']); // P006 BA+30 F 55,240 × 0.5 = 27,620 paid 55,240
    expect(s['amount matches no cell']).toEqual(['1', '540.00']); // P008 MA+15 J 68,392 keyed 68,932
    expect(s['placement the contract does not pay']).toEqual(['1', '0.00']); // P011 BA K: lane BA stops at H
    await view.getByText('7 of 12 lines differ').waitFor();
    const { wb } = await openDownload(page, () => view.getByRole('button', { name: 'Download .xlsx' }).click());
    const audit = wb.getWorksheet('Audit')!;
    const header = (audit.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-4)).toEqual(['expected', 'difference', 'reason', 'citation']);
    const at = (row: number, name: string) => audit.getCell(row, header.indexOf(name) + 1);
    expect(at(3, 'expected').value).toBe(64654); // P002 MA+15 H (004:4966)
    expect(String(at(3, 'citation').value)).toMatch(/004_95c67c5f7895ec64\.txt:4966/);
    expect(at(4, 'difference').value).toBe(-1883);
    expect((at(4, 'reason').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFFFE0B2');
    expect((at(3, 'reason').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    await page.screenshot({ path: path.join(SHOTS, 'view-audit.png'), fullPage: true });
  });

  test('Negotiation: two proposals costed side by side, each item on its own, the scattergram', async () => {
    await page.getByRole('tab', { name: 'Negotiation' }).click();
    const view = page.locator('#view-negotiation');
    await view.getByLabel('Upload a roster (CSV or .xlsx)').setInputFiles(ROSTER_CSV);
    await view.getByText('two-teachers.csv: 2 rows below the header').waitFor();
    await view.getByLabel("Roster's year").selectOption('2024-25');
    await view.getByLabel('Years proposed').selectOption('1');
    // the defaults are District 2% and Union 3%, one step; type them as a user would
    await view.getByRole('group', { name: 'District 2025-26' }).getByLabel('Schedule %', { exact: true }).fill('2');
    await view.getByRole('group', { name: 'Union 2025-26' }).getByLabel('Schedule %', { exact: true }).fill('3');
    await view.getByRole('button', { name: 'Cost and compare' }).click();
    const side = await tableRows(page, 'Proposals side by side');
    // District: D 56,098 × 1.02 = 57,219.96 → 57,220; E 50,415 × 1.02 = 51,423.30 → 51,423 × 0.5 = 25,711.50: 82,931.50
    // Union: 56,098 × 1.03 → 57,781 and 50,415 × 1.03 → 51,927, as printed for 2025-26 (004:4962-4963): 83,744.50
    expect(side['Salaries 2025-26']).toEqual(['82,931.50', '83,744.50']);
    expect(side['Salaries 2024-25']).toEqual(['79,052.00', '79,052.00']);
    const items = await tableRows(page, 'Items on their own');
    // Union's 3% alone (no step): C 54,543 × 1.03 → 56,179; D 49,018 × 1.03 → 50,489 × 0.5 = 25,244.50; less 79,052
    expect(items['Union: Schedule %'][1]).toBe('2,371.50');
    // a step alone: D 56,098 + E 50,415 × 0.5 = 81,305.50, less 79,052
    expect(items['Union: Steps'][1]).toBe('2,253.50');
    // District's 2% alone: 54,543 × 1.02 → 55,634; 49,018 × 1.02 → 49,998 × 0.5 = 24,999; less 79,052
    expect(items['District: Schedule %'][1]).toBe('1,581.00');
    const staff = await tableRows(page, 'Scattergram');
    const lanes = await page.getByRole('table', { name: 'Scattergram' }).locator('thead th').allTextContents();
    expect(staff['C'][lanes.indexOf('MA+15') - 1]).toBe('1');
    expect(staff['D'][lanes.indexOf('BA+15') - 1]).toBe('1');
    expect(Object.values(staff).flat().filter((c) => c !== '').length).toBe(2);
    await expect(page.getByRole('img', { name: /Increase over the year before by component/ }).isVisible()).resolves.toBe(true);
    const { wb } = await openDownload(page, () => view.getByRole('button', { name: 'Download .xlsx' }).click());
    const cmp = wb.getWorksheet('Comparison')!;
    const r = cmp.getColumn(1).values.findIndex((v) => v === '2025-26: salaries');
    expect([cmp.getCell(r, 2).value, cmp.getCell(r, 3).value]).toEqual([82931.5, 83744.5]);
    await page.screenshot({ path: path.join(SHOTS, 'view-negotiation.png'), fullPage: true });
  });

  test('at 320 px wide no view scrolls sideways', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const tab of ['Budget', 'Payroll audit', 'Negotiation']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(sideways(page)).resolves.toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 440, height: 900 });
  });
});
