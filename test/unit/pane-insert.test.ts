/**
 * The Insert view's logic (taskpane/insert-spec.ts) against the engine's API: each argument's choices come from the
 * contract's lists, the value and the formula follow the choices. Values from the documents (file:line) or by hand.
 */
import { ContractApi, Failure, memoryDefault } from '../../src/api';
import { defaultEngine } from '../../src/index';
import type { PaneApi } from '../../taskpane/contract-api';
import { FUNCTIONS, formulaOf, hourlySteps, query, readNumber, type ArgValues, type FunctionId } from '../../taskpane/insert-spec';

const api: PaneApi = new ContractApi(defaultEngine(), memoryDefault());
const spec = (id: FunctionId) => FUNCTIONS.find((f) => f.id === id)!;
function ask(id: FunctionId, contract: string, values: ArgValues, explain = false) {
  const q = query(spec(id), values, contract);
  if (typeof q === 'string') throw new Error(q);
  return spec(id).ask(api, q, explain);
}

test('the functions offered, each with its arguments in Excel’s order', () => {
  expect(FUNCTIONS.map((f) => f.id)).toEqual(['SALARY', 'HOURLY', 'STIPEND', 'TERM', 'RATE', 'PRORATE', 'SEVERANCE']);
  expect(spec('SALARY').order).toEqual(['lane', 'step', 'year', 'contract', 'fte']);
  expect(spec('TERM').order).toEqual(['term', 'year', 'key', 'contract', 'yearsOfService']);
});

describe('SALARY', () => {
  const values = { lane: 'BA', step: 'B', year: '2025-26', fte: '' };
  test('lanes, steps and years come from the contract', () => {
    const [lane, step, year] = spec('SALARY').args;
    expect(lane.choices!(api, 'waconia/teachers', {})).toEqual(['BA', 'BA+15', 'BA+30', 'BA+45', 'BA+60/MA', 'MA+15', 'MA+30', 'MA+45']);
    expect((step.choices!(api, 'waconia/teachers', {}) as string[]).slice(0, 3)).toEqual(['B', 'C', 'D']);
    expect(year.choices!(api, 'waconia/teachers', {})).toEqual(['2023-24', '2024-25', '2025-26', '2026-27']);
  });
  test('BA step B 2025-26 is 46,146 (004_95c67c5f7895ec64.txt:4960); the source cites the line', () => {
    expect(ask('SALARY', 'waconia/teachers', values)).toBe(46146);
    expect(ask('SALARY', 'waconia/teachers', values, true)).toMatch(/004_95c67c5f7895ec64\.txt:4960/);
  });
  test('the formula names the contract, or leaves it to the workbook default; an FTE after an empty contract', () => {
    const q = query(spec('SALARY'), values, 'waconia/teachers') as Record<string, string | number | undefined>;
    expect(formulaOf(spec('SALARY'), q, 'waconia/teachers')).toBe('=CONTRACT.SALARY("BA","B","2025-26","waconia/teachers")');
    expect(formulaOf(spec('SALARY'), q, '')).toBe('=CONTRACT.SALARY("BA","B","2025-26")');
    const part = query(spec('SALARY'), { ...values, fte: '0.6' }, 'waconia/teachers') as Record<string, string | number | undefined>;
    expect(formulaOf(spec('SALARY'), part, '')).toBe('=CONTRACT.SALARY("BA","B","2025-26",,0.6)');
    // 46,146 x 0.6 = 27,687.60
    expect(spec('SALARY').ask(api, part, false)).toBe(27687.6);
  });
  test('a number typed wrong is refused with the reason, before anything is computed', () => {
    expect(query(spec('SALARY'), { ...values, fte: '1.5' }, 'waconia/teachers')).toBe('FTE (optional) must be at most 1; got 1.5.');
    expect(query(spec('SALARY'), { ...values, fte: 'half' }, 'waconia/teachers')).toBe('FTE (optional): "half" is not a number.');
    expect(readNumber(spec('PRORATE').args[3], '')).toBe('Days is needed.');
  });
});

describe('HOURLY: the steps follow the position chosen', () => {
  test('custodial positions are rows: Night Leads / Groundskeeper steps 1-12; step 10 in 2025-26 is 25.00 (004:7288)', () => {
    expect(hourlySteps(api, 'waconia/custodial', 'Night Leads / Groundskeeper', '2025-26')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(ask('HOURLY', 'waconia/custodial', { position: 'Night Leads / Groundskeeper', step: '10', year: '2025-26' })).toBe(25);
    expect(spec('HOURLY').places(25)).toBe(2);
  });
  test('ECFE positions are columns: the steps are its rows, the career row included from 2024-25 (004:2938)', () => {
    expect(hourlySteps(api, 'waconia/teachers', 'Teacher', '2024-25')).toEqual(['1', '2', '3', '4', '5', '6', 'Career']);
    // 35.12 (004:2935) x 1.025 = 35.998 -> 36.00
    expect(ask('HOURLY', 'waconia/teachers', { position: 'Teacher', step: 'Career', year: '2024-25' })).toBe(36);
  });
  test('a position no hourly schedule lists: the API says why', () => {
    expect(hourlySteps(api, 'waconia/custodial', 'Astronaut', '2025-26')).toEqual({
      message: expect.stringMatching(/^No hourly schedule of waconia\/custodial lists the position "Astronaut" for 2025-26; its positions: Day Leads/),
    });
  });
});

test('STIPEND: roles follow the activity; cross country head, first season, 2025-26 is 5,554 (11% of 50,489, 004:3097, 004:4962)', () => {
  const role = spec('STIPEND').args[1];
  expect(role.choices!(api, 'waconia/teachers', { activity: 'Cross Country' })).toEqual(['Head', 'Assistant', 'Middle School']);
  expect(ask('STIPEND', 'waconia/teachers', { activity: 'Cross Country', role: 'Head', seasons: '1', year: '2025-26' })).toBe(5554);
});

test('TERM: keys follow the term; custodial single-policy contribution from 2026 is 1,021.04 (004:6895)', () => {
  const key = spec('TERM').args[2];
  expect(key.choices!(api, 'waconia/custodial', { term: 'insurance-contribution', year: '2026-27' })).toEqual(['Single', '2-Party', 'Family']);
  expect(key.choices!(api, 'waconia/custodial', { term: 'overtime-multiplier', year: '2026-27' })).toEqual([]);
  expect(ask('TERM', 'waconia/custodial', { term: 'insurance-contribution', year: '2026-27', key: 'Single', yearsOfService: '' })).toBe(1021.04);
  const q = query(spec('TERM'), { term: 'overtime-multiplier', year: '2025-26', key: '', yearsOfService: '' }, 'waconia/custodial') as Record<string, string | number | undefined>;
  expect(formulaOf(spec('TERM'), q, 'waconia/custodial')).toBe('=CONTRACT.TERM("overtime-multiplier","2025-26",,"waconia/custodial")');
  // 004:6820: one and one-half times
  expect(spec('TERM').ask(api, q, false)).toBe(1.5);
});

test('without a contract and without a workbook default, the view is told to choose one', () => {
  const v = spec('SALARY').ask(api, { contract: '', lane: 'BA', step: 'B', year: '2025-26' }, false);
  expect(v).toBeInstanceOf(Failure);
  expect((v as Failure).reason).toBe('no-default-contract');
});
