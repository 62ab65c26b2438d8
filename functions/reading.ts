/**
 * The one reading policy (README "How tables and arguments are read"): how every table a function is given
 * (roster, proposals, employer rates, payroll lines) and every scalar argument is read. A cell is judged on
 * its own, never by what other rows hold; whatever cannot be read for certain is refused with a Failure that
 * names the place (`roster row 7, column 4 "fte"`), what was found and what would be valid.
 *
 *   headers   normalised (case, spaces, `_`, `.` ignored); an unknown header that resembles a known one is
 *             refused, any other is ignored and reported; two columns for one field are refused
 *   percents  Excel's own: 0.03 (a cell formatted 3%) or the text "3%" is 3%; never guessed by size
 *   numbers   finite numbers or text that is a plain number ("1,234.50"; "$" where money is meant)
 *   errors    an Excel error value or TRUE/FALSE in a cell is refused, never read as empty
 *   empty     absent: a required cell refused, an optional one takes its default
 *   dates     Excel serials, YYYY-MM-DD or M/D/YYYY, and only dates that exist
 *   years     the spellings parseYear accepts; a span is exactly `a:b` or `a to b`
 */
import { Failure } from '../src/failure';
import { parseYear } from '../src/years';
import { Money } from '../src/rounding';

// Number's tests taken once: every argument of every element is read here, and in a sandboxed runtime (a vm
// context, as the tests and the bench load functions.js) each lookup of a global such as `Number` costs ~0.2 µs
const { isFinite: finite, isInteger: whole } = Number;

// ---------------------------------------------------------------- cells

export const isEmpty = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** An Excel error value as Excel hands it to a custom function (an object with a code such as "#N/A"). */
export function isErrorValue(v: unknown): v is { code: string } {
  return typeof v === 'object' && v !== null && 'code' in v && typeof (v as { code: unknown }).code === 'string';
}

/** A cell as a person would read it in a message: an Excel error as its code, long text cut short. */
export function shown(v: unknown): string {
  if (isErrorValue(v)) return v.code;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return String(v);
  return v === null || v === undefined ? '(empty)' : 'an unsupported value';
}

/** Refuses what is never a value: an Excel error, TRUE/FALSE, an object. */
function odd(v: unknown, where: string): Failure | undefined {
  if (isErrorValue(v)) return new Failure('VALUE', `${where}: the cell holds the Excel error ${v.code}; correct that cell (an error is never read as empty)`);
  if (typeof v === 'boolean') return new Failure('VALUE', `${where}: ${v ? 'TRUE' : 'FALSE'} is not a value here (a TRUE/FALSE cell is never read as empty or as 1/0)`);
  if (typeof v === 'number' && !finite(v)) return new Failure('VALUE', `${where}: ${v} is not a finite number`);
  if (typeof v !== 'number' && typeof v !== 'string' && !isEmpty(v)) return new Failure('VALUE', `${where}: an unsupported value`);
  return undefined;
}

// ---------------------------------------------------------------- scalars

export interface TextOptions { required?: boolean; hint?: string }

/** Text: strings as typed (trimmed), numbers as their digits ("8" for lane 8). */
export function readText(v: unknown, where: string, o: TextOptions = {}): string | undefined | Failure {
  const bad = odd(v, where);
  if (bad) return bad;
  if (isEmpty(v)) return o.required ? new Failure('VALUE', `${where}: empty${o.hint ? `; ${o.hint}` : ''}`) : undefined;
  return typeof v === 'number' ? String(v) : (v as string).trim();
}

export interface NumberOptions {
  required?: boolean;
  /** what a valid value is, in words, for the message: "a number of hours from 0 to 4,000" */
  valid: string;
  min?: number;
  /** true: min itself is not allowed */
  above?: boolean;
  max?: number;
  whole?: boolean;
  /** a dollar amount: "$1,234.50" is read too */
  money?: boolean;
}

const PLAIN = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/;

