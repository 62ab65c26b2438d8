/**
 * The Excel side of the custom functions, kept thin: the one argument layer (every parameter read by its kind,
 * by the one reading policy of ./reading.ts, README "How tables and arguments are read"), broadcasting over
 * ranges like Excel's own functions, and engine Failures mapped to Excel errors. No contract rule lives here;
 * the engine is reached only through the API (functions/contract-api.ts).
 */
import { Failure } from '../src/failure';
import { isErrorValue, readCount, readFte, readMoney, readNumber, readText } from './reading';
import { api } from './contract-api';

/** What Excel passes for a matrix parameter: a 2-D array, or null/undefined when an optional one is omitted. */
export type Arg = unknown[][] | null | undefined;

export function toExcelError(f: Failure): CustomFunctions.Error {
  const code = f.code === 'VALUE' ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, readableMessage(f));
}

/** A Failure's message with its citations readable (api.readable), once per Failure: the engine reuses them. */
const readableMessages = new WeakMap<Failure, string>();
function readableMessage(f: Failure): string {
  let m = readableMessages.get(f);
  if (m === undefined) readableMessages.set(f, (m = api.readable(f.message)));
  return m;
}

/** An Excel error value in an argument (the reading policy's own test). */
const isExcelError = isErrorValue as (v: unknown) => v is CustomFunctions.Error;

/**
 * The value of an argument that takes one cell (a contract, a proposal name, a year where the function does not
 * broadcast): a range of several cells is refused, never read by its first cell. A Failure passes through the
 * text readers below.
 */
export function cell(arg: Arg, name: string): unknown {
  if (!arg || !arg.length) return undefined;
  if (arg.length > 1 || arg[0].length > 1) return new Failure('VALUE', `${name} takes one cell; got a range of ${arg.length} rows × ${Math.max(...arg.map((r) => r.length))} columns`, 'range-for-scalar');
  return arg[0][0];
}

/** A text argument: strings as typed, numbers as their digits ("8" for lane 8); empty -> undefined (./reading.ts). */
export function text(v: unknown, name: string): string | undefined | Failure {
  return v instanceof Failure ? v : readText(v, name);
}

/** A required text argument; the hint (built only when needed) says what to give. */
export function requiredText(v: unknown, name: string, choicesHint: string | (() => string)): string | Failure {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (v instanceof Failure) return v;
  const t = readText(v, name);
  if (t === undefined) return new Failure('VALUE', `${name} is empty; ${typeof choicesHint === 'function' ? choicesHint() : choicesHint}`);
  return t;
}

/**
 * An optional number argument (hours, dollars): a number or text that is a plain number ("1,234.50"), 0 or more;
 * anything else refused, never read as 0.
 */
export function optionalNumber(v: unknown, name: string): number | undefined | Failure {
  return readNumber(v, name, { min: 0, max: 1e9, valid: 'a number from 0 to 1,000,000,000' });
}

/**
 * Applies fn element-wise over the arguments, broadcasting like Excel: a 1x1 argument repeats
 * everywhere, a single row or column repeats along the other axis, and where ranges of different sizes
 * leave an element without a partner the result is #N/A. An input element that is an Excel error is
 * passed through unchanged. fn gets one element's arguments as an array (the same array, refilled for each
 * element: read it at once) and returns a value or a Failure; Failures become Excel errors in that element only.
 */
