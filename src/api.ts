/**
 * The engine's one door. The custom functions (functions/) and the task pane (taskpane/, through the shared-runtime
 * global that functions.js publishes) call only this: methods that take one options object and answer with plain
 * data (numbers, strings, arrays, plain objects) or a Failure (code, machine-readable reason, message).
 *
 * Arguments arrive here already read (text, numbers: functions/ reads cells by the one reading policy); a contract
 * left empty means the workbook's default. `{ explain: true }` answers with the explanation of the same computation
 * (the *.SOURCE functions): one code path for a value and its source.
 */
import { contractSummary, Engine } from './engine';
import type { ContractSummary, ScheduleGrid, StipendOptions } from './engine';
import { checkContract as selfCheck } from './check';
import type { CheckReport, Finding } from './check';
import { ContractLoadError, ContractRegistry, declaredId, MAX_CONTRACT_CHARS, MAX_RUNTIME_CONTRACTS } from './loader';
import type { ContractProblem, RuntimeContract } from './loader';
import { Failure } from './failure';
import type { CompiledSchedule, CompiledTable, Contract } from './model';
import { DERIVED, VALUE } from './model';
import { normalizeLabel } from './normalize';
import { citeAll, citeText } from './format';
import { rangeAudited } from './ranges';
import { weeklyGross } from './payroll';
import type { WeekHours } from './payroll';
import { contractProfile } from './profile';
import type { Profile } from './profile';
import { auditSalary, costWithProposal, projectAmounts, summaryRows } from './settlement';
import type { AuditLine } from './settlement';
import type { ProposalTable } from './proposal-types';
import type { CostResult } from './costing';
import type { RosterRow } from './roster';
import type { EmployerRates } from './parameters';
import { contractTables } from './contract-tables';
import type { ContractTables } from './contract-tables';
import type { Authored, DraftOutcome, DraftQuery, ScheduleFile, ScheduleImport, SourceRef, StipendsFile, StipendsImport, TermFile, TermsImport } from './authoring';
import { addScheduleText, addSectionText, draftContractText, importSchedule, importStipends, importTerms, readCsv } from './authoring';

export type { ContractSummary, GridCell, ScheduleGrid } from './engine';
export type { FailureReason } from './failure';
export type { Profile, ProfileMetric } from './profile';
export type { WeekHours } from './payroll';
export type { AuditFinding, AuditLine, PayrollLine } from './settlement';
export type { ProposalRow, ProposalTable } from './proposal-types';
export type { RosterRow } from './roster';
export type { CostResult } from './costing';
export type { Authored, DraftOutcome, DraftQuery, Preview, Problem, RulesForm, ScheduleImport, SourceRef, StipendsImport, TermsImport } from './authoring';
export type { CheckReport, Finding } from './check';
export type { ContractProblem, RuntimeContract } from './loader';
export type { ContractTables, StipendTable, TableCell, TermRow } from './contract-tables';
export { Failure } from './failure';
export { MAX_CONTRACT_CHARS, MAX_RUNTIME_CONTRACTS };

/** A label as typed: "MA+15", "H", or a number (lane 8, step 3). */
export type Label = string | number;
/** Which contract: its id; omitted or empty means the workbook's default. */
export interface On { contract?: string }
/** explain: answer with the explanation (the steps and their citations) instead of the value. */
export interface Explain { explain?: boolean }

export interface SalaryQuery extends On { lane: Label; step: Label; year: Label; fte?: number; /** which annual schedule (id, title or alias); default the first */ schedule?: string }
/** A grade of a min-max range schedule; `schedule` names the range schedule where the contract has several. */
export interface RangeQuery extends On { grade: Label; year: Label; schedule?: string }
/** A schedule of a contract, as SCHEDULES lists it. */
export interface ScheduleSummary { id: string; title: string; kind: 'annual' | 'hourly' | 'range'; aliases: string[] }
export interface HourlyQuery extends On { position: Label; step: Label; year: Label }
export interface StipendQuery extends On { activity: string; role: string; seasons: number; year: Label; bonuses?: string[]; season?: number; fte?: number }
export interface StipendRangeQuery extends On { activity: string; role: string; year: Label }
export interface StipendUnitsQuery extends On { activity: string; role: string; units: number; year: Label }
export interface TermQuery extends On { term: string; year: Label; key?: string; yearsOfService?: number; /** ISO date: the value in force on it, where the value changes during the year */ date?: string }
export interface RateQuery extends On { rate: string; lane: Label; step: Label; year: Label }
export interface ProrateQuery extends On { lane: Label; step: Label; year: Label; days: number; hours?: number }
export interface SeveranceQuery extends On { lane: Label; step: Label; year: Label; unusedDays: number; contributions?: number }
export interface GrossQuery extends On { position: string; step: string; year: string; hours: WeekHours }
export interface AuditQuery extends On { paid: number; lane: string; step: string; year: string; fte?: number; /** an annual or range schedule other than the first annual one */ schedule?: string }
export interface CostQuery extends On {
  roster: RosterRow[];
  years: string[];
  rates: EmployerRates;
  /** the proposals table, read (functions/tables.ts readProposals), and the proposal to apply; none: the contract as agreed */
  proposals?: ProposalTable;
  proposal?: string;
}
/**
 * SALARY over ranges of one contract, year and FTE. `lane` and `step` are matrices of the cells as Excel gives them,
 * each 1×1 or of the answer's shape (rows × cols).
 */
