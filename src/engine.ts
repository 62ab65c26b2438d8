/**
 * The engine: resolves arguments (contract, year, lane, step, activity …) against compiled contracts and
 * answers with a number or a Failure that names the reason, the valid choices and the citation.
 * Printed values are returned as printed (plain lookups); computed amounts go through rounding.ts.
 *
 * Every answering method takes an optional `trace`: when given, the method appends the steps of its
 * reasoning with their citations, which the *.SOURCE functions show to auditors.
 */
import type { CompiledSchedule, CompiledStipendItem, CompiledTable, Contract, StipendBasis, StipendProrationFile, TermValueFile } from './model';
import { CLOSED, DERIVED, VALUE } from './model';
import type { ContractRegistry } from './loader';
import { excerpt, listChoices, lookalikeReason, normalizeLabel } from './normalize';
import { monthOfSchoolYear, parseYear, schoolYearOf } from './years';
import { Money, roundAmount, roundProduct } from './rounding';
import { usd } from './format';
import { declaredName, roundingFor } from './declared';

import { Failure } from './failure';
export { Failure } from './failure';
export type { FailureReason } from './failure';
export type Answer = number | Failure;
/**
 * STIPEND's options: bonuses asked for by id; the share of the full season served; the teacher's FTE
 * (refused where the contract states no part-time proration of the item). `fteWhereStated` is the FTE that
 * costing passes for every stipend of a part-time teacher: applied where the contract prorates the item,
 * and the full amount elsewhere (the contract states none).
 */
export interface StipendOptions {
  bonuses?: string[]; season?: number; fte?: number; fteWhereStated?: number;
  /** filled by stipend() when it prorated the amount for a part-time teacher: that reading, with the clause */
  applied?: { partTime?: string };
}
export type Trace = string[] | undefined;

export interface ContractSummary {
  id: string;
  title: string;
  district: string;
  unit: string;
  years: string[];
  schedules: { id: string; title: string; kind: 'annual' | 'hourly' | 'range' }[];
  /** set for a contract loaded at run time (a workbook's own): where it came from, e.g. the file's name */
  loadedFrom?: string;
}
export interface GridCell { value: number | null; status: 'value' | 'empty' | 'closed' | 'derived'; cite: string }
export interface ScheduleGrid {
  contractId: string;
  scheduleId: string;
  year: string;
  title: string;
  cite: string;
  /** what the columns are called (lane, or step for position-by-step tables) */
  columnsAre: string;
  /** what the rows are called (step, or the schedule's name for its lanes, e.g. "Position"), and which axis they are */
  rowsAre: string;
  rowAxis: 'lane' | 'step';
  /** decimal places of the schedule's amounts (its rounding rule): 0 for whole dollars, 2 for cents */
  places: number;
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

/** What the lists and the pane show of a contract; `loadedFrom` for one loaded at run time. */
export function contractSummary(c: Contract, loadedFrom?: string): ContractSummary {
  return {
    id: c.id,
    title: c.file.title,
    district: c.file.district,
    unit: c.file.unit,
    years: c.years,
    schedules: c.schedules.map((s) => ({ id: s.id, title: s.file.title, kind: s.file.kind })),
    ...(loadedFrom === undefined ? {} : { loadedFrom }),
  };
}

const hasValue = (status: number) => status === VALUE || status === DERIVED;

export class Engine {
  private contractCache = new Map<string, Contract | Failure>();
  /** contract id + year argument -> canonical year or why not */
  private yearCache = new Map<string, string | Failure>();

  constructor(readonly registry: ContractRegistry) {}

  /** The registry generation the argument caches were filled from. */
  private generation = -1;

  /**
   * The contracts with their years and schedules, from the registry's headers: none is compiled to be listed (a
   * district's many contracts cost nothing until used). A header without its schedules is completed from the
   * contract. A bundled contract that fails on its first use answers with its reason then, and leaves the list.
   */
  listContracts(): ContractSummary[] {
    const runtime = new Map(this.registry.runtimeFiles().map((r) => [r.id, r.origin]));
    return this.registry.headers().map(({ id, title, district, unit, years, schedules }) => ({
      id, title, district, unit, years,
      schedules: (schedules as ContractSummary['schedules'] | undefined) ?? this.registry.get(id)?.schedules.map((s) => ({ id: s.id, title: s.file.title, kind: s.file.kind })) ?? [],
      ...(runtime.has(id) ? { loadedFrom: runtime.get(id) } : {}),
    }));
  }

  /** Resolves a contract argument; empty means the workbook default. */
  contract(arg: string | undefined, defaultId?: string): Contract | Failure {
    if (this.generation !== this.registry.generation) {
      // contracts were loaded or replaced: forget what arguments resolved to (lane and step caches live on
      // the compiled schedules, which a replacement brings new)
      this.contractCache.clear();
      this.yearCache.clear();
      this.generation = this.registry.generation;
    }
    const key = arg === undefined || arg.trim() === '' ? defaultId : arg;
    if (key === undefined || key === '')
      return new Failure('NA', `No contract given and no default contract chosen for this workbook. Pass one (${this.registry.ids().join(', ')}) or choose a default in the task pane.`, 'no-default-contract');
    const hit = this.contractCache.get(key);
    if (hit) return hit;
    const id = key.trim().toLowerCase().replace(/\s+/g, '');
    const c = this.registry.get(id);
    if (c) return remember(this.contractCache, key, c);
    const failed = this.registry.failure(id);
    if (failed) return new Failure('NA', `contract "${id}" was left out when ${failed.runtime ? 'the workbook opened' : 'the add-in started'}: ${failed.error.message.split('\n').join('; ')}`, 'contract-failed-to-load');
    const hint = lookalikeReason(key);
    return new Failure('VALUE', `${hint ? hint + '. ' : ''}Unknown contract "${excerpt(key)}"; valid contracts: ${this.registry.ids().join(', ')}`, 'unknown-contract');
  }

  /** The school year `yearArg` names in canonical spelling ("2025-2026" is 2025-26), where the contract covers it; or why not. */
  yearIn(contractArg: string | undefined, yearArg: string | number, defaultId?: string): string | Failure {
    const contract = this.contract(contractArg, defaultId);
    return contract instanceof Failure ? contract : this.year(contract, yearArg);
  }

