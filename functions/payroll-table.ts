/**
 * A payroll export read as a table (the Payroll audit view's input): one line per row, the columns named in the
 * first row by the one reading policy (src/reading.ts, README "How tables and arguments are read"): `paid`, `lane`,
 * `step`, `year`, optionally `fte`, `id` and `contract`. Each refusal names the row and the column.
 */
import { Failure } from '../src/failure';
import { isEmpty, readFte, readHeader, readMoney, readText, readYear, shown } from '../src/reading';
import type { ColumnSpec } from '../src/reading';

export type PayrollField = 'id' | 'contract' | 'lane' | 'step' | 'year' | 'fte' | 'paid';

/** The payroll's columns: canonical name first, then aliases. */
export const PAYROLL_COLUMNS: ColumnSpec<PayrollField>[] = [
  { field: 'id', names: ['id', 'employee', 'employee id'] },
  { field: 'contract', names: ['contract'] },
  { field: 'lane', names: ['lane'] },
  { field: 'step', names: ['step'] },
  { field: 'year', names: ['year', 'school year'] },
  { field: 'fte', names: ['fte'] },
  { field: 'paid', names: ['paid', 'amount paid', 'salary paid', 'annual pay'] },
];

/** One payroll line as read: the sheet row it came from (the header is row 1). */
export interface PayrollLine { row: number; id?: string; contract?: string; lane: string; step: string; year: string; fte: number; paid: number }

/** The payroll lines of a table, or the first cell that cannot be read, named. */
export function payrollFromTable(rows: unknown[][]): PayrollLine[] | Failure {
  if (!rows.length) return new Failure('VALUE', 'the payroll is empty; its first row names the columns (paid, lane, step, year, fte …)');
  const h = readHeader(rows[0], 'payroll', PAYROLL_COLUMNS);
  if (h instanceof Failure) return h;
  const missing = (['paid', 'lane', 'step', 'year'] as const).filter((f) => h.at[f] === undefined);
  if (missing.length)
    return new Failure('VALUE', `the payroll's first row must name the columns paid, lane, step and year (and optionally fte, id, contract); missing ${missing.join(', ')}; found ${rows[0].map(shown).join(', ')}`);
  const out: PayrollLine[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i];
    if (cells.every(isEmpty)) continue;
    const row = i + 1;
    const get = (f: PayrollField) => (h.at[f] === undefined ? undefined : cells[h.at[f]!]);
    const where = (f: PayrollField) => `payroll row ${row}, ${h.label(f)}`;
    const id = readText(get('id'), where('id'));
    const contract = readText(get('contract'), where('contract'));
    const lane = readText(get('lane'), where('lane'), { required: true, hint: 'give the lane the line is paid on' });
    const step = readText(get('step'), where('step'), { required: true, hint: 'give the step the line is paid on' });
    const year = readYear(get('year'), where('year'));
    const fte = readFte(get('fte'), where('fte'));
    const paid = readMoney(get('paid'), where('paid'), { required: true, valid: 'the amount paid for the year, in dollars' });
    for (const v of [id, contract, lane, step, year, fte, paid]) if (v instanceof Failure) return v;
    const line: PayrollLine = { row, lane: lane as string, step: step as string, year: year as string, fte: (fte as number | undefined) ?? 1, paid: paid as number };
    if (id) line.id = id as string;
    if (contract) line.contract = contract as string;
    out.push(line);
  }
  if (!out.length) return new Failure('VALUE', 'the payroll has no lines below its header row');
  return out;
}
