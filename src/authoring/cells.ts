/**
 * Reading a selected range, cell by cell, for authoring: where each cell is (A1 addresses), what it holds (an amount,
 * a percent, a label, blank, NONE), and the problems found, each naming its cell. Pure: the cells arrive as Excel
 * gives them (numbers, text, booleans, null) from the pane, a CSV or the command line.
 */
import { Money } from '../rounding';

/** A problem with one cell (or the range, or a form field), as the author sees it: `B7: "4O,100" is not an amount`. */
export interface Problem { cell: string; reason: string }

export const problemText = (p: Problem): string => `${p.cell}: ${p.reason}`;

/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** The top-left cell of a range as Excel writes its address ("Sheet1!B3:H20", "'My sheet'!B3", "B3"), as row and column from 0. */
export function topLeft(address: string | undefined): { row: number; col: number } | undefined {
  if (!address) return { row: 0, col: 0 };
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})/.exec(local.trim());
  if (!m) return undefined;
  const col = [...m[1].toUpperCase()].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** Names cells of a range whose top-left cell is `origin`. */
export class Sheet {
  readonly rows: unknown[][];
  constructor(cells: readonly (readonly unknown[])[], private readonly origin: { row: number; col: number } = { row: 0, col: 0 }) {
    const width = Math.max(0, ...cells.map((r) => r.length));
    // drop trailing blank rows and columns: a selection often runs past the table
    let rows = cells.map((r) => [...r, ...new Array<unknown>(width - r.length).fill(null)]);
    while (rows.length && rows[rows.length - 1].every(isBlank)) rows = rows.slice(0, -1);
    let w = width;
    while (w > 0 && rows.every((r) => isBlank(r[w - 1]))) w--;
    this.rows = rows.map((r) => r.slice(0, w));
  }

  get width(): number {
    return this.rows[0]?.length ?? 0;
  }

  /** The A1 address of the cell at (row, col) of the range. */
  at(row: number, col: number): string {
    return `${columnName(this.origin.col + col)}${this.origin.row + row + 1}`;
  }

  /** The address of the whole range. */
  range(): string {
    return `${this.at(0, 0)}:${this.at(Math.max(0, this.rows.length - 1), Math.max(0, this.width - 1))}`;
  }
}

export const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A cell's content as a message quotes it. */
export function quoted(v: unknown): string {
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v) ?? String(v);
  return `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
}

/** An Excel error value as Office.js and the readers give it: "#N/A", "#VALUE!", or { code }. */
function errorValue(v: unknown): string | undefined {
  if (typeof v === 'string' && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!)/i.test(v.trim())) return v.trim();
  if (v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string') return `#${(v as { code: string }).code}`;
  return undefined;
}

const MAX_AMOUNT = 10_000_000;

/**
 * An amount of money: a number, or text as a schedule prints it ("$44,802", "44,802.00", "$ 21.15"). At most two
 * decimal places (a number Excel holds with float noise, 44802.00000000001, is read as printed to the cent).
 */
export function readAmount(v: unknown, cell: string): number | Problem {
  const err = errorValue(v);
  if (err) return { cell, reason: `holds the Excel error ${err}, not an amount` };
  let text: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { cell, reason: `${quoted(v)} is not an amount` };
    text = new Money(v).toDecimalPlaces(6).toString();
  } else if (typeof v === 'string') {
    text = v.trim().replace(/^\$\s*/, '').replace(/\s+/g, '');
    if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(text)) return { cell, reason: `${quoted(v)} is not an amount (write it as 44802, 44,802 or $44,802.00)` };
    text = text.replace(/,/g, '');
  } else return { cell, reason: `${quoted(v)} is not an amount` };
  const d = new Money(text);
  if (d.decimalPlaces() > 2) return { cell, reason: `${quoted(v)} has more than two decimal places; an amount is printed to the cent` };
  if (d.lt(0) || d.gt(MAX_AMOUNT)) return { cell, reason: `${quoted(v)} is outside 0 to 10,000,000` };
  return d.toNumber();
}

/** A percent: "12%", "12 %", or a number Excel holds as a fraction when formatted as a percent (0.12), when `fraction`. */
export function readPercentCell(v: unknown, cell: string): number | Problem {
  if (typeof v === 'string') {
    const m = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
    if (!m) return { cell, reason: `${quoted(v)} is not a percent (write it as 12% or 5.5%)` };
    return Number(m[1]);
  }
  return { cell, reason: `${quoted(v)} is not a percent (write it as 12% or 5.5%)` };
}

export const isPercentText = (v: unknown): boolean => typeof v === 'string' && /%\s*$/.test(v);

/** A label as a contract keeps it: printable ASCII, single spaces, at most 40 characters. */
export function readLabel(v: unknown, cell: string, what: string): string | Problem {
  const err = errorValue(v);
  if (err) return { cell, reason: `holds the Excel error ${err}, not a ${what}` };
  if (isBlank(v)) return { cell, reason: `the ${what} is blank` };
  if (typeof v !== 'string' && typeof v !== 'number') return { cell, reason: `${quoted(v)} is not a ${what}` };
  const text = String(v)
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/^[\x20-\x7E]+$/.test(text)) {
    const bad = [...text].find((c) => !/[\x20-\x7E]/.test(c))!;
    return { cell, reason: `the ${what} ${quoted(v)} holds "${bad}" (U+${bad.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); labels are plain letters, digits and punctuation: retype it` };
  }
  if (text.length > 40) return { cell, reason: `the ${what} ${quoted(v)} is longer than 40 characters` };
  return text;
}

export const isProblem = (v: unknown): v is Problem => !!v && typeof v === 'object' && 'cell' in v && 'reason' in v;

/** A school-district name or a unit as an id part: "Lakeview ISD 999" -> "lakeview-isd-999". */
export function slug(text: string, max = 40): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}
