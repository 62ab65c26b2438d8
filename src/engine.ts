/**
 * The engine: resolves arguments (contract, year, lane, step) against compiled contracts and answers
 * with a number or a Failure that names the reason, the valid choices and the citation.
 * Printed values are returned as printed (plain lookups); computed amounts go through rounding.ts.
 */
import type { CompiledSchedule, CompiledTable, Contract } from './model';
import { CLOSED, VALUE } from './model';
import type { ContractRegistry } from './loader';
import { listChoices, lookalikeReason, normalizeLabel } from './normalize';
import { parseYear } from './years';
import { Money, roundAmount } from './rounding';

/** Why there is no number. VALUE: the input is malformed or unknown. NA: valid input the contract gives no value for. */
export class Failure {
  constructor(readonly code: 'VALUE' | 'NA', readonly message: string) {}
}
export type Answer = number | Failure;
export type Result<T> = { ok: true; value: T } | { ok: false; code: 'VALUE' | 'NA'; message: string };

export interface ContractSummary {
  id: string;
  title: string;
  district: string;
  unit: string;
  years: string[];
  schedules: { id: string; title: string; kind: 'annual' | 'hourly' }[];
}
export interface GridCell { value: number | null; status: 'value' | 'empty' | 'closed'; cite: string }
export interface ScheduleGrid {
  contractId: string;
  scheduleId: string;
  year: string;
  title: string;
  cite: string;
  lanes: string[];
  rows: { label: string; cite: string; cells: GridCell[] }[];
}

/** A located cell: the table and the flat index into its grid. */
interface Cell { contract: Contract; schedule: CompiledSchedule; table: CompiledTable; lane: number; step: number; k: number }

const CACHE_LIMIT = 50_000;
function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

function axisChoices(labels: { label: string; aliases: string[] }[]): string {
  return listChoices(labels.map((l) => (l.aliases.length ? `${l.label} (${l.aliases.slice(0, 3).join(', ')})` : l.label)), 20);
}

export class Engine {
  private contractCache = new Map<string, Contract | Failure>();

  constructor(readonly registry: ContractRegistry) {}

  /** Forget argument caches (after contracts are loaded or replaced). */
  reset(): void {
    this.contractCache.clear();
    for (const c of this.registry.all()) for (const s of c.schedules) (s.laneCache.clear(), s.stepCache.clear());
  }

  listContracts(): ContractSummary[] {
    return this.registry.all().map((c) => ({
      id: c.id,
      title: c.file.title,
      district: c.file.district,
      unit: c.file.unit,
      years: c.years,
      schedules: c.schedules.map((s) => ({ id: s.id, title: s.file.title, kind: s.file.kind })),
    }));
  }

  /** Resolves a contract argument; empty means the workbook default. */
  contract(arg: string | undefined, defaultId?: string): Contract | Failure {
    const key = arg === undefined || arg.trim() === '' ? defaultId : arg;
    if (key === undefined || key === '')
      return new Failure('NA', `No contract given and no default contract chosen for this workbook. Pass one (${this.registry.ids().join(', ')}) or choose a default in the task pane.`);
    const hit = this.contractCache.get(key);
    if (hit) return hit;
    const id = key.trim().toLowerCase().replace(/\s+/g, '');
    const c = this.registry.get(id);
    if (c) return remember(this.contractCache, key, c);
    const hint = lookalikeReason(key);
    return new Failure('VALUE', `${hint ? hint + '. ' : ''}Unknown contract "${key}"; valid contracts: ${this.registry.ids().join(', ')}`);
  }

  private table(contract: Contract, schedule: CompiledSchedule, yearArg: string | number): CompiledTable | Failure {
    const y = parseYear(String(yearArg));
    if (!y.ok) return new Failure('VALUE', y.message);
    const t = schedule.tables.get(y.year);
    if (t) return t;
    const agreements = contract.file.agreements.map((a) => `${a.term} (${a.cite})`).join('; ');
    const covered = [...schedule.tables.keys()].join(', ');
    return new Failure('NA', `${contract.id} has no ${schedule.id} schedule for ${y.year}: the agreements (${agreements}) cover ${covered}`);
  }

  private axis(schedule: CompiledSchedule, which: 'lane' | 'step', arg: string | number): number | Failure {
    const cache = which === 'lane' ? schedule.laneCache : schedule.stepCache;
    const raw = typeof arg === 'number' ? String(arg) : arg;
    let i = cache.get(raw);
    if (i === undefined) i = remember(cache, raw, (which === 'lane' ? schedule.laneIndex : schedule.stepIndex).get(normalizeLabel(raw)) ?? -1);
    if (i >= 0) return i;
    const items = which === 'lane' ? schedule.file.lanes : schedule.file.steps;
    const hint = lookalikeReason(raw);
    const shown = raw.trim() === '' ? 'empty' : `"${raw}"`;
    return new Failure('VALUE', `${hint ? hint + '. ' : ''}Unknown ${which} ${shown}; valid ${which}s: ${axisChoices(items)}`);
  }

