/**
 * The task pane, standalone, in headless Debian Chromium: dist/ served over plain http on 127.0.0.1, real office.js
 * (which reports host null outside Office). Any request to another host fails the test.
 * Screenshots land in test/e2e/screenshots/ (gitignored); view-contracts.png is the README's.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { SHOTS, choose, derivedCells, paneSession, readGrid, sidewaysOverflow } from './helpers';

jest.setTimeout(30_000); // a browser on a busy 2-core machine can be slow; Playwright waits up to 30 s too

describe('task pane in Chromium (standalone): the Contracts and Insert views', () => {
  let page: Page;
  let view: Locator;

  paneSession(async (s) => {
    page = s.page;
    const { baseUrl } = s;
    await page.goto(`${baseUrl}/taskpane.html`);
    view = page.locator('#view-contracts');
    await view.getByLabel('District', { exact: true }).waitFor();
  });

  test('a tab per view; contracts chosen by district and unit; says it is standalone; no insert buttons', async () => {
    await expect(page.getByRole('tab', { name: 'Contracts' }).getAttribute('aria-selected')).resolves.toBe('true');
    const units = async () => view.getByLabel('Unit', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await choose(view, 'waconia/teachers');
    await expect(units()).resolves.toEqual(expect.arrayContaining(['waconia/teachers', 'waconia/custodial']));
    await choose(view, 'anoka-hennepin/teachers');
    await expect(units()).resolves.toEqual(['anoka-hennepin/teachers']);
    await expect(page.getByText(/Standalone browser/).isVisible()).resolves.toBe(true);
    // Writing to a workbook is offered only inside Excel.
    await expect(view.getByRole('button', { name: 'Insert as values' }).count()).resolves.toBe(0);
    await expect(view.getByRole('button', { name: 'Insert as formula' }).count()).resolves.toBe(0);
  });

  test('waconia/teachers 2025-26: BA+60/MA step B is 52,812; a click shows its source, readable', async () => {
    await choose(view, 'waconia/teachers', '2025-26', 'schedule:k12');
    // 004_95c67c5f7895ec64.txt:4960, the 2025-2026 salary schedule, lane BA+60/MA, step B.
    const grid = await readGrid(page);
    expect(grid['B']['BA+60/MA']).toBe('52,812');
    await expect(view.getByRole('columnheader').first().textContent()).resolves.toBe('Step');
    await view.getByRole('button', { name: 'B, BA+60/MA: 52,812' }).click();
    const details = view.getByTestId('cell-citation');
    await expect(details.textContent()).resolves.toMatch(/^B, BA\+60\/MA: 52,812\. Source: ISD 110 School Board regular meeting packet.*, line 4960 \[004_95c67c5f7895ec64\.txt:4960\]$/);
    // the arrow keys move to the next cell, Enter picks it: BA+60/MA step C is 54,317 (004:4961)
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(details.textContent()).resolves.toMatch(/^C, BA\+60\/MA: 54,317\. .*line 4961 /);
    // Tab leaves the table (one stop for the whole grid), Shift+Tab comes back to the cell last used
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => !!document.activeElement?.closest('table'))).resolves.toBe(false);
    await page.keyboard.press('Shift+Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('C, BA+60/MA: 54,317');
    await page.screenshot({ path: path.join(SHOTS, 'view-contracts.png'), fullPage: true });
  });

  test('Download CSV gives the grid and the citation, with no network', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('waconia-teachers-k12-2025-26.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/^\uFEFF?Step,BA,/);
    expect(csv).toMatch(/\r\nB,.*52812/);
    expect(csv).toMatch(/\r\n"?Source: /);
  });

  test('ECFE 2024-25: the career row is derived, marked, shown to the cent and exported as values', async () => {
    await choose(view, 'waconia/teachers', '2024-25', 'schedule:ecfe');
    // 004:2938: from 2024-25, Step 6 plus a career increment of 2.5%. Teacher: 35.12 (004:2935) x 1.025 = 35.998 ->
    // 36.00; Teacher w/M.A.: 37.97 x 1.025 = 38.919 -> 38.92.
    const grid = await readGrid(page);
    expect(grid['Career']).toEqual({ Teacher: '36.00', 'Teacher w/M.A.': '38.92' });
    expect(grid['6']).toEqual({ Teacher: '35.12', 'Teacher w/M.A.': '37.97' });
    await expect(derivedCells(page)).resolves.toEqual(['Career / Teacher', 'Career / Teacher w/M.A.']);
    await expect(view.getByText(/derived by the contract's rule/).isVisible()).resolves.toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/\r\nCareer,36,38\.92\r\n/);
  });

  test('custodial 2025-26: rows are positions, labelled as the schedule names them; 25.00 keeps its cents', async () => {
    await choose(view, 'waconia/custodial', '2025-26');
    await expect(view.getByRole('columnheader').first().textContent()).resolves.toBe('Position');
    // 004:7288: Night Leads / Groundskeeper, Step 10, 2025-26: 25.00.
    const grid = await readGrid(page);
    expect(grid['Night Leads / Groundskeeper']['10']).toBe('25.00');
    expect(grid['Custodial Cleaner']['1']).toBe('15.52'); // 004:7289
  });

  test('named terms: custodial overtime at one and one-half times the basic rate (004:6820)', async () => {
    await view.getByLabel('Table', { exact: true }).selectOption('terms');
    const row = view.getByRole('row').filter({ hasText: 'Overtime: one and one-half times' });
    await expect(row.getByRole('cell').textContent()).resolves.toBe('1.5 multiplier');
    await row.getByRole('button').click();
    await expect(view.getByTestId('cell-citation').textContent()).resolves.toMatch(/line 6820 \[004_95c67c5f7895ec64\.txt:6820\]$/);
  });

  test('stipends: Cross Country head coach, step 1, 2025-26 is 11% of BA+15 step D, derived', async () => {
    await choose(view, 'waconia/teachers', '2025-26', 'stipends');
    // 004:3097 (11.0% at step 1) of BA+15 step D 2025-26, 50,489 (004:4962): 5,553.79 -> 5,554 (whole dollars).
    const grid = await readGrid(page);
    expect(grid['Cross Country, Head']['Step 1']).toBe('5,554');
    await expect(derivedCells(page)).resolves.toContain('Cross Country, Head / Step 1');
  });

  test('the self-check lists each finding with both citations (ECFE 2025-26 step 2 printed 34.52)', async () => {
    await choose(view, 'waconia/teachers', '2025-26', 'schedule:ecfe');
    const findings = view.getByRole('list', { name: 'Self-check findings, 2025-26' });
    // 004:4856 prints 34.52 for Teacher w/M.A. step 2; 2024-25's 33.32 (004:2931) + 3% (004:1815) = 34.3196 -> 34.32.
    const item = findings.getByRole('listitem').filter({ hasText: 'Teacher w/M.A., 2 (ecfe): printed 34.52' });
    await expect(item.textContent()).resolves.toMatch(/gives 34\.32 \(difference \+0\.2\)/);
    await expect(item.textContent()).resolves.toMatch(/Printed: .*line 4856 \[004_95c67c5f7895ec64\.txt:4856\]/);
    await expect(item.textContent()).resolves.toMatch(/Rule: .*line 1815 \[004_95c67c5f7895ec64\.txt:1815\]/);
  });

  test('anoka-hennepin/teachers 2005-06 shows closed cells as NONE', async () => {
    await choose(view, 'anoka-hennepin/teachers', '2005-06', 'schedule:k12');
    const texts = Object.values(await readGrid(page)).flatMap((row) => Object.values(row));
    expect(texts).toContain('NONE');
    await page.screenshot({ path: path.join(SHOTS, 'anoka-hennepin-2005-06.png'), fullPage: true });
  });

  test('no sideways scrolling at 320 and 500 px, whatever table is shown', async () => {
    for (const width of [320, 500]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [id, table] of [['waconia/teachers', 'schedule:ecfe'], ['waconia/teachers', 'stipends'], ['waconia/custodial', 'terms'], ['anoka-hennepin/teachers', 'schedule:ecfe-abe']]) {
        await choose(view, id, undefined, table);
        await expect(sidewaysOverflow(page)).resolves.toBe(0);
      }
      if (width === 320) await page.screenshot({ path: path.join(SHOTS, 'view-contracts-320.png'), fullPage: true });
    }
    await page.setViewportSize({ width: 440, height: 900 });
  });

  test('choosing a default outside Excel says it applies only inside Excel', async () => {
    await view.getByRole('button', { name: 'Use as workbook default' }).click();
    await view.getByRole('status').waitFor();
    await expect(view.getByRole('status').textContent()).resolves.toMatch(/inside Excel/);
    await expect(view.getByText('workbook default', { exact: true }).isVisible()).resolves.toBe(true);
  });

  test('Insert: SALARY from lists, its value and source previewed, the formula shown to copy', async () => {
    await page.getByRole('tab', { name: 'Insert' }).click();
    const insert = page.locator('#view-insert');
    await insert.getByLabel('Function', { exact: true }).selectOption('SALARY');
    await insert.getByLabel('Contract', { exact: true }).selectOption('waconia/teachers');
    await insert.getByLabel('Lane', { exact: true }).selectOption('BA');
    await insert.getByLabel('Step', { exact: true }).selectOption('B');
    await insert.getByLabel('Year', { exact: true }).selectOption('2025-26');
    // 004_95c67c5f7895ec64.txt:4960: BA, step B, 2025-26
    await expect(insert.getByTestId('insert-value').textContent()).resolves.toBe('46,146');
    await expect(insert.getByTestId('insert-source').textContent()).resolves.toMatch(/004_95c67c5f7895ec64\.txt:4960/);
    await expect(insert.getByTestId('insert-formula').textContent()).resolves.toBe('=CONTRACT.SALARY("BA","B","2025-26","waconia/teachers")');
    // 0.6 FTE: 46,146 x 0.6 = 27,687.60
    await insert.getByLabel('FTE (optional)').fill('0.6');
    await expect(insert.getByTestId('insert-value').textContent()).resolves.toBe('27,687.60');
    await expect(insert.getByTestId('insert-formula').textContent()).resolves.toBe('=CONTRACT.SALARY("BA","B","2025-26","waconia/teachers",0.6)');
    await insert.getByLabel('FTE (optional)').fill('2');
    await expect(insert.getByTestId('insert-preview').textContent()).resolves.toBe('FTE (optional) must be at most 1; got 2.');
    await insert.getByLabel('FTE (optional)').fill('');
    await expect(insert.getByRole('button', { name: 'Insert formula' }).count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'view-insert.png'), fullPage: true });
  });

  test('Insert: HOURLY steps follow the position; Night Leads step 10 in 2025-26 is 25.00 (004:7288)', async () => {
    const insert = page.locator('#view-insert');
    await insert.getByLabel('Function', { exact: true }).selectOption('HOURLY');
    await insert.getByLabel('Contract', { exact: true }).selectOption('waconia/custodial');
    await insert.getByLabel('Position', { exact: true }).selectOption('Night Leads / Groundskeeper');
    await insert.getByLabel('Year', { exact: true }).selectOption('2025-26');
    await insert.getByLabel('Step', { exact: true }).selectOption('10');
    await expect(insert.getByTestId('insert-value').textContent()).resolves.toBe('25.00');
    await expect(insert.getByTestId('insert-formula').textContent()).resolves.toBe('=CONTRACT.HOURLY("Night Leads / Groundskeeper","10","2025-26","waconia/custodial")');
    // the lists for drop-downs show what they would offer
    await insert.getByLabel('List', { exact: true }).selectOption('positions');
    await expect(insert.getByTestId('list-items').textContent()).resolves.toMatch(/^3 positions: Day Leads \/ Custodial Maintenance, Night Leads \/ Groundskeeper, Custodial Cleaner$/);
  });

  test('Insert: no sideways scrolling at 320 and 500 px', async () => {
    for (const width of [320, 500]) {
      await page.setViewportSize({ width, height: 900 });
      for (const fn of ['SALARY', 'STIPEND', 'TERM', 'SEVERANCE']) {
        await page.locator('#view-insert').getByLabel('Function', { exact: true }).selectOption(fn);
        await expect(sidewaysOverflow(page)).resolves.toBe(0);
      }
    }
    await page.setViewportSize({ width: 440, height: 900 });
  });
});
