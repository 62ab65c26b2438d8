/**
 * The task pane as it runs inside Excel, with office.js replaced by the fake object model of
 * test/support/fake-excel.ts: Office.onReady reports host Excel, the document settings live in a plain object, and
 * Excel.run works on an in-memory workbook that records every call. This checks the pane's
 * Excel path (workbook default, plain-values insert with citation, formula insert, refusing to overwrite) in the real
 * bundle; it does not replace trying the add-in in Excel itself.
 */
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { fakeOfficeScript } from '../support/fake-excel';
import { SHOTS, choose, paneSession } from './helpers';

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

describe('task pane inside Excel (fake office.js): the Contracts and Insert views', () => {
  let page: Page;
  let view: Locator;
  const fake = <T,>(expr: string): Promise<T> => page.evaluate(expr) as Promise<T>;

  paneSession(async (s) => {
    page = s.page;
    const { baseUrl } = s;
    await page.route('**/assets/office.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_OFFICE_JS }),
    );
    await page.goto(`${baseUrl}/taskpane.html`);
    view = page.locator('#view-contracts');
    await view.getByLabel('District', { exact: true }).waitFor();
  });

  test('reads the workbook default and offers the insert buttons, not CSV', async () => {
    await page.getByText('Connected to this workbook.').waitFor();
    // The stored default (anoka-hennepin/teachers) is selected and badged.
    await expect(view.getByLabel('Unit', { exact: true }).inputValue()).resolves.toBe('anoka-hennepin/teachers');
    await expect(view.getByText('workbook default', { exact: true }).count()).resolves.toBe(1);
    await expect(view.getByRole('button', { name: 'Insert as values' }).isVisible()).resolves.toBe(true);
    await expect(view.getByRole('button', { name: 'Insert as formula' }).isVisible()).resolves.toBe(true);
    await expect(view.getByRole('button', { name: 'Download CSV' }).count()).resolves.toBe(0);
  });

  test('Use as workbook default saves the setting, tells the custom functions, and recalculates the workbook', async () => {
    // A formula that relies on the default: under anoka-hennepin/teachers there is no step "B", so it is an error.
    const formula = '=CONTRACT.SALARY("BA","B","2025-26")';
    await fake(`(c => { c.formula = '${formula}'; c.value = __fake.customFunction(c.formula); })(__fake.at('H40'))`);
    await expect(fake("__fake.at('H40').value")).resolves.toMatch(/^#(VALUE!|N\/A)$/);

    await choose(view, 'waconia/teachers');
    await view.getByRole('button', { name: 'Use as workbook default' }).click();
    await view.getByRole('status').filter({ hasText: "this workbook's default" }).waitFor();
    await expect(fake("__fake.settings['CONTRACT.defaultContract']")).resolves.toBe('waconia/teachers');
    await expect(fake('__fake.saves')).resolves.toBe(1);
    await expect(fake('__fake.defaultCalls')).resolves.toEqual(['waconia/teachers']);
    // a full recalculation after the setting was saved and the functions told
    const ops = await fake<string[]>("__fake.calls.map(c => c.op + (c.arg === undefined ? '' : ' ' + c.arg))");
    expect(ops.slice(ops.indexOf('document.settings.saveAsync'))).toContain('calculate Full');
    // and the cell now shows Waconia's BA step B for 2025-26: 46,146 (004_95c67c5f7895ec64.txt:4960)
    await expect(fake("__fake.at('H40').value")).resolves.toBe(46146);
  });

  test('Insert as values writes headers, values and the citation below, at the selection', async () => {
    await choose(view, 'waconia/teachers', '2025-26', 'schedule:k12');
    await view.getByRole('button', { name: 'Insert as values' }).click();
    // Waconia 2025-26: 8 lanes + the step column, 17 steps B-R + Career + the header row, + the citation row.
    await view.getByRole('status').filter({ hasText: 'Wrote Sheet1!B2:J21' }).waitFor();
    await expect(fake("__fake.valuesAt('B2:J2')[0]")).resolves.toEqual(['Step', 'BA', 'BA+15', 'BA+30', 'BA+45', 'BA+60/MA', 'MA+15', 'MA+30', 'MA+45']);
    await expect(fake("__fake.at('B3').value")).resolves.toBe('B');
    await expect(fake("__fake.at('G3').value")).resolves.toBe(52812); // step B, lane BA+60/MA (004:4960)
    await expect(fake("__fake.at('G3').numberFormat")).resolves.toBe('#,##0');
    await expect(fake("__fake.at('B2').numberFormat")).resolves.toBe('@');
    await expect(fake("__fake.at('B21').value")).resolves.toMatch(/^Source: waconia\/teachers 2025-26, ISD 110 School Board regular meeting packet.*, lines? [\d-]+ \[004_95c67c5f7895ec64\.txt:\d+/); // the citation as src/format.ts renders it
    await expect(fake('__fake.selected')).resolves.toBe('Sheet1!B2:J21');
  });

  test('an insert refused (the cells are not empty) says why, and the message goes when the table changes', async () => {
    await view.getByRole('button', { name: 'Insert as values' }).click();
    await view.getByRole('status').filter({ hasText: 'is not empty' }).waitFor();
    await expect(fake("__fake.at('G3').value")).resolves.toBe(52812);
    await view.getByLabel('Table', { exact: true }).selectOption('schedule:ecfe');
    await expect(view.getByRole('status').count()).resolves.toBe(0);
  });

  test('ECFE as values: the derived career row is written as values, to the cent', async () => {
    await choose(view, 'waconia/teachers', '2024-25', 'schedule:ecfe');
    await fake("__fake.select('M2')");
    await view.getByRole('button', { name: 'Insert as values' }).click();
    // header + steps 1-6 + Career = 8 rows, + the citation: M2:O10
    await view.getByRole('status').filter({ hasText: 'Wrote Sheet1!M2:O10' }).waitFor();
    // 004:2938: Step 6 (35.12, 37.97; 004:2935) + 2.5% -> 36.00 and 38.92
    await expect(fake("__fake.valuesAt('M9:O9')[0]")).resolves.toEqual(['Career', 36, 38.92]);
    await expect(fake("__fake.at('N9').numberFormat")).resolves.toBe('#,##0.00');
    await expect(fake("__fake.at('M2').value")).resolves.toBe('Step');
  });

  test('Insert as formula is disabled with its reason shown for a table SCHEDULE does not spill', async () => {
    await expect(view.getByRole('button', { name: 'Insert as formula' }).isDisabled()).resolves.toBe(true);
    await expect(view.getByText(/CONTRACT\.SCHEDULE spills the K-12 teacher salary schedule \(Schedule A\) only/).isVisible()).resolves.toBe(true);
  });

  test('Insert as formula writes =CONTRACT.SCHEDULE("2025-26","waconia/teachers") in an empty selected cell', async () => {
    await choose(view, 'waconia/teachers', '2025-26', 'schedule:k12');
    await expect(view.getByText(/CONTRACT\.SCHEDULE spills/).count()).resolves.toBe(0);
    await fake("__fake.select('A31')");
    await view.getByRole('button', { name: 'Insert as formula' }).click();
    await view.getByRole('status').filter({ hasText: 'in Sheet1!A31' }).waitFor();
    await expect(fake("__fake.at('A31').formula")).resolves.toBe('=CONTRACT.SCHEDULE("2025-26","waconia/teachers")');
    await page.screenshot({ path: path.join(SHOTS, 'in-excel-contracts.png'), fullPage: true });
  });

  test('Insert: a formula on the workbook default, then the value with its source, at the active cell', async () => {
    await page.getByRole('tab', { name: 'Insert' }).click();
    const insert = page.locator('#view-insert');
    await insert.getByLabel('Function', { exact: true }).selectOption('SALARY');
    await insert.getByLabel('Contract', { exact: true }).selectOption({ index: 0 }); // the workbook default
    await expect(insert.getByLabel('Contract', { exact: true }).locator('option').first().textContent()).resolves.toBe('Workbook default (waconia/teachers)');
    await insert.getByLabel('Lane', { exact: true }).selectOption('BA');
    await insert.getByLabel('Step', { exact: true }).selectOption('B');
    await insert.getByLabel('Year', { exact: true }).selectOption('2025-26');
    await fake("__fake.select('K5')");
    await insert.getByRole('button', { name: 'Insert formula' }).click();
    await insert.getByRole('status').filter({ hasText: 'in Sheet1!K5' }).waitFor();
    await expect(fake("__fake.at('K5').formula")).resolves.toBe('=CONTRACT.SALARY("BA","B","2025-26")');
    // 004_95c67c5f7895ec64.txt:4960
    await expect(fake("__fake.at('K5').value")).resolves.toBe(46146);

    await fake("__fake.select('K7')");
    await insert.getByRole('button', { name: 'Insert value and source' }).click();
    await insert.getByRole('status').filter({ hasText: 'Sheet1!K7:L7' }).waitFor();
    await expect(fake("__fake.at('K7').value")).resolves.toBe(46146);
    await expect(fake("__fake.at('K7').numberFormat")).resolves.toBe('#,##0');
    await expect(fake("__fake.at('L7').value")).resolves.toMatch(/^Source: .*004_95c67c5f7895ec64\.txt:4960/);
    // again at the same place: refused, with the reason
    await insert.getByRole('button', { name: 'Insert value and source' }).click();
    await insert.getByRole('status').filter({ hasText: 'Sheet1!K7:L7 is not empty' }).waitFor();
  });

  test('Insert: drop-down lists of the contract’s lanes on the selected range', async () => {
    const insert = page.locator('#view-insert');
    await fake("__fake.select('M5:M20')");
    await insert.getByLabel('List', { exact: true }).selectOption('lanes');
    await insert.getByRole('button', { name: 'Add drop-down list' }).click();
    await insert.getByRole('status').filter({ hasText: 'Sheet1!M5:M20 now offers the 8 lanes of waconia/teachers.' }).waitFor();
    const rule = { list: { inCellDropDown: true, source: 'BA,BA+15,BA+30,BA+45,BA+60/MA,MA+15,MA+30,MA+45' } };
    await expect(fake("__fake.at('M5').validation")).resolves.toEqual(rule);
    await expect(fake("__fake.at('M20').validation")).resolves.toEqual(rule);
    await page.screenshot({ path: path.join(SHOTS, 'in-excel-insert.png'), fullPage: true });
  });
});
