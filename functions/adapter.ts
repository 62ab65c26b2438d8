/**
 * The Excel side of the custom functions, kept thin: coerce Excel arguments, broadcast over ranges
 * like Excel's own functions, map engine Failures to Excel errors. No contract rule lives here.
 */
import { Failure } from '../src/engine';
import { isErrorValue, readNumber, readText } from '../src/reading';

/** What Excel passes for a matrix parameter: a 2-D array, or null/undefined when an optional one is omitted. */
export type Arg = unknown[][] | null | undefined;

export function toExcelError(f: Failure): CustomFunctions.Error {
  const code = f.code === 'VALUE' ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, f.message);
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
  if (arg.length > 1 || arg[0].length > 1) return new Failure('VALUE', `${name} takes one cell; got a range of ${arg.length} rows × ${Math.max(...arg.map((r) => r.length))} columns`);
  return arg[0][0];
}

/** A text argument: strings as typed, numbers as their digits ("8" for lane 8); empty -> undefined (src/reading.ts). */
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
  const xs = new Array<unknown>(n);
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
  const out = new Array<unknown[]>(rows);
  for (let i = 0; i < rows; i++) {
    const row = new Array<unknown>(cols);
    for (let j = 0; j < cols; j++) {
      let missing = false;
      let error: unknown;
      for (let p = 0; p < n; p++) {
        const a = args[p];
        if (!a || a.length === 0) {
          xs[p] = undefined;
          continue;
        }
        const r = a.length === 1 ? a[0] : a[i];
        const v = r === undefined ? undefined : r.length === 1 ? r[0] : r[j];
        if (r === undefined || (r.length <= j && r.length !== 1)) missing = true;
        if (error === undefined && isExcelError(v)) error = v;
        xs[p] = v;
      }
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
