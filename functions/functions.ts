/**
 * Excel custom functions, namespace CONTRACT (manifest.xml). Each function takes whole ranges in any
 * argument and spills a result of the same shape; errors land only in the elements that fail.
 * The JSDoc below is what Excel shows in autocomplete (custom-functions-metadata reads it).
 * Nothing here touches the DOM or Office at load time: only CustomFunctions.associate runs.
 */
import { defaultEngine, Failure } from '../src';
import { listChoices } from '../src/normalize';
import { broadcast, column, optionalNumber, requiredText, single, text, toExcelError } from './adapter';
import { defaultContract, setDefaultContract } from './defaults';

const engine = defaultEngine();

// The task pane (same runtime) sets the workbook's default contract through this global.
(globalThis as Record<string, unknown>).ContractAddin = { setDefaultContract };

/** Resolves the contract argument of one element (empty -> the workbook default). */
function contractOf(v: unknown) {
  const t = text(v, 'contract');
  if (t instanceof Failure) return t;
  return engine.contract(t, defaultContract());
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
  return broadcast([lane, step, year, contract, fte], (l, s, y, c, f) => {
    const con = contractOf(c);
    if (con instanceof Failure) return con;
    const laneT = requiredText(l, 'lane', `give a lane such as ${con.salarySchedule?.laneLabels.slice(0, 3).join(', ')}`);
    if (laneT instanceof Failure) return laneT;
    const stepT = requiredText(s, 'step', `give a step such as ${con.salarySchedule?.stepLabels.slice(0, 3).join(', ')}`);
    if (stepT instanceof Failure) return stepT;
    const yearT = requiredText(y, 'year', `give a school year such as ${con.years[con.years.length - 1]}`);
    if (yearT instanceof Failure) return yearT;
    const fteN = optionalNumber(f, 'fte');
    if (fteN instanceof Failure) return fteN;
    return engine.salary(con.id, laneT, stepT, yearT, fteN);
  });
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
  const con = contractOf(contract?.[0]?.[0]);
  if (con instanceof Failure) return single(con);
  const y = requiredText(year?.[0]?.[0], 'year', `give a school year: ${con.years.join(', ')}`);
  if (y instanceof Failure) return single(y);
  const grid = engine.scheduleGrid(con.id, y);
  if (!grid.ok) return single(new Failure(grid.code, grid.message));
  const g = grid.value;
  return [
    ['Step', ...g.lanes],
    ...g.rows.map((r) => [r.label, ...r.cells.map((c) => (c.status === 'value' ? c.value : c.status === 'closed' ? 'NONE' : ''))]),
  ];
}

/**
 * The ids of the contracts in the add-in, one per row: use them for a data-validation list.
 * @customfunction CONTRACTS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @returns {any[][]} A column of contract ids.
 */
export function contracts(): any[][] {
  return column(engine.listContracts().map((c) => c.id));
}

/**
 * The school years a contract covers, one per row.
 * @customfunction YEARS
 * @helpurl https://localhost:3000/help.html#discovery-lists
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} A column of years such as 2025-26.
 */
export function years(contract?: any[][]): any[][] {
  const con = contractOf(contract?.[0]?.[0]);
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
  const con = contractOf(contract?.[0]?.[0]);
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
  const con = contractOf(contract?.[0]?.[0]);
  if (con instanceof Failure) return single(con);
  return con.salarySchedule ? column(con.salarySchedule.stepLabels) : single(new Failure('NA', `${con.id} has no salary schedule`));
}

/**
 * Where a salary comes from: the seed document line, table and lane behind SALARY(lane, step, year).
 * @customfunction SALARY.SOURCE
 * @helpurl https://localhost:3000/help.html#salarysource
 * @param {any[][]} lane Lane as printed or an alias.
 * @param {any[][]} step Step as printed.
 * @param {any[][]} year School year, e.g. "2025-26".
 * @param {any[][]} [contract] Contract id. Omit to use the workbook's default.
 * @returns {any[][]} The citation as text, e.g. "004_95c67c5f7895ec64.txt:4960 (…)".
 */
export function salarySource(lane: any[][], step: any[][], year: any[][], contract?: any[][]): any[][] {
  return broadcast([lane, step, year, contract], (l, s, y, c) => {
    const con = contractOf(c);
    if (con instanceof Failure) return con;
    const ts = [requiredText(l, 'lane', 'give a lane'), requiredText(s, 'step', 'give a step'), requiredText(y, 'year', 'give a school year')];
    for (const t of ts) if (t instanceof Failure) return t;
    return engine.salaryCite(con.id, ts[0] as string, ts[1] as string, ts[2] as string);
  });
}

// Referenced so bundlers keep them; the associate calls are appended by custom-functions-metadata-plugin.
export const internals = { toExcelError, listChoices };
