/**
 * Range functions answer within a second or refuse with a message (issue 8, part 3). The refusals and the reuse of
 * answers within one call are checked here; the timings are in BENCHMARKS.md (npm run bench, range functions).
 */
class ShimError {
  constructor(readonly code: string, readonly message?: string) {}
}
(globalThis as any).CustomFunctions = { Error: ShimError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fns = require('../../functions/functions') as typeof import('../../functions/functions');

const col = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => [f(i)]);
const one = (v: unknown) => [[v]];
const LANES = ['BA', 'BA+15', 'MA', 'MA+15'];
const roster = (n: number) => [['id', 'lane', 'step', 'fte'], ...Array.from({ length: n }, (_, i) => [`E${i}`, LANES[i % 4], 'C', 1])];

describe('refused with a message, before any work', () => {
  test.each(['project', 'cost'] as const)(`%s: a roster over ${fns.MAX_ROSTER_ROWS.toLocaleString('en-US')} employees`, (name) => {
    const [[e]] = fns[name](roster(fns.MAX_ROSTER_ROWS + 1), one('2025-26:2026-27'), one('waconia/teachers')) as ShimError[][];
    expect(e).toEqual(new ShimError('#VALUE!', 'the roster has 5,001 employee rows; one call costs at most 5,000: split the roster (by contract or building) and add the results'));
  });
  test('compare: the same limit', () => {
    const [[e]] = fns.compare(roster(5001), one('2025-26:2026-27'), [['proposal', 'year', 'schedule %'], ['A', '2026-27', 0.03]], one(''), one('A'), one('waconia/teachers')) as ShimError[][];
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^the roster has 5,001 employee rows/);
  });
  test('blank rows of a whole-column reference do not count', () => {
    const table = [...roster(3), ...Array.from({ length: 20000 }, () => ['', '', '', ''])];
    const out = fns.cost(table, one('2025-26:2026-27'), one('waconia/teachers'));
    expect(out[0]).toEqual(['', '2025-26', '2026-27']);
  });
  test(`profile: more than ${fns.MAX_PROFILE_CONTRACTS} contracts`, () => {
    const [[e]] = fns.profile(col(51, () => 'waconia/teachers'), one('2025-26')) as ShimError[][];
    expect(e).toEqual(new ShimError('#VALUE!', '51 contract ids given; PROFILE compares at most 50 side by side'));
  });
  test(`gross: more than ${fns.MAX_DISTINCT_ROWS.GROSS.toLocaleString('en-US')} different rows`, () => {
    const n = fns.MAX_DISTINCT_ROWS.GROSS + 1;
    const [[e]] = fns.gross(col(n, () => 'Custodial Cleaner'), one(3), one('2025-26'), col(n, (i) => 20 + i / 1000), undefined, undefined, undefined, undefined, undefined, one('waconia/custodial')) as ShimError[][];
    expect(e).toEqual(new ShimError('#VALUE!', 'GROSS: the ranges hold 5,001 different rows; one call computes at most 5,000: split the ranges over several calls'));
  });
  test('audit: more than 10,000 different lines; 10,000 are answered', () => {
    // 2025-26 lane BA, step B prints 46,146 (004_95c67c5f7895ec64.txt:4960): every line is paid a different amount
    const lines = (n: number) => fns.audit(col(n, (i) => 46146 + i), one('BA'), one('B'), one('2025-26'), undefined, one('waconia/teachers'));
    const [[e]] = lines(10001) as ShimError[][];
    expect(e.message).toBe('AUDIT: the ranges hold 10,001 different rows; one call computes at most 10,000: split the ranges over several calls');
    const ok = lines(10000);
    expect(ok).toHaveLength(10000);
    // the citation as citeText renders it: the source's title, then the line and the file:line (src/format.ts)
    expect(ok[0]).toEqual([46146, 0, expect.stringMatching(/^matches ISD 110 School Board regular meeting packet.*, line 4960 \[004_95c67c5f7895ec64\.txt:4960\] \(waconia\/teachers 2025-26, row "B", lane BA\)$/)]);
    expect(ok[1].slice(0, 2)).toEqual([46146, 1]);
  });
});

