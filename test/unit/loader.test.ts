/** Loading contract files: a bad file is rejected whole with file, path and reason; what was loaded stays loaded. */
import * as fs from 'fs';
import * as path from 'path';
import { bundledContracts, ContractLoadError, ContractRegistry, createRegistry, Engine, MAX_CONTRACT_CHARS } from '../../src';

const waconiaText = fs.readFileSync(path.join(__dirname, '../../src/contracts/waconia-teachers.json'), 'utf8');
const fresh = () => JSON.parse(waconiaText);

import Ajv from 'ajv';
import schema from '../../src/schema/contract.schema.json';

const ajv = new Ajv({ strict: true, allowUnionTypes: true, discriminator: true, strictRequired: false });

function rejection(mutate: (c: any) => void): ContractLoadError {
  const c = fresh();
  mutate(c);
  // Ajv and our own interpreter of the schema agree on what the schema rejects
  const schemaRejects = !ajv.validate(schema, c);
  const registry = new ContractRegistry();
  try {
    registry.load([{ name: 'district.json', content: JSON.stringify(c) }]);
  } catch (e) {
    expect(e).toBeInstanceOf(ContractLoadError);
    const byOurSchemaCheck = !/(is already used by|cites "|runs backwards|has \d+ values; the schedule has|is not a step label|already has a row|is not in the contract's years|two tables for|is not declared|is not a lane)/.test((e as Error).message);
    expect(byOurSchemaCheck).toBe(schemaRejects);
    return e as ContractLoadError;
  }
  throw new Error('the mutated file was accepted');
}

describe('shipped contracts', () => {
  test('the add-in loads them trusted (no re-check at start-up); the checked load is the same contract', () => {
    const checked = createRegistry();
    const trusted = createRegistry({ trusted: true });
    expect(trusted.ids()).toEqual(checked.ids());
    for (const c of checked.all()) expect(JSON.stringify(trusted.get(c.id)!.file)).toBe(JSON.stringify(c.file));
    // 2025-26 MA+15 H: 64,654 (004_95c67c5f7895ec64.txt:4966)
    expect(new Engine(trusted).salary('waconia/teachers', 'MA+15', 'H', '2025-26')).toBe(64654);
  });
  test('load and compile', () => {
    const r = createRegistry();
    expect(r.ids().sort()).toEqual(['anoka-hennepin/teachers', 'waconia/custodial', 'waconia/teachers']);
  });
  test('the schema is valid draft-07 JSON Schema, and Ajv (a full validator) accepts the shipped files too', () => {
    const validate = ajv.compile(schema);
    for (const c of bundledContracts) expect([c.name, validate(c.content), validate.errors]).toEqual([c.name, true, null]);
  });
});

describe('bad files are rejected with file, path and reason', () => {
  test.each<[string, (c: any) => void, RegExp]>([
    ['missing key', (c) => delete c.years, /district\.json: \(top\): missing required key "years"/],
    ['wrong type', (c) => (c.schedules[0].tables[0].rows[0].values[2] = '47,928'), /schedules\[0\]\.tables\[0\]\.rows\[0\]\.values\[2\]: "47,928" is not a printed amount/],
    ['negative amount', (c) => (c.schedules[0].tables[0].rows[0].values[0] = -1), /values\[0\]: -1 is not a printed amount/],
    ['huge amount', (c) => (c.schedules[0].tables[0].rows[0].values[0] = 1e12), /values\[0\]/],
    ['unknown key (typo)', (c) => (c.schedules[0].tabels = []), /schedules\[0\]: unknown key "tabels"/],
    ['Cyrillic look-alike label', (c) => (c.schedules[0].lanes[4].aliases.push('\u041C\u0410')), /lanes\[4\]\.aliases\[6\]: .*U\+041C/],
    ['duplicate label after normalising', (c) => c.schedules[0].lanes[1].aliases.push('ba'), /lanes\[1\]\.aliases\[2\]: "ba" is already used by .*lanes\[0\]/],
    ['broken citation', (c) => (c.schedules[0].tables[0].cite = '004_95c67c5f7895ec64.txt'), /tables\[0\]\.cite: "004_95c67c5f7895ec64\.txt" does not match/],
    ['citation into an undeclared source', (c) => (c.schedules[0].tables[0].rows[0].cite = 'other.txt:12'), /rows\[0\]\.cite: cites "other\.txt", which is not listed in sources/],
    ['backwards line range', (c) => (c.schedules[0].cite = '004_95c67c5f7895ec64.txt:3047-3020'), /runs backwards/],
    ['row with too few values', (c) => c.schedules[0].tables[0].rows[0].values.pop(), /rows\[0\]\.values: has 7 values; the schedule has 8 lanes/],
    ['row for an unknown step', (c) => (c.schedules[0].tables[0].rows[0].steps = ['A']), /rows\[0\]\.steps\[0\]: "A" is not a step label/],
    ['two rows for one step', (c) => (c.schedules[0].tables[0].rows[1].steps = ['B']), /step "B" already has a row in 2023-24/],
    ['table for a year outside the contract', (c) => (c.schedules[0].tables[0].year = '2019-20'), /tables\[0\]\.year: 2019-20 is not in the contract's years/],
    ['two tables for one year', (c) => (c.schedules[0].tables[1].year = '2023-24'), /two tables for 2023-24/],
    ['undeclared rounding rule', (c) => (c.schedules[0].rounding = 'cents'), /rounding rule "cents" is not declared/],
    ['rule naming an unknown lane', (c) => (c.rules.careerIncrement[0].lanes[0] = 'MA+60'), /careerIncrement\[0\]\.lanes\[0\]: "MA\+60" is not a lane/],
    ['bad id', (c) => (c.id = 'Waconia Teachers'), /id: "Waconia Teachers" does not match/],
  ])('%s', (_name, mutate, message) => {
    expect(rejection(mutate).message).toMatch(message);
  });

  test('not JSON', () => {
    expect(() => new ContractRegistry().load([{ name: 'x.json', content: '{"id": ' }])).toThrow(/x\.json: \(top\): not valid JSON/);
  });
  test('oversized file', () => {
    expect(() => new ContractRegistry().load([{ name: 'big.json', content: ' '.repeat(MAX_CONTRACT_CHARS + 1) }])).toThrow(/big\.json: .*limit is 2000000/);
  });
});

describe('all-or-nothing', () => {
  test('a batch with one bad file changes nothing, and what was loaded still answers', () => {
    const registry = createRegistry();
    const engine = new Engine(registry);
    const good = fresh();
    good.id = 'waconia/teachers-copy';
    const bad = fresh();
    bad.id = 'waconia/other';
    bad.years = [];
    expect(() =>
      registry.load([
        { name: 'good.json', content: good },
        { name: 'bad.json', content: bad },
      ]),
    ).toThrow(/bad\.json: years/);
    expect(registry.ids().sort()).toEqual(['anoka-hennepin/teachers', 'waconia/custodial', 'waconia/teachers']);
    // 2025-26 row B, lane BA+60/MA prints 52,812 (004_95c67c5f7895ec64.txt:4960)
    expect(engine.salary('waconia/teachers', 'MA', 'B', '2025-26')).toBe(52812);
  });
  test('an engine in use answers from a replaced contract, not from what it resolved before', () => {
    const registry = createRegistry();
    const engine = new Engine(registry);
    // 2025-26 row H, lane MA+15 prints 64,654 (004_95c67c5f7895ec64.txt:4966)
    expect(engine.salary('waconia/teachers', 'MA+15', 'H', '2025-26')).toBe(64654);
    // a district corrects that cell and loads its file again
    const changed = fresh();
    changed.schedules[0].tables.find((t: any) => t.year === '2025-26').rows.find((r: any) => r.steps[0] === 'H').values[5] = 64655;
    registry.load([{ name: 'corrected.json', content: changed }], { replace: true });
    expect(engine.salary('waconia/teachers', 'MA+15', 'H', '2025-26')).toBe(64655);
  });
  test('a contract id already loaded is refused unless replace is asked for', () => {
    const registry = createRegistry();
    expect(() => registry.load([bundledContracts[0]])).toThrow(/already loaded/);
    expect(() => registry.load([bundledContracts[0]], { replace: true })).not.toThrow();
  });
});
