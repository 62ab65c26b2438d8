/**
 * A workbook's own contracts (functions/workbook-contracts.ts) against a fake of the Excel calls it makes
 * (test/support/fake-excel-parts.ts: custom XML parts, calculate, sync, with Office.js's load-then-sync rule):
 * stored in a part, read back and loaded when the workbook opens (a colleague's copy gets the same numbers), a bad
 * part left out with its reason, removal, recalculation, and formulas that wait for the start-up load.
 *
 * The contract is the synthetic index-ratio fixture (test/fixtures/index-ratio.json): BA step 1 printed 40,150;
 * BA step 2 = 40,150 × 1.035 = 41,555.25 -> 41,555 (worked by hand in test/unit/index-ratio.test.ts).
 * Waconia MA+15 step H 2025-26 = 64,654 (004_95c67c5f7895ec64.txt:4966).
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLValidator } from 'fast-xml-parser';
import { createRegistry, Engine } from '../../src';
import { ContractApi, Failure, memoryDefault } from '../../src/api';
import { CONTRACT_PART_NAMESPACE, contractPartXml, readContractPart, startInExcel, WorkbookContracts } from '../../functions/workbook-contracts';
import { FakeExcel } from '../support/fake-excel-parts';

const TEXT = fs.readFileSync(path.join(__dirname, '../fixtures/index-ratio.json'), 'utf8');
const ID = 'example/index-ratio';
const edited = (edit: (f: any) => void): string => {
  const f = JSON.parse(TEXT);
  edit(f);
  return JSON.stringify(f, null, 2);
};

/** An add-in instance (engine, API, the workbook's contracts) over a fake Excel. */
function addin(excel = new FakeExcel()) {
  const api = new ContractApi(new Engine(createRegistry()), memoryDefault());
  const workbook = new WorkbookContracts(api, () => excel.run);
  const ba = (step: string, contract = ID) => api.salary({ contract, lane: 'BA', step, year: '2025-26' });
  return { api, workbook, excel, ba };
}

