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
import { CLOSED, DERIVED, EMPTY, VALUE } from './model';
import { applyPercent } from './rounding';
import { excerpt, lookalikeReason, normalizeLabel } from './normalize';
import contractSchema from './schema/contract.schema.json';
import { SchemaValidator } from './schema/validate';
import type { SchemaError, SchemaNode } from './schema/validate';

/** The published schema, interpreted (no generated code, no eval). */
export const schemaValidator = new SchemaValidator(contractSchema as unknown as SchemaNode);

/** Largest contract file accepted, in characters. The shipped ones are under 250 KB. */
export const MAX_CONTRACT_CHARS = 2_000_000;

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

/** The schema's reason, made more specific where we know what the value was meant to be. */
function schemaReason(e: SchemaError): string {
  if (e.keyword === 'pattern' && typeof e.value === 'string') {
    const lookalike = lookalikeReason(e.value);
    if (lookalike) return lookalike;
  }
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

function checkSemantics(f: ContractFile, origin: string): void {
  // Every problem is listed: a check that fails is recorded and the next one runs (a failed element's own later
  // checks are skipped, since they would only repeat it).
  const problems: ContractProblem[] = [];
  const guard = (check: () => void) => {
    try {
      check();
    } catch (e) {
      if (!(e instanceof ContractLoadError)) throw e;
      problems.push(...e.problems);
    }
  };
  const each = <T>(xs: readonly T[] | undefined, check: (x: T, i: number) => void) => (xs ?? []).forEach((x, i) => guard(() => check(x, i)));
  const sourceFiles = new Set(f.sources.map((s) => s.file));
  const years = new Set(f.years);
  // every citation must point into a declared source
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if ((k === 'cite' || k === 'lanesCite') && typeof x === 'string')
          guard(() => {
            const [file, lines] = x.split(':');
            if (!sourceFiles.has(file)) fail(origin, p, `cites "${file}", which is not listed in sources (${[...sourceFiles].join(', ')})`);
            const [a, b] = lines.split('-').map(Number);
            if (b !== undefined && b < a) fail(origin, p, `line range ${lines} runs backwards`);
          });
        else walk(x, p);
      }
  };
  walk(f, '');
  each(f.agreements, (a, i) =>
    a.years.forEach((y, j) => years.has(y) || fail(origin, `agreements[${i}].years[${j}]`, `${y} is not in the contract's years (${f.years.join(', ')})`)),
  );
  const scheduleIds = new Set<string>();
  each(f.schedules, (s, si) => {
    const sp = `schedules[${si}]`;
    if (scheduleIds.has(s.id)) fail(origin, `${sp}.id`, `schedule id "${s.id}" is used twice`);
    scheduleIds.add(s.id);
    guard(() => hasOwn(f.rounding, s.rounding) || fail(origin, `${sp}.rounding`, `rounding rule "${s.rounding}" is not declared in rounding (${Object.keys(f.rounding).join(', ')})`));
    guard(() => axisIndex(s.lanes, origin, `${sp}.lanes`));
    guard(() => axisIndex(s.steps, origin, `${sp}.steps`));
    const tableYears = new Set<string>();
    each(s.tables, (t, ti) => {
      const tp = `${sp}.tables[${ti}]`;
      if (!years.has(t.year)) fail(origin, `${tp}.year`, `${t.year} is not in the contract's years (${f.years.join(', ')})`);
      if (tableYears.has(t.year)) fail(origin, `${tp}.year`, `schedule "${s.id}" has two tables for ${t.year}`);
      tableYears.add(t.year);
      const covered = new Map<string, number>();
      each(t.rows, (r, ri) => {
        const rp = `${tp}.rows[${ri}]`;
        if ((r.steps === undefined) === (r.lanes === undefined))
          fail(origin, rp, 'a row lists either the steps it answers for (values one per lane) or the lanes (values one per step), not both or neither');
        const byStep = r.steps !== undefined;
        const [axis, across] = byStep ? (['steps', s.lanes] as const) : (['lanes', s.steps] as const);
        const own = byStep ? s.steps : s.lanes;
        if (r.values.length !== across.length)
          fail(origin, `${rp}.values`, `has ${r.values.length} values; the schedule has ${across.length} ${byStep ? 'lanes' : 'steps'} (${across.map((l) => l.label).join(', ')})`);
        (r.steps ?? r.lanes)!.forEach((label, k) => {
          const idx = own.findIndex((x) => x.label === label);
          if (idx < 0) fail(origin, `${rp}.${axis}[${k}]`, `"${label}" is not a ${byStep ? 'step' : 'lane'} label of schedule "${s.id}" (${own.map((x) => x.label).join(', ')})`);
          const key = `${axis}:${idx}`;
          if (covered.has(key)) fail(origin, `${rp}.${axis}[${k}]`, `${byStep ? 'step' : 'lane'} "${label}" already has a row in ${t.year} (rows[${covered.get(key)}])`);
          covered.set(key, ri);
        });
      });
      const layouts = new Set(t.rows.map((r) => r.steps !== undefined));
      if (layouts.size > 1) fail(origin, `${tp}.rows`, 'mixes rows by step and rows by lane; a table uses one layout');
    });
  });
  const rules = f.rules ?? {};
  const scheduleOf = (id: string, p: string): ScheduleFile =>
    f.schedules.find((s) => s.id === id) ?? fail(origin, p, `schedule "${id}" does not exist (${f.schedules.map((s) => s.id).join(', ')})`);
  const needYear = (y: string, p: string) => years.has(y) || fail(origin, p, `${y} is not in the contract's years (${f.years.join(', ')})`);
  const needRounding = (r: string, p: string) => hasOwn(f.rounding, r) || fail(origin, p, `rounding rule "${r}" is not declared (${Object.keys(f.rounding).join(', ')})`);
  const needTable = (s: ScheduleFile, y: string, p: string) =>
    s.tables.some((t) => t.year === y) || fail(origin, p, `schedule "${s.id}" has no table for ${y}`);
  each(rules.careerIncrement, (r, i) => {
    const p = `rules.careerIncrement[${i}]`;
    const s = scheduleOf(r.schedule, `${p}.schedule`);
    needRounding(r.rounding, `${p}.rounding`);
    for (const [k, label] of [['step', r.step], ['baseStep', r.baseStep]] as const)
      s.steps.some((x) => x.label === label) || fail(origin, `${p}.${k}`, `"${label}" is not a step of "${s.id}"`);
    r.lanes.forEach((l, j) => s.lanes.some((x) => x.label === l) || fail(origin, `${p}.lanes[${j}]`, `"${l}" is not a lane of "${s.id}"`));
    r.years.forEach((y, j) => needYear(y, `${p}.years[${j}]`) && needTable(s, y, `${p}.years[${j}]`));
  });
  each(rules.scheduleIncrease, (r, i) => {
    const p = `rules.scheduleIncrease[${i}]`;
    const s = scheduleOf(r.schedule, `${p}.schedule`);
    needRounding(r.rounding, `${p}.rounding`);
    needYear(r.year, `${p}.year`) && needTable(s, r.year, `${p}.year`);
    needYear(r.from, `${p}.from`) && needTable(s, r.from, `${p}.from`);
  });
  each(rules.stepPolicy, (r, i) => needYear(r.year, `rules.stepPolicy[${i}].year`));
  each(rules.offSchedulePayments, (r, i) => needYear(r.year, `rules.offSchedulePayments[${i}].year`));
  const needYears = (ys: string[], p: string) => ys.forEach((y, j) => needYear(y, `${p}[${j}]`));

  if (f.stipends) {
    const st = f.stipends;
    guard(() => needRounding(st.rounding, 'stipends.rounding'));
    const nSteps = st.experienceSteps.length;
    guard(() => axisIndex(st.experienceSteps.map((e) => ({ label: e.label, aliases: [] })), origin, 'stipends.experienceSteps'));
    each(st.experienceSteps, (e, i) => {
      const p = `stipends.experienceSteps[${i}]`;
      if (e.toYear !== undefined && e.toYear < e.fromYear) fail(origin, `${p}.toYear`, `${e.toYear} is before fromYear ${e.fromYear}`);
      const prev = st.experienceSteps[i - 1];
      const expected = i === 0 ? 1 : prev.toYear === undefined ? NaN : prev.toYear + 1;
      if (e.fromYear !== expected)
        fail(origin, `${p}.fromYear`, i === 0 ? 'the first experience step must start at year 1' : prev.toYear === undefined ? `the step before has no toYear, so no step can follow it` : `must be ${expected}, right after the previous step's toYear`);
      if (e.toYear === undefined && i !== nSteps - 1) fail(origin, `${p}.toYear`, 'only the last experience step may be open-ended');
    });
    const stepLabels = st.experienceSteps.map((e) => e.label);
    const baseIds = new Set<string>();
    each(st.bases, (b, i) => {
      const p = `stipends.bases[${i}]`;
      if (baseIds.has(b.id)) fail(origin, `${p}.id`, `base "${b.id}" is defined twice`);
      baseIds.add(b.id);
      const s = scheduleOf(b.schedule, `${p}.schedule`);
      s.lanes.some((x) => x.label === b.lane) || fail(origin, `${p}.lane`, `"${b.lane}" is not a lane of "${s.id}"`);
      s.steps.some((x) => x.label === b.step) || fail(origin, `${p}.step`, `"${b.step}" is not a step of "${s.id}"`);
      (b.printed ?? []).forEach((x, j) => needYear(x.year, `${p}.printed[${j}].year`));
    });
    each(st.addOns, (a, i) => {
      const p = `stipends.addOns[${i}]`;
      const si = stepLabels.indexOf(a.step);
      const oi = stepLabels.indexOf(a.over);
      if (si < 0) fail(origin, `${p}.step`, `"${a.step}" is not an experience step (${stepLabels.join(', ')})`);
      if (oi < 0) fail(origin, `${p}.over`, `"${a.over}" is not an experience step (${stepLabels.join(', ')})`);
      if (oi >= si) fail(origin, `${p}.over`, `an add-on builds on an earlier step; "${a.over}" does not come before "${a.step}"`);
    });
    const seen = new Map<string, number>();
    each(st.items, (it, i) => {
      const p = `stipends.items[${i}]`;
      const key = `${normalizeLabel(it.activity)}|${normalizeLabel(it.role)}`;
      if (seen.has(key)) fail(origin, p, `${it.activity} / ${it.role} is already defined by stipends.items[${seen.get(key)}]`);
      seen.set(key, i);
      const covered = new Set<string>();
      each(it.terms, (b, j) => {
        const bp = `${p}.terms[${j}]`;
        b.years.forEach((y, k) => {
          needYear(y, `${bp}.years[${k}]`);
          if (covered.has(y)) fail(origin, `${bp}.years[${k}]`, `${it.activity} / ${it.role} already has an amount for ${y}`);
          covered.add(y);
        });
        if (b.kind === 'percent') {
          if (!baseIds.has(b.base)) fail(origin, `${bp}.base`, `base "${b.base}" is not defined in stipends.bases (${[...baseIds].join(', ') || 'none'})`);
          if (b.percents.length !== nSteps) fail(origin, `${bp}.percents`, `has ${b.percents.length} percents; there are ${nSteps} experience steps (${stepLabels.join(', ')})`);
        }
        if (b.kind === 'amount' && b.amounts.length !== 1 && b.amounts.length !== nSteps)
          fail(origin, `${bp}.amounts`, `has ${b.amounts.length} amounts; give one for all, or one per experience step (${nSteps})`);
        if (b.kind === 'range' && b.max < b.min) fail(origin, `${bp}.max`, `${b.max} is below min ${b.min}`);
      });
    });
    const findItem = (activity: string, role?: string) =>
      st.items.some((it) => normalizeLabel(it.activity) === normalizeLabel(activity) && (role === undefined || normalizeLabel(it.role) === normalizeLabel(role)));
    each(st.bonuses, (b, i) => {
      const p = `stipends.bonuses[${i}]`;
      needYears(b.years ?? [], `${p}.years`);
      b.appliesTo.forEach((a, j) => findItem(a.activity, a.role) || fail(origin, `${p}.appliesTo[${j}]`, `no stipend item ${a.activity}${a.role ? ' / ' + a.role : ''}`));
    });
    each(st.printed, (t, i) => {
      needYear(t.year, `stipends.printed[${i}].year`);
      each(t.rows, (r, j) => {
        const p = `stipends.printed[${i}].rows[${j}]`;
        findItem(r.activity, r.role) || fail(origin, p, `no stipend item ${r.activity} / ${r.role} for this printed row`);
        if (r.amounts.length !== nSteps) fail(origin, `${p}.amounts`, `has ${r.amounts.length} amounts; there are ${nSteps} experience steps`);
      });
    });
  }

  const termIds = new Set<string>();
  each(f.terms, (t, i) => {
    const p = `terms[${i}]`;
    if (termIds.has(t.id)) fail(origin, `${p}.id`, `term "${t.id}" is defined twice`);
    termIds.add(t.id);
    (t.positions ?? []).forEach((pos, j) =>
      f.schedules.some((s) => s.kind === 'hourly' && s.lanes.some((l) => l.label === pos)) ||
        fail(origin, `${p}.positions[${j}]`, `"${pos}" is not a position of an hourly schedule`));
    const keyed = t.values.filter((v) => v.key !== undefined).length;
    if (keyed !== 0 && keyed !== t.values.length) fail(origin, `${p}.values`, 'either every value has a key or none has');
    const tiers = t.values.filter((v) => v.minYears !== undefined).length;
    if (tiers !== 0 && tiers !== t.values.length) fail(origin, `${p}.values`, 'either every value has minYears (a tier) or none has');
    const aliasOwner = new Map<string, string>();
    const slots = new Set<string>();
    each(t.values, (v, j) => {
      const vp = `${p}.values[${j}]`;
      needYears(v.years, `${vp}.years`);
      if (v.key !== undefined)
        for (const name of [v.key, ...(v.keyAliases ?? [])]) {
          const n = normalizeLabel(name);
          const owner = aliasOwner.get(n);
          if (owner !== undefined && owner !== v.key) fail(origin, vp, `"${name}" already names key "${owner}"`);
          aliasOwner.set(n, v.key);
        }
      for (const y of v.years) {
        const slot = `${v.key ?? ''}|${v.minYears ?? ''}|${y}`;
        if (slots.has(slot)) fail(origin, vp, `a second value for ${[v.key && `key "${v.key}"`, v.minYears !== undefined && `${v.minYears} years`, y].filter(Boolean).join(', ')}`);
        slots.add(slot);
      }
      if (v.max !== undefined && v.max < v.amount) fail(origin, `${vp}.max`, `${v.max} is below the amount ${v.amount}`);
      if (v.range && v.max === undefined) fail(origin, `${vp}.max`, 'a range needs its top in max');
    });
  });

  each(rules.termIncrease, (r, i) => {
    const p = `rules.termIncrease[${i}]`;
    const term = (f.terms ?? []).find((t) => t.id === r.term) ?? fail(origin, `${p}.term`, `term "${r.term}" is not defined`);
    needRounding(r.rounding, `${p}.rounding`);
    for (const y of [r.from, r.year]) {
      needYear(y, `${p}.year`);
      term.values.some((v) => v.years.includes(y) && (r.key === undefined || v.key === r.key)) ||
        fail(origin, p, `term "${r.term}"${r.key ? ` key "${r.key}"` : ''} has no value for ${y}`);
    }
  });

  each(rules.stepCredit, (r, i) => needYears(r.years, `rules.stepCredit[${i}].years`));
  each(rules.careerPromotion, (r, i) => {
    const p = `rules.careerPromotion[${i}]`;
    const s = scheduleOf(r.schedule ?? f.schedules.find((x) => x.kind === 'annual')?.id ?? '', `${p}.schedule`);
    needYear(r.year, `${p}.year`);
    for (const [k, label] of [['from', r.from], ['to', r.to]] as const)
      s.steps.some((x) => x.label === label) || fail(origin, `${p}.${k}`, `"${label}" is not a step of "${s.id}"`);
    (r.lanes ?? []).forEach((l, j) => s.lanes.some((x) => x.label === l) || fail(origin, `${p}.lanes[${j}]`, `"${l}" is not a lane of "${s.id}"`));
  });
  const termDefined = (id: string, p: string) => (f.terms ?? []).some((t) => t.id === id) || fail(origin, p, `term "${id}" is not defined in terms`);
  if (f.payroll?.insurance?.term) guard(() => termDefined(f.payroll!.insurance!.term!, 'payroll.insurance.term'));
  (f.payroll?.insurance?.coverages ?? []).forEach((c, i) => guard(() => termDefined((c.term ?? c.premiumShare)!, `payroll.insurance.coverages[${i}].${c.term ? 'term' : 'premiumShare'}`)));
  if (f.payroll?.insurance?.partTimeShare?.term) guard(() => termDefined(f.payroll!.insurance!.partTimeShare!.term!, 'payroll.insurance.partTimeShare.term'));
  if (f.payroll?.match) guard(() => termDefined(f.payroll!.match!.term, 'payroll.match.term'));
  if (f.payroll?.longevity)
    guard(() => {
      const id = f.payroll!.longevity!.term;
      if (!termDefined(id, 'payroll.longevity.term')) return;
      const t = f.terms!.find((x) => x.id === id)!;
      if (!t.values.every((v) => v.minYears !== undefined)) fail(origin, 'payroll.longevity.term', `term "${id}" has no years-of-service tiers`);
    });

  const rateIds = new Map<string, number>();
  each(f.rates, (r, i) => {
    if (rateIds.has(r.id)) return fail(origin, `rates[${i}].id`, `rate "${r.id}" is defined twice`);
    rateIds.set(r.id, i);
  });
  each(f.rates, (r, i) => {
    const p = `rates[${i}]`;
    needRounding(r.rounding, `${p}.rounding`);
    (r.max ?? []).forEach((m, j) => needYears(m.years, `${p}.max[${j}].years`));
    // follow the chain of `of` to the salary schedule, refusing unknown ids and cycles
    const chain = [r.id];
    let of = r.of;
    while (of !== 'salary') {
      const next = rateIds.get(of);
      if (next === undefined) fail(origin, `${p}.of`, `"${of}" is neither "salary" nor a rate id (${[...rateIds.keys()].join(', ')})`);
      if (chain.includes(of)) fail(origin, `${p}.of`, `rates refer to each other in a circle: ${[...chain, of].join(' -> ')}`);
      chain.push(of);
      of = f.rates![next!].of;
    }
  });
  checkPlaces(f, origin, guard);
  if (problems.length) throw ContractLoadError.of(problems);
}

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
  // A career increment the table does not print is derived from its rule (a printed one stays as printed;
  // the self-check compares the two).
  for (const r of f.rules?.careerIncrement ?? []) {
    if (r.schedule !== s.id) continue;
    const step = stepOf(r.step);
    const base = stepOf(r.baseStep);
    for (const year of r.years) {
      const t = tables.get(year)!;
      for (const laneLabel of r.lanes) {
        const lane = laneOf(laneLabel);
        const k = step * laneCount + lane;
        const kb = base * laneCount + lane;
        if (t.status[k] !== EMPTY || t.status[kb] !== VALUE) continue;
        t.values[k] = applyPercent(t.values[kb], r.percent, f.rounding[r.rounding]).toNumber();
        t.status[k] = DERIVED;
        t.cites[k] = r.cite;
      }
    }
  }
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
}

