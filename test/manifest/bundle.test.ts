/**
 * Offline checks of the built bundles in dist/ (`npm test` builds first; built here if missing):
 * no eval or Function constructor (the pane's CSP forbids them, and so does the plain JS host of functions.js),
 * both bundles within their size budgets, contract data only in functions.js and only as text parsed on first use,
 * taskpane.html loading office.js from assets/ first.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
/**
 * functions.js = our code + the bundled contract data. The product target is 250 KB in all (issue 5, reported by
 * `npm run bench` in BENCHMARKS.md); the contracts alone now exceed it. This test guards the code: functions.js
 * may be no larger than the contract data webpack bundles (scripts/contract-loader.js) plus 180 KB. Measured at
 * 146 KB with the costing functions (decimal.js about 32 KB, the schema 17 KB, the employer rates 11 KB, ours the
 * rest), and at 165 KB once the loader's full checks, the paid-amount index, the payroll clauses and the reading
 * policy joined it (2026-11-29). About 181 KB when issue 9 began; 189 KB once the rule kinds became modules
 * (src/rules/), the index-ratio kind and the declared names (src/declared.ts) joined it; 185 KB on the branch where
 * the engine's API (src/api.ts, the one door the functions and the pane share) joined it; 203 KB (208,348 bytes) with
 * all of issue 9 merged (rules, API, cost components, lazy contracts): the budget was 212 KB. Then issue 10, measured
 * on each branch: the shapes (several annual schedules, range schedules, dated term values and their costing blend,
 * citations rendered by src/format.ts) about 13,500 bytes; contracts loaded at run time (the self-check in the API,
 * the workbook's custom XML parts) 12,190 bytes; authoring (src/authoring: the importers and the draft, most of it the
 * messages that name each cell's problem) 25,525 bytes. All
 * merged (2026-11-30): 268,155 bytes of code; the budget is 270 KB.
 */
const CODE_BUDGET = 270 * 1024;
/**
 * taskpane.js = React, Fluent UI v9 and the pane's own code, with no engine and no contract data once the pane uses
 * the engine functions.js publishes (issue 9): 393,415 bytes then. Measured on their branches: the view shell, the Load
 * view and the Author view (its form brings Fluent's Input and Textarea) 523,897 bytes; the views of issue 11 (Budget,
 * Payroll audit, Negotiation, the .xlsx reader and writer) 543,714 bytes. All
 * merged (2026-11-30): 587,402 bytes; the budget is 600 KB.
 */
const PANE_BUDGET = 600 * 1024;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const contractLoader: (source: string) => string = require('../../scripts/contract-loader.js');
const contractBytes = () =>
  fs.readdirSync(path.join(ROOT, 'src/contracts')).filter((f) => f.endsWith('.json'))
    .reduce((n, f) => n + Buffer.byteLength(contractLoader(fs.readFileSync(path.join(ROOT, 'src/contracts', f), 'utf8'))), 0);

describe('dist/ bundles', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'functions.js')) || !fs.existsSync(path.join(DIST, 'taskpane.html'))) {
      execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'inherit' });
    }
  }, 180_000);

  test('our bundles contain no eval( and no new Function', () => {
    for (const name of ['functions.js', 'taskpane.js']) {
      const code = fs.readFileSync(path.join(DIST, name), 'utf8');
      expect({ name, eval: /\beval\s*\(/.test(code), newFunction: /new\s+Function\s*\(/.test(code) }).toEqual({
        name,
        eval: false,
        newFunction: false,
      });
    }
  });

  test(`functions.js is at most the bundled contract data + ${CODE_BUDGET / 1024} KB of code`, () => {
    const size = fs.statSync(path.join(DIST, 'functions.js')).size;
    expect({ code: size - contractBytes(), within: size - contractBytes() <= CODE_BUDGET }).toEqual({ code: size - contractBytes(), within: true });
  });

  test('functions.js carries each contract once, as text parsed on first use (no JSON.parse of contract data at load)', () => {
    const code = fs.readFileSync(path.join(DIST, 'functions.js'), 'utf8');
    // scripts/embed-contract.js: {embeddedContract: {id, ...}, text: '<the JSON>'}; webpack's own JSON modules would be
    // JSON.parse('{"schemaVersion":...}'), run when the bundle loads
    const embedded = [...code.matchAll(/embeddedContract:\{id:"([^"]+)"/g)].map((m) => m[1]).sort();
    expect(embedded).toEqual(['anoka-hennepin/teachers', 'waconia/custodial', 'waconia/teachers']);
    expect(code).not.toMatch(/JSON\.parse\(['"`]\{\\?"schemaVersion/);
  });

  test(`taskpane.js carries no contract data and is at most ${PANE_BUDGET / 1024} KB`, () => {
    const code = fs.readFileSync(path.join(DIST, 'taskpane.js'), 'utf8');
    expect({
      embeddedContracts: /embeddedContract\s*:/.test(code),
      contractJson: /\{\\?"schemaVersion\\?"\s*:/.test(code),
      scheduleTables: /\\?"tables\\?"\s*:\s*\[\s*\{\s*\\?"year/.test(code),
      withinBudget: fs.statSync(path.join(DIST, 'taskpane.js')).size <= PANE_BUDGET,
    }).toEqual({ embeddedContracts: false, contractJson: false, scheduleTables: false, withinBudget: true });
  });

  test('taskpane.html loads assets/office.js first, then functions.js, then taskpane.js, and nothing remote', () => {
    const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(['assets/office.js', 'functions.js', 'taskpane.js']);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).toMatch(/http-equiv=["']?Content-Security-Policy/);
    for (const file of ['assets/office.js', 'assets/en-us/office_strings.js', 'assets/excel-web-16.00.js']) {
      expect(fs.existsSync(path.join(DIST, file))).toBe(true);
    }
  });
});
