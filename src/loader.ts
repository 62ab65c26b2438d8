/**
 * Loading contract files: JSON text -> schema check -> semantic checks -> compiled model.
 * All-or-nothing: a batch with any bad file is rejected whole, with file, path and reason,
 * and the registry keeps exactly what it had.
 */
import type { CompiledSchedule, CompiledTable, Contract, ContractFile, ScheduleFile } from './model';
import { CLOSED, EMPTY, VALUE } from './model';
import { lookalikeReason, normalizeLabel } from './normalize';
import contractSchema from './schema/contract.schema.json';
import { SchemaValidator } from './schema/validate';
import type { SchemaError, SchemaNode } from './schema/validate';

/** The published schema, interpreted (no generated code, no eval). */
export const schemaValidator = new SchemaValidator(contractSchema as SchemaNode);

/** Largest contract file accepted, in characters. The shipped ones are under 40 KB. */
export const MAX_CONTRACT_CHARS = 2_000_000;

export class ContractLoadError extends Error {
  constructor(readonly file: string, readonly path: string, readonly reason: string) {
    super(`${file}: ${path || '(top)'}: ${reason}`);
    this.name = 'ContractLoadError';
  }
}

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
    return `${JSON.stringify(e.value)?.slice(0, 80)} is not a printed amount (a number from 0 to 10,000,000), null (empty cell)${e.path.includes('/rows/') ? ' or "NONE"' : ''}`;
  return e.reason;
}

/** Parses and checks one contract file. Throws ContractLoadError; never returns a half-built contract. */
export function compileContract(input: string | unknown, origin: string): Contract {
  let data: unknown = input;
  if (typeof input === 'string') {
    if (input.length > MAX_CONTRACT_CHARS) throw new ContractLoadError(origin, '', `file is ${input.length} characters; the limit is ${MAX_CONTRACT_CHARS}`);
    try {
      data = JSON.parse(input);
    } catch (err) {
      throw new ContractLoadError(origin, '', `not valid JSON: ${(err as Error).message}`);
    }
  }
  const e = schemaValidator.validate(data);
  if (e) throw new ContractLoadError(origin, readablePath(e.path), schemaReason(e));
  const file = data as ContractFile;
  checkSemantics(file, origin);
  const schedules = file.schedules.map((s) => compileSchedule(s, origin));
  return {
    file,
    id: file.id,
    years: file.years,
    schedules,
    scheduleById: new Map(schedules.map((s) => [s.id, s])),
    salarySchedule: schedules.find((s) => s.file.kind === 'annual'),
    origin,
  };
}

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
  const sourceFiles = new Set(f.sources.map((s) => s.file));
  const years = new Set(f.years);
  // every citation must point into a declared source
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if ((k === 'cite' || k === 'lanesCite') && typeof x === 'string') {
          const [file, lines] = x.split(':');
          if (!sourceFiles.has(file)) fail(origin, p, `cites "${file}", which is not listed in sources (${[...sourceFiles].join(', ')})`);
          const [a, b] = lines.split('-').map(Number);
          if (b !== undefined && b < a) fail(origin, p, `line range ${lines} runs backwards`);
        } else walk(x, p);
      }
  };
  walk(f, '');
  f.agreements.forEach((a, i) =>
    a.years.forEach((y, j) => years.has(y) || fail(origin, `agreements[${i}].years[${j}]`, `${y} is not in the contract's years (${f.years.join(', ')})`)),
  );
  const scheduleIds = new Set<string>();
  f.schedules.forEach((s, si) => {
    const sp = `schedules[${si}]`;
    if (scheduleIds.has(s.id)) fail(origin, `${sp}.id`, `schedule id "${s.id}" is used twice`);
    scheduleIds.add(s.id);
    if (!f.rounding[s.rounding]) fail(origin, `${sp}.rounding`, `rounding rule "${s.rounding}" is not declared in rounding (${Object.keys(f.rounding).join(', ')})`);
    axisIndex(s.lanes, origin, `${sp}.lanes`);
    axisIndex(s.steps, origin, `${sp}.steps`);
    const tableYears = new Set<string>();
    s.tables.forEach((t, ti) => {
      const tp = `${sp}.tables[${ti}]`;
      if (!years.has(t.year)) fail(origin, `${tp}.year`, `${t.year} is not in the contract's years (${f.years.join(', ')})`);
      if (tableYears.has(t.year)) fail(origin, `${tp}.year`, `schedule "${s.id}" has two tables for ${t.year}`);
      tableYears.add(t.year);
      const covered = new Map<number, number>();
      t.rows.forEach((r, ri) => {
        const rp = `${tp}.rows[${ri}]`;
        if (r.values.length !== s.lanes.length)
          fail(origin, `${rp}.values`, `has ${r.values.length} values; the schedule has ${s.lanes.length} lanes (${s.lanes.map((l) => l.label).join(', ')})`);
        r.steps.forEach((label, k) => {
          const idx = s.steps.findIndex((st) => st.label === label);
          if (idx < 0) fail(origin, `${rp}.steps[${k}]`, `"${label}" is not a step label of schedule "${s.id}" (${s.steps.map((x) => x.label).join(', ')})`);
          if (covered.has(idx)) fail(origin, `${rp}.steps[${k}]`, `step "${label}" already has a row in ${t.year} (rows[${covered.get(idx)}])`);
          covered.set(idx, ri);
        });
      });
    });
  });
  const rules = f.rules ?? {};
  const scheduleOf = (id: string, p: string): ScheduleFile =>
    f.schedules.find((s) => s.id === id) ?? fail(origin, p, `schedule "${id}" does not exist (${f.schedules.map((s) => s.id).join(', ')})`);
  const needYear = (y: string, p: string) => years.has(y) || fail(origin, p, `${y} is not in the contract's years (${f.years.join(', ')})`);
  const needRounding = (r: string, p: string) => f.rounding[r] || fail(origin, p, `rounding rule "${r}" is not declared`);
  const needTable = (s: ScheduleFile, y: string, p: string) =>
    s.tables.some((t) => t.year === y) || fail(origin, p, `schedule "${s.id}" has no table for ${y}`);
  (rules.careerIncrement ?? []).forEach((r, i) => {
    const p = `rules.careerIncrement[${i}]`;
    const s = scheduleOf(r.schedule, `${p}.schedule`);
    needRounding(r.rounding, `${p}.rounding`);
    for (const [k, label] of [['step', r.step], ['baseStep', r.baseStep]] as const)
      s.steps.some((x) => x.label === label) || fail(origin, `${p}.${k}`, `"${label}" is not a step of "${s.id}"`);
    r.lanes.forEach((l, j) => s.lanes.some((x) => x.label === l) || fail(origin, `${p}.lanes[${j}]`, `"${l}" is not a lane of "${s.id}"`));
    r.years.forEach((y, j) => needYear(y, `${p}.years[${j}]`) && needTable(s, y, `${p}.years[${j}]`));
  });
  (rules.scheduleIncrease ?? []).forEach((r, i) => {
    const p = `rules.scheduleIncrease[${i}]`;
    const s = scheduleOf(r.schedule, `${p}.schedule`);
    needRounding(r.rounding, `${p}.rounding`);
    needYear(r.year, `${p}.year`) && needTable(s, r.year, `${p}.year`);
    needYear(r.from, `${p}.from`) && needTable(s, r.from, `${p}.from`);
  });
  (rules.stepPolicy ?? []).forEach((r, i) => needYear(r.year, `rules.stepPolicy[${i}].year`));
  (rules.offSchedulePayments ?? []).forEach((r, i) => needYear(r.year, `rules.offSchedulePayments[${i}].year`));
}

