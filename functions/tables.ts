/**
 * Reading the tables a user keeps on a sheet: a roster, a proposals table, employer-rate overrides and payroll
 * lines, each a range whose first row names the columns, into the typed data the engine takes (src/ never reads a
 * cell). Every cell is read by the one reading policy (./reading.ts, README "How tables and arguments are read");
 * every refusal names the row and the column. functions.js publishes these readers for the task pane
 * (./contract-api.ts), so a CSV, an .xlsx or a sheet range the pane reads is read by the same policy.
 */
import { Failure } from '../src/failure';
import type { RosterRow, StipendAssignment } from '../src/roster';
import type { ProposalChange, ProposalRow, ProposalTable } from '../src/proposal-types';
import type { PayrollLine } from '../src/settlement';
import employerRatesFile from '../src/parameters/employer-rates.json';
import { isEmpty, readCount, readDate, readFte, readHeader, readMoney, readNumber, readPercent, readText, readYear, readYears, shown } from './reading';
import type { ColumnSpec, Header } from './reading';

type RosterField = 'id' | 'contract' | 'lane' | 'step' | 'fte' | 'position' | 'hours' | 'years' | 'seniority' | 'coverage' | 'match' | 'changeYear' | 'newLane' | 'activity' | 'role' | 'seasons';

/** The roster's columns: canonical name first, then aliases (README "How tables and arguments are read"). */
export const ROSTER_COLUMNS: ColumnSpec<RosterField>[] = [
  { field: 'id', names: ['id', 'employee', 'employee id'] },
  { field: 'contract', names: ['contract'] },
  { field: 'lane', names: ['lane'] },
  { field: 'step', names: ['step'] },
  { field: 'fte', names: ['fte'] },
  { field: 'position', names: ['position', 'grade'] },
  { field: 'hours', names: ['hours', 'hours per year'] },
  { field: 'years', names: ['years', 'years of service', 'years in district'] },
  { field: 'seniority', names: ['seniority', 'seniority date'] },
  { field: 'coverage', names: ['coverage', 'insurance'] },
  { field: 'match', names: ['match', '403b', '403(b)', 'match key'] },
  { field: 'changeYear', names: ['lane change year', 'lane change'] },
  { field: 'newLane', names: ['new lane'] },
  { field: 'activity', names: ['activity', 'stipend'] },
  { field: 'role', names: ['role'] },
  { field: 'seasons', names: ['seasons', 'stipend years'] },
];

const STIPEND_FIELDS: RosterField[] = ['activity', 'role', 'seasons'];

/** Rows of a table with the sheet row each came from (the header is row 1). */
const body = (rows: unknown[][]) => rows.slice(1).map((cells, i) => ({ cells, row: i + 2 }));

/** A table's reading so far: the header, and a cell reader that names the place. */
function cellsOf<F extends string>(table: string, h: Header<F>, cells: unknown[], row: number) {
  return {
    get: (f: F) => (h.at[f] === undefined ? undefined : cells[h.at[f]!]),
    where: (f: F) => `${table} row ${row}, ${h.label(f)}`,
    label: (f: F) => h.label(f),
    has: (f: F) => h.at[f] !== undefined && !isEmpty(cells[h.at[f]!]),
  };
}

/** A list of roster rows, with the header columns that were ignored. */
export type Roster = RosterRow[] & { ignored?: string[] };

/**
 * A roster: one row per employee (id, lane, step, fte; or position, step, hours for hourly staff), with
 * optional contract, years (of service), seniority, coverage, match, lane change year, new lane, and a
 * stipend (activity, role, seasons). Further stipends of an employee go on extra rows with the same id
 * and only activity, role and seasons filled in.
 */
