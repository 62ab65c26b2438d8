/**
 * The Budget and Payroll audit views inside Excel: read the selected range; write a new sheet whose numbers are
 * live formulas over exact ranges (never whole columns), as Excel tables, with number formats and totals.
 * Called only where the pane runs inside Excel.
 */
import type { InCell } from './xlsx';
import { columnName } from './xlsx';

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const MONEY = '#,##0.00';
const PERCENT = '0.00%';

/** The selected range's values (empty cells null), with its address. */
export async function readSelectedRange(): Promise<{ address: string; values: InCell[][] }> {
  return Excel.run(async (context) => {
    const r = context.workbook.getSelectedRange();
    r.load(['values', 'valueTypes', 'address', 'rowCount', 'columnCount']);
    await context.sync();
    if (r.rowCount < 2) throw new Error(`${r.address} is a single row; select the whole table, its header row first`);
    // an error cell (#N/A) arrives as its text: it is passed on as an error, which the readers refuse, never as text
    const types = r.valueTypes as string[][] | undefined;
    const cell = (v: unknown, i: number, j: number): InCell => (v === '' ? null : types?.[i]?.[j] === 'Error' ? { code: String(v) } : (v as InCell));
    return { address: r.address, values: r.values.map((row, i) => row.map((v: unknown, j) => cell(v, i, j))) };
  });
}

/** A sheet name not yet in the workbook: "Budget", "Budget 2", … */
async function addSheet(context: Excel.RequestContext, base: string): Promise<{ sheet: Excel.Worksheet; name: string }> {
  const sheets = context.workbook.worksheets;
  for (let i = 1; i < 1000; i++) {
    const name = i === 1 ? base : `${base} ${i}`;
    // getItem refuses a name no sheet has (ExcelApi 1.1; getItemOrNullObject would need 1.4, above the manifest's sets)
    try {
      sheets.getItem(name).load('name');
      await context.sync();
    } catch {
      return { sheet: sheets.add(name), name };
    }
  }
  throw new Error(`The workbook has sheets "${base}" to "${base} 999"; rename or delete some`);
}

/** Writes a table of values at A1 as an Excel table; returns the column letters of its fields. */
function writeTable(sheet: Excel.Worksheet, cells: InCell[][]): { last: number; col: (field: string) => string | undefined; range: (field: string) => string | undefined } {
  const width = cells[0].length;
  const last = cells.length; // sheet row of the last line (header in row 1)
  const values = cells.map((row) => row.map((v) => (v === null ? '' : typeof v === 'object' ? v.code : v)));
  const address = `A1:${columnName(width - 1)}${last}`;
  const range = sheet.getRange(address);
  range.numberFormat = cells.map((row, r) => row.map((v) => (r === 0 || typeof v === 'string' ? '@' : 'General')));
  range.values = values;
  sheet.tables.add(address, true);
  const col = (field: string) => {
    const i = cells[0].indexOf(field);
    return i < 0 ? undefined : columnName(i);
  };
  return { last, col, range: (field) => (col(field) ? `${col(field)}2:${col(field)}${last}` : undefined) };
}

export interface BudgetSheet {
  /** the roster, mapped: canonical headers (id, lane, step, fte …) */
  roster: InCell[][];
  contract: string;
  years: string[];
  /** COST's rows as the pane computed them (their labels and shape size the formats) */
  summary: (string | number | null)[][];
  /** PROJECT's table as the pane computed it */
  project: (string | number)[][];
}

/**
 * A new sheet "Budget": the roster as an Excel table with a live salary column for the roster's year (SALARY per
 * row, or HOURLY × hours for hourly staff) and its total; beside it COST over the roster's exact range and below
 * that PROJECT, both live. Returns the sheet's name.
 */
