/**
 * The add-in's start-up registers the bundled contracts without parsing them (issue 9): each is parsed and compiled on
 * its first use, and one that fails then answers for itself only, with `file: path: reason`, as a file loadEach leaves
 * out does (test/unit/startup.test.ts shows that through the functions).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { bundledContracts, ContractRegistry, createRegistry, Engine, Failure } from '../../src';
import type { LazyContractFile } from '../../src';

const dir = path.join(__dirname, '../../src/contracts');
const text = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const contractLoader: (this: { resourcePath: string }, source: string) => string = require('../../scripts/contract-loader.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const embedContract: (source: string) => string = require('../../scripts/embed-contract.js');

/** The bundled files as the built add-in has them: JSON text and the header scripts/embed-contract.js writes. */
function asBuilt(name: string): LazyContractFile {
  const code = embedContract(contractLoader.call({ resourcePath: path.join(dir, name) }, text(name)));
  const module = { exports: {} as { embeddedContract: LazyContractFile['header']; text: string } };
  vm.runInNewContext(code, { module }); // the loader's output is a CommonJS module, evaluated here as webpack would
  return { name, content: module.exports.text, header: module.exports.embeddedContract };
}
const names = ['waconia-teachers.json', 'anoka-hennepin-teachers.json', 'waconia-custodial.json'];

describe('bundled contracts compiled on first use', () => {
  afterEach(() => jest.restoreAllMocks());

  test('registering parses nothing; ids and headers come from what the build wrote', () => {
    const files = names.map(asBuilt);
    const parse = jest.spyOn(JSON, 'parse');
    const registry = new ContractRegistry();
    expect(registry.register(files)).toEqual([]);
    expect(registry.ids()).toEqual(['waconia/teachers', 'anoka-hennepin/teachers', 'waconia/custodial']);
    expect(registry.headers().map((h) => [h.id, h.years.length > 0, h.title !== ''])).toEqual(registry.ids().map((id) => [id, true, true]));
    parse.mockClear();
    registry.ids();
    registry.headers();
    expect(parse).not.toHaveBeenCalled();
    // the first get parses that one file only
    expect(registry.get('waconia/custodial')!.id).toBe('waconia/custodial');
    expect(parse.mock.calls.filter(([s]) => typeof s === 'string' && s.length > 10_000)).toHaveLength(1);
    // 2025-26 Day Leads / Custodial Maintenance step 1: 19.76 (004_95c67c5f7895ec64.txt:7287)
    expect(new Engine(registry).hourly('waconia/custodial', 'Day Leads / Custodial Maintenance', 1, '2025-26')).toBe(19.76);
  });

  test('the header the build writes is the file\'s own id, title, district, unit, years and schedules', () => {
    for (const name of names) {
      const file = JSON.parse(text(name));
      const schedules = file.schedules.map((s: { id: string; title: string; kind: string }) => ({ id: s.id, title: s.title, kind: s.kind }));
      expect(asBuilt(name).header).toEqual({ id: file.id, title: file.title, district: file.district, unit: file.unit, years: file.years, schedules });
    }
  });

  test('listing the contracts (the pane\'s list) compiles none, and lists what the compiled contracts hold', () => {
    const registry = new ContractRegistry();
    registry.register(names.map(asBuilt));
    const parse = jest.spyOn(JSON, 'parse');
    const listed = new Engine(registry).listContracts();
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    const compiled = registry.all().map((c) => ({
      id: c.id, title: c.file.title, district: c.file.district, unit: c.file.unit, years: c.years,
      schedules: c.schedules.map((s) => ({ id: s.id, title: s.file.title, kind: s.file.kind })),
    }));
    expect(listed).toEqual(compiled);
    expect(listed.every((c) => c.schedules.length > 0)).toBe(true);
  });

  test('a file that fails to compile on first use answers #N/A with file: path: reason, for that contract only', () => {
    const bad = asBuilt('waconia-teachers.json');
    const data = JSON.parse(bad.content as string);
    data.schedules[0].lanes[1].aliases.push('ba'); // lane 0 is BA: the compile step refuses a duplicate alias
    const registry = new ContractRegistry();
    registry.register([{ ...bad, content: JSON.stringify(data) }, asBuilt('anoka-hennepin-teachers.json')]);
    expect(registry.ids()).toEqual(['waconia/teachers', 'anoka-hennepin/teachers']); // not known to fail yet
    const engine = new Engine(registry);
    const e = engine.salary('waconia/teachers', 'MA+15', 'H', '2025-26');
    expect(e).toBeInstanceOf(Failure);
    expect((e as InstanceType<typeof Failure>).code).toBe('NA');
    expect((e as InstanceType<typeof Failure>).message).toMatch(/^contract "waconia\/teachers" was left out when the add-in started: waconia-teachers\.json: schedules\.k12\.lanes\[1\]\.aliases\[\d+\]: "ba" is already used/);
    expect(registry.ids()).toEqual(['anoka-hennepin/teachers']);
    expect(registry.failed().map((f) => [f.file, f.id])).toEqual([['waconia-teachers.json', 'waconia/teachers']]);
    // Anoka-Hennepin 2005-06 BA step 1: 34,621 (001_568af6eb86bfbaf6.txt:993)
    expect(engine.salary('anoka-hennepin/teachers', 'BA', 1, '2005-06')).toBe(34621);
  });

  test('a registered id cannot be registered twice, nor loaded over without replace', () => {
    const registry = new ContractRegistry();
    registry.register([asBuilt('waconia-custodial.json')]);
    const [again] = registry.register([asBuilt('waconia-custodial.json')]);
    expect(again.error.message).toBe('waconia-custodial.json: id: contract "waconia/custodial" is already loaded (from waconia-custodial.json)');
    expect(() => registry.load([{ name: 'mine.json', content: text('waconia-custodial.json') }])).toThrow(/already loaded \(from waconia-custodial\.json\); load it with replace/);
    expect(registry.load([{ name: 'mine.json', content: text('waconia-custodial.json') }], { replace: true })[0].origin).toBe('mine.json');
    expect(registry.get('waconia/custodial')!.origin).toBe('mine.json');
  });

  test('all() compiles every registered file, in the order registered; the trusted registry compiles what the checked one does', () => {
    const trusted = createRegistry({ trusted: true });
    const checked = createRegistry();
    expect(trusted.all().map((c) => c.id)).toEqual(bundledContracts.map((b) => b.header!.id));
    for (const c of checked.all()) expect(JSON.stringify(trusted.get(c.id)!.file)).toBe(JSON.stringify(c.file));
  });
});
