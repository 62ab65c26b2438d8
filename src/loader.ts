/**
 * Loading contract files: JSON text -> size and depth -> schema check -> semantic checks -> compiled model.
 * All-or-nothing: a batch with any bad file is rejected whole, every problem listed as `file: path: reason`,
 * and the registry keeps exactly what it had. What passes cannot crash or mislead later: no nesting deep enough
 * to overflow a recursive walk, no amount with more decimal places than its rounding rule keeps, no divisor
 * that gives Infinity.
 */
import type {
  CompiledSchedule, CompiledStipendItem, CompiledStipends, CompiledTable, CompiledTerm, Contract, ContractFile, PrintedValue, ScheduleFile, StipendsFile, TermFile,
} from './model';
import { CLOSED, EMPTY, VALUE } from './model';
import { RULE_KINDS } from './rules';
import { DECLARED_NAMES, declaredPath, givenName } from './declared';
import type { Validation } from './rules';
import { excerpt, lookalikeReason, normalizeLabel } from './normalize';
import contractSchema from './schema/contract.schema.json';
import { SchemaValidator } from './schema/validate';
import type { SchemaError, SchemaNode } from './schema/validate';

/** The published schema, interpreted (no generated code, no eval). */
export const schemaValidator = new SchemaValidator(contractSchema as unknown as SchemaNode);

/** Largest contract file accepted, in characters. The shipped ones are under 250 KB. */
export const MAX_CONTRACT_CHARS = 2_000_000;

/**
 * Contracts loaded at run time (a workbook's own, loadContract): at most this many at once, each at most
 * MAX_CONTRACT_CHARS characters. A workbook keeps each in a custom XML part; 20 is more agreements than a district
 * bargains with, and keeps a workbook's contracts under 40 MB.
 */
export const MAX_RUNTIME_CONTRACTS = 20;

/** A contract loaded at run time: its id, where it came from (a file name, "workbook"), and its JSON text as given. */
export interface RuntimeContract { id: string; origin: string; text: string }

/** Deepest nesting of arrays and objects accepted. The shipped files nest 9 levels deep. */
export const MAX_CONTRACT_DEPTH = 32;

/** A reason is cut to this length: a message quotes a short excerpt of the input, never the input. */
const MAX_REASON_CHARS = 400;
/** Problems listed in one error; the count of the rest is given. */
const MAX_PROBLEMS_LISTED = 20;

export interface ContractProblem { file: string; path: string; reason: string }

const problemLine = (p: ContractProblem) => `${p.file}: ${p.path || '(top)'}: ${p.reason}`;

/**
 * A rejected file or batch. `file`, `path` and `reason` are the first problem; `problems` lists them all, and the
 * message has one `file: path: reason` line for each (up to MAX_PROBLEMS_LISTED, then how many more).
 */
export class ContractLoadError extends Error {
  readonly problems: ContractProblem[];
  constructor(readonly file: string, readonly path: string, readonly reason: string, more: ContractProblem[] = []) {
    const first = { file, path, reason: excerpt(reason, MAX_REASON_CHARS) };
    const problems = [first, ...more.map((p) => ({ ...p, reason: excerpt(p.reason, MAX_REASON_CHARS) }))];
    const listed = problems.slice(0, MAX_PROBLEMS_LISTED).map(problemLine);
    if (problems.length > listed.length) listed.push(`… and ${problems.length - listed.length} more problems`);
    super(listed.join('\n'));
    this.reason = first.reason;
    this.problems = problems;
    this.name = 'ContractLoadError';
  }

  /** One error listing every problem of several. */
  static of(problems: ContractProblem[]): ContractLoadError {
    const [first, ...more] = problems;
    return new ContractLoadError(first.file, first.path, first.reason, more);
  }
}

/** How deeply arrays and objects nest in parsed data (iterative: no recursion to overflow). */
function nestingDepth(data: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[data, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) break;
    for (const x of Array.isArray(v) ? v : Object.values(v)) if (x && typeof x === 'object') stack.push([x, depth + 1]);
  }
  return deepest;
}

/** How deeply brackets nest in JSON text, strings skipped; the text need not be valid JSON. */
function textNestingDepth(text: string, stopAt: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > deepest && (deepest = depth) > stopAt) break;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

const tooDeep = () => `arrays and objects nest more than ${MAX_CONTRACT_DEPTH} levels deep; a contract file needs fewer than 10`;

/** JSON pointer "/schedules/0/lanes/3/label" -> "schedules[0].lanes[3].label" */
function readablePath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

/** The schema's pattern of a citation (its reason quotes it). */
const CITE_PATTERN = (contractSchema as unknown as { definitions: { cite: { pattern: string } } }).definitions.cite.pattern;

/** The schema's reason, made more specific where we know what the value was meant to be. */
function schemaReason(e: SchemaError): string {
  if (e.keyword === 'pattern' && typeof e.value === 'string') {
    const lookalike = lookalikeReason(e.value);
    if (lookalike) return lookalike;
  }
  if (e.keyword === 'pattern' && typeof e.value === 'string' && e.reason.includes(CITE_PATTERN))
    return `${JSON.stringify(excerpt(e.value, 80))} is not a citation: write "file:line", "file:first-last" or "file#section, page" (e.g. "agreement.pdf#Art. IX Sec. 2, p. 14"), with a file listed in sources; a section and page hold no # ( ) [ ] ;`;
  if (/\/(rows\/\d+\/values|amounts)\/\d+$/.test(e.path))
    return `${excerpt(JSON.stringify(e.value) ?? String(e.value))} is not a printed amount (a number from 0 to 10,000,000), null (empty cell)${e.path.includes('/rows/') ? ' or "NONE"' : ''}`;
  return e.reason;
}

/**
 * Parses and checks one contract file. Throws ContractLoadError; never returns a half-built contract.
 * `trusted` skips the schema and semantic checks: only for the files bundled with the add-in, which the test
 * suite loads with every check (and which would otherwise cost most of the add-in's start-up time).
 */
