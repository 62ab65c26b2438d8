/**
 * The index-ratio schedule rule (src/rules/index-ratio.ts), end to end over a synthetic contract
 * (test/fixtures/index-ratio.json; not a real district): cell = base × index, rounded to whole dollars half up.
 * Every expected salary below is worked by hand from the fixture's base and index.
 *
 * Base 2025-26: $40,150. Index (lanes BA, BA+30, MA):
 *   step 1: 1.000 1.035 1.070    step 2: 1.035 1.070 1.105    step 3: 1.070 1.105 1.140    step 4: —  1.140 1.175
 *   40,150 × 1.000 = 40,150
 *   40,150 × 1.035 = 40,150 + 1,405.25 = 41,555.25  -> 41,555
 *   40,150 × 1.070 = 40,150 + 2,810.50 = 42,960.50  -> 42,961 (half up)
 *   40,150 × 1.105 = 40,150 + 4,215.75 = 44,365.75  -> 44,366
 *   40,150 × 1.140 = 40,150 + 5,621.00 = 45,771.00  -> 45,771
 *   40,150 × 1.175 = 40,150 + 7,026.25 = 47,176.25  -> 47,176
 * A proposal of +3% raises the base: 40,150 × 1.03 = 40,150 + 1,204.50 = 41,354.50 (to the cent), and the cells
 * are derived again from it:
 *   41,354.50 × 1.000 = 41,354.50                          -> 41,355 (half up)
 *   41,354.50 × 1.035 = 41,354.50 + 1,447.4075 = 42,801.9075 -> 42,802
 *   41,354.50 × 1.070 = 41,354.50 + 2,894.815  = 44,249.315  -> 44,249
 *   41,354.50 × 1.105 = 41,354.50 + 4,342.2225 = 45,696.7225 -> 45,697
 *   41,354.50 × 1.140 = 41,354.50 + 5,789.63   = 47,144.13   -> 47,144
 *   41,354.50 × 1.175 = 41,354.50 + 7,237.0375 = 48,591.5375 -> 48,592
 * Raising the rounded cells instead would give 42,961 × 1.03 = 44,249.83 -> 44,250 and 47,176 × 1.03 =
 * 48,591.28 -> 48,591: the two cells where the rule's "raise the base" differs from "raise the cells".
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContractLoadError, ContractRegistry, Engine, Failure, proposalEngine, RULE_KINDS } from '../../src';
import { checkContract } from '../../src/check';

const fixture = () => JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/index-ratio.json'), 'utf8'));
const ID = 'example/index-ratio';

function engineOf(file: unknown): Engine {
  const registry = new ContractRegistry();
  registry.load([{ name: 'index-ratio.json', content: file }]);
  return new Engine(registry);
}

const grid = (engine: Engine, year: string) =>
  ['1', '2', '3', '4'].map((step) => ['BA', 'BA+30', 'MA'].map((lane) => {
    const v = engine.salary(ID, lane, step, year);
    return v instanceof Failure ? v.code : v;
  }));

test('index ratio is a registered rule kind', () => {
  expect(RULE_KINDS.map((k) => k.id)).toContain('indexRatio');
});

test('each cell is base × index, rounded to whole dollars half up; a step with no index for a lane stays closed', () => {
  expect(grid(engineOf(fixture()), '2025-26')).toEqual([
    [40150, 41555, 42961],
    [41555, 42961, 44366],
    [42961, 44366, 45771],
    ['NA', 45771, 47176],
  ]);
});

test('a derived cell cites the base it comes from; a printed one its row', () => {
  const engine = engineOf(fixture());
  const trace: string[] = [];
  engine.salary(ID, 'MA', '3', '2025-26', undefined, undefined, trace);
  expect(trace.join(' ')).toMatch(/synthetic-index-ratio\.txt:15/);
  const printed: string[] = [];
  engine.salary(ID, 'MA', '1', '2025-26', undefined, undefined, printed);
  expect(printed.join(' ')).toMatch(/synthetic-index-ratio\.txt:22/);
});

test('the self-check compares printed cells with base × index and names a disagreement', () => {
  const agreeing = engineOf(fixture());
  const ok = checkContract(agreeing.contract(ID) as never, agreeing);
  // the three printed step-1 cells: 40,150, 41,555, 42,961 (worked above)
  expect(ok.tally[`${ID} teachers`]).toEqual({ checked: 3, agreeing: 3 });
  const f = fixture();
  f.schedules[0].tables[0].rows[0].values[2] = 42960; // rounded down instead of half up
  const wrong = engineOf(f);
  const report = checkContract(wrong.contract(ID) as never, wrong);
  expect(report.findings.map((x) => `${x.lane} ${x.step} ${x.printed} ${x.derived} ${x.rule}`)).toEqual(['MA 1 42960 42961 1 MA = base 40150 × 1.07']);
});

test('a proposal of +3% raises the base, and the cells are derived from it, not from the rounded cells', () => {
  const proposed = proposalEngine(engineOf(fixture()), { name: 'three', contract: ID, baseYear: '2025-26', years: [{ year: '2026-27', schedulePercent: 3 }] });
  if (proposed instanceof Failure) throw new Error(proposed.message);
  expect(grid(proposed, '2026-27')).toEqual([
    [41355, 42802, 44249],
    [42802, 44249, 45697],
    [44249, 45697, 47144],
    ['NA', 47144, 48592],
  ]);
  const rule = (proposed.contract(ID) as { file: { rules: { indexRatio: { bases: { year: string; amount: number }[] }[] } } }).file.rules.indexRatio[0];
  expect(rule.bases).toEqual([{ year: '2025-26', amount: 40150, cite: 'synthetic-index-ratio.txt:15' }, { year: '2026-27', amount: 41354.5, cite: 'proposal.sheet:1' }]);
});

test('a career increment over an index-derived cell: the index derives first, then the increment over it', () => {
  const f = fixture();
  f.schedules[0].steps.push({ label: 'Career', aliases: [], kind: 'career' });
  f.schedules[0].tables[0].rows.push({ printed: 'Career', steps: ['Career'], cite: 'synthetic-index-ratio.txt:26', values: [null, null, null] });
  f.rules.careerIncrement = [{ schedule: 'teachers', step: 'Career', baseStep: '4', lanes: ['MA'], years: ['2025-26'], percent: 2, rounding: 'salary', cite: 'synthetic-index-ratio.txt:27' }];
  // MA step 4 = 47,176 (worked above); 47,176 × 1.02 = 47,176 + 943.52 = 48,119.52 -> 48,120
  const engine = engineOf(f);
  expect(engine.salary(ID, 'MA', 'Career', '2025-26')).toBe(48120);
  // +3%: MA step 4 = 48,592 (worked above); career 2% kept: 48,592 + 971.84 = 49,563.84 -> 49,564
  const proposed = proposalEngine(engine, { name: 'three', contract: ID, baseYear: '2025-26', years: [{ year: '2026-27', schedulePercent: 3 }] }) as Engine;
  expect(proposed.salary(ID, 'MA', 'Career', '2026-27')).toBe(49564);
});

test('a flat $ on an index-ratio schedule is refused, not silently dropped', () => {
  const proposed = proposalEngine(engineOf(fixture()), { name: 'flat', contract: ID, baseYear: '2025-26', years: [{ year: '2026-27', schedulePercent: 0, scheduleDollars: 500 }] });
  expect(proposed).toBeInstanceOf(Failure);
  expect((proposed as Failure).message).toMatch(/^Proposal "flat" 2026-27: schedule "teachers" is stated as base × index \(synthetic-index-ratio\.txt:15-18\): a flat \$ cannot be added/);
});

test('a mis-authored index is refused with the path and the reason, every problem at once', () => {
  const f = fixture();
  f.rules.indexRatio[0].index[1].ratios = [1.035, 1.07];
  f.rules.indexRatio[0].index[2].step = '9';
  f.rules.indexRatio[0].bases[0].year = '2030-31';
  let error: ContractLoadError | undefined;
  try {
    engineOf(f);
  } catch (e) {
    error = e as ContractLoadError;
  }
  expect(error).toBeInstanceOf(ContractLoadError);
  expect(error!.problems.map((p) => `${p.path}: ${p.reason}`)).toEqual([
    'rules.indexRatio[0].bases[0].year: 2030-31 is not in the contract\'s years (2025-26)',
    'rules.indexRatio[0].index[1].ratios: has 2 ratios; the schedule has 3 lanes (BA, BA+30, MA); give null for a lane the step does not pay',
    'rules.indexRatio[0].index[2].step: "9" is not a step of "teachers"',
  ]);
});
