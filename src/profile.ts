/**
 * A contract profile: for one contract and school year, the figures people compare districts by, as the
 * NCTQ teacher-contract profile of Minneapolis does (seed 003_cbd4aba3d194b681.txt, "003" below).
 * Every figure is computed from the printed cells of the contract's annual salary schedule; nothing is
 * hard-coded. Pure TypeScript over the engine API; no Office import.
 *
 * How the schedule is read (the same for every metric):
 * - **Years of service.** The steps are taken in the order the contract lists them, one step a year
 *   ("assuming no step freezes", 003:173), the first year being year 1. A merged row answers for each step
 *   it names, so Anoka-Hennepin's "2 & 3" is two years at the same salary (year 2 and year 3). Career rows
 *   follow the last numbered step, one year each: Waconia's "Career" is the year after R, "after a year's
 *   credit on the last step" (004_95c67c5f7895ec64.txt:2271), so B…R are years 1-17 and Career is year 18;
 *   Anoka-Hennepin's 1…13 are years 1-13, then 14-CI year 14, CII year 15, CIII year 16.
 * - **Seniority-dated career rows.** Anoka-Hennepin's CII and CIII are open only to teachers whose seniority
 *   date is before 12-31-1987 / 12-31-1984 (001_568af6eb86bfbaf6.txt:1044-1052); a teacher hired in the
 *   contract years never reaches them. NCTQ's maximum is the highest salary printed on the schedule
 *   (003:269, "the maximum annual salary available to teachers"), so they ARE included in the maxima, the
 *   years to reach the maximum (counted as if the teacher qualified: CIII = year 16) and the averages;
 *   the `how` text names the eligibility line whenever a career row is used.
 * - **Cells used.** Only printed amounts (status VALUE). Empty cells (a lane that stops early: Waconia BA
 *   stops at H) and NONE cells (Anoka-Hennepin BA+60 at the early steps) have no salary: a lane starts at
 *   its first printed step and ends at its last; averages skip pairs with an unprinted cell. Amounts a rule
 *   derives but the schedule does not print are not used (the bundled K-12 schedules have none), except on
 *   a schedule the contract states as base × index (rules.indexRatio): there the rule is the schedule, and its
 *   cells are the salaries.
 * - **BA and MA lanes** are the lanes the contract's labels or aliases call "BA" and "MA": Waconia "BA" and
 *   "BA+60/MA" (alias MA; BA+60 teachers share it), Anoka-Hennepin "BA" (lane 3) and "MA" (lane 8).
 */
import { Engine, Failure } from './engine';
import { usd } from './format';
import { declaredName } from './declared';
import type { CompiledSchedule, CompiledTable, Contract } from './model';
import { DERIVED, VALUE } from './model';
import { normalizeLabel } from './normalize';
import { Money, roundAmount } from './rounding';

export interface ProfileMetric {
  id: string;
  label: string;
  value: number | null;
  unit: 'USD' | 'percent' | 'years' | 'count';
  how: string;
}
export interface Profile { contract: string; year: string; metrics: ProfileMetric[] }

/** The NCTQ profile of Minneapolis (003_cbd4aba3d194b681.txt), cited in `how` texts as "003:LINE". */
const NCTQ = '003';

/**
 * The rows of a profile, in order (for a spilled table). Definitions adopted, with the line of the NCTQ
 * profile that defines each:
 * - `start-ba` Starting salary, BA: "the annual salary for a fully certified, first year teacher with a
 *   bachelor's degree" (003:175): the first printed step of the BA lane.
 * - `start-ma` Starting salary, MA: "... first year teacher with a master's degree" (003:222): the first
 *   printed step of the MA lane.
 * - `ba-5-years` BA after 5 years of experience: "a teacher with a bachelor's degree and 5 years of
 *   experience" (003:190). A first-year teacher (003:175) has 0 years of experience, so 5 years of
 *   experience is year 6 of service: the 6th step of the lane counted from its first printed step (Waconia
 *   G; Anoka-Hennepin step 6). If the lane stops earlier, its last printed step.
 * - `ma-5-years` MA after 5 years of experience: the same for the MA lane (003:237).
 * - `ba-max` BA maximum: "a teacher with a bachelor's degree on the highest step of the salary schedule"
 *   (003:206): the highest printed cell of the BA lane, career rows included.
 * - `ma-max` MA maximum: the same for the MA lane (003:253).
 * - `max` Maximum salary: "the maximum annual salary available to teachers" (003:269): the highest printed
 *   cell of the whole schedule; `how` names its lane (NCTQ's "education requirements", 003:269).
 * - `years-to-max` Years to reach the maximum: "in what year of service will a teacher ... reach the
 *   maximum salary (assuming no step freezes)?" (003:173): the year of service at which a teacher who starts
 *   at the first printed step of the maximum's lane (year 1) reaches the maximum cell, one step a year.
 *   Ties go to the earliest year.
 * - `ma-premium` Average MA − BA: "the average difference between the master's and bachelor's salary"
 *   (003:156): the mean of MA − BA over every year of service at which both lanes print a salary (a merged
 *   row counts once per step it names), rounded to the cent, half-up.
 * - `step-increase` Average step increase: "the average percent increase in pay earned for each additional
 *   year of experience" (003:125): for every lane and every year of service whose next year is printed in
 *   the same lane, (next − this) / this × 100; the mean of all of them, pooled over the lanes, rounded to
 *   0.01 percentage point, half-up. The second year of a merged row is a 0% year; a career row is the year
 *   after the last step.
 * - `lanes` Number of lanes: "how many lanes (or columns) based on advanced degrees or credit attainment are
 *   on the teacher's salary schedule?" (003:171): the lanes that print at least one salary that year.
 */
