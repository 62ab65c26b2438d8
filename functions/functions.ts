/**
 * Excel custom functions, namespace CONTRACT (manifest.xml). Each function takes whole ranges in any
 * argument and spills a result of the same shape; errors land only in the elements that fail.
 * The JSDoc below is what Excel shows in autocomplete (custom-functions-metadata reads it).
 * Nothing here touches the DOM or Office at load time: only CustomFunctions.associate runs.
 */
import { contractProfile, defaultEngine, employerRatesWith, Failure, PROFILE_METRICS, weeklyGross } from '../src';
import { auditSalary, costWithProposal, summaryRows } from '../src/settlement';
import { ratesFromTable, rosterFromTable, yearsFrom } from '../src/tables';
import { readCount, readFte, readMoney, readNumber } from '../src/reading';
import type { WeekHours } from '../src';
import { broadcast, cell, column, optionalNumber, requiredText, single, text, toExcelError } from './adapter';
import { defaultContract, setDefaultContract } from './defaults';

const engine = defaultEngine();

// The task pane (same runtime) sets the workbook's default contract through this global.
(globalThis as Record<string, unknown>).ContractAddin = { setDefaultContract };

/** The key of one row of arguments: type and length-prefixed text of each, so that no two different rows share one. */
function rowKey(xs: unknown[]): string {
  let key = '';
  for (const v of xs) {
    const t = String(v);
    key += `${typeof v === 'number' ? 'n' : typeof v === 'string' ? 's' : typeof v}${t.length}:${t}`;
  }
  return key;
}

/**
 * An element function that, within one call, answers each distinct row of arguments once: a 50,000-row range holds
 * far fewer distinct rows (a payroll repeats its placements), and an answer (a number, a text or a Failure) never
 * changes during a call. Never shared between calls, so nothing goes stale when a contract or the default changes.
 */
function perCall(fn: (xs: unknown[]) => unknown): (xs: unknown[]) => unknown {
  const answers = new Map<string, unknown>();
  return (xs) => {
    const key = rowKey(xs);
    const hit = answers.get(key);
    if (hit !== undefined || answers.has(key)) return hit;
    const v = fn(xs);
    if (answers.size < 100_000) answers.set(key, v);
    return v;
  };
}

/**
 * Distinct rows one call computes, for the functions whose rows cost tens of microseconds each (a week's pay with
 * its premiums, severance with its deductions, an audited payment): more than a year of a unit's payroll, few
 * enough to answer within a second (BENCHMARKS.md, range functions). Repeated rows are computed once and not counted.
 */
export const MAX_DISTINCT_ROWS = { GROSS: 5_000, SEVERANCE: 10_000, AUDIT: 10_000 } as const;

/**
 * broadcast() answering each distinct row once (perCall). With maxDistinct, the rows are counted first (keys only,
 * about a microsecond a row) and a call with more distinct rows is refused before any is computed.
 */
function spill(name: string, args: (unknown[][] | null | undefined)[], fn: (xs: unknown[]) => unknown, maxDistinct?: number): unknown[][] {
  if (maxDistinct !== undefined) {
    const distinct = new Set<string>();
    broadcast(args, (xs) => void distinct.add(rowKey(xs)));
    if (distinct.size > maxDistinct)
      return single(new Failure('VALUE', `${name}: the ranges hold ${distinct.size.toLocaleString('en-US')} different rows; one call computes at most ${maxDistinct.toLocaleString('en-US')}: split the ranges over several calls`));
  }
  return broadcast(args, perCall(fn));
}

/** Resolves the contract argument of one element (empty -> the workbook default). */
function contractOf(v: unknown) {
  const t = text(v, 'contract');
  if (t instanceof Failure) return t;
  return engine.contract(t, defaultContract());
}

/** One element of SALARY and its .SOURCE: the value, and with a trace its explanation. */
function salaryElement([l, s, y, c, f]: unknown[], trace?: string[]): unknown {
  const con = contractOf(c);
  if (con instanceof Failure) return con;
  const laneT = requiredText(l, 'lane', () => (con.salarySchedule ? `give a lane such as ${con.salarySchedule.laneLabels.slice(0, 3).join(', ')}` : `give a lane (${con.id} has no annual salary schedule)`));
  if (laneT instanceof Failure) return laneT;
  const stepT = requiredText(s, 'step', () => (con.salarySchedule ? `give a step such as ${con.salarySchedule.stepLabels.slice(0, 3).join(', ')}` : `give a step (${con.id} has no annual salary schedule)`));
  if (stepT instanceof Failure) return stepT;
  const yearT = requiredText(y, 'year', () => `give a school year such as ${con.years[con.years.length - 1]}`);
  if (yearT instanceof Failure) return yearT;
  const fteN = readFte(f, 'fte');
  if (fteN instanceof Failure) return fteN;
  return engine.salary(con.id, laneT, stepT, yearT, fteN, undefined, trace);
}

/**
 * Annual salary as printed in the contract's salary schedule for a lane, a step and a school year.
 * @customfunction SALARY
 * @helpurl https://localhost:3000/help.html#salary
 * @param {any[][]} lane Lane as printed, or an alias: "BA", "MA+15", "BA+10 SEM" (Waconia); "MA" or 8 (Anoka-Hennepin). A range spills.
 * @param {any[][]} step Step as printed: "B"…"R", "Career" (Waconia); 1…13, "14-CI", "CII", "CIII" (Anoka-Hennepin). A range spills.
 * @param {any[][]} year School year, e.g. "2025-26" (also "2025-2026", "FY2026").
 * @param {any[][]} [contract] Contract id, e.g. "waconia/teachers". Omit to use the workbook's default contract.
 * @param {any[][]} [fte] Fraction of full time, e.g. 0.6; the printed salary × FTE, rounded to the cent.
 * @returns {any[][]} The salary, or #VALUE!/#N/A with the reason and the citation.
 */
export function salary(lane: any[][], step: any[][], year: any[][], contract?: any[][], fte?: any[][]): any[][] {
  return broadcast([lane, step, year, contract, fte], salaryElement);
}