  /** A school year the contract covers, in canonical spelling. */
  private year(contract: Contract, yearArg: string | number): string | Failure {
    // a year already in canonical spelling (the functions resolve each distinct year once per call) needs no key
    if (typeof yearArg === 'string' && contract.years.includes(yearArg)) return yearArg;
    const key = `${contract.id}\u0000${yearArg}`;
    const hit = this.yearCache.get(key);
    if (hit !== undefined) return hit;
    return remember(this.yearCache, key, this.resolveYear(contract, yearArg));
  }

  private resolveYear(contract: Contract, yearArg: string | number): string | Failure {
    const y = parseYear(String(yearArg));
    if (!y.ok) return new Failure('VALUE', y.message, 'malformed');
    if (contract.years.includes(y.year)) return y.year;
    const agreements = contract.file.agreements.map((a) => `${a.term} (${a.cite})`).join('; ');
    return new Failure('NA', `${contract.id} does not cover ${y.year}: the agreements (${agreements}) cover ${contract.years.join(', ')}`, 'year-not-covered');
  }

  private table(contract: Contract, schedule: CompiledSchedule, yearArg: string | number): CompiledTable | Failure {
    const year = this.year(contract, yearArg);
    if (year instanceof Failure) return year;
    const t = schedule.tables.get(year);
    if (t) return t;
    return new Failure('NA', `${contract.id} prints no ${schedule.file.title} for ${year}; it is printed for ${[...schedule.tables.keys()].join(', ')}`, 'not-printed-for-year');
  }

  private axisName(schedule: CompiledSchedule, which: 'lane' | 'step'): string {
    return schedule.file.axisNames?.[which] ?? which;
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
    const name = this.axisName(schedule, which);
    return new Failure('VALUE', `${hint ? hint + '. ' : ''}Unknown ${name} ${shown}; valid ${name}s: ${axisChoices(items)}`, which === 'lane' ? 'unknown-lane' : 'unknown-step');
  }

  /** Finds the cell for (lane, step, year) in a schedule, or says why not. */
  private locate(contract: Contract, schedule: CompiledSchedule, lane: string | number, step: string | number, year: string | number): Cell | Failure {
    const table = this.table(contract, schedule, year);
    if (table instanceof Failure) return table;
    const li = this.axis(schedule, 'lane', lane);
    if (li instanceof Failure) return li;
    const si = this.axis(schedule, 'step', step);
    if (si instanceof Failure) return si;
    return { contract, schedule, table, lane: li, step: si, k: si * schedule.laneLabels.length + li };
  }

  private salaryCell(contractArg: string | undefined, lane: string | number, step: string | number, year: string | number, defaultId?: string, scheduleArg?: string): Cell | Failure {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    const schedule = this.scheduleOf(contract, scheduleArg, 'annual');
    return schedule instanceof Failure ? schedule : this.locate(contract, schedule, lane, step, year);
  }

  /**
   * The schedule a schedule argument names (its id, title or an alias, ignoring case and spaces), or without one
   * the contract's first schedule of `kind` (SALARY: the first annual schedule, as before schedules could be named).
   * An unknown name, or a schedule of another kind, is #VALUE! listing the contract's schedules of that kind.
   */
  scheduleOf(contract: Contract, scheduleArg: string | undefined, kind: 'annual' | 'hourly' | 'range'): CompiledSchedule | Failure {
    const ofKind = contract.schedules.filter((s) => s.file.kind === kind);
    const listed = ofKind.map((s) => (s.file.title === s.id ? s.id : `${s.id} (${s.file.title})`)).join(', ');
    if (scheduleArg === undefined || scheduleArg.trim() === '') {
      if (ofKind.length) return ofKind[0];
      if (kind === 'annual')
        return new Failure('NA', `${contract.id} has no annual salary schedule${contract.hourlySchedules.length ? '; its pay is hourly: use CONTRACT.HOURLY' : contract.rangeSchedules.length ? '; its pay is set within ranges: use CONTRACT.RANGE' : ''}`, 'not-in-contract');
      return new Failure('NA', `${contract.id} has no ${kind === 'range' ? 'min-max range' : kind} schedule`, 'not-in-contract');
    }
    const s = contract.scheduleByName.get(normalizeLabel(scheduleArg));
    if (s && s.file.kind === kind) return s;
    const hint = lookalikeReason(scheduleArg);
    const what = s ? `"${excerpt(scheduleArg)}" is ${s.file.kind === 'range' ? 'a range' : `an ${s.file.kind}`} schedule, not ${kind === 'range' ? 'a range' : `an ${kind}`} one` : `Unknown schedule "${excerpt(scheduleArg)}" in ${contract.id}`;
    return new Failure('VALUE', `${hint ? hint + '. ' : ''}${what}; ${kind === 'range' ? 'range' : kind} schedules of ${contract.id}: ${listed || 'none'}`, 'unknown-schedule');
  }

  /** The reason a located cell has no value, with the citation and what is printed nearby. */
  private noValue(c: Cell): Failure {
    const { schedule, table, contract } = c;
    const laneName = this.axisName(schedule, 'lane');
    const stepName = this.axisName(schedule, 'step');
    const laneLabel = schedule.laneLabels[c.lane];
    const stepLabel = schedule.stepLabels[c.step];
    const where = table.cites[c.k];
    if (table.status[c.k] === CLOSED)
      return new Failure('NA', `Closed cell: the ${table.year} schedule of ${contract.id} prints NONE for ${laneName} ${laneLabel} at ${stepName} ${stepLabel} (${where}); the contract pays no salary there.`, 'closed-cell');
    const n = schedule.laneLabels.length;
    const stepsOfLane = schedule.stepLabels.filter((_, s) => hasValue(table.status[s * n + c.lane]));
    const lanesOfStep = schedule.laneLabels.filter((_, l) => hasValue(table.status[c.step * n + l]));
    const parts = [`No value printed: the ${table.year} schedule of ${contract.id} leaves ${laneName} ${laneLabel} empty at ${stepName} ${stepLabel} (${where}).`];
    if (stepsOfLane.length) parts.push(`${cap(laneName)} ${laneLabel} is printed for ${stepName}s ${listChoices(stepsOfLane, 20)}.`);
    if (lanesOfStep.length) parts.push(`${cap(stepName)} ${stepLabel} is printed for ${laneName}s ${lanesOfStep.join(', ')}.`);
    const elig = schedule.file.steps[c.step].eligibility;
    if (elig) parts.push(`Eligibility: ${elig.text} (${elig.cite})`);
    return new Failure('NA', parts.join(' '), 'empty-cell');
  }