export function broadcast(args: Arg[], fn: (xs: unknown[]) => unknown): unknown[][] {
  let rows = 1;
  let cols = 1;
  for (const a of args) {
    if (!a || a.length === 0) continue;
    if (a.length > rows) rows = a.length;
    if (a[0].length > cols) cols = a[0].length;
  }
  const n = args.length;
  // a literal filled in order: `new Array` is a slow global lookup in a sandboxed runtime, and so is setting length
  const xs: unknown[] = [];
  if (rows === 1 && cols === 1) {
    // the common single-cell call: no loops, one element
    let error: unknown;
    for (let p = 0; p < n; p++) {
      const a = args[p];
      const v = a && a.length ? a[0][0] : undefined;
      if (error === undefined && isExcelError(v)) error = v;
      xs[p] = v;
    }
    if (error !== undefined) return [[error]];
    const v = fn(xs);
    return [[v instanceof Failure ? toExcelError(v) : v]];
  }
  // an omitted or one-cell argument is the same in every element: placed in xs, and checked for an Excel error,
  // once; each element then reads only the ranges (a GROSS over a column has 12 arguments, 5 of them ranges)
  const ranges: number[] = [];
  let fixedError = -1; // the first one-cell argument holding an Excel error, if any
  for (let p = 0; p < n; p++) {
    const a = args[p];
    if (!a || a.length === 0) xs[p] = undefined;
    else if (a.length === 1 && a[0].length === 1) {
      xs[p] = a[0][0];
      if (fixedError < 0 && isExcelError(xs[p])) fixedError = p;
    } else {
      xs[p] = undefined; // read per element
      ranges.push(p);
    }
  }
  const m = ranges.length;
  const out: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: unknown[] = cols === 1 ? [undefined] : []; // a one-cell row as a one-element literal (push would reserve 17 slots)
    for (let j = 0; j < cols; j++) {
      let missing = false;
      let error: unknown;
      for (let k = 0; k < m; k++) {
        const p = ranges[k];
        const a = args[p]!;
        const r = a.length === 1 ? a[0] : a[i];
        const v = r === undefined ? undefined : r.length === 1 ? r[0] : r[j];
        if (r === undefined || (r.length <= j && r.length !== 1)) missing = true;
        // the first Excel error in the order of the parameters, as if every argument were read per element
        if (error === undefined && (fixedError < 0 || p < fixedError) && isExcelError(v)) error = v;
        xs[p] = v;
      }
      if (error === undefined && fixedError >= 0) error = xs[fixedError];
      if (missing) row[j] = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, 'The ranges given have different sizes; this element has no partner in a smaller range.');
      else if (error !== undefined) row[j] = error;
      else {
        const v = fn(xs);
        row[j] = v instanceof Failure ? toExcelError(v) : v;
      }
    }
    out[i] = row;
  }
  return out;
}

/** Turns a list into a one-column spill. */
export function column(items: readonly unknown[]): unknown[][] {
  return items.map((x) => [x]);
}

/** A single failure as a 1x1 result. */
export function single(f: Failure): unknown[][] {
  return [[toExcelError(f)]];
}

// ---------------------------------------------------------------- per call: distinct rows, contract

/** A range of several cells: the arguments whose element changes from one element of a call to the next. */
const ranges = (args: Arg[]): number[] => {
  const out: number[] = [];
  for (let p = 0; p < args.length; p++) {
    const a = args[p];
    if (a && (a.length > 1 || (a.length === 1 && a[0].length > 1))) out.push(p);
  }
  return out;
};

/** A trie leaf not yet answered (counted by spill's first pass). */
const PENDING = Symbol('not yet answered');

/**
 * The distinct rows of arguments of one call, each answered once. The key of a row is its cells themselves, one
 * Map level per argument that is a range: a 1×1 or omitted argument is the same in every element of the call, so
 * it cannot tell two rows apart and costs nothing per element. Map keys compare cells as they are (the text "3"
 * and the number 3 are different rows; 3 and 3.0 are one), so no two rows that could answer differently share an
 * answer, and no text key is built per element. A cell that is not text, a number, a boolean or empty (Excel
 * passes none; an Excel error never reaches fn, broadcast() passes it through) is answered on its own, never
 * remembered.
 */
class DistinctRows {
  private readonly root = new Map<unknown, unknown>();
  /** distinct rows seen */
  size = 0;

  constructor(private readonly varying: number[]) {}

  /** The leaf map of a row and its last key, or undefined for a row not to remember. */
  private leaf(xs: unknown[]): Map<unknown, unknown> | undefined {
    const varying = this.varying;
    const last = varying.length - 1;
    let node = this.root;
    for (let k = 0; k < last; k++) {
      const v = xs[varying[k]];
      if (v !== null && typeof v === 'object') return undefined;
      let next = node.get(v) as Map<unknown, unknown> | undefined;
      if (next === undefined) node.set(v, (next = new Map()));
      node = next;
    }
    const v = xs[varying[last]];
    return v !== null && typeof v === 'object' ? undefined : node;
  }

  /** Counts a row (spill's first pass), not answering it. */
  count(xs: unknown[]): void {
    const node = this.leaf(xs);
    if (node === undefined) {
      this.size++;
      return;
    }
    const key = xs[this.varying[this.varying.length - 1]];
    if (!node.has(key)) {
      node.set(key, PENDING);
      this.size++;
    }
  }

