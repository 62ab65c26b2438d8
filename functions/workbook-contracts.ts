/**
 * A workbook's own contracts (Office side): each contract loaded through the pane is stored in the workbook as a
 * custom XML part (ExcelApi 1.5), so it travels with the file and a colleague who opens the workbook gets the same
 * numbers. When the workbook opens, the shared runtime reads the parts and loads each through the API, checked in
 * full as any file given at run time: a bad one is left out with its reason (CONTRACTS' left-out list, the pane,
 * and #N/A with the reason where a formula names it). Formulas that name a contract not known yet wait for that
 * start-up load instead of answering #N/A too early. After a contract is stored or removed, Excel recalculates
 * in full (Application.calculate(Full): "mark all cells as dirty and then recalculate them"; a custom function's
 * dependence on a contract is invisible to Excel's dependency tree, so a plain recalculation would miss it).
 *
 * Nothing here touches Office when functions.js loads (tests load it where only CustomFunctions exists): start()
 * runs once Office reports Excel.
 */
import type { CheckOutcome, ContractApi, LoadOutcome } from '../src/api';

/** The namespace of the parts this add-in writes; parts of any other namespace are never read or touched. */
export const CONTRACT_PART_NAMESPACE = 'urn:contract-rules-addin:workbook-contract:1';

// ------------------------------------------------------------------------------------------ the part's XML

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/**
 * JSON text as XML character data, exactly recoverable: &, < and > escaped; a carriage return as a character
 * reference (an XML parser would otherwise turn CR LF into LF). In an attribute (`attribute`), quotes, tabs and
 * line feeds too (a parser would otherwise read them as spaces). Characters XML 1.0 cannot hold at all
 * (a lone surrogate, U+FFFE, U+FFFF; control characters other than tab, LF, CR) can only sit inside JSON strings
 * in a file that parses, so they are written as JSON's own \uXXXX escapes: the text changes, what it means does not.
 */
export function escapeContractText(text: string, attribute = false): string {
  return text
    // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what this finds
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(attribute ? /[&<>"\r\n\t]/g : /[&<>\r]/g, (c) => XML_ESCAPES[c]);
}

/** The custom XML part that holds one contract file, with where it came from. */
export function contractPartXml(text: string, origin: string): string {
  return `<contract xmlns="${CONTRACT_PART_NAMESPACE}" origin="${escapeContractText(origin, true)}">${escapeContractText(text)}</contract>`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m);
}

/**
 * The contract file a part holds, or why it cannot be read. Read by its one element, not a general XML parser:
 * the part is ours (its namespace), though Excel may hand it back with a declaration, a prefix or CDATA.
 */
export function readContractPart(xml: string): { text: string; origin: string } | { problem: string } {
  const m = /<(?:[\w.-]+:)?contract\b([^>]*)>([\s\S]*)<\/(?:[\w.-]+:)?contract\s*>/.exec(xml);
  if (!m) return { problem: 'the part holds no <contract> element' };
  const origin = /\borigin\s*=\s*"([^"]*)"|\borigin\s*=\s*'([^']*)'/.exec(m[1]);
  const body = m[2].replace(/<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)|(<)/g, (_, cdata?: string, text?: string) => cdata ?? (text !== undefined ? unescapeXml(text) : '<'));
  return { text: body, origin: origin ? unescapeXml(origin[1] ?? origin[2]) : 'workbook' };
}

// ------------------------------------------------------------------------------------------ Excel, as far as used

interface PartRef {
  readonly id: string;
  load(properties: string): unknown;
  getXml(): { value: string };
  delete(): void;
}
/** The part of Excel's object model used here (Excel.run's context); test/support/fake-excel-parts.ts fakes it. */
export interface PartsContext {
  workbook: {
    customXmlParts: {
      add(xml: string): PartRef;
      getByNamespace(namespaceUri: string): { items: PartRef[]; load(properties: string): unknown };
    };
    application: { calculate(calculationType: 'Full'): void };
  };
  sync(): Promise<unknown>;
}
export type ExcelRun = <T>(batch: (context: PartsContext) => Promise<T>) => Promise<T>;