export function readRoster(rows: unknown[][]): Roster | Failure {
  if (!rows.length) return new Failure('VALUE', 'the roster is empty; its first row names the columns (id, lane, step, fte …)');
  const h = readHeader(rows[0], 'roster', ROSTER_COLUMNS);
  if (h instanceof Failure) return h;
  if (h.at.id === undefined || h.at.step === undefined || (h.at.lane === undefined && h.at.position === undefined))
    return new Failure('VALUE', `the roster's first row must name the columns id, lane (or position), step and optionally fte …; found ${rows[0].map(shown).join(', ')}`);
  const byId = new Map<string, RosterRow>();
  const out: Roster = [];
  for (const { cells, row } of body(rows)) {
    if (cells.every(isEmpty)) continue;
    const c = cellsOf('roster', h, cells, row);
    const id = readText(c.get('id'), c.where('id'), { required: true, hint: 'every row names its employee' });
    if (id instanceof Failure) return id;
    const stipend = stipendOf(c);
    if (stipend instanceof Failure) return stipend;
    const placed = (['lane', 'position', 'step'] as const).some(c.has);
    const first = byId.get(id!);
    if (first && !placed) {
      const extra = ROSTER_COLUMNS.map((s) => s.field).find((f) => f !== 'id' && !STIPEND_FIELDS.includes(f) && c.has(f));
      if (extra) return new Failure('VALUE', `${c.where(extra)}: ${shown(c.get(extra))} on a further row of employee "${id}"; such rows carry only a stipend (activity, role, seasons): give the placement on the first row (row ${first.row})`);
      if (!stipend) return new Failure('VALUE', `roster row ${row}: employee "${id}" again, with neither a placement nor a stipend`);
      (first.stipends ??= []).push(stipend);
      continue;
    }
    if (first) return new Failure('VALUE', `roster row ${row}, ${h.label('id')}: "${id}" appears twice with a placement (rows ${first.row} and ${row}); further rows of an employee carry only a stipend`);
    const e = placementOf(c, id!, row);
    if (e instanceof Failure) return e;
    if (stipend) e.stipends = [stipend];
    byId.set(id!, e);
    out.push(e);
  }
  if (!out.length) return new Failure('VALUE', 'the roster has no employees below its header row');
  out.ignored = h.ignored;
  return out;
}

type Cells = ReturnType<typeof cellsOf<RosterField>>;

function stipendOf(c: Cells): StipendAssignment | undefined | Failure {
  const activity = readText(c.get('activity'), c.where('activity'));
  const role = readText(c.get('role'), c.where('role'));
  const seasons = readCount(c.get('seasons'), c.where('seasons'), 1, 60, 'seasons in the activity, the current one included');
  for (const v of [activity, role, seasons]) if (v instanceof Failure) return v;
  if (!activity) {
    const stray = (['role', 'seasons'] as const).find(c.has);
    return stray ? new Failure('VALUE', `${c.where(stray)}: ${shown(c.get(stray))} without an activity; give the stipend's activity`) : undefined;
  }
  if (!role) return new Failure('VALUE', `${c.where('role')}: empty; the stipend "${activity}" needs its role`);
  return { activity: activity as string, role: role as string, seasons: (seasons as number | undefined) ?? 1 };
}

