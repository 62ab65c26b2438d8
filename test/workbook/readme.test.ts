/**
 * The README's SALARY examples are evaluated as written, with the built bundle in HyperFormula, so the
 * documentation cannot drift from the product. Each example row in the README cites its document line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { hyperformula, loadBundle, registerPlugin } from '../support/excel-shim';

const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
/** Table rows "| `=CONTRACT.X(…)` | result |" and prose "`=CONTRACT.X(…)` → result", where the result is a number or an error. */
const examples = [
  ...[...readme.matchAll(/^\| `(=CONTRACT\.[A-Z.]+\([^`]*\))` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim()] as const),
  ...[...readme.matchAll(/`(=CONTRACT\.[A-Z.]+\([^`]*\))` → ([\d,.]+\d)/g)].map((m) => [m[1], m[2]] as const),
].filter(([, shown]) => /^[\d,.]+$/.test(shown) || /^`#/.test(shown));

beforeAll(() => registerPlugin(loadBundle()));

test('the README has examples for the value functions', () => {
  expect(examples.length).toBeGreaterThanOrEqual(30);
  for (const fn of ['SALARY', 'HOURLY', 'STIPEND', 'STIPEND.UNITS', 'TERM', 'RATE', 'PRORATE', 'SEVERANCE', 'GROSS'])
    expect(examples.some(([f]) => f.startsWith(`=CONTRACT.${fn}(`))).toBe(true);
});

test.each(examples)('%s → %s', (formula, shown) => {
  const hf = hyperformula({ S: [[formula]] });
  const v = hf.getCellValue({ sheet: 0, row: 0, col: 0 }) as any;
  const error = /^`(#N\/A|#VALUE!)`/.exec(shown);
  if (error) {
    expect(v.value).toBe(error[1]);
    const words = shown.replace(/^`[^`]+`\s*/, '').split('…').map((s) => s.trim()).filter((s) => s.length > 3);
    for (const w of words) expect(v.message).toContain(w.replace(/`/g, '').replace('B–H', 'B, C, D, E, F, G, H'));
  } else {
    expect(v).toBe(Number(shown.replace(/,/g, '')));
  }
});
