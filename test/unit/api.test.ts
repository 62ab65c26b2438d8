/**
 * src/api.ts, the engine's one door: options objects in, plain data or a Failure (code, reason, message) out.
 * Values from the documents (file:line); reasons are what control flow may test, never the message text.
 * And the rule that keeps the door the only one: functions/ and taskpane/ reach no compiled internals.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createRegistry, Engine } from '../../src';
import { API_METHODS, ContractApi, Failure, memoryDefault, publish } from '../../src/api';
import type { FailureReason } from '../../src/api';

const api = new ContractApi(new Engine(createRegistry()));
const W = 'waconia/teachers';
const A = 'anoka-hennepin/teachers';

/** The reason and code of a Failure (the test fails on a value). */
function why(v: unknown): [string, FailureReason] {
  expect(v).toBeInstanceOf(Failure);
  const f = v as Failure;
  expect(f.message.trim()).not.toBe('');
  return [f.code, f.reason];
}

describe('lookups', () => {
  test('SALARY("MA+15","H","2025-26","waconia/teachers") = 64,654 (004_95c67c5f7895ec64.txt:4966)', () => {
    expect(api.salary({ contract: W, lane: 'MA+15', step: 'H', year: '2025-26' })).toBe(64654);
  });
  test('Anoka-Hennepin 2005-06 BA step 1 = 34,621, lane and step given as numbers too (001_568af6eb86bfbaf6.txt:992)', () => {
    expect(api.salary({ contract: A, lane: 'BA', step: 1, year: '2005-06' })).toBe(34621);
    expect(api.salary({ contract: A, lane: 3, step: '1', year: '2005-06' })).toBe(34621); // lane 3 is BA (001:989)
  });
  test('explain answers the explanation of the same lookup, citing the line', () => {
    const text = api.salary({ contract: W, lane: 'MA+15', step: 'H', year: '2025-26' }, { explain: true });
    expect(typeof text).toBe('string');
    expect(text).toMatch(/64,654/);
    expect(text).toMatch(/004_95c67c5f7895ec64\.txt:4966/);
  });
  test('FTE: 0.5 of $64,654 is $32,327 (worked by hand); FTE 1 is the printed salary', () => {
    expect(api.salary({ contract: W, lane: 'MA+15', step: 'H', year: '2025-26', fte: 0.5 })).toBe(32327);
    expect(api.salary({ contract: W, lane: 'MA+15', step: 'H', year: '2025-26', fte: 1 })).toBe(64654);
  });
  test('hourly: 2025-26 Day Leads / Custodial Maintenance step 1 = 19.76 (004_95c67c5f7895ec64.txt:7287)', () => {
    expect(api.hourly({ contract: 'waconia/custodial', position: 'Day Leads / Custodial Maintenance', step: 1, year: '2025-26' })).toBe(19.76);
  });
  test('the default contract: an empty contract means the default; none chosen is a reason of its own', () => {
    const local = new ContractApi(new Engine(createRegistry()), memoryDefault());
    expect(why(local.salary({ lane: 'MA+15', step: 'H', year: '2025-26' }))).toEqual(['NA', 'no-default-contract']);
    local.setDefaultContract(W);
    expect(local.defaultContract()).toBe(W);
    expect(local.salary({ lane: 'MA+15', step: 'H', year: '2025-26' })).toBe(64654);
    expect(local.salary({ contract: '', lane: 'MA+15', step: 'H', year: '2025-26' })).toBe(64654);
  });
});

describe('reason codes', () => {
  const q = { contract: W, lane: 'MA+15', step: 'H', year: '2025-26' };
  test.each([
    ['an unknown contract', { ...q, contract: 'waconia/nonesuch' }, 'VALUE', 'unknown-contract'],
    ['an unknown lane', { ...q, lane: 'PhD' }, 'VALUE', 'unknown-lane'],
    ['an unknown step', { ...q, step: 'Z' }, 'VALUE', 'unknown-step'],
    ['a malformed year', { ...q, year: 'next year' }, 'VALUE', 'malformed'],
    ['a year the agreements do not cover', { ...q, year: '1999-00' }, 'NA', 'year-not-covered'],
    // 2025-26 step I leaves lane BA empty (004_95c67c5f7895ec64.txt:4967)
    ['an empty cell', { ...q, lane: 'BA', step: 'I' }, 'NA', 'empty-cell'],
    // 2005-06 BA+60 step 1 prints NONE (001_568af6eb86bfbaf6.txt:992)
    ['a closed cell', { contract: A, lane: 'BA+60', step: 1, year: '2005-06' }, 'NA', 'closed-cell'],
    ['an FTE out of range', { ...q, fte: 2 }, 'VALUE', 'out-of-range'],
  ] as const)('%s', (_what, query, code, reason) => {
    expect(why(api.salary(query))).toEqual([code, reason]);
  });
  test('the fast path and the explained path give the same Failure', () => {
    const closed = { contract: A, lane: 'BA+60', step: 1, year: '2005-06' };
    const a = api.salary(closed) as Failure;
    const b = api.salary(closed, { explain: true }) as Failure;
    expect([b.code, b.reason, b.message]).toEqual([a.code, a.reason, a.message]);
  });
  test('unknown term, rate, activity and schedule', () => {
    expect(why(api.term({ contract: W, term: 'nonesuch', year: '2025-26' }))[1]).toBe('unknown-term');
    expect(why(api.rate({ contract: A, rate: 'nonesuch', lane: 'BA', step: 1, year: '2005-06' }))[1]).toBe('unknown-rate');
    expect(why(api.stipend({ contract: W, activity: 'Quidditch', role: 'Head', seasons: 1, year: '2025-26' }))[1]).toBe('unknown-activity');
    expect(why(api.schedule({ contract: W, year: '2025-26', schedule: 'nonesuch' }))[1]).toBe('unknown-schedule');
  });
  test('a Failure crosses the global as plain data (toJSON)', () => {
    const f = api.salary({ ...q, lane: 'PhD' }) as Failure;
    expect(JSON.parse(JSON.stringify(f))).toEqual({ failure: true, code: 'VALUE', reason: 'unknown-lane', message: f.message });
  });
});

