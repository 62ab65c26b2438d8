/**
 * Rosters and their roll-forward. A roster describes each employee's placement in a base year; the
 * projection moves them year by year by the contract's own rules:
 *   - step policy per year (rules.stepPolicy): steps at the start of the year (0 in a freeze year), extra
 *     mid-year steps (half the year on each step);
 *   - step credit for part-time staff (rules.stepCredit): a year counts 1, ½ or its FTE toward a step;
 *   - the next step is the next one the schedule prints for the lane that year; past the last printed
 *     step the employee holds (top of the lane). Career steps are steps: a year's credit on the last step
 *     moves a teacher to "Career" where the lane has one;
 *   - career promotions with seniority conditions (rules.careerPromotion): otherwise hold;
 *   - planned lane changes at the start of their year, keeping the step ("move directly across").
 * Stipend seasons and years of service grow by one a year.
 */
import type { CompiledSchedule, Contract } from './model';
import { DERIVED, VALUE } from './model';
import { normalizeLabel } from './normalize';
import { Failure } from './engine';
import type { Engine } from './engine';
import { creditFor } from './rules/step-credit';
import { promotionGate } from './rules/career-promotion';
import { stepPolicyIn } from './rules/step-policy';
import type { InsuranceCoverage } from './model';

/** How much of a year counts toward a step (moved to the step-credit rule module; kept here for its callers). */
export { creditFor };

export interface StipendAssignment { activity: string; role: string; seasons: number }

export interface RosterRow {
  id: string;
  /** contract id; rows of several contracts may share one roster */
  contract?: string;
  lane?: string;
  step?: string;
  /** hourly staff: position (an hourly schedule's lane) and hours a year */
  position?: string;
  hours?: number;
  fte: number;
  yearsOfService?: number;
  /** ISO date, for seniority-based rules */
  seniorityDate?: string;
  /** insurance coverage tier, e.g. Single, Family; empty = not enrolled */
  coverage?: string;
  /** key of the 403(b) match term (e.g. "Continuing contract"); empty = matched without a key, "none" = not matched */
  matchKey?: string;
  laneChanges?: { year: string; lane: string }[];
  stipends?: StipendAssignment[];
  /** the sheet row it was read from (the header is row 1), named in messages */
  row?: number;
}

/** Where an employee stands in one year. */
export interface Placement {
  id: string;
  contract: string;
  year: string;
  lane?: string;
  /** step at the start of the year */
  step: string;
  /** step from half way through the year, when a mid-year step is granted */
  midYearStep?: string;
  position?: string;
  hours?: number;
  fte: number;
  yearsOfService?: number;
  seniorityDate?: string;
  coverage?: string;
  matchKey?: string;
  stipends: StipendAssignment[];
  /** what happened this year, in words, with citations */
  notes: string[];
}

/** The next step after `step` that the schedule prints for the lane in `year`, or undefined at the top. */
export function nextStep(schedule: CompiledSchedule, year: string, lane: number, step: number): number | undefined {
  const t = schedule.tables.get(year);
  if (!t) return undefined;
  const n = schedule.laneLabels.length;
  for (let s = step + 1; s < schedule.stepLabels.length; s++) {
    const st = t.status[s * n + lane];
    if (st === VALUE || st === DERIVED) return s;
  }
  return undefined;
}

/**
 * What a roll-forward read besides the row's placement: set when it compared the seniority date with a
 * promotion gate. A roll-forward that did not is the same for every seniority date (costing shares it).
 */
export interface Consulted { seniority?: boolean }

