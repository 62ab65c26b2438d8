/**
 * Reads an .xlsx (exceljs) into HyperFormula sheets: formulas stay formulas, values stay values.
 *
 * Formulas are read as a user types them: the names Excel stores in files are turned back into the
 * names typed (`_xldudf_CONTRACT_SALARY_SOURCE(` -> `CONTRACT.SALARY.SOURCE(`, `_xlfn._xlws.FILTER(` -> `FILTER(`).
 * The values a dynamic-array formula spilled into its neighbours are cached results, not inputs: they
 * are left out, so the formula spills again when evaluated (HyperFormula would answer #SPILL! otherwise).
 */
import ExcelJS from 'exceljs';

/** A formula as stored in a file -> as typed in Excel's formula bar (string literals left alone). */
export function typedFormula(stored: string): string {
  return stored
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/_xldudf_CONTRACT_([A-Z0-9_]+)\(/g, (_, id: string) => `CONTRACT.${id.replace(/_/g, '.')}(`)
            .replace(/_xlfn\.(_xlws\.)?/g, ''),
    )
    .join('');
}

/** "A1" or "$A$1" -> [row, col], 1-based. */
export function decodeAddress(a1: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`not a cell address: ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/** The sheets of a workbook for HyperFormula: sheet name -> rows of values and "=formula" strings. */
export function sheetsOf(wb: ExcelJS.Workbook): Record<string, unknown[][]> {
  const sheets: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    /** the cells an array formula covers, its own cell excepted: "row,col" */
    const spilled = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as any;
        if (!(v && typeof v === 'object' && v.shareType === 'array' && v.ref)) return;
        const [from, to = from] = String(v.ref).split(':');
        const [r0, c0] = decodeAddress(from);
        const [r1, c1] = decodeAddress(to);
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) spilled.add(`${r},${c}`);
      }),
    );
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (spilled.has(`${r},${c}`)) return;
        const v = cell.value as any;
        (rows[r - 1] ??= [])[c - 1] = v && typeof v === 'object' && 'formula' in v ? `=${typedFormula(v.formula)}` : v;
      });
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets[ws.name] = rows;
  });
  return sheets;
}

export async function readWorkbook(file: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return sheetsOf(wb);
}