  /** The answer of a row: remembered, or fn's, then remembered. */
  answer(xs: unknown[], fn: (xs: unknown[]) => unknown): unknown {
    const node = this.leaf(xs);
    if (node === undefined) return fn(xs);
    const key = xs[this.varying[this.varying.length - 1]];
    const hit = node.get(key);
    if (hit !== undefined && hit !== PENDING) return hit;
    if (hit === undefined && node.has(key)) return undefined;
    const v = fn(xs);
    node.set(key, v);
    return v;
  }
}

/**
 * Distinct rows one call computes, for the functions whose rows cost tens of microseconds each (a week's pay with
 * its premiums, severance with its deductions, an audited payment): more than a year of a unit's payroll, few
 * enough to answer within a second (BENCHMARKS.md, range functions). Repeated rows are computed once and not counted.
 */
export const MAX_DISTINCT_ROWS = { GROSS: 5_000, SEVERANCE: 10_000, AUDIT: 10_000 } as const;

/**
 * broadcast() answering each distinct row of arguments once within the call (DistinctRows): a 50,000-row range
 * holds far fewer distinct rows (a payroll repeats its placements), and an answer (a number, a text or a Failure)
 * never changes during a call. Never shared between calls, so nothing goes stale when a contract or the default
 * changes. With maxDistinct, the rows are counted first (a Map.get per range argument a row) and a call with more
 * distinct rows is refused before any is computed; elements that are an Excel error or lack a partner are not rows.
 */
export function spill(name: string, args: Arg[], fn: (xs: unknown[]) => unknown, maxDistinct?: number): unknown[][] {
  const varying = ranges(args);
  if (varying.length === 0) return broadcast(args, fn); // one element
  const rows = new DistinctRows(varying);
  if (maxDistinct !== undefined) {
    broadcast(args, (xs) => rows.count(xs));
    if (rows.size > maxDistinct)
      return single(new Failure('VALUE', `${name}: the ranges hold ${rows.size.toLocaleString('en-US')} different rows; one call computes at most ${maxDistinct.toLocaleString('en-US')}: split the ranges over several calls`, 'too-large'));
  }
  return broadcast(args, (xs) => rows.answer(xs, fn));
}

/**
 * One call's contract and year parameters, each distinct argument resolved once for the whole call however many
 * elements repeat it (a column of 50,000 rows of one contract and year resolves each once, as SALARY's fast path
 * does through api.salaries): a contract argument to its id or why not, a year to its canonical spelling for that
 * contract. A year that does not resolve is handed on as given, so that the engine refuses it where it always has
 * (an unknown position is named before an uncovered year). Made per call, never shared: nothing goes stale when a
 * contract is loaded or the default changes.
 */
export class CallContext {
  // The first contract and year are kept in fields, and the maps made only when a call holds a second: most calls
  // hold one of each, and a single-cell call (a sheet of per-row formulas) makes a CallContext per cell, where two
  // `new Map()` cost more than the lookups they would save (`Map` is a slow global lookup in a sandboxed runtime,
  // a vm context, as the tests and the bench load functions.js).
  private contractArg: unknown = NONE;
  private contractId: string | Failure | undefined;
  private contracts: Map<unknown, string | Failure> | undefined;
  private yearOf: { contract: string; year: string; canonical: string } | undefined;
  private years: Map<string, string> | undefined;

  /** The contract argument of an element (empty: the workbook default), resolved once per distinct value. */
  contract(v: unknown): string | Failure {
    if (v === this.contractArg) return this.contractId!;
    const hit = this.contracts?.get(v);
    if (hit !== undefined) return hit;
    const id = contractOf(v);
    // an Excel error value is a new object each time: not worth remembering
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number') {
      if (this.contractArg === NONE) {
        this.contractArg = v;
        this.contractId = id;
      } else (this.contracts ??= new Map()).set(v, id);
    }
    return id;
  }

  /** The year text of an element for a resolved contract: canonical where the contract covers it, else as given. */
  year(contract: string, y: string): string {
    const first = this.yearOf;
    if (first && first.contract === contract && first.year === y) return first.canonical;
    const key = `${contract}\u0000${y}`;
    let canonical = this.years?.get(key);
    if (canonical === undefined) {
      const r = api.schoolYear({ contract, year: y });
      canonical = r instanceof Failure ? y : r;
      if (!first) this.yearOf = { contract, year: y, canonical };
      else (this.years ??= new Map()).set(key, canonical);
    }
    return canonical;
  }
}