/** Applies one step of movement; returns the new step index or the reason for holding. */
function advance(contract: Contract, schedule: CompiledSchedule, year: string, lane: number, step: number, seniority: string | undefined, notes: string[], consulted?: Consulted): number {
  const next = nextStep(schedule, year, lane, step);
  if (next === undefined) {
    notes.push(`holds at the top of lane ${schedule.laneLabels[lane]} (step ${schedule.stepLabels[step]})`);
    return step;
  }
  const from = schedule.stepLabels[step];
  const to = schedule.stepLabels[next];
  const promotion = promotionGate(contract, schedule.id, year, from, to);
  if (promotion) {
    if (consulted) consulted.seniority = true;
    const laneOk = !promotion.lanes || promotion.lanes.includes(schedule.laneLabels[lane]);
    const dateOk = seniority !== undefined && seniority < promotion.seniorityBefore;
    const kept = promotion.keptFrom ? `; the ${promotion.keptFrom} gate, kept: the agreement states none for ${year}` : '';
    if (!laneOk || !dateOk) {
      notes.push(`holds at ${from}: ${to} requires a seniority date before ${promotion.seniorityBefore}${promotion.lanes ? ` and lane ${promotion.lanes.join('/')}` : ''}${seniority ? ` (seniority ${seniority})` : ' (no seniority date given)'} (${promotion.cite}${kept})`);
      return step;
    }
    notes.push(`step ${from} → ${to}: seniority ${seniority} is before ${promotion.seniorityBefore}${promotion.lanes ? `, lane ${schedule.laneLabels[lane]}` : ''} (${promotion.cite}${kept})`);
    return next;
  }
  notes.push(`step ${from} → ${to}`);
  return next;
}

/**
 * The placements of one roster row in each of `years` (consecutive school years; the first is the
 * roster's own year, where the row's placement is taken as given). `consulted` is told what the
 * roll-forward read besides the placement (the seniority date at a promotion gate).
 */