/**
 * The contract's salary schedule for a year as a grid: a header row of lanes, then one row per printed
 * row (merged rows such as "2 & 3" stay merged). Empty cells are blank and closed cells read NONE, as printed.
 * @customfunction SCHEDULE
 * @helpurl https://localhost:3000/help.html#schedule
 * @param {any[][]} year School year, e.g. "2025-26".
 * @param {any[][]} [contract] Contract id, e.g. "anoka-hennepin/teachers". Omit to use the workbook's default.
 * @returns {any[][]} The grid with headers.
 */
export function schedule(year: any[][], contract?: any[][]): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  if (con instanceof Failure) return single(con);
  const y = requiredText(cell(year, 'year'), 'year', `give a school year: ${con.years.join(', ')}`);
  if (y instanceof Failure) return single(y);
  const g = engine.scheduleGrid(con.id, y);
  if (g instanceof Failure) return single(g);
  return [
    ['Step', ...g.lanes],
    ...g.rows.map((r) => [r.label, ...r.cells.map((c) => (c.status === 'value' ? c.value : c.status === 'closed' ? 'NONE' : ''))]),
  ];
}

/**
 * The ids of the contracts in the add-in, one per row: use them for a data-validation list.
 * @customfunction CONTRACTS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @returns {any[][]} A column of contract ids; a contract that could not be loaded is #N/A with the reason, below them.
 */
export function contracts(): any[][] {
  // a contract left out at start-up stays visible, with its file: path: reason
  const left = engine.registry.failed().map((f) => toExcelError(new Failure('NA', `${f.id ?? f.file} could not be loaded: ${f.error.message.split('\n').join('; ')}`)));
  return column([...engine.listContracts().map((c) => c.id), ...left]);
}

/**
 * The school years a contract covers, one per row.
 * @customfunction YEARS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of years such as 2025-26.
 */
export function years(contract?: any[][]): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  return con instanceof Failure ? single(con) : column(con.years);
}

/**
 * The lanes of a contract's salary schedule, as printed, one per row.
 * @customfunction LANES
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of lane labels.
 */
export function lanes(contract?: any[][]): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  if (con instanceof Failure) return single(con);
  return con.salarySchedule ? column(con.salarySchedule.laneLabels) : single(new Failure('NA', `${con.id} has no salary schedule`));
}

/**
 * The steps of a contract's salary schedule, as printed, one per row (merged rows answer for each step).
 * @customfunction STEPS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of step labels.
 */
export function steps(contract?: any[][]): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  if (con instanceof Failure) return single(con);
  return con.salarySchedule ? column(con.salarySchedule.stepLabels) : single(new Failure('NA', `${con.id} has no salary schedule`));
}

/** Runs one element of a *.SOURCE function: the computation with its trace, as text. */
function explain(run: (trace: string[]) => unknown): unknown {
  const trace: string[] = [];
  const v = run(trace);
  return v instanceof Failure ? v : trace.join('; ');
}

/** The text arguments of one element, or the first Failure among them. */
function texts(pairs: [unknown, string, string | (() => string)][]): string[] | Failure {
  const out: string[] = [];
  for (const [v, name, hint] of pairs) {
    const t = requiredText(v, name, hint);
    if (t instanceof Failure) return t;
    out.push(t);
  }
  return out;
}

/** A required number of seasons, days, hours or units: 0 or more; text holding a plain number is accepted, anything else refused. */
function count(v: unknown, name: string): number | Failure {
  return readNumber(v, name, { required: true, min: 0, max: 1e9, valid: 'a number from 0 to 1,000,000,000' }) as number | Failure;
}

/**
 * How a salary was found: the document line, the table, the lane and step, and any FTE arithmetic.
 * @customfunction SALARY.SOURCE
 * @helpurl https://localhost:3000/help.html#salarysource
 * @param {any[][]} lane Lane as printed or an alias.
 * @param {any[][]} step Step as printed.
 * @param {any[][]} year School year, e.g. "2025-26".
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @param {any[][]} [fte] Fraction of full time, as for SALARY.
 * @returns {any[][]} The explanation as text, with citations such as 004_95c67c5f7895ec64.txt:4960.
 */
export function salarySource(lane: any[][], step: any[][], year: any[][], contract?: any[][], fte?: any[][]): any[][] {
  return spill('SALARY.SOURCE', [lane, step, year, contract, fte], (xs) => explain((trace) => salaryElement(xs, trace)));
}

/** One element of HOURLY and its .SOURCE: the value, and with a trace its explanation. */
function hourlyElement([p, s, y, c]: unknown[], trace?: string[]): unknown {
  const con = contractOf(c);
  if (con instanceof Failure) return con;
  const ts = texts([[p, 'position', 'give a position'], [s, 'step', 'give a step'], [y, 'year', `give a school year such as ${con.years[0]}`]]);
  return ts instanceof Failure ? ts : engine.hourly(con.id, ts[0], ts[1], ts[2], undefined, trace);
}

/**
 * Hourly rate from the contract's hourly schedule for a position (or grade), a step and a school year.
 * @customfunction HOURLY
 * @helpurl https://localhost:3000/help.html#hourly
 * @param {any[][]} position Position or grade as printed, e.g. "Custodial Cleaner" or "Grade 6" (waconia/custodial); "Teacher" (ECFE). A range spills.
 * @param {any[][]} step Step as printed, e.g. 1…12. A range spills.
 * @param {any[][]} year School year, e.g. "2025-26".
 * @param {any[][]} [contract] Contract id, e.g. "waconia/custodial". Omit to use the workbook's default.
 * @returns {any[][]} The hourly rate, or #VALUE!/#N/A with the reason.
 */
export function hourly(position: any[][], step: any[][], year: any[][], contract?: any[][]): any[][] {
  return broadcast([position, step, year, contract], hourlyElement);
}

/**
 * How an hourly rate was found, with the document line.
 * @customfunction HOURLY.SOURCE
 * @helpurl https://localhost:3000/help.html#hourly
 * @param {any[][]} position Position or grade as printed.
 * @param {any[][]} step Step as printed.
 * @param {any[][]} year School year, e.g. "2025-26".
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} The explanation as text.
 */