export interface SalariesQuery extends On { year: Label; fte?: number; lane: readonly (readonly unknown[])[]; step: readonly (readonly unknown[])[]; rows: number; cols: number }

/** A named term or derived rate, as TERMS lists them. */
export interface TermSummary { id: string; title: string; unit: string }
/** A contract that could not be loaded, and why (file: path: reason). */
export interface LeftOut { id: string; message: string }

/**
 * What loading a contract file at run time answers: the contract as the lists show it, or every problem
 * (file: path: reason) and nothing loaded.
 */
export type LoadOutcome = { ok: true; contract: ContractSummary } | { ok: false; problems: ContractProblem[] };
/**
 * What checking a contract file answers without loading it: the problems that would refuse it, or the contract with
 * its self-check (each printed value a rule of the contract derives, compared; a finding names the cell, both
 * values and both citations).
 */
export type CheckOutcome =
  | { ok: true; contract: ContractSummary; checked: number; agreeing: number; findings: Finding[] }
  | { ok: false; problems: ContractProblem[] };

/** Where the workbook's default contract lives (functions/defaults.ts: the workbook's settings). */
export interface DefaultContract { get(): string | undefined; set(id: string | null | undefined): void }

/** What one (contract, year) of SALARY resolves to, kept while the registry does not change. */
interface SalaryContext {
  contract: Contract;
  year: string;
  schedule: CompiledSchedule;
  table: CompiledTable;
  lanes: Map<unknown, number>;
  steps: Map<unknown, number>;
  /** the answer of each cell (flat index), filled on first use; FTE 1 or none */
  answers: (number | Failure | undefined)[];
}

const CACHE_LIMIT = 50_000;