/** Excel.run where Excel is the host; undefined elsewhere (a browser, the tests of the bundle). */
function excelRun(): ExcelRun | undefined {
  const excel = (globalThis as { Excel?: { run?: unknown } }).Excel;
  return typeof excel?.run === 'function' ? (excel.run as ExcelRun).bind(excel) : undefined;
}

// ------------------------------------------------------------------------------------------ the workbook's contracts

/** A contract the workbook holds, as the pane lists it. */
export interface WorkbookContract {
  id: string;
  title: string;
  /** characters of its JSON text */
  chars: number;
  /** where it came from (a file name) */
  origin: string;
  /** false: left out when the workbook opened or was stored; `problem` says why (file: path: reason) */
  loaded: boolean;
  problem?: string;
}

/** What the global offers besides the API (SHARED3.md interface 3). */
export interface WorkbookContractsApi {
  /** Loads the contract and stores it in the workbook (replace: update one of the same id); refused whole otherwise. */
  saveToWorkbook(text: string, o?: { origin?: string; replace?: boolean }): Promise<LoadOutcome>;
  /** Removes the contract from the workbook and the engine; rejects for a contract that comes with the add-in. */
  removeFromWorkbook(id: string): Promise<void>;
  /** The contracts stored in the workbook, loaded or left out. */
  workbookContracts(): Promise<WorkbookContract[]>;
  /** checkContract, for the pane's preview of a file before it is stored */
  checkContract(text: string, o?: { origin?: string }): CheckOutcome;
}

type Api = Pick<ContractApi, 'loadContract' | 'unloadContract' | 'runtimeContracts' | 'contractIds' | 'defaultContract' | 'checkContract' | 'contracts'>;

/** Text that names a contract as ids are written ("district/unit"), before the engine's normalising. */
const CONTRACT_ID_LIKE = /^\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*\/\s*[a-z0-9]+(?:-[a-z0-9]+)*\s*$/i;
const idOf = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '');

export class WorkbookContracts implements WorkbookContractsApi {
  /** the start-up load while it runs; undefined before it starts and once it is done */
  private startup: Promise<void> | undefined;
  /** each stored contract's part: contract id -> part id (the first part of that id; later duplicates are left out) */
  private parts = new Map<string, string>();
  /** parts that could not be loaded, with why */
  private leftOutParts: WorkbookContract[] = [];

  constructor(
    private readonly api: Api,
    private readonly run: () => ExcelRun | undefined = excelRun,
  ) {}

  /**
   * Reads the workbook's parts, once `ready` resolves true (Office.onReady reports Excel), and loads each contract: a bad one is left
   * out with its reason, the others load. Formulas wait for this (awaiting) where they name a contract not known
   * yet. `recalculate`: recalculate in full once loaded, for calls that could not wait (see startInExcel).
   */
  start(ready: Promise<boolean> = Promise.resolve(true), o: { recalculate?: boolean } = {}): Promise<void> {
    const done: Promise<void> = ready
      .then(async (inExcel) => {
        const run = inExcel ? this.run() : undefined;
        if (!run) return;
        await this.readAll(run);
        if (o.recalculate && this.parts.size) await run(async (context) => {
          context.workbook.application.calculate('Full');
          await context.sync();
        });
      })
      .catch((e: unknown) => {
        // the workbook could not be read (an Excel without ExcelApi 1.5): the bundled contracts still work
        this.leftOutParts = [{ id: '(workbook)', title: '', chars: 0, origin: 'workbook', loaded: false, problem: `workbook: the contracts it holds could not be read: ${String((e as Error)?.message ?? e)}` }];
      })
      .finally(() => {
        if (this.startup === done) this.startup = undefined;
      });
    this.startup = done;
    return done;
  }