export function hourlySource(position: any[][], step: any[][], year: any[][], contract?: any[][]): any[][] {
  return spill('HOURLY.SOURCE', [position, step, year, contract], (xs) => explain((trace) => hourlyElement(xs, trace)));
}

/** The bonus ids of one element: "state-tournament" or several separated by commas. */
function bonusList(v: unknown): string[] | Failure {
  const t = text(v, 'bonus');
  if (t instanceof Failure) return t;
  return t === undefined ? [] : t.split(',').map((x) => x.trim()).filter(Boolean);
}

/** One element of STIPEND and its .SOURCE: the value, and with a trace its explanation. */
function stipendElement([a, r, n, y, c, b, sn, f]: unknown[], trace?: string[]): unknown {
  const con = contractOf(c);
  if (con instanceof Failure) return con;
  const ts = texts([[a, 'activity', 'give an activity (CONTRACT.ACTIVITIES lists them)'], [r, 'role', 'give a role (CONTRACT.ROLES lists them)'], [y, 'year', `give a school year: ${con.years.join(', ')}`]]);
  if (ts instanceof Failure) return ts;
  const seasons = count(n, 'years in the activity');
  if (seasons instanceof Failure) return seasons;
  const bonuses = bonusList(b);
  if (bonuses instanceof Failure) return bonuses;
  const season = optionalNumber(sn, 'season');
  if (season instanceof Failure) return season;
  const fte = optionalNumber(f, 'fte');
  if (fte instanceof Failure) return fte;
  return engine.stipend(con.id, ts[0], ts[1], seasons, ts[2], { bonuses, season, fte }, undefined, trace);
}

/**
 * An extra-curricular (extra-duty) stipend: the amount for a role in an activity, by seasons in that activity.
 * Bonuses the contract grants automatically (e.g. from the fifth consecutive season) are included.
 * @customfunction STIPEND
 * @helpurl https://localhost:3000/help.html#stipend
 * @param {any[][]} activity Activity as printed, e.g. "Football", "Speech", "Robotics Club".
 * @param {any[][]} role Role as printed, e.g. "Head", "Assistant", "9th Grade", "Head Coach".
 * @param {any[][]} years Seasons in that activity, the current one included (1 = first season).
 * @param {any[][]} [year] School year, e.g. "2025-26".
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @param {any[][]} [bonus] Optional bonus ids to add when earned, e.g. "state-tournament" (never assumed).
 * @param {any[][]} [season] Share of the full season served, e.g. 0.75 (late start, early end), where the contract prorates it.
 * @param {any[][]} [fte] The teacher's fraction of full time, where the contract prorates the stipend for part-time teachers.
 * @returns {any[][]} The stipend, or #N/A saying why there is no single amount (ranges, per-event pay).
 */
export function stipend(activity: any[][], role: any[][], years: any[][], year?: any[][], contract?: any[][], bonus?: any[][], season?: any[][], fte?: any[][]): any[][] {
  return spill('STIPEND', [activity, role, years, year, contract, bonus, season, fte], stipendElement);
}

/**
 * How a stipend was computed: experience step, base cell, percent, rounding, add-ons and bonuses, with citations.
 * @customfunction STIPEND.SOURCE
 * @helpurl https://localhost:3000/help.html#stipend
 * @param {any[][]} activity Activity as printed.
 * @param {any[][]} role Role as printed.
 * @param {any[][]} years Seasons in that activity, the current one included.
 * @param {any[][]} [year] School year, e.g. "2025-26".
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @param {any[][]} [bonus] Optional bonus ids, as for STIPEND.
 * @param {any[][]} [season] Share of the full season served, as for STIPEND.
 * @param {any[][]} [fte] The teacher's fraction of full time, as for STIPEND.
 * @returns {any[][]} The explanation as text.
 */
export function stipendSource(activity: any[][], role: any[][], years: any[][], year?: any[][], contract?: any[][], bonus?: any[][], season?: any[][], fte?: any[][]): any[][] {
  return spill('STIPEND.SOURCE', [activity, role, years, year, contract, bonus, season, fte], (xs) => explain((trace) => stipendElement(xs, trace)));
}

/**
 * The range a stipend may be set within, where the contract gives no single amount (e.g. theatre, speech).
 * With end "min" or "max" it returns that end (and broadcasts over ranges); without, it spills both ends.
 * @customfunction STIPEND.RANGE
 * @helpurl https://localhost:3000/help.html#stipend
 * @param {any[][]} activity Activity as printed.
 * @param {any[][]} role Role as printed.
 * @param {any[][]} year School year.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @param {any[][]} [end] "min" or "max".
 * @returns {any[][]} Minimum and maximum, side by side; or the one end asked for.
 */
export function stipendRange(activity: any[][], role: any[][], year: any[][], contract?: any[][], end?: any[][]): any[][] {
  const one = (a: unknown, r: unknown, y: unknown, c: unknown): [number, number] | Failure => {
    const con = contractOf(c);
    if (con instanceof Failure) return con;
    const ts = texts([[a, 'activity', 'give an activity'], [r, 'role', 'give a role'], [y, 'year', 'give a school year']]);
    return ts instanceof Failure ? ts : engine.stipendRange(con.id, ts[0], ts[1], ts[2]);
  };
  if (end && end.length) {
    return broadcast([activity, role, year, contract, end], ([a, r, y, c, e]) => {
      const which = typeof e === 'string' ? e.trim().toLowerCase() : e;
      if (which !== 'min' && which !== 'max') return new Failure('VALUE', `end must be "min" or "max" (got ${JSON.stringify(e)})`);
      const range = one(a, r, y, c);
      return range instanceof Failure ? range : range[which === 'min' ? 0 : 1];
    });
  }
  const range = one(cell(activity, 'activity'), cell(role, 'role'), cell(year, 'year'), cell(contract, 'contract'));
  return range instanceof Failure ? single(range) : [range];
}