export class ContractApi {
  private generation = -1;
  /** contract argument → year argument → what SALARY resolves them to */
  private salaryContexts = new Map<string, Map<Label, SalaryContext | Failure>>();
  /** raw argument → axis index, per compiled schedule (-1: not a label the schedule prints) */
  private axes = new WeakMap<CompiledSchedule, { lanes: Map<unknown, number>; steps: Map<unknown, number> }>();
  /** the (contract, year) SALARY resolved last */
  private last: { contractArg: string | undefined; year: Label; defaultId: string | undefined; ctx: SalaryContext | Failure } | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly defaults: DefaultContract = memoryDefault(),
  ) {}

  // ------------------------------------------------------------------------------------------ contracts

  /** The workbook's default contract, if one is chosen. */
  defaultContract(): string | undefined {
    return this.defaults.get();
  }

  /** Chooses the workbook's default contract (the task pane's "Make default"); the functions use it at once. */
  setDefaultContract(id: string | null | undefined): void {
    this.defaults.set(id);
  }

  /** The contracts of the add-in, with their years and schedules. */
  contracts(): ContractSummary[] {
    return this.engine.listContracts();
  }

  /** The contracts left out at start-up, with the reason (file: path: reason). */
  leftOut(): LeftOut[] {
    return this.engine.registry.failed().map((f) => ({ id: f.id ?? f.file, message: `${f.id ?? f.file} could not be loaded: ${f.error.message.split('\n').join('; ')}` }));
  }

  /** The ids of the contracts that loaded. */
  contractIds(): string[] {
    return this.engine.registry.ids();
  }

  /** The contract's canonical id, or why the argument names none. */
  contractId(q: On): string | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : c.id;
  }

  // ------------------------------------------------------------------------------------------ contracts loaded at run time

  /**
   * Loads a contract file (its JSON text) at run time: checked exactly as the bundled files are, loaded whole or
   * refused with every problem (file: path: reason), what was loaded before untouched. Refused too: the id of a
   * contract that comes with the add-in; an id already loaded unless `replace`; more than MAX_RUNTIME_CONTRACTS;
   * a file over MAX_CONTRACT_CHARS characters. `origin` names the file in the problems (default "contract file").
   * The functions see the contract at once (every cache is keyed by the registry's generation).
   * `opening`: a workbook's stored contract as the workbook opens: it replaces one of its id, and when refused it
   * is left out and remembered (leftOut lists it; a function given its id answers #N/A with the problems).
   */
  loadContract(text: string, o: { replace?: boolean; origin?: string; opening?: boolean } = {}): LoadOutcome {
    const registry = this.engine.registry;
    const loaded = (id: string): LoadOutcome => ({ ok: true, contract: contractSummary(registry.get(id)!, registry.runtimeFiles().find((r) => r.id === id)?.origin) });
    if (o.opening) {
      const origin = o.origin?.trim() || 'workbook';
      const [failed] = registry.loadRuntimeEach([{ text, origin }]);
      return failed ? { ok: false, problems: failed.error.problems } : loaded(declaredId(text)!);
    }
    try {
      return loaded(registry.loadRuntime(text, o).id);
    } catch (e) {
      if (e instanceof ContractLoadError) return { ok: false, problems: e.problems };
      throw e;
    }
  }

  /**
   * Checks a contract file as loadContract would, and self-checks it, without loading it: nothing changes. The
   * problems include a clash with the id of a contract that comes with the add-in; an id already loaded in the
   * workbook is no problem here (loading it again with replace updates it).
   */
  checkContract(text: string, o: { origin?: string } = {}): CheckOutcome {
    const origin = o.origin?.trim() || 'contract file';
    const scratch = new ContractRegistry();
    let problems: ContractProblem[] = [];
    try {
      scratch.loadRuntime(text, { origin });
    } catch (e) {
      if (!(e instanceof ContractLoadError)) throw e;
      problems = e.problems;
    }
    const [c] = scratch.all();
    const id = c?.id ?? (typeof text === 'string' ? declaredId(text) : undefined);
    if (id !== undefined && this.engine.registry.isBundled(id))
      problems.push({ file: origin, path: 'id', reason: `"${id}" is the id of a contract that comes with the add-in; a workbook contract may not take it: give yours an id of its own` });
    if (problems.length || !c) return { ok: false, problems };
    const report = selfCheck(c, new Engine(scratch));
    return { ok: true, contract: contractSummary(c, origin), checked: report.checked, agreeing: report.agreeing, findings: report.findings };
  }

  /**
   * Unloads a contract loaded at run time (or forgets one a workbook held that was left out): true when it did,
   * false when no contract of that id was loaded at run time; a Failure for a contract that comes with the add-in.
   */
  unloadContract(id: string): boolean | Failure {
    if (typeof id !== 'string' || id.trim() === '') return new Failure('VALUE', 'give the id of a contract loaded into the workbook', 'empty');
    // a workbook's file left out for taking a bundled id is forgotten here; the bundled contract itself never is
    if (this.engine.registry.unloadRuntime(id)) return true;
    if (this.engine.registry.isBundled(id))
      return new Failure('VALUE', `"${id}" comes with the add-in and cannot be removed; only contracts loaded into the workbook can (${this.engine.registry.runtimeFiles().map((r) => r.id).join(', ') || 'none loaded'})`, 'bundled-contract');
    return false;
  }

  /** The contracts loaded at run time: id, where each came from, and its JSON text as given (what a workbook stores). */
  runtimeContracts(): RuntimeContract[] {
    return this.engine.registry.runtimeFiles().map((r) => ({ ...r }));
  }

  private contract(q: On): Contract | Failure {
    return this.engine.contract(q.contract, this.defaults.get());
  }

  // ------------------------------------------------------------------------------------------ lists

  years(q: On): string[] | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : c.years;
  }

  /** The school year an argument names, in canonical spelling ("FY2026" is 2025-26), where the contract covers it. */
  schoolYear(q: On & { year: Label }): string | Failure {
    return this.on(q, (id) => this.engine.yearIn(id, q.year));
  }

  /** The lanes of the salary schedule (or of the annual schedule `schedule` names), as printed. */
  lanes(q: On & { schedule?: string }): string[] | Failure {
    const s = this.annual(q);
    return s instanceof Failure ? s : s.laneLabels;
  }

  /** The steps of the salary schedule (or of the annual schedule `schedule` names), as printed (merged rows answer for each step). */
  steps(q: On & { schedule?: string }): string[] | Failure {
    const s = this.annual(q);
    return s instanceof Failure ? s : s.stepLabels;
  }

  /** The annual schedule a query names, or the contract's first. */
  private annual(q: On & { schedule?: string }): CompiledSchedule | Failure {
    const c = this.contract(q);
    if (c instanceof Failure) return c;
    const s = this.engine.scheduleOf(c, q.schedule, 'annual');
    return s instanceof Failure && !q.schedule ? new Failure('NA', `${c.id} has no salary schedule`, 'not-in-contract') : s;
  }

  /** The schedules of a contract: id, title, kind (annual, hourly, range) and the other names it answers to. */
  schedules(q: On): ScheduleSummary[] | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : c.schedules.map((s) => ({ id: s.id, title: s.file.title, kind: s.file.kind, aliases: s.file.aliases ?? [] }));
  }

  /** The minimum and maximum of a grade on a min-max range schedule; with explain, where they are printed. */
  range(q: RangeQuery): [number, number] | Failure;
  range(q: RangeQuery, o: Explain): [number, number] | string | Failure;
  range(q: RangeQuery, o: Explain = {}): [number, number] | string | Failure {
    const c = this.contract(q);
    if (c instanceof Failure) return c;
    const trace: string[] | undefined = o.explain ? [] : undefined;
    const r = this.engine.range(c.id, q.grade, q.year, q.schedule, undefined, trace);
    return r instanceof Failure || !trace ? r : citeAll(c.file, trace.join('; '));
  }

  /** The positions of the hourly schedules. */
  positions(q: On): string[] | Failure {
    const c = this.contract(q);
    if (c instanceof Failure) return c;
    const list = c.hourlySchedules.flatMap((s) => s.laneLabels);
    return list.length ? list : new Failure('NA', `${c.id} has no hourly schedule`, 'not-in-contract');
  }

  activities(q: On): string[] | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : this.engine.activities(c.id);
  }

  /** The roles of an activity, or of every activity. */
  roles(q: On & { activity?: string }): string[] | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : this.engine.roles(c.id, q.activity);
  }

  /** The named terms and derived rates (rates show the unit "rate"). */
  terms(q: On): TermSummary[] | Failure {
    const c = this.contract(q);
    if (c instanceof Failure) return c;
    const rows: TermSummary[] = [
      ...[...c.terms.values()].map((t) => ({ id: t.file.id, title: t.file.title, unit: t.file.unit as string })),
      ...[...c.rates.values()].map((r) => ({ id: r.id, title: r.title, unit: 'rate' })),
    ];
    return rows.length ? rows : new Failure('NA', `${c.id} states no named terms`, 'not-in-contract');
  }

  /** The ids of the derived rates. */
  rates(q: On): string[] | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : [...c.rates.keys()];
  }

  /** A schedule for a year as a grid with its citations (the salary schedule unless `schedule` names another). */
  schedule(q: On & { year: Label; schedule?: string }): ScheduleGrid | Failure {
    const c = this.contract(q);
    if (c instanceof Failure) return c;
    const g = this.engine.scheduleGrid(c.id, q.year, q.schedule);
    if (g instanceof Failure) return g;
    // the citations as a reader sees them (src/format.ts)
    const cite = (x: string) => citeText(c.file, x);
    return { ...g, cite: cite(g.cite), rows: g.rows.map((r) => ({ ...r, cite: cite(r.cite), cells: r.cells.map((x) => ({ ...x, cite: cite(x.cite) })) })) };
  }

  /** The stipend schedule and the named terms of a contract for a year, as tables with their citations. */
  contractTables(q: On & { year: string }): ContractTables | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : contractTables(this.engine, c, q.year);
  }

  /** The contract's self-check: every value a stated rule derives, compared with the printed one (src/check.ts). */
  selfCheck(q: On): CheckReport | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : selfCheck(c, this.engine);
  }

  /**
   * A message as a reader sees it: each citation of a compiled contract's sources rendered by src/format.ts (the
   * agreement's title, section and page or line, then the short form in brackets). The functions show a Failure's
   * message through this, so an error names the document as .SOURCE does. A citation already rendered is left.
   */
  readable(message: string): string {
    let out = message;
    for (const c of this.engine.registry.compiled()) out = citeAll(c.file, out);
    return out;
  }

  /** A citation of the contract as a reader can follow it: the source's title and the line (src/format.ts citeText). */
  citation(q: On & { cite: string }): string | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : citeText(c.file, q.cite);
  }

  // ------------------------------------------------------------------------------------------ lookups

  salary(q: SalaryQuery): number | Failure;
  salary(q: SalaryQuery, o: { explain: true }): string | Failure;
  salary(q: SalaryQuery, o?: Explain): number | string | Failure;
  salary(q: SalaryQuery, o: Explain = {}): number | string | Failure {
    if (!o.explain && (q.fte === undefined || q.fte === 1) && (q.schedule === undefined || q.schedule === '')) {
      // the fast path: the (contract, year) resolved once, each lane and step argument resolved once, each cell answered once
      const ctx = this.salaryContext(q.contract, q.year);
      if (!(ctx instanceof Failure)) {
        const li = ctx.lanes.get(q.lane) ?? this.learn(ctx, 'lane', q.lane);
        const si = ctx.steps.get(q.step) ?? this.learn(ctx, 'step', q.step);
        if (li >= 0 && si >= 0) return this.answerAt(ctx, si * ctx.schedule.laneLabels.length + li, q.lane, q.step);
      }
    }
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.salary(id, q.lane, q.step, q.year, q.fte, undefined, trace, q.schedule)), q);
  }

  /**
   * SALARY over ranges (the vectorised path): the contract, year and FTE resolved once; each element then costs a
   * Map.get per axis and an array read. An element is `undefined` where the caches cannot answer it (an empty
   * cell, an unknown label, an Excel error): the caller reads that element by the argument policy and asks `salary`.
   * In a column, the rows holding the same salary may be one array: a caller writes only into rows without a number.
   */
  salaries(q: SalariesQuery): (number | Failure | undefined)[][] | Failure {
    const ctx = this.salaryContext(q.contract, q.year);
    if (ctx instanceof Failure) return ctx;
    const { lanes, steps } = ctx;
    const n = ctx.schedule.laneLabels.length;
    const prorated = q.fte !== undefined && q.fte !== 1;
    // literals, not new Array(): in a sandboxed runtime (a vm context, as the tests and the bench load functions.js)
    // every global lookup such as `Array` is slow, and this loop runs once per element
    const answers: (number | Failure | undefined)[] = prorated ? [] : ctx.answers;
    const { lane, step, rows, cols } = q;
    const out: (number | Failure | undefined)[][] = [];
    if (cols === 1 && rows > 1) {
      // a column: the rows with the same cell share one row, [salary]: a 50,000-row column makes one array per
      // distinct cell, not 50,000 for the garbage collector. Only rows holding a number are shared; the caller
      // writes into the others (an unanswered element, a Failure), each its own. (Not for a single call: its one
      // row is all it makes.)
      const shared: (number | Failure | undefined)[][] = [];
      for (let i = 0; i < rows; i++) {
        const l = (lane.length === 1 ? lane[0] : lane[i])[0];
        const s = (step.length === 1 ? step[0] : step[i])[0];
        const li = lanes.get(l) ?? this.learn(ctx, 'lane', l);
        const si = steps.get(s) ?? this.learn(ctx, 'step', s);
        if (li < 0 || si < 0) {
          out.push([undefined]);
          continue;
        }
        const k = si * n + li;
        let row = shared[k];
        if (row === undefined) {
          const a = answers[k] !== undefined ? answers[k] : (answers[k] = this.engine.salary(ctx.contract.id, l as Label, s as Label, ctx.year, q.fte));
          row = [a];
          if (typeof a === 'number') shared[k] = row;
        }
        out.push(row);
      }
      return out;
    }
    for (let i = 0; i < rows; i++) {
      const lr = lane.length === 1 ? lane[0] : lane[i];
      const sr = step.length === 1 ? step[0] : step[i];
      // a one-cell row as a literal of its one element: `[]` then push would reserve 17 slots for it
      const row: (number | Failure | undefined)[] = cols === 1 ? [undefined] : [];
      for (let j = 0; j < cols; j++) {
        const l = lr.length === 1 ? lr[0] : lr[j];
        const s = sr.length === 1 ? sr[0] : sr[j];
        const li = lanes.get(l) ?? this.learn(ctx, 'lane', l);
        const si = steps.get(s) ?? this.learn(ctx, 'step', s);
        if (li < 0 || si < 0) {
          row[j] = undefined;
          continue;
        }
        const k = si * n + li;
        const a = answers[k];
        row[j] = a !== undefined ? a : (answers[k] = this.engine.salary(ctx.contract.id, l as Label, s as Label, ctx.year, q.fte));
      }
      out.push(row);
    }
    return out;
  }

  /** The (contract, year) of SALARY, resolved once while the registry and the default do not change. */
  private salaryContext(contractArg: string | undefined, year: Label): SalaryContext | Failure {
    if (this.generation !== this.engine.registry.generation) {
      this.salaryContexts.clear();
      this.axes = new WeakMap();
      this.last = undefined;
      this.generation = this.engine.registry.generation;
    }
    const byDefault = contractArg === undefined || contractArg === '';
    const last = this.last;
    // a run of calls on one contract and year (a sheet of SALARY formulas) skips the maps
    if (last && last.contractArg === contractArg && last.year === year && (!byDefault || last.defaultId === this.defaults.get())) return last.ctx;
    const ctx = this.salaryContextOf(byDefault ? `\u0000${this.defaults.get() ?? ''}` : contractArg, contractArg, year);
    this.last = { contractArg, year, defaultId: byDefault ? this.defaults.get() : undefined, ctx };
    return ctx;
  }

  private salaryContextOf(key: string, contractArg: string | undefined, year: Label): SalaryContext | Failure {
    let byYear = this.salaryContexts.get(key);
    if (!byYear) {
      if (this.salaryContexts.size >= CACHE_LIMIT) this.salaryContexts.clear();
      this.salaryContexts.set(key, (byYear = new Map()));
    }
    const hit = byYear.get(year);
    if (hit) return hit;
    if (byYear.size >= CACHE_LIMIT) byYear.clear();
    const ctx = this.resolveSalaryContext(contractArg, year);
    byYear.set(year, ctx);
    return ctx;
  }

  private resolveSalaryContext(contractArg: string | undefined, year: Label): SalaryContext | Failure {
    const contract = this.engine.contract(contractArg, this.defaults.get());
    if (contract instanceof Failure) return contract;
    const schedule = contract.salarySchedule;
    if (!schedule) return new Failure('NA', `${contract.id} has no annual salary schedule`, 'not-in-contract');
    const grid = this.engine.scheduleGrid(contract.id, year);
    if (grid instanceof Failure) return grid;
    const table = schedule.tables.get(grid.year);
    if (!table) return new Failure('NA', `${contract.id} prints no ${schedule.file.title} for ${grid.year}`, 'not-printed-for-year');
    let axes = this.axes.get(schedule);
    if (!axes) this.axes.set(schedule, (axes = { lanes: new Map(), steps: new Map() }));
    return { contract, year: grid.year, schedule, table, lanes: axes.lanes, steps: axes.steps, answers: [] };
  }

  /**
   * The axis index of a raw argument, remembered: text and numbers read as the argument policy reads them (text
   * as typed, a number as its digits); -1 for anything the caches do not answer (empty, unknown, not text).
   */
  private learn(ctx: SalaryContext, which: 'lane' | 'step', raw: unknown): number {
    if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw))) return -1; // not remembered: an error value is a new object each call
    const i = typeof raw === 'string' && raw.trim() === '' ? -1 : (which === 'lane' ? ctx.schedule.laneIndex : ctx.schedule.stepIndex).get(normalizeLabel(String(raw))) ?? -1;
    const cache = which === 'lane' ? ctx.lanes : ctx.steps;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, i);
    return i;
  }

  private answerAt(ctx: SalaryContext, k: number, lane: Label, step: Label): number | Failure {
    const a = ctx.answers[k];
    if (a !== undefined) return a;
    const st = ctx.table.status[k];
    return (ctx.answers[k] = st === VALUE || st === DERIVED ? ctx.table.values[k] : this.engine.salary(ctx.contract.id, lane, step, ctx.year));
  }

  /** The citation of the cell behind a salary. */
  salaryCite(q: SalaryQuery): string | Failure {
    const c = this.contract(q);
    if (c instanceof Failure) return c;
    const cite = this.engine.salaryCite(c.id, q.lane, q.step, q.year, undefined, q.schedule);
    return cite instanceof Failure ? cite : citeAll(c.file, cite);
  }

  hourly(q: HourlyQuery): number | Failure;
  hourly(q: HourlyQuery, o: Explain): number | string | Failure;
  hourly(q: HourlyQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.hourly(id, q.position, q.step, q.year, undefined, trace)), q);
  }

  stipend(q: StipendQuery): number | Failure;
  stipend(q: StipendQuery, o: Explain): number | string | Failure;
  stipend(q: StipendQuery, o: Explain = {}): number | string | Failure {
    const options: StipendOptions = { bonuses: q.bonuses, season: q.season, fte: q.fte };
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.stipend(id, q.activity, q.role, q.seasons, q.year, options, undefined, trace)), q);
  }

  /** Both ends of a stipend the contract sets within a range. */
  stipendRange(q: StipendRangeQuery): [number, number] | Failure {
    return this.on(q, (id) => this.engine.stipendRange(id, q.activity, q.role, q.year));
  }

  stipendUnits(q: StipendUnitsQuery): number | Failure {
    return this.on(q, (id) => this.engine.stipendUnits(id, q.activity, q.role, q.units, q.year));
  }

  term(q: TermQuery): number | Failure;
  term(q: TermQuery, o: Explain): number | string | Failure;
  term(q: TermQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.term(id, q.term, q.key, q.year, q.yearsOfService, undefined, trace, q.date)), q);
  }

  /** Both ends of a term the contract gives as a range; the same amount twice otherwise. */
  termRange(q: TermQuery): [number, number] | Failure {
    return this.on(q, (id) => this.engine.termRange(id, q.term, q.key, q.year, q.yearsOfService, undefined, q.date));
  }

  rate(q: RateQuery): number | Failure;
  rate(q: RateQuery, o: Explain): number | string | Failure;
  rate(q: RateQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.rate(id, q.rate, q.lane, q.step, q.year, undefined, trace)), q);
  }

  prorate(q: ProrateQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.prorate(id, q.lane, q.step, q.year, q.days, q.hours ?? 0, undefined, trace)), q);
  }

  severance(q: SeveranceQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.severance(id, q.lane, q.step, q.year, q.unusedDays, q.contributions ?? 0, undefined, trace)), q);
  }

  /** A week's gross pay of an hourly employee from hours by kind. */
  gross(q: GrossQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => weeklyGross(this.engine, id, q.position, q.step, q.year, q.hours, trace)), q);
  }

  // ------------------------------------------------------------------------------------------ costing, audit, profile

  /** A payroll line checked against the contract: expected, difference, reason. */
  audit(q: AuditQuery): AuditLine | Failure {
    const c = this.contract(q);
    if (c instanceof Failure) return c;
    // a grade of a min-max range schedule is audited against its range (src/ranges.ts)
    const range = rangeAudited(this.engine, c, q);
    const line = range ?? auditSalary(this.engine, c.id, q.paid, q.lane, q.step, q.year, q.fte);
    return line instanceof Failure ? line : { ...line, reason: citeAll(c.file, line.reason) };
  }

  /** A roster rolled forward and costed under the contract or a proposal. */
  cost(q: CostQuery): CostResult | Failure {
    return costWithProposal(this.engine, q.roster, q.years, q.rates, q.proposals, q.proposal, q.contract || this.defaults.get());
  }

  /**
   * PROJECT's table: a header row, then one row per employee and year: placement, the amount columns of the cost
   * components (src/costing/components.ts), and the notes (placement notes, clause readings, what was not costed).
   */
  projectTable(q: CostQuery): (string | number)[][] | Failure {
    const r = this.cost(q);
    if (r instanceof Failure) return r;
    const amounts = projectAmounts(r);
    const out: (string | number)[][] = [['id', 'year', 'contract', 'lane / position', 'step', 'mid-year step', 'FTE', ...amounts.header, 'notes']];
    for (const e of r.employees)
      for (const y of e) {
        const p = y.placement;
        const notes = [...p.notes, ...y.readings, ...y.problems].join('; ');
        const on = this.engine.registry.get(p.contract);
        out.push([p.id, p.year, p.contract, p.lane ?? p.position ?? '', p.step, p.midYearStep ?? '', p.fte, ...amounts.cells(y), on ? citeAll(on.file, notes) : notes]);
      }
    return out;
  }

  /** The rows of a cost summary: a header of years, then [label, value per year …]. */
  costSummary(q: CostQuery): (string | number | null)[][] | Failure {
    const r = this.cost(q);
    return r instanceof Failure ? r : summaryRows(r);
  }

  /** The figures districts are compared by, for one contract and year. */
  profile(q: On & { year: string }): Profile | Failure {
    const c = this.contract(q);
    if (c instanceof Failure) return c;
    const p = contractProfile(this.engine, c.id, q.year);
    return p instanceof Failure ? p : { ...p, metrics: p.metrics.map((m) => ({ ...m, how: citeAll(c.file, m.how) })) };
  }

  // ------------------------------------------------------------------------------------------ authoring (src/authoring)

  /** CSV or tab-separated text (a saved sheet, a paste) as rows of cells for the importers, or the problem by line. */
  readCsv(q: { text: string }): unknown[][] | { cell: string; reason: string } {
    return readCsv(q.text);
  }

  /** A salary schedule (lanes across, steps down) read from a selected range: the schedule section and its preview, or every problem by cell. */
  importSchedule(q: ScheduleImport): Authored<ScheduleFile> {
    return importSchedule(q);
  }

  /** An hourly grade × step table (grades down, steps across) read from a selected range. */
  importHourly(q: Omit<ScheduleImport, 'kind'>): Authored<ScheduleFile> {
    return importSchedule({ ...q, kind: 'hourly' });
  }

  /** A stipend table (activity, role, an amount or percent per experience band) read from a selected range. */
  importStipends(q: StipendsImport): Authored<StipendsFile> {
    return importStipends(q);
  }

  /** A table of terms (Term, Key, Amount, Unit) read from a selected range. */
  importTerms(q: TermsImport): Authored<TermFile[]> {
    return importTerms(q);
  }

  /** A new contract file from the Author form and the imported sections, checked by the loader: its text, or every problem. */
  draftContract(q: DraftQuery): DraftOutcome {
    return draftContractText(q);
  }

  /** A contract file's text with an imported schedule added (a new schedule, or a year of one it has), checked by the loader. */
  addSchedule(q: { text: string; schedule: ScheduleFile; source?: SourceRef; origin?: string }): DraftOutcome {
    return addScheduleText(q);
  }

  /** A contract file's text with a stipend table or terms added, checked by the loader. */
  addSection(q: { text: string; stipends?: StipendsFile; terms?: TermFile[]; source?: SourceRef; origin?: string }): DraftOutcome {
    return addSectionText(q);
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** Runs fn on the resolved contract id. */
  private on<T>(q: On, fn: (id: string) => T | Failure): T | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : fn(c.id);
  }

  /** The value, or with explain the trace of the same computation as one text, its citations as a reader sees them. */
  private explained(o: Explain, run: (trace: string[] | undefined) => number | Failure, q: On): number | string | Failure {
    if (!o.explain) return run(undefined);
    const trace: string[] = [];
    const v = run(trace);
    if (v instanceof Failure) return v;
    const c = this.contract(q);
    return c instanceof Failure ? trace.join('; ') : citeAll(c.file, trace.join('; '));
  }
}

