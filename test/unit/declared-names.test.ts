/**
 * Names the engine reads from a contract are declared fields of the file (src/declared.ts): PROFILE's BA and MA
 * lanes, the rounding rule for each computed amount, the rates PRORATE and SEVERANCE read, the terms GROSS
 * reads, and the FTE bands of a part-time insurance share. A contract author may name them as the agreement
 * does; the loader refuses a declared name that names nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContractLoadError, ContractRegistry, Engine, Failure, weeklyGross } from '../../src';
import { contractProfile } from '../../src/profile';
import { DECLARED_NAMES, declaredPath } from '../../src/declared';
import schema from '../../src/schema/contract.schema.json';

const read = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, `../../src/contracts/${name}.json`), 'utf8'));
function engineOf(file: unknown): Engine {
  const registry = new ContractRegistry();
  registry.load([{ name: 'test.json', content: file }]);
  return new Engine(registry);
}
function problemsOf(file: unknown): string[] {
  try {
    engineOf(file);
  } catch (e) {
    if (e instanceof ContractLoadError) return e.problems.map((p) => `${p.path}: ${p.reason}`);
    throw e;
  }
  return [];
}

test('every name field the schema declares (a field with a default) is checked by the loader, and only those', () => {
  const defs = (schema as unknown as { definitions: Record<string, { properties: Record<string, { default?: unknown }> }> }).definitions;
  const inSchema = ['profile', 'roundingFor', 'prorate', 'severance', 'overtime']
    .flatMap((section) => Object.entries(defs[section].properties).filter(([, p]) => p.default !== undefined).map(([field]) => declaredPath(section as never, field)));
  expect(DECLARED_NAMES.map((d) => declaredPath(d.section, d.field)).sort()).toEqual(inSchema.sort());
});

test('GROSS reads the overtime multiplier the contract names: renamed and declared, the 45-hour week is unchanged', () => {
  const c = read('waconia-custodial');
  c.terms.find((t: { id: string }) => t.id === 'overtime-multiplier').id = 'ot-factor';
  c.payroll.overtime.multiplierTerm = 'ot-factor';
  // 40 × 18.22 + 5 × 18.22 × 1.5 = 728.80 + 136.65 = 865.45 (004:6820, the case of payroll.test.ts)
  expect(weeklyGross(engineOf(c), 'waconia/custodial', 'Custodial Cleaner', '7', '2025-26', { worked: 45 })).toBe(865.45);
  delete c.payroll.overtime.multiplierTerm; // the schema's default, overtime-multiplier, no longer names a term
  const r = weeklyGross(engineOf(c), 'waconia/custodial', 'Custodial Cleaner', '7', '2025-26', { worked: 45 });
  expect(r).toBeInstanceOf(Failure);
  expect((r as Failure).message).toMatch(/needs the term "overtime-multiplier"/);
});

test('PROFILE reads the MA lane the contract declares', () => {
  const c = read('waconia-teachers');
  c.profile.maLane = 'MA+45';
  const p = contractProfile(engineOf(c), 'waconia/teachers', '2023-24');
  if (p instanceof Failure) throw new Error(p.message);
  // MA+45's highest cell is its career increment, 92,942 (004:3047; profile.test.ts's "max")
  expect(p.metrics.find((m) => m.id === 'ma-max')!.value).toBe(92942);
});

test('a declared name that names nothing is refused with its path, every one at once', () => {
  const w = read('waconia-teachers');
  w.profile.maLane = 'MBA';
  w.roundingFor.proration = 'prorated';
  w.prorate.dailyRate = 'weekly';
  const c = read('waconia-custodial');
  c.payroll.overtime.thresholdTerm = 'overtime-hours';
  expect(problemsOf(w)).toEqual([
    'profile.maLane: "MBA" is neither a lane label nor an alias of "k12" (BA, BA+15, BA+30, BA+45, BA+60/MA, MA+15, MA+30, MA+45)',
    'roundingFor.proration: rounding rule "prorated" is not declared (insurance, salary, proration, stipend, hourly, daily-rate)',
    'prorate.dailyRate: rate "weekly" is not defined in rates (daily)',
  ]);
  expect(problemsOf(c)).toEqual(['payroll.overtime.thresholdTerm: term "overtime-hours" is not defined in terms']);
});

test('the part-time insurance share states its FTE bands as numbers, not in its key text', () => {
  const w = read('waconia-teachers');
  const share = w.terms.find((t: { id: string }) => t.id === 'insurance-part-time-share');
  delete share.values[1].fteFrom;
  delete share.values[1].fteTo;
  expect(problemsOf(w)).toEqual(['payroll.insurance.partTimeShare.term: term "insurance-part-time-share" gives its share by FTE band: values[1] needs fteFrom and fteTo']);
  share.values[1].fteTo = 0.85;
  expect(problemsOf(w)).toEqual([
    'terms[3].values[1]: an FTE band gives both fteFrom and fteTo',
    'payroll.insurance.partTimeShare.term: term "insurance-part-time-share" gives its share by FTE band: values[1] needs fteFrom and fteTo',
  ]);
});
