/**
 * The discovery lists: contracts, years, lanes, steps, activities, roles, positions and terms, each a column
 * (TERMS: three columns) to use in a data-validation list.
 */
import { Failure } from '../src/failure';
import { api } from './contract-api';
import { cell, column, contractOf, single, text, toExcelError } from './adapter';

/** A list of the contract named by a one-cell argument (empty: the workbook's default), as a column. */
function listOn(contract: any[][] | undefined, list: (q: { contract: string }) => readonly string[] | Failure): any[][] {
  const con = contractOf(cell(contract, 'contract'));
  if (con instanceof Failure) return single(con);
  const items = list({ contract: con });
  return items instanceof Failure ? single(items) : column(items);
}

/**
 * The ids of the contracts in the add-in, one per row: use them for a data-validation list.
 * @customfunction CONTRACTS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @returns {any[][]} A column of contract ids; a contract that could not be loaded is #N/A with the reason, below them.
 */
export function contracts(): any[][] {
  // a contract left out at start-up stays visible, with its file: path: reason
  const left = api.leftOut().map((f) => toExcelError(new Failure('NA', f.message, 'contract-failed-to-load')));
  return column([...api.contractIds(), ...left]);
}

/**
 * The school years a contract covers, one per row.
 * @customfunction YEARS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of years such as 2025-26.
 */
export function years(contract?: any[][]): any[][] {
  return listOn(contract, (q) => api.years(q));
}

/**
 * The lanes of a contract's salary schedule, as printed, one per row.
 * @customfunction LANES
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of lane labels.
 */
export function lanes(contract?: any[][]): any[][] {
  return listOn(contract, (q) => api.lanes(q));
}

/**
 * The steps of a contract's salary schedule, as printed, one per row (merged rows answer for each step).
 * @customfunction STEPS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of step labels.
 */
export function steps(contract?: any[][]): any[][] {
  return listOn(contract, (q) => api.steps(q));
}

/**
 * The activities of a contract's extra-curricular schedule, one per row.
 * @customfunction ACTIVITIES
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of activity names.
 */
export function activities(contract?: any[][]): any[][] {
  return listOn(contract, (q) => api.activities(q));
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
  const a = text(cell(activity, 'activity'), 'activity');
  if (a instanceof Failure) return single(a);
  return listOn(contract, (q) => api.roles({ ...q, activity: a }));
}

/**
 * The positions of a contract's hourly schedules, one per row.
 * @customfunction POSITIONS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of position names.
 */
export function positions(contract?: any[][]): any[][] {
  return listOn(contract, (q) => api.positions(q));
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
  const rows = api.terms({ contract: con });
  return rows instanceof Failure ? single(rows) : rows.map((t) => [t.id, t.title, t.unit]);
}
