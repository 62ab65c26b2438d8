/**
 * At start-up each bundled contract loads on its own (issue 8, part 3): one bad file leaves the others working,
 * and the failure is visible where the contract is used: CONTRACTS lists it as #N/A and any function given its
 * id answers #N/A naming file: path: reason. functions/functions.ts is loaded here over a bundle with one bad file.
 */
import * as fs from 'fs';
import * as path from 'path';

const dir = path.join(__dirname, '../../src/contracts');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));

// the bundle as src/contracts/index.ts gives it, with a duplicate alias in Waconia teachers (which once stopped
// every function from registering) and a file the trusted start-up cannot even compile
jest.mock('../../src/contracts', () => {
  const teachers = read('waconia-teachers.json');
  teachers.schedules[0].lanes[1].aliases.push('ba'); // lane 0 is BA
  return {
    bundledContracts: [
      { name: 'waconia-teachers.json', content: teachers },
      { name: 'anoka-hennepin-teachers.json', content: read('anoka-hennepin-teachers.json') },
      { name: 'waconia-custodial.json', content: read('waconia-custodial.json') },
      { name: 'broken.json', content: { id: 'broken/x', schedules: 'not a list' } },
    ],
  };
});

class ShimError {
  constructor(readonly code: string, readonly message?: string) {}
}
(globalThis as any).CustomFunctions = { Error: ShimError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fns = require('../../functions/functions') as typeof import('../../functions/functions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createRegistry, Engine, Failure } = require('../../src') as typeof import('../../src');

describe('one bad bundled contract leaves the others working', () => {
  test('the good contracts answer (trusted start-up, as the add-in loads them)', () => {
    // 2025-26 Day Leads / Custodial Maintenance step 1: 19.76 (004_95c67c5f7895ec64.txt:7287)
    expect(fns.hourly([['Day Leads / Custodial Maintenance']], [[1]], [['2025-26']], [['waconia/custodial']])).toEqual([[19.76]]);
    // Anoka-Hennepin 2005-06 BA step 1: 34,621 (001_568af6eb86bfbaf6.txt:993)
    expect(fns.salary([['BA']], [[1]], [['2005-06']], [['anoka-hennepin/teachers']])).toEqual([[34621]]);
  });
  test('CONTRACTS lists the good ids, then #N/A for each file left out, with file: path: reason', () => {
    const out = fns.contracts();
    expect(out.slice(0, 2)).toEqual([['anoka-hennepin/teachers'], ['waconia/custodial']]);
    expect(out).toHaveLength(4);
    const [teachers, broken] = [out[2][0], out[3][0]] as ShimError[];
    expect(teachers.code).toBe('#N/A');
    expect(teachers.message).toMatch(/^waconia\/teachers could not be loaded: waconia-teachers\.json: schedules\.k12\.lanes\[1\]\.aliases\[\d+\]: "ba" is already used by schedules\.k12\.lanes\[0\] \("BA"\)/);
    expect(broken.code).toBe('#N/A');
    expect(broken.message).toMatch(/^broken\/x could not be loaded: broken\.json: \(top\): could not be compiled: /);
  });
  test('a function given the bad contract answers #N/A with the reason, for that contract only', () => {
    const [[v]] = fns.salary([['MA+15']], [['H']], [['2025-26']], [['waconia/teachers']]) as ShimError[][];
    expect(v.code).toBe('#N/A');
    expect(v.message).toMatch(/^contract "waconia\/teachers" was left out when the add-in started: waconia-teachers\.json: .*"ba" is already used/);
    const [[u]] = fns.salary([['MA+15']], [['H']], [['2025-26']], [['waconia/nonesuch']]) as ShimError[][];
    expect(u.code).toBe('#VALUE!'); // an id no file declares stays an unknown contract
  });
  test('checked start-up: the same, and the failure lists the problem found by the full checks', () => {
    const registry = createRegistry();
    expect(registry.ids().sort()).toEqual(['anoka-hennepin/teachers', 'waconia/custodial']);
    expect(registry.failed().map((f) => [f.file, f.id])).toEqual([['waconia-teachers.json', 'waconia/teachers'], ['broken.json', 'broken/x']]);
    expect(registry.failure('broken/x')!.error.message).toMatch(/^broken\.json: \(top\): missing required key/);
    const e = new Engine(registry).salary('waconia/teachers', 'MA+15', 'H', '2025-26');
    expect(e).toBeInstanceOf(Failure);
    expect((e as InstanceType<typeof Failure>).code).toBe('NA');
  });
  test('loading a corrected file clears the failure', () => {
    const registry = createRegistry();
    registry.load([{ name: 'waconia-teachers.json', content: read('waconia-teachers.json') }]);
    expect(registry.failure('waconia/teachers')).toBeUndefined();
    // 2025-26 row H, lane MA+15 prints 64,654 (004_95c67c5f7895ec64.txt:4966)
    expect(new Engine(registry).salary('waconia/teachers', 'MA+15', 'H', '2025-26')).toBe(64654);
  });
});
