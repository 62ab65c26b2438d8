/**
 * The task pane as it runs inside Excel, with office.js replaced by the fake object model of
 * test/support/fake-excel.ts: Office.onReady reports host Excel, the document settings live in a plain object, and
 * Excel.run works on an in-memory workbook that records every call. This checks the pane's
 * Excel path (workbook default, plain-values insert with citation, formula insert, refusing to overwrite) in the real
 * bundle; it does not replace trying the add-in in Excel itself.
 */
import type * as http from 'http';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { fakeOfficeScript } from '../support/fake-excel';
import { SHOTS, closeServer, ensureBuilt, guardedPage, launchChromium, serveDist } from './helpers';

jest.setTimeout(30_000); // a browser on a busy 2-core machine can be slow; Playwright waits up to 30 s too

/**
 * Served instead of assets/office.js: the fake object model (test/support/fake-excel.ts) with the selection at B2,
 * and a recorder of the pane's calls to the functions bundle's global that does not change what they do.
 */
const FAKE_OFFICE_JS =
  fakeOfficeScript({ settings: { 'CONTRACT.defaultContract': 'anoka-hennepin/teachers' }, selection: 'B2' }) +
  String.raw`
  (function () {
    var fake = window.__fake, addin;
    fake.defaultCalls = [];
    fake.evaluate = fake.customFunction;
    Object.defineProperty(window, 'ContractAddin', {
      configurable: true,
      get: function () { return addin; },
      set: function (v) {
        var real = v && v.setDefaultContract;
        addin = Object.assign({}, v, { setDefaultContract: function (id) { fake.defaultCalls.push(id); return real && real.apply(v, arguments); } });
      },
    });
  })();
`;

describe('task pane inside Excel (fake office.js)', () => {
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let offHost: string[];
  let pageErrors: string[];
  const fake = <T,>(expr: string): Promise<T> => page.evaluate(expr) as Promise<T>;

  beforeAll(async () => {
    ensureBuilt();
    let baseUrl: string;
    ({ server, baseUrl } = await serveDist());
    browser = await launchChromium();
    ({ page, offHost, pageErrors } = await guardedPage(browser));
    await page.route('**/assets/office.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_OFFICE_JS }),
    );
    await page.goto(`${baseUrl}/taskpane.html`);
    await page.getByRole('radiogroup', { name: 'Contracts' }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });

  afterEach(() => {
    expect(offHost.splice(0)).toEqual([]);
    expect(pageErrors.splice(0)).toEqual([]);
  });

  test('reads the workbook default and offers the insert buttons, not CSV', async () => {
    await page.getByText('Connected to this workbook.').waitFor();
    // The stored default (anoka-hennepin/teachers) is selected and badged.
    await expect(page.getByRole('radio', { name: /anoka-hennepin\/teachers/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByText('workbook default', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Insert schedule as values' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Insert as formula' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Download CSV' }).count()).resolves.toBe(0);
  });

  test('Use as workbook default saves the setting, tells the custom functions, and recalculates the workbook', async () => {
    // A formula that relies on the default: under anoka-hennepin/teachers there is no step "B", so it is an error.
    const formula = '=CONTRACT.SALARY("BA","B","2025-26")';
    await fake(`(c => { c.formula = '${formula}'; c.value = __fake.customFunction(c.formula); })(__fake.at('H40'))`);
    await expect(fake("__fake.at('H40').value")).resolves.toMatch(/^#(VALUE!|N\/A)$/);

    await page.getByRole('radio', { name: /waconia\/teachers/ }).check();
    await page.getByRole('button', { name: 'Use as workbook default' }).click();
    await page.getByRole('status').filter({ hasText: "this workbook's default" }).waitFor();
    await expect(fake("__fake.settings['CONTRACT.defaultContract']")).resolves.toBe('waconia/teachers');
    await expect(fake('__fake.saves')).resolves.toBe(1);
    await expect(fake('__fake.defaultCalls')).resolves.toEqual(['waconia/teachers']);
    // a full recalculation after the setting was saved and the functions told
    const ops = await fake<string[]>("__fake.calls.map(c => c.op + (c.arg === undefined ? '' : ' ' + c.arg))");
    expect(ops.slice(ops.indexOf('document.settings.saveAsync'))).toContain('calculate Full');
    // and the cell now shows Waconia's BA step B for 2025-26: 46,146 (004_95c67c5f7895ec64.txt:4960)
    await expect(fake("__fake.at('H40').value")).resolves.toBe(46146);
  });

  test('Insert schedule as values writes headers, values and the citation below, at the selection', async () => {
    await page.getByLabel('Year', { exact: true }).selectOption('2025-26');
    await page.getByRole('cell', { name: '52,812' }).first().waitFor();
    await page.getByRole('button', { name: 'Insert schedule as values' }).click();
    // Waconia 2025-26: 8 lanes + the step column, 17 steps B-R + Career + the header row, + the citation row.
    await page.getByRole('status').filter({ hasText: 'Wrote Sheet1!B2:J21' }).waitFor();
    const header = await fake<string[]>('[1,2,3,4,5,6,7,8,9].map(c => __fake.cell(1, c).value)');
    expect(header).toEqual(['Step', 'BA', 'BA+15', 'BA+30', 'BA+45', 'BA+60/MA', 'MA+15', 'MA+30', 'MA+45']);
    await expect(fake('__fake.cell(2, 1).value')).resolves.toBe('B');
    await expect(fake('__fake.cell(2, 6).value')).resolves.toBe(52812); // step B, lane BA+60/MA
    await expect(fake('__fake.cell(2, 6).numberFormat')).resolves.toBe('#,##0');
    await expect(fake('__fake.cell(1, 1).numberFormat')).resolves.toBe('@');
    await expect(fake('__fake.cell(20, 1).value')).resolves.toMatch(/^Source: waconia\/teachers 2025-26, .*004_95c67c5f7895ec64\.txt:\d+/);
    await expect(fake('__fake.selected')).resolves.toBe('Sheet1!B2:J21');
    await page.screenshot({ path: path.join(SHOTS, 'in-excel-after-insert.png'), fullPage: true });
  });

  test('refuses to overwrite: inserting again at the same place changes nothing', async () => {
    await page.getByRole('button', { name: 'Insert schedule as values' }).click();
    await page.getByRole('status').filter({ hasText: 'is not empty' }).waitFor();
    await expect(fake('__fake.cell(2, 6).value')).resolves.toBe(52812);
  });

  test('Insert as formula writes =CONTRACT.SCHEDULE("2025-26","waconia/teachers") in an empty selected cell', async () => {
    await fake("__fake.select('A31')");
    await page.getByRole('button', { name: 'Insert as formula' }).click();
    await page.getByRole('status').filter({ hasText: 'in Sheet1!A31' }).waitFor();
    await expect(fake('__fake.cell(30, 0).formula')).resolves.toBe('=CONTRACT.SCHEDULE("2025-26","waconia/teachers")');
  });
});
