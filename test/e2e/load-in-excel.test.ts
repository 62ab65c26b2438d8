/**
 * A workbook's own contract, end to end in the real bundles with office.js replaced by the fake object model
 * (test/support/fake-excel.ts): loaded through the Load tab, stored as a custom XML part, the workbook recalculated;
 * then the workbook "reopened" (a new page whose workbook holds that part): functions.js reads and loads it at
 * start-up and a formula naming it answers, as a colleague opening the file would see.
 *
 * The contract is the synthetic index-ratio fixture (test/fixtures/index-ratio.json): BA step 1 printed 40,150;
 * BA step 2 = 40,150 × 1.035 = 41,555.25 -> 41,555 (worked by hand in test/unit/index-ratio.test.ts).
 */
import * as fs from 'fs';
import type * as http from 'http';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { fakeOfficeScript } from '../support/fake-excel';
import { ROOT, closeServer, ensureBuilt, guardedPage, launchChromium, serveDist } from './helpers';

jest.setTimeout(30_000);

const TEXT = fs.readFileSync(path.join(ROOT, 'test/fixtures/index-ratio.json'), 'utf8');
const NS = 'urn:contract-rules-addin:workbook-contract:1';

/** office.js for a workbook that holds these custom XML parts. */
const officeJs = (parts: { id: string; xml: string }[]) =>
  fakeOfficeScript({ selection: 'B2' }) + `\nwindow.__fake.customXmlParts.push(...${JSON.stringify(parts)}); window.__fake.evaluate = window.__fake.customFunction;`;

describe('a workbook contract inside Excel (fake office.js)', () => {
  let server: http.Server;
  let browser: Browser;
  let baseUrl: string;
  const open: { page: Page; offHost: string[]; pageErrors: string[] }[] = [];

  async function openWorkbook(parts: { id: string; xml: string }[]): Promise<Page> {
    const opened = await guardedPage(browser);
    open.push(opened);
    await opened.page.route('**/assets/office.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs(parts) }));
    await opened.page.goto(`${baseUrl}/taskpane.html`);
    await opened.page.getByText('Connected to this workbook.').waitFor();
    return opened.page;
  }
  const formula = (page: Page, f: string) => page.evaluate((x) => (window as unknown as { __fake: { customFunction(f: string): unknown } }).__fake.customFunction(x), f);

  beforeAll(async () => {
    ensureBuilt();
    ({ server, baseUrl } = await serveDist());
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const o of open) {
      expect(o.offHost).toEqual([]);
      expect(o.pageErrors).toEqual([]);
    }
    await browser?.close();
    await closeServer(server);
  });

  let stored: { id: string; xml: string }[] = [];

  test('loaded through the Load tab: stored in one custom XML part of our namespace, the workbook recalculated', async () => {
    const page = await openWorkbook([]);
    await page.getByRole('tab', { name: 'Load' }).click();
    await page.getByLabel('Contract file').setInputFiles({ name: 'index-ratio.json', mimeType: 'application/json', buffer: Buffer.from(TEXT, 'utf8') });
    await page.getByRole('button', { name: 'Load into this workbook' }).click();
    await page.getByText(/example\/index-ratio is loaded into this workbook and the workbook recalculated/).waitFor();
    const fake = await page.evaluate(() => {
      const f = (window as unknown as { __fake: { customXmlParts: { id: string; xml: string }[]; calls: { op: string; arg?: unknown }[] } }).__fake;
      return { parts: f.customXmlParts, calculations: f.calls.filter((c) => c.op === 'calculate').map((c) => c.arg) };
    });
    expect(fake.parts).toEqual([{ id: expect.any(String), xml: expect.stringContaining(`xmlns="${NS}"`) }]);
    expect(fake.calculations).toEqual(['Full']);
    expect(await formula(page, '=CONTRACT.SALARY("BA","2","2025-26","example/index-ratio")')).toBe(41555);
    stored = fake.parts;
  });

  test('reopened, the workbook loads its contract at start-up: formulas answer and the Load tab lists it', async () => {
    expect(stored).toHaveLength(1);
    const page = await openWorkbook(stored);
    expect(await page.evaluate(() => (window as unknown as { ContractAddin: { workbookContracts(): Promise<{ id: string; loaded: boolean }[]> } }).ContractAddin.workbookContracts()))
      .toEqual([expect.objectContaining({ id: 'example/index-ratio', loaded: true })]);
    expect(await formula(page, '=CONTRACT.SALARY("BA","1","2025-26","example/index-ratio")')).toBe(40150);
    await page.getByRole('tab', { name: 'Load' }).click();
    await page.getByRole('list', { name: "This workbook's contracts" }).getByText('example/index-ratio', { exact: true }).waitFor();
  });

  test('a part edited by hand into a bad contract is left out with its reason; the Load tab shows it', async () => {
    const bad = stored[0].xml.replace('"rounding": "salary",\n      "cite"', '"rounding": "nonesuch",\n      "cite"');
    expect(bad).not.toBe(stored[0].xml);
    const page = await openWorkbook([{ id: stored[0].id, xml: bad }]);
    const answer = await formula(page, '=CONTRACT.SALARY("BA","1","2025-26","example/index-ratio")');
    expect(answer).toBe('#N/A');
    await page.getByRole('tab', { name: 'Load' }).click();
    await page.getByText('left out').waitFor();
    await page.getByText(/schedules\[0\]\.rounding: rounding rule "nonesuch" is not declared/).waitFor();
  });
});
