/**
 * Which column of an uploaded or selected table holds which field: guessed from the header row by the names and
 * aliases the reading policy accepts (the readers publish them: tableColumns), then confirmed or changed by the user.
 * The confirmed table is rewritten with the canonical names and only the mapped columns, and read by the engine's
 * own reader, so an upload and a sheet are read by the one policy.
 */
import type { InCell } from './xlsx';

export interface ColumnSpec { field: string; names: string[] }
/** field → column index in the source table (undefined: not mapped) */
export type Mapping = Record<string, number | undefined>;

const key = (h: unknown): string => String(h ?? '').toLowerCase().replace(/[\s_.]+/g, '');

/**
 * Guesses: a header equal to a name or alias (case, spaces, `_` and `.` aside) first; then a header that contains
 * one of the field's names of three letters or more ("Teacher ID" is not guessed, "Employee number" is `id`). A
 * column is used for one field only.
 */
export function guessMapping(header: readonly unknown[], spec: readonly ColumnSpec[]): Mapping {
  const keys = header.map(key);
  const used = new Set<number>();
  const out: Mapping = {};
  for (const c of spec) {
    const i = keys.findIndex((k, j) => !used.has(j) && c.names.some((n) => key(n) === k));
    if (i >= 0) {
      out[c.field] = i;
      used.add(i);
    }
  }
  for (const c of spec) {
    if (out[c.field] !== undefined) continue;
    const i = keys.findIndex((k, j) => !used.has(j) && k !== '' && c.names.some((n) => key(n).length >= 3 && k.includes(key(n))));
    if (i >= 0) {
      out[c.field] = i;
      used.add(i);
    }
  }
  return out;
}

/** The table as the reader wants it: a header of canonical names, then the mapped columns of each row. */
export function mappedTable(cells: readonly (readonly InCell[])[], mapping: Mapping, spec: readonly ColumnSpec[]): InCell[][] {
  const fields = spec.filter((c) => mapping[c.field] !== undefined);
  return [fields.map((c) => c.names[0]), ...cells.slice(1).map((row) => fields.map((c) => row[mapping[c.field]!] ?? null))];
}