/** A number as typed in a cell or as text; undefined when empty. */
function plainNumber(v: unknown, where: string, o: NumberOptions): number | undefined | Failure {
  const bad = odd(v, where);
  if (bad) return bad;
  if (isEmpty(v)) return o.required ? new Failure('VALUE', `${where}: empty; give ${o.valid}`) : undefined;
  if (typeof v === 'number') return v;
  let t = (v as string).trim();
  if (o.money) t = t.replace(/^([+-]?)\$\s*/, '$1');
  if (!PLAIN.test(t)) return new Failure('VALUE', `${where}: ${shown(v)} is not a number; give ${o.valid}`);
  return Number(t.replace(/,/g, ''));
}

function bounded(n: number, v: unknown, where: string, o: NumberOptions): number | Failure {
  const out = () => new Failure('VALUE', `${where}: ${shown(v)} is out of range; give ${o.valid}`);
  if (o.min !== undefined && (n < o.min || (o.above && n === o.min))) return out();
  if (o.max !== undefined && n > o.max) return out();
  if (o.whole && !whole(n)) return new Failure('VALUE', `${where}: ${shown(v)} is not a whole number; give ${o.valid} (never rounded or truncated)`);
  return n;
}

/** A number within the options' bounds; undefined when empty and not required. */
export function readNumber(v: unknown, where: string, o: NumberOptions): number | undefined | Failure {
  const n = plainNumber(v, where, o);
  return n === undefined || n instanceof Failure ? n : bounded(n, v, where, o);
}

/** Money: dollars, non-negative unless min says otherwise, at most $1e9. */
export function readMoney(v: unknown, where: string, o: Partial<NumberOptions> = {}): number | undefined | Failure {
  return readNumber(v, where, { min: 0, max: 1e9, valid: 'an amount in dollars from 0 to 1,000,000,000', ...o, money: true });
}

/** FTE: a fraction of full time greater than 0 and at most 1.5 ("60%" reads as 0.6). */
export function readFte(v: unknown, where: string, required = false): number | undefined | Failure {
  const o = { valid: 'a fraction of full time greater than 0 and at most 1.5 (0.6 or 60%)', min: 0, above: true, max: 1.5, required };
  if (typeof v === 'string' && /%\s*$/.test(v)) {
    const p = readPercent(v, where, { ...o, min: 0, max: 150 });
    return p === undefined || p instanceof Failure ? p : bounded(new Money(p).div(100).toNumber(), v, where, o);
  }
  return readNumber(v, where, o);
}

export interface PercentOptions {
  required?: boolean;
  /** bounds in percent (e.g. max 100 for a raise, 50 for an employer rate) */
  min: number;
  max: number;
}

/**
 * A percent, returned in percent units (3 for 3%). A number is Excel's own percent value: 0.03 (a cell
 * formatted 3%) is 3%; the text "3%" is 3%; bare text "0.03" is 3% too. Never guessed by size: a typed 3 is
 * 300%, refused by the bounds with the hint to type 3%.
 */
export function readPercent(v: unknown, where: string, o: PercentOptions): number | undefined | Failure {
  const bad = odd(v, where);
  if (bad) return bad;
  const valid = `a percent from ${o.min}% to ${o.max}% (type 3% or 0.03 for 3%)`;
  if (isEmpty(v)) return o.required ? new Failure('VALUE', `${where}: empty; give ${valid}`) : undefined;
  let pct: number;
  let bare: number | undefined; // a number typed without %, read as a fraction
  if (typeof v === 'string' && /%\s*$/.test(v)) {
    const n = plainNumber(v.replace(/%\s*$/, ''), where, { valid });
    if (n === undefined || n instanceof Failure) return new Failure('VALUE', `${where}: ${shown(v)} is not a percent; give ${valid}`);
    pct = n;
  } else {
    const n = plainNumber(v, where, { valid });
    if (n === undefined || n instanceof Failure) return n;
    bare = n;
    pct = new Money(n).mul(100).toNumber();
  }
  if (pct < o.min || pct > o.max) {
    // a bare number of 1 or more was most likely typed as a percent: say how to type it
    const typed = bare === undefined ? '' : ` (${bare} reads as ${pct}%${Math.abs(bare) >= 1 ? `; type ${bare}% (Excel stores ${new Money(bare).div(100).toNumber()})` : ''})`;
    return new Failure('VALUE', `${where}: ${shown(v)} is out of range${typed}; give ${valid}`);
  }
  return pct;
}