  private async readAll(run: ExcelRun): Promise<void> {
    const parts = await run(async (context) => {
      const found = context.workbook.customXmlParts.getByNamespace(CONTRACT_PART_NAMESPACE);
      found.load('items/id');
      await context.sync();
      const xml = found.items.map((p) => ({ id: p.id, xml: p.getXml() }));
      await context.sync();
      return xml.map((p) => ({ id: p.id, xml: p.xml.value }));
    });
    this.parts.clear();
    this.leftOutParts = [];
    for (const part of parts) {
      const read = readContractPart(part.xml);
      if ('problem' in read) {
        this.leftOutParts.push({ id: `(part ${part.id})`, title: '', chars: part.xml.length, origin: 'workbook', loaded: false, problem: `workbook: ${read.problem}` });
        continue;
      }
      const declared = declaredIdOf(read.text);
      if (declared && this.parts.has(declared)) {
        this.leftOutParts.push({ id: declared, title: '', chars: read.text.length, origin: read.origin, loaded: false, problem: `${read.origin}: id: the workbook holds contract "${declared}" twice; the first one is loaded` });
        continue;
      }
      const out = this.api.loadContract(read.text, { origin: read.origin, opening: true });
      if (out.ok) this.parts.set(out.contract.id, part.id);
      else {
        if (declared) this.parts.set(declared, part.id); // so that removing it deletes its part
        this.leftOutParts.push({ id: declared ?? `(part ${part.id})`, title: '', chars: read.text.length, origin: read.origin, loaded: false, problem: out.problems.map((p) => `${p.file}: ${p.path || '(top)'}: ${p.reason}`).join('\n') });
      }
    }
  }

  async saveToWorkbook(text: string, o: { origin?: string; replace?: boolean } = {}): Promise<LoadOutcome> {
    await this.startup;
    const origin = o.origin?.trim() || 'contract file';
    const before = typeof text === 'string' ? this.api.runtimeContracts().find((r) => r.id === declaredIdOf(text)) : undefined;
    const out = this.api.loadContract(text, { origin, replace: o.replace });
    if (!out.ok) return out;
    const run = this.run();
    if (!run) return out; // no workbook (the pane in a browser): loaded for this session only
    const id = out.contract.id;
    try {
      const partId = await run(async (context) => {
        const parts = context.workbook.customXmlParts;
        const old = this.parts.get(id);
        const added = parts.add(contractPartXml(text, origin));
        added.load('id');
        if (old !== undefined) {
          const existing = parts.getByNamespace(CONTRACT_PART_NAMESPACE);
          existing.load('items/id');
          await context.sync();
          existing.items.filter((p) => p.id === old).forEach((p) => p.delete());
        }
        context.workbook.application.calculate('Full');
        await context.sync();
        return added.id;
      });
      this.parts.set(id, partId);
      this.leftOutParts = this.leftOutParts.filter((p) => p.id !== id);
      return out;
    } catch (e) {
      // not stored: the engine goes back to what it had, so the workbook and the engine never disagree
      this.api.unloadContract(id);
      if (before) this.api.loadContract(before.text, { origin: before.origin });
      return { ok: false, problems: [{ file: origin, path: '', reason: `could not be stored in the workbook: ${String((e as Error)?.message ?? e)}` }] };
    }
  }

  async removeFromWorkbook(id: string): Promise<void> {
    await this.startup;
    const key = typeof id === 'string' ? idOf(id) : '';
    const out = this.api.unloadContract(key);
    if (typeof out === 'object') throw new Error(out.message);
    const partId = this.parts.get(key);
    this.leftOutParts = this.leftOutParts.filter((p) => p.id !== key);
    const run = this.run();
    if (!run) return;
    await run(async (context) => {
      if (partId !== undefined) {
        const parts = context.workbook.customXmlParts.getByNamespace(CONTRACT_PART_NAMESPACE);
        parts.load('items/id');
        await context.sync();
        parts.items.filter((p) => p.id === partId).forEach((p) => p.delete());
      }
      context.workbook.application.calculate('Full');
      await context.sync();
    });
    this.parts.delete(key);
  }

