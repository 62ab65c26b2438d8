/**
 * The rule kinds (src/rules/) and the contract schema's `rules` object name the same kinds: a kind the schema
 * accepts but no module handles would be loaded and silently ignored, and a module whose kind the schema does
 * not accept could never be used.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContractLoadError, ContractRegistry, RULE_KINDS } from '../../src';
import schema from '../../src/schema/contract.schema.json';

test('every kind under `rules` in the schema has its module, and every module its schema entry, once', () => {
  const inSchema = Object.keys((schema as unknown as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties);
  const ids = RULE_KINDS.map((k) => k.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual([...inSchema].sort());
});

test('each kind validates its own entries, and every problem of every kind is listed at once', () => {
  const c = JSON.parse(fs.readFileSync(path.join(__dirname, '../../src/contracts/waconia-teachers.json'), 'utf8'));
  c.rules.careerIncrement[0].schedule = 'nope';
  c.rules.stepPolicy.push({ year: '2031-32', steps: 1, cite: c.rules.stepPolicy[0].cite });
  c.rules.stepPolicy.push({ ...c.rules.stepPolicy[0], steps: 0 }); // a second policy for a year: which would apply?
  c.rules.offSchedulePayments = [{ year: '1999-00', percent: 1, prorate: 'fte', cite: c.rules.stepPolicy[0].cite }];
  let problems: string[] = [];
  try {
    new ContractRegistry().load([{ name: 'w.json', content: c }]);
  } catch (e) {
    problems = (e as ContractLoadError).problems.map((p) => `${p.path}: ${p.reason}`);
  }
  const last = c.rules.stepPolicy.length - 1;
  expect(problems).toEqual([
    expect.stringMatching(/^rules\.careerIncrement\[0\]\.schedule: schedule "nope" does not exist \(k12/),
    `rules.stepPolicy[${last - 1}].year: 2031-32 is not in the contract's years (${c.years.join(', ')})`,
    `rules.stepPolicy[${last}].year: ${c.rules.stepPolicy[0].year} already has its step policy (rules.stepPolicy[0])`,
    `rules.offSchedulePayments[0].year: 1999-00 is not in the contract's years (${c.years.join(', ')})`,
  ]);
});