  /** Finds the cell for (lane, step, year) in the contract's salary schedule, or says why not. */
  private locate(contractArg: string | undefined, lane: string | number, step: string | number, year: string | number, defaultId?: string, scheduleId?: string): Cell | Failure {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    const schedule = scheduleId ? contract.scheduleById.get(scheduleId) : contract.salarySchedule;
    if (!schedule) return new Failure('NA', `${contract.id} has no ${scheduleId ?? 'annual salary'} schedule`);
    const table = this.table(contract, schedule, year);
    if (table instanceof Failure) return table;
    const li = this.axis(schedule, 'lane', lane);
    if (li instanceof Failure) return li;
    const si = this.axis(schedule, 'step', step);
    if (si instanceof Failure) return si;
    return { contract, schedule, table, lane: li, step: si, k: si * schedule.laneLabels.length + li };
  }

  /** The reason a located cell has no value, with the citation and what is printed nearby. */
  private noValue(c: Cell): Failure {
    const { schedule, table, contract } = c;
    const laneLabel = schedule.laneLabels[c.lane];
    const stepLabel = schedule.stepLabels[c.step];
    const row = table.rowOfStep[c.step];
    const where = row >= 0 ? table.rows[row].cite : table.cite;
    if (table.status[c.k] === CLOSED)
      return new Failure('NA', `Closed cell: the ${table.year} schedule of ${contract.id} prints NONE for lane ${laneLabel} at step ${stepLabel} (${where}); the contract pays no salary there.`);
    const n = schedule.laneLabels.length;
    const stepsOfLane = schedule.stepLabels.filter((_, s) => table.status[s * n + c.lane] === VALUE);
    const lanesOfStep = schedule.laneLabels.filter((_, l) => table.status[c.step * n + l] === VALUE);
    const parts = [`No value printed: the ${table.year} schedule of ${contract.id} leaves lane ${laneLabel} empty at step ${stepLabel} (${where}).`];
    if (stepsOfLane.length) parts.push(`Lane ${laneLabel} is printed for steps ${listChoices(stepsOfLane, 20)}.`);
    if (lanesOfStep.length) parts.push(`Step ${stepLabel} is printed for lanes ${lanesOfStep.join(', ')}.`);
    const elig = schedule.file.steps[c.step].eligibility;
    if (elig) parts.push(`Eligibility: ${elig.text} (${elig.cite})`);
    return new Failure('NA', parts.join(' '));
  }

  /** Annual salary as printed; with fte, the printed salary × fte rounded by the contract's "proration" rule. */
  salary(contractArg: string | undefined, lane: string | number, step: string | number, year: string | number, fte?: number, defaultId?: string): Answer {
    const c = this.locate(contractArg, lane, step, year, defaultId);
    if (c instanceof Failure) return c;
    if (c.table.status[c.k] !== VALUE) return this.noValue(c);
    const printed = c.table.values[c.k];
    if (fte === undefined) return printed;
    if (!(fte > 0 && fte <= 1.5)) return new Failure('VALUE', `FTE ${fte} is out of range; give a fraction of full time greater than 0 and at most 1.5 (e.g. 0.6)`);
    if (fte === 1) return printed;
    const rule = c.contract.file.rounding.proration;
    if (!rule) return new Failure('NA', `${c.contract.id} declares no "proration" rounding rule, so a prorated salary cannot be computed`);
    return roundAmount(new Money(printed).mul(fte), rule).toNumber();
  }

  /** The citation of the printed cell behind SALARY(lane, step, year). */
  salaryCite(contractArg: string | undefined, lane: string | number, step: string | number, year: string | number, defaultId?: string): string | Failure {
    const c = this.locate(contractArg, lane, step, year, defaultId);
    if (c instanceof Failure) return c;
    if (c.table.status[c.k] !== VALUE) return this.noValue(c);
    const row = c.table.rows[c.table.rowOfStep[c.step]];
    return `${row.cite} (${c.contract.id} ${c.table.year}, row "${row.printed}", lane ${c.schedule.laneLabels[c.lane]})`;
  }

  scheduleGrid(contractArg: string | undefined, yearArg: string | number, scheduleId?: string, defaultId?: string): Result<ScheduleGrid> {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return { ok: false, code: contract.code, message: contract.message };
    const schedule = scheduleId ? contract.scheduleById.get(scheduleId) : contract.salarySchedule;
    if (!schedule)
      return { ok: false, code: 'VALUE', message: `Unknown schedule "${scheduleId}" in ${contract.id}; valid schedules: ${contract.schedules.map((s) => s.id).join(', ')}` };
    const table = this.table(contract, schedule, yearArg);
    if (table instanceof Failure) return { ok: false, code: table.code, message: table.message };
    const n = schedule.laneLabels.length;
    const rows = table.rows.map((r) => {
      const base = r.steps[0] * n;
      const cells: GridCell[] = schedule.laneLabels.map((_, l) => {
        const st = table.status[base + l];
        return { value: st === VALUE ? table.values[base + l] : null, status: st === VALUE ? 'value' : st === CLOSED ? 'closed' : 'empty', cite: r.cite };
      });
      return { label: r.steps.map((s) => schedule.stepLabels[s]).join(' & '), cite: r.cite, cells };
    });
    return { ok: true, value: { contractId: contract.id, scheduleId: schedule.id, year: table.year, title: table.title, cite: table.cite, lanes: schedule.laneLabels, rows } };
  }
}
