/**
 * The functions the Insert view offers, each with its arguments in the order Excel takes them, where each argument's
 * choices come from (the contract's own lists, through the API), and how the value and its source are asked of the
 * engine, through the API. Pure: the view renders it, the tests drive it without a browser.
 */
import type { Failure } from '../src/api';
import type { PaneApi } from './contract-api';
import { isFailure } from './contract-api';
import { formulaArg } from './grid';

/** Why a list has no choices: a Failure of the API, or the pane's own reason. */
export type Problem = Failure | { message: string };

export type FunctionId = 'SALARY' | 'HOURLY' | 'STIPEND' | 'TERM' | 'RATE' | 'PRORATE' | 'SEVERANCE';

/** The argument values as chosen: list choices as text, numbers as typed (validated before use). */
export type ArgValues = Record<string, string>;

export interface ArgSpec {
  name: string;
  /** the label the control shows */
  label: string;
  kind: 'list' | 'number';
  optional?: boolean;
  /** for a number: the smallest value taken, and a hint of what it means */
  min?: number;
  max?: number;
  hint?: string;
  /** for a list: the choices, from the contract (the arguments chosen before this one may narrow them) */
  choices?(api: PaneApi, contract: string, values: ArgValues): string[] | Problem;
}

export interface FunctionSpec {
  id: FunctionId;
  /** one line on what it answers */
  summary: string;
  args: ArgSpec[];
  /** the formula's arguments in Excel's order; `contract` stands for where the contract argument goes */
  order: (string | 'contract')[];
  /** the value, or with explain its source text, for the chosen arguments */
  ask(api: PaneApi, q: Record<string, string | number | undefined>, explain: boolean): number | string | Failure;
  /** decimal places the value is shown and formatted with */
  places(value: number): number;
}

const years = (api: PaneApi, contract: string) => api.years({ contract });
const lanes = (api: PaneApi, contract: string) => api.lanes({ contract });
const steps = (api: PaneApi, contract: string) => api.steps({ contract });

const yearArg: ArgSpec = { name: 'year', label: 'Year', kind: 'list', choices: years };
const laneArg: ArgSpec = { name: 'lane', label: 'Lane', kind: 'list', choices: lanes };
const stepArg: ArgSpec = { name: 'step', label: 'Step', kind: 'list', choices: steps };
const wholeOrCents = (v: number) => (Number.isInteger(v) ? 0 : 2);
const cents = () => 2;

/**
 * The steps of the hourly schedule that lists a position. A schedule prints positions as rows (custodians: position
 * by step) or as columns (ECFE: step by position); merged rows ("3 & 4") answer for each of their steps.
 */
export function hourlySteps(api: PaneApi, contract: string, position: string, year: string): string[] | Problem {
  const summary = api.contracts().find((c) => c.id === contract);
  for (const s of summary?.schedules.filter((x) => x.kind === 'hourly') ?? []) {
    const grid = api.schedule({ contract, year, schedule: s.id });
    if (isFailure(grid)) continue;
    const split = (labels: string[]) => labels.flatMap((l) => l.split(' & '));
    const positions = grid.rowAxis === 'lane' ? split(grid.rows.map((r) => r.label)) : grid.lanes;
    if (positions.includes(position)) return grid.rowAxis === 'lane' ? grid.lanes : split(grid.rows.map((r) => r.label));
  }
  const positions = api.positions({ contract });
  return isFailure(positions) ? positions : { message: `No hourly schedule of ${contract} lists the position "${position}" for ${year}; its positions: ${positions.join(', ')}` };
}

/** The keys a named term is stated for in a year ('' only when it takes none). */
function termKeys(api: PaneApi, contract: string, term: string, year: string): string[] | Failure {
  const t = api.contractTables({ contract, year });
  if (isFailure(t)) return t;
  return [...new Set(t.namedTerms.filter((r) => r.id === term).map((r) => r.key))].filter((k) => k !== '');
}