export const PROFILE_METRICS: { id: string; label: string }[] = [
  { id: 'start-ba', label: 'Starting salary, BA' },
  { id: 'start-ma', label: 'Starting salary, MA' },
  { id: 'ba-5-years', label: 'BA after 5 years of experience' },
  { id: 'ma-5-years', label: 'MA after 5 years of experience' },
  { id: 'ba-max', label: 'BA maximum' },
  { id: 'ma-max', label: 'MA maximum' },
  { id: 'max', label: 'Maximum salary' },
  { id: 'years-to-max', label: 'Years to reach the maximum' },
  { id: 'ma-premium', label: 'Average MA − BA difference' },
  { id: 'step-increase', label: 'Average step increase' },
  { id: 'lanes', label: 'Number of lanes' },
];

const CENTS = { places: 2, mode: 'half-up' as const };
const short = (cite: string) => cite.replace(/^(\d{3})_[0-9a-f]+\.txt:/, '$1:');

/** The salary schedule of one year, with the lookups the metrics share. */
class Grid {
  readonly n: number;
  /** whether the contract states the schedule as base × index: its derived cells are then its salaries */
  private readonly indexed: boolean;
  constructor(readonly schedule: CompiledSchedule, readonly table: CompiledTable, contract?: Contract) {
    this.n = schedule.laneLabels.length;
    this.indexed = !!contract?.file.rules?.indexRatio?.some((r) => r.schedule === schedule.id);
  }
  printed(s: number, l: number): boolean {
    const st = this.table.status[s * this.n + l];
    return st === VALUE || (this.indexed && st === DERIVED);
  }
  value(s: number, l: number): number {
    return this.table.values[s * this.n + l];
  }
  /** Printed steps of a lane, in year-of-service order. */
  stepsOf(l: number): number[] {
    return this.schedule.stepLabels.map((_, s) => s).filter((s) => this.printed(s, l));
  }
  isCareer(s: number): boolean {
    return this.schedule.file.steps[s].kind === 'career';
  }
  /** "step 6 (row "6 & 7")" */
  stepName(s: number): string {
    const r = this.table.rowOfStep[s];
    const row = r >= 0 ? this.table.rows[r] : undefined;
    const label = this.schedule.stepLabels[s];
    const merged = row && row.steps.length > 1 ? ` (row "${row.printed}")` : '';
    return `${this.isCareer(s) ? 'career row' : 'step'} ${label}${merged}`;
  }
  /** "BA step B $46,146 (004:4960)" */
  cell(s: number, l: number): string {
    return `${this.schedule.laneLabels[l]} ${this.stepName(s)} ${usd(this.value(s, l))} (${short(this.table.cites[s * this.n + l])})`;
  }
  /** The eligibility line of a career row, when the cell is on one. */
  eligibility(s: number): string {
    const e = this.schedule.file.steps[s].eligibility;
    return this.isCareer(s) && e ? `; ${this.schedule.stepLabels[s]} eligibility: ${short(e.cite)}` : '';
  }
  /** The highest printed cell of the given lanes; ties go to the earliest step, then the first lane. */
  highest(lanes: number[]): { s: number; l: number } | undefined {
    let best: { s: number; l: number } | undefined;
    for (const l of lanes)
      for (const s of this.stepsOf(l)) {
        if (!best) best = { s, l };
        else {
          const v = this.value(s, l);
          const b = this.value(best.s, best.l);
          if (v > b || (v === b && s < best.s)) best = { s, l };
        }
      }
    return best;
  }
}

function metric(id: string, value: number | null, unit: ProfileMetric['unit'], how: string): ProfileMetric {
  const m = PROFILE_METRICS.find((x) => x.id === id)!;
  return { id, label: m.label, value, unit, how };
}