/** A whole count in [min, max]: steps, seasons, years. */
export function readCount(v: unknown, where: string, min: number, max: number, what: string, required = false): number | undefined | Failure {
  return readNumber(v, where, { min, max, whole: true, required, valid: `${what}: a whole number from ${min} to ${max}` });
}

const pad = (n: number) => String(n).padStart(2, '0');
function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A date: an Excel date serial (1900 system, from 1 March 1900), YYYY-MM-DD or M/D/YYYY, as YYYY-MM-DD. With
 * `earliest`, earlier dates are refused: a year typed as a number (1987) is the serial of a day in 1905.
 */
export function readDate(v: unknown, where: string, earliest?: string): string | undefined | Failure {
  const d = date(v, where);
  if (typeof d === 'string' && earliest && d < earliest)
    return new Failure('VALUE', `${where}: ${shown(v)} reads as ${d}${typeof v === 'number' ? ' (an Excel date serial)' : ''}, before ${earliest}; give a date cell, or a date written 1987-08-20`);
  return d;
}

function date(v: unknown, where: string): string | undefined | Failure {
  const bad = odd(v, where);
  if (bad) return bad;
  if (isEmpty(v)) return undefined;
  const valid = 'a date cell, or a date written 1987-08-20 or 8/20/1987';
  if (typeof v === 'number') {
    if (!(v >= 61 && v < 2958466)) return new Failure('VALUE', `${where}: ${v} is not a date serial Excel uses (61 = 1 March 1900 to 2958465 = 31 December 9999); give ${valid}`);
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86400000).toISOString().slice(0, 10);
  }
  const t = (v as string).trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const us = iso ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const ymd = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : us ? [Number(us[3]), Number(us[1]), Number(us[2])] : undefined;
  if (!ymd) return new Failure('VALUE', `${where}: ${shown(v)} is not a date; give ${valid}`);
  if (!realDate(ymd[0], ymd[1], ymd[2])) return new Failure('VALUE', `${where}: ${shown(v)} is not a date that exists; give ${valid}`);
  return `${ymd[0]}-${pad(ymd[1])}-${pad(ymd[2])}`;
}

/** A school year in any spelling parseYear accepts, as 2025-26. */
export function readYear(v: unknown, where: string, required = true): string | undefined | Failure {
  const t = readText(v, where, { required, hint: 'give a school year such as 2025-26' });
  if (t === undefined || t instanceof Failure) return t;
  const y = parseYear(t);
  return y.ok ? y.year : new Failure('VALUE', `${where}: ${y.message}`);
}

const next = (year: string) => {
  const s = Number(year.slice(0, 4)) + 1;
  return `${s}-${pad((s + 1) % 100)}`;
};

/**
 * Consecutive school years from a range of year cells, or from one cell holding a span "2024-25:2026-27"
 * (also "2024-25 to 2026-27"). A span has exactly two ends.
 */
export function readYears(cells: unknown[], where = 'years'): string[] | Failure {
  for (const [i, v] of cells.entries()) {
    const bad = odd(v, cells.length > 1 ? `${where}, cell ${i + 1}` : where);
    if (bad) return bad;
  }
  const values = cells.filter((v) => !isEmpty(v));
  const hint = 'give the school years as a span "2024-25:2026-27" or a range of year cells';
  if (!values.length) return new Failure('VALUE', `${where}: empty; ${hint}`);
  if (values.length === 1 && typeof values[0] === 'string' && /:|\bto\b/i.test(values[0])) {
    const parts = values[0].split(/:|\bto\b/i).map((s) => s.trim());
    if (parts.length !== 2) return new Failure('VALUE', `${where}: "${values[0]}" has ${parts.length} parts; a span has exactly two ends, "2024-25:2026-27"`);
    const ends: string[] = [];
    for (const p of parts) {
      const y = parseYear(p);
      if (!y.ok) return new Failure('VALUE', `${where}: ${y.message}`);
      ends.push(y.year);
    }
    if (ends[1] < ends[0]) return new Failure('VALUE', `${where}: "${values[0]}" runs backwards; write the earlier year first`);
    const out = [ends[0]];
    while (out[out.length - 1] !== ends[1]) out.push(next(out[out.length - 1]));
    return out;
  }
  const out: string[] = [];
  for (const [i, v] of values.entries()) {
    const y = readYear(v, values.length > 1 ? `${where}, year ${i + 1}` : where);
    if (y instanceof Failure) return y;
    out.push(y!);
  }
  for (let i = 1; i < out.length; i++)
    if (out[i] !== next(out[i - 1])) return new Failure('VALUE', `${where}: the years must follow one another: ${out[i - 1]} then ${out[i]}`);
  return out;
}

