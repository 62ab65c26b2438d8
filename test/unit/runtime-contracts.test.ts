/**
 * Contracts loaded at run time through the API (loadContract, checkContract, unloadContract, runtimeContracts): the
 * same checks as the bundled files, all or nothing, what was loaded before untouched, the add-in's own ids
 * protected, the limits stated in src/loader.ts, and every cache seeing the change at once.
 *
 * The contract loaded is the synthetic index-ratio fixture (test/fixtures/index-ratio.json, not a real district);
 * its values are worked by hand in test/unit/index-ratio.test.ts: BA step 1 is printed 40,150; BA step 2 is
 * 40,150 × 1.035 = 41,555.25 -> 41,555. Waconia MA+15 step H 2025-26 is 64,654 (004_95c67c5f7895ec64.txt:4966).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContractRegistry, createRegistry, Engine } from '../../src';
import { ContractApi, Failure, MAX_CONTRACT_CHARS, MAX_RUNTIME_CONTRACTS, memoryDefault } from '../../src/api';
import type { LoadOutcome } from '../../src/api';

const TEXT = fs.readFileSync(path.join(__dirname, '../fixtures/index-ratio.json'), 'utf8');
const ID = 'example/index-ratio';
const W = 'waconia/teachers';
const edited = (edit: (f: any) => void): string => {
  const f = JSON.parse(TEXT);
  edit(f);
  return JSON.stringify(f, null, 2);
};
const fresh = () => new ContractApi(new Engine(createRegistry()), memoryDefault());
const ba = (api: ContractApi, step: string) => api.salary({ contract: ID, lane: 'BA', step, year: '2025-26' });
const problemsOf = (o: LoadOutcome) => {
  expect(o.ok).toBe(false);
  return o.ok ? [] : o.problems;
};

describe('loadContract', () => {
  test('a good file loads; the functions see it at once, even after an unknown-contract answer was cached', () => {
    const api = fresh();
    const before = ba(api, '1');
    expect(before).toBeInstanceOf(Failure);
    expect((before as Failure).reason).toBe('unknown-contract');
    const out = api.loadContract(TEXT, { origin: 'index-ratio.json' });
    expect(out).toEqual({ ok: true, contract: expect.objectContaining({ id: ID, years: ['2025-26'], loadedFrom: 'index-ratio.json' }) });
    expect(ba(api, '1')).toBe(40150);
    expect(ba(api, '2')).toBe(41555);
    expect(api.contractIds()).toContain(ID);
    expect(api.contracts().find((c) => c.id === ID)?.loadedFrom).toBe('index-ratio.json');
    expect(api.contracts().find((c) => c.id === W)?.loadedFrom).toBeUndefined();
    expect(api.runtimeContracts()).toEqual([{ id: ID, origin: 'index-ratio.json', text: TEXT }]);
  });

  test('a bad file is refused whole with every problem (file: path: reason); what was loaded before is untouched', () => {
    const api = fresh();
    api.loadContract(TEXT, { origin: 'first.json' });
    const bad = edited((f) => {
      f.id = 'example/second';
      f.schedules[0].rounding = 'nonesuch'; // a rounding rule not declared
      f.schedules[0].tables[0].rows[0].values = [40150, 41555]; // two values for three lanes
    });
    const problems = problemsOf(api.loadContract(bad, { origin: 'second.json' }));
    expect(problems).toEqual(expect.arrayContaining([
      { file: 'second.json', path: 'schedules[0].rounding', reason: expect.stringMatching(/"nonesuch" is not declared/) },
      { file: 'second.json', path: 'schedules[0].tables[0].rows[0].values', reason: expect.stringMatching(/has 2 values; the schedule has 3 lanes/) },
    ]));
    expect(api.contractIds()).not.toContain('example/second');
    expect(api.runtimeContracts().map((r) => r.id)).toEqual([ID]);
    expect(ba(api, '1')).toBe(40150);
    expect(api.salary({ contract: W, lane: 'MA+15', step: 'H', year: '2025-26' })).toBe(64654);
  });

  test('text that is not JSON, and no text at all, are refused with the reason', () => {
    const api = fresh();
    expect(problemsOf(api.loadContract('{ "id": ', { origin: 'broken.json' }))).toEqual([{ file: 'broken.json', path: '', reason: expect.stringMatching(/^not valid JSON/) }]);
    expect(problemsOf(api.loadContract(null as unknown as string))).toEqual([{ file: 'contract file', path: '', reason: 'a contract file is JSON text; got null' }]);
  });

  test("the id of one of the add-in's own contracts is refused with the reason; the bundled contract answers as before", () => {
    const api = fresh();
    const problems = problemsOf(api.loadContract(edited((f) => (f.id = W)), { origin: 'mine.json' }));
    expect(problems).toEqual([{ file: 'mine.json', path: 'id', reason: expect.stringMatching(/"waconia\/teachers" is the id of a contract that comes with the add-in.*may not take it/) }]);
    expect(api.salary({ contract: W, lane: 'MA+15', step: 'H', year: '2025-26' })).toBe(64654);
    expect(api.runtimeContracts()).toEqual([]);
  });

  test('the id clash is listed with the file\'s other problems', () => {
    const api = fresh();
    const problems = problemsOf(api.loadContract(edited((f) => {
      f.id = W;
      f.schedules[0].rounding = 'nonesuch';
    })));
    expect(problems.map((p) => p.path).sort()).toEqual(['id', 'schedules[0].rounding']);
  });

  test('loading an id again needs replace; with it the new text answers at once (no stale cache)', () => {
    const api = fresh();
    api.loadContract(TEXT, { origin: 'v1.json' });
    expect(ba(api, '1')).toBe(40150);
    const v2 = edited((f) => (f.schedules[0].tables[0].rows[0].values[0] = 40200));
    expect(problemsOf(api.loadContract(v2, { origin: 'v2.json' }))).toEqual([{ file: 'v2.json', path: 'id', reason: expect.stringMatching(/already loaded \(from v1\.json\); load it with replace/) }]);
    expect(ba(api, '1')).toBe(40150);
    expect(api.loadContract(v2, { origin: 'v2.json', replace: true }).ok).toBe(true);
    expect(ba(api, '1')).toBe(40200); // printed cells answer as printed
    expect(api.runtimeContracts()).toEqual([{ id: ID, origin: 'v2.json', text: v2 }]);
  });

  test(`at most ${MAX_RUNTIME_CONTRACTS} contracts at run time; a replacement at the limit still loads`, () => {
    const api = fresh();
    for (let i = 0; i < MAX_RUNTIME_CONTRACTS; i++) expect(api.loadContract(edited((f) => (f.id = `example/n${i}`))).ok).toBe(true);
    const problems = problemsOf(api.loadContract(edited((f) => (f.id = 'example/one-more')), { origin: 'one-more.json' }));
    expect(problems).toEqual([{ file: 'one-more.json', path: '', reason: expect.stringMatching(new RegExp(`^${MAX_RUNTIME_CONTRACTS} contracts are loaded in this workbook, the most it keeps \\(${MAX_RUNTIME_CONTRACTS}\\); remove one first`)) }]);
    expect(api.loadContract(edited((f) => (f.id = 'example/n3')), { replace: true }).ok).toBe(true);
    expect(api.runtimeContracts()).toHaveLength(MAX_RUNTIME_CONTRACTS);
  });

  test(`a file over ${MAX_CONTRACT_CHARS.toLocaleString('en-US')} characters is refused before it is parsed`, () => {
    const api = fresh();
    const big = TEXT + ' '.repeat(MAX_CONTRACT_CHARS + 1 - TEXT.length);
    expect(big.length).toBe(MAX_CONTRACT_CHARS + 1);
    expect(problemsOf(api.loadContract(big, { origin: 'big.json' }))).toEqual([{ file: 'big.json', path: '', reason: `file is ${MAX_CONTRACT_CHARS + 1} characters; the limit is ${MAX_CONTRACT_CHARS}` }]);
    // one character less is only whitespace more than the fixture: it loads
    expect(api.loadContract(big.slice(0, -1)).ok).toBe(true);
  });
});

describe('unloadContract', () => {
  test('removes a contract loaded at run time; the functions no longer know it', () => {
    const api = fresh();
    api.loadContract(TEXT);
    expect(ba(api, '1')).toBe(40150);
    expect(api.unloadContract(ID)).toBe(true);
    expect((ba(api, '1') as Failure).reason).toBe('unknown-contract');
    expect(api.runtimeContracts()).toEqual([]);
    expect(api.unloadContract(ID)).toBe(false);
  });
  test("refuses the add-in's own contracts with the reason", () => {
    const api = fresh();
    const out = api.unloadContract(W);
    expect(out).toBeInstanceOf(Failure);
    expect((out as Failure).reason).toBe('bundled-contract');
    expect((out as Failure).message).toMatch(/comes with the add-in and cannot be removed/);
    expect(api.salary({ contract: W, lane: 'MA+15', step: 'H', year: '2025-26' })).toBe(64654);
  });
});

describe('checkContract', () => {
  test('checks and self-checks without loading', () => {
    const api = fresh();
    const out = api.checkContract(TEXT, { origin: 'index-ratio.json' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.contract.id).toBe(ID);
    // the printed step-1 row agrees with base × index (worked by hand above): every compared value agrees
    expect(out.checked).toBeGreaterThan(0);
    expect(out.agreeing).toBe(out.checked);
    expect(out.findings).toEqual([]);
    expect(api.contractIds()).not.toContain(ID);
  });
  test('a printed cell that disagrees with its rule is a finding with both values and both citations', () => {
    // BA step 1 printed 40,200; the rule derives 40,150 × 1.000 = 40,150: a difference of 50
    const out = fresh().checkContract(edited((f) => (f.schedules[0].tables[0].rows[0].values[0] = 40200)));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.findings).toEqual([expect.objectContaining({ contract: ID, lane: 'BA', step: '1', printed: 40200, derived: 40150, difference: 50, printedCite: 'synthetic-index-ratio.txt:22', ruleCite: expect.stringMatching(/^synthetic-index-ratio\.txt:1[5-8]/) })]);
  });
  test("problems as loadContract gives them, and the clash with an add-in's id", () => {
    const out = fresh().checkContract(edited((f) => {
      f.id = W;
      f.schedules[0].rounding = 'nonesuch';
    }), { origin: 'x.json' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems.map((p) => `${p.file}: ${p.path}`).sort()).toEqual(['x.json: id', 'x.json: schedules[0].rounding']);
  });
});

describe("a workbook's contracts when it opens (ContractRegistry.loadRuntimeEach)", () => {
  test('a bad one is left out with its reason, the good ones load; removing the bad one forgets it', () => {
    const registry = createRegistry();
    const api = new ContractApi(new Engine(registry), memoryDefault());
    const bad = edited((f) => {
      f.id = 'example/bad';
      f.schedules[0].rounding = 'nonesuch';
    });
    const failed = registry.loadRuntimeEach([{ text: TEXT, origin: 'workbook' }, { text: bad, origin: 'workbook' }]);
    expect(failed.map((f) => f.id)).toEqual(['example/bad']);
    expect(ba(api, '1')).toBe(40150);
    expect(api.leftOut()).toEqual([{ id: 'example/bad', message: expect.stringMatching(/schedules\[0\]\.rounding: rounding rule "nonesuch" is not declared/) }]);
    const answer = api.salary({ contract: 'example/bad', lane: 'BA', step: '1', year: '2025-26' }) as Failure;
    expect(answer.reason).toBe('contract-failed-to-load');
    expect(answer.message).toMatch(/"nonesuch" is not declared/);
    expect(api.unloadContract('example/bad')).toBe(true);
    expect(api.leftOut()).toEqual([]);
  });
  test('a registry without the bundled files takes any id (the CLI checks a file on its own)', () => {
    const registry = new ContractRegistry();
    expect(registry.loadRuntime(edited((f) => (f.id = W))).id).toBe(W);
    expect(registry.isBundled(W)).toBe(false);
  });
});

describe('the README\'s worked example (examples/contracts/cedar-creek-teachers.json, synthetic)', () => {
  const text = fs.readFileSync(path.join(__dirname, '../../examples/contracts/cedar-creek-teachers.json'), 'utf8');
  test('it loads, names the published schema, and answers as the README says', () => {
    const api = fresh();
    expect(JSON.parse(text).$schema).toBe('https://localhost:3000/contract.schema.json');
    expect(api.loadContract(text, { origin: 'cedar-creek-teachers.json' }).ok).toBe(true);
    // 2025-26 prints BA+30 step 3 as 46,786; 2026-27 is 3% more: 46,786 × 1.03 = 48,189.58 -> 48,190 (whole dollars, half up)
    expect(api.salary({ contract: 'cedar-creek/teachers', lane: 'BA+30', step: 3, year: '2025-26' })).toBe(46786);
    expect(api.salary({ contract: 'cedar-creek/teachers', lane: 'BA+30', step: 3, year: '2026-27' })).toBe(48190);
    expect(api.salary({ contract: 'cedar-creek/teachers', lane: 'Lane 2', step: '3', year: '2026-27' })).toBe(48190);
  });
  test('its self-check: all 12 cells of 2026-27 are 2025-26 + 3% (e.g. MA step 4: 50,484 × 1.03 = 51,998.52 -> 51,999)', () => {
    const out = fresh().checkContract(text);
    expect(out).toEqual(expect.objectContaining({ ok: true, checked: 12, agreeing: 12, findings: [] }));
  });
});