describe('the part: JSON text as XML, exactly recoverable', () => {
  test('markup characters, quotes, CR LF and tabs survive; the XML is well formed', () => {
    const text = '{\r\n\t"id": "a/b", "note": "x < y && y > z, \\"quoted\\" ]]> done"\r\n}';
    const xml = contractPartXml(text, 'my "file" <1>.json');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/\r/);
    expect(readContractPart(xml)).toEqual({ text, origin: 'my "file" <1>.json' });
  });
  test('characters XML cannot hold become JSON escapes: the text means the same', () => {
    const text = JSON.stringify({ id: 'a/b', note: 'lone \uD800 surrogate, \uFFFF and \u0001' });
    const xml = contractPartXml(text, 'f.json');
    expect([...xml].filter((c) => /[\uD800-\uDFFF\uFFFE\uFFFF]/.test(c) || c.charCodeAt(0) === 1)).toEqual([]);
    expect(JSON.parse((readContractPart(xml) as { text: string }).text)).toEqual(JSON.parse(text));
  });
  test('read back as Excel may hand it: with a declaration, a prefix, CDATA', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><c:contract xmlns:c="${CONTRACT_PART_NAMESPACE}" origin='w.json'><![CDATA[{"a": "<b>"}]]> &amp; more</c:contract>`;
    expect(readContractPart(xml)).toEqual({ text: '{"a": "<b>"} & more', origin: 'w.json' });
    expect(readContractPart('<other/>')).toEqual({ problem: 'the part holds no <contract> element' });
  });
});

describe('saveToWorkbook, and a colleague opening the workbook', () => {
  test('stored in one part of our namespace, recalculated in full; a second instance over the same file gets the same numbers', async () => {
    const mine = addin();
    const out = await mine.workbook.saveToWorkbook(TEXT, { origin: 'index-ratio.json' });
    expect(out.ok).toBe(true);
    expect(mine.ba('1')).toBe(40150);
    expect(mine.excel.file.parts).toEqual([{ id: expect.any(String), namespaceUri: CONTRACT_PART_NAMESPACE, xml: expect.stringContaining('"example/index-ratio"') }]);
    expect(mine.excel.calculations).toEqual(['Full']);

    const colleague = addin(new FakeExcel(mine.excel.file));
    expect((colleague.ba('2') as Failure).reason).toBe('unknown-contract');
    await colleague.workbook.start();
    expect(colleague.ba('1')).toBe(40150);
    expect(colleague.ba('2')).toBe(41555);
    expect(colleague.api.runtimeContracts()).toEqual([{ id: ID, origin: 'index-ratio.json', text: TEXT }]);
    expect(await colleague.workbook.workbookContracts()).toEqual([{ id: ID, title: JSON.parse(TEXT).title, chars: TEXT.length, origin: 'index-ratio.json', loaded: true }]);
    expect(colleague.excel.calculations).toEqual([]); // nothing answered too early: no recalculation at open
  });

  test('a bad file is refused with its problems: no part written, no recalculation, nothing loaded', async () => {
    const { workbook, excel, api } = addin();
    const out = await workbook.saveToWorkbook(edited((f) => (f.schedules[0].rounding = 'nonesuch')), { origin: 'bad.json' });
    expect(out).toEqual({ ok: false, problems: [{ file: 'bad.json', path: 'schedules[0].rounding', reason: expect.stringMatching(/"nonesuch" is not declared/) }] });
    expect(excel.file.parts).toEqual([]);
    expect(excel.calculations).toEqual([]);
    expect(api.runtimeContracts()).toEqual([]);
  });

  test('replace updates the one part of that id', async () => {
    const { workbook, excel, ba } = addin();
    await workbook.saveToWorkbook(TEXT, { origin: 'v1.json' });
    const v2 = edited((f) => (f.schedules[0].tables[0].rows[0].values[0] = 40200));
    expect((await workbook.saveToWorkbook(v2, { origin: 'v2.json' })).ok).toBe(false);
    expect(await workbook.saveToWorkbook(v2, { origin: 'v2.json', replace: true })).toEqual({ ok: true, contract: expect.objectContaining({ id: ID, loadedFrom: 'v2.json' }) });
    expect(ba('1')).toBe(40200);
    expect(excel.file.parts).toHaveLength(1);
    expect(readContractPart(excel.file.parts[0].xml)).toEqual({ text: v2, origin: 'v2.json' });
  });

  test('when Excel cannot store the part, the engine goes back to what it had', async () => {
    const { workbook, excel, api, ba } = addin();
    excel.failNextSync = 'GeneralException: the workbook is read-only';
    const out = await workbook.saveToWorkbook(TEXT, { origin: 'x.json' });
    expect(out).toEqual({ ok: false, problems: [{ file: 'x.json', path: '', reason: 'could not be stored in the workbook: GeneralException: the workbook is read-only' }] });
    expect(api.runtimeContracts()).toEqual([]);
    expect((ba('1') as Failure).reason).toBe('unknown-contract');
  });
});

describe('removeFromWorkbook', () => {
  test('deletes the part, unloads the contract, recalculates', async () => {
    const { workbook, excel, ba } = addin();
    await workbook.saveToWorkbook(TEXT);
    await workbook.removeFromWorkbook(ID);
    expect(excel.file.parts).toEqual([]);
    expect(excel.calculations).toEqual(['Full', 'Full']);
    expect((ba('1') as Failure).reason).toBe('unknown-contract');
    expect(await workbook.workbookContracts()).toEqual([]);
  });
  test("refuses a contract that comes with the add-in", async () => {
    const { workbook, api } = addin();
    await expect(workbook.removeFromWorkbook('waconia/teachers')).rejects.toThrow(/comes with the add-in and cannot be removed/);
    expect(api.salary({ contract: 'waconia/teachers', lane: 'MA+15', step: 'H', year: '2025-26' })).toBe(64654);
  });
});

describe('a workbook that holds a bad part (edited by hand, or from another version)', () => {
  function workbookWith(...xml: string[]) {
    const excel = new FakeExcel({ parts: xml.map((x, i) => ({ id: `{p${i}}`, namespaceUri: CONTRACT_PART_NAMESPACE, xml: x })), nextId: 100 });
    excel.file.parts.push({ id: '{other}', namespaceUri: 'urn:someone-else', xml: '<contract>not ours</contract>' });
    return addin(excel);
  }
  test('the bad one is left out with its reason (listed, and #N/A with it where named); the good one loads; other parts untouched', async () => {
    const bad = edited((f) => {
      f.id = 'example/bad';
      f.schedules[0].rounding = 'nonesuch';
    });
    const { workbook, api, ba, excel } = workbookWith(contractPartXml(TEXT, 'good.json'), contractPartXml(bad, 'bad.json'), '<contract xmlns="' + CONTRACT_PART_NAMESPACE + '"');
    await workbook.start();
    expect(ba('1')).toBe(40150);
    const listed = await workbook.workbookContracts();
    expect(listed).toEqual([
      expect.objectContaining({ id: ID, loaded: true }),
      { id: 'example/bad', title: '', chars: bad.length, origin: 'bad.json', loaded: false, problem: expect.stringMatching(/^bad\.json: schedules\[0\]\.rounding: rounding rule "nonesuch" is not declared/) },
      { id: '(part {p2})', title: '', chars: expect.any(Number), origin: 'workbook', loaded: false, problem: 'workbook: the part holds no <contract> element' },
    ]);
    expect(api.leftOut().map((l) => l.id)).toEqual(['example/bad']);
    const named = ba('1', 'example/bad') as Failure;
    expect(named.reason).toBe('contract-failed-to-load');
    expect(named.message).toMatch(/"nonesuch" is not declared/);
    // removing the bad one deletes its part and forgets it
    await workbook.removeFromWorkbook('example/bad');
    expect(excel.file.parts.map((p) => p.id)).toEqual(['{p0}', '{p2}', '{other}']);
    expect(api.leftOut()).toEqual([]);
  });
  test("a part that takes a bundled contract's id is left out saying so, and can be removed; the bundled contract answers", async () => {
    const { workbook, api, excel } = workbookWith(contractPartXml(edited((f) => (f.id = 'waconia/teachers')), 'copy.json'));
    await workbook.start();
    expect((await workbook.workbookContracts())[0]).toEqual(expect.objectContaining({ id: 'waconia/teachers', loaded: false, problem: expect.stringMatching(/^copy\.json: id: "waconia\/teachers" is the id of a contract that comes with the add-in/) }));
    expect(api.salary({ contract: 'waconia/teachers', lane: 'MA+15', step: 'H', year: '2025-26' })).toBe(64654);
    await workbook.removeFromWorkbook('waconia/teachers');
    expect(excel.file.parts.map((p) => p.id)).toEqual(['{other}']);
    expect(await workbook.workbookContracts()).toEqual([]);
    expect(api.leftOut()).toEqual([]);
    await expect(workbook.removeFromWorkbook('waconia/teachers')).rejects.toThrow(/comes with the add-in/);
    expect(api.salary({ contract: 'waconia/teachers', lane: 'MA+15', step: 'H', year: '2025-26' })).toBe(64654);
  });
  test('the same id twice: the first loads, the second is left out saying so', async () => {
    const v2 = edited((f) => (f.schedules[0].tables[0].rows[0].values[0] = 40200));
    const { workbook, ba } = workbookWith(contractPartXml(TEXT, 'first.json'), contractPartXml(v2, 'second.json'));
    await workbook.start();
    expect(ba('1')).toBe(40150);
    expect((await workbook.workbookContracts())[1]).toEqual(expect.objectContaining({ id: ID, loaded: false, problem: `second.json: id: the workbook holds contract "${ID}" twice; the first one is loaded` }));
  });
});

describe('formulas wait for the start-up load only where they name a contract not known yet', () => {
  test('a call naming a workbook contract waits and then answers; one naming a bundled contract answers at once', async () => {
    const mine = addin();
    await mine.workbook.saveToWorkbook(TEXT);
    const colleague = addin(new FakeExcel(mine.excel.file));
    let open!: (inExcel: boolean) => void;
    const loaded = colleague.workbook.start(new Promise<boolean>((resolve) => (open = resolve)));
    const salary = colleague.workbook.awaiting((lane: unknown[][], step: unknown[][], contract: unknown[][]) =>
      colleague.api.salary({ contract: String(contract[0][0]), lane: String(lane[0][0]), step: String(step[0][0]), year: '2025-26' }));
    expect(colleague.workbook.loading).toBe(true);
    const early = salary([['BA']], [['1']], [[ID]]);
    expect(early).toBeInstanceOf(Promise);
    expect(salary([['MA+15']], [['H']], [['waconia/teachers']])).toBe(64654); // known: no wait
    expect(salary([['BA']], [['1']], [['not an id']])).toBeInstanceOf(Failure); // not id-like: answered (unknown) at once
    open(true);
    await loaded;
    await expect(early).resolves.toBe(40150);
    expect(colleague.workbook.loading).toBe(false);
    expect(salary([['BA']], [['2']], [[ID]])).toBe(41555);
  });
  test('a default contract not known yet makes every call wait', async () => {
    const { workbook, api } = addin();
    api.setDefaultContract(ID);
    let open!: (inExcel: boolean) => void;
    const loaded = workbook.start(new Promise<boolean>((resolve) => (open = resolve)));
    expect(workbook.waitFor([[['BA']]])).toBeInstanceOf(Promise);
    open(false); // not Excel (a browser): nothing to read, the wait ends
    await loaded;
    expect(workbook.waitFor([[['BA']]])).toBeUndefined();
  });
});

describe('startInExcel: in the shared runtime', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Office;
    delete g.CustomFunctions;
  });
  test('every function associated after it waits where needed; the workbook loads once Office reports Excel', async () => {
    const mine = addin();
    await mine.workbook.saveToWorkbook(TEXT);
    const colleague = addin(new FakeExcel(mine.excel.file));
    const registered = new Map<string, (...a: unknown[]) => unknown>();
    g.CustomFunctions = { associate: (id: string, fn: (...a: unknown[]) => unknown) => void registered.set(id, fn) };
    let ready!: (info: { host: string }) => void;
    g.Office = { onReady: () => new Promise((resolve) => (ready = resolve)), HostType: { Excel: 'Excel' } };
    startInExcel(colleague.workbook);
    (g.CustomFunctions as { associate: (id: string, fn: unknown) => void }).associate('SALARY', (c: unknown[][]) => colleague.api.salary({ contract: String(c[0][0]), lane: 'BA', step: '1', year: '2025-26' }));
    const early = registered.get('SALARY')!([[ID]]);
    expect(early).toBeInstanceOf(Promise);
    ready({ host: 'Excel' });
    await expect(early).resolves.toBe(40150);
    expect(colleague.excel.calculations).toEqual([]); // associate was wrapped: no recalculation needed at open
  });
  test('where no Office exists (the bundle in a test, the bench) nothing is wrapped', () => {
    const associate = () => undefined;
    g.CustomFunctions = { associate };
    startInExcel(addin().workbook);
    expect((g.CustomFunctions as { associate: unknown }).associate).toBe(associate);
  });
});