function placementOf(c: Cells, id: string, row: number): RosterRow | Failure {
  const t = (f: RosterField) => readText(c.get(f), c.where(f));
  const lane = t('lane');
  const position = t('position');
  const step = t('step');
  const contract = t('contract');
  const coverage = t('coverage');
  const match = t('match');
  const newLane = t('newLane');
  const fte = readFte(c.get('fte'), c.where('fte'));
  const hours = readNumber(c.get('hours'), c.where('hours'), { min: 0, max: 4000, valid: 'hours a year from 0 to 4,000' });
  const years = readCount(c.get('years'), c.where('years'), 0, 70, 'years of service');
  const seniority = readDate(c.get('seniority'), c.where('seniority'), '1930-01-01');
  const changeYear = readYear(c.get('changeYear'), c.where('changeYear'), false);
  for (const v of [lane, position, step, contract, coverage, match, newLane, fte, hours, years, seniority, changeYear]) if (v instanceof Failure) return v;
  if (lane && position) return new Failure('VALUE', `roster row ${row}: both ${c.label('lane')} and ${c.label('position')} are filled; give a lane (salaried) or a position and hours (hourly), not both`);
  if (!step) return new Failure('VALUE', `${c.where('step')}: empty; give the step of employee "${id}"`);
  if (!lane && !position) return new Failure('VALUE', `roster row ${row}: employee "${id}" has neither a lane nor a position; give one`);
  if (hours !== undefined && !position) return new Failure('VALUE', `${c.where('hours')}: hours apply to hourly staff (a position); employee "${id}" has a lane`);
  if (changeYear && !newLane) return new Failure('VALUE', `${c.where('newLane')}: empty; the lane change in ${changeYear} needs the new lane`);
  if (newLane && !changeYear) return new Failure('VALUE', `${c.where('changeYear')}: empty; the new lane "${newLane}" needs the year it takes effect`);
  const e: RosterRow = { id, fte: (fte as number | undefined) ?? 1, row };
  if (contract) e.contract = contract as string;
  if (lane) e.lane = lane as string;
  if (position) e.position = position as string;
  e.step = step as string;
  if (hours !== undefined) e.hours = hours as number;
  if (years !== undefined) e.yearsOfService = years as number;
  if (seniority !== undefined) e.seniorityDate = seniority as string;
  if (coverage) e.coverage = coverage as string;
  if (match) e.matchKey = (match as string).toLowerCase() === 'none' ? 'none' : (match as string);
  if (changeYear) e.laneChanges = [{ year: changeYear as string, lane: newLane as string }];
  return e;
}

type ProposalField = 'proposal' | 'year' | 'contract' | ProposalChange;

/** The proposals table's columns, and the bounds of each percent (in %). */
export const PROPOSAL_COLUMNS: ColumnSpec<ProposalField>[] = [
  { field: 'proposal', names: ['proposal', 'name'] },
  { field: 'year', names: ['year'] },
  { field: 'contract', names: ['contract'] },
  { field: 'schedulePercent', names: ['schedule %', 'schedule percent', 'raise %', 'raise'] },
  { field: 'scheduleDollars', names: ['schedule $', 'schedule dollars', 'flat $'] },
  { field: 'careerPercent', names: ['career %', 'career percent', 'career increment %'] },
  { field: 'steps', names: ['steps'] },
  { field: 'midYearSteps', names: ['mid-year steps', 'midyear steps', 'mid year steps'] },
  { field: 'offSchedulePercent', names: ['off-schedule %', 'offschedule %', 'one-time %', 'off schedule %'] },
  { field: 'stipendPercent', names: ['stipend %', 'stipends %'] },
  { field: 'insurancePercent', names: ['insurance %'] },
];

/** Percent bounds (in %) per proposal column: a raise over 50% or a cut over 50% is refused. */
const PERCENT_BOUNDS: Partial<Record<ProposalField, [number, number]>> = {
  schedulePercent: [-50, 50],
  careerPercent: [0, 50],
  offSchedulePercent: [0, 50],
  stipendPercent: [-50, 100],
  insurancePercent: [-50, 100],
};

/**
 * A proposals table: columns proposal and year, and any of schedule %, schedule $, career %, steps, mid-year steps,
 * off-schedule %, stipend %, insurance % (and optionally contract). Percents are Excel's own (0.03 or 3% is 3%).
 * Every row is read; a row whose year or a change cannot be read carries the refusal, which stops its own proposal
 * only. Which rows a costing applies, and whether they cover its years, the engine decides (src/proposal.ts
 * proposalFor), since that depends on the roster's year and its contracts.
 */
