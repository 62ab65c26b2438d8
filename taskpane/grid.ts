/** Pure helpers that turn a ScheduleGrid into what the pane shows, what Excel receives and what a CSV holds. */
import type { GridCell, ScheduleGrid } from '../src/api';

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Text shown in the pane: "52,812", "23.45", "NONE" for a closed cell, "" for a cell the contract leaves empty. */
export function cellText(cell: GridCell): string {
  if (cell.status === 'closed') return 'NONE';
  if (cell.status === 'empty' || cell.value === null) return '';
  return Number.isInteger(cell.value) ? WHOLE.format(cell.value) : CENTS.format(cell.value);
}

/** Excel number format for a value: whole dollars for annual amounts, cents for hourly rates. */
export function numberFormat(value: number): string {
  return Number.isInteger(value) ? '#,##0' : '#,##0.00';
}

export type Plain = string | number;

/** The grid with headers as plain values: a header row ("Step", lanes…), then one row per step. */
export function gridMatrix(grid: ScheduleGrid): Plain[][] {
  const header: Plain[] = ['Step', ...grid.lanes];
  const body = grid.rows.map((row): Plain[] => [
    row.label,
    ...row.cells.map((cell): Plain => (cell.status === 'value' && cell.value !== null ? cell.value : cell.status === 'closed' ? 'NONE' : '')),
  ]);
  return [header, ...body];
}

/** The line written under the grid, in the workbook and in the CSV. Starts with text so Excel never reads a formula. */
export function citationLine(grid: ScheduleGrid): string {
  return `Source: ${grid.contractId} ${grid.year}, ${grid.cite}`;
}

/** Text fields that a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
function csvField(value: Plain): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV of the grid with headers, a blank line and the citation. CRLF line ends, as Excel writes them. */
export function gridCsv(grid: ScheduleGrid): string {
  const lines = gridMatrix(grid).map((row) => row.map(csvField).join(','));
  lines.push('', csvField(citationLine(grid)));
  return lines.join('\r\n') + '\r\n';
}

export function csvFileName(grid: ScheduleGrid): string {
  return `${grid.contractId.replace(/[^A-Za-z0-9-]+/g, '-')}-${grid.scheduleId}-${grid.year}.csv`;
}

/** The formula the pane inserts: =CONTRACT.SCHEDULE("2025-26","waconia/teachers"). */
export function scheduleFormula(year: string, contractId: string): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `=CONTRACT.SCHEDULE(${quote(year)},${quote(contractId)})`;
}