export function compileContract(input: string | unknown, origin: string, trusted = false): Contract {
  let data: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_CONTRACT_CHARS) throw new ContractLoadError(origin, '', `file is ${input.length} characters; the limit is ${MAX_CONTRACT_CHARS}`);
    const depth = textNestingDepth(input, MAX_CONTRACT_DEPTH);
    if (depth > MAX_CONTRACT_DEPTH) throw new ContractLoadError(origin, '', tooDeep());
    try {
      data = JSON.parse(input);
    } catch (err) {
      throw new ContractLoadError(origin, '', `not valid JSON: ${excerpt((err as Error).message, 120)}`);
    }
  } else {
    const depth = nestingDepth(input, MAX_CONTRACT_DEPTH);
    if (depth > MAX_CONTRACT_DEPTH) throw new ContractLoadError(origin, '', tooDeep());
  }
  if (!trusted) {
    const errors = schemaValidator.validateAll(data);
    if (errors.length) throw ContractLoadError.of(errors.map((e) => ({ file: origin, path: readablePath(e.path), reason: schemaReason(e) })));
  }
  const file = data as ContractFile;
  if (!trusted) checkSemantics(file, origin);
  const schedules = file.schedules.map((s) => compileSchedule(s, file, origin));
  return {
    file,
    id: file.id,
    years: file.years,
    schedules,
    scheduleById: new Map(schedules.map((s) => [s.id, s])),
    scheduleByName: new Map(schedules.flatMap((s) => [s.id, s.file.title, ...(s.file.aliases ?? [])].map((n) => [normalizeLabel(n), s] as const))),
    rangeSchedules: schedules.filter((s) => s.file.kind === 'range'),
    salarySchedule: schedules.find((s) => s.file.kind === 'annual'),
    hourlySchedules: schedules.filter((s) => s.file.kind === 'hourly'),
    stipends: file.stipends && compileStipends(file.stipends, origin),
    terms: new Map((file.terms ?? []).map((t) => [t.id, compileTerm(t)])),
    rates: new Map((file.rates ?? []).map((r) => [r.id, r])),
    origin,
  };
}

/** Own keys only: a name such as "constructor" must not find Object.prototype's member. */
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function fail(origin: string, path: string, reason: string): never {
  throw new ContractLoadError(origin, path, reason);
}

/** Builds normalised label -> index, rejecting duplicates (after normalisation) within one axis. */
function axisIndex(items: { label: string; aliases: string[] }[], origin: string, path: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    [item.label, ...item.aliases].forEach((name, j) => {
      const key = normalizeLabel(name);
      const at = j === 0 ? `${path}[${i}].label` : `${path}[${i}].aliases[${j - 1}]`;
      const prev = index.get(key);
      if (prev !== undefined && prev !== i)
        fail(origin, at, `"${name}" is already used by ${path}[${prev}] ("${items[prev].label}"); labels and aliases must be unique ignoring case and spaces`);
      index.set(key, i);
    });
  });
  return index;
}

/** What every section checker is given: the file, the problem list, and the shared lookups (see rules/kind.ts). */
interface Checking extends Validation {
  origin: string;
  years: Set<string>;
  /** runs a check; a failure is recorded and checking goes on */
  guard(check: () => void): void;
}

function checking(f: ContractFile, origin: string, problems: ContractProblem[]): Checking {
  const years = new Set(f.years);
  const guard = (check: () => void) => {
    try {
      check();
    } catch (e) {
      if (!(e instanceof ContractLoadError)) throw e;
      problems.push(...e.problems);
    }
  };
  const failAt = (path: string, reason: string): never => fail(origin, path, reason);
  const needYear = (y: string, p: string) => years.has(y) || failAt(p, `${y} is not in the contract's years (${f.years.join(', ')})`);
  return {
    file: f, origin, years, guard,
    fail: failAt,
    each: (xs, check) => (xs ?? []).forEach((x, i) => guard(() => check(x, i))),
    scheduleOf: (id, p) => f.schedules.find((s) => s.id === id) ?? failAt(p, `schedule "${id}" does not exist (${f.schedules.map((s) => s.id).join(', ')})`),
    needYear,
    needYears: (ys, p) => ys.forEach((y, j) => needYear(y, `${p}[${j}]`)),
    needRounding: (r, p) => hasOwn(f.rounding, r) || failAt(p, `rounding rule "${r}" is not declared (${Object.keys(f.rounding).join(', ')})`),
    needTable: (s, y, p) => s.tables.some((t) => t.year === y) || failAt(p, `schedule "${s.id}" has no table for ${y}`),
    needStep: (s, label, p) => s.steps.some((x) => x.label === label) || failAt(p, `"${label}" is not a step of "${s.id}"`),
    needLane: (s, label, p) => s.lanes.some((x) => x.label === label) || failAt(p, `"${label}" is not a lane of "${s.id}"`),
    needTerm: (id, p) => (f.terms ?? []).some((t) => t.id === id) || failAt(p, `term "${id}" is not defined in terms`),
  };
}

/**
 * The checks beyond the schema's, one checker per section of the file. Every problem is listed: a check that
 * fails is recorded and the next one runs (a failed element's own later checks are skipped, since they would
 * only repeat it).
 */
function checkSemantics(f: ContractFile, origin: string): void {
  const problems: ContractProblem[] = [];
  const c = checking(f, origin, problems);
  for (const section of SECTION_CHECKS) c.guard(() => section(c));
  if (problems.length) throw ContractLoadError.of(problems);
}

/** Every citation points into a declared source, and its line range runs forwards. */
/** The property names the schema types as a citation (`cite`, `lanesCite`, `inOvertimeRate` …), read from the schema once. */
const CITATION_KEYS: ReadonlySet<string> = (() => {
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'properties' && x && typeof x === 'object')
          for (const [name, def] of Object.entries(x)) if ((def as { $ref?: string }).$ref === '#/definitions/cite') keys.add(name);
        walk(x);
      }
  };
  walk(contractSchema);
  return keys;
})();

function checkCitations(c: Checking): void {
  const sourceFiles = new Set(c.file.sources.map((s) => s.file));
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (CITATION_KEYS.has(k) && typeof x === 'string')
          c.guard(() => {
            // "file:lines" or "file#section, page" (the schema's two forms; see src/format.ts citeText)
            const hash = x.indexOf('#');
            const [file, lines] = hash >= 0 ? [x.slice(0, hash), undefined] : x.split(':');
            if (!sourceFiles.has(file)) c.fail(p, `cites "${file}", which is not listed in sources (${[...sourceFiles].join(', ')})`);
            if (lines === undefined) return;
            const [a, b] = lines.split('-').map(Number);
            if (b !== undefined && b < a) c.fail(p, `line range ${lines} runs backwards`);
          });
        else walk(x, p);
      }
  };
  walk(c.file, '');
}

function checkAgreements(c: Checking): void {
  c.each(c.file.agreements, (a, i) => a.years.forEach((y, j) => c.needYear(y, `agreements[${i}].years[${j}]`)));
}