export function readProposals(rows: unknown[][]): ProposalTable | Failure {
  if (rows.length < 2) return new Failure('VALUE', 'the proposals table needs a header row (proposal, year, schedule % …) and at least one row');
  const h = readHeader(rows[0], 'proposals', PROPOSAL_COLUMNS);
  if (h instanceof Failure) return h;
  if (h.at.proposal === undefined || h.at.year === undefined)
    return new Failure('VALUE', `the proposals table's first row must name the columns proposal and year; found ${rows[0].map(shown).join(', ')}`);
  const out: ProposalRow[] = [];
  for (const { cells, row } of body(rows)) {
    if (cells.every(isEmpty)) continue;
    const c = cellsOf('proposals', h, cells, row);
    const proposal = readText(c.get('proposal'), c.where('proposal'), { required: true, hint: 'every row names its proposal' });
    if (proposal instanceof Failure) return proposal;
    const contract = readText(c.get('contract'), c.where('contract'));
    if (contract instanceof Failure) return contract;
    const r: ProposalRow = { proposal: proposal!, year: '', row, where: { year: c.where('year'), contract: c.where('contract') } };
    if (contract) r.contract = contract;
    const refused = proposalYearOf(c, h, r);
    if (refused) r.refused = refused.message;
    out.push(r);
  }
  return { rows: out, byContract: h.at.contract !== undefined };
}

/** Reads a proposals row's year and changes into `r`; the first Failure, which refuses that row's proposal only. */
function proposalYearOf(c: ReturnType<typeof cellsOf<ProposalField>>, h: Header<ProposalField>, r: ProposalRow): Failure | undefined {
  const year = readYear(c.get('year'), c.where('year'));
  if (year instanceof Failure) return year;
  r.year = year!;
  for (const { field } of PROPOSAL_COLUMNS) {
    if (field === 'proposal' || field === 'year' || field === 'contract' || h.at[field] === undefined) continue;
    const bounds = PERCENT_BOUNDS[field];
    const v = bounds ? readPercent(c.get(field), c.where(field), { min: bounds[0], max: bounds[1] })
      : field === 'scheduleDollars' ? readMoney(c.get(field), c.where(field), { max: 100000, valid: 'dollars added to every salary cell, from 0 to 100,000' })
        : readCount(c.get(field), c.where(field), 0, 1, field === 'steps' ? 'steps at the start of the year (0 for a freeze, 1 for one step; every contract here grants at most one)' : 'steps half way through the year (0 or 1)');
    if (v instanceof Failure) return v;
    if (v !== undefined) r[field] = v;
  }
  return undefined;
}

/** Years from a range of year cells, or one cell "2024-25:2026-27" / "2024-25 to 2026-27". */
export function yearsFrom(cells: unknown[]): string[] | Failure {
  return readYears(cells, 'years');
}

interface RateParam { id: string; unit: string; title: string }
const RATE_PARAMS = (employerRatesFile as unknown as { parameters: RateParam[] }).parameters;

/**
 * Employer-rate overrides: rows of a rate id and its value (tra-employer | 9.75% or 0.0975), optionally
 * under a header row (id | value). Percent rates are Excel percents, at most 50%; the Social Security
 * wage base is dollars. Returns the values in the rates file's units (percent as 9.75, dollars).
 */
