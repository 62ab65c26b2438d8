/**
 * Excel passes `null` for an optional argument the formula leaves out ("When no value is specified for an optional
 * parameter, Excel assigns it the value null": Microsoft, "Custom functions parameter options"). Every function of
 * the built bundle must answer a call with nulls exactly as the same call with the arguments absent or undefined:
 * never a crash, a 0 or a different error. Each call below is a valid one from the README, so the answer is a value
 * and the null path really runs; the values themselves are checked against the documents in functions.test.ts.
 */
import { loadBundle, ShimError } from '../support/excel-shim';

const bundle = loadBundle();
const W = 'waconia/teachers';
const AH = 'anoka-hennepin/teachers';
const C = 'waconia/custodial';
const ROSTER = [
  ['id', 'contract', 'lane', 'step', 'fte'],
  ['t1', W, 'MA+15', 'C', 1],
  ['t2', W, 'BA+15', 'D', 0.5],
];
/** Two proposals as the README's proposals table describes them (3% against 2.5%, with steps; Excel percents). */
const PROPOSALS = [
  ['proposal', 'year', 'schedule %', 'steps'],
  ['A', '2025-26', 0.03, 1],
  ['B', '2025-26', 0.025, 1],
];

/** For each function: its required arguments (as cells), or a range for the roster; optional ones are left out. */
const CALLS: Record<string, unknown[]> = {
  SALARY: ['MA+15', 'H', '2025-26'],
  'SALARY.SOURCE': ['MA+15', 'H', '2025-26'],
  SCHEDULE: ['2025-26'],
  CONTRACTS: [],
  YEARS: [],
  LANES: [],
  STEPS: [],
  HOURLY: ['Custodial Cleaner', 7, '2025-26'],
  'HOURLY.SOURCE': ['Custodial Cleaner', 7, '2025-26'],
  STIPEND: ['Football', 'Head', 8],
  'STIPEND.SOURCE': ['Football', 'Head', 8],
  'STIPEND.RANGE': ['Speech', 'Head Coach', '2005-06'],
  'STIPEND.UNITS': ['Debate', 'Head Coach', 150, '2005-06'],
  TERM: ['insurance-contribution', '2025-26'],
  'TERM.RANGE': ['elementary-technology-leader', '2006-07'],
  'TERM.SOURCE': ['insurance-contribution', '2025-26'],
  RATE: ['daily', 'MA+15', 'H', '2025-26'],
  'RATE.SOURCE': ['daily', 'MA+15', 'H', '2025-26'],
  GROSS: ['Custodial Cleaner', 7, '2025-26', 45],
  'GROSS.SOURCE': ['Custodial Cleaner', 7, '2025-26', 45],
  PRORATE: ['BA', 1, '2005-06', 10],
  SEVERANCE: ['MA', 'CII', '2006-07', 120],
  'SEVERANCE.SOURCE': ['MA', 'CII', '2006-07', 120],
  PROJECT: [ROSTER, '2024-25:2025-26'],
  COST: [ROSTER, '2024-25:2025-26'],
  COMPARE: [ROSTER, '2024-25:2025-26', PROPOSALS, 'A', 'B'],
  AUDIT: [79052, 'MA+15', 'C', '2024-25'],
  PROFILE: [W, '2025-26'],
  ACTIVITIES: [],
  ROLES: [],
  POSITIONS: [],
  TERMS: [],
  SCHEDULES: [],
  RANGE: ['Grade 4', '2025-26'],
  'RANGE.SOURCE': ['Grade 4', '2025-26'],
};
/**
 * Functions no bundled contract can answer with a value: no bundled agreement states a min-max range schedule (the
 * synthetic lakeshore/support one in examples/contracts is loaded at run time). Their null path is still compared
 * with the absent one, message for message; only the "answers with a value" check is left out.
 */
const NO_VALUE_FROM_BUNDLED = new Set(['RANGE', 'RANGE.SOURCE']);
/**
 * The contract each call is about, given where the function has the argument and the call needs one that is not
 * the workbook default (there is none here: a blank contract names no contract and the function says so, the same
 * for null as for absent; both are checked).
 */
