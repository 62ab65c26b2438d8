/**
 * The built functions.js called as Excel calls it (2-D arrays in, 2-D arrays out), for the argument
 * shapes and values a workbook can throw at it. Values from 004_95c67c5f7895ec64.txt (2025-26 rows 4960-4982).
 */
import * as fs from 'fs';
import * as path from 'path';
import { DIST, loadBundle, ShimError } from '../support/excel-shim';

const bundle = loadBundle();
const fn = (id: string) => bundle.functions.get(id)!;
const SALARY = (...args: unknown[]) => fn('SALARY')(...args) as unknown[][];
const W = [['waconia/teachers']];
const Y = [['2025-26']];

function error(v: unknown): ShimError {
  expect(v).toBeInstanceOf(ShimError);
  return v as ShimError;
}

test('loads where only CustomFunctions exists, and associates every function in functions.json', () => {
  expect(Object.keys(bundle.context).sort()).toEqual(['ContractAddin', 'CustomFunctions']);
  expect(bundle.metadata.functions.map((f) => f.id).sort()).toEqual([...bundle.functions.keys()].sort());
  expect(bundle.metadata.functions.map((f) => f.id)).toEqual(expect.arrayContaining(['SALARY', 'SCHEDULE', 'CONTRACTS', 'YEARS', 'LANES', 'STEPS']));
});

test('every function and parameter carries help text and a help URL', () => {
  for (const f of bundle.metadata.functions as any[]) {
    expect(f.description?.length).toBeGreaterThan(10);
    expect(f.helpUrl).toMatch(/^https:\/\/localhost:3000\/help\.html#/);
    for (const p of f.parameters) expect([f.id, p.name, (p.description?.length ?? 0) > 5]).toEqual([f.id, p.name, true]);
  }
});

test('a single cell gives a 1x1 answer', () => {
  expect(SALARY([['MA+15']], [['H']], Y, W)).toEqual([[64654]]); // 004:4966
});

test('a column of lanes against one step broadcasts like Excel', () => {
  expect(SALARY([['BA'], ['MA'], ['MA+45']], [['B']], Y, W)).toEqual([[46146], [52812], [58434]]); // 004:4960
});

test('a row of steps against a column of lanes gives the grid', () => {
  const out = SALARY([['BA'], ['MA']], [['B', 'C']], Y, W);
  expect(out).toEqual([[46146, 47462], [52812, 54317]]); // 004:4960-4961
});

test('ranges of different lengths: elements without a partner are #N/A, the rest compute', () => {
  const out = SALARY([['BA'], ['MA'], ['MA+45']], [['B'], ['C']], Y, W);
  expect(out[0][0]).toBe(46146);
  expect(out[1][0]).toBe(54317);
  expect(error(out[2][0]).code).toBe('#N/A');
});

test('errors land only in the elements that fail', () => {
  const out = SALARY([['BA'], ['XX'], ['BA']], [['B'], ['B'], ['I']], Y, W);
  expect(out[0][0]).toBe(46146);
  expect(error(out[1][0]).code).toBe('#VALUE!');
  expect(error(out[2][0]).code).toBe('#N/A');
});

test.each<[string, unknown[], string, RegExp]>([
  ['empty lane', [[['']], [['B']], Y, W], '#VALUE!', /lane is empty; give a lane such as BA, BA\+15, BA\+30/],
  ['boolean step', [[['BA']], [[true]], Y, W], '#VALUE!', /step: TRUE is not a value here/],
  ['year typed without quotes (=2025-26 is 1999)', [[['BA']], [['B']], [[1999]], W], '#VALUE!', /put the year in quotes: "2025-26"/],
  ['year as a bare number', [[['BA']], [['B']], [[2025]], W], '#VALUE!', /ambiguous/],
  ['fte as text', [[['BA']], [['B']], Y, W, [['half']]], '#VALUE!', /fte: "half" is not a number; give a fraction of full time/],
  ['fte out of range', [[['BA']], [['B']], Y, W, [[3]]], '#VALUE!', /fte: 3 is out of range; give a fraction of full time greater than 0 and at most 1.5/],
  ['no contract and no default', [[['BA']], [['B']], Y], '#N/A', /no default contract chosen/],
  ['an Excel error in an argument is passed through', [[[new ShimError('#REF!')]], [['B']], Y, W], '#REF!', /.*/],
])('%s', (_name, args, code, message) => {
  const e = error(SALARY(...args)[0][0]);
  expect(e.code).toBe(code);
  expect(e.message ?? '').toMatch(message);
});

test('numbers are read as labels: Anoka-Hennepin lane 8, step 9 (001:1032: 51,444)', () => {
  expect(SALARY([[8]], [[9]], [['2006-07']], [['anoka-hennepin/teachers']])).toEqual([[51444]]);
});

test('the default contract chosen in the pane applies when the contract is omitted', () => {
  const addin = bundle.context.ContractAddin as { setDefaultContract(id: string | null): void };
  addin.setDefaultContract('anoka-hennepin/teachers');
  try {
    expect(SALARY([['MA']], [[9]], [['2006-07']])).toEqual([[51444]]); // 001:1032
    expect(SALARY([['MA']], [[9]], [['2006-07']], [['']])).toEqual([[51444]]);
  } finally {
    addin.setDefaultContract(null);
  }
});

test('SCHEDULE with a bad year is a single error, not a grid', () => {
  const out = fn('SCHEDULE')([['2030-31']], W) as unknown[][];
  expect(out).toHaveLength(1);
  expect(error(out[0][0]).code).toBe('#N/A');
});

test('every help link lands on a section of dist/help.html (the README)', () => {
  const html = fs.readFileSync(path.join(DIST, 'help.html'), 'utf8');
  const ids = new Set([...html.matchAll(/\bid="?([^"\s>]+)/g)].map((m) => m[1]));
  const missing = (bundle.metadata.functions as any[]).map((f) => `${f.id} ${f.helpUrl.split('#')[1]}`).filter((s) => !ids.has(s.split(' ')[1]));
  expect(missing).toEqual([]);
});
