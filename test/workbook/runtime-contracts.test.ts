/**
 * The built bundle, as Excel runs it: a contract loaded at run time through the global the pane uses
 * (ContractAddin.loadContract) is answered at once by the custom functions, single cells and whole ranges (the
 * vectorised path, whose caches are keyed by the registry's generation), listed by CONTRACTS, and forgotten when
 * unloaded. The contract is the synthetic index-ratio fixture: BA step 1 printed 40,150; BA step 2 = 40,150 × 1.035
 * = 41,555.25 -> 41,555; MA step 3 = 40,150 × 1.140 = 45,771 (worked by hand in test/unit/index-ratio.test.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadBundle, ShimError } from '../support/excel-shim';

const TEXT = fs.readFileSync(path.join(__dirname, '../fixtures/index-ratio.json'), 'utf8');
const ID = 'example/index-ratio';
const bundle = loadBundle();
const addin = bundle.context.ContractAddin as { loadContract(t: string, o?: object): { ok: boolean }; unloadContract(id: string): unknown };
const SALARY = bundle.functions.get('SALARY')!;
const CONTRACTS = bundle.functions.get('CONTRACTS')!;
const codeOf = (v: unknown) => (v instanceof ShimError ? v.code : v);

test('loaded through the global, answered at once by SALARY (one cell and a range) and listed by CONTRACTS; unloaded, forgotten', () => {
  const one = () => codeOf((SALARY([['BA']], [['1']], [['2025-26']], [[ID]]) as unknown[][])[0][0]);
  const column = () => (SALARY([['BA'], ['BA'], ['MA']], [['1'], ['2'], ['3']], [['2025-26']], [[ID]]) as unknown[][]).map((r) => codeOf(r[0]));
  expect(one()).toBe('#VALUE!'); // unknown contract, and the caches have now seen the call
  expect(column()).toEqual(['#VALUE!', '#VALUE!', '#VALUE!']);
  expect(addin.loadContract(TEXT, { origin: 'index-ratio.json' }).ok).toBe(true);
  expect(one()).toBe(40150);
  expect(column()).toEqual([40150, 41555, 45771]);
  expect((CONTRACTS() as unknown[][]).map((r) => r[0])).toContain(ID);
  expect(addin.unloadContract(ID)).toBe(true);
  expect(one()).toBe('#VALUE!');
  expect((CONTRACTS() as unknown[][]).map((r) => r[0])).not.toContain(ID);
});