/**
 * A stipend paid per unit (e.g. $350 per event up to $3,500) or prorated by a count (e.g. debate rounds below 200).
 * @customfunction STIPEND.UNITS
 * @helpurl https://localhost:3000/help.html#stipend
 * @param {any[][]} activity Activity as printed.
 * @param {any[][]} role Role as printed.
 * @param {any[][]} units How many: events, teams, rounds … as the contract counts them.
 * @param {any[][]} year School year.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} The amount.
 */
export function stipendUnits(activity: any[][], role: any[][], units: any[][], year: any[][], contract?: any[][]): any[][] {
  return broadcast([activity, role, units, year, contract], ([a, r, u, y, c]) => {
    const con = contractOf(c);
    if (con instanceof Failure) return con;
    const ts = texts([[a, 'activity', 'give an activity'], [r, 'role', 'give a role'], [y, 'year', 'give a school year']]);
    if (ts instanceof Failure) return ts;
    const n = count(u, 'units');
    return n instanceof Failure ? n : engine.stipendUnits(con.id, ts[0], ts[1], n, ts[2]);
  });
}

/** One element of TERM and its .SOURCE: the value, and with a trace its explanation. */
function termElement([t, y, k, c, n]: unknown[], trace?: string[]): unknown {
  const con = contractOf(c);
  if (con instanceof Failure) return con;
  const ts = texts([[t, 'term', 'give a term id (CONTRACT.TERMS lists them)'], [y, 'year', `give a school year: ${con.years.join(', ')}`]]);
  if (ts instanceof Failure) return ts;
  const keyT = text(k, 'key');
  if (keyT instanceof Failure) return keyT;
  const yos = readCount(n, 'years of service', 0, 70, 'years of service');
  return yos instanceof Failure ? yos : engine.term(con.id, ts[0], keyT, ts[1], yos, undefined, trace);
}

/**
 * A named amount of the contract for a year: premiums, differentials, insurance contributions, longevity and
 * 403(b) tiers, leadership levels … CONTRACT.TERMS lists them.
 * @customfunction TERM
 * @helpurl https://localhost:3000/help.html#term
 * @param {any[][]} term Term id, e.g. "second-shift-differential", "longevity".
 * @param {any[][]} year School year, e.g. "2025-26".
 * @param {any[][]} [key] For terms with choices: the tier, level or coverage, e.g. "family".
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @param {any[][]} [yearsOfService] For tiered terms (longevity, 403(b) match): the employee's years of service.
 * @returns {any[][]} The amount in the term's unit (see CONTRACT.TERMS).
 */
export function term(term: any[][], year: any[][], key?: any[][], contract?: any[][], yearsOfService?: any[][]): any[][] {
  return broadcast([term, year, key, contract, yearsOfService], termElement);
}

/**
 * Both ends of a term the contract gives only as a range (e.g. "$1,500-$1,900 per building"), side by side;
 * a single amount gives the same number twice.
 * @customfunction TERM.RANGE
 * @helpurl https://localhost:3000/help.html#term
 * @param {any[][]} term Term id.
 * @param {any[][]} year School year.
 * @param {any[][]} [key] Tier, level or coverage where the term has choices.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} Minimum and maximum.
 */
export function termRange(term: any[][], year: any[][], key?: any[][], contract?: any[][]): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  if (con instanceof Failure) return single(con);
  const ts = texts([[cell(term, 'term'), 'term', 'give a term id'], [cell(year, 'year'), 'year', 'give a school year']]);
  if (ts instanceof Failure) return single(ts);
  const keyT = text(cell(key, 'key'), 'key');
  if (keyT instanceof Failure) return single(keyT);
  const r = engine.termRange(con.id, ts[0], keyT, ts[1]);
  return r instanceof Failure ? single(r) : [r];
}

/**
 * How a term's amount was found, with the clause it comes from.
 * @customfunction TERM.SOURCE
 * @helpurl https://localhost:3000/help.html#term
 * @param {any[][]} term Term id.
 * @param {any[][]} year School year.
 * @param {any[][]} [key] Tier, level or coverage where the term has choices.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @param {any[][]} [yearsOfService] Years of service for tiered terms.
 * @returns {any[][]} The explanation as text.
 */
export function termSource(term: any[][], year: any[][], key?: any[][], contract?: any[][], yearsOfService?: any[][]): any[][] {
  return spill('TERM.SOURCE', [term, year, key, contract, yearsOfService], (xs) => explain((trace) => termElement(xs, trace)));
}

/** One element of RATE and its .SOURCE: the value, and with a trace its explanation. */
function rateElement([r, l, s, y, c]: unknown[], trace?: string[]): unknown {
  const con = contractOf(c);
  if (con instanceof Failure) return con;
  const ts = texts([[r, 'rate', `give a rate id: ${[...con.rates.keys()].join(', ')}`], [l, 'lane', 'give a lane'], [s, 'step', 'give a step'], [y, 'year', 'give a school year']]);
  return ts instanceof Failure ? ts : engine.rate(con.id, ts[0], ts[1], ts[2], ts[3], undefined, trace);
}

/**
 * A rate derived from the salary schedule, e.g. "daily" (salary / 187) or "hourly" (daily / 7.1667), with the
 * contract's maximum for the year where it states one.
 * @customfunction RATE
 * @helpurl https://localhost:3000/help.html#rate
 * @param {any[][]} rate Rate id, e.g. "daily", "hourly" (CONTRACT.TERMS lists the rates too).
 * @param {any[][]} lane Lane as printed.
 * @param {any[][]} step Step as printed.
 * @param {any[][]} year School year.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} The rate, rounded as the contract declares.
 */
export function rate(rate: any[][], lane: any[][], step: any[][], year: any[][], contract?: any[][]): any[][] {
  return spill('RATE', [rate, lane, step, year, contract], rateElement);
}

/**
 * How a derived rate was computed: the salary, the divisor, the rounding and any cap, with citations.
 * @customfunction RATE.SOURCE
 * @helpurl https://localhost:3000/help.html#rate
 * @param {any[][]} rate Rate id.
 * @param {any[][]} lane Lane as printed.
 * @param {any[][]} step Step as printed.
 * @param {any[][]} year School year.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} The explanation as text.
 */