/** No argument seen yet (undefined is an argument: an omitted contract). */
const NONE = Symbol('none');

/** Resolves the contract argument of one element (empty -> the workbook default). */
export function contractOf(v: unknown): string | Failure {
  const t = text(v, 'contract');
  if (t instanceof Failure) return t;
  return api.contractId({ contract: t });
}

/** The text arguments of one element, or the first Failure among them. */
export function texts(pairs: [unknown, string, string | (() => string)][]): string[] | Failure {
  const out: string[] = [];
  for (const [v, name, hint] of pairs) {
    const t = requiredText(v, name, hint);
    if (t instanceof Failure) return t;
    out.push(t);
  }
  return out;
}

/** A required number of seasons, days, hours or units: 0 or more; text holding a plain number is accepted, anything else refused. */
export function count(v: unknown, name: string): number | Failure {
  return readNumber(v, name, { required: true, min: 0, max: 1e9, valid: 'a number from 0 to 1,000,000,000' }) as number | Failure;
}

/** The bonus ids of one element: "state-tournament" or several separated by commas. */
export function bonusList(v: unknown): string[] | Failure {
  const t = text(v, 'bonus');
  if (t instanceof Failure) return t;
  return t === undefined ? [] : t.split(',').map((x) => x.trim()).filter(Boolean);
}

/** A yes/no argument: TRUE/FALSE, 1/0, or text yes/no/true/false; empty is `fallback`. Anything else is refused. */
export function flag(v: unknown, name: string, fallback: boolean): boolean | Failure {
  if (v === null || v === undefined || v === '') return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(t)) return true;
    if (['false', 'no', 'n', '0'].includes(t)) return false;
  }
  return new Failure('VALUE', `${name} must be TRUE or FALSE (or yes/no, 1/0); got ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : String(v)}`);
}

/**
 * A table parameter (roster, proposals, rates): the whole range, its first row naming the columns, read by the
 * table's reader (./tables.ts) into the typed data the engine takes. An omitted table is undefined, or when
 * `required`, what the reader says of an empty one.
 */
export function table<T>(arg: Arg, read: (cells: unknown[][]) => T | Failure, required: true): T | Failure;
export function table<T>(arg: Arg, read: (cells: unknown[][]) => T | Failure, required?: boolean): T | undefined | Failure;
export function table<T>(arg: Arg, read: (cells: unknown[][]) => T | Failure, required = false): T | undefined | Failure {
  return arg && arg.length ? read(arg) : required ? read([]) : undefined;
}

/** The cells of a range, row by row. */
export const cellsOf = (range: any[][] | undefined | null): unknown[] => (range ?? []).flat();

// ---------------------------------------------------------------- parameter kinds (one reading policy)

/** A fraction of full time: 0.6 or "60%"; empty: none. */
export const fraction = (v: unknown, name: string) => readFte(v, name);
/** Dollars: 1234.5 or "$1,234.50". */
export const money = (v: unknown, name: string, required = false) => readMoney(v, name, { required });
/** A whole count within bounds (years of service …); empty: none. */
export const wholeCount = (v: unknown, name: string, min: number, max: number, what: string) => readCount(v, name, min, max, what);

/** The value of an answer as Excel takes it: a Failure becomes an Excel error; a value stays. */
export function toExcel(v: unknown): unknown {
  return v instanceof Failure ? toExcelError(v) : v;
}

/** The years a resolved contract covers (for the hints of an empty year). */
export function yearsOf(contract: string): string[] {
  const ys = api.years({ contract });
  return ys instanceof Failure ? [] : ys;
}

/** The hint for an empty lane or step: a few of the schedule's labels, or why it has none. */
export function axisHint(labels: string[] | Failure, name: 'lane' | 'step', contract: string): string {
  return labels instanceof Failure ? `give a ${name} (${contract} has no annual salary schedule)` : `give a ${name} such as ${labels.slice(0, 3).join(', ')}`;
}