const CONTRACT_OF: Record<string, string> = {
  SALARY: W, 'SALARY.SOURCE': W, SCHEDULE: W, YEARS: W, LANES: W, STEPS: W, HOURLY: C, 'HOURLY.SOURCE': C,
  STIPEND: W, 'STIPEND.SOURCE': W, 'STIPEND.RANGE': AH, 'STIPEND.UNITS': AH, TERM: W, 'TERM.RANGE': AH,
  'TERM.SOURCE': W, RATE: W, 'RATE.SOURCE': W, GROSS: C, 'GROSS.SOURCE': C, PRORATE: AH, SEVERANCE: AH,
  'SEVERANCE.SOURCE': AH, PROJECT: W, COST: W, COMPARE: W, AUDIT: W, ACTIVITIES: W, ROLES: W, POSITIONS: C, TERMS: W,
  SCHEDULES: W, RANGE: C, 'RANGE.SOURCE': C,
};
/** Optional arguments these calls need: STIPEND's year, the coverage of the insurance contribution. */
const ALSO: Record<string, Record<string, unknown>> = {
  STIPEND: { year: '2025-26' },
  'STIPEND.SOURCE': { year: '2025-26' },
  TERM: { key: 'Family' },
  'TERM.SOURCE': { key: 'Family' },
};

const cell = (v: unknown) => (Array.isArray(v) ? v : [[v]]);
/** What a result looks like for comparing: errors by code and message, so a changed message is a difference. */
const shape = (r: unknown): unknown =>
  Array.isArray(r) ? r.map(shape) : r instanceof ShimError ? { error: r.code, message: r.message } : r;
const errors = (r: unknown): string[] =>
  Array.isArray(r) ? r.flatMap(errors) : r instanceof ShimError ? [`${r.code} ${r.message}`] : [];

test('every function in functions.json has a call here', () => {
  expect(bundle.metadata.functions.map((f) => f.id).filter((id) => !(id in CALLS))).toEqual([]);
});

describe.each(bundle.metadata.functions.map((f) => [f.id, f] as const))('%s', (id, f) => {
  const fn = bundle.functions.get(id)!;
  const required = f.parameters.filter((p) => !p.optional);
  const given = (p: { name: string }) => (p.name === 'contract' && CONTRACT_OF[id] ? CONTRACT_OF[id] : ALSO[id]?.[p.name]);
  /** The arguments Excel passes: the required ones, the ones this call needs, and `omitted` for every other one. */
  const args = (omitted: null | undefined) => {
    let r = 0;
    return f.parameters.map((p) => {
      if (!p.optional) return cell(CALLS[id][r++]);
      const v = given(p);
      return v === undefined ? omitted : cell(v);
    });
  };

  test('null for the omitted optional arguments answers as if they were absent, and with a value', () => {
    expect(CALLS[id]).toHaveLength(required.length);
    const withNull = fn(...args(null));
    const withUndefined = fn(...args(undefined));
    const lastGiven = f.parameters.map((p, i) => (!p.optional || given(p) !== undefined ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    const absent = fn(...args(undefined).slice(0, lastGiven + 1)); // the trailing ones not passed at all
    expect(shape(withNull)).toEqual(shape(withUndefined));
    expect(shape(withNull)).toEqual(shape(absent));
    if (NO_VALUE_FROM_BUNDLED.has(id)) expect(errors(withNull)).toEqual(['#N/A waconia/custodial has no min-max range schedule']);
    else expect(errors(withNull)).toEqual([]);
  });

  test('null for each optional argument alone equals leaving that one out', () => {
    f.parameters.forEach((p, i) => {
      if (!p.optional) return;
      const base = args(undefined);
      const withNull = [...base];
      withNull[i] = null;
      expect([p.name, shape(fn(...withNull))]).toEqual([p.name, shape(fn(...base.map((a, j) => (j === i ? undefined : a))))]);
    });
  });
});
