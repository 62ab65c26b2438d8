/**
 * The Load view in headless Chromium (standalone: a file is loaded for the session): a good contract file is
 * checked, previewed and loaded, and the functions' engine answers from it at once; a bad one is refused with every
 * problem (file: path: reason) and nothing changes; a loaded one is removed. No request leaves 127.0.0.1.
 *
 * The file is the synthetic index-ratio fixture (test/fixtures/index-ratio.json, not a real district): BA step 1
 * printed 40,150; BA step 2 = 40,150 × 1.035 = 41,555.25 -> 41,555 (worked by hand in test/unit/index-ratio.test.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ROOT, SHOTS, paneSession } from './helpers';

jest.setTimeout(30_000);

const TEXT = fs.readFileSync(path.join(ROOT, 'test/fixtures/index-ratio.json'), 'utf8');
const ID = 'example/index-ratio';
const BAD = (() => {
  const f = JSON.parse(TEXT);
  f.id = 'example/broken';
  f.schedules[0].rounding = 'nonesuch';
  f.schedules[0].tables[0].rows[0].values = [40150, 41555];
  return JSON.stringify(f, null, 2);
})();

describe('Load view (standalone)', () => {
  let page: Page;

  /** SALARY BA, a step, 2025-26 on the loaded contract, asked of the engine the functions use (the global). */
  const salary = (step: string) =>
    page.evaluate(([id, s]) => {
      const v = (globalThis as unknown as { ContractAddin: { salary(q: object): unknown } }).ContractAddin.salary({ contract: id, lane: 'BA', step: s, year: '2025-26' });
      return typeof v === 'number' ? v : (v as { reason: string }).reason;
    }, [ID, step] as const);
  const contractIds = () => page.evaluate(() => (globalThis as unknown as { ContractAddin: { contractIds(): string[] } }).ContractAddin.contractIds());
  const choose = (name: string, text: string) =>
    page.getByLabel('Contract file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });

  paneSession(async (s) => {
    page = s.page;
    const { baseUrl } = s;
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.getByRole('tab', { name: 'Load' }).click();
    await page.getByRole('button', { name: 'Choose a contract file…' }).waitFor();
  });

  test('a bad file is refused with every problem, and nothing changes', async () => {
    const before = await contractIds();
    await choose('broken.json', BAD);
    const problems = page.getByRole('list', { name: 'Problems in broken.json' });
    await problems.waitFor();
    const items = await problems.getByRole('listitem').allTextContents();
    expect(items).toEqual(expect.arrayContaining([
      expect.stringMatching(/^broken\.json: schedules\[0\]\.rounding: rounding rule "nonesuch" is not declared/),
      expect.stringMatching(/^broken\.json: schedules\[0\]\.tables\[0\]\.rows\[0\]\.values: has 2 values; the schedule has 3 lanes/),
    ]));
    await expect(page.getByText(/broken\.json cannot be loaded: \d+ problems\. Nothing was changed\./).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /^Load into/ }).count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'view-load-refused.png'), fullPage: true });
    expect(await contractIds()).toEqual(before);
  });

  test('a good file is previewed with its self-check, loaded, and answers at once', async () => {
    expect(await salary('1')).toBe('unknown-contract');
    await choose('index-ratio.json', TEXT);
    const preview = page.getByRole('group', { name: 'Preview of index-ratio.json' });
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toMatch(/example\/index-ratio.*Self-check: (\d+) of \1 values/s);
    await page.getByRole('button', { name: 'Load into this session' }).click();
    await page.getByText(/example\/index-ratio is loaded into this session/).waitFor();
    expect(await salary('1')).toBe(40150);
    expect(await salary('2')).toBe(41555);
    const held = page.getByRole('list', { name: 'Contracts loaded in this session' });
    await expect(held.getByText(ID, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(held.textContent()).resolves.toMatch(new RegExp(`from index-ratio\\.json · ${TEXT.length.toLocaleString('en-US')} characters`));
    await page.setViewportSize({ width: 360, height: 900 });
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(sideways).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'view-load.png'), fullPage: true });
    await page.setViewportSize({ width: 440, height: 900 });
    // the Contracts tab lists it at once, to browse or make the default
    await page.getByRole('tab', { name: 'Contracts' }).click();
    await expect(page.getByLabel('District', { exact: true }).locator('option', { hasText: 'Example School District (synthetic)' }).count()).resolves.toBe(1);
    await page.getByRole('tab', { name: 'Load' }).click();
  });

  test('the same id again offers to replace it', async () => {
    await choose('index-ratio.json', TEXT);
    await page.getByText('example/index-ratio is already loaded; loading this file replaces it.').waitFor();
    await expect(page.getByRole('button', { name: `Replace ${ID}` }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test('Remove unloads it: the functions no longer know it', async () => {
    await page.getByRole('button', { name: `Remove ${ID}` }).click();
    await page.getByText(/example\/index-ratio is removed from this session/).waitFor();
    expect(await salary('1')).toBe('unknown-contract');
    await expect(page.getByText(/None yet\./).isVisible()).resolves.toBe(true);
    await page.getByRole('tab', { name: 'Contracts' }).click();
    const districts = page.getByLabel('District', { exact: true });
    await expect(districts.locator('option', { hasText: 'Example School District (synthetic)' }).count()).resolves.toBe(0);
    await expect(districts.locator('option', { hasText: 'Waconia' }).count()).resolves.toBe(1);
  });
});