export function rateSource(rate: any[][], lane: any[][], step: any[][], year: any[][], contract?: any[][]): any[][] {
  return spill('RATE.SOURCE', [rate, lane, step, year, contract], (xs) => explain((trace) => rateElement(xs, trace)));
}

/** A yes/no argument: TRUE/FALSE, 1/0, or text yes/no/true/false; empty is `fallback`. Anything else is refused. */
function flag(v: unknown, name: string, fallback: boolean): boolean | Failure {
  if (v === null || v === undefined || v === '') return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(t)) return true;
    if (['false', 'no', 'n', '0'].includes(t)) return false;
  }
  return new Failure('VALUE', `${name} must be TRUE or FALSE (or yes/no, 1/0); got ${typeof v === 'string' ? `"${v.slice(0, 40)}"` : String(v)}`);
}

/** One element of GROSS: the hours by kind, checked, or the first Failure. */
function weekHours(w: unknown, shift: unknown, weekend: unknown, holiday: unknown, leave: unknown, premiums: unknown, late: unknown, regular: unknown): WeekHours | Failure {
  const worked = count(w, 'hours worked');
  if (worked instanceof Failure) return worked;
  const out: WeekHours = { worked };
  for (const [v, key, name] of [[shift, 'secondShift', 'second-shift hours'], [weekend, 'weekend', 'weekend hours'], [holiday, 'holidayWorked', 'holiday hours worked'], [leave, 'paidLeave', 'paid leave hours'], [late, 'lateNight', 'late-night hours']] as const) {
    const n = optionalNumber(v, name);
    if (n instanceof Failure) return n;
    if (n !== undefined) out[key] = n;
  }
  const p = text(premiums, 'premiums');
  if (p instanceof Failure) return p;
  if (p) out.premiums = p.split(',').map((x) => x.trim()).filter(Boolean);
  const r = flag(regular, 'regularSecondShift', false);
  if (r instanceof Failure) return r;
  if (r) out.regularSecondShift = true;
  return out;
}

/** One element of GROSS and its .SOURCE: the value, and with a trace its explanation. */
function grossElement([p, s, y, w, sh, we, ho, le, pr, c, ln, rg]: unknown[], trace?: string[]): unknown {
  const con = contractOf(c);
  if (con instanceof Failure) return con;
  const ts = texts([[p, 'position', 'give a position (CONTRACT.POSITIONS lists them)'], [s, 'step', 'give a step'], [y, 'year', 'give a school year']]);
  if (ts instanceof Failure) return ts;
  const h = weekHours(w, sh, we, ho, le, pr, ln, rg);
  return h instanceof Failure ? h : weeklyGross(engine, con.id, ts[0], ts[1], ts[2], h, trace);
}

/**
 * Gross pay of an hourly employee for one calendar week, from hours by kind: straight time, second-shift
 * differential, late-night pay, weekend and holiday premiums, overtime past the contract's threshold at its basic rate.
 * @customfunction GROSS
 * @helpurl https://localhost:3000/help.html#gross
 * @param {any[][]} position Position or grade, e.g. "Custodial Cleaner".
 * @param {any[][]} step Step, e.g. 7.
 * @param {any[][]} year School year, e.g. "2025-26".
 * @param {any[][]} worked Hours worked in the week, not on a holiday (weekend hours included).
 * @param {any[][]} [secondShift] Of those, hours on a second shift.
 * @param {any[][]} [weekend] Of those, hours on a Saturday or Sunday.
 * @param {any[][]} [holidayWorked] Hours worked on a holiday.
 * @param {any[][]} [paidLeave] Paid hours not worked (holiday pay, vacation, sick leave).
 * @param {any[][]} [premiums] Premiums held, comma-separated: per-hour ones, e.g. "boiler-license:Chief", and monthly ones counted in overtime, e.g. "night-lead:High School".
 * @param {any[][]} [contract] Contract id, e.g. "waconia/custodial". Omit to use the workbook's default.
 * @param {any[][]} [lateNight] Of the hours worked, hours of shifts that ran past 11 PM for a special event (paid the late-night premium).
 * @param {any[][]} [regularSecondShift] TRUE for a Custodial Cleaner regularly assigned to a second shift: the differential on every daily hour, paid leave included.
 * @returns {any[][]} The week's gross pay, to the cent.
 */
export function gross(position: any[][], step: any[][], year: any[][], worked: any[][], secondShift?: any[][], weekend?: any[][], holidayWorked?: any[][], paidLeave?: any[][], premiums?: any[][], contract?: any[][], lateNight?: any[][], regularSecondShift?: any[][]): any[][] {
  return spill('GROSS', [position, step, year, worked, secondShift, weekend, holidayWorked, paidLeave, premiums, contract, lateNight, regularSecondShift], grossElement, MAX_DISTINCT_ROWS.GROSS);
}

/**
 * How a week's gross pay was computed, line by line, with the clauses.
 * @customfunction GROSS.SOURCE
 * @helpurl https://localhost:3000/help.html#gross
 * @param {any[][]} position Position or grade.
 * @param {any[][]} step Step as printed, e.g. 7.
 * @param {any[][]} year School year.
 * @param {any[][]} worked Hours worked in the week, not on a holiday.
 * @param {any[][]} [secondShift] Of those, hours on a second shift.
 * @param {any[][]} [weekend] Of those, hours on a Saturday or Sunday.
 * @param {any[][]} [holidayWorked] Hours worked on a holiday.
 * @param {any[][]} [paidLeave] Paid hours not worked.
 * @param {any[][]} [premiums] Premiums held, comma-separated.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @param {any[][]} [lateNight] Of the hours worked, hours of shifts that ran past 11 PM for a special event.
 * @param {any[][]} [regularSecondShift] TRUE when regularly assigned to a second shift.
 * @returns {any[][]} The explanation as text.
 */