  private cellValue(c: Cell, trace: Trace): Answer {
    if (!hasValue(c.table.status[c.k])) return this.noValue(c);
    const v = c.table.values[c.k];
    if (trace) {
      const where = `${c.contract.id} ${c.table.year} ${c.schedule.file.title}, ${this.axisName(c.schedule, 'lane')} ${c.schedule.laneLabels[c.lane]}, ${this.axisName(c.schedule, 'step')} ${c.schedule.stepLabels[c.step]}`;
      trace.push(c.table.status[c.k] === DERIVED ? `${where}: ${usd(v)}, not printed; derived by ${this.derivedBy(c)} (${c.table.cites[c.k]})` : `${where}: ${usd(v)} as printed (${c.table.cites[c.k]})`);
    }
    return v;
  }

  /** The rule that derives a cell the table does not print: the schedule's index ratio, else the career increment. */
  private derivedBy(c: Cell): string {
    return c.contract.file.rules?.indexRatio?.some((r) => r.schedule === c.schedule.id) ? 'the index ratio (base × index)' : 'the career-increment rule';
  }

  /** Annual salary as printed; with fte, the printed salary × fte rounded by the contract's "proration" rule. */
  salary(contractArg: string | undefined, lane: string | number, step: string | number, year: string | number, fte?: number, defaultId?: string, trace?: Trace, scheduleArg?: string): Answer {
    const c = this.salaryCell(contractArg, lane, step, year, defaultId, scheduleArg);
    if (c instanceof Failure) return c;
    const printed = this.cellValue(c, trace);
    if (printed instanceof Failure || fte === undefined) return printed;
    if (!(fte > 0 && fte <= 1.5)) return new Failure('VALUE', `FTE ${fte} is out of range; give a fraction of full time greater than 0 and at most 1.5 (e.g. 0.6)`, 'out-of-range');
    if (fte === 1) return printed;
    const rule = roundingFor(c.contract.file, 'proration');
    if (!rule) return new Failure('NA', `${c.contract.id} declares no "proration" rounding rule (roundingFor.proration), so a prorated salary cannot be computed`);
    const v = roundProduct(printed, fte, rule);
    trace?.push(`× FTE ${fte} = ${usd(v)}, rounded to ${rule.places} places ${rule.mode} (${rule.cite})`);
    return v;
  }

  /** The citation of the value behind SALARY(lane, step, year). */
  salaryCite(contractArg: string | undefined, lane: string | number, step: string | number, year: string | number, defaultId?: string, scheduleArg?: string): string | Failure {
    const c = this.salaryCell(contractArg, lane, step, year, defaultId, scheduleArg);
    if (c instanceof Failure) return c;
    if (!hasValue(c.table.status[c.k])) return this.noValue(c);
    const r = c.table.rowOfStep[c.step];
    const row = r >= 0 ? `row "${c.table.rows[r].printed}", ` : '';
    const how = c.table.status[c.k] === DERIVED ? `, derived by ${this.derivedBy(c)}` : '';
    return `${c.table.cites[c.k]} (${c.contract.id} ${c.table.year}, ${row}lane ${c.schedule.laneLabels[c.lane]}${how})`;
  }

  // ---------------------------------------------------------------- hourly schedules

  /** An hourly rate from the contract's hourly schedules; `position` is matched across all of them. */
  hourly(contractArg: string | undefined, position: string | number, step: string | number, year: string | number, defaultId?: string, trace?: Trace): Answer {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    if (!contract.hourlySchedules.length) return new Failure('NA', `${contract.id} has no hourly schedule${contract.salarySchedule ? '; its pay is annual: use CONTRACT.SALARY' : ''}`);
    const raw = typeof position === 'number' ? String(position) : position;
    const schedule = contract.hourlySchedules.find((s) => (s.laneCache.get(raw) ?? remember(s.laneCache, raw, s.laneIndex.get(normalizeLabel(raw)) ?? -1)) >= 0);
    if (!schedule) {
      const all = contract.hourlySchedules.flatMap((s) => s.file.lanes);
      const hint = lookalikeReason(raw);
      const ranged = contract.rangeSchedules.find((s) => s.laneIndex.has(normalizeLabel(raw)));
      const range = ranged ? `. ${raw} is paid within a range (${ranged.file.title}): use CONTRACT.RANGE for its minimum and maximum` : '';
      return new Failure('VALUE', `${hint ? hint + '. ' : ''}Unknown position ${raw.trim() ? `"${raw}"` : 'empty'}; valid positions: ${axisChoices(all)}${range}`, 'unknown-position');
    }
    const c = this.locate(contract, schedule, raw, step, year);
    return c instanceof Failure ? c : this.cellValue(c, trace);
  }

  // ---------------------------------------------------------------- range schedules

  /**
   * The minimum and maximum a range schedule sets for a grade in a year (its steps of kind "min" and "max"). Without
   * a schedule argument, the range schedule that lists the grade.
   */
  range(contractArg: string | undefined, grade: string | number, yearArg: string | number, scheduleArg?: string, defaultId?: string, trace?: Trace): [number, number] | Failure {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    const raw = typeof grade === 'number' ? String(grade) : grade;
    let schedule: CompiledSchedule | Failure | undefined;
    if (scheduleArg !== undefined && scheduleArg.trim() !== '') schedule = this.scheduleOf(contract, scheduleArg, 'range');
    else {
      if (!contract.rangeSchedules.length) return this.scheduleOf(contract, undefined, 'range') as Failure;
      schedule = contract.rangeSchedules.find((s) => s.laneIndex.has(normalizeLabel(raw))) ?? contract.rangeSchedules[0];
    }
    if (schedule instanceof Failure) return schedule;
    const ends = (['min', 'max'] as const).map((k) => schedule.file.steps.find((x) => x.kind === k)!.label);
    const out: number[] = [];
    for (const end of ends) {
      const c = this.locate(contract, schedule, raw, end, yearArg);
      if (c instanceof Failure) return c;
      const v = this.cellValue(c, trace);
      if (v instanceof Failure) return v;
      out.push(v);
    }
    return [out[0], out[1]];
  }

  // ---------------------------------------------------------------- stipends