/** Unique ids, declared rounding, unique axis labels, one table a year, rows that fit the axes. */
function checkSchedules(c: Checking): void {
  const { file: f, origin } = c;
  const scheduleIds = new Set<string>();
  /** normalised id, title or alias -> the schedule that takes it (SALARY's schedule argument must name one) */
  const names = new Map<string, number>();
  c.each(f.schedules, (s, si) => {
    const sp = `schedules[${si}]`;
    if (scheduleIds.has(s.id)) c.fail(`${sp}.id`, `schedule id "${s.id}" is used twice`);
    scheduleIds.add(s.id);
    [s.id, s.title, ...(s.aliases ?? [])].forEach((name, j) => {
      const prev = names.get(normalizeLabel(name));
      const at = j === 0 ? `${sp}.id` : j === 1 ? `${sp}.title` : `${sp}.aliases[${j - 2}]`;
      if (prev !== undefined && prev !== si) c.fail(at, `"${name}" already names schedules[${prev}] ("${f.schedules[prev].id}"); schedule ids, titles and aliases must be unique ignoring case and spaces`);
      names.set(normalizeLabel(name), si);
    });
    c.guard(() => checkRangeSchedule(c, s, sp));
    c.guard(() => hasOwn(f.rounding, s.rounding) || c.fail(`${sp}.rounding`, `rounding rule "${s.rounding}" is not declared in rounding (${Object.keys(f.rounding).join(', ')})`));
    c.guard(() => axisIndex(s.lanes, origin, `${sp}.lanes`));
    c.guard(() => axisIndex(s.steps, origin, `${sp}.steps`));
    const tableYears = new Set<string>();
    c.each(s.tables, (t, ti) => {
      const tp = `${sp}.tables[${ti}]`;
      c.needYear(t.year, `${tp}.year`);
      if (tableYears.has(t.year)) c.fail(`${tp}.year`, `schedule "${s.id}" has two tables for ${t.year}`);
      tableYears.add(t.year);
      const covered = new Map<string, number>();
      c.each(t.rows, (r, ri) => {
        const rp = `${tp}.rows[${ri}]`;
        if ((r.steps === undefined) === (r.lanes === undefined))
          c.fail(rp, 'a row lists either the steps it answers for (values one per lane) or the lanes (values one per step), not both or neither');
        const byStep = r.steps !== undefined;
        const [axis, across] = byStep ? (['steps', s.lanes] as const) : (['lanes', s.steps] as const);
        const own = byStep ? s.steps : s.lanes;
        if (r.values.length !== across.length)
          c.fail(`${rp}.values`, `has ${r.values.length} values; the schedule has ${across.length} ${byStep ? 'lanes' : 'steps'} (${across.map((l) => l.label).join(', ')})`);
        (r.steps ?? r.lanes)!.forEach((label, k) => {
          const idx = own.findIndex((x) => x.label === label);
          if (idx < 0) c.fail(`${rp}.${axis}[${k}]`, `"${label}" is not a ${byStep ? 'step' : 'lane'} label of schedule "${s.id}" (${own.map((x) => x.label).join(', ')})`);
          const key = `${axis}:${idx}`;
          if (covered.has(key)) c.fail(`${rp}.${axis}[${k}]`, `${byStep ? 'step' : 'lane'} "${label}" already has a row in ${t.year} (rows[${covered.get(key)}])`);
          covered.set(key, ri);
        });
      });
      const layouts = new Set(t.rows.map((r) => r.steps !== undefined));
      if (layouts.size > 1) c.fail(`${tp}.rows`, 'mixes rows by step and rows by lane; a table uses one layout');
    });
  });
}

/**
 * A range schedule (kind "range") says what its amounts are (pay: annual or hourly), has one step of kind "min"
 * and one of kind "max", and no minimum above its maximum; the other kinds use neither.
 */
function checkRangeSchedule(c: Checking, s: ScheduleFile, sp: string): void {
  const ends = (k: 'min' | 'max') => s.steps.flatMap((x, i) => (x.kind === k ? [i] : []));
  if (s.kind !== 'range') {
    if (s.pay !== undefined) c.fail(`${sp}.pay`, `only a range schedule says what its amounts are; this one is ${s.kind}`);
    const end = s.steps.findIndex((x) => x.kind === 'min' || x.kind === 'max');
    if (end >= 0) c.fail(`${sp}.steps[${end}].kind`, `"${s.steps[end].kind}" marks an end of a range schedule; this schedule is ${s.kind}`);
    return;
  }
  if (s.pay === undefined) c.fail(`${sp}.pay`, 'a range schedule says whether its amounts are annual salaries or hourly rates (pay: "annual" or "hourly")');
  const [mins, maxes] = [ends('min'), ends('max')];
  if (mins.length !== 1 || maxes.length !== 1) c.fail(`${sp}.steps`, `a range schedule has exactly one step of kind "min" and one of kind "max"; it has ${mins.length} and ${maxes.length}`);
  const n = s.lanes.length;
  c.each(s.tables, (t, ti) => {
    // rows by lane (a grade's row) or by step (the Min row, the Max row): compare the two ends of each grade
    const at = (step: number, lane: number): PrintedValue | undefined => {
      for (const r of t.rows) {
        if (r.steps?.includes(s.steps[step].label)) return r.values[lane];
        if (r.lanes?.includes(s.lanes[lane].label)) return r.values[step];
      }
      return undefined;
    };
    for (let l = 0; l < n; l++) {
      const [lo, hi] = [at(mins[0], l), at(maxes[0], l)];
      if (typeof lo === 'number' && typeof hi === 'number' && hi < lo)
        c.fail(`${sp}.tables[${ti}]`, `${s.lanes[l].label} in ${t.year}: the maximum ${hi} is below the minimum ${lo}`);
    }
  });
}

/** Each rule kind checks its own entries (src/rules/). */
function checkRules(c: Checking): void {
  for (const kind of RULE_KINDS) c.guard(() => kind.validate?.(c));
}

