/**
 * Hourly payroll: GROSS and GROSS.SOURCE, a week's pay from hours by kind.
 */
import type { WeekHours } from '../src/api';
import { Failure } from '../src/failure';
import { api } from './contract-api';
import { CallContext, count, flag, MAX_DISTINCT_ROWS, optionalNumber, spill, text, texts } from './adapter';

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
function grossElement(ctx: CallContext, [p, s, y, w, sh, we, ho, le, pr, c, ln, rg]: unknown[], explain = false): unknown {
  const con = ctx.contract(c);
  if (con instanceof Failure) return con;
  const ts = texts([[p, 'position', 'give a position (CONTRACT.POSITIONS lists them)'], [s, 'step', 'give a step'], [y, 'year', 'give a school year']]);
  if (ts instanceof Failure) return ts;
  const h = weekHours(w, sh, we, ho, le, pr, ln, rg);
  return h instanceof Failure ? h : api.gross({ contract: con, position: ts[0], step: ts[1], year: ctx.year(con, ts[2]), hours: h }, { explain });
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
  const ctx = new CallContext();
  return spill('GROSS', [position, step, year, worked, secondShift, weekend, holidayWorked, paidLeave, premiums, contract, lateNight, regularSecondShift], (xs) => grossElement(ctx, xs), MAX_DISTINCT_ROWS.GROSS);
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
  const ctx = new CallContext();
  return spill('GROSS.SOURCE', [position, step, year, worked, secondShift, weekend, holidayWorked, paidLeave, premiums, contract, lateNight, regularSecondShift], (xs) => grossElement(ctx, xs, true), MAX_DISTINCT_ROWS.GROSS);
}
