/**
 * Extra-curricular stipends: STIPEND (with bonuses, part of a season, part time), STIPEND.RANGE, STIPEND.UNITS
 * and STIPEND.SOURCE.
 */
import { Failure } from '../src/failure';
import { api } from './contract-api';
import { bonusList, broadcast, CallContext, cell, count, optionalNumber, single, spill, texts, yearsOf } from './adapter';

/** One element of STIPEND and its .SOURCE: the value, and with a trace its explanation. */
function stipendElement(ctx: CallContext, [a, r, n, y, c, b, sn, f]: unknown[], explain = false): unknown {
  const con = ctx.contract(c);
  if (con instanceof Failure) return con;
  const ts = texts([[a, 'activity', 'give an activity (CONTRACT.ACTIVITIES lists them)'], [r, 'role', 'give a role (CONTRACT.ROLES lists them)'], [y, 'year', `give a school year: ${yearsOf(con).join(', ')}`]]);
  if (ts instanceof Failure) return ts;
  const seasons = count(n, 'years in the activity');
  if (seasons instanceof Failure) return seasons;
  const bonuses = bonusList(b);
  if (bonuses instanceof Failure) return bonuses;
  const season = optionalNumber(sn, 'season');
  if (season instanceof Failure) return season;
  const fte = optionalNumber(f, 'fte');
  if (fte instanceof Failure) return fte;
  return api.stipend({ contract: con, activity: ts[0], role: ts[1], seasons, year: ctx.year(con, ts[2]), bonuses, season, fte }, { explain });
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
  const ctx = new CallContext();
  return spill('STIPEND', [activity, role, years, year, contract, bonus, season, fte], (xs) => stipendElement(ctx, xs));
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
  const ctx = new CallContext();
  return spill('STIPEND.SOURCE', [activity, role, years, year, contract, bonus, season, fte], (xs) => stipendElement(ctx, xs, true));
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
  const ctx = new CallContext();
  const one = (a: unknown, r: unknown, y: unknown, c: unknown): [number, number] | Failure => {
    const con = ctx.contract(c);
    if (con instanceof Failure) return con;
    const ts = texts([[a, 'activity', 'give an activity'], [r, 'role', 'give a role'], [y, 'year', 'give a school year']]);
    return ts instanceof Failure ? ts : api.stipendRange({ contract: con, activity: ts[0], role: ts[1], year: ctx.year(con, ts[2]) });
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
  const ctx = new CallContext();
  return broadcast([activity, role, units, year, contract], ([a, r, u, y, c]) => {
    const con = ctx.contract(c);
    if (con instanceof Failure) return con;
    const ts = texts([[a, 'activity', 'give an activity'], [r, 'role', 'give a role'], [y, 'year', 'give a school year']]);
    if (ts instanceof Failure) return ts;
    const n = count(u, 'units');
    return n instanceof Failure ? n : api.stipendUnits({ contract: con, activity: ts[0], role: ts[1], units: n, year: ctx.year(con, ts[2]) });
  });
}