function compileSchedule(s: ScheduleFile, origin: string): CompiledSchedule {
  const laneCount = s.lanes.length;
  const tables = new Map<string, CompiledTable>();
  for (const t of s.tables) {
    const n = s.steps.length * laneCount;
    const values = new Float64Array(n).fill(NaN);
    const status = new Uint8Array(n).fill(EMPTY);
    const rowOfStep = new Int32Array(s.steps.length).fill(-1);
    const rows = t.rows.map((r, ri) => {
      const steps = r.steps.map((label) => s.steps.findIndex((st) => st.label === label));
      for (const si of steps) {
        rowOfStep[si] = ri;
        r.values.forEach((v, li) => {
          const k = si * laneCount + li;
          if (typeof v === 'number') {
            values[k] = v;
            status[k] = VALUE;
          } else status[k] = v === 'NONE' ? CLOSED : EMPTY;
        });
      }
      return { printed: r.printed, steps, cite: r.cite };
    });
    tables.set(t.year, { year: t.year, title: t.title, cite: t.cite, values, status, rowOfStep, rows });
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

/** The set of loaded contracts. Loading is all-or-nothing per batch. */
export class ContractRegistry {
  private byId = new Map<string, Contract>();

  /** Loads a batch of files; on any error nothing changes and the error names file, path and reason. */
  load(files: { name: string; content: string | unknown }[], options: { replace?: boolean } = {}): Contract[] {
    const compiled = files.map((f) => compileContract(f.content, f.name));
    const seen = new Map<string, string>();
    for (const c of compiled) {
      if (seen.has(c.id)) throw new ContractLoadError(c.origin, 'id', `contract "${c.id}" is also defined by ${seen.get(c.id)}`);
      seen.set(c.id, c.origin);
      const prior = this.byId.get(c.id);
      if (prior && !options.replace)
        throw new ContractLoadError(c.origin, 'id', `contract "${c.id}" is already loaded (from ${prior.origin}); load it with replace to update it`);
    }
    for (const c of compiled) this.byId.set(c.id, c);
    return compiled;
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