  async workbookContracts(): Promise<WorkbookContract[]> {
    await this.startup;
    const titles = new Map(this.api.contracts().map((c) => [c.id, c.title]));
    const loaded = this.api.runtimeContracts().map((r) => ({ id: r.id, title: titles.get(r.id) ?? '', chars: r.text.length, origin: r.origin, loaded: true }));
    return [...loaded, ...this.leftOutParts.map((p) => ({ ...p }))];
  }

  checkContract(text: string, o?: { origin?: string }): CheckOutcome {
    return this.api.checkContract(text, o);
  }

  /** Whether the start-up load is still running. */
  get loading(): boolean {
    return this.startup !== undefined;
  }

  /**
   * The promise a call should wait for: the start-up load, while it runs, when an argument names a contract not
   * known yet (or no contract is named and the workbook's default is not known yet); undefined otherwise, and
   * always once the load is done. Arguments are scanned only while the load runs.
   */
  waitFor(args: readonly unknown[]): Promise<void> | undefined {
    const startup = this.startup;
    if (!startup) return undefined;
    // ids() compiles nothing (leftOut() would compile every bundled contract); one left out waits, then says why
    const known = new Set(this.api.contractIds());
    const unknown = (v: unknown) => typeof v === 'string' && CONTRACT_ID_LIKE.test(v) && !known.has(idOf(v));
    const fallback = this.api.defaultContract();
    if (fallback && !known.has(idOf(fallback))) return startup;
    for (const a of args) {
      if (unknown(a)) return startup;
      if (Array.isArray(a)) for (const row of a) if (Array.isArray(row) ? row.some(unknown) : unknown(row)) return startup;
    }
    return undefined;
  }

  /** A custom function that, while the workbook's contracts load, waits for them where its arguments need them. */
  awaiting<F extends (...args: any[]) => unknown>(fn: F): F {
    const waitFor = (args: unknown[]) => this.waitFor(args);
    return function (this: unknown, ...args: unknown[]) {
      const wait = waitFor(args);
      return wait ? wait.then(() => fn.apply(this, args)) : fn.apply(this, args);
    } as F;
  }
}

/** The id a file declares, read without trusting the rest of it. */
function declaredIdOf(text: string): string | undefined {
  try {
    const id = (JSON.parse(text) as { id?: unknown })?.id;
    return typeof id === 'string' ? idOf(id) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * In Excel's shared runtime: waits for Office, then loads the workbook's contracts (start). Every custom function is
 * associated through `awaiting`, so a formula naming a contract not known yet waits for that load: functions.js
 * wraps CustomFunctions.associate before the functions' modules call it (this module loads first, through
 * ./contract-api). Where the runtime does not let associate be wrapped, the load ends with a full recalculation
 * instead, which corrects what answered too early. Where no Office exists (the tests of the bundle, the bench)
 * nothing happens and nothing is wrapped.
 */
export function startInExcel(contracts: WorkbookContracts): void {
  const office = (globalThis as { Office?: { onReady?: (cb?: (info: { host: unknown }) => void) => Promise<{ host: unknown }>; HostType?: { Excel?: unknown } } }).Office;
  if (typeof office?.onReady !== 'function') return;
  const cf = (globalThis as { CustomFunctions?: { associate: (...a: unknown[]) => void } }).CustomFunctions;
  let wrapped = false;
  if (cf && typeof cf.associate === 'function') {
    const associate = cf.associate;
    const wrap = (fn: unknown) => (typeof fn === 'function' ? contracts.awaiting(fn as (...a: unknown[]) => unknown) : fn);
    const through = (idOrMap: unknown, fn?: unknown) =>
      typeof idOrMap === 'string'
        ? associate.call(cf, idOrMap, wrap(fn))
        : associate.call(cf, Object.fromEntries(Object.entries(idOrMap as Record<string, unknown>).map(([k, f]) => [k, wrap(f)])));
    try {
      cf.associate = through;
      wrapped = cf.associate === through;
    } catch {
      wrapped = false;
    }
  }
  const inExcel = office.onReady().then((info) => info.host === (office.HostType?.Excel ?? 'Excel'));
  void contracts.start(inExcel, { recalculate: !wrapped });
}