/** Experience steps that follow one another, bases and add-ons that exist, one amount per item and year. */
function checkStipends(c: Checking): void {
  const st = c.file.stipends;
  if (!st) return;
  const { origin } = c;
  c.guard(() => c.needRounding(st.rounding, 'stipends.rounding'));
  const nSteps = st.experienceSteps.length;
  c.guard(() => axisIndex(st.experienceSteps.map((e) => ({ label: e.label, aliases: [] })), origin, 'stipends.experienceSteps'));
  c.each(st.experienceSteps, (e, i) => {
    const p = `stipends.experienceSteps[${i}]`;
    if (e.toYear !== undefined && e.toYear < e.fromYear) c.fail(`${p}.toYear`, `${e.toYear} is before fromYear ${e.fromYear}`);
    const prev = st.experienceSteps[i - 1];
    const expected = i === 0 ? 1 : prev.toYear === undefined ? NaN : prev.toYear + 1;
    if (e.fromYear !== expected)
      c.fail(`${p}.fromYear`, i === 0 ? 'the first experience step must start at year 1' : prev.toYear === undefined ? `the step before has no toYear, so no step can follow it` : `must be ${expected}, right after the previous step's toYear`);
    if (e.toYear === undefined && i !== nSteps - 1) c.fail(`${p}.toYear`, 'only the last experience step may be open-ended');
  });
  const stepLabels = st.experienceSteps.map((e) => e.label);
  const baseIds = new Set<string>();
  c.each(st.bases, (b, i) => {
    const p = `stipends.bases[${i}]`;
    if (baseIds.has(b.id)) c.fail(`${p}.id`, `base "${b.id}" is defined twice`);
    baseIds.add(b.id);
    const s = c.scheduleOf(b.schedule, `${p}.schedule`);
    c.needLane(s, b.lane, `${p}.lane`);
    c.needStep(s, b.step, `${p}.step`);
    (b.printed ?? []).forEach((x, j) => c.needYear(x.year, `${p}.printed[${j}].year`));
  });
  c.each(st.addOns, (a, i) => {
    const p = `stipends.addOns[${i}]`;
    const si = stepLabels.indexOf(a.step);
    const oi = stepLabels.indexOf(a.over);
    if (si < 0) c.fail(`${p}.step`, `"${a.step}" is not an experience step (${stepLabels.join(', ')})`);
    if (oi < 0) c.fail(`${p}.over`, `"${a.over}" is not an experience step (${stepLabels.join(', ')})`);
    if (oi >= si) c.fail(`${p}.over`, `an add-on builds on an earlier step; "${a.over}" does not come before "${a.step}"`);
  });
  const seen = new Map<string, number>();
  c.each(st.items, (it, i) => {
    const p = `stipends.items[${i}]`;
    const key = `${normalizeLabel(it.activity)}|${normalizeLabel(it.role)}`;
    if (seen.has(key)) c.fail(p, `${it.activity} / ${it.role} is already defined by stipends.items[${seen.get(key)}]`);
    seen.set(key, i);
    const covered = new Set<string>();
    c.each(it.terms, (b, j) => {
      const bp = `${p}.terms[${j}]`;
      b.years.forEach((y, k) => {
        c.needYear(y, `${bp}.years[${k}]`);
        if (covered.has(y)) c.fail(`${bp}.years[${k}]`, `${it.activity} / ${it.role} already has an amount for ${y}`);
        covered.add(y);
      });
      if (b.kind === 'percent') {
        if (!baseIds.has(b.base)) c.fail(`${bp}.base`, `base "${b.base}" is not defined in stipends.bases (${[...baseIds].join(', ') || 'none'})`);
        if (b.percents.length !== nSteps) c.fail(`${bp}.percents`, `has ${b.percents.length} percents; there are ${nSteps} experience steps (${stepLabels.join(', ')})`);
      }
      if (b.kind === 'amount' && b.amounts.length !== 1 && b.amounts.length !== nSteps)
        c.fail(`${bp}.amounts`, `has ${b.amounts.length} amounts; give one for all, or one per experience step (${nSteps})`);
      if (b.kind === 'range' && b.max < b.min) c.fail(`${bp}.max`, `${b.max} is below min ${b.min}`);
    });
  });
  const findItem = (activity: string, role?: string) =>
    st.items.some((it) => normalizeLabel(it.activity) === normalizeLabel(activity) && (role === undefined || normalizeLabel(it.role) === normalizeLabel(role)));
  c.each(st.bonuses, (b, i) => {
    const p = `stipends.bonuses[${i}]`;
    c.needYears(b.years ?? [], `${p}.years`);
    b.appliesTo.forEach((a, j) => findItem(a.activity, a.role) || c.fail(`${p}.appliesTo[${j}]`, `no stipend item ${a.activity}${a.role ? ' / ' + a.role : ''}`));
  });
  c.each(st.printed, (t, i) => {
    c.needYear(t.year, `stipends.printed[${i}].year`);
    c.each(t.rows, (r, j) => {
      const p = `stipends.printed[${i}].rows[${j}]`;
      findItem(r.activity, r.role) || c.fail(p, `no stipend item ${r.activity} / ${r.role} for this printed row`);
      if (r.amounts.length !== nSteps) c.fail(`${p}.amounts`, `has ${r.amounts.length} amounts; there are ${nSteps} experience steps`);
    });
  });
}

/** Unique ids, positions that exist, keys and tiers used consistently, one value per key, tier and year. */
function checkTerms(c: Checking): void {
  const f = c.file;
  const termIds = new Set<string>();
  c.each(f.terms, (t, i) => {
    const p = `terms[${i}]`;
    if (termIds.has(t.id)) c.fail(`${p}.id`, `term "${t.id}" is defined twice`);
    termIds.add(t.id);
    (t.positions ?? []).forEach((pos, j) =>
      f.schedules.some((s) => s.kind === 'hourly' && s.lanes.some((l) => l.label === pos)) ||
        c.fail(`${p}.positions[${j}]`, `"${pos}" is not a position of an hourly schedule`));
    const keyed = t.values.filter((v) => v.key !== undefined).length;
    if (keyed !== 0 && keyed !== t.values.length) c.fail(`${p}.values`, 'either every value has a key or none has');
    const tiers = t.values.filter((v) => v.minYears !== undefined).length;
    if (tiers !== 0 && tiers !== t.values.length) c.fail(`${p}.values`, 'either every value has minYears (a tier) or none has');
    const aliasOwner = new Map<string, string>();
    const slots = new Set<string>();
    c.each(t.values, (v, j) => {
      const vp = `${p}.values[${j}]`;
      c.needYears(v.years, `${vp}.years`);
      if (v.key !== undefined)
        for (const name of [v.key, ...(v.keyAliases ?? [])]) {
          const n = normalizeLabel(name);
          const owner = aliasOwner.get(n);
          if (owner !== undefined && owner !== v.key) c.fail(vp, `"${name}" already names key "${owner}"`);
          aliasOwner.set(n, v.key);
        }
      for (const y of v.years) {
        const slot = `${v.key ?? ''}|${v.minYears ?? ''}|${y}|${v.from ?? ''}`;
        if (slots.has(slot)) c.fail(vp, `a second value for ${[v.key && `key "${v.key}"`, v.minYears !== undefined && `${v.minYears} years`, y].filter(Boolean).join(', ')}`);
        slots.add(slot);
      }
      if (v.max !== undefined && v.max < v.amount) c.fail(`${vp}.max`, `${v.max} is below the amount ${v.amount}`);
      if (v.range && v.max === undefined) c.fail(`${vp}.max`, 'a range needs its top in max');
      if (v.from !== undefined) {
        // a value taking effect inside one school year (July 1 to June 30): after the year's start, in that year
        const [y, m] = v.from.split('-').map(Number);
        const school = m >= 7 ? `${y}-${String((y + 1) % 100).padStart(2, '0')}` : `${y - 1}-${String(y % 100).padStart(2, '0')}`;
        if (m < 1 || m > 12) c.fail(`${vp}.from`, `${v.from} is not a date`);
        if (v.years.length !== 1 || v.years[0] !== school) c.fail(`${vp}.years`, `a value from ${v.from} states one year, the school year that date falls in (${school})`);
        if (m === 7) c.fail(`${vp}.from`, `${v.from} is the start of the school year: state the value for the year, without from`);
        if (!t.values.some((u) => u.from === undefined && u.key === v.key && u.minYears === v.minYears && u.years.includes(school)))
          c.fail(vp, `a value from ${v.from} changes the year's value: state the value in force at the start of ${school} too (the same key and tier, without from)`);
      }
      if ((v.fteFrom === undefined) !== (v.fteTo === undefined)) c.fail(vp, 'an FTE band gives both fteFrom and fteTo');
      if (v.fteFrom !== undefined && v.fteTo! < v.fteFrom) c.fail(`${vp}.fteTo`, `${v.fteTo} is below fteFrom ${v.fteFrom}`);
    });
  });
}

