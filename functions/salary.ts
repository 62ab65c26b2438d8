/**
 * Pay from the schedules: SALARY (and its vectorised path), SCHEDULE, HOURLY, RATE, PRORATE, SEVERANCE and their
 * .SOURCE explanations. Each element is read by the argument layer (./adapter) and answered by the API.
 */
import { Failure } from '../src/failure';
import { isErrorValue, readFte } from './reading';
import { api } from './contract-api';
import type { Arg } from './adapter';
import { axisHint, broadcast, CallContext, cell, contractOf, count, MAX_DISTINCT_ROWS, optionalNumber, requiredText, single, spill, text, texts, toExcel, toExcelError, yearsOf } from './adapter';

/** One element of SALARY and its .SOURCE: the value, and with a trace its explanation. */
function salaryElement(ctx: CallContext, [l, s, y, c, f, sc]: unknown[], explain = false): unknown {
  const con = ctx.contract(c);
  if (con instanceof Failure) return con;
  const scheduleT = text(sc, 'schedule');
  if (scheduleT instanceof Failure) return scheduleT;
  const laneT = requiredText(l, 'lane', () => axisHint(api.lanes({ contract: con, schedule: scheduleT }), 'lane', con));
  if (laneT instanceof Failure) return laneT;
  const stepT = requiredText(s, 'step', () => axisHint(api.steps({ contract: con, schedule: scheduleT }), 'step', con));
  if (stepT instanceof Failure) return stepT;
  const yearT = requiredText(y, 'year', () => `give a school year such as ${yearsOf(con).at(-1)}`);
  if (yearT instanceof Failure) return yearT;
  const fteN = readFte(f, 'fte');
  if (fteN instanceof Failure) return fteN;
  return api.salary({ contract: con, lane: laneT, step: stepT, year: ctx.year(con, yearT), fte: fteN, schedule: scheduleT }, { explain });
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
 * @param {any[][]} [schedule] Which annual schedule, where the contract has several (Teachers, Nurses; Schedule A, B): its id, title or an alias (CONTRACT.SCHEDULES lists them). Omit for the first.
 * @returns {any[][]} The salary, or #VALUE!/#N/A with the reason and the citation.
 */
export function salary(lane: any[][], step: any[][], year: any[][], contract?: any[][], fte?: any[][], schedule?: any[][]): any[][] {
  const named = one(schedule);
  // the fast path reads the first annual schedule: a named schedule is answered element by element
  const fast = named === undefined || named === null || named === '' ? salaryRanges(lane, step, year, contract, fte) : undefined;
  if (fast) return fast;
  const ctx = new CallContext();
  return broadcast([lane, step, year, contract, fte, schedule], (xs) => salaryElement(ctx, xs));
}

/** A range of several cells where one is taken. */
const SEVERAL = Symbol('several cells');
/** The one cell of an argument; undefined when omitted. */
const one = (a: Arg): unknown => (!a || a.length === 0 ? undefined : a.length > 1 || a[0].length > 1 ? SEVERAL : a[0][0]);
/** A range that is 1×1 or exactly rows × cols. */
function fits(a: Arg, rows: number, cols: number): boolean {
  if (!a) return false;
  if (a.length === 1 && a[0].length === 1) return true;
  if (a.length !== rows) return false;
  for (let i = 0; i < rows; i++) if (a[i].length !== cols) return false;
  return true;
}

/**
 * SALARY's fast path (single calls and whole columns alike), taken when the contract, the year and the FTE are one
 * cell each (or omitted) and lane and step are 1×1 or of one shape: the contract and year are resolved once for the
 * call (api.salaries) and each element costs a Map.get per axis. Elements the API leaves unanswered (an empty cell,
 * an unknown label, an Excel error) are read one by one as broadcast() reads them, so the answers are the same.
 * Undefined when the path does not apply or the contract or year does not resolve: broadcast() then answers.
 */
function salaryRanges(lane: Arg, step: Arg, year: Arg, contract: Arg, fte: Arg): unknown[][] | undefined {
  const y = one(year);
  const c = one(contract);
  const f = one(fte);
  if ((typeof y !== 'string' && typeof y !== 'number') || (c !== undefined && c !== null && typeof c !== 'string')) return undefined;
  let fteN: number | undefined;
  if (f !== undefined && f !== null && f !== '') {
    if (typeof f !== 'number') return undefined;
    const r = readFte(f, 'fte');
    if (typeof r !== 'number') return undefined;
    fteN = r;
  }
  if (!lane || !step || !lane.length || !step.length) return undefined;
  // no Math.max: a global lookup is slow in a sandboxed runtime, and a single call is a few hundred nanoseconds
  const rows = lane.length > step.length ? lane.length : step.length;
  const cols = lane[0].length > step[0].length ? lane[0].length : step[0].length;
  if ((rows > 1 || cols > 1) && (!fits(lane, rows, cols) || !fits(step, rows, cols))) return undefined;
  const answers = api.salaries({ contract: c ?? undefined, year: y, fte: fteN, lane, step, rows, cols }) as unknown[][] | Failure;
  if (answers instanceof Failure) return undefined;
  let ctx: CallContext | undefined; // for the elements the caches leave unanswered, made on the first
  for (let i = 0; i < rows; i++) {
    const row = answers[i];
    for (let j = 0; j < cols; j++) {
      const a = row[j];
      if (typeof a === 'number') continue; // (a row holding a number may be shared by several: it is never written)
      if (a instanceof Failure) {
        row[j] = toExcelError(a);
        continue;
      }
      // not answered from the caches: read this element as broadcast() does (an Excel error passes through)
      const lr = lane.length === 1 ? lane[0] : lane[i];
      const sr = step.length === 1 ? step[0] : step[i];
      const l = lr.length === 1 ? lr[0] : lr[j];
      const s = sr.length === 1 ? sr[0] : sr[j];
      row[j] = isErrorValue(l) ? l : isErrorValue(s) ? s : toExcel(salaryElement((ctx ??= new CallContext()), [l, s, y, c, f]));
    }
  }
  return answers;
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
 * @param {any[][]} [schedule] Which annual schedule, as for SALARY.
 * @returns {any[][]} The explanation as text, with citations: the agreement's title, and its section and page or line.
 */
export function salarySource(lane: any[][], step: any[][], year: any[][], contract?: any[][], fte?: any[][], schedule?: any[][]): any[][] {
  const ctx = new CallContext();
  return spill('SALARY.SOURCE', [lane, step, year, contract, fte, schedule], (xs) => salaryElement(ctx, xs, true));
}

/**
 * The minimum and maximum of a grade on a min-max range schedule (support staff paid within a range), side by side.
 * @customfunction RANGE
 * @helpurl https://localhost:3000/help.html#range
 * @param {any[][]} grade Grade as printed, e.g. "Grade 3".
 * @param {any[][]} year School year, e.g. "2025-26".
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @param {any[][]} [schedule] Which range schedule, where the contract has several. Omit for the one that lists the grade.
 * @returns {any[][]} Two cells: the minimum and the maximum, or #VALUE!/#N/A with the reason.
 */
export function range(grade: any[][], year: any[][], contract?: any[][], schedule?: any[][]): any[][] {
  const r = rangeElement([cell(grade, 'grade'), cell(year, 'year'), cell(contract, 'contract'), cell(schedule, 'schedule')]);
  return r instanceof Failure ? single(r) : [r as number[]];
}

/**
 * Where a grade's range is printed, with the citations.
 * @customfunction RANGE.SOURCE
 * @helpurl https://localhost:3000/help.html#range
 * @param {any[][]} grade Grade as printed.
 * @param {any[][]} year School year.
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @param {any[][]} [schedule] Which range schedule, where the contract has several.
 * @returns {any[][]} The explanation as text.
 */
export function rangeSource(grade: any[][], year: any[][], contract?: any[][], schedule?: any[][]): any[][] {
  return spill('RANGE.SOURCE', [grade, year, contract, schedule], (xs) => rangeElement(xs, true));
}

/** One grade's range, or with explain where it is printed. */
function rangeElement([g, y, c, sc]: unknown[], explain = false): unknown {
  const con = contractOf(c);
  if (con instanceof Failure) return con;
  const ts = texts([[g, 'grade', 'give a grade as printed'], [y, 'year', () => `give a school year: ${yearsOf(con).join(', ')}`]]);
  if (ts instanceof Failure) return ts;
  const scheduleT = text(sc, 'schedule');
  if (scheduleT instanceof Failure) return scheduleT;
  return api.range({ contract: con, grade: ts[0], year: ts[1], schedule: scheduleT }, { explain });
}

/**
 * The contract's salary schedule for a year as a grid: a header row of lanes, then one row per printed
 * row (merged rows such as "2 & 3" stay merged). Empty cells are blank and closed cells read NONE, as printed.
 * @customfunction SCHEDULE
 * @helpurl https://localhost:3000/help.html#schedule
 * @param {any[][]} year School year, e.g. "2025-26".
 * @param {any[][]} [contract] Contract id, e.g. "anoka-hennepin/teachers". Omit to use the workbook's default.
 * @param {any[][]} [schedule] Which schedule (id, title or alias; CONTRACT.SCHEDULES lists them). Omit for the salary schedule.
 * @returns {any[][]} The grid with headers.
 */
export function schedule(year: any[][], contract?: any[][], schedule?: any[][]): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  if (con instanceof Failure) return single(con);
  const y = requiredText(cell(year, 'year'), 'year', `give a school year: ${yearsOf(con).join(', ')}`);
  if (y instanceof Failure) return single(y);
  const which = text(cell(schedule, 'schedule'), 'schedule');
  if (which instanceof Failure) return single(which);
  const g = api.schedule({ contract: con, year: y, schedule: which });
  if (g instanceof Failure) return single(g);
  return [
    ['Step', ...g.lanes],
    ...g.rows.map((r) => [r.label, ...r.cells.map((c) => (c.status === 'value' ? c.value : c.status === 'closed' ? 'NONE' : ''))]),
  ];
}

/** One element of HOURLY and its .SOURCE: the value, and with a trace its explanation. */
function hourlyElement(ctx: CallContext, [p, s, y, c]: unknown[], explain = false): unknown {
  const con = ctx.contract(c);
  if (con instanceof Failure) return con;
  const ts = texts([[p, 'position', 'give a position'], [s, 'step', 'give a step'], [y, 'year', () => `give a school year such as ${yearsOf(con)[0]}`]]);
  return ts instanceof Failure ? ts : api.hourly({ contract: con, position: ts[0], step: ts[1], year: ctx.year(con, ts[2]) }, { explain });
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
  const ctx = new CallContext();
  return spill('HOURLY', [position, step, year, contract], (xs) => hourlyElement(ctx, xs));
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
  const ctx = new CallContext();
  return spill('HOURLY.SOURCE', [position, step, year, contract], (xs) => hourlyElement(ctx, xs, true));
}

/** One element of RATE and its .SOURCE: the value, and with a trace its explanation. */
function rateElement(ctx: CallContext, [r, l, s, y, c]: unknown[], explain = false): unknown {
  const con = ctx.contract(c);
  if (con instanceof Failure) return con;
  const ts = texts([[r, 'rate', () => `give a rate id: ${(api.rates({ contract: con }) as string[]).join(', ')}`], [l, 'lane', 'give a lane'], [s, 'step', 'give a step'], [y, 'year', 'give a school year']]);
  return ts instanceof Failure ? ts : api.rate({ contract: con, rate: ts[0], lane: ts[1], step: ts[2], year: ctx.year(con, ts[3]) }, { explain });
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
  const ctx = new CallContext();
  return spill('RATE', [rate, lane, step, year, contract], (xs) => rateElement(ctx, xs));
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
  const ctx = new CallContext();
  return spill('RATE.SOURCE', [rate, lane, step, year, contract], (xs) => rateElement(ctx, xs, true));
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
  const ctx = new CallContext();
  return spill(
    'PRORATE',
    [lane, step, year, days, hours, contract],
    ([l, s, y, d, h, c]) => {
      const con = ctx.contract(c);
      if (con instanceof Failure) return con;
      const ts = texts([[l, 'lane', 'give a lane'], [s, 'step', 'give a step'], [y, 'year', 'give a school year']]);
      if (ts instanceof Failure) return ts;
      const dn = count(d, 'days');
      if (dn instanceof Failure) return dn;
      const hn = optionalNumber(h, 'hours');
      return hn instanceof Failure ? hn : api.prorate({ contract: con, lane: ts[0], step: ts[1], year: ctx.year(con, ts[2]), days: dn, hours: hn });
    },
  );
}

/** One element of SEVERANCE and its .SOURCE: the value, and with a trace its explanation. */
function severanceElement(ctx: CallContext, [l, s, y, d, k, c]: unknown[], explain = false): unknown {
  const con = ctx.contract(c);
  if (con instanceof Failure) return con;
  const ts = texts([[l, 'lane', 'give a lane'], [s, 'step', 'give a step'], [y, 'year', 'give a school year']]);
  if (ts instanceof Failure) return ts;
  const dn = count(d, 'unused sick days');
  if (dn instanceof Failure) return dn;
  const kn = optionalNumber(k, 'contributions');
  return kn instanceof Failure ? kn : api.severance({ contract: con, lane: ts[0], step: ts[1], year: ctx.year(con, ts[2]), unusedDays: dn, contributions: kn }, { explain });
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
  const ctx = new CallContext();
  return spill('SEVERANCE', [lane, step, year, unusedDays, contributions, contract], (xs) => severanceElement(ctx, xs), MAX_DISTINCT_ROWS.SEVERANCE);
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
  const ctx = new CallContext();
  return spill('SEVERANCE.SOURCE', [lane, step, year, unusedDays, contributions, contract], (xs) => severanceElement(ctx, xs, true), MAX_DISTINCT_ROWS.SEVERANCE);
}
