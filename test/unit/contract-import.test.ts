/**
 * `npm run contract -- import`: the two synthetic districts' tables (test/fixtures/authoring/, made up for the
 * tests) made into contract files from the command line, loaded as the add-in loads a file, and answering SALARY
 * and HOURLY with the values read off the sheets; a file edited by hand afterwards is refused whole.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ContractLoadError, ContractRegistry, Engine } from '../../src';
import { ContractApi, Failure } from '../../src/api';
import { runImport } from '../../scripts/contract-import';
import { run as contractCli } from '../../scripts/contract';

const fixtures = path.join(__dirname, '../fixtures/authoring');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the command; its exit code and what it printed. */
function run(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runImport(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}
const teachers = path.join(dir, 'lakeview-teachers.json');
const support = path.join(dir, 'pine-hollow-support.json');

beforeAll(() => {
  const a = run(path.join(fixtures, 'lakeview-teachers-2025-26.csv'), '--kind', 'annual', '--year', '2025-26', '--years', '2025-26,2026-27',
    '--district', 'Lakeview ISD 999', '--unit', 'Teachers', '--source-title', 'Lakeview Master Agreement 2025-2027', '--page', '31', '--section', 'Schedule A',
    '--rounding', '0,half-up', '--raise', '2026-27:3', '--out', teachers);
  expect(a.err).toEqual([]);
  expect(a.code).toBe(0);
  const b = run(path.join(fixtures, 'pine-hollow-support-2025-26.csv'), '--kind', 'hourly', '--year', '2025-26', '--district', 'Pine Hollow ISD 998', '--unit', 'Support Staff',
    '--source-title', 'Pine Hollow Support Staff Agreement 2025-2027', '--source-file', 'pine-hollow-support.pdf', '--page', '12', '--out', support);
  expect(b.err).toEqual([]);
  expect(b.code).toBe(0);
});

function load(...files: string[]): ContractApi {
  const registry = new ContractRegistry();
  registry.load(files.map((f) => ({ name: path.basename(f), content: fs.readFileSync(f, 'utf8') })));
  return new ContractApi(new Engine(registry));
}

test('the files load and answer the sheets: SALARY MA step 3 = 50,573; 2026-27 BA step 1 = 44,802 × 1.03 = 46,146.06 -> 46,146; HOURLY Grade 2 step 3 = $21.32', () => {
  const api = load(teachers, support);
  expect(api.contractIds().sort()).toEqual(['lakeview-isd-999/teachers', 'pine-hollow-isd-998/support-staff']);
  expect(api.salary({ contract: 'lakeview-isd-999/teachers', lane: 'MA', step: 3, year: '2025-26' })).toBe(50573);
  expect(api.salary({ contract: 'lakeview-isd-999/teachers', lane: 'BA', step: 1, year: '2026-27' })).toBe(46146);
  expect(api.hourly({ contract: 'pine-hollow-isd-998/support-staff', position: 'Grade 2', step: 3, year: '2025-26' })).toBe(21.32);
});

test('a terms table added with --into: TERM answers $843.84 a month for Single', () => {
  const csv = path.join(dir, 'terms.csv');
  fs.writeFileSync(csv, 'Term,Tier,Amount,Unit\nHealth insurance contribution,Single,$843.84,per month\n,Family,"$1,578.46",per month\n');
  const out = path.join(dir, 'support-with-terms.json');
  const r = run(csv, '--kind', 'terms', '--year', '2025-26', '--into', support, '--out', out, '--source-title', 'Pine Hollow Support Staff Agreement 2025-2027', '--source-file', 'pine-hollow-support.pdf', '--page', '20');
  expect(r.err).toEqual([]);
  const api = load(out);
  expect(api.term({ contract: 'pine-hollow-isd-998/support-staff', term: 'health-insurance-contribution', key: 'Single', year: '2025-26' })).toBe(843.84);
});

test('problems are listed by cell, all at once, and nothing is written (exit 1); a wrong command line is exit 2 with the usage', () => {
  const csv = path.join(dir, 'bad.csv');
  fs.writeFileSync(csv, 'Step,BA,MA\n1,"4O,100",49100\n2,46146,NONE!\n');
  const out = path.join(dir, 'never.json');
  const r = run(csv, '--kind', 'annual', '--year', '2025-26', '--district', 'X', '--unit', 'Y', '--source-title', 'T', '--page', '3', '--at', 'C5', '--out', out);
  expect(r.code).toBe(1);
  expect(r.err).toEqual([
    expect.stringMatching(/^bad\.csv: D6: "4O,100" is not an amount/),
    expect.stringMatching(/^bad\.csv: E7: "NONE!" is not an amount/),
    'nothing written: 2 problems',
  ]);
  expect(fs.existsSync(out)).toBe(false);
  expect(run(csv, '--kind', 'salary', '--year', '2025-26').code).toBe(2);
  // and through `npm run contract -- import`, the dispatcher's own line
  const err: string[] = [];
  expect(contractCli(['import', csv, '--kind', 'annual'], { out: () => undefined, err: (l) => err.push(l) })).toBe(2);
  expect(err[0]).toBe('contract import: --year is the school year of the table (2025-26)');
});

describe('a file the tool made, edited by hand, is refused whole, and what was loaded stays', () => {
  const edits: [string, (f: any) => void, RegExp][] = [
    ['an amount typed as text', (f) => (f.schedules[0].tables[0].rows[0].values[0] = '44,802'), /schedules\[0\]\.tables\[0\]\.rows\[0\]\.values\[0\]: "44,802" is not a printed amount/],
    ['a citation of a file not in sources', (f) => (f.schedules[0].tables[0].cite = 'other.pdf:3'), /cites "other\.pdf", which is not listed in sources/],
    ['a step label twice', (f) => (f.schedules[0].steps[1].label = '1'), /steps/],
    ['a table for a year the contract does not cover', (f) => (f.schedules[0].tables[0].year = '2030-31'), /2030-31 is not in the contract's years/],
    ['a raise whose rounding is not declared', (f) => (f.rules.scheduleIncrease[0].rounding = 'nearest'), /rounding rule "nearest" is not declared/],
  ];
  test.each(edits)('%s', (_name, edit, reason) => {
    const registry = new ContractRegistry();
    registry.load([{ name: 'pine.json', content: fs.readFileSync(support, 'utf8') }]);
    const file = JSON.parse(fs.readFileSync(teachers, 'utf8'));
    edit(file);
    let error: unknown;
    try {
      registry.load([{ name: 'lakeview-teachers.json', content: JSON.stringify(file) }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractLoadError);
    expect((error as ContractLoadError).message).toMatch(reason);
    expect(registry.ids()).toEqual(['pine-hollow-isd-998/support-staff']);
    const api = new ContractApi(new Engine(registry));
    expect(api.salary({ contract: 'lakeview-isd-999/teachers', lane: 'MA', step: 3, year: '2025-26' })).toBeInstanceOf(Failure);
  });
});