export function readRates(rows: unknown[][]): Record<string, number> | Failure {
  const ids = RATE_PARAMS.map((p) => p.id);
  const out: Record<string, number> = {};
  const first = rows.findIndex((r) => !r.every(isEmpty));
  for (const [i, cells] of rows.entries()) {
    if (cells.every(isEmpty)) continue;
    const row = i + 1;
    if (i === first && typeof cells[0] === 'string' && ['id', 'rate', 'rateid', 'parameter'].includes(cells[0].toLowerCase().replace(/[\s_.]+/g, ''))) continue;
    const where = (col: number) => `rates row ${row}, column ${col}`;
    const extra = cells.findIndex((v, j) => j > 1 && !isEmpty(v));
    if (extra > 0) return new Failure('VALUE', `${where(extra + 1)}: ${shown(cells[extra])}; rate overrides are rows of two cells, a rate id and its value (tra-employer | 9.75%)`);
    const id = readText(cells[0], where(1), { required: true, hint: `give a rate id: ${ids.join(', ')}` });
    if (id instanceof Failure) return id;
    const p = RATE_PARAMS.find((x) => x.id === id!.toLowerCase());
    if (!p) return new Failure('VALUE', `${where(1)}: ${shown(id)} is not a rate id; valid: ${ids.join(', ')}`);
    if (out[p.id] !== undefined) return new Failure('VALUE', `${where(1)}: ${p.id} is given twice; keep one row`);
    const v = p.unit === 'percent'
      ? readPercent(cells[1], where(2), { min: 0, max: 50, required: true })
      : readMoney(cells[1], where(2), { required: true, min: 1, valid: `${p.title} in dollars, from 1 to 1,000,000,000` });
    if (v instanceof Failure) return v;
    out[p.id] = v!;
  }
  return out;
}

type PayrollField = 'id' | 'contract' | 'paid' | 'lane' | 'step' | 'year' | 'fte';

/** A payroll's columns (the lines AUDIT checks), canonical name first, then aliases. */
export const PAYROLL_COLUMNS: ColumnSpec<PayrollField>[] = [
  { field: 'id', names: ['id', 'employee', 'employee id'] },
  { field: 'contract', names: ['contract'] },
  { field: 'paid', names: ['paid', 'amount paid', 'salary paid'] },
  { field: 'lane', names: ['lane'] },
  { field: 'step', names: ['step'] },
  { field: 'year', names: ['year'] },
  { field: 'fte', names: ['fte'] },
];

/**
 * Payroll lines to audit: columns paid, lane, step, year, and optionally id, fte and contract; one line per row,
 * read as AUDIT reads its arguments (paid in dollars, FTE a fraction, the year in any spelling it accepts).
 */
export function readPayroll(rows: unknown[][]): PayrollLine[] | Failure {
  if (rows.length < 2) return new Failure('VALUE', 'the payroll needs a header row (paid, lane, step, year, fte …) and at least one line');
  const h = readHeader(rows[0], 'payroll', PAYROLL_COLUMNS);
  if (h instanceof Failure) return h;
  const missing = (['paid', 'lane', 'step', 'year'] as const).filter((f) => h.at[f] === undefined);
  if (missing.length)
    return new Failure('VALUE', `the payroll's first row must name the columns paid, lane, step and year (and optionally id, fte, contract); ${missing.join(', ')} not found in ${rows[0].map(shown).join(', ')}`);
  const out: PayrollLine[] = [];
  for (const { cells, row } of body(rows)) {
    if (cells.every(isEmpty)) continue;
    const c = cellsOf('payroll', h, cells, row);
    const id = readText(c.get('id'), c.where('id'));
    const contract = readText(c.get('contract'), c.where('contract'));
    const paid = readMoney(c.get('paid'), c.where('paid'), { required: true });
    const lane = readText(c.get('lane'), c.where('lane'), { required: true, hint: 'every line names its lane' });
    const step = readText(c.get('step'), c.where('step'), { required: true, hint: 'every line names its step' });
    const year = readYear(c.get('year'), c.where('year'));
    const fte = readFte(c.get('fte'), c.where('fte'));
    for (const v of [id, contract, paid, lane, step, year, fte]) if (v instanceof Failure) return v;
    const line: PayrollLine = { row, paid: paid as number, lane: lane as string, step: step as string, year: year as string };
    if (id) line.id = id as string;
    if (contract) line.contract = contract as string;
    if (fte !== undefined) line.fte = fte as number;
    out.push(line);
  }
  if (!out.length) return new Failure('VALUE', 'the payroll has no lines below its header row');
  return out;
}
