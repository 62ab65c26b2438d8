/**
 * The pane's workbook actions (taskpane/office.ts) against the fake Excel object model (test/support/fake-excel.ts):
 * what lands in which cell, with which number format; refusing to overwrite; the data-validation lists; and the
 * recalculation after the default contract changes.
 */
import { ContractApi, Failure, memoryDefault, publish } from '../../src/api';
import { defaultEngine } from '../../src/index';
import { scheduleTable } from '../../taskpane/grid';
import { addDropDownList, insertFormula, insertTableValues, insertValueWithCitation, LISTS_SHEET, saveWorkbookDefault } from '../../taskpane/office';
import { installFakeOffice, type FakeExcel } from '../support/fake-excel';

const api = new ContractApi(defaultEngine(), memoryDefault());
const g = globalThis as Record<string, unknown>;
let fake: FakeExcel;
beforeEach(() => {
  fake = installFakeOffice(globalThis, { selection: 'B2' });
  g.ContractAddin = publish(api);
});
afterAll(() => {
  for (const k of ['Office', 'Excel', 'CustomFunctions', 'ContractAddin']) delete g[k];
});

describe('the fake itself', () => {
  test('like Excel, it refuses to read a property that was not loaded and synced', async () => {
    await expect(
      Excel.run(async (context) => {
        const r = context.workbook.getSelectedRange();
        return r.values;
      }),
    ).rejects.toThrow(/The property 'values' of Range is not available/);
    await expect(
      Excel.run(async (context) => {
        const r = context.workbook.getSelectedRange();
        r.load('values');
        await context.sync();
        return r.values;
      }),
    ).resolves.toEqual([['']]);
  });

  test('what it does not model is recorded: a conditional format, frozen panes, a chart', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const range = sheet.getRange('B2:B9');
      const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=B2<>C2';
      sheet.freezePanes.freezeRows(1);
      sheet.charts.add(Excel.ChartType.columnClustered, range, Excel.ChartSeriesBy.columns);
      await context.sync();
    });
    expect(fake.calls).toEqual([
      { op: 'conditionalFormats.add', address: 'Sheet1!B2:B9', arg: ['Custom'] },
      { op: 'conditionalFormats.add().custom.rule.formula', address: 'Sheet1!B2:B9', arg: '=B2<>C2' },
      { op: 'freezePanes.freezeRows', address: 'Sheet1', arg: [1] },
      { op: 'charts.add', address: 'Sheet1', arg: ['ColumnClustered', expect.anything(), 'Columns'] },
    ]);
  });
});

test('a new default contract: saved in the workbook, told to the functions, then a full recalculation', async () => {
  await saveWorkbookDefault('waconia/custodial');
  expect(fake.settings['CONTRACT.defaultContract']).toBe('waconia/custodial');
  expect(api.defaultContract()).toBe('waconia/custodial');
  const ops = fake.calls.map((c) => c.op);
  expect(ops.indexOf('calculate')).toBeGreaterThan(ops.indexOf('document.settings.saveAsync'));
  expect(fake.callsOf('calculate')).toEqual([{ op: 'calculate', address: undefined, arg: 'Full' }]);
});

test('a table as values: headers as text, amounts in their format, the citation below; never over something', async () => {
  const grid = api.schedule({ contract: 'waconia/teachers', year: '2024-25', schedule: 'ecfe' });
  if (grid instanceof Failure) throw new Error(grid.message);
  // header + steps 1-6 + Career, 3 columns; + the citation row
  await expect(insertTableValues(scheduleTable(grid))).resolves.toBe('Sheet1!B2:D10');
  expect(fake.valuesAt('B2:D2')).toEqual([['Step', 'Teacher', 'Teacher w/M.A.']]);
  // 004:2935: step 6, 35.12 and 37.97; 004:2938: Career = step 6 + 2.5% = 36.00 and 38.92
  expect(fake.valuesAt('B8:D9')).toEqual([['6', 35.12, 37.97], ['Career', 36, 38.92]]);
  expect(fake.at('C9').numberFormat).toBe('#,##0.00');
  expect(fake.at('B9').numberFormat).toBe('@');
  expect(fake.at('B10').value).toMatch(/^Source: waconia\/teachers 2024-25, ISD 110 School Board regular meeting packet.*, line \d+ \[004_95c67c5f7895ec64\.txt:\d+\]$/); // as src/format.ts renders a citation
  expect(fake.at('B10').font.italic).toBe(true);
  const writes = fake.calls.length;
  await expect(insertTableValues(scheduleTable(grid))).rejects.toThrow('Sheet1!B2:D10 is not empty. Select a cell with 9 rows and 3 columns free from there.');
  expect(fake.calls.length).toBe(writes); // nothing written
});