export const FUNCTIONS: FunctionSpec[] = [
  {
    id: 'SALARY',
    summary: 'Annual salary as printed for a lane, a step and a school year.',
    args: [laneArg, stepArg, yearArg, { name: 'fte', label: 'FTE (optional)', kind: 'number', optional: true, min: 0, max: 1, hint: 'fraction of full time, e.g. 0.6' }],
    order: ['lane', 'step', 'year', 'contract', 'fte'],
    ask: (api, q, explain) => api.salary({ contract: q.contract as string, lane: q.lane!, step: q.step!, year: q.year!, fte: q.fte as number | undefined }, { explain }),
    places: wholeOrCents,
  },
  {
    id: 'HOURLY',
    summary: 'An hourly rate from an hourly schedule.',
    args: [
      { name: 'position', label: 'Position', kind: 'list', choices: (api, contract) => api.positions({ contract }) },
      { name: 'year', label: 'Year', kind: 'list', choices: years },
      { name: 'step', label: 'Step', kind: 'list', choices: (api, contract, v) => hourlySteps(api, contract, v.position, v.year) },
    ],
    order: ['position', 'step', 'year', 'contract'],
    ask: (api, q, explain) => api.hourly({ contract: q.contract as string, position: q.position!, step: q.step!, year: q.year! }, { explain }),
    places: cents,
  },
  {
    id: 'STIPEND',
    summary: 'An extra-duty stipend for an activity and role, by seasons in the activity.',
    args: [
      { name: 'activity', label: 'Activity', kind: 'list', choices: (api, contract) => api.activities({ contract }) },
      { name: 'role', label: 'Role', kind: 'list', choices: (api, contract, v) => api.roles({ contract, activity: v.activity }) },
      { name: 'seasons', label: 'Seasons in the activity', kind: 'number', min: 1, max: 60, hint: 'the current one included: 1 is the first' },
      yearArg,
    ],
    order: ['activity', 'role', 'seasons', 'year', 'contract'],
    ask: (api, q, explain) =>
      api.stipend({ contract: q.contract as string, activity: String(q.activity), role: String(q.role), seasons: q.seasons as number, year: q.year! }, { explain }),
    places: wholeOrCents,
  },
  {
    id: 'TERM',
    summary: 'A named amount of the contract: a premium, an insurance contribution, a longevity tier.',
    args: [
      { name: 'term', label: 'Term', kind: 'list', choices: (api, contract) => { const t = api.terms({ contract }); return isFailure(t) ? t : t.filter((x) => x.unit !== 'rate').map((x) => x.id); } },
      yearArg,
      { name: 'key', label: 'Key', kind: 'list', optional: true, choices: (api, contract, v) => termKeys(api, contract, v.term, v.year) },
      { name: 'yearsOfService', label: 'Years of service (tiered terms)', kind: 'number', optional: true, min: 0, max: 80 },
    ],
    order: ['term', 'year', 'key', 'contract', 'yearsOfService'],
    ask: (api, q, explain) =>
      api.term({ contract: q.contract as string, term: String(q.term), year: q.year!, key: q.key as string | undefined, yearsOfService: q.yearsOfService as number | undefined }, { explain }),
    places: wholeOrCents,
  },
  {
    id: 'RATE',
    summary: 'A derived rate (daily, hourly) of a salary cell.',
    args: [{ name: 'rate', label: 'Rate', kind: 'list', choices: (api, contract) => api.rates({ contract }) }, laneArg, stepArg, yearArg],
    order: ['rate', 'lane', 'step', 'year', 'contract'],
    ask: (api, q, explain) => api.rate({ contract: q.contract as string, rate: String(q.rate), lane: q.lane!, step: q.step!, year: q.year! }, { explain }),
    places: cents,
  },
  {
    id: 'PRORATE',
    summary: 'Pay for part of a year: days (and hours) at the derived daily (and hourly) rate.',
    args: [laneArg, stepArg, yearArg, { name: 'days', label: 'Days', kind: 'number', min: 0, max: 366 }, { name: 'hours', label: 'Hours (optional)', kind: 'number', optional: true, min: 0, max: 3000 }],
    order: ['lane', 'step', 'year', 'days', 'hours', 'contract'],
    ask: (api, q, explain) =>
      api.prorate({ contract: q.contract as string, lane: q.lane!, step: q.step!, year: q.year!, days: q.days as number, hours: q.hours as number | undefined }, { explain }),
    places: cents,
  },
  {
    id: 'SEVERANCE',
    summary: 'Severance for unused sick days at the derived daily rate, within the contract’s limits.',
    args: [
      laneArg, stepArg, yearArg,
      { name: 'unusedDays', label: 'Unused days', kind: 'number', min: 0, max: 1000 },
      { name: 'contributions', label: 'Contributions made (optional)', kind: 'number', optional: true, min: 0 },
    ],
    order: ['lane', 'step', 'year', 'unusedDays', 'contributions', 'contract'],
    ask: (api, q, explain) =>
      api.severance({ contract: q.contract as string, lane: q.lane!, step: q.step!, year: q.year!, unusedDays: q.unusedDays as number, contributions: q.contributions as number | undefined }, { explain }),
    places: cents,
  },
];

/** Why a typed number cannot be used, or its value; an optional one left empty is undefined. */
export function readNumber(arg: ArgSpec, text: string | undefined): number | undefined | string {
  const t = (text ?? '').trim();
  if (t === '') return arg.optional ? undefined : `${arg.label} is needed.`;
  const n = Number(t);
  if (!Number.isFinite(n)) return `${arg.label}: "${t}" is not a number.`;
  if (arg.min !== undefined && n < arg.min) return `${arg.label} must be at least ${arg.min}; got ${t}.`;
  if (arg.max !== undefined && n > arg.max) return `${arg.label} must be at most ${arg.max}; got ${t}.`;
  return n;
}

/**
 * The query of the chosen arguments, or the first problem (a number that is not one, a list left empty).
 * `contract` is the contract the value is computed on.
 */
export function query(spec: FunctionSpec, values: ArgValues, contract: string): Record<string, string | number | undefined> | string {
  const q: Record<string, string | number | undefined> = { contract };
  for (const arg of spec.args) {
    if (arg.kind === 'number') {
      const n = readNumber(arg, values[arg.name]);
      if (typeof n === 'string') return n;
      q[arg.name] = n;
    } else {
      const v = values[arg.name] ?? '';
      if (v === '' && !arg.optional) return `Choose a ${arg.label.toLowerCase()}.`;
      q[arg.name] = v === '' ? undefined : v;
    }
  }
  return q;
}

/**
 * The formula for the chosen arguments: =CONTRACT.SALARY("BA","B","2025-26","waconia/teachers"). `contract` is ''
 * to leave it to the workbook's default. Optional arguments left empty are left out at the end, and empty between.
 */
export function formulaOf(spec: FunctionSpec, q: Record<string, string | number | undefined>, contract: string): string {
  const args = spec.order.map((name) => {
    const v = name === 'contract' ? contract || undefined : q[name];
    return v === undefined ? '' : formulaArg(v);
  });
  while (args.length && args[args.length - 1] === '') args.pop();
  return `=CONTRACT.${spec.id}(${args.join(',')})`;
}