describe('batch (the vectorised path)', () => {
  test('each element as the single form answers it; unknown labels left to the caller (undefined)', () => {
    const lane = [['MA+15'], ['BA'], ['PhD'], ['BA']];
    const step = [['H'], ['B'], ['H'], ['I']];
    const out = api.salaries({ contract: W, year: '2025-26', lane, step, rows: 4, cols: 1 }) as unknown[][];
    // 64,654 (004:4966); BA step B 46,146 (004:4959)
    expect(out[0][0]).toBe(64654);
    expect(out[1][0]).toBe(46146);
    expect(out[2][0]).toBeUndefined();
    expect(why(out[3][0])).toEqual(['NA', 'empty-cell']);
  });
  test('a 1×1 lane repeats over a row of steps; FTE applies to each element', () => {
    const out = api.salaries({ contract: W, year: '2025-26', fte: 0.5, lane: [['MA+15']], step: [['H', 'B']], rows: 1, cols: 2 }) as unknown[][];
    // half of 64,654 and of MA+15 step B 54,623 (004:4959): 32,327 and 27,311.5 (worked by hand)
    expect(out).toEqual([[32327, 27311.5]]);
  });
  test('a year the contract does not cover fails the whole batch with its reason', () => {
    expect(why(api.salaries({ contract: W, year: '1999-00', lane: [['BA']], step: [['B']], rows: 1, cols: 1 }))).toEqual(['NA', 'year-not-covered']);
  });
});

describe('lists and grids are plain data', () => {
  test('years, lanes and a grid', () => {
    expect(api.years({ contract: W })).toContain('2025-26');
    expect(api.lanes({ contract: W })).toEqual(['BA', 'BA+15', 'BA+30', 'BA+45', 'BA+60/MA', 'MA+15', 'MA+30', 'MA+45']); // 004:4958
    const grid = api.schedule({ contract: W, year: '2025-26' });
    expect(grid).not.toBeInstanceOf(Failure);
    expect(JSON.parse(JSON.stringify(grid))).toEqual(grid);
  });
  test('the published API: every public method, bound (works detached, as the pane and the tests call it)', () => {
    const published = publish(api) as unknown as Record<string, unknown>;
    expect(Object.keys(published).sort()).toEqual([...API_METHODS].sort());
    const { salary } = published as unknown as Pick<ContractApi, 'salary'>;
    expect(salary({ contract: W, lane: 'MA+15', step: 'H', year: '2025-26' })).toBe(64654);
    // every method of the class is published, or is one of its private helpers
    const own = Object.getOwnPropertyNames(ContractApi.prototype).filter((m) => m !== 'constructor');
    const helpers = ['contract', 'annual', 'salaryContext', 'salaryContextOf', 'resolveSalaryContext', 'learn', 'answerAt', 'on', 'explained'];
    expect(own.filter((m) => !(API_METHODS as readonly string[]).includes(m)).sort()).toEqual(helpers.sort());
  });
});

describe('functions/ and taskpane/ reach the engine only through the API', () => {
  const ROOT = path.resolve(__dirname, '..', '..');
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []);
  const INTERNALS = [/\bengine\./, /\bsalarySchedule\b/, /\blaneIndex\b/, /\bstepIndex\b/, /\blaneLabels\b/, /\bhourlySchedules\b/, /(?<!\bapi)\.terms\b/, /\bfile\.rules\b/, /\.registry\b/, /\bscheduleById\b/];
  test.each(['functions', 'taskpane'])('%s/ names no compiled internals', (dir) => {
    const found = files(dir).flatMap((f) => {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      return INTERNALS.filter((re) => re.test(text)).map((re) => `${f}: ${re.source}`);
    });
    expect(found).toEqual([]);
  });
  test('the grep finds what it looks for (it can fail)', () => {
    expect(INTERNALS.some((re) => re.test('const x = engine.salary(a);'))).toBe(true);
    expect(INTERNALS.some((re) => re.test('c.salarySchedule.laneLabels'))).toBe(true);
  });
  test('taskpane/ imports only types from src/', () => {
    const runtime = files('taskpane').flatMap((f) =>
      [...fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(/^import (?!type )[^;]*from '(\.\.\/)+src[^']*';/gm)].map((m) => `${f}: ${m[0]}`));
    expect(runtime).toEqual([]);
  });
});