export async function writeBudgetSheet(b: BudgetSheet): Promise<string> {
  return Excel.run(async (context) => {
    const { sheet, name } = await addSheet(context, 'Budget');
    const t = writeTable(sheet, b.roster);
    const width = b.roster[0].length;
    const rosterRange = `$A$1:$${columnName(width - 1)}$${t.last}`;
    const span = b.years.length > 1 ? `${b.years[0]}:${b.years[b.years.length - 1]}` : b.years[0];
    const base = b.years[0];

    // the live salary of each row in the roster's own year, and its total
    const pay = columnName(width);
    const cellOf = (field: string, r: number) => (t.col(field) ? `${t.col(field)}${r}` : undefined);
    const salary = (r: number) => {
      const fte = cellOf('fte', r);
      const lane = cellOf('lane', r);
      const position = cellOf('position', r);
      const c = cellOf('contract', r);
      const contract = c ? `IF(${c}="",${q(b.contract)},${c})` : q(b.contract);
      const annual = lane && `CONTRACT.SALARY(${lane},${cellOf('step', r)},${q(base)},${contract}${fte ? `,IF(${fte}="",1,${fte})` : ''})`;
      const hourly = position && `CONTRACT.HOURLY(${position},${cellOf('step', r)},${q(base)},${contract})*${cellOf('hours', r) ?? 0}`;
      return `=${annual && hourly ? `IF(${lane}<>"",${annual},${hourly})` : annual ?? hourly}`;
    };
    const head = sheet.getRange(`${pay}1`);
    head.values = [[`salary ${base}`]];
    head.format.font.bold = true;
    const pays = sheet.getRange(`${pay}2:${pay}${t.last}`);
    pays.formulas = b.roster.slice(1).map((_, i) => [salary(i + 2)]);
    pays.numberFormat = b.roster.slice(1).map(() => [MONEY]);
    const total = sheet.getRange(`${columnName(width - 1)}${t.last + 1}:${pay}${t.last + 1}`);
    total.formulas = [['Total', `=SUM(${pay}2:${pay}${t.last})`]];
    total.format.font.bold = true;
    sheet.getRange(`${pay}${t.last + 1}`).numberFormat = [[MONEY]];
    if (t.range('fte')) sheet.getRange(t.range('fte')!).numberFormat = b.roster.slice(1).map(() => ['0.00']);

    // COST beside the roster, PROJECT below COST: live formulas over the roster's exact range
    const left = width + 2;
    const at = (r: number, c: number) => `${columnName(c)}${r}`;
    sheet.getRange(at(1, left)).formulas = [[`=CONTRACT.COST(${rosterRange},${q(span)},${q(b.contract)})`]];
    const formats = b.summary.map((row) => {
      const label = String(row[0]).trim();
      const f = /%/.test(label) ? PERCENT : /^(Employees|Items not costed)$/.test(label) ? '0' : MONEY;
      return row.map((_, j) => (j === 0 ? 'General' : f));
    });
    sheet.getRange(`${at(1, left)}:${at(b.summary.length, left + b.years.length)}`).numberFormat = formats;
    const projectRow = b.summary.length + 3;
    sheet.getRange(at(projectRow - 1, left)).values = [['Each employee and year (PROJECT)']];
    sheet.getRange(at(projectRow, left)).formulas = [[`=CONTRACT.PROJECT(${rosterRange},${q(span)},${q(b.contract)})`]];
    const header = b.project[0];
    const money = header.map((h, j) => j >= 7 && h !== 'notes');
    sheet.getRange(`${at(projectRow, left)}:${at(projectRow + b.project.length - 1, left + header.length - 1)}`).numberFormat =
      b.project.map((_, r) => header.map((__, j) => (r > 0 && money[j] ? MONEY : 'General')));
    sheet.activate();
    await context.sync();
    return name;
  });
}

export interface AuditSheet {
  /** the payroll, mapped: canonical headers (paid, lane, step, year, fte …) */
  payroll: InCell[][];
  contract: string;
  /** per line, the citation of the expected amount ('' where none) */
  citations: string[];
  /** the sheet rows (the header is row 1) of the lines that differ from the contract */
  differ: number[];
  /** the summary rows: [kind, lines, dollars] */
  summary: [string, number, number][];
}