// ---------------------------------------------------------------- headers

/** A column a table accepts: the field, its canonical name first, then its aliases. */
export interface ColumnSpec<F extends string> { field: F; names: string[] }

export const headerKey = (h: unknown): string => String(h ?? '').toLowerCase().replace(/[\s_.]+/g, '');

/** Headers people keep beside the data that only look like a known name ("name" vs "lane"): always ignored. */
const DESCRIPTIVE = new Set(['name', 'firstname', 'lastname', 'fullname', 'building', 'site', 'school', 'notes', 'note', 'comment', 'comments', 'title', 'department', 'email', 'location', 'room']);
/** Words too common to mark a header as meant for a known column. */
const COMMON = new Set(['of', 'per', 'in', 'the', 'and', 'a', 'id', 'name', 'employee', 'new', 'date', 'change']);

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

export interface Header<F extends string> {
  /** column index of each field present */
  at: Partial<Record<F, number>>;
  /** how a column is named in messages: `column 4 "fte"` */
  label(field: F): string;
  /** the columns ignored, as `"name" (column 2)` */
  ignored: string[];
}

const columnLabel = (row: unknown[], i: number) => `column ${i + 1} ${shown(String(row[i] ?? '').trim())}`;

/** Reads a table's header row against the columns its kind accepts. */
export function readHeader<F extends string>(row: unknown[], table: string, spec: ColumnSpec<F>[]): Header<F> | Failure {
  const byKey = new Map<string, F>();
  for (const c of spec) for (const n of c.names) byKey.set(headerKey(n), c.field);
  const valid = spec.map((c) => c.names[0]).join(', ');
  const words = new Set(spec.flatMap((c) => c.names.flatMap((n) => n.toLowerCase().split(/[^a-z0-9]+/))).filter((w) => w.length > 1 && !COMMON.has(w)));
  const at: Partial<Record<F, number>> = {};
  const ignored: string[] = [];
  for (let i = 0; i < row.length; i++) {
    const h = row[i];
    if (isEmpty(h)) continue;
    if (isErrorValue(h) || typeof h === 'boolean') return new Failure('VALUE', `${table} header, column ${i + 1}: ${shown(h)} is not a column name; the first row names the columns: ${valid}`);
    const k = headerKey(h);
    const field = byKey.get(k);
    if (field !== undefined) {
      if (at[field] !== undefined)
        return new Failure('VALUE', `${table} header: ${columnLabel(row, at[field]!)} and ${columnLabel(row, i)} both name the column "${spec.find((c) => c.field === field)!.names[0]}"; keep one`);
      at[field] = i;
      continue;
    }
    const text = String(h).toLowerCase();
    const resembles = !DESCRIPTIVE.has(k) && (
      /%|\$|\bpct\b|percent/.test(text)
      || text.split(/[^a-z0-9]+/).some((w) => words.has(w))
      || [...byKey.keys()].some((n) => n.length > 1 && distance(k, n) <= (n.length < 5 ? 1 : 2)));
    if (resembles) return new Failure('VALUE', `${table} header, ${columnLabel(row, i)} is not a column this table reads, and looks like one; rename it to one of: ${valid} (or to something unlike them, to keep it as a note)`);
    ignored.push(`${shown(String(h).trim())} (column ${i + 1})`);
  }
  const labels = new Map(spec.map((c) => [c.field, at[c.field] === undefined ? `column "${c.names[0]}" (not in the table: add it)` : columnLabel(row, at[c.field]!)]));
  return { at, ignored, label: (f) => labels.get(f)! };
}
