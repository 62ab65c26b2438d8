/** Reads an .xlsx (exceljs) into HyperFormula sheets: formulas stay formulas, values stay values. */
import ExcelJS from 'exceljs';

export async function readWorkbook(file: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value as any;
        (rows[r - 1] ??= [])[c - 1] = v && typeof v === 'object' && 'formula' in v ? `=${v.formula}` : v;
      });
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets[ws.name] = rows;
  });
  return sheets;
}
