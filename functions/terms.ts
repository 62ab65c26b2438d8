/**
 * Named terms of a contract (premiums, insurance contributions, longevity, 403(b) tiers …): TERM, TERM.RANGE and
 * TERM.SOURCE.
 */
import { Failure } from '../src/failure';
import { readCount, readDate } from './reading';
import { api } from './contract-api';
import { CallContext, cell, contractOf, single, spill, text, texts, yearsOf } from './adapter';

/** One element of TERM and its .SOURCE: the value, and with a trace its explanation. */
function termElement(ctx: CallContext, [t, y, k, c, n, d]: unknown[], explain = false): unknown {
  const con = ctx.contract(c);
  if (con instanceof Failure) return con;
  const ts = texts([[t, 'term', 'give a term id (CONTRACT.TERMS lists them)'], [y, 'year', () => `give a school year: ${yearsOf(con).join(', ')}`]]);
  if (ts instanceof Failure) return ts;
  const keyT = text(k, 'key');
  if (keyT instanceof Failure) return keyT;
  const yos = readCount(n, 'years of service', 0, 70, 'years of service');
  if (yos instanceof Failure) return yos;
  const date = readDate(d, 'date');
  return date instanceof Failure ? date : api.term({ contract: con, term: ts[0], key: keyT, year: ctx.year(con, ts[1]), yearsOfService: yos, date }, { explain });
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
 * @param {any[][]} [date] For a value that changes during the school year (e.g. on January 1): the date to read it on. Without it such a year answers #N/A naming each value and its date.
 * @returns {any[][]} The amount in the term's unit (see CONTRACT.TERMS).
 */
export function term(term: any[][], year: any[][], key?: any[][], contract?: any[][], yearsOfService?: any[][], date?: any[][]): any[][] {
  const ctx = new CallContext();
  return spill('TERM', [term, year, key, contract, yearsOfService, date], (xs) => termElement(ctx, xs));
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
  const r = api.termRange({ contract: con, term: ts[0], key: keyT, year: ts[1] });
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
 * @param {any[][]} [date] The date to read a value that changes during the year on, as for TERM.
 * @returns {any[][]} The explanation as text.
 */
export function termSource(term: any[][], year: any[][], key?: any[][], contract?: any[][], yearsOfService?: any[][], date?: any[][]): any[][] {
  const ctx = new CallContext();
  return spill('TERM.SOURCE', [term, year, key, contract, yearsOfService, date], (xs) => termElement(ctx, xs, true));
}