/** The lane a contract calls `name` (by label or alias), or -1. */
function laneNamed(schedule: CompiledSchedule, name: string): number {
  return schedule.laneIndex.get(normalizeLabel(name)) ?? -1;
}

/**
 * The profile of `contractId` for `year`. Failures: VALUE for an unknown contract or a malformed year; NA for
 * a contract with no annual salary schedule (its pay is hourly) or a year the contract does not cover.
 */
export function contractProfile(engine: Engine, contractId: string, year: string): Profile | Failure {
  const contract = engine.contract(contractId);
  if (contract instanceof Failure) return contract;
  const schedule = contract.salarySchedule;
  if (!schedule) return noSalarySchedule(contract);
  const grid = engine.scheduleGrid(contract.id, year);
  if (grid instanceof Failure) return grid;
  const table = schedule.tables.get(grid.year);
  if (!table) return new Failure('NA', `${contract.id} prints no ${schedule.file.title} for ${grid.year}`);
  const g = new Grid(schedule, table, contract);
  // the lanes the contract declares as its BA and MA lanes (profile.baLane, profile.maLane; by default BA and MA)
  const baLane = declaredName(contract.file, 'profile', 'baLane');
  const maLane = declaredName(contract.file, 'profile', 'maLane');
  const ba = laneNamed(schedule, baLane);
  const ma = laneNamed(schedule, maLane);
  const src = `${schedule.file.title}, ${table.year} (${short(table.cite)})`;

  const metrics: ProfileMetric[] = [];
  const noLane = (name: string) =>
    `${contract.id} has no lane labelled or aliased "${name === 'BA' ? baLane : maLane}" (its ${name} lane, profile.${name === 'BA' ? 'baLane' : 'maLane'}) in its ${schedule.file.title}`;
  const laneName = (l: number, name: string) => (normalizeLabel(g.schedule.laneLabels[l]) === name ? name : `${g.schedule.laneLabels[l]} (the ${name} lane)`);

  // starting salaries (003:175, 003:222)
  for (const [id, l, name] of [['start-ba', ba, 'BA'], ['start-ma', ma, 'MA']] as const) {
    const steps = l >= 0 ? g.stepsOf(l) : [];
    if (!steps.length) metrics.push(metric(id, null, 'USD', l < 0 ? noLane(name) : `${name} lane prints no salary in ${table.year}`));
    else metrics.push(metric(id, g.value(steps[0], l), 'USD', `first printed step of ${laneName(l, name)}, year 1 of service: ${g.cell(steps[0], l)}`));
  }

  // after 5 years of experience = year 6 of service (003:190, 003:237)
  for (const [id, l, name] of [['ba-5-years', ba, 'BA'], ['ma-5-years', ma, 'MA']] as const) {
    const steps = l >= 0 ? g.stepsOf(l) : [];
    if (!steps.length) {
      metrics.push(metric(id, null, 'USD', l < 0 ? noLane(name) : `${name} lane prints no salary in ${table.year}`));
      continue;
    }
    const target = steps[0] + 5;
    const reached = g.printed(target, l) ? target : steps[steps.length - 1];
    const capped = reached !== target ? `; the lane stops before year 6, so its last step (year ${reached - steps[0] + 1})` : '';
    metrics.push(metric(id, g.value(reached, l), 'USD',
      `5 years of experience = year 6 of service (${NCTQ}:175, ${NCTQ}:190), counted from the first step ${g.schedule.stepLabels[steps[0]]} of ${laneName(l, name)}${capped}: ${g.cell(reached, l)}`));
  }

  // lane maxima (003:206, 003:253)
  for (const [id, l, name] of [['ba-max', ba, 'BA'], ['ma-max', ma, 'MA']] as const) {
    const top = l >= 0 ? g.highest([l]) : undefined;
    if (!top) metrics.push(metric(id, null, 'USD', l < 0 ? noLane(name) : `${name} lane prints no salary in ${table.year}`));
    else metrics.push(metric(id, g.value(top.s, top.l), 'USD', `highest printed cell of ${laneName(l, name)}: ${g.cell(top.s, top.l)}${g.eligibility(top.s)}`));
  }

  // overall maximum and the years to reach it (003:269, 003:173)
  const allLanes = g.schedule.laneLabels.map((_, l) => l);
  const top = g.highest(allLanes);
  if (!top) {
    metrics.push(metric('max', null, 'USD', `${src} prints no salary`));
    metrics.push(metric('years-to-max', null, 'years', `${src} prints no salary`));
  } else {
    metrics.push(metric('max', g.value(top.s, top.l), 'USD', `highest printed cell of the schedule: ${g.cell(top.s, top.l)}; education: ${g.schedule.laneLabels[top.l]}${g.eligibility(top.s)}`));
    const first = g.stepsOf(top.l)[0];
    const years = top.s - first + 1;
    const careers = g.schedule.stepLabels.map((_, s) => s).filter((s) => s > first && s <= top.s && g.isCareer(s));
    const careerText = careers.length
      ? `; career rows follow the last step, one year each: ${careers.map((s) => `${g.schedule.stepLabels[s]} year ${s - first + 1}${g.schedule.file.steps[s].eligibility ? ` (${short(g.schedule.file.steps[s].eligibility!.cite)})` : ''}`).join(', ')}`
      : '';
    const merged = table.rows.filter((r) => r.steps.length > 1 && r.steps[0] >= first && r.steps[0] <= top.s).map((r) => `"${r.printed}"`);
    const mergedText = merged.length ? `; merged rows count one year per step (${merged.join(', ')})` : '';
    metrics.push(metric('years-to-max', years, 'years',
      `${g.schedule.laneLabels[top.l]} from its first step ${g.schedule.stepLabels[first]} (year 1) to ${g.schedule.stepLabels[top.s]}, one step a year with no freezes (${NCTQ}:173): year ${years}${mergedText}${careerText}`));
  }

  // average MA − BA over the years both lanes print (003:156)
  if (ba < 0 || ma < 0) metrics.push(metric('ma-premium', null, 'USD', noLane(ba < 0 ? 'BA' : 'MA')));
  else {
    const both = g.stepsOf(ba).filter((s) => g.printed(s, ma));
    if (!both.length) metrics.push(metric('ma-premium', null, 'USD', `BA and ${g.schedule.laneLabels[ma]} print no salary at the same step in ${table.year}`));
    else {
      const sum = both.reduce((acc, s) => acc.add(new Money(g.value(s, ma)).sub(g.value(s, ba))), new Money(0));
      const avg = roundAmount(sum.div(both.length), CENTS).toNumber();
      const span = `${g.schedule.stepLabels[both[0]]}…${g.schedule.stepLabels[both[both.length - 1]]}`;
      const mergedNote = table.rows.some((r) => r.steps.length > 1) ? ', a merged row once per step it names' : '';
      metrics.push(metric('ma-premium', avg, 'USD',
        `mean of ${g.schedule.laneLabels[ma]} − BA over the ${both.length} years of service both lanes print (${span}${mergedNote}): ${usd(sum.toNumber())} / ${both.length} = ${usd(avg)} (${src})`));
    }
  }

  // average percent increase for each additional year of experience (003:125)
  {
    let sum = new Money(0);
    let count = 0;
    let lanesUsed = 0;
    for (const l of allLanes) {
      let used = false;
      for (let s = 0; s + 1 < g.schedule.stepLabels.length; s++) {
        if (!g.printed(s, l) || !g.printed(s + 1, l)) continue;
        const here = new Money(g.value(s, l));
        sum = sum.add(new Money(g.value(s + 1, l)).sub(here).div(here).mul(100));
        count++;
        used = true;
      }
      if (used) lanesUsed++;
    }
    if (!count) metrics.push(metric('step-increase', null, 'percent', `${src} prints no lane with two consecutive salaries`));
    else {
      const avg = roundAmount(sum.div(count), CENTS).toNumber();
      metrics.push(metric('step-increase', avg, 'percent',
        `mean of the ${count} year-to-year increases (next year's cell / this year's − 1, in percent) in ${lanesUsed} lanes, career rows included${table.rows.some((r) => r.steps.length > 1) ? ', 0% for the second year of a merged row' : ''}: ${roundAmount(sum, { places: 4, mode: 'half-up' }).toString()}% / ${count} = ${avg}% (${src})`));
    }
  }

  // lanes (003:171)
  {
    const printedLanes = allLanes.filter((l) => g.stepsOf(l).length > 0).map((l) => g.schedule.laneLabels[l]);
    metrics.push(metric('lanes', printedLanes.length, 'count', `lanes printing a salary in ${table.year}: ${printedLanes.join(', ')} (${src})`));
  }

  const order = new Map(PROFILE_METRICS.map((m, i) => [m.id, i]));
  metrics.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { contract: contract.id, year: table.year, metrics };
}

function noSalarySchedule(contract: Contract): Failure {
  const hourly = contract.hourlySchedules.map((s) => `${s.file.title} (${short(s.file.cite)})`).join('; ');
  return new Failure('NA',
    `${contract.id} has no annual salary schedule, so it has no contract profile: the profile's figures (starting salary with a BA or MA, lanes, years to the maximum) are read from a teachers' step-and-lane salary schedule, and ${contract.id} pays by the hour${hourly ? ` (${hourly})` : ''}. Use CONTRACT.HOURLY for its rates.`);
}