export function grossSource(position: any[][], step: any[][], year: any[][], worked: any[][], secondShift?: any[][], weekend?: any[][], holidayWorked?: any[][], paidLeave?: any[][], premiums?: any[][], contract?: any[][], lateNight?: any[][], regularSecondShift?: any[][]): any[][] {
  return spill('GROSS.SOURCE', [position, step, year, worked, secondShift, weekend, holidayWorked, paidLeave, premiums, contract, lateNight, regularSecondShift], (xs) => explain((trace) => grossElement(xs, trace)), MAX_DISTINCT_ROWS.GROSS);
}

/**
 * Pay for part of a year: the salary prorated by days and hours with the contract's divisors
 * (Anoka-Hennepin: one day = 1/187 year, one hour = 1/7.1667 day; Waconia: one day = 1/184 year).
 * @customfunction PRORATE
 * @helpurl https://localhost:3000/help.html#prorate
 * @param {any[][]} lane Lane as printed.
 * @param {any[][]} step Step as printed.
 * @param {any[][]} year School year.
 * @param {any[][]} days Days of service.
 * @param {any[][]} [hours] Further hours of service.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} The prorated pay, to the cent.
 */
export function prorate(lane: any[][], step: any[][], year: any[][], days: any[][], hours?: any[][], contract?: any[][]): any[][] {
  return broadcast(
    [lane, step, year, days, hours, contract],
    perCall(([l, s, y, d, h, c]) => {
      const con = contractOf(c);
      if (con instanceof Failure) return con;
      const ts = texts([[l, 'lane', 'give a lane'], [s, 'step', 'give a step'], [y, 'year', 'give a school year']]);
      if (ts instanceof Failure) return ts;
      const dn = count(d, 'days');
      if (dn instanceof Failure) return dn;
      const hn = optionalNumber(h, 'hours');
      return hn instanceof Failure ? hn : engine.prorate(con.id, ts[0], ts[1], ts[2], dn, hn ?? 0);
    }),
  );
}

/** One element of SEVERANCE and its .SOURCE: the value, and with a trace its explanation. */
function severanceElement([l, s, y, d, k, c]: unknown[], trace?: string[]): unknown {
  const con = contractOf(c);
  if (con instanceof Failure) return con;
  const ts = texts([[l, 'lane', 'give a lane'], [s, 'step', 'give a step'], [y, 'year', 'give a school year']]);
  if (ts instanceof Failure) return ts;
  const dn = count(d, 'unused sick days');
  if (dn instanceof Failure) return dn;
  const kn = optionalNumber(k, 'contributions');
  return kn instanceof Failure ? kn : engine.severance(con.id, ts[0], ts[1], ts[2], dn, kn ?? 0, undefined, trace);
}

/**
 * Severance where the contract provides it: unused sick days up to its maximum × the daily rate, less the
 * District's 403(b) contributions (Anoka-Hennepin Art. XVIII). SEVERANCE.SOURCE shows the eligibility rules.
 * @customfunction SEVERANCE
 * @helpurl https://localhost:3000/help.html#severance
 * @param {any[][]} lane Lane as printed.
 * @param {any[][]} step Step as printed.
 * @param {any[][]} year School year of retirement.
 * @param {any[][]} unusedDays Unused sick days.
 * @param {any[][]} [contributions] District 403(b) contributions to deduct.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} The severance payment.
 */
export function severance(lane: any[][], step: any[][], year: any[][], unusedDays: any[][], contributions?: any[][], contract?: any[][]): any[][] {
  return spill('SEVERANCE', [lane, step, year, unusedDays, contributions, contract], severanceElement, MAX_DISTINCT_ROWS.SEVERANCE);
}

/**
 * How a severance payment was computed, with the eligibility conditions the contract states.
 * @customfunction SEVERANCE.SOURCE
 * @helpurl https://localhost:3000/help.html#severance
 * @param {any[][]} lane Lane as printed.
 * @param {any[][]} step Step as printed.
 * @param {any[][]} year School year of retirement.
 * @param {any[][]} unusedDays Unused sick days.
 * @param {any[][]} [contributions] District 403(b) contributions to deduct.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} The explanation as text.
 */
export function severanceSource(lane: any[][], step: any[][], year: any[][], unusedDays: any[][], contributions?: any[][], contract?: any[][]): any[][] {
  return spill('SEVERANCE.SOURCE', [lane, step, year, unusedDays, contributions, contract], (xs) => explain((trace) => severanceElement(xs, trace)), MAX_DISTINCT_ROWS.SEVERANCE);
}

/** The cells of a range, row by row. */
const cellsOf = (range: any[][] | undefined | null): unknown[] => (range ?? []).flat();

/** Roster, years and rates of a costing call, or the first Failure. */
/**
 * Employees PROJECT, COST and COMPARE cost in one call: enough for any district's bargaining unit (the largest
 * in Minnesota has about 3,000 teachers), small enough to answer within a second (BENCHMARKS.md, range functions).
 */
export const MAX_ROSTER_ROWS = 5000;
/** Contracts PROFILE compares side by side in one call. */
export const MAX_PROFILE_CONTRACTS = 50;

const filledRows = (table: unknown[][]) => table.filter((r) => Array.isArray(r) && r.some((v) => v !== '' && v !== null && v !== undefined)).length;

function costingArgs(roster: any[][], years: any[][], contract: any[][] | undefined, rates: any[][] | undefined) {
  const employees = filledRows(roster ?? []) - 1; // less the header row
  if (employees > MAX_ROSTER_ROWS)
    return new Failure('VALUE', `the roster has ${employees.toLocaleString('en-US')} employee rows; one call costs at most ${MAX_ROSTER_ROWS.toLocaleString('en-US')}: split the roster (by contract or building) and add the results`);
  const rows = rosterFromTable(roster ?? []);
  if (rows instanceof Failure) return rows;
  const ys = yearsFrom(cellsOf(years));
  if (ys instanceof Failure) return ys;
  const c = text(cell(contract, 'contract'), 'contract');
  if (c instanceof Failure) return c;
  const overrides = ratesFromTable(rates ?? []);
  if (overrides instanceof Failure) return overrides;
  return { rows, years: ys, contract: c ?? defaultContract(), rates: employerRatesWith(overrides) };
}