  private stipendItem(contract: Contract, activity: string, role: string) {
    const st = contract.stipends;
    if (!st) return new Failure('NA', `${contract.id} has no extra-curricular stipend schedule`);
    const roles = st.activities.get(normalizeLabel(activity));
    if (!roles) {
      const hint = lookalikeReason(activity);
      return new Failure('VALUE', `${hint ? hint + '. ' : ''}Unknown activity ${activity.trim() ? `"${activity}"` : 'empty'}; valid activities: ${listChoices(st.activityLabels, 25)}`, 'unknown-activity');
    }
    const item = roles.get(normalizeLabel(role));
    if (!item) {
      const labels = [...new Set([...roles.values()].map((i) => i.role))];
      return new Failure('VALUE', `Unknown role ${role.trim() ? `"${role}"` : 'empty'} for ${[...roles.values()][0].activity}; valid roles: ${labels.join(', ')}`, 'unknown-role');
    }
    return { st, item };
  }

  /** The contract, the stipend item and the basis that sets its amount in a year, or why there is none. */
  private basisFor(contractArg: string | undefined, activity: string, role: string, yearArg: string | number, defaultId?: string) {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    const found = this.stipendItem(contract, activity, role);
    if (found instanceof Failure) return found;
    const year = this.year(contract, yearArg);
    if (year instanceof Failure) return year;
    const basis = found.item.file.terms.find((b) => b.years.includes(year));
    if (!basis) {
      const years = found.item.file.terms.flatMap((b) => b.years);
      return new Failure('NA', `${found.item.activity} / ${found.item.role} has no amount for ${year} in ${contract.id}; it is set for ${years.join(', ')} (${found.item.file.cite})`);
    }
    // its fields named, not spread from `found`: the spread cost most of a single STIPEND call (~4 µs)
    return { st: found.st, item: found.item, contract, year, basis, label: `${found.item.activity} / ${found.item.role}` };
  }

  private experienceStep(contract: Contract, seasons: number): number | Failure {
    const steps = contract.stipends!.file.experienceSteps;
    if (!(Number.isInteger(seasons) && seasons >= 1 && seasons <= 60))
      return new Failure('VALUE', `years in the activity must be a whole number of seasons from 1 (the first season) to 60; got ${seasons}`, 'out-of-range');
    return steps.findIndex((e) => seasons >= e.fromYear && (e.toYear === undefined || seasons <= e.toYear));
  }

  /** The amount a percent basis gives at an experience step (add-on steps build on an earlier step). */
  private percentAmount(contract: Contract, basis: Extract<StipendBasis, { kind: 'percent' }>, year: string, step: number, trace: Trace): Answer {
    const st = contract.stipends!.file;
    const labels = st.experienceSteps.map((e) => e.label);
    const addOn = (st.addOns ?? []).find((a) => a.step === labels[step]);
    if (addOn) {
      const over = this.percentAmount(contract, basis, year, labels.indexOf(addOn.over), trace);
      if (over instanceof Failure) return over;
      const v = new Money(over).add(addOn.amount).toNumber();
      trace?.push(`step ${labels[step]} = step ${addOn.over} + ${usd(addOn.amount)} = ${usd(v)} (${addOn.cite})`);
      return v;
    }
    const base = st.bases!.find((b) => b.id === basis.base)!;
    const schedule = contract.scheduleById.get(base.schedule)!;
    const c = this.locate(contract, schedule, base.lane, base.step, year);
    if (c instanceof Failure) return c;
    const baseValue = this.cellValue(c, trace);
    if (baseValue instanceof Failure) return baseValue;
    const pct = basis.percents[step];
    const rule = contract.file.rounding[st.rounding];
    const v = roundAmount(new Money(baseValue).mul(pct).div(100), rule).toNumber();
    trace?.push(`${base.title} ${usd(baseValue)} × ${pct}% = ${usd(v)}, rounded to ${rule.places} places ${rule.mode} (${basis.cite}; rounding ${rule.cite})`);
    return v;
  }

  /**
   * An extra-duty amount for `seasons` in the activity (1 = first season) in a year. Automatic bonuses
   * (e.g. from the fifth consecutive season) are included; others only when asked for by id.
   */
  stipend(contractArg: string | undefined, activity: string, role: string, seasons: number, yearArg: string | number, options: StipendOptions = {}, defaultId?: string, trace?: Trace): Answer {
    const found = this.basisFor(contractArg, activity, role, yearArg, defaultId);
    if (found instanceof Failure) return found;
    const { contract, item, basis, year, st, label } = found;
    const step = this.experienceStep(contract, seasons);
    if (step instanceof Failure) return step;
    const stepInfo = st.file.experienceSteps[step];
    trace?.push(`${label}, ${year}, season ${seasons}: experience step ${stepInfo.label} (years ${stepInfo.fromYear}${stepInfo.toYear ? '-' + stepInfo.toYear : '+'})`);
    let amount: Answer;
    switch (basis.kind) {
      case 'percent':
        amount = this.percentAmount(contract, basis, year, step, trace);
        break;
      case 'amount':
        amount = basis.amounts.length === 1 ? basis.amounts[0] : basis.amounts[step];
        trace?.push(`${usd(amount)} as printed (${basis.cite})`);
        break;
      case 'range':
        return new Failure('NA', `${label} is paid within a range in ${year}: ${usd(basis.min)} to ${usd(basis.max)} (${basis.cite}); the contract sets no single amount. Use CONTRACT.STIPEND.RANGE for both ends.`, 'no-single-amount');
      case 'perUnit':
        return new Failure('NA', `${label} is paid per ${basis.unit} in ${year}: ${usd(basis.rate)} per ${basis.unit}${basis.max !== undefined ? ` up to ${usd(basis.max)}` : ''} (${basis.cite}). Use CONTRACT.STIPEND.UNITS with the number of ${basis.unit}s.`, 'no-single-amount');
      case 'prorated':
        return new Failure('NA', `${label} pays ${usd(basis.amount)} in ${year} at ${basis.fullAt} ${basis.unit} or more, prorated below (${basis.cite}). Use CONTRACT.STIPEND.UNITS with the number of ${basis.unit}.`, 'no-single-amount');
    }
    if (amount instanceof Failure) return amount;
    const prorated = this.prorateStipend(contract, item, label, amount, options, trace);
    if (prorated instanceof Failure) return prorated;
    return this.addBonuses(contract, item.activity, item.role, seasons, year, prorated, options.bonuses ?? [], trace);
  }