test('a value with its source in the cell to the right; both cells must be empty', async () => {
  await expect(insertValueWithCitation(46146, '#,##0', 'Source: 2025-26 BA step B, 004_95c67c5f7895ec64.txt:4960')).resolves.toBe('Sheet1!B2:C2');
  expect(fake.valuesAt('B2:C2')).toEqual([[46146, 'Source: 2025-26 BA step B, 004_95c67c5f7895ec64.txt:4960']]);
  expect([fake.at('B2').numberFormat, fake.at('C2').numberFormat]).toEqual(['#,##0', '@']);
  fake.select('A2');
  await expect(insertValueWithCitation(1, '#,##0', 'x')).rejects.toThrow('Sheet1!A2:B2 is not empty.');
});

test('a formula into the active cell, not over anything', async () => {
  await expect(insertFormula('=CONTRACT.SALARY("BA","B","2025-26")')).resolves.toBe('Sheet1!B2');
  expect(fake.at('B2').formula).toBe('=CONTRACT.SALARY("BA","B","2025-26")');
  await expect(insertFormula('=1')).rejects.toThrow('Sheet1!B2 is not empty. Select an empty cell.');
});

describe('drop-down lists', () => {
  test('a short list is the rule’s source itself, on every cell of the selection', async () => {
    fake.select('D2:D40');
    const lanes = api.lanes({ contract: 'waconia/teachers' }) as string[];
    await expect(addDropDownList(lanes, 'lane')).resolves.toBe('Sheet1!D2:D40');
    const rule = { list: { inCellDropDown: true, source: 'BA,BA+15,BA+30,BA+45,BA+60/MA,MA+15,MA+30,MA+45' } };
    expect(fake.at('D2').validation).toEqual(rule);
    expect(fake.at('D40').validation).toEqual(rule);
    expect(fake.at('D41').validation).toBeUndefined();
    expect(fake.callsOf('dataValidation.clear')).toHaveLength(1); // an earlier rule is replaced, not stacked
  });

  test('a list too long for a typed source (or with commas) goes to the sheet "Contract lists", one column each', async () => {
    fake.select('E2:E9');
    const many = Array.from({ length: 60 }, (_, i) => `Position number ${i + 1}`);
    await expect(addDropDownList(many, 'position')).resolves.toBe('Sheet1!E2:E9');
    expect(fake.at(`'${LISTS_SHEET}'!A1`).value).toBe('position');
    expect(fake.at(`'${LISTS_SHEET}'!A61`).value).toBe('Position number 60');
    expect(fake.at('E2').validation).toEqual({ list: { inCellDropDown: true, source: `='${LISTS_SHEET}'!$A$2:$A$61` } });
    // a second long list takes the next column
    await addDropDownList(['A, the first', 'B'], 'role');
    expect(fake.at(`'${LISTS_SHEET}'!B2`).value).toBe('A, the first');
    expect(fake.at('E2').validation).toEqual({ list: { inCellDropDown: true, source: `='${LISTS_SHEET}'!$B$2:$B$3` } });
  });

  test('an empty list is refused with the reason', async () => {
    await expect(addDropDownList([], 'activity')).rejects.toThrow('There is no activity to list.');
  });
});