describe('repeated rows are answered once, with the answer each row gets alone', () => {
  test('gross over 30,000 rows of 300 different weeks: each row equals its own 1×1 call', () => {
    const n = 30000;
    const worked = (i: number) => 30 + (i % 100) / 10;
    const positions = ['Custodial Cleaner', 'Night Leads / Groundskeeper', 'Custodial Cleaner x'];
    const out = fns.gross(col(n, (i) => positions[i % 3]), one(3), one('2025-26'), col(n, worked), col(n, (i) => (i % 3 === 0 ? 2 : 0)), undefined, undefined, undefined, undefined, one('waconia/custodial'));
    expect(out).toHaveLength(n);
    for (const i of [0, 1, 2, 299, 300, 12345, n - 1]) {
      const alone = fns.gross(one(positions[i % 3]), one(3), one('2025-26'), one(worked(i)), one(i % 3 === 0 ? 2 : 0), undefined, undefined, undefined, undefined, one('waconia/custodial'));
      expect([i, out[i][0]]).toEqual([i, alone[0][0]]);
    }
    expect(out[2][0]).toBeInstanceOf(ShimError); // an unknown position stays an error in its own rows only
    expect(typeof out[0][0]).toBe('number');
  });
  test('the number 1 and the text "1" are different rows', () => {
    const out = fns.stipend(col(2, () => 'Cross Country'), col(2, () => 'Head'), [[1], ['1']], one('2025-26'), one('waconia/teachers'));
    expect(out[0][0]).toBe(out[1][0]); // the same amount, each computed from its own argument
    const bad = fns.stipend(col(2, () => 'Cross Country'), col(2, () => 'Head'), [[1], [true]], one('2025-26'), one('waconia/teachers'));
    expect(typeof bad[0][0]).toBe('number');
    expect(bad[1][0]).toBeInstanceOf(ShimError);
  });
});