export function projectRow(engine: Engine, row: RosterRow, years: string[], defaultContract?: string, consulted?: Consulted): Placement[] | Failure {
  const who = rosterRowName(row);
  const contract = engine.contract(row.contract, defaultContract);
  if (contract instanceof Failure) return contract.at(who);
  if (!(row.fte > 0 && row.fte <= 1.5)) return new Failure('VALUE', `${who}: FTE ${row.fte} is out of range (greater than 0, at most 1.5)`);
  const hourly = row.position !== undefined && row.position !== '';
  const schedule = hourly
    ? contract.hourlySchedules.find((s) => s.laneIndex.has(normalizeLabel(row.position!)))
    : contract.salarySchedule;
  if (!schedule)
    return new Failure('VALUE', hourly ? `${who}: unknown position "${row.position}" in ${contract.id}; valid: ${contract.hourlySchedules.flatMap((s) => s.laneLabels).join(', ')}` : `${who}: ${contract.id} has no salary schedule; give a position and hours`);
  const laneArg = hourly ? row.position! : row.lane;
  if (laneArg === undefined || row.step === undefined) return new Failure('VALUE', `${who}: give ${hourly ? 'a position' : 'a lane'} and a step`);
  let lane = schedule.laneIndex.get(normalizeLabel(laneArg)) ?? -1;
  let step = schedule.stepIndex.get(normalizeLabel(row.step)) ?? -1;
  if (lane < 0) return new Failure('VALUE', `${who}: unknown ${hourly ? 'position' : 'lane'} "${laneArg}"; valid: ${schedule.laneLabels.join(', ')}`);
  if (step < 0) return new Failure('VALUE', `${who}: unknown step "${row.step}"; valid: ${schedule.stepLabels.join(', ')}`);
  if (hourly && !(row.hours !== undefined && row.hours >= 0 && row.hours <= 4000)) return new Failure('VALUE', `${who}: hourly staff need hours a year (0 to 4,000)`);
  for (const y of years) if (!contract.years.includes(y)) return new Failure('NA', `${who}: ${contract.id} does not cover ${y} (it covers ${contract.years.join(', ')}); a proposal can extend it`);
  // the placement must be a cell the schedule prints in the roster's year: a closed or empty cell has no pay
  // and no next step to roll on to
  const placed = hourly ? engine.hourly(contract.id, schedule.laneLabels[lane], schedule.stepLabels[step], years[0]) : engine.salary(contract.id, schedule.laneLabels[lane], schedule.stepLabels[step], years[0]);
  if (placed instanceof Failure) return new Failure(placed.code, `${who}: the placement is not one the contract pays in ${years[0]}: ${placed.message}`, placed.reason);
  for (const c of row.laneChanges ?? []) {
    if (c.year === years[0])
      return new Failure('VALUE', `${who}: lane change in ${c.year}, the roster's own year, whose placement is taken as given; put the new lane in the lane column, or date the change ${years[1] ?? 'a later year'}`);
    if (!years.includes(c.year)) return new Failure('VALUE', `${who}: lane change in ${c.year}, which is not among the projected years (${years.join(', ')})`);
    if (!schedule.laneIndex.has(normalizeLabel(c.lane))) return new Failure('VALUE', `${who}: new lane "${c.lane}" is not a lane of ${contract.id}; valid: ${schedule.laneLabels.join(', ')}`);
  }
  const unknown = rowKeyProblem(engine, contract, row, years[0]);
  if (unknown) return unknown;

  const out: Placement[] = [];
  let credit = 0;
  let yos = row.yearsOfService;
  let stipends = (row.stipends ?? []).map((s) => ({ ...s }));
  let failed: Failure | undefined;
  years.forEach((year, i) => {
    if (failed) return;
    const notes: string[] = [];
    let midYearStep: number | undefined;
    if (i > 0) {
      yos = yos === undefined ? undefined : yos + 1;
      stipends = stipends.map((s) => ({ ...s, seasons: s.seasons + 1 }));
      const change = (row.laneChanges ?? []).find((c) => c.year === year);
      if (change) {
        const to = schedule.laneIndex.get(normalizeLabel(change.lane))!;
        // moving across keeps the step: the new lane must pay it, or the next step would be a jump
        const t = schedule.tables.get(year);
        const st = t?.status[step * schedule.laneLabels.length + to];
        if (st !== VALUE && st !== DERIVED) {
          failed = new Failure('NA', `${who}: the lane change to ${schedule.laneLabels[to]} in ${year} lands on step ${schedule.stepLabels[step]}, which lane ${schedule.laneLabels[to]} does not pay in ${year}${t ? ` (${t.cite})` : ''}; date the change when the step is paid in that lane, or give the placement directly`);
          return;
        }
        notes.push(`lane ${schedule.laneLabels[lane]} → ${schedule.laneLabels[to]}`);
        lane = to;
      }
      const policy = stepPolicyIn(contract, year);
      const steps = policy?.steps ?? 1;
      if (steps === 0) notes.push(`no step in ${year}${policy ? ` (${policy.cite})` : ''}`);
      else {
        credit += creditFor(contract, year, row.fte);
        let held = false; // a step this year was held (its note says why; the mid-year step does not repeat it)
        for (let k = 0; k < steps && credit >= 1 - 1e-9; k++) {
          credit -= 1;
          const before = step;
          step = advance(contract, schedule, year, lane, step, row.seniorityDate, notes, consulted);
          if (step === before) held = true;
        }
        if (credit > 1e-9 && credit < 1 - 1e-9) notes.push(`step credit carried: ${Math.round(credit * 100) / 100} of a year`);
        if (policy?.midYearSteps && creditFor(contract, year, row.fte) >= 1) {
          const midNotes: string[] = [];
          const after = advance(contract, schedule, year, lane, step, row.seniorityDate, midNotes, consulted);
          if (after !== step) {
            midYearStep = after;
            notes.push(`${midNotes[0]} half way through the year (${policy.cite})`);
            step = after;
          } else if (!held) notes.push(...midNotes);
        }
      }
    }
    const startStep = midYearStep !== undefined ? stepBefore(schedule, year, lane, midYearStep) : step;
    out.push({
      id: row.id, contract: contract.id, year,
      ...(hourly ? { position: schedule.laneLabels[lane], hours: row.hours } : { lane: schedule.laneLabels[lane] }),
      step: schedule.stepLabels[startStep],
      ...(midYearStep !== undefined ? { midYearStep: schedule.stepLabels[midYearStep] } : {}),
      fte: row.fte, yearsOfService: yos, seniorityDate: row.seniorityDate, coverage: row.coverage, matchKey: row.matchKey,
      stipends: stipends.map((s) => ({ ...s })),
      notes,
    });
  });
  return failed ?? out;
}