/** The terms payroll names exist. */
function checkPayroll(c: Checking): void {
  const payroll = c.file.payroll;
  const ins = payroll?.insurance;
  if (ins?.term) c.guard(() => c.needTerm(ins.term!, 'payroll.insurance.term'));
  (ins?.coverages ?? []).forEach((x, i) => c.guard(() => c.needTerm((x.term ?? x.premiumShare)!, `payroll.insurance.coverages[${i}].${x.term ? 'term' : 'premiumShare'}`)));
  if (ins?.partTimeShare?.term)
    c.guard(() => {
      const p = 'payroll.insurance.partTimeShare.term';
      c.needTerm(ins.partTimeShare!.term!, p);
      // the share is looked up by the employee's FTE: every value states its band
      const unbanded = c.file.terms!.find((t) => t.id === ins.partTimeShare!.term)!.values.findIndex((v) => v.fteFrom === undefined);
      if (unbanded >= 0) c.fail(p, `term "${ins.partTimeShare!.term}" gives its share by FTE band: values[${unbanded}] needs fteFrom and fteTo`);
    });
  if (payroll?.match) c.guard(() => c.needTerm(payroll.match!.term, 'payroll.match.term'));
  if (payroll?.longevity)
    c.guard(() => {
      const id = payroll.longevity!.term;
      c.needTerm(id, 'payroll.longevity.term');
      if (!c.file.terms!.find((t) => t.id === id)!.values.every((v) => v.minYears !== undefined)) c.fail('payroll.longevity.term', `term "${id}" has no years-of-service tiers`);
    });
}

/**
 * The names a file declares for what the engine reads (src/declared.ts: profile lanes, roundingFor, prorate and
 * severance rates and terms, payroll.overtime terms) exist in the file. A name the file leaves to its default
 * is not checked here: where the default names nothing, the function that needs it says so.
 */
function checkDeclaredNames(c: Checking): void {
  const f = c.file;
  const salary = f.schedules.find((s) => s.kind === 'annual');
  for (const { section, field, names } of DECLARED_NAMES) {
    const name = givenName(f, section, field);
    if (name === undefined) continue;
    const p = declaredPath(section, field);
    c.guard(() => {
      if (names === 'rounding') c.needRounding(name, p);
      else if (names === 'term') c.needTerm(name, p);
      else if (names === 'rate') (f.rates ?? []).some((r) => r.id === name) || c.fail(p, `rate "${name}" is not defined in rates (${(f.rates ?? []).map((r) => r.id).join(', ') || 'none'})`);
      else if (!salary) c.fail(p, 'the contract has no annual salary schedule to take the lane from');
      else salary.lanes.some((l) => [l.label, ...l.aliases].some((x) => normalizeLabel(x) === normalizeLabel(name))) ||
        c.fail(p, `"${name}" is neither a lane label nor an alias of "${salary.id}" (${salary.lanes.map((l) => l.label).join(', ')})`);
    });
  }
}

/** Unique ids, declared rounding, and a chain of `of` that ends at the salary, without a circle. */
function checkRates(c: Checking): void {
  const rates = c.file.rates;
  const rateIds = new Map<string, number>();
  c.each(rates, (r, i) => {
    if (rateIds.has(r.id)) return c.fail(`rates[${i}].id`, `rate "${r.id}" is defined twice`);
    rateIds.set(r.id, i);
  });
  c.each(rates, (r, i) => {
    const p = `rates[${i}]`;
    c.needRounding(r.rounding, `${p}.rounding`);
    (r.max ?? []).forEach((m, j) => c.needYears(m.years, `${p}.max[${j}].years`));
    const chain = [r.id];
    let of = r.of;
    while (of !== 'salary') {
      const next = rateIds.get(of);
      if (next === undefined) c.fail(`${p}.of`, `"${of}" is neither "salary" nor a rate id (${[...rateIds.keys()].join(', ')})`);
      if (chain.includes(of)) c.fail(`${p}.of`, `rates refer to each other in a circle: ${[...chain, of].join(' -> ')}`);
      chain.push(of);
      of = rates![next!].of;
    }
  });
}

const SECTION_CHECKS: ((c: Checking) => void)[] = [
  checkCitations, checkAgreements, checkSchedules, checkRules, checkStipends, checkTerms, checkPayroll, checkRates, checkDeclaredNames,
  (c) => checkPlaces(c.file, c.origin, c.guard),
];

/** Decimal places of a number as JSON writes it: 46146.125 has 3, 1e-7 has 7. */
function decimalPlaces(n: number): number {
  if (Number.isInteger(n)) return 0;
  const [mantissa, exponent] = String(n).split('e');
  return Math.max(0, (mantissa.split('.')[1] ?? '').length - Number(exponent ?? 0));
}

/**
 * Amounts carry no more decimal places than the rounding rule that governs them keeps, and money never more
 * than cents: costing sums whole cents, so an amount in tenths of a cent could not be costed (and a printed
 * salary of 46,146.125 under a whole-dollar rule is a typing error). Terms that are not money (multipliers,
 * hours, percents) may carry up to six places.
 */
