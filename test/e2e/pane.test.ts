/**
 * The task pane, standalone, in headless Debian Chromium: dist/ served over plain http on 127.0.0.1, real office.js
 * (which reports host null outside Office). Any request to another host fails the test.
 * Screenshots land in test/e2e/screenshots/ (gitignored).
 */
import * as fs from 'fs';
import type * as http from 'http';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, closeServer, ensureBuilt, guardedPage, launchChromium, readGrid, serveDist } from './helpers';

jest.setTimeout(30_000); // a browser on a busy 2-core machine can be slow; Playwright waits up to 30 s too

describe('task pane in Chromium (standalone)', () => {
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let offHost: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    ensureBuilt();
    let baseUrl: string;
    ({ server, baseUrl } = await serveDist());
    browser = await launchChromium();
    ({ page, offHost, pageErrors } = await guardedPage(browser));
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.getByRole('radiogroup', { name: 'Contracts' }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });

  afterEach(() => {
    expect(offHost.splice(0)).toEqual([]); // no request left 127.0.0.1
    expect(pageErrors.splice(0)).toEqual([]);
  });

  test('lists the bundled contracts and says it is standalone', async () => {
    await expect(page.getByRole('radio').count()).resolves.toBeGreaterThanOrEqual(2);
    await expect(page.getByRole('radio', { name: /waconia\/teachers/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('radio', { name: /anoka-hennepin\/teachers/ }).count()).resolves.toBe(1);
    await expect(page.getByText(/Standalone browser/).isVisible()).resolves.toBe(true);
    // Writing to a workbook is offered only inside Excel.
    await expect(page.getByRole('button', { name: 'Insert schedule as values' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Insert as formula' }).count()).resolves.toBe(0);
  });

  test('waconia/teachers 2025-26: BA+60/MA step B is 52,812 with its citation', async () => {
    await page.getByRole('radio', { name: /waconia\/teachers/ }).check();
    await page.getByLabel('Year', { exact: true }).selectOption('2025-26');
    // 004_95c67c5f7895ec64.txt:4960, Schedule A 2025-2026, lane BA+60/MA, step B.
    await page.getByRole('cell', { name: '52,812' }).first().waitFor();
    const grid = await readGrid(page);
    expect(grid['B']['BA+60/MA']).toBe('52,812');
    const citation = page.getByTestId('schedule-citation');
    await expect(citation.isVisible()).resolves.toBe(true);
    await expect(citation.textContent()).resolves.toMatch(/^Source: .*004_95c67c5f7895ec64\.txt:\d+/);
    await page.screenshot({ path: path.join(SHOTS, 'waconia-2025-26.png'), fullPage: true });
  });

  test('Download CSV gives the grid and the citation, with no network', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('waconia-teachers-k12-2025-26.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/^\uFEFF?Step,BA,/);
    expect(csv).toMatch(/\r\nB,.*52812/);
    expect(csv).toMatch(/\r\n"?Source: /);
  });

  test('anoka-hennepin/teachers 2005-06 shows closed cells as NONE, empty cells blank', async () => {
    await page.getByRole('radio', { name: /anoka-hennepin\/teachers/ }).check();
    await page.getByLabel('Year', { exact: true }).selectOption('2005-06');
    await page.getByRole('cell', { name: 'NONE' }).first().waitFor();
    const texts = Object.values(await readGrid(page)).flatMap((row) => Object.values(row));
    expect(texts).toContain('NONE');
    const empty = page.locator('td[title="no value printed"]');
    if ((await empty.count()) > 0) await expect(empty.first().textContent()).resolves.toBe('');
    await page.screenshot({ path: path.join(SHOTS, 'anoka-hennepin-2005-06.png'), fullPage: true });
  });

  test('choosing a default outside Excel says it applies only inside Excel', async () => {
    await page.getByRole('button', { name: 'Use as workbook default' }).click();
    await page.getByRole('status').waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/inside Excel/);
    await expect(page.getByText('workbook default', { exact: true }).isVisible()).resolves.toBe(true);
  });
});
