/**
 * The engine's one door. The custom functions (functions/) and the task pane (taskpane/, through the shared-runtime
 * global that functions.js publishes) call only this: methods that take one options object and answer with plain
 * data (numbers, strings, arrays, plain objects) or a Failure (code, machine-readable reason, message).
 *
 * Arguments arrive here already read (text, numbers: functions/ reads cells by the one reading policy); a contract
 * left empty means the workbook's default. `{ explain: true }` answers with the explanation of the same computation
 * (the *.SOURCE functions): one code path for a value and its source.
 */
import type { ContractSummary, Engine, ScheduleGrid, StipendOptions } from './engine';
import { Failure } from './failure';
import type { CompiledSchedule, CompiledTable, Contract } from './model';
import { DERIVED, VALUE } from './model';
import { normalizeLabel } from './normalize';
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

export type { ContractSummary, GridCell, ScheduleGrid } from './engine';
export type { FailureReason } from './failure';
export type { Profile, ProfileMetric } from './profile';
export type { WeekHours } from './payroll';
export type { AuditLine, PayrollLine } from './settlement';
export type { ProposalRow, ProposalTable } from './proposal-types';
export type { RosterRow } from './roster';
export type { CostResult } from './costing';
export { Failure } from './failure';

/** A label as typed: "MA+15", "H", or a number (lane 8, step 3). */
export type Label = string | number;
/** Which contract: its id; omitted or empty means the workbook's default. */
export interface On { contract?: string }
/** explain: answer with the explanation (the steps and their citations) instead of the value. */
export interface Explain { explain?: boolean }

