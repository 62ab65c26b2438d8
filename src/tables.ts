/**
 * Reading the tables a user keeps on a sheet: a roster and a proposals table, each a range whose first
 * row holds the column names. Names are matched ignoring case, spaces, underscores and dots; columns
 * the reader does not know are ignored (a roster may carry names, buildings, notes). Every refusal names
 * the row and column.
 */
import { Failure } from './engine';
import { parseYear } from './years';
import type { RosterRow } from './roster';
import type { Proposal, ProposalYear } from './proposal';

const key = (h: unknown) => String(h ?? '').toLowerCase().replace(/[\s_.]+/g, '');

/** Column index by any of the accepted names, or -1. */
function column(header: string[], ...names: string[]): number {
  for (const n of names) {
    const i = header.indexOf(key(n));
    if (i >= 0) return i;
  }
  return -1;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

/** A cell as a person would read it in a message (an Excel error as its code). */
function shown(v: unknown): string {
  if (v && typeof v === 'object' && 'code' in v) return String((v as { code: unknown }).code);
  return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
}

function text(v: unknown): string | undefined {
  if (isEmpty(v)) return undefined;
  return typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined;
}

function num(v: unknown, where: string): number | undefined | Failure {
  if (isEmpty(v)) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.replace(/[,%$]/g, '')))) return Number(v.replace(/[,%$]/g, ''));
  return new Failure('VALUE', `${where}: ${shown(v)} is not a number`);
}

/** An Excel date serial (1900 system) or ISO text -> YYYY-MM-DD. */
function date(v: unknown, where: string): string | undefined | Failure {
  if (isEmpty(v)) return undefined;
  if (typeof v === 'number' && v > 0 && v < 2958466) return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000).toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return v.trim();
  if (typeof v === 'string' && /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v.trim())) {
    const [m, d, y] = v.trim().split('/').map(Number);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return new Failure('VALUE', `${where}: ${shown(v)} is not a date (use a date cell or 1987-08-20)`);
}

function yearOf(v: unknown, where: string): string | Failure {
  const t = text(v);
  if (t === undefined) return new Failure('VALUE', `${where}: the year is empty`);
  const y = parseYear(t);
  return y.ok ? y.year : new Failure('VALUE', `${where}: ${y.message}`);
}

/**
 * A roster: one row per employee (id, lane, step, fte; or position, step, hours for hourly staff), with
 * optional contract, years (of service), seniority, coverage, match, lane change year, new lane, and a
 * stipend (activity, role, seasons). Further stipends of an employee go on extra rows with the same id
 * and only activity, role and seasons filled in.
 */
