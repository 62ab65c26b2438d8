/** Loading contract files: a bad file is rejected whole with file, path and reason; what was loaded stays loaded. */
import * as fs from 'fs';
import * as path from 'path';
import { bundledContracts, ContractLoadError, ContractRegistry, createRegistry, Engine, Failure, MAX_CONTRACT_CHARS } from '../../src';

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
    ['broken citation', (c) => (c.schedules[0].tables[0].cite = '004_95c67c5f7895ec64.txt'), /tables\[0\]\.cite: "004_95c67c5f7895ec64\.txt" is not a citation: write "file:line"/],
    ['citation into an undeclared source', (c) => (c.schedules[0].tables[0].rows[0].cite = 'other.txt:12'), /rows\[0\]\.cite: cites "other\.txt", which is not listed in sources/],
    // every field the schema types as a citation is checked, not only those named "cite"
    ['citation into an undeclared source in another citation field', (c) => (c.terms[0].inOvertimeRate = 'other.txt:12'), /terms\[0\]\.inOvertimeRate: cites "other\.txt", which is not listed in sources/],
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

/** Hand-made bad files that used to load and then crash or mislead (issue 8, part 3). */
describe('what would crash or mislead later is refused at load', () => {
  const custodialText = fs.readFileSync(path.join(__dirname, '../../src/contracts/waconia-custodial.json'), 'utf8');
  const custodial = () => ({ ...JSON.parse(custodialText), id: 'test/custodial' });
  const anokaText = fs.readFileSync(path.join(__dirname, '../../src/contracts/anoka-hennepin-teachers.json'), 'utf8');
  const anoka = () => ({ ...JSON.parse(anokaText), id: 'test/anoka' });
  const refusal = (doc: unknown, name = 'bad.json'): ContractLoadError => {
    try {
      new ContractRegistry().load([{ name, content: typeof doc === 'string' ? doc : JSON.stringify(doc) }]);
    } catch (e) {
      expect(e).toBeInstanceOf(ContractLoadError); // never a RangeError, TypeError …
      return e as ContractLoadError;
    }
    throw new Error('the bad file was accepted');
  };
  const nested = (levels: number) => {
    let v: unknown = 1;
    for (let i = 0; i < levels; i++) v = i % 2 ? { x: v } : [v];
    return v;
  };

  test.each([
    ['as text', true],
    ['as parsed data', false],
  ])('6,000 levels of nesting (%s) are refused with a message, not a stack overflow', (_how, asText) => {
    const c = custodial();
    c.readings = [{ text: 'deep', cite: c.sources[0].file + ':1', extra: asText ? 'DEEP' : nested(6000) }];
    // the text is built by hand: JSON.stringify itself overflows on 6,000 levels
    const content = asText ? JSON.stringify(c).replace('"DEEP"', '['.repeat(6000) + ']'.repeat(6000)) : c;
    let e: unknown;
    try {
      new ContractRegistry().load([{ name: 'deep.json', content }]);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ContractLoadError);
    expect((e as Error).message).toBe('deep.json: (top): arrays and objects nest more than 32 levels deep; a contract file needs fewer than 10');
  });
  test('33 levels are refused, and the deepest shipped file (9 levels) loads', () => {
    const c = custodial();
    c.readings = [{ text: 'deep', cite: c.sources[0].file + ':1', extra: nested(30) }]; // 1 + 1 + 1 + 30 = 33 levels
    expect(refusal(c).message).toMatch(/nest more than 32 levels/);
    expect(() => new ContractRegistry().load([{ name: 'ok.json', content: custodial() }])).not.toThrow();
  });

  test('a salary with three decimal places under a whole-dollar rule (COST threw on it)', () => {
    const c = fresh();
    c.id = 'test/teachers';
    c.schedules[0].tables[0].rows[0].values[0] = 44802.125; // printed 44,802 (004_95c67c5f7895ec64.txt:3024)
    expect(refusal(c).message).toBe('bad.json: schedules[0].tables[0].rows[0].values[0]: 44802.125 has 3 decimal places; rounding rule "salary" of schedule "k12" keeps 0');
  });
  test('an hourly wage in tenths of a cent under the cents rule', () => {
    const c = custodial();
    c.schedules[0].tables[0].rows[0].values[1] = 19.635; // printed 19.63 (004_95c67c5f7895ec64.txt:6552)
    expect(refusal(c).message).toBe('bad.json: schedules[0].tables[0].rows[0].values[1]: 19.635 has 3 decimal places; rounding rule "wage" of schedule "wages" keeps 2');
  });
  test('a monthly insurance contribution in tenths of a cent; a multiplier may keep more places', () => {
    const c = custodial();
    c.terms[21].values[0].amount = 767.135; // printed 767.13 (004_95c67c5f7895ec64.txt:6131)
    expect(refusal(c).message).toBe('bad.json: terms[21].values[0].amount: 767.135 has 3 decimal places; money (USD/month) keeps 2');
    const a = anoka();
    const multiplier = a.terms.findIndex((t: any) => t.unit === 'multiplier');
    a.terms[multiplier].values[0].amount = 0.1234567;
    expect(refusal(a).message).toMatch(new RegExp(`terms\\[${multiplier}\\]\\.values\\[0\\]\\.amount: 0\\.1234567 has 7 decimal places; a term in multiplier keeps 6`));
  });
  test('a stipend add-on with cents under the whole-dollar stipend rule', () => {
    const c = fresh();
    c.id = 'test/teachers';
    c.stipends.addOns[0].amount = 200.5; // printed $200
    expect(refusal(c).message).toBe('bad.json: stipends.addOns[0].amount: 200.5 has 1 decimal places; rounding rule "stipend" of stipends keeps 0');
  });

  test.each<[string, number]>([
    ['zero', 0],
    ['a denormal that divides into Infinity', 1e-320],
    ['a fraction', 0.5],
  ])('a rate divisor that is %s', (_what, divisor) => {
    const c = fresh();
    c.id = 'test/teachers';
    c.rates[0].divisor = divisor;
    expect(refusal(c).message).toBe(`bad.json: rates[0].divisor: ${divisor} is below the minimum 1`);
  });
  test('a prorated stipend whose fullAt divides into Infinity', () => {
    const a = anoka();
    a.stipends.items[64].terms[0].fullAt = 5e-324; // Debate: 4,556 at 200 rounds, prorated below
    expect(refusal(a).message).toMatch(/stipends\.items\[64\]\.terms\[0\]\.fullAt: 5e-324 is below the minimum 1/);
  });
  test.each<[string, string]>([
    ['an amount of 1e308', '1e308'],
    ['an amount that JSON reads as Infinity', '1e400'],
  ])('%s', (_what, literal) => {
    const text = JSON.stringify(custodial()).replace('"values":[19,', `"values":[${literal},`);
    expect(refusal(text).message).toMatch(/schedules\[0\]\.tables\[0\]\.rows\[0\]\.values\[0\]: .* is not a printed amount/);
  });
  test('a negative wage (HOURLY answered -18.22 when this was bundled)', () => {
    const c = custodial();
    c.schedules[0].tables[0].rows[0].values[0] = -18.22;
    expect(refusal(c).message).toMatch(/values\[0\]: -18\.22 is not a printed amount/);
  });

  test('every problem of a file is listed at once, each as file: path: reason', () => {
    const c = custodial();
    c.schedules[0].tables[0].rows[0].values[1] = 19.635;
    c.terms[21].values[0].amount = 767.135;
    c.schedules[0].lanes[1].aliases.push(c.schedules[0].lanes[0].label.toLowerCase());
    const e = refusal(c);
    expect(e.problems.map((p) => p.path)).toEqual(['schedules[0].lanes[1].aliases[' + (c.schedules[0].lanes[1].aliases.length - 1) + ']', 'schedules[0].tables[0].rows[0].values[1]', 'terms[21].values[0].amount']);
    expect(e.message.split('\n')).toHaveLength(3);
    for (const line of e.message.split('\n')) expect(line).toMatch(/^bad\.json: \S+: \S/);
  });
  test('every schema problem is listed at once too', () => {
    const c = custodial();
    c.schedules[0].tables[0].rows[0].values[0] = -1;
    c.schedules[0].tabels = [];
    delete c.title;
    const e = refusal(c);
    expect(e.problems.map((p) => `${p.path}: ${p.reason}`).sort()).toEqual([
      '(top): missing required key "title"'.replace('(top)', ''),
      'schedules[0]: unknown key "tabels" (check the spelling against the schema)',
      'schedules[0].tables[0].rows[0].values[0]: -1 is not a printed amount (a number from 0 to 10,000,000), null (empty cell) or "NONE"',
    ].sort());
  });
  test('a batch lists the problems of every bad file, and loads none', () => {
    const a = custodial();
    a.schedules[0].tables[0].rows[0].values[0] = -1;
    const b = fresh();
    b.id = 'test/teachers';
    b.rates[0].divisor = 0;
    const registry = new ContractRegistry();
    let e: ContractLoadError | undefined;
    try {
      registry.load([{ name: 'a.json', content: a }, { name: 'ok.json', content: anoka() }, { name: 'b.json', content: b }]);
    } catch (err) {
      e = err as ContractLoadError;
    }
    expect(e!.problems.map((p) => `${p.file}: ${p.path}`)).toEqual(['a.json: schedules[0].tables[0].rows[0].values[0]', 'b.json: rates[0].divisor']);
    expect(registry.ids()).toEqual([]);
  });

  test('messages quote at most 40 characters of what the file holds', () => {
    const long = 'x'.repeat(5000);
    const c = custodial();
    c.schedules[0][long] = 1; // an unknown key
    c.schedules[0].lanes[0].label = long; // too long a label
    c.schedules[0].tables[0].rows[0].values[0] = long; // not an amount
    const e = refusal(c);
    expect(e.problems).toHaveLength(3);
    for (const p of e.problems) {
      expect(p.reason).toContain(`${'x'.repeat(39)}…`);
      expect(p.reason).not.toContain('x'.repeat(41));
    }
    expect(e.message.length).toBeLessThan(600);
  });
  test('a long contract argument with a look-alike letter is quoted with a short excerpt', () => {
    const r = new Engine(createRegistry()).salary('\u041C' + 'A'.repeat(500), 'BA', 'B', '2025-26');
    expect(r).toBeInstanceOf(Failure);
    expect((r as Failure).message).toMatch(/^"\u041CA{39}…" contains the non-Latin letter "\u041C" \(U\+041C\)/);
    expect((r as Failure).message).not.toMatch(/A{41}/);
  });
});