/** The id a file declares, read without trusting anything else in it. */
function declaredId(content: unknown): string | undefined {
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

/** The set of loaded contracts. Loading is all-or-nothing per batch. */
export class ContractRegistry {
  private byId = new Map<string, Contract>();
  private failures: LoadFailure[] = [];
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
      if (prior && !options.replace)
        problems.push({ file: c.origin, path: 'id', reason: `contract "${c.id}" is already loaded (from ${prior.origin}); load it with replace to update it` });
    }
    if (problems.length) throw ContractLoadError.of(problems);
    for (const c of compiled) this.byId.set(c.id, c);
    // a file that now loads replaces the failure recorded for its id
    this.failures = this.failures.filter((f) => f.id === undefined || !this.byId.has(f.id));
    if (compiled.length) this.generation++;
    return compiled;
  }

  /**
   * Loads each file on its own, as the add-in's start-up does: a bad file is left out and remembered (see
   * failure), and the others load. Returns the failures of this call. Even a file loaded `trusted` that cannot
   * be compiled is a failure here, never an exception that would stop the add-in.
   */
  loadEach(files: { name: string; content: string | unknown }[], options: { replace?: boolean; trusted?: boolean } = {}): LoadFailure[] {
    const failed: LoadFailure[] = [];
    for (const f of files)
      try {
        this.load([f], options);
      } catch (e) {
        const error = e instanceof ContractLoadError ? e : new ContractLoadError(f.name, '', `could not be compiled: ${excerpt(String((e as Error)?.message ?? e), 120)}`);
        failed.push({ file: f.name, id: declaredId(f.content), error });
      }
    if (failed.length) {
      this.failures.push(...failed);
      this.generation++;
    }
    return failed;
  }

  /** Files left out by loadEach (and not loaded since). */
  failed(): LoadFailure[] {
    return [...this.failures];
  }

  /** Why the contract with this id was left out, when it was. */
  failure(id: string): LoadFailure | undefined {
    return this.failures.find((f) => f.id === id);
  }

  get(id: string): Contract | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  all(): Contract[] {
    return [...this.byId.values()];
  }
}