function checkPlaces(f: ContractFile, origin: string, guard: (check: () => void) => void): void {
  const ruleText = (rule: string, owner: string) => `rounding rule "${rule}" of ${owner}`;
  const keeps = (rule: string): number => (hasOwn(f.rounding, rule) ? Math.max(0, Math.min(2, f.rounding[rule].places)) : 2);
  const need = (v: unknown, allowed: number, path: string, why: string) => {
    if (typeof v !== 'number') return;
    const places = decimalPlaces(v);
    if (places > allowed) guard(() => fail(origin, path, `${excerpt(String(v))} has ${places} decimal places; ${why} keeps ${allowed}`));
  };
  f.schedules.forEach((s, si) => {
    const allowed = keeps(s.rounding);
    const why = ruleText(s.rounding, `schedule "${s.id}"`);
    s.tables.forEach((t, ti) => t.rows.forEach((r, ri) => r.values.forEach((v, k) => need(v, allowed, `schedules[${si}].tables[${ti}].rows[${ri}].values[${k}]`, why))));
  });
  const st = f.stipends;
  if (st) {
    const allowed = keeps(st.rounding);
    const why = ruleText(st.rounding, 'stipends');
    st.items.forEach((it, i) =>
      it.terms.forEach((b, j) => {
        const p = `stipends.items[${i}].terms[${j}]`;
        if (b.kind === 'amount') b.amounts.forEach((v, k) => need(v, allowed, `${p}.amounts[${k}]`, why));
        if (b.kind === 'range') (['min', 'max'] as const).forEach((k) => need(b[k], allowed, `${p}.${k}`, why));
        if (b.kind === 'perUnit') (['rate', 'max'] as const).forEach((k) => need(b[k], allowed, `${p}.${k}`, why));
        if (b.kind === 'prorated') need(b.amount, allowed, `${p}.amount`, why);
      }),
    );
    (st.addOns ?? []).forEach((a, i) => need(a.amount, allowed, `stipends.addOns[${i}].amount`, why));
    (st.bonuses ?? []).forEach((b, i) => need(b.amount, allowed, `stipends.bonuses[${i}].amount`, why));
    (st.printed ?? []).forEach((t, i) => t.rows.forEach((r, j) => r.amounts.forEach((v, k) => need(v, allowed, `stipends.printed[${i}].rows[${j}].amounts[${k}]`, why))));
    (st.bases ?? []).forEach((b, i) => (b.printed ?? []).forEach((x, j) => need(x.amount, 2, `stipends.bases[${i}].printed[${j}].amount`, 'money')));
  }
  (f.terms ?? []).forEach((t, i) => {
    const money = /^USD/.test(t.unit);
    t.values.forEach((v, j) => (['amount', 'max'] as const).forEach((k) => need(v[k], money ? 2 : 6, `terms[${i}].values[${j}].${k}`, money ? `money (${t.unit})` : `a term in ${excerpt(t.unit)}`)));
  });
  (f.rates ?? []).forEach((r, i) => (r.max ?? []).forEach((m, j) => need(m.amount, keeps(r.rounding), `rates[${i}].max[${j}].amount`, ruleText(r.rounding, `rate "${r.id}"`))));
}

function compileSchedule(s: ScheduleFile, f: ContractFile, origin: string): CompiledSchedule {
  const laneCount = s.lanes.length;
  const stepOf = (label: string) => s.steps.findIndex((st) => st.label === label);
  const laneOf = (label: string) => s.lanes.findIndex((l) => l.label === label);
  const tables = new Map<string, CompiledTable>();
  for (const t of s.tables) {
    const n = s.steps.length * laneCount;
    const values = new Float64Array(n).fill(NaN);
    const status = new Uint8Array(n).fill(EMPTY);
    const cites = new Array<string>(n).fill(t.cite);
    const rowOfStep = new Int32Array(s.steps.length).fill(-1);
    const put = (si: number, li: number, v: PrintedValue, cite: string) => {
      const k = si * laneCount + li;
      cites[k] = cite;
      if (typeof v === 'number') {
        values[k] = v;
        status[k] = VALUE;
      } else status[k] = v === 'NONE' ? CLOSED : EMPTY;
    };
    const rows = t.rows.map((r, ri) => {
      const steps = (r.steps ?? []).map(stepOf);
      const lanes = (r.lanes ?? []).map(laneOf);
      for (const si of steps) {
        rowOfStep[si] = ri;
        r.values.forEach((v, li) => put(si, li, v, r.cite));
      }
      for (const li of lanes) r.values.forEach((v, si) => put(si, li, v, r.cite));
      return { printed: r.printed, steps, lanes, cite: r.cite };
    });
    tables.set(t.year, { year: t.year, title: t.title, cite: t.cite, values, status, cites, rowOfStep, rows });
  }
  // Cells a rule gives where the table prints none (a career increment, an index ratio); a printed cell stays
  // as printed, and the self-check compares the two.
  const derivation = { schedule: s, tables, laneCount, stepOf, laneOf };
  for (const kind of RULE_KINDS) kind.derive?.(f, derivation);
  return {
    file: s,
    id: s.id,
    laneLabels: s.lanes.map((l) => l.label),
    stepLabels: s.steps.map((l) => l.label),
    laneIndex: axisIndex(s.lanes, origin, `schedules.${s.id}.lanes`),
    stepIndex: axisIndex(s.steps, origin, `schedules.${s.id}.steps`),
    laneCache: new Map(),
    stepCache: new Map(),
    tables,
  };
}

function compileStipends(st: StipendsFile, origin: string): CompiledStipends {
  const activities = new Map<string, Map<string, CompiledStipendItem>>();
  const activityLabels: string[] = [];
  const owner = new Map<string, string>(); // normalised activity alias -> canonical activity
  for (const it of st.items) {
    const canonical = normalizeLabel(it.activity);
    if (!activities.has(canonical)) {
      activities.set(canonical, new Map());
      activityLabels.push(it.activity);
    }
    const roles = activities.get(canonical)!;
    for (const name of [it.activity, ...(it.activityAliases ?? [])]) {
      const n = normalizeLabel(name);
      const prev = owner.get(n);
      if (prev !== undefined && prev !== canonical) fail(origin, 'stipends.items', `activity alias "${name}" names both "${prev}" and "${it.activity}"`);
      owner.set(n, canonical);
    }
    const item = { file: it, activity: it.activity, role: it.role };
    for (const name of [it.role, ...(it.roleAliases ?? [])]) {
      const n = normalizeLabel(name);
      const prev = roles.get(n);
      if (prev && prev !== item) fail(origin, 'stipends.items', `role "${name}" of ${it.activity} names both "${prev.role}" and "${it.role}"`);
      roles.set(n, item);
    }
  }
  // aliases point at the same role map as the canonical activity
  for (const [alias, canonical] of owner) if (alias !== canonical) activities.set(alias, activities.get(canonical)!);
  return { file: st, activities, activityLabels };
}

function compileTerm(t: TermFile): CompiledTerm {
  const keys = new Map<string, string>();
  const keyLabels: string[] = [];
  for (const v of t.values) {
    if (v.key === undefined) continue;
    if (!keyLabels.includes(v.key)) keyLabels.push(v.key);
    for (const name of [v.key, ...(v.keyAliases ?? [])]) keys.set(normalizeLabel(name), v.key);
  }
  return { file: t, keys, keyLabels, tiered: t.values.some((v) => v.minYears !== undefined) };
}

/** A file that the add-in's start-up left out, and why. */
export interface LoadFailure {
  file: string;
  /** the id the file declares, when it declares one */
  id: string | undefined;
  error: ContractLoadError;
  /** a contract given at run time (a workbook's), not one of the add-in's own */
  runtime?: boolean;
}