export function rosterFromTable(rows: unknown[][]): RosterRow[] | Failure {
  if (!rows.length) return new Failure('VALUE', 'the roster is empty; its first row names the columns (id, lane, step, fte …)');
  const header = rows[0].map(key);
  const c = {
    id: column(header, 'id', 'employee', 'employee id'),
    contract: column(header, 'contract'),
    lane: column(header, 'lane'),
    step: column(header, 'step'),
    fte: column(header, 'fte'),
    position: column(header, 'position', 'grade'),
    hours: column(header, 'hours', 'hours per year'),
    years: column(header, 'years', 'years of service', 'years in district'),
    seniority: column(header, 'seniority', 'seniority date'),
    coverage: column(header, 'coverage', 'insurance'),
    match: column(header, 'match', '403b', 'match key'),
    changeYear: column(header, 'lane change year', 'lane change'),
    newLane: column(header, 'new lane'),
    activity: column(header, 'activity', 'stipend'),
    role: column(header, 'role'),
    seasons: column(header, 'seasons', 'stipend years'),
  };
  if (c.id < 0 || c.step < 0 || (c.lane < 0 && c.position < 0))
    return new Failure('VALUE', `the roster's first row must name the columns: id, lane (or position), step, fte; found ${rows[0].map((h) => (isEmpty(h) ? '(empty)' : shown(h))).join(', ')}`);
  const byId = new Map<string, RosterRow>();
  const out: RosterRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const at = (i: number) => (i >= 0 ? row[i] : undefined);
    const where = (name: string) => `roster row ${r + 1}, ${name}`;
    if (row.every(isEmpty)) continue;
    const id = text(at(c.id));
    if (!id) return new Failure('VALUE', `${where('id')}: empty`);
    const stipend = () => {
      const activity = text(at(c.activity));
      if (!activity) return undefined;
      const role = text(at(c.role));
      const seasons = num(at(c.seasons), where('seasons'));
      if (seasons instanceof Failure) return seasons;
      if (!role) return new Failure('VALUE', `${where('role')}: a stipend needs its role`);
      return { activity, role, seasons: seasons ?? 1 };
    };
    const lane = text(at(c.lane));
    const position = text(at(c.position));
    const step = text(at(c.step));
    if (byId.has(id) && !lane && !position && !step) {
      const s = stipend();
      if (s instanceof Failure) return s;
      if (s) (byId.get(id)!.stipends ??= []).push(s);
      continue;
    }
    if (byId.has(id)) return new Failure('VALUE', `${where('id')}: "${id}" appears twice with a placement; extra rows of an employee carry only a stipend`);
    const fte = num(at(c.fte), where('fte'));
    const hours = num(at(c.hours), where('hours'));
    const years = num(at(c.years), where('years'));
    const seniority = date(at(c.seniority), where('seniority'));
    for (const v of [fte, hours, years, seniority]) if (v instanceof Failure) return v;
    const e: RosterRow = { id, fte: (fte as number | undefined) ?? 1 };
    if (text(at(c.contract))) e.contract = text(at(c.contract));
    if (lane) e.lane = lane;
    if (position) e.position = position;
    if (step) e.step = step;
    if (hours !== undefined) e.hours = hours as number;
    if (years !== undefined) e.yearsOfService = years as number;
    if (seniority !== undefined) e.seniorityDate = seniority as string;
    if (text(at(c.coverage))) e.coverage = text(at(c.coverage));
    if (text(at(c.match))) e.matchKey = text(at(c.match));
    const changeYear = at(c.changeYear);
    if (!isEmpty(changeYear)) {
      const y = yearOf(changeYear, where('lane change year'));
      if (y instanceof Failure) return y;
      const to = text(at(c.newLane));
      if (!to) return new Failure('VALUE', `${where('new lane')}: a lane change needs the new lane`);
      e.laneChanges = [{ year: y, lane: to }];
    }
    const s = stipend();
    if (s instanceof Failure) return s;
    if (s) e.stipends = [s];
    byId.set(id, e);
    out.push(e);
  }
  if (!out.length) return new Failure('VALUE', 'the roster has no employees below its header row');
  return out;
}

const PROPOSAL_COLUMNS: [keyof ProposalYear, string[]][] = [
  ['schedulePercent', ['schedule %', 'schedule percent', 'raise %', 'raise']],
  ['scheduleDollars', ['schedule $', 'schedule dollars', 'flat $']],
  ['careerPercent', ['career %', 'career percent', 'career increment %']],
  ['steps', ['steps']],
  ['midYearSteps', ['mid-year steps', 'midyear steps', 'mid year steps']],
  ['offSchedulePercent', ['off-schedule %', 'offschedule %', 'one-time %', 'off schedule %']],
  ['stipendPercent', ['stipend %', 'stipends %']],
  ['insurancePercent', ['insurance %']],
];

/**
 * The proposal `name` from a proposals table: columns proposal, year, and any of schedule %, schedule $,
 * career %, steps, mid-year steps, off-schedule %, stipend %, insurance % (and optionally contract).
 * Percent columns take 3 for 3%; a column formatted as percent in Excel holds 0.03, so a % column whose
 * every value is below 0.2 in size is read as fractions (0.03 = 3%).
 */