/** A default contract kept in memory (tests, Node). */
export function memoryDefault(initial?: string): DefaultContract {
  let id = initial;
  return { get: () => id, set: (x) => void (id = x ? String(x) : undefined) };
}

/** The name under which functions.js publishes the API on the shared runtime's global object. */
export const API_GLOBAL = 'ContractAddin';

/** The API's public methods: what the global holds. */
export const API_METHODS = [
  'defaultContract', 'setDefaultContract', 'contracts', 'leftOut', 'contractIds', 'contractId',
  'loadContract', 'checkContract', 'unloadContract', 'runtimeContracts',
  'years', 'schoolYear', 'lanes', 'steps', 'schedules', 'range', 'positions', 'activities', 'roles', 'terms', 'rates', 'schedule',
  'contractTables', 'selfCheck', 'citation', 'readable',
  'salary', 'salaries', 'salaryCite', 'hourly', 'stipend', 'stipendRange', 'stipendUnits', 'term', 'termRange', 'rate',
  'prorate', 'severance', 'gross', 'audit', 'cost', 'projectTable', 'costSummary', 'profile',
  'readCsv', 'importSchedule', 'importHourly', 'importStipends', 'importTerms', 'draftContract', 'addSchedule', 'addSection',
] as const satisfies readonly (keyof ContractApi)[];

/** The API as published: a plain object of its public methods, bound, so that each works detached or copied. */
export type PublishedApi = Pick<ContractApi, (typeof API_METHODS)[number]>;

export function publish(api: ContractApi): PublishedApi {
  const out: Record<string, unknown> = {};
  for (const m of API_METHODS) out[m] = (api[m] as (...a: unknown[]) => unknown).bind(api);
  return out as unknown as PublishedApi;
}
