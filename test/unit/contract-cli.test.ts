/**
 * The command line for district IT (scripts/contract.ts, `npm run contract -- …`), run in-process: check, selfcheck
 * and schema, their output and exit codes. The file is the synthetic index-ratio fixture (test/fixtures/
 * index-ratio.json): its printed step-1 row is base × index (40,150 × 1.000, × 1.035 -> 41,555, × 1.070 -> 42,961,
 * worked by hand in test/unit/index-ratio.test.ts), so the self-check compares 3 values and all agree.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMMANDS, run } from '../../scripts/contract';

const FIXTURE = path.join(__dirname, '../fixtures/index-ratio.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, edit: (f: any) => void): string {
  const f = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  edit(f);
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(f, null, 2));
  return file;
}
function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

test('check: OK and what the contract holds', () => {
  expect(cli('check', FIXTURE)).toEqual({
    code: 0,
    err: [],
    out: [
      'OK index-ratio.json: example/index-ratio, Synthetic agreement with an index-ratio salary schedule (a test fixture, not a real district)',
      '  district: Example School District (synthetic); unit: Teachers',
      '  years: 2025-26',
      "  schedule teachers (annual): Teachers' salary schedule (index ratio)",
      '  self-check: 3 of 3 values the rules derive agree with the printed ones',
    ],
  });
});

test('check: a bad file is refused with every problem as file: path: reason (exit 1)', () => {
  const file = write('bad.json', (f) => {
    f.schedules[0].rounding = 'nonesuch';
    f.schedules[0].tables[0].rows[0].values = [40150, 41555];
  });
  const r = cli('check', file);
  expect(r.code).toBe(1);
  expect(r.out).toEqual([]);
  expect(r.err[0]).toBe('REFUSED bad.json: 2 problems; the add-in would load nothing of it');
  expect(r.err.slice(1)).toEqual(expect.arrayContaining([
    expect.stringMatching(/^bad\.json: schedules\[0\]\.rounding: rounding rule "nonesuch" is not declared/),
    expect.stringMatching(/^bad\.json: schedules\[0\]\.tables\[0\]\.rows\[0\]\.values: has 2 values; the schedule has 3 lanes/),
  ]));
});

test("check: the id of one of the add-in's contracts is refused, as the add-in refuses it", () => {
  const r = cli('check', write('mine.json', (f) => (f.id = 'waconia/teachers')));
  expect(r.code).toBe(1);
  expect(r.err[1]).toMatch(/^mine\.json: id: "waconia\/teachers" is the id of a contract that comes with the add-in/);
});

test('check: a file that is not there, or none given', () => {
  expect(cli('check', path.join(tmp, 'missing.json'))).toEqual({ code: 1, out: [], err: [expect.stringMatching(/missing\.json: cannot be read: ENOENT/)] });
  expect(cli('check').code).toBe(2);
});

test('selfcheck: a printed value that disagrees with its rule, with both values, both citations and the difference', () => {
  // BA step 1 printed 40,200; the rule gives 40,150 × 1.000 = 40,150: 50 more
  const r = cli('selfcheck', write('edited.json', (f) => (f.schedules[0].tables[0].rows[0].values[0] = 40200)));
  expect(r.code).toBe(0);
  expect(r.out[0]).toBe('example/index-ratio: 2 of 3 values the rules derive agree with the printed ones; 1 disagree');
  expect(r.out[1]).toMatch(/^teachers 2025-26 BA 1: printed 40,200 \(synthetic-index-ratio\.txt:22\); .+ gives 40,150 \(synthetic-index-ratio\.txt:1[5-8][^)]*\); difference 50$/);
});

test('schema: where it is, the $schema a file names, the limits', () => {
  const r = cli('schema');
  expect(r.code).toBe(0);
  expect(r.out).toEqual(expect.arrayContaining([
    expect.stringMatching(/src\/schema\/contract\.schema\.json$/),
    'a contract file names it as its first line: "$schema": "https://localhost:3000/contract.schema.json"',
    'limits: 2,000,000 characters a file; 20 contracts a workbook',
  ]));
});

test('an unknown command shows the commands (exit 2); the dispatch table lists each', () => {
  const r = cli('frobnicate');
  expect(r.code).toBe(2);
  expect(r.err[0]).toBe('unknown command "frobnicate"');
  for (const name of Object.keys(COMMANDS)) expect(r.err.some((l) => l.trimStart().startsWith(`${name} `))).toBe(true);
  expect(cli('help').code).toBe(0);
});

test("the README's worked example: `npm run contract -- check` prints what README \"Adding your district's contract\" shows", () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const shown = /npm run contract -- check examples\/contracts\/cedar-creek-teachers\.json\n((?: {3}.*\n)+?) {3}```/.exec(readme);
  expect(shown).not.toBeNull();
  const r = cli('check', path.join(__dirname, '../../examples/contracts/cedar-creek-teachers.json'));
  expect(r.code).toBe(0);
  expect(r.out).toEqual(shown![1].trimEnd().split('\n').map((l) => l.slice(3)));
});