  /**
   * A stipend for part of a season or for a part-time teacher, where the contract says how (its stipends'
   * proration clauses, by item group): amount × season share × FTE, rounded once by the stipend rule.
   * Where the contract says nothing for the item, a share below 1 is refused (#N/A), never guessed.
   */
  private prorateStipend(contract: Contract, item: CompiledStipendItem, label: string, amount: number, options: StipendOptions, trace: Trace): Answer {
    const { season } = options;
    let fte = options.fte;
    if (season === undefined && fte === undefined && options.fteWhereStated === undefined) return amount;
    if (season !== undefined && !(Number.isFinite(season) && season > 0 && season <= 1))
      return new Failure('VALUE', `the season share must be a fraction of the full season greater than 0 and at most 1 (e.g. 0.75 for 9 of 12 weeks); got ${season}`, 'out-of-range');
    if (fte !== undefined && !(Number.isFinite(fte) && fte > 0 && fte <= 1.5))
      return new Failure('VALUE', `FTE ${fte} is out of range; give a fraction of full time greater than 0 and at most 1.5 (e.g. 0.6)`, 'out-of-range');
    const clauses = contract.stipends!.file.proration ?? {};
    const covers = (c: StipendProrationFile | undefined) => c !== undefined && item.file.group !== undefined && c.groups.includes(item.file.group);
    const refuse = (what: string, c: StipendProrationFile | undefined) =>
      new Failure('NA', `${contract.id} states no proration of ${label} ${what}` +
        (c ? `: its clause covers ${c.groups.join('; ')} only (${c.cite})` : `; STIPEND gives the full amount only (${contract.stipends!.file.cite})`));
    if (fte === undefined && options.fteWhereStated !== undefined && covers(clauses.partTime)) fte = options.fteWhereStated;
    let share = new Money(1);
    if (season !== undefined && season < 1) {
      if (!covers(clauses.partialSeason)) return refuse('for part of a season', clauses.partialSeason);
      share = share.mul(season);
      trace?.push(`part of a season: × ${season} of the full season (${clauses.partialSeason!.cite})`);
    }
    if (fte !== undefined && fte < 1) {
      if (!covers(clauses.partTime)) return refuse('for a part-time teacher', clauses.partTime);
      share = share.mul(fte);
      const reading = `part time: × FTE ${fte} (${clauses.partTime!.cite})`;
      if (options.applied) options.applied.partTime = reading;
      trace?.push(reading);
    }
    if (share.eq(1)) return amount;
    const rule = contract.file.rounding[contract.stipends!.file.rounding];
    const v = roundAmount(new Money(amount).mul(share), rule).toNumber();
    trace?.push(`${usd(amount)} × ${share.toString()} = ${usd(v)}, rounded to ${rule.places} places ${rule.mode} (${rule.cite}); bonuses, if any, are added in full`);
    return v;
  }

  private addBonuses(contract: Contract, activity: string, role: string, seasons: number, year: string, amount: number, requested: string[], trace: Trace): Answer {
    const bonuses = contract.stipends!.file.bonuses ?? [];
    const applies = (b: (typeof bonuses)[number]) =>
      b.appliesTo.some((a) => normalizeLabel(a.activity) === normalizeLabel(activity) && (a.role === undefined || normalizeLabel(a.role) === normalizeLabel(role))) &&
      (b.years === undefined || b.years.includes(year));
    let total = new Money(amount);
    for (const id of requested) {
      const b = bonuses.find((x) => x.id === id.trim().toLowerCase());
      if (!b) return new Failure('VALUE', `Unknown bonus "${id}"; ${bonuses.length ? `bonuses of ${contract.id}: ${bonuses.map((x) => x.id).join(', ')}` : `${contract.id} states no bonuses`}`, 'unknown-key');
      if (b.automatic) continue; // added below when it applies
      if (!applies(b)) return new Failure('NA', `The ${b.title} (${b.cite}) does not apply to ${activity} / ${role} in ${year}`);
      total = total.add(b.amount);
      trace?.push(`+ ${usd(b.amount)}, asked for: ${b.title} (${b.cite})`);
    }
    for (const b of bonuses) {
      if (!b.automatic || !applies(b) || seasons < (b.minYears ?? 1)) continue;
      total = total.add(b.amount);
      trace?.push(`+ ${usd(b.amount)}, season ${seasons} ≥ ${b.minYears ?? 1}: ${b.title} (${b.cite})`);
    }
    const v = total.toNumber();
    if (v !== amount) trace?.push(`= ${usd(v)}`);
    return v;
  }

  /** Both ends of a stipend the contract gives as a range ([amount, amount] for a fixed amount). */
  stipendRange(contractArg: string | undefined, activity: string, role: string, yearArg: string | number, defaultId?: string): [number, number] | Failure {
    const found = this.basisFor(contractArg, activity, role, yearArg, defaultId);
    if (found instanceof Failure) return found;
    const { basis: b, label } = found;
    if (b.kind === 'range') return [b.min, b.max];
    if (b.kind === 'amount' && b.amounts.every((a) => a === b.amounts[0])) return [b.amounts[0], b.amounts[0]];
    if (b.kind === 'amount') return [Math.min(...b.amounts), Math.max(...b.amounts)];
    if (b.kind === 'perUnit') return new Failure('NA', `${label} is paid per ${b.unit} (${b.cite}); use CONTRACT.STIPEND.UNITS`, 'no-single-amount');
    if (b.kind === 'prorated') return [0, b.amount];
    return new Failure('NA', `${label} depends on the seasons in the activity (${b.cite}); use CONTRACT.STIPEND with the seasons`, 'no-single-amount');
  }

  /** A per-unit stipend (rate × units up to its maximum) or a prorated one (amount × units / fullAt, at most the amount). */
  stipendUnits(contractArg: string | undefined, activity: string, role: string, units: number, yearArg: string | number, defaultId?: string, trace?: Trace): Answer {
    const found = this.basisFor(contractArg, activity, role, yearArg, defaultId);
    if (found instanceof Failure) return found;
    const { contract, basis: b, label } = found;
    if (!(Number.isFinite(units) && units >= 0 && units <= 100000)) return new Failure('VALUE', `the number of units must be from 0 to 100,000; got ${units}`, 'out-of-range');
    const rule = contract.file.rounding[found.st.file.rounding];
    if (b.kind === 'perUnit') {
      const raw = new Money(b.rate).mul(units);
      const capped = b.max !== undefined && raw.gt(b.max);
      const v = roundAmount(capped ? b.max! : raw, rule).toNumber();
      trace?.push(`${label}, ${found.year}: ${units} ${b.unit}(s) × ${usd(b.rate)} = ${usd(raw.toNumber())}${capped ? `, capped at ${usd(b.max!)}` : ''} (${b.cite})`);
      return v;
    }
    if (b.kind === 'prorated') {
      const share = Math.min(units, b.fullAt);
      const v = roundAmount(new Money(b.amount).mul(share).div(b.fullAt), rule).toNumber();
      trace?.push(`${label}, ${found.year}: ${usd(b.amount)} × ${share}/${b.fullAt} ${b.unit} = ${usd(v)}, rounded to ${rule.places} places ${rule.mode} (${b.cite})`);
      return v;
    }
    return new Failure('NA', `${label} is not paid per unit in ${found.year} (${b.cite}); use CONTRACT.STIPEND`, 'no-single-amount');
  }