describe('a row answered from the per-call memo is the row given (functions/adapter.ts DistinctRows)', () => {
  const DAY = 'Day Leads / Custodial Maintenance';
  const CLEANER = 'Custodial Cleaner';
  test('HOURLY: rows that differ in the first, a middle or the last range argument only each get their own rate', () => {
    // 2025-26 Schedule A (004_95c67c5f7895ec64.txt:7287 Day Leads, :7289 Custodial Cleaner); 2026-27 Schedule B (:7301)
    const rows: [unknown, unknown, unknown, unknown][] = [
      [DAY, 1, '2025-26', 19.76],
      [DAY, 2, '2025-26', 20.43], // the step only
      [CLEANER, 2, '2025-26', 15.98], // the position only
      [CLEANER, 2, '2026-27', 16.78], // the year only
      [DAY, 1, '2025-26', 19.76], // a repeat
      [DAY, '2', '2025-26', 20.43], // the step as text: its own row, the same rate
      [DAY, 12, '2025-26', 27.6],
      [CLEANER, 12, '2025-26', 20.78],
    ];
    const out = fns.hourly(rows.map((r) => [r[0]]), rows.map((r) => [r[1]]), rows.map((r) => [r[2]]), one('waconia/custodial'));
    expect(out.map((r) => r[0])).toEqual(rows.map((r) => r[3]));
  });
  test('HOURLY: a column of positions against a row of steps spills the grid as printed', () => {
    // 2025-26 (004_95c67c5f7895ec64.txt:7287-7289): steps 1, 2 and 12
    const out = fns.hourly([[DAY], ['Night Leads / Groundskeeper'], [CLEANER]], [[1, 2, 12]], one('2025-26'), one('waconia/custodial'));
    expect(out).toEqual([[19.76, 20.43, 27.6], [19.07, 19.7, 26.61], [15.52, 15.98, 20.78]]);
  });
  test('HOURLY: an Excel error or an unknown step in one row leaves the same row elsewhere answered', () => {
    const out = fns.hourly(col(4, () => DAY), [[1], [new ShimError('#REF!')], [13], [1]], one('2025-26'), one('waconia/custodial'));
    expect(out[0][0]).toBe(19.76); // 004_95c67c5f7895ec64.txt:7287
    expect(out[1][0]).toEqual(new ShimError('#REF!')); // passed through as given
    expect((out[2][0] as ShimError).code).toBe('#VALUE!'); // the schedule prints steps 1-12
    expect(out[3][0]).toBe(19.76);
  });
  test('an Excel error in a one-cell argument: each element gets the first error in the order of the parameters', () => {
    const ref = new ShimError('#REF!');
    const num = new ShimError('#NUM!');
    // position (1st) a range with an error in row 2, step (2nd) one cell holding an error: the position's comes first
    expect(fns.hourly([[DAY], [ref]], one(num), one('2025-26'), one('waconia/custodial'))).toEqual([[num], [ref]]);
    // step (2nd) a range with an error in row 1, year (3rd) one cell holding an error: the step's comes first
    expect(fns.hourly(col(2, () => DAY), [[ref], [1]], one(num), one('waconia/custodial'))).toEqual([[ref], [num]]);
    // position (1st) one cell holding an error, step (2nd) a range with one: the position's, in every row
    expect(fns.hourly(one(num), [[ref], [1]], one('2025-26'), one('waconia/custodial'))).toEqual([[num], [num]]);
  });
  test('TERM: rows that differ in the years of service only (the last range argument) each get their own tier', () => {
    // longevity: $200 a year after 15 years, $400 after 20, $600 after 25 (004_95c67c5f7895ec64.txt:6100)
    const yos = [15, 19, 20, 25, 15, 24, 30];
    const out = fns.term(col(yos.length, () => 'longevity'), one('2025-26'), undefined, one('waconia/custodial'), yos.map((n) => [n]));
    expect(out.map((r) => r[0])).toEqual([200, 200, 400, 600, 200, 400, 600]);
  });
});