export function proposalFromTable(rows: unknown[][], name: string, contract: string, baseYear: string): Proposal | Failure {
  if (rows.length < 2) return new Failure('VALUE', 'the proposals table needs a header row (proposal, year, schedule % …) and at least one row');
  const header = rows[0].map(key);
  const pc = column(header, 'proposal', 'name');
  const yc = column(header, 'year');
  const cc = column(header, 'contract');
  if (pc < 0 || yc < 0) return new Failure('VALUE', `the proposals table's first row must name the columns proposal and year; found ${rows[0].map((h) => (isEmpty(h) ? '(empty)' : shown(h))).join(', ')}`);
  const cols = PROPOSAL_COLUMNS.map(([field, names]) => [field, column(header, ...names)] as const).filter(([, i]) => i >= 0);
  const names = [...new Set(rows.slice(1).map((r) => text(r[pc])).filter(Boolean))] as string[];
  const mine = rows.map((r, i) => [r, i] as const).slice(1).filter(([r]) => (text(r[pc]) ?? '').toLowerCase() === name.trim().toLowerCase() && (cc < 0 || !text(r[cc]) || text(r[cc])!.toLowerCase() === contract));
  if (!mine.length) return new Failure('VALUE', `no proposal "${name}"${cc >= 0 ? ` for ${contract}` : ''} in the proposals table; it has ${names.join(', ') || 'none'}`);
  const fractions = new Set<string>();
  for (const [field, i] of cols) {
    if (!String(field).endsWith('Percent')) continue;
    const vals = rows.slice(1).map((r) => r[i]).filter((v): v is number => typeof v === 'number' && v !== 0);
    if (vals.length && vals.every((v) => Math.abs(v) < 0.2)) fractions.add(field);
  }
  const years: ProposalYear[] = [];
  for (const [r, i] of mine) {
    const y = yearOf(r[yc], `proposals row ${i + 1}, year`);
    if (y instanceof Failure) return y;
    const py: ProposalYear = { year: y, row: i + 1 };
    for (const [field, c] of cols) {
      const v = num(r[c], `proposals row ${i + 1}, ${shown(rows[0][c])}`);
      if (v instanceof Failure) return v;
      if (v !== undefined) (py as unknown as Record<string, number>)[field] = fractions.has(field) ? Math.round(v * 1e8) / 1e6 : v;
    }
    years.push(py);
  }
  years.sort((a, b) => a.year.localeCompare(b.year));
  return { name, contract, baseYear, years };
}

/** Years from a range of year cells, or one cell "2024-25:2026-27" / "2024-25 to 2026-27". */
export function yearsFrom(cells: unknown[]): string[] | Failure {
  const values = cells.filter((v) => !isEmpty(v));
  if (values.length === 1 && typeof values[0] === 'string' && /(:|\bto\b|\.\.)/.test(values[0])) {
    const [a, b] = values[0].split(/:|\bto\b|\.\./).map((s) => s.trim());
    const ya = parseYear(a);
    const yb = parseYear(b);
    if (!ya.ok) return new Failure('VALUE', ya.message);
    if (!yb.ok) return new Failure('VALUE', yb.message);
    const out: string[] = [];
    for (let s = Number(ya.year.slice(0, 4)); s <= Number(yb.year.slice(0, 4)); s++) out.push(`${s}-${String((s + 1) % 100).padStart(2, '0')}`);
    if (!out.length) return new Failure('VALUE', `"${values[0]}" runs backwards`);
    return out;
  }
  const out: string[] = [];
  for (const v of values) {
    const y = parseYear(String(v));
    if (!y.ok) return new Failure('VALUE', y.message);
    out.push(y.year);
  }
  if (!out.length) return new Failure('VALUE', 'give the school years, e.g. "2024-25:2026-27" or a range of year cells');
  for (let i = 1; i < out.length; i++)
    if (Number(out[i].slice(0, 4)) !== Number(out[i - 1].slice(0, 4)) + 1) return new Failure('VALUE', `the years must follow one another: ${out[i - 1]} then ${out[i]}`);
  return out;
}