export interface SalaryQuery extends On { lane: Label; step: Label; year: Label; fte?: number }
export interface HourlyQuery extends On { position: Label; step: Label; year: Label }
export interface StipendQuery extends On { activity: string; role: string; seasons: number; year: Label; bonuses?: string[]; season?: number; fte?: number }
export interface StipendRangeQuery extends On { activity: string; role: string; year: Label }
export interface StipendUnitsQuery extends On { activity: string; role: string; units: number; year: Label }
export interface TermQuery extends On { term: string; year: Label; key?: string; yearsOfService?: number }
export interface RateQuery extends On { rate: string; lane: Label; step: Label; year: Label }
export interface ProrateQuery extends On { lane: Label; step: Label; year: Label; days: number; hours?: number }
export interface SeveranceQuery extends On { lane: Label; step: Label; year: Label; unusedDays: number; contributions?: number }
export interface GrossQuery extends On { position: string; step: string; year: string; hours: WeekHours }
export interface AuditQuery extends On { paid: number; lane: string; step: string; year: string; fte?: number }
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

  /** The lanes of the salary schedule, as printed. */
  lanes(q: On): string[] | Failure {
    const c = this.contract(q);
    if (c instanceof Failure) return c;
    return c.salarySchedule ? c.salarySchedule.laneLabels : new Failure('NA', `${c.id} has no salary schedule`, 'not-in-contract');
  }

  /** The steps of the salary schedule, as printed (merged rows answer for each step). */
  steps(q: On): string[] | Failure {
    const c = this.contract(q);
    if (c instanceof Failure) return c;
    return c.salarySchedule ? c.salarySchedule.stepLabels : new Failure('NA', `${c.id} has no salary schedule`, 'not-in-contract');
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
    return c instanceof Failure ? c : this.engine.scheduleGrid(c.id, q.year, q.schedule);
  }

  // ------------------------------------------------------------------------------------------ lookups

  salary(q: SalaryQuery): number | Failure;
  salary(q: SalaryQuery, o: { explain: true }): string | Failure;
  salary(q: SalaryQuery, o?: Explain): number | string | Failure;
  salary(q: SalaryQuery, o: Explain = {}): number | string | Failure {
    if (!o.explain && (q.fte === undefined || q.fte === 1)) {
      // the fast path: the (contract, year) resolved once, each lane and step argument resolved once, each cell answered once
      const ctx = this.salaryContext(q.contract, q.year);
      if (!(ctx instanceof Failure)) {
        const li = ctx.lanes.get(q.lane) ?? this.learn(ctx, 'lane', q.lane);
        const si = ctx.steps.get(q.step) ?? this.learn(ctx, 'step', q.step);
        if (li >= 0 && si >= 0) return this.answerAt(ctx, si * ctx.schedule.laneLabels.length + li, q.lane, q.step);
      }
    }
    return this.explained(o, (trace) => {
      const c = this.contract(q);
      return c instanceof Failure ? c : this.engine.salary(c.id, q.lane, q.step, q.year, q.fte, undefined, trace);
    });
  }

  /**
   * SALARY over ranges (the vectorised path): the contract, year and FTE resolved once; each element then costs a
   * Map.get per axis and an array read. An element is `undefined` where the caches cannot answer it (an empty
   * cell, an unknown label, an Excel error): the caller reads that element by the argument policy and asks `salary`.
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
    return c instanceof Failure ? c : this.engine.salaryCite(c.id, q.lane, q.step, q.year);
  }

  hourly(q: HourlyQuery): number | Failure;
  hourly(q: HourlyQuery, o: Explain): number | string | Failure;
  hourly(q: HourlyQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.hourly(id, q.position, q.step, q.year, undefined, trace)));
  }

  stipend(q: StipendQuery): number | Failure;
  stipend(q: StipendQuery, o: Explain): number | string | Failure;
  stipend(q: StipendQuery, o: Explain = {}): number | string | Failure {
    const options: StipendOptions = { bonuses: q.bonuses, season: q.season, fte: q.fte };
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.stipend(id, q.activity, q.role, q.seasons, q.year, options, undefined, trace)));
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
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.term(id, q.term, q.key, q.year, q.yearsOfService, undefined, trace)));
  }

  /** Both ends of a term the contract gives as a range; the same amount twice otherwise. */
  termRange(q: TermQuery): [number, number] | Failure {
    return this.on(q, (id) => this.engine.termRange(id, q.term, q.key, q.year, q.yearsOfService));
  }

  rate(q: RateQuery): number | Failure;
  rate(q: RateQuery, o: Explain): number | string | Failure;
  rate(q: RateQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.rate(id, q.rate, q.lane, q.step, q.year, undefined, trace)));
  }

  prorate(q: ProrateQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.prorate(id, q.lane, q.step, q.year, q.days, q.hours ?? 0, undefined, trace)));
  }

  severance(q: SeveranceQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => this.engine.severance(id, q.lane, q.step, q.year, q.unusedDays, q.contributions ?? 0, undefined, trace)));
  }

  /** A week's gross pay of an hourly employee from hours by kind. */
  gross(q: GrossQuery, o: Explain = {}): number | string | Failure {
    return this.explained(o, (trace) => this.on(q, (id) => weeklyGross(this.engine, id, q.position, q.step, q.year, q.hours, trace)));
  }

  // ------------------------------------------------------------------------------------------ costing, audit, profile

  /** A payroll line checked against the contract: expected, difference, reason. */
  audit(q: AuditQuery): AuditLine | Failure {
    return this.on(q, (id) => auditSalary(this.engine, id, q.paid, q.lane, q.step, q.year, q.fte));
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
        out.push([p.id, p.year, p.contract, p.lane ?? p.position ?? '', p.step, p.midYearStep ?? '', p.fte, ...amounts.cells(y), [...p.notes, ...y.readings, ...y.problems].join('; ')]);
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
    return this.on(q, (id) => contractProfile(this.engine, id, q.year));
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** Runs fn on the resolved contract id. */
  private on<T>(q: On, fn: (id: string) => T | Failure): T | Failure {
    const c = this.contract(q);
    return c instanceof Failure ? c : fn(c.id);
  }

  /** The value, or with explain the trace of the same computation as one text. */
  private explained(o: Explain, run: (trace: string[] | undefined) => number | Failure): number | string | Failure {
    if (!o.explain) return run(undefined);
    const trace: string[] = [];
    const v = run(trace);
    return v instanceof Failure ? v : trace.join('; ');
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
  'years', 'schoolYear', 'lanes', 'steps', 'positions', 'activities', 'roles', 'terms', 'rates', 'schedule',
  'salary', 'salaries', 'salaryCite', 'hourly', 'stipend', 'stipendRange', 'stipendUnits', 'term', 'termRange', 'rate',
  'prorate', 'severance', 'gross', 'audit', 'cost', 'projectTable', 'costSummary', 'profile',
] as const satisfies readonly (keyof ContractApi)[];

/** The API as published: a plain object of its public methods, bound, so that each works detached or copied. */
export type PublishedApi = Pick<ContractApi, (typeof API_METHODS)[number]>;

export function publish(api: ContractApi): PublishedApi {
  const out: Record<string, unknown> = {};
  for (const m of API_METHODS) out[m] = (api[m] as (...a: unknown[]) => unknown).bind(api);
  return out as unknown as PublishedApi;
}