describe('contract and year resolved once per call (functions/adapter.ts CallContext)', () => {
  const positions = col(300, (i) => ['Day Leads / Custodial Maintenance', 'Night Leads / Groundskeeper', 'Custodial Cleaner'][i % 3]);
  const steps = col(300, (i) => (i % 12) + 1);
  afterEach(() => jest.restoreAllMocks());
  test('HOURLY over 300 rows of one contract and year: each resolved once, however many elements; each call afresh', () => {
    const contracts = jest.spyOn(fns.api, 'contractId');
    const years = jest.spyOn(fns.api, 'schoolYear');
    const lists = jest.spyOn(fns.api, 'years'); // the years a contract covers: only for the hint of an empty year
    const out = fns.hourly(positions, steps, one('2025-2026'), one('waconia/custodial'));
    expect(out[0][0]).toBe(19.76); // Day Leads / Custodial Maintenance, step 1, 2025-26 (004_95c67c5f7895ec64.txt:7287)
    expect([contracts.mock.calls.length, years.mock.calls.length, lists.mock.calls.length]).toEqual([1, 1, 0]);
    fns.hourly(positions, steps, one('2025-26'), one('waconia/custodial'));
    expect([contracts.mock.calls.length, years.mock.calls.length]).toEqual([2, 2]);
  });
  test('several contracts and years in one call: each distinct one resolved once, each row answered for its own', () => {
    const contracts = jest.spyOn(fns.api, 'contractId');
    const years = jest.spyOn(fns.api, 'schoolYear');
    const rows = 12;
    const contract = col(rows, (i) => ['waconia/custodial', 'WACONIA/CUSTODIAL', 'nope'][i % 3]);
    const year = col(rows, (i) => ['2025-26', 'FY2027'][i % 2]);
    const out = fns.hourly(col(rows, () => 'Day Leads / Custodial Maintenance'), one(1), year, contract);
    // Day Leads / Custodial Maintenance, step 1: 2025-26 $19.76 (004_95c67c5f7895ec64.txt:7287), 2026-27 $20.75 (:7299)
    for (let i = 0; i < rows; i++) {
      if (i % 3 === 2) expect([i, (out[i][0] as ShimError).code]).toEqual([i, '#VALUE!']); // no such contract
      else expect([i, out[i][0]]).toEqual([i, i % 2 ? 20.75 : 19.76]);
    }
    // three contract arguments; the two spellings name one contract, whose two years are resolved once each
    expect([contracts.mock.calls.length, years.mock.calls.length]).toEqual([3, 2]);
  });
  test('the answers are those of the year as given: "2025-2026" and "FY2026" are 2025-26; a year not covered keeps the engine\'s reason', () => {
    const given = fns.hourly(positions, steps, one('2025-26'), one('waconia/custodial'));
    expect(fns.hourly(positions, steps, one('FY2026'), one('waconia/custodial'))).toEqual(given);
    const [[e]] = fns.hourly(one('Custodial Cleaner'), one(1), one('2040-41'), one('waconia/custodial')) as ShimError[][];
    expect([e.code, e.message]).toEqual(['#N/A', expect.stringMatching(/^waconia\/custodial does not cover 2040-41/)]);
  });
  test.each([
    ['stipend', () => fns.stipend(col(50, () => 'Cross Country'), col(50, (i) => ['Head', 'Assistant'][i % 2]), col(50, (i) => (i % 20) + 1), one('2025-26'), one('waconia/teachers'))],
    ['term', () => fns.term(col(50, () => 'longevity'), one('2025-26'), undefined, one('waconia/custodial'), col(50, (i) => i % 30))],
    ['rate', () => fns.rate(one('daily'), col(50, (i) => ['BA', 'MA'][i % 2]), col(50, (i) => 'BCDEFGH'[i % 7]), one('2025-26'), one('waconia/teachers'))],
  ])('%s over 50 rows: the contract resolved once, its years not listed', (_name, call) => {
    const contracts = jest.spyOn(fns.api, 'contractId');
    const lists = jest.spyOn(fns.api, 'years');
    call();
    expect([contracts.mock.calls.length, lists.mock.calls.length]).toEqual([1, 0]);
  });
});

describe('SALARY over a column: rows with the same cell share their answer, and an unanswered row is its own', () => {
  // MA+15 step H 2025-26: 64,654 (004_95c67c5f7895ec64.txt:4966); BA step B: 46,146 (004:4959)
  const lanes = col(6, (i) => ['MA+15', 'BA', 'XX', 'MA+15', 'BA', 'MA+15'][i]);
  const steps = col(6, (i) => ['H', 'B', 'B', 'H', 'B', 'H'][i]);
  const out = fns.salary(lanes, steps, one('2025-26'), one('waconia/teachers')) as unknown[][];
  test('each row holds its own cell\'s salary; the unknown lane answers #VALUE! for its row alone', () => {
    expect(out.map((r) => (r[0] instanceof ShimError ? r[0].code : r[0]))).toEqual([64654, 46146, '#VALUE!', 64654, 46146, 64654]);
    expect((out[2][0] as ShimError).message).toMatch(/XX/);
  });
  test('a spill of 50,000 rows holds one value per row', () => {
    const big = fns.salary(col(50000, (i) => (i % 2 ? 'BA' : 'MA+15')), col(50000, (i) => (i % 2 ? 'B' : 'H')), one('2025-26'), one('waconia/teachers')) as unknown[][];
    expect(big).toHaveLength(50000);
    expect(big[49998][0]).toBe(64654);
    expect(big[49999][0]).toBe(46146);
  });
});