/** The row's first key the contract does not know (coverage, 403(b) status, activity or role), as the Failure that refuses the row. */
export function rowKeyProblem(engine: Engine, contract: Contract, row: RosterRow, year: string): Failure | undefined {
  const unknown = unknownKey(engine, contract, row, year);
  return unknown ? new Failure('VALUE', `${rosterRowName(row)}, ${unknown}`) : undefined;
}

const rosterRowName = (row: RosterRow) => (row.row !== undefined ? `roster row ${row.row} (${row.id})` : row.id);

/** Per compiled contract, the answer to "does it know this key" for each key asked before (a roster repeats them). */
const knownKeys = new WeakMap<Contract, Map<string, string | undefined>>();

/**
 * The first key of the row the contract does not know (a misspelt coverage, 403(b) status, activity or role),
 * as "what: why", or undefined. Such keys are refused, not left for the costing to drop; a key the contract
 * knows but prices nowhere (#N/A) stays a costing note.
 */
function unknownKey(engine: Engine, contract: Contract, row: RosterRow, year: string): string | undefined {
  const payroll = contract.file.payroll;
  const asks: [string, string, () => unknown][] = [];
  const ins = payroll?.insurance;
  if (row.coverage && ins) {
    // a contract lists its coverages (Anoka-Hennepin), or keys one term by coverage (Waconia)
    asks.push(['coverage', row.coverage, ins.coverages
      ? () => listedCoverage(contract, row.coverage!)
      : () => engine.term(contract.id, ins.term!, row.coverage, year)]);
  }
  if (row.matchKey && row.matchKey !== 'none' && payroll?.match)
    asks.push(['match', `${row.matchKey}|${row.yearsOfService}`, () => engine.term(contract.id, payroll.match!.term, row.matchKey, year, row.yearsOfService)]);
  for (const s of row.stipends ?? []) asks.push([`stipend ${s.activity} / ${s.role}`, `${s.activity}|${s.role}|${s.seasons}`, () => engine.stipend(contract.id, s.activity, s.role, s.seasons, year)]);
  let memo = knownKeys.get(contract);
  if (!memo) knownKeys.set(contract, (memo = new Map()));
  for (const [what, key, ask] of asks) {
    const k = `${year}\u0001${what}\u0001${key}`;
    if (!memo.has(k)) {
      const v = ask();
      memo.set(k, v instanceof Failure && v.code === 'VALUE' ? v.message : undefined);
    }
    const why = memo.get(k);
    if (why !== undefined) return `${what}: ${why}`;
  }
  return undefined;
}

/**
 * A coverage of a contract that lists its coverages (Anoka-Hennepin), by its label or an alias, or a Failure
 * naming the valid ones. A roster row's coverage is checked with it; costing reads the coverage through it.
 */
export function listedCoverage(c: Contract, label: string): InsuranceCoverage | Failure {
  const listed = c.file.payroll!.insurance!.coverages!;
  const key = normalizeLabel(label);
  return listed.find((x) => [x.coverage, ...(x.aliases ?? [])].some((l) => normalizeLabel(l) === key)) ??
    new Failure('VALUE', `unknown coverage "${label}" for ${c.id}; valid: ${listed.map((x) => x.coverage).join(', ')}`);
}

/** The printed step before `step` in the lane (the step held in the first half of a mid-year-step year). */
function stepBefore(schedule: CompiledSchedule, year: string, lane: number, step: number): number {
  const t = schedule.tables.get(year)!;
  const n = schedule.laneLabels.length;
  for (let s = step - 1; s >= 0; s--) if (t.status[s * n + lane] === VALUE || t.status[s * n + lane] === DERIVED) return s;
  return step;
}