/**
 * Rolls a roster forward year by year by the contract's rules (or a proposal's) and spills one row per
 * employee and year: placement, pay and cost. One call per roster.
 * @customfunction PROJECT
 * @helpurl https://localhost:3000/help.html#project
 * @param {any[][]} roster The roster with its header row: id, lane (or position and hours), step, fte, and optionally contract, years, seniority, coverage, match, lane change year, new lane, activity, role, seasons.
 * @param {any[][]} years The school years, the roster's own first: "2024-25:2026-27" or a range of year cells.
 * @param {any[][]} [contract] Contract for rows without one. Omit to use the workbook's default.
 * @param {any[][]} [proposals] The proposals table (proposal, year, schedule %, career %, steps …).
 * @param {any[][]} [proposal] The proposal to apply, by name. Omit for the contract as agreed.
 * @param {any[][]} [rates] Employer rate overrides: rows of id and percent (e.g. tra-employer, 9.75%).
 * @returns {any[][]} A table with a header row.
 */
export function project(roster: any[][], years: any[][], contract?: any[][], proposals?: any[][], proposal?: any[][], rates?: any[][]): any[][] {
  const a = costingArgs(roster, years, contract, rates);
  if (a instanceof Failure) return single(a);
  const name = text(cell(proposal, 'proposal'), 'proposal');
  if (name instanceof Failure) return single(name);
  const r = costWithProposal(engine, a.rows, a.years, a.rates, proposals ?? undefined, name, a.contract);
  if (r instanceof Failure) return single(r);
  const out: unknown[][] = [['id', 'year', 'contract', 'lane / position', 'step', 'mid-year step', 'FTE', 'salary', 'career increment', 'off-schedule', 'stipends', 'employer benefits', 'total cost', 'notes']];
  // the roster columns the reading ignored are named once, in the first row's notes
  const ignored = a.rows.ignored?.length ? [`roster columns ignored: ${a.rows.ignored.join(', ')}`] : [];
  for (const e of r.employees)
    for (const y of e) {
      const p = y.placement;
      out.push([p.id, p.year, p.contract, p.lane ?? p.position ?? '', p.step, p.midYearStep ?? '', p.fte, y.salary, y.career, y.offSchedule, y.stipends,
        Math.round((y.fica + y.medicare + y.pension + y.insurance + y.match) * 100) / 100, y.total, [...(out.length === 1 ? ignored : []), ...p.notes, ...y.readings, ...y.problems].join('; ')]);
    }
  return out;
}

/**
 * The cost of a roster per year under the contract or a proposal, with the increase split into schedule
 * improvement, step and lane movement, off-schedule and stipends, and benefits, and the package %.
 * @customfunction COST
 * @helpurl https://localhost:3000/help.html#cost
 * @param {any[][]} roster The roster with its header row (see PROJECT).
 * @param {any[][]} years The school years, the roster's own first, e.g. "2024-25:2026-27".
 * @param {any[][]} [contract] Contract for rows without one. Omit to use the workbook's default.
 * @param {any[][]} [proposals] The proposals table.
 * @param {any[][]} [proposal] The proposal to apply, by name. Omit for the contract as agreed.
 * @param {any[][]} [rates] Employer rate overrides: rows of id and percent.
 * @returns {any[][]} Rows of figures, one column per year.
 */
export function cost(roster: any[][], years: any[][], contract?: any[][], proposals?: any[][], proposal?: any[][], rates?: any[][]): any[][] {
  const a = costingArgs(roster, years, contract, rates);
  if (a instanceof Failure) return single(a);
  const name = text(cell(proposal, 'proposal'), 'proposal');
  if (name instanceof Failure) return single(name);
  const r = costWithProposal(engine, a.rows, a.years, a.rates, proposals ?? undefined, name, a.contract);
  if (r instanceof Failure) return single(r);
  return summaryRows(r).map((row) => row.map((v) => (v === null ? '' : v)));
}

/**
 * Two proposals side by side for one roster: each year's total cost, increase and package % with its
 * parts, and the compounded % over the years.
 * @customfunction COMPARE
 * @helpurl https://localhost:3000/help.html#compare
 * @param {any[][]} roster The roster with its header row.
 * @param {any[][]} years The school years, the roster's own first.
 * @param {any[][]} proposals The proposals table.
 * @param {any[][]} first The first proposal's name (empty: the contract as agreed).
 * @param {any[][]} second The second proposal's name.
 * @param {any[][]} [contract] Contract for rows without one. Omit to use the workbook's default.
 * @param {any[][]} [rates] Employer rate overrides: rows of id and percent.
 * @returns {any[][]} Rows of figures; for each proposal one column per year.
 */
export function compare(roster: any[][], years: any[][], proposals: any[][], first: any[][], second: any[][], contract?: any[][], rates?: any[][]): any[][] {
  const a = costingArgs(roster, years, contract, rates);
  if (a instanceof Failure) return single(a);
  const names: (string | undefined)[] = [];
  for (const [n, which] of [[first, 'first'], [second, 'second']] as const) {
    const t = text(cell(n, which), which);
    if (t instanceof Failure) return single(t);
    names.push(t);
  }
  const tables: (string | number | null)[][][] = [];
  for (const n of names) {
    const r = costWithProposal(engine, a.rows, a.years, a.rates, proposals, n, a.contract);
    if (r instanceof Failure) return single(r);
    tables.push(summaryRows(r));
  }
  const label = (n: string | undefined) => n ?? 'as agreed';
  return tables[0].map((row, i) => {
    const cells = [row[0], ...row.slice(1), ...tables[1][i].slice(1)];
    if (i === 0) return ['', ...row.slice(1).map((y) => `${label(names[0])}: ${y}`), ...tables[1][0].slice(1).map((y) => `${label(names[1])}: ${y}`)];
    return cells.map((v) => (v === null ? '' : v));
  });
}