  activities(contractArg: string | undefined, defaultId?: string): string[] | Failure {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    return contract.stipends ? contract.stipends.activityLabels : new Failure('NA', `${contract.id} has no extra-curricular stipend schedule`);
  }

  roles(contractArg: string | undefined, activity: string | undefined, defaultId?: string): string[] | Failure {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    const st = contract.stipends;
    if (!st) return new Failure('NA', `${contract.id} has no extra-curricular stipend schedule`);
    if (activity === undefined) return [...new Set(st.file.items.map((i) => i.role))];
    const roles = st.activities.get(normalizeLabel(activity));
    if (!roles) return new Failure('VALUE', `Unknown activity "${activity}"; valid activities: ${listChoices(st.activityLabels, 25)}`, 'unknown-activity');
    return [...new Set([...roles.values()].map((i) => i.role))];
  }

  // ---------------------------------------------------------------- terms and derived rates

  /** The value of a term that applies for (key, year, years of service), or why none does. `null` means below the first tier. */
  private termValue(contractArg: string | undefined, id: string, key: string | undefined, yearArg: string | number, yearsOfService: number | undefined, defaultId: string | undefined, trace: Trace, date?: string) {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    const t = contract.terms.get(id.trim().toLowerCase());
    if (!t) return new Failure('VALUE', `Unknown term "${id}"; terms of ${contract.id}: ${listChoices([...contract.terms.keys()], 30) || 'none'}`, 'unknown-term');
    const year = this.year(contract, yearArg);
    if (year instanceof Failure) return year;
    let values = t.file.values.filter((v) => v.years.includes(year));
    if (!values.length) {
      const years = [...new Set(t.file.values.flatMap((v) => v.years))];
      return new Failure('NA', `${t.file.title} has no value for ${year} in ${contract.id}; it is stated for ${years.join(', ')} (${t.file.cite})`);
    }
    const keyName = t.file.keyName ?? 'key';
    if (t.keyLabels.length) {
      if (key === undefined || key.trim() === '') return new Failure('VALUE', `${t.file.title} needs a ${keyName}: ${t.keyLabels.join(', ')}`, 'empty');
      const canonical = t.keys.get(normalizeLabel(key));
      if (canonical === undefined) return new Failure('VALUE', `Unknown ${keyName} "${key}" for ${t.file.title}; valid: ${t.keyLabels.join(', ')}`, 'unknown-key');
      values = values.filter((v) => v.key === canonical);
      if (!values.length) return new Failure('NA', `${t.file.title} states no value for ${keyName} ${canonical} in ${year} (${t.file.cite})`);
    } else if (key !== undefined && key.trim() !== '') {
      return new Failure('VALUE', `${t.file.title} takes no ${keyName}; leave it empty`);
    }
    const inForce = this.inForce(t.file.title, t.file.unit, values, year, date, trace);
    if (inForce instanceof Failure) return inForce;
    values = inForce;
    if (!t.tiered) return { t, year, keyName, value: values[0] };
    if (yearsOfService === undefined) return new Failure('VALUE', `${t.file.title} depends on years of service: give them (tiers from ${values.map((v) => v.minYears).join(', ')} years)`);
    if (!(Number.isFinite(yearsOfService) && yearsOfService >= 0 && yearsOfService <= 80)) return new Failure('VALUE', `years of service must be from 0 to 80; got ${yearsOfService}`, 'out-of-range');
    const tier = values.filter((v) => v.minYears! <= yearsOfService).sort((a, b) => b.minYears! - a.minYears!)[0];
    if (!tier) {
      const first = Math.min(...values.map((v) => v.minYears!));
      trace?.push(`${t.file.title}, ${year}: ${yearsOfService} years is below the first tier (${first} years): nothing (${t.file.cite})`);
      return { t, year, keyName, value: null };
    }
    trace?.push(`${t.file.title}, ${year}: ${yearsOfService} years is in the tier from ${tier.minYears} years`);
    return { t, year, keyName, value: tier };
  }

