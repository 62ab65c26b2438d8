/**
 * Costing and checking: PROJECT, COST and COMPARE roll a roster forward and cost it (under a proposal or as
 * agreed); AUDIT checks payroll lines; PROFILE compares contracts by the figures districts are compared by.
 * The sheet tables (roster, proposals, rates) are read by src/tables.ts under the one reading policy.
 */
import { employerRatesWith, PROFILE_METRICS } from '../src';
import { Failure } from '../src/failure';
import { ratesFromTable, rosterFromTable, yearsFrom } from '../src/tables';
import { isEmpty, readFte, readMoney } from '../src/reading';
import { api } from './contract-api';
import { cell, cellsOf, contractOf, MAX_DISTINCT_ROWS, single, spill, text, texts, toExcelError } from './adapter';

/**
 * Employees PROJECT, COST and COMPARE cost in one call: enough for any district's bargaining unit (the largest
 * in Minnesota has about 3,000 teachers), small enough to answer within a second (BENCHMARKS.md, range functions).
 */
export const MAX_ROSTER_ROWS = 5000;

/** Contracts PROFILE compares side by side in one call. */
export const MAX_PROFILE_CONTRACTS = 50;

/** Rows holding anything, by the reading policy's own test of an empty cell (the roster reader skips the others). */
const filledRows = (table: unknown[][]) => table.filter((r) => Array.isArray(r) && !r.every(isEmpty)).length;

/** Roster, years, contract and rates of a costing call, or the first Failure. */
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
  return { rows, years: ys, contract: c, rates: employerRatesWith(overrides) };
}

/** PROJECT's or COST's query (the costing arguments and the proposal's name) and the roster columns ignored, or the first Failure. */
function costQuery(roster: any[][], years: any[][], contract: any[][] | undefined, proposals: any[][] | undefined, proposal: any[][] | undefined, rates: any[][] | undefined) {
  const a = costingArgs(roster, years, contract, rates);
  if (a instanceof Failure) return a;
  const name = text(cell(proposal, 'proposal'), 'proposal');
  if (name instanceof Failure) return name;
  return { ignored: a.rows.ignored ?? [], query: { roster: a.rows, years: a.years, rates: a.rates, proposals: proposals ?? undefined, proposal: name, contract: a.contract } };
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
  const q = costQuery(roster, years, contract, proposals, proposal, rates);
  if (q instanceof Failure) return single(q);
  const t = api.projectTable(q.query);
  if (t instanceof Failure) return single(t);
  // the roster columns the reading ignored are named once, in the first row's notes
  if (q.ignored.length && t.length > 1) {
    const first = t[1];
    first[first.length - 1] = [`roster columns ignored: ${q.ignored.join(', ')}`, first[first.length - 1]].filter(Boolean).join('; ');
  }
  return t;
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
  const q = costQuery(roster, years, contract, proposals, proposal, rates);
  if (q instanceof Failure) return single(q);
  const rows = api.costSummary(q.query);
  if (rows instanceof Failure) return single(rows);
  return rows.map((row) => row.map((v) => (v === null ? '' : v)));
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
    const rows = api.costSummary({ roster: a.rows, years: a.years, rates: a.rates, proposals, proposal: n, contract: a.contract });
    if (rows instanceof Failure) return single(rows);
    tables.push(rows);
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
 * @param {any[][]} [schedule] An annual schedule other than the first (e.g. "Nurses"), or a range schedule; a grade of a range schedule is audited against its range without it (give the step as "range").
 * @returns {any[][]} Three columns per line: expected, difference, reason.
 */
export function audit(paid: any[][], lane: any[][], step: any[][], year: any[][], fte?: any[][], contract?: any[][], schedule?: any[][]): any[][] {
  // one payroll line per row: a block of several columns would be read by its first column only
  const args = { paid, lane, step, year, fte, contract, schedule };
  for (const [name, a] of Object.entries(args))
    if (a && a.some((row) => row.length > 1))
      return single(new Failure('VALUE', `AUDIT reads one payroll line per row: ${name} is a block ${a.length} rows × ${Math.max(...a.map((row) => row.length))} columns; give a single column (or a single cell)`));
  const lines = spill('AUDIT', [paid, lane, step, year, fte, contract, schedule], ([p, l, s, y, f, c, sc]) => {
    const con = contractOf(c);
    if (con instanceof Failure) return con;
    const amount = readMoney(p, 'paid', { required: true });
    if (amount instanceof Failure) return amount;
    const ts = texts([[l, 'lane', 'give the lane'], [s, 'step', 'give the step'], [y, 'year', 'give the school year']]);
    if (ts instanceof Failure) return ts;
    const fteN = readFte(f, 'fte');
    if (fteN instanceof Failure) return fteN;
    const scheduleT = text(sc, 'schedule');
    if (scheduleT instanceof Failure) return scheduleT;
    return api.audit({ contract: con, paid: amount!, lane: ts[0], step: ts[1], year: ts[2], fte: fteN, schedule: scheduleT }) as unknown as number;
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
  if (!ids.length) return single(new Failure('VALUE', `give one or more contract ids: ${api.contractIds().join(', ')}`));
  if (ids.length > MAX_PROFILE_CONTRACTS) return single(new Failure('VALUE', `${ids.length.toLocaleString('en-US')} contract ids given; PROFILE compares at most ${MAX_PROFILE_CONTRACTS} side by side`));
  if (years.length !== 1 && years.length !== ids.length) return single(new Failure('VALUE', 'give one year, or one year per contract'));
  const columns: unknown[][] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = text(ids[i], 'contract');
    const y = text(years[years.length === 1 ? 0 : i], 'year');
    if (id instanceof Failure || id === undefined) return single(id instanceof Failure ? id : new Failure('VALUE', 'contract is empty'));
    if (y instanceof Failure || y === undefined) return single(y instanceof Failure ? y : new Failure('VALUE', 'year is empty'));
    const p = api.profile({ contract: id, year: y });
    if (p instanceof Failure) return single(p);
    columns.push([`${p.contract} ${p.year}`, ...PROFILE_METRICS.map((m) => p.metrics.find((x) => x.id === m.id)?.value ?? '')]);
  }
  return [['', ...PROFILE_METRICS.map((m) => m.label)], ...columns][0].map((_, r) => [r === 0 ? '' : PROFILE_METRICS[r - 1].label, ...columns.map((col) => col[r])]);
}
