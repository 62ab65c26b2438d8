/**
 * Pure helpers that turn what the engine answers (a schedule grid, a stipend table, named terms) into what the pane
 * shows, what Excel receives and what a CSV holds. One PlainTable feeds both the sheet and the CSV, so a value shown
 * is a value exported (derived cells included).
 */
import type { GridCell, ScheduleGrid, StipendTable, TableCell, TermRow } from '../src/api';

export type Plain = string | number;

/** A table with its header row first, a number format per cell (same shape), and the citation written below it. */
export interface PlainTable {
  /** file name for the CSV, without the extension */
  name: string;
  rows: Plain[][];
  formats: string[][];
  citation: string;
}

const formatters = new Map<number, Intl.NumberFormat>();
/** An amount with exactly the places of its rounding rule: 52,812 (0 places), 36.00 (2 places). */
export function money(value: number, places: number): string {
  let f = formatters.get(places);
  if (!f) formatters.set(places, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: places, maximumFractionDigits: places })));
  return f.format(value);
}

/** Excel's number format for amounts of `places` decimals: #,##0 or #,##0.00. */
export function moneyFormat(places: number): string {
  return places > 0 ? `#,##0.${'0'.repeat(places)}` : '#,##0';
}

/** An axis name as a heading: "position" -> "Position". */
export const heading = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** Text shown in the pane: "52,812", "36.00", "NONE" for a closed cell, "" for a cell the contract leaves empty. */
export function cellText(cell: GridCell, places: number): string {
  if (cell.status === 'closed') return 'NONE';
  if (cell.value === null) return '';
  return money(cell.value, places);
}

/** The value a cell exports: the amount (printed or derived), "NONE", or empty. */
function cellValue(cell: GridCell): Plain {
  if (cell.value !== null) return cell.value;
  return cell.status === 'closed' ? 'NONE' : '';
}

/** Labels are text ("@"), so a label such as "2 & 3" or "+15" is never read as a number or a formula. */
const TEXT = '@';

/** A schedule grid: a header row (the row axis's name, then the columns), then one row per step or position. */
export function scheduleTable(grid: ScheduleGrid): PlainTable {
  const amount = moneyFormat(grid.places);
  const header: Plain[] = [heading(grid.rowsAre), ...grid.lanes];
  const body = grid.rows.map((row): Plain[] => [row.label, ...row.cells.map(cellValue)]);
  return {
    name: `${grid.contractId.replace(/[^A-Za-z0-9-]+/g, '-')}-${grid.scheduleId}-${grid.year}`,
    rows: [header, ...body],
    formats: [header.map(() => TEXT), ...body.map((row) => row.map((v, c) => (c === 0 ? TEXT : typeof v === 'number' ? amount : 'General')))],
    citation: `Source: ${grid.contractId} ${grid.year}, ${grid.cite}`,
  };
}

/** The text a stipend cell shows: its amount, or what the contract sets instead (a range, a rate per unit). */
export function stipendText(cell: TableCell, places: number): string {
  return cell.value !== null ? money(cell.value, places) : cell.text;
}

export function stipendPlainTable(t: StipendTable, contractId: string, year: string): PlainTable {
  const amount = moneyFormat(t.places);
  const header: Plain[] = ['Activity', 'Role', ...t.columns];
  const body = t.rows.map((r): Plain[] => [r.activity, r.role, ...r.cells.map((c) => (c.value !== null ? c.value : c.text))]);
  return {
    name: `${contractId.replace(/[^A-Za-z0-9-]+/g, '-')}-stipends-${year}`,
    rows: [header, ...body],
    formats: [header.map(() => TEXT), ...body.map((row) => row.map((v, c) => (c < 2 ? TEXT : typeof v === 'number' ? amount : TEXT)))],
    citation: `Source: ${contractId} ${year}, ${t.cite}`,
  };
}

/** Places a term's unit is stated in: cents for dollar amounts, as printed otherwise. */
export const termPlaces = (row: TermRow): number | null => (row.unit.startsWith('USD') ? 2 : null);

/** A term's amount as the pane shows it: "843.84 USD/month", "10 percent", "$1,200 to $2,400 USD" for a range. */
export function termText(row: TermRow): string {
  const places = termPlaces(row);
  const show = (v: number) => (places === null ? String(v) : money(v, places));
  const unit = row.unit === 'percent' ? '%' : ` ${row.unit}`;
  if (row.max === null) return `${show(row.amount)}${unit}`;
  return row.range ? `${show(row.amount)} to ${show(row.max)}${unit}` : `${show(row.amount)}${unit}, at most ${show(row.max)}`;
}

export function termsPlainTable(rows: TermRow[], contractId: string, year: string): PlainTable {
  const header: Plain[] = ['Term', 'Id', 'Key', 'Condition', 'Amount', 'Up to', 'Unit', 'Citation'];
  const body = rows.map((r): Plain[] => [r.title, r.id, r.key, r.condition, r.amount, r.max ?? '', r.unit, r.cite]);
  const formats = rows.map((r) => {
    const places = termPlaces(r);
    const amount = places === null ? 'General' : moneyFormat(places);
    return [TEXT, TEXT, TEXT, TEXT, amount, r.max === null ? 'General' : amount, TEXT, TEXT];
  });
  return {
    name: `${contractId.replace(/[^A-Za-z0-9-]+/g, '-')}-terms-${year}`,
    rows: [header, ...body],
    formats: [header.map(() => TEXT), ...formats],
    citation: `Source: ${contractId} ${year}: the named terms, each with its citation`,
  };
}

/** Text fields that a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
function csvField(value: Plain): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV of the table with its header, a blank line and the citation. CRLF line ends, as Excel writes them. */
export function tableCsv(t: PlainTable): string {
  const lines = t.rows.map((row) => row.map(csvField).join(','));
  lines.push('', csvField(t.citation));
  return lines.join('\r\n') + '\r\n';
}

/** A formula argument: text in quotes (quotes doubled), a number as its digits. */
export function formulaArg(v: string | number): string {
  return typeof v === 'number' ? String(v) : `"${v.replace(/"/g, '""')}"`;
}

/** The formula the pane inserts: =CONTRACT.SCHEDULE("2025-26","waconia/teachers"). */
export function scheduleFormula(year: string, contractId: string): string {
  return `=CONTRACT.SCHEDULE(${formulaArg(year)},${formulaArg(contractId)})`;
}
