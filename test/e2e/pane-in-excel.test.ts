/**
 * The task pane as it runs inside Excel, with office.js replaced by a small fake: Office.onReady reports host Excel,
 * the document settings live in a plain object, and Excel.run works on an in-memory sheet. This checks the pane's
 * Excel path (workbook default, plain-values insert with citation, formula insert, refusing to overwrite) in the real
 * bundle; it does not replace trying the add-in in Excel itself.
 */
import type * as http from 'http';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, closeServer, ensureBuilt, guardedPage, launchChromium, serveDist } from './helpers';

jest.setTimeout(30_000); // a browser on a busy 2-core machine can be slow; Playwright waits up to 30 s too

/** Served instead of assets/office.js. The selection starts at B2 (row 1, column 1, zero-based). */
const FAKE_OFFICE_JS = String.raw`
(function () {
  var cells = {}; // "r,c" -> { value, formula, numberFormat }
  var settings = { 'CONTRACT.defaultContract': 'anoka-hennepin/teachers' };
  var selection = { r: 1, c: 1 };
  var fake = (window.__fake = { cells: cells, settings: settings, saves: 0, defaultCalls: [], selected: null });
  fake.select = function (r, c) { selection = { r: r, c: c }; };
  fake.cell = function (r, c) { return cells[r + ',' + c]; };

  function col(c) { var s = ''; c += 1; while (c > 0) { var m = (c - 1) % 26; s = String.fromCharCode(65 + m) + s; c = Math.floor((c - 1) / 26); } return s; }
  function Range(r, c, h, w) { this.r = r; this.c = c; this.h = h; this.w = w; this.format = { font: {} }; }
  Range.prototype.each = function (fn) { for (var i = 0; i < this.h; i++) for (var j = 0; j < this.w; j++) fn(i, j, this.r + i, this.c + j); };
  Range.prototype.at = function (r, c) { var k = r + ',' + c; return cells[k] || (cells[k] = { value: '', formula: '', numberFormat: 'General' }); };
  Range.prototype.getCell = function (i, j) { return new Range(this.r + i, this.c + j, 1, 1); };
  Range.prototype.getResizedRange = function (dr, dc) { return new Range(this.r, this.c, this.h + dr, this.w + dc); };
  Range.prototype.getOffsetRange = function (dr, dc) { return new Range(this.r + dr, this.c + dc, this.h, this.w); };
  Range.prototype.getRow = function (i) { return new Range(this.r + i, this.c, 1, this.w); };
  Range.prototype.getColumn = function (j) { return new Range(this.r, this.c + j, this.h, 1); };
  Range.prototype.load = function () {};
  Range.prototype.select = function () { fake.selected = this.address; };
  Object.defineProperty(Range.prototype, 'address', { get: function () {
    var a = 'Sheet1!' + col(this.c) + (this.r + 1);
    return this.h * this.w > 1 ? a + ':' + col(this.c + this.w - 1) + (this.r + this.h) : a;
  } });
  function matrixProp(name, read) {
    Object.defineProperty(Range.prototype, name, {
      get: function () { var self = this, m = []; this.each(function (i, j, r, c) { (m[i] = m[i] || [])[j] = read(self.at(r, c)); }); return m; },
      set: function (m) {
        var self = this;
        if (m.length !== this.h || m.some(function (row) { return row.length !== self.w; })) throw new Error(name + ': ' + m.length + ' rows for a ' + this.h + 'x' + this.w + ' range');
        this.each(function (i, j, r, c) {
          var cell = self.at(r, c), v = m[i][j];
          if (name === 'numberFormat') cell.numberFormat = v;
          else if (typeof v === 'string' && v.charAt(0) === '=' && cell.numberFormat !== '@') { cell.formula = v; cell.value = '(formula)'; }
          else { cell.value = v; cell.formula = v === '' ? '' : String(v); }
        });
      },
    });
  }
  matrixProp('values', function (c) { return c.value; });
  matrixProp('formulas', function (c) { return c.formula; });
  matrixProp('numberFormat', function (c) { return c.numberFormat; });

  window.Office = {
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }); },
    context: { document: { settings: {
      get: function (k) { return k in settings ? settings[k] : null; },
      set: function (k, v) { settings[k] = v; },
      saveAsync: function (cb) { fake.saves++; setTimeout(function () { cb({ status: 'succeeded' }); }, 0); },
    } } },
  };
  window.Excel = {
    HorizontalAlignment: { right: 'Right' },
    run: function (fn) {
      return Promise.resolve(fn({
        workbook: { getSelectedRange: function () { return new Range(selection.r, selection.c, 1, 1); } },
        sync: function () { return Promise.resolve(); },
      }));
    },
  };
  window.CustomFunctions = { associate: function () {}, Error: function () {}, ErrorCode: {} };
  // Record the pane's calls to the functions bundle's global without changing what it does.
  var addin;
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

  test('Use as workbook default saves the setting and tells the custom functions', async () => {
    await page.getByRole('radio', { name: /waconia\/teachers/ }).check();
    await page.getByRole('button', { name: 'Use as workbook default' }).click();
    await page.getByRole('status').filter({ hasText: "this workbook's default" }).waitFor();
    await expect(fake("__fake.settings['CONTRACT.defaultContract']")).resolves.toBe('waconia/teachers');
    await expect(fake('__fake.saves')).resolves.toBe(1);
    await expect(fake('__fake.defaultCalls')).resolves.toEqual(['waconia/teachers']);
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
    await expect(fake('__fake.cell(20, 1).value')).resolves.toMatch(/^Source: waconia\/teachers 2025-26, ISD 110 School Board regular meeting packet.*, lines? [\d-]+ \[004_95c67c5f7895ec64\.txt:\d+/); // the citation as src/format.ts renders it
    await expect(fake('__fake.selected')).resolves.toBe('Sheet1!B2:J21');
    await page.screenshot({ path: path.join(SHOTS, 'in-excel-after-insert.png'), fullPage: true });
  });

  test('refuses to overwrite: inserting again at the same place changes nothing', async () => {
    await page.getByRole('button', { name: 'Insert schedule as values' }).click();
    await page.getByRole('status').filter({ hasText: 'is not empty' }).waitFor();
    await expect(fake('__fake.cell(2, 6).value')).resolves.toBe(52812);
  });

  test('Insert as formula writes =CONTRACT.SCHEDULE("2025-26","waconia/teachers") in an empty selected cell', async () => {
    await fake('__fake.select(30, 0)');
    await page.getByRole('button', { name: 'Insert as formula' }).click();
    await page.getByRole('status').filter({ hasText: 'in Sheet1!A31' }).waitFor();
    await expect(fake('__fake.cell(30, 0).formula')).resolves.toBe('=CONTRACT.SCHEDULE("2025-26","waconia/teachers")');
  });
});