/** The id a file declares, read without trusting anything else in it. */
export function declaredId(content: unknown): string | undefined {
  let data = content;
  if (typeof content === 'string')
    try {
      data = JSON.parse(content);
    } catch {
      return undefined;
    }
  const id = data && typeof data === 'object' ? (data as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.trim().toLowerCase() : undefined;
}

/**
 * What the registry knows of a contract without compiling it: the build writes it beside each bundled file's text
 * (scripts/embed-contract.js); elsewhere it is read from the parsed file (contractHeader).
 */
export interface ContractHeader {
  id: string;
  title: string;
  district: string;
  unit: string;
  years: string[];
  /** the schedules, as the pane lists them (absent in a header made before they were read) */
  schedules?: { id: string; title: string; kind: string }[];
}

/** A file registered to be compiled on its first use (ContractRegistry.register). */
export interface LazyContractFile {
  name: string;
  content: string | unknown;
  /** what the build read from the file; without it, the id is read from the content */
  header?: ContractHeader;
}

/** The header fields of a parsed contract file, or undefined when the file lacks them. */
export function contractHeader(data: unknown): ContractHeader | undefined {
  const f = data as Partial<Record<keyof ContractHeader, unknown>> | null;
  if (!f || typeof f !== 'object' || typeof f.id !== 'string' || !Array.isArray(f.years)) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const schedules = Array.isArray(f.schedules) ? f.schedules.map((s: Record<string, unknown> | null) => ({ id: text(s?.id), title: text(s?.title), kind: text(s?.kind) })) : undefined;
  return { id: f.id, title: text(f.title), district: text(f.district), unit: text(f.unit), years: f.years.map(String), ...(schedules ? { schedules } : {}) };
}

/** What a file that could not be loaded is left out with: the loader's error, or any other error as `file: (top): could not be compiled`. */
function asLoadError(file: string, e: unknown): ContractLoadError {
  return e instanceof ContractLoadError ? e : new ContractLoadError(file, '', `could not be compiled: ${excerpt(String((e as Error)?.message ?? e), 120)}`);
}

/** A registered file not compiled yet. */
class Pending {
  constructor(readonly file: LazyContractFile, readonly header: ContractHeader | undefined) {}
}

/**
 * The set of loaded contracts. Loading is all-or-nothing per batch.
 *
 * The add-in's own contracts are registered (register) rather than loaded: the registry keeps each file's text and
 * header, and compiles a file the first time it is asked for (get, all, failed, failure), so start-up does not grow
 * with the number of contracts a district keeps. ids() and headers() answer without compiling.
 */
export class ContractRegistry {
  /** compiled contracts and registered files not compiled yet, in the order they came */
  private byId = new Map<string, Contract | Pending>();
  private failures: LoadFailure[] = [];
  /** the contracts loaded at run time (loadRuntime), by id, with their text; every other contract is the add-in's own */
  private runtime = new Map<string, RuntimeContract>();
  /** counts the loads that changed the registry, so engines know when their argument caches are stale */
  generation = 0;

  /** Loads a batch of files; on any error nothing changes and the error lists every problem as file, path and reason. */
  load(files: { name: string; content: string | unknown }[], options: { replace?: boolean; trusted?: boolean } = {}): Contract[] {
    const problems: ContractProblem[] = [];
    const compiled: Contract[] = [];
    for (const f of files)
      try {
        compiled.push(compileContract(f.content, f.name, options.trusted));
      } catch (e) {
        if (!(e instanceof ContractLoadError)) throw e;
        problems.push(...e.problems);
      }
    const seen = new Map<string, string>();
    for (const c of compiled) {
      if (seen.has(c.id)) problems.push({ file: c.origin, path: 'id', reason: `contract "${c.id}" is also defined by ${seen.get(c.id)}` });
      seen.set(c.id, c.origin);
      const prior = this.byId.get(c.id);
      if (prior && !options.replace) {
        const from = prior instanceof Pending ? prior.file.name : prior.origin;
        problems.push({ file: c.origin, path: 'id', reason: `contract "${c.id}" is already loaded (from ${from}); load it with replace to update it` });
      }
    }
    if (problems.length) throw ContractLoadError.of(problems);
    for (const c of compiled) this.byId.set(c.id, c);
    // a file that now loads replaces the failure recorded for its id
    this.failures = this.failures.filter((f) => f.id === undefined || !this.byId.has(f.id));
    if (compiled.length) this.generation++;
    return compiled;
  }

  /**
   * Loads one contract file given at run time (a workbook's own): checked in full as any untrusted file, all or
   * nothing. Refused, with every problem as file, path and reason, when the file does not pass the checks, when its
   * id is one of the add-in's own contracts (a workbook contract never shadows a bundled one), when its id is
   * already loaded at run time and `replace` is not given, or when MAX_RUNTIME_CONTRACTS are loaded already.
   * On refusal nothing changes.
   */
  loadRuntime(text: string, options: { replace?: boolean; origin?: string } = {}): Contract {
    const origin = options.origin?.trim() || 'contract file';
    if (typeof text !== 'string') throw new ContractLoadError(origin, '', `a contract file is JSON text; got ${text === null ? 'null' : typeof text}`);
    const problems: ContractProblem[] = [];
    let compiled: Contract | undefined;
    try {
      compiled = compileContract(text, origin);
    } catch (e) {
      if (!(e instanceof ContractLoadError)) throw e;
      problems.push(...e.problems);
    }
    // the id is checked even when the file fails: every problem is listed at once
    const id = compiled?.id ?? declaredId(text);
    if (id !== undefined) {
      const prior = this.byId.get(id);
      const failedHere = this.failures.find((f) => f.id === id);
      if ((prior && !this.runtime.has(id)) || (failedHere && !this.runtime.has(id) && !failedHere.runtime)) {
        const from = prior instanceof Pending ? prior.file.name : prior ? prior.origin : failedHere!.file;
        problems.push({ file: origin, path: 'id', reason: `"${id}" is the id of a contract that comes with the add-in (${from}); a workbook contract may not take it: give yours an id of its own, such as "${id.split('/')[0]}-district/${id.split('/')[1] ?? 'unit'}"` });
      } else if (this.runtime.has(id) && !options.replace)
        problems.push({ file: origin, path: 'id', reason: `contract "${id}" is already loaded (from ${this.runtime.get(id)!.origin}); load it with replace to update it` });
      else if (!this.runtime.has(id) && this.runtime.size >= MAX_RUNTIME_CONTRACTS)
        problems.push({ file: origin, path: '', reason: `${this.runtime.size} contracts are loaded in this workbook, the most it keeps (${MAX_RUNTIME_CONTRACTS}); remove one first (${[...this.runtime.keys()].join(', ')})` });
    }
    if (problems.length || !compiled) throw ContractLoadError.of(problems);
    this.byId.set(compiled.id, compiled);
    this.runtime.set(compiled.id, { id: compiled.id, origin, text });
    this.failures = this.failures.filter((f) => f.id !== compiled.id);
    this.generation++;
    return compiled;
  }

  /**
   * Loads each file as loadRuntime does, on its own (a workbook's contracts when it opens): a bad file is left out
   * and remembered with its reason (failed, failure; the functions given its id answer #N/A with it), the others load.
   */
  loadRuntimeEach(files: { text: string; origin: string }[]): LoadFailure[] {
    const failed: LoadFailure[] = [];
    for (const f of files)
      try {
        this.loadRuntime(f.text, { origin: f.origin, replace: true });
      } catch (e) {
        failed.push({ file: f.origin, id: declaredId(f.text), error: asLoadError(f.origin, e), runtime: true });
      }
    this.remember(failed);
    return failed;
  }

  /**
   * Unloads a contract loaded at run time (or forgets why one was left out): true when there was one, false when no
   * contract of that id was loaded at run time. The add-in's own contracts are never unloaded (false; isBundled
   * tells the caller why).
   */
  unloadRuntime(id: string): boolean {
    const key = id.trim().toLowerCase();
    const failedAt = this.failures.findIndex((f) => f.id === key && f.runtime);
    if (!this.runtime.has(key) && failedAt < 0) return false;
    if (this.runtime.delete(key)) this.byId.delete(key);
    if (failedAt >= 0) this.failures.splice(failedAt, 1);
    this.generation++;
    return true;
  }

  /** Whether the id is one of the add-in's own contracts (registered or loaded other than at run time). */
  isBundled(id: string): boolean {
    const key = id.trim().toLowerCase();
    return (this.byId.has(key) && !this.runtime.has(key)) || this.failures.some((f) => f.id === key && !f.runtime);
  }

  /** The contracts loaded at run time, in the order they were loaded, with their text as given. */
  runtimeFiles(): RuntimeContract[] {
    return [...this.runtime.values()];
  }

  /**
   * Loads each file on its own, as the add-in's start-up does: a bad file is left out and remembered (see
   * failure), and the others load. Returns the failures of this call. Even a file loaded `trusted` that cannot
   * be compiled is a failure here, never an exception that would stop the add-in.
   */
  loadEach(files: { name: string; content: string | unknown }[], options: { replace?: boolean; trusted?: boolean } = {}): LoadFailure[] {
    const failed: LoadFailure[] = [];
    for (const f of files) {
      const failure = this.loadOne(f, options);
      if (failure) failed.push(failure);
    }
    this.remember(failed);
    return failed;
  }

  /**
   * Registers files to be compiled, trusted, on first use: the add-in's bundled contracts, which the build has
   * checked in full (scripts/contract-loader.js). Nothing is parsed here: a file with a header is known by the
   * header's id; one without is read for its id alone. A file that fails to compile when first used is left out
   * as loadEach leaves it out (failure, failed), and only that contract answers with its `file: path: reason`.
   * A file whose id is already registered or loaded is left out at once.
   */
  register(files: LazyContractFile[]): LoadFailure[] {
    const failed: LoadFailure[] = [];
    for (const f of files) {
      const header = f.header;
      const id = header ? header.id.trim().toLowerCase() : declaredId(f.content);
      const prior = id === undefined ? undefined : this.byId.get(id);
      if (id === undefined) {
        // no id to register it by: compile it now, so that its failure is listed (or it loads, if it can)
        const failure = this.loadOne(f, { trusted: true });
        if (failure) failed.push(failure);
      } else if (prior) {
        const from = prior instanceof Pending ? prior.file.name : prior.origin;
        failed.push({ file: f.name, id, error: new ContractLoadError(f.name, 'id', `contract "${id}" is already loaded (from ${from})`) });
      } else this.byId.set(id, new Pending(f, header));
    }
    this.remember(failed);
    if (files.length) this.generation++;
    return failed;
  }

  /** Files left out by loadEach or register (and not loaded since). Compiles every registered file not yet compiled. */
  failed(): LoadFailure[] {
    this.compilePending();
    return [...this.failures];
  }

  /** Why the contract with this id was left out, when it was (compiling it first if it was registered, not yet compiled). */
  failure(id: string): LoadFailure | undefined {
    this.get(id);
    return this.failures.find((f) => f.id === id);
  }

  /** The contract with this id, compiled on its first use. */
  get(id: string): Contract | undefined {
    const entry = this.byId.get(id);
    return entry instanceof Pending ? this.compile(id, entry) : entry;
  }

  /** The ids of the contracts loaded or registered, less those known to have failed; nothing is compiled. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The contracts compiled so far (none is compiled to answer): those a message can have come from. */
  compiled(): Contract[] {
    const out: Contract[] = [];
    for (const entry of this.byId.values()) if (!(entry instanceof Pending)) out.push(entry);
    return out;
  }

  /** Every contract, compiled (a registered file that fails to compile is left out, and listed by failed). */
  all(): Contract[] {
    this.compilePending();
    return [...this.byId.values()] as Contract[];
  }

  /** Id, title, district, unit and years of each contract loaded or registered, without compiling any. */
  headers(): ContractHeader[] {
    const out: ContractHeader[] = [];
    for (const [id, entry] of this.byId) {
      const header = entry instanceof Pending ? entry.header ?? contractHeader(entry.file.content) : contractHeader(entry.file);
      out.push(header ? { ...header, id } : { id, title: '', district: '', unit: '', years: [] });
    }
    return out;
  }

  /** Compiles one file as loadEach does: the failure, or undefined when it loaded. */
  private loadOne(f: { name: string; content: string | unknown }, options: { replace?: boolean; trusted?: boolean }): LoadFailure | undefined {
    try {
      this.load([f], options);
      return undefined;
    } catch (e) {
      return { file: f.name, id: declaredId(f.content), error: asLoadError(f.name, e) };
    }
  }

  private remember(failed: LoadFailure[]): void {
    if (!failed.length) return;
    this.failures.push(...failed);
    this.generation++;
  }

  /**
   * First use of a registered file: compiled trusted and put in its place (the Map keeps the registration order, so
   * ids() and all() list contracts as the bundle gives them). The generation is not bumped: the contract was
   * already known by its id. On failure the file is left out and remembered, as loadEach would have left it out.
   */
  private compile(id: string, entry: Pending): Contract | undefined {
    const { name, content } = entry.file;
    let error: ContractLoadError;
    try {
      const c = compileContract(content, name, true);
      if (c.id === id) {
        this.byId.set(id, c);
        return c;
      }
      error = new ContractLoadError(name, 'id', `declares contract "${c.id}", but the bundle registered it as "${id}"`);
    } catch (e) {
      error = asLoadError(name, e);
    }
    this.byId.delete(id);
    this.remember([{ file: name, id, error }]);
    return undefined;
  }

  private compilePending(): void {
    for (const [id, entry] of [...this.byId]) if (entry instanceof Pending) this.compile(id, entry);
  }
}