/**
 * A new sheet "Audit": the payroll as an Excel table, AUDIT spilled beside it over the exact columns (expected,
 * difference, reason), the citation of each expected amount, the lines that differ filled,
 * and a summary of counts and dollars by kind of error. Returns the sheet's name.
 */
export async function writeAuditSheet(a: AuditSheet): Promise<string> {
  return Excel.run(async (context) => {
    const { sheet, name } = await addSheet(context, 'Audit');
    const t = writeTable(sheet, a.payroll);
    const width = a.payroll[0].length;
    const out = width + 1; // one empty column between the table and the spill
    const c = (k: number) => columnName(out + k);
    sheet.getRange(`${c(0)}1:${c(3)}1`).values = [['expected', 'difference', 'reason', 'citation']];
    sheet.getRange(`${c(0)}1:${c(3)}1`).format.font.bold = true;
    // a line's own contract, else the one chosen in the pane (an empty cell would otherwise mean the workbook's default)
    const own = t.range('contract');
    const contract = own ? `IF(${own}="",${q(a.contract)},${own})` : q(a.contract);
    const fte = t.range('fte') ?? '';
    sheet.getRange(`${c(0)}2`).formulas = [[`=CONTRACT.AUDIT(${t.range('paid')},${t.range('lane')},${t.range('step')},${t.range('year')},${fte},${contract})`]];
    const lines = t.last - 1;
    sheet.getRange(`${c(0)}2:${c(1)}${t.last}`).numberFormat = Array.from({ length: lines }, () => [MONEY, MONEY]);
    const cites = sheet.getRange(`${c(3)}2:${c(3)}${t.last}`);
    cites.numberFormat = a.citations.map(() => ['@']);
    cites.values = a.citations.map((x) => [x]);
    // the lines that differ, filled as the pane found them (a fill, not a conditional format: it marks this audit)
    for (const r of a.differ) sheet.getRange(`A${r}:${c(3)}${r}`).format.fill.color = '#FFE0B2';

    const top = t.last + 3;
    sheet.getRange(`A${top}`).values = [['Summary (as computed when this sheet was made)']];
    sheet.getRange(`A${top}`).format.font.bold = true;
    const rows = [['kind', 'lines', 'difference (paid − expected)'], ...a.summary];
    const block = sheet.getRange(`A${top + 1}:C${top + rows.length}`);
    block.values = rows;
    block.numberFormat = rows.map((_, r) => ['@', r ? '0' : '@', r ? MONEY : '@']);
    sheet.getRange(`A${top + 1}:C${top + 1}`).format.font.bold = true;
    sheet.activate();
    await context.sync();
    return name;
  });
}

export interface ValuesBlock {
  /** rows of values (the first is a header); null for an empty cell */
  rows: (string | number | null)[][];
  /** per row, its number format ('' or undefined: General) */
  formats?: (string | undefined)[];
  /** write it as an Excel table (a header row of text) */
  table?: boolean;
}

/**
 * A new sheet of blocks of values, one below the other with a blank row between (the Negotiation view's
 * comparison, items and proposals table). Returns the sheet's name.
 */
export async function writeValuesSheet(base: string, blocks: ValuesBlock[]): Promise<string> {
  return Excel.run(async (context) => {
    const { sheet, name } = await addSheet(context, base);
    let top = 1;
    for (const b of blocks) {
      const width = Math.max(...b.rows.map((r) => r.length));
      const rows = b.rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
      const address = `A${top}:${columnName(width - 1)}${top + rows.length - 1}`;
      const range = sheet.getRange(address);
      range.numberFormat = rows.map((r, i) => r.map((v) => (typeof v === 'string' ? '@' : b.formats?.[i] || 'General')));
      range.values = rows;
      if (b.table) sheet.tables.add(address, true);
      else sheet.getRange(`A${top}:${columnName(width - 1)}${top}`).format.font.bold = true;
      top += rows.length + 1;
    }
    sheet.activate();
    await context.sync();
    return name;
  });
}