  /**
   * The values of a year (one key's) in force on `date`: for each tier, the value from the latest date on or before
   * it, else the year's starting value. A year whose value changes inside it (values with `from`) and no date: #N/A
   * naming each value and the date it takes effect, never one of them silently. A date outside the year: #VALUE!.
   */
  private inForce(title: string, termUnit: string, values: TermValueFile[], year: string, date: string | undefined, trace: Trace): TermValueFile[] | Failure {
    const start = `${year.slice(0, 4)}-07-01`;
    if (date !== undefined && schoolYearOf(date) !== year) return new Failure('VALUE', `the date ${date} is not in the school year ${year} (${start} to ${Number(year.slice(0, 4)) + 1}-06-30)`, 'out-of-range');
    const changes = values.filter((v) => v.from !== undefined);
    if (!changes.length) return values;
    if (date === undefined) {
      const listed = [...values].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))
        .map((v) => `${v.minYears !== undefined ? `${v.minYears}+ years: ` : ''}${usdOrUnit(v.amount, termUnit)} from ${v.from ?? `${start} (the start of the year)`} (${v.cite})`);
      return new Failure('NA', `${title} changes during ${year}: ${listed.join('; ')}. Give a date (the date argument) for the value in force on it; costing blends the year by the months each value is in force.`, 'no-single-amount');
    }
    const latest = new Map<number | undefined, string>();
    for (const v of values) {
      const from = v.from ?? '';
      if (from <= date && from >= (latest.get(v.minYears) ?? '')) latest.set(v.minYears, from);
    }
    const chosen = values.filter((v) => (v.from ?? '') === latest.get(v.minYears));
    trace?.push(`${title} on ${date}: ${chosen.some((v) => v.from) ? `the value from ${chosen.find((v) => v.from)!.from}` : `the value in force since the start of ${year}`} (changes: ${changes.map((v) => `${v.from} (${v.cite})`).join(', ')})`);
    return chosen;
  }

  /**
   * The values a term takes in a year and the months of the school year (July first) each is in force: one entry
   * without `from` when the value holds all year. What costing blends (src/costing/dated.ts).
   */
  termPeriods(contractId: string, id: string, key: string | undefined, year: string, yearsOfService?: number): { from: string | undefined; months: number; amount: number; cite: string }[] | Failure {
    const contract = this.contract(contractId);
    if (contract instanceof Failure) return contract;
    const t = contract.terms.get(id);
    const dates = [...new Set((t?.file.values ?? []).filter((v) => v.from !== undefined && v.years.includes(year)).map((v) => v.from!))].sort();
    const starts = [undefined, ...dates];
    const out: { from: string | undefined; months: number; amount: number; cite: string }[] = [];
    for (let i = 0; i < starts.length; i++) {
      const on = starts[i] ?? (dates.length ? `${year.slice(0, 4)}-07-01` : undefined);
      const found = this.termValue(contractId, id, key, year, yearsOfService, undefined, undefined, on);
      if (found instanceof Failure) return found;
      const end = i + 1 < starts.length ? monthOfSchoolYear(starts[i + 1]!) : 12;
      const first = starts[i] ? monthOfSchoolYear(starts[i]!) : 0;
      out.push({ from: starts[i], months: end - first, amount: found.value?.amount ?? 0, cite: found.value?.cite ?? found.t.file.cite });
    }
    return out;
  }

  /** A named amount of the contract (a premium, an insurance contribution, a longevity tier …) for a year; with `date`, the value in force on it. */
  term(contractArg: string | undefined, id: string, key: string | undefined, yearArg: string | number, yearsOfService?: number, defaultId?: string, trace?: Trace, date?: string): Answer {
    const found = this.termValue(contractArg, id, key, yearArg, yearsOfService, defaultId, trace, date);
    if (found instanceof Failure) return found;
    const { t, year, keyName, value: v } = found;
    if (v === null) return 0;
    if (v.range)
      return new Failure('NA', `${t.file.title} is a range in ${year}: ${usdOrUnit(v.amount, t.file.unit)} to ${usdOrUnit(v.max!, t.file.unit)} (${v.cite}); the contract sets no single amount. Use CONTRACT.TERM.RANGE for both ends.`, 'no-single-amount');
    trace?.push(`${t.file.title}${v.key ? `, ${keyName} ${v.key}` : ''}, ${year}: ${usdOrUnit(v.amount, t.file.unit)}${v.max !== undefined ? ` (up to ${usdOrUnit(v.max, t.file.unit)})` : ''} (${v.cite})`);
    return v.amount;
  }

  /** Both ends of a term the contract gives as a range; [amount, amount] for a single amount. */
  termRange(contractArg: string | undefined, id: string, key: string | undefined, yearArg: string | number, yearsOfService?: number, defaultId?: string, date?: string): [number, number] | Failure {
    const found = this.termValue(contractArg, id, key, yearArg, yearsOfService, defaultId, undefined, date);
    if (found instanceof Failure) return found;
    const v = found.value;
    if (v === null) return [0, 0];
    return v.range ? [v.amount, v.max!] : [v.amount, v.amount];
  }

  /** A rate derived from the salary schedule: e.g. daily = salary / 187, hourly = daily / 7.1667, capped per year. */
  rate(contractArg: string | undefined, id: string, lane: string | number, step: string | number, yearArg: string | number, defaultId?: string, trace?: Trace): Answer {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    const r = contract.rates.get(id.trim().toLowerCase());
    if (!r) return new Failure('VALUE', `Unknown rate "${id}"; rates of ${contract.id}: ${[...contract.rates.keys()].join(', ') || 'none'}`, 'unknown-rate');
    const of = r.of === 'salary' ? this.salary(contract.id, lane, step, yearArg, undefined, undefined, trace) : this.rate(contract.id, r.of, lane, step, yearArg, undefined, trace);
    if (of instanceof Failure) return of;
    const year = this.year(contract, yearArg) as string;
    const rule = contract.file.rounding[r.rounding];
    let v = roundAmount(new Money(of).div(r.divisor), rule);
    trace?.push(`${r.title}: ${usd(of)} / ${r.divisor} = ${usd(v.toNumber())}, rounded to ${rule.places} places ${rule.mode} (${r.cite})`);
    const max = r.max?.find((m) => m.years.includes(year));
    if (max && v.gt(max.amount)) {
      v = new Money(max.amount);
      trace?.push(`capped at the ${year} maximum ${usd(max.amount)} (${max.cite})`);
    }
    return v.toNumber();
  }

  /**
   * Pay for part of a year: salary × (days / the daily divisor + hours / the hourly divisor), rounded once by
   * the contract's proration rule ("one hour = 1/7.1667 full day, one day = 1/187 of full year", 001:263).
   */
  prorate(contractArg: string | undefined, lane: string | number, step: string | number, yearArg: string | number, days: number, hours = 0, defaultId?: string, trace?: Trace): Answer {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    if (!(Number.isFinite(days) && days >= 0 && days <= 400)) return new Failure('VALUE', `days must be from 0 to 400; got ${days}`, 'out-of-range');
    if (!(Number.isFinite(hours) && hours >= 0 && hours <= 4000)) return new Failure('VALUE', `hours must be from 0 to 4,000; got ${hours}`, 'out-of-range');
    const daily = contract.rates.get(declaredName(contract.file, 'prorate', 'dailyRate'));
    const hourly = contract.rates.get(declaredName(contract.file, 'prorate', 'hourlyRate'));
    if (!daily || daily.of !== 'salary') return new Failure('NA', `${contract.id} defines no daily rate of salary, so days cannot be prorated`);
    if (hours > 0 && (!hourly || hourly.of !== 'salary'))
      return new Failure('NA', `${contract.id} defines no hourly fraction of the salary (only a daily rate, ${daily.cite}); prorate by days`);
    const rule = roundingFor(contract.file, 'proration');
    if (!rule) return new Failure('NA', `${contract.id} declares no "proration" rounding rule (roundingFor.proration)`);
    const salary = this.salary(contract.id, lane, step, yearArg, undefined, undefined, trace);
    if (salary instanceof Failure) return salary;
    const share = new Money(days).div(daily.divisor).add(hours ? new Money(hours).div(hourly!.divisor) : 0);
    const v = roundAmount(share.mul(salary), rule).toNumber();
    trace?.push(`${days} day(s) / ${daily.divisor} (${daily.cite})${hours ? ` + ${hours} hour(s) / ${hourly!.divisor} (${hourly!.cite})` : ''} of ${usd(salary)} = ${usd(v)}, rounded to ${rule.places} places ${rule.mode} (${rule.cite})`);
    return v;
  }

  /**
   * Severance where the contract states it (Anoka-Hennepin Art. XVIII): unused sick days up to the maximum
   * (term severance-max-days) × the daily rate, less the District's 403(b) contributions; never below zero;
   * rounded once to the cent by the contract's "severance" rule (else its "proration" rule). Where the contract
   * states a ceiling on the 403(b) contributions of an eligible teacher (term severance-403b-limit), contributions
   * above it are refused: that teacher is not eligible (001:872).
   */
  severance(contractArg: string | undefined, lane: string | number, step: string | number, yearArg: string | number, unusedDays: number, contributions = 0, defaultId?: string, trace?: Trace): Answer {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    const maxDays = declaredName(contract.file, 'severance', 'maxDaysTerm');
    const maxTerm = contract.terms.get(maxDays);
    if (!maxTerm) return new Failure('NA', `${contract.id} states no severance pay`);
    if (!(Number.isFinite(unusedDays) && unusedDays >= 0 && unusedDays <= 1000)) return new Failure('VALUE', `unused sick days must be from 0 to 1,000; got ${unusedDays}`, 'out-of-range');
    if (!(Number.isFinite(contributions) && contributions >= 0 && contributions <= 10_000_000)) return new Failure('VALUE', `403(b) contributions must be from 0 to 10,000,000; got ${contributions}`, 'out-of-range');
    const rule = roundingFor(contract.file, 'severance') ?? roundingFor(contract.file, 'proration');
    if (!rule) return new Failure('NA', `${contract.id} declares no "severance" or "proration" rounding rule (roundingFor), so a severance amount cannot be computed`);
    const max = this.term(contract.id, maxDays, undefined, yearArg, undefined, undefined, trace);
    if (max instanceof Failure) return max;
    const limitTerm = contract.terms.get(declaredName(contract.file, 'severance', 'contributionLimitTerm'));
    if (limitTerm) {
      const limit = this.term(contract.id, limitTerm.file.id, undefined, yearArg, undefined, undefined, trace);
      if (limit instanceof Failure) return limit;
      if (contributions > limit)
        return new Failure('NA', `No severance: the District 403(b) contributions given (${usd(contributions)}) exceed ${usd(limit)}, and a teacher whose total potential District 403(b) contributions have exceeded ${usd(limit)} is not eligible (${limitTerm.file.cite})`, 'not-eligible');
    }
    const daily = this.rate(contract.id, declaredName(contract.file, 'severance', 'dailyRate'), lane, step, yearArg, undefined, trace);
    if (daily instanceof Failure) return daily;
    const days = Math.min(unusedDays, max);
    const gross = new Money(daily).mul(days);
    const net = roundAmount(Money.max(gross.sub(contributions), 0), rule);
    trace?.push(`${days} day(s)${unusedDays > max ? ` (of ${unusedDays}, capped at ${max})` : ''} × ${usd(daily)} = ${usd(gross)}, less 403(b) contributions ${usd(contributions)} = ${usd(net.toNumber())}, ` +
      `rounded to ${rule.places} places ${rule.mode} (${rule.cite}). Eligibility: ${maxTerm.file.note ?? maxTerm.file.cite}`);
    return net.toNumber();
  }

  // ---------------------------------------------------------------- grids

  scheduleGrid(contractArg: string | undefined, yearArg: string | number, scheduleId?: string, defaultId?: string): ScheduleGrid | Failure {
    const contract = this.contract(contractArg, defaultId);
    if (contract instanceof Failure) return contract;
    const schedule = scheduleId ? contract.scheduleById.get(scheduleId) ?? contract.scheduleByName.get(normalizeLabel(scheduleId)) : contract.salarySchedule ?? contract.schedules[0];
    if (!schedule)
      return new Failure('VALUE', `Unknown schedule "${excerpt(scheduleId ?? '')}" in ${contract.id}; valid schedules: ${contract.schedules.map((s) => (s.file.title === s.id ? s.id : `${s.id} (${s.file.title})`)).join(', ')}`, 'unknown-schedule');
    const table = this.table(contract, schedule, yearArg);
    if (table instanceof Failure) return table;
    const n = schedule.laneLabels.length;
    const cell = (k: number): GridCell => {
      const st = table.status[k];
      return { value: hasValue(st) ? table.values[k] : null, status: st === VALUE ? 'value' : st === DERIVED ? 'derived' : st === CLOSED ? 'closed' : 'empty', cite: table.cites[k] };
    };
    const byLane = table.rows.length > 0 && table.rows[0].lanes.length > 0;
    const rows = byLane
      ? table.rows.map((r) => ({ label: r.lanes.map((l) => schedule.laneLabels[l]).join(' & '), cite: r.cite, cells: schedule.stepLabels.map((_, s) => cell(s * n + r.lanes[0])) }))
      : table.rows.map((r) => ({ label: r.steps.map((s) => schedule.stepLabels[s]).join(' & '), cite: r.cite, cells: schedule.laneLabels.map((_, l) => cell(r.steps[0] * n + l)) }));
    // derived career rows the table does not print (e.g. an hourly career increment) join the grid
    if (!byLane)
      schedule.stepLabels.forEach((label, s) => {
        if (table.rowOfStep[s] >= 0) return;
        const cells = schedule.laneLabels.map((_, l) => cell(s * n + l));
        if (cells.some((c) => c.status === 'derived')) rows.push({ label, cite: cells.find((c) => c.status === 'derived')!.cite, cells });
      });
    return {
      contractId: contract.id, scheduleId: schedule.id, year: table.year, title: table.title, cite: table.cite,
      columnsAre: byLane ? this.axisName(schedule, 'step') : this.axisName(schedule, 'lane'),
      rowsAre: byLane ? this.axisName(schedule, 'lane') : this.axisName(schedule, 'step'),
      rowAxis: byLane ? 'lane' : 'step',
      places: contract.file.rounding[schedule.file.rounding]?.places ?? 2,
      lanes: byLane ? schedule.stepLabels : schedule.laneLabels,
      rows,
    };
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function usdOrUnit(v: number, unit: string): string {
  if (unit.startsWith('USD')) return `${usd(v)}${unit.length > 3 ? unit.slice(3) : ''}`;
  if (unit === 'percent') return `${v}%`;
  if (unit === 'multiplier') return `× ${v}`;
  return `${v} ${unit}`;
}