/**
 * A payroll line checked against the contract: the expected salary (printed × FTE), the difference
 * (paid − expected) and the reason, naming the cell the paid amount matches when it is not the expected one.
 * @customfunction AUDIT
 * @helpurl https://localhost:3000/help.html#audit
 * @param {any[][]} paid The amount paid for the year (a column for a whole payroll).
 * @param {any[][]} lane Lane as placed.
 * @param {any[][]} step Step as placed.
 * @param {any[][]} year School year.
 * @param {any[][]} [fte] FTE as placed.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} Three columns per line: expected, difference, reason.
 */
export function audit(paid: any[][], lane: any[][], step: any[][], year: any[][], fte?: any[][], contract?: any[][]): any[][] {
  // one payroll line per row: a block of several columns would be read by its first column only
  const args = { paid, lane, step, year, fte, contract };
  for (const [name, a] of Object.entries(args))
    if (a && a.some((row) => row.length > 1))
      return single(new Failure('VALUE', `AUDIT reads one payroll line per row: ${name} is a block ${a.length} rows × ${Math.max(...a.map((row) => row.length))} columns; give a single column (or a single cell)`));
  const lines = spill('AUDIT', [paid, lane, step, year, fte, contract], ([p, l, s, y, f, c]) => {
    const con = contractOf(c);
    if (con instanceof Failure) return con;
    const amount = readMoney(p, 'paid', { required: true });
    if (amount instanceof Failure) return amount;
    const ts = texts([[l, 'lane', 'give the lane'], [s, 'step', 'give the step'], [y, 'year', 'give the school year']]);
    if (ts instanceof Failure) return ts;
    const fteN = readFte(f, 'fte');
    if (fteN instanceof Failure) return fteN;
    return auditSalary(engine, con.id, amount!, ts[0], ts[1], ts[2], fteN) as unknown as number;
  }, MAX_DISTINCT_ROWS.AUDIT);
  // one line per row of the inputs: expected | difference | reason
  return lines.map((row) => {
    const v = row[0] as unknown;
    if (v && typeof v === 'object' && 'reason' in (v as object)) {
      const a = v as { expected: number | Failure; difference: number | null; reason: string };
      return a.expected instanceof Failure ? [toExcelError(a.expected), toExcelError(a.expected), a.reason] : [a.expected, a.difference, a.reason];
    }
    return [v, v, v];
  });
}

/**
 * The figures people compare districts by (as the NCTQ profile does): starting salaries BA and MA, after five
 * years, maxima, the highest salary and the years to reach it, average MA − BA, average step increase, lanes.
 * Several contracts spill side by side.
 * @customfunction PROFILE
 * @helpurl https://localhost:3000/help.html#profile
 * @param {any[][]} contracts Contract ids: one, or a row or column of several.
 * @param {any[][]} year School year, e.g. "2025-26" (a row of years, one per contract, also works).
 * @returns {any[][]} Metric labels down the first column, one column per contract.
 */
export function profile(contracts: any[][], year: any[][]): any[][] {
  const ids = cellsOf(contracts).filter((v) => v !== '' && v !== null && v !== undefined);
  const years = cellsOf(year).filter((v) => v !== '' && v !== null && v !== undefined);
  if (!ids.length) return single(new Failure('VALUE', `give one or more contract ids: ${engine.registry.ids().join(', ')}`));
  if (ids.length > MAX_PROFILE_CONTRACTS) return single(new Failure('VALUE', `${ids.length.toLocaleString('en-US')} contract ids given; PROFILE compares at most ${MAX_PROFILE_CONTRACTS} side by side`));
  if (years.length !== 1 && years.length !== ids.length) return single(new Failure('VALUE', 'give one year, or one year per contract'));
  const columns: unknown[][] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = text(ids[i], 'contract');
    const y = text(years[years.length === 1 ? 0 : i], 'year');
    if (id instanceof Failure || id === undefined) return single(id instanceof Failure ? id : new Failure('VALUE', 'contract is empty'));
    if (y instanceof Failure || y === undefined) return single(y instanceof Failure ? y : new Failure('VALUE', 'year is empty'));
    const p = contractProfile(engine, id, y);
    if (p instanceof Failure) return single(p);
    columns.push([`${p.contract} ${p.year}`, ...PROFILE_METRICS.map((m) => p.metrics.find((x) => x.id === m.id)?.value ?? '')]);
  }
  return [['', ...PROFILE_METRICS.map((m) => m.label)], ...columns][0].map((_, r) => [r === 0 ? '' : PROFILE_METRICS[r - 1].label, ...columns.map((col) => col[r])]);
}

/**
 * The activities of a contract's extra-curricular schedule, one per row.
 * @customfunction ACTIVITIES
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of activity names.
 */
export function activities(contract?: any[][]): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  if (con instanceof Failure) return single(con);
  const list = engine.activities(con.id);
  return list instanceof Failure ? single(list) : column(list);
}

/**
 * The roles of an activity (or of all activities), one per row.
 * @customfunction ROLES
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [activity] Activity as printed. Omit for every role in the schedule.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of role names.
 */
export function roles(activity?: any[][], contract?: any[][]): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  if (con instanceof Failure) return single(con);
  const a = text(cell(activity, 'activity'), 'activity');
  if (a instanceof Failure) return single(a);
  const list = engine.roles(con.id, a);
  return list instanceof Failure ? single(list) : column(list);
}

/**
 * The positions of a contract's hourly schedules, one per row.
 * @customfunction POSITIONS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of position names.
 */
export function positions(contract?: any[][]): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  if (con instanceof Failure) return single(con);
  const list = con.hourlySchedules.flatMap((s) => s.laneLabels);
  return list.length ? column(list) : single(new Failure('NA', `${con.id} has no hourly schedule`));
}

/**
 * The named terms and derived rates of a contract: id, title and unit, one per row.
 * @customfunction TERMS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} Three columns: id, title, unit (rates show "rate").
 */
export function terms(contract?: any[][]): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  if (con instanceof Failure) return single(con);
  const rows = [...con.terms.values()].map((t) => [t.file.id, t.file.title, t.file.unit]).concat([...con.rates.values()].map((r) => [r.id, r.title, 'rate']));
  return rows.length ? rows : single(new Failure('NA', `${con.id} states no named terms`));
}
