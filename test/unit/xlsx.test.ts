/**
 * The pane's own .xlsx writer (a store-only zip) opened by exceljs, as Excel would open the download; its zip reader
 * over a workbook exceljs wrote (deflated parts); its CSV reader. Values here are the test's own inputs.
 */
import ExcelJS from 'exceljs';
import { crc32, readCsv, unzip, writeXlsx, zipStore } from '../../taskpane/xlsx';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('writeXlsx', () => {
  test('exceljs opens it: sheets, text, numbers, formulas with their values, formats, fills', async () => {
    const bytes = writeXlsx([
      {
        name: 'Budget',
        rows: [
          ['id', 'salary', 'share', 'note'],
          ['T1', 52812, 0.0386, 'a <b> & "c"'],
          ['T2', 47047, 0.5, null],
          ['Total', { formula: 'SUM(B2:B3)', value: 99859 }, null, { formula: 'CONCAT("x","y")', value: 'xy' }],
        ],
        formats: [undefined, 'money', 'percent'],
        highlight: [2],
        widths: [10, 14],
      },
      { name: 'Audit: 2025/26', rows: [['paid'], [1]] },
    ]);
    const wb = await open(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Budget', 'Audit  2025 26']);
    const ws = wb.getWorksheet('Budget')!;
    expect(ws.getCell('A1').value).toBe('id');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B2').value).toBe(52812);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C2').numFmt).toBe('0.00%');
    expect(ws.getCell('D2').value).toBe('a <b> & "c"');
    expect(ws.getCell('D3').value).toBeNull();
    expect(ws.getCell('B4').value).toEqual({ formula: 'SUM(B2:B3)', result: 99859 });
    expect(ws.getCell('D4').value).toEqual({ formula: 'CONCAT("x","y")', result: 'xy' });
    // row 3 (the second data row) is filled as a mismatch; row 2 is not
    expect((ws.getCell('A3').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFFFE0B2');
    expect((ws.getCell('A2').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    expect(ws.getColumn(2).width).toBe(14);
  });

  test('CRC-32 of "123456789" is cbf43926 (the standard check value)', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });
});

describe('unzip', () => {
  test('reads back what zipStore stored', async () => {
    const enc = new TextEncoder();
    const parts = await unzip(zipStore([{ name: 'a.txt', data: enc.encode('hello') }, { name: 'b/c.xml', data: enc.encode('<x/>') }]));
    expect([...parts.keys()]).toEqual(['a.txt', 'b/c.xml']);
    expect(new TextDecoder().decode(parts.get('a.txt'))).toBe('hello');
  });

  test('inflates the deflated parts of a workbook exceljs wrote', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Roster').addRows([['id', 'lane'], ['T1', 'MA+15']]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const parts = await unzip(bytes);
    const sheet = new TextDecoder().decode(parts.get('xl/worksheets/sheet1.xml'));
    expect(sheet).toMatch(/<sheetData>/);
    const strings = new TextDecoder().decode(parts.get('xl/sharedStrings.xml'));
    expect(strings).toMatch(/MA\+15/);
  });

  test('refuses what is not a zip, saying what to do', async () => {
    await expect(unzip(new TextEncoder().encode('id,lane\nT1,BA'))).rejects.toThrow(/not an \.xlsx workbook.*CSV/);
  });
});

describe('readCsv', () => {
  test('quotes, doubled quotes, commas and line breaks inside quotes, CRLF, a BOM, blank lines', () => {
    expect(readCsv('\uFEFFid,lane,note\r\nT1,"BA+60/MA","say ""hi"", then\nbye"\r\n\r\nT2,BA,\n')).toEqual([
      ['id', 'lane', 'note'],
      ['T1', 'BA+60/MA', 'say "hi", then\nbye'],
      ['T2', 'BA', ''],
    ]);
  });
  test('a last line without a line end', () => {
    expect(readCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
});
