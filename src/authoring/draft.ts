/**
 * A contract file drafted from what the Author form and the imported sections give: the identity (district, unit,
 * years, source document), the sections, the rounding they name, and rules by form (raise % per year, career
 * increment, step policy, off-schedule payments). Adding a section to an existing contract goes through the same
 * merge. The result is a plain ContractFile: the loader (compileContract) decides whether it loads, exactly as for a
 * file written by hand.
 */
import type { CareerIncrementRule, ContractFile, OffSchedulePaymentRule, RoundingMode, RoundingRule, RulesFile, ScheduleFile, ScheduleIncreaseRule, StepPolicyRule, StipendsFile, TermFile } from '../model';
import { applyPercent } from '../rounding';
import { parseYear } from '../years';
import type { Problem } from './cells';
import { slug } from './cells';
import type { Source, SourceRef } from './source';
import { citeOf, readSource, whereText } from './source';

/** How the form names a step policy: no step (a freeze), one step at the start of the year, or one more half way through. */
export type StepPolicyChoice = 'freeze' | 'one-step' | 'mid-year-step';

export interface RulesForm {
  /** the schedule the raises and the career increment apply to; `salary` when omitted */
  schedule?: string;
  /** the rounding rule for amounts the rules compute; the schedule's when omitted */
  rounding?: string;
  /** a raise on every cell: `year` = `from` + percent. Where `year` has no table, the draft computes it (derive). */
  raises?: { year: string; from?: string; percent: number }[];
  careerIncrement?: { step: string; baseStep: string; lanes: string[]; years: string[]; percent: number };
  stepPolicy?: { year: string; policy: StepPolicyChoice }[];
  offSchedule?: { year: string; percent: number; prorate?: 'fte' | 'none'; of?: string }[];
  /** where the agreement states these rules */
  source: SourceRef;
}

export interface DraftQuery {
  district: string;
  unit: string;
  /** district/unit; made from the district and unit when omitted */
  id?: string;
  /** the school years the agreement covers */
  years: string[];
  /** the agreement (the page of its term or duration clause) */
  source: SourceRef;
  /** rounding by id: places kept (0 whole dollars, 2 cents) and direction; a rounding a section names but this omits is read from its printed values */
  rounding?: Record<string, { places: number; mode: RoundingMode }>;
  schedules?: ScheduleFile[];
  stipends?: StipendsFile;
  terms?: TermFile[];
  rules?: RulesForm;
}

export type Drafted = { ok: true; contract: ContractFile; note: string[] } | { ok: false; problems: Problem[] };

const MODES: RoundingMode[] = ['half-up', 'half-even', 'up', 'down'];

/** The decimal places a schedule prints: 2 where any amount has cents, else 0 (whole dollars). */
function printedPlaces(s: ScheduleFile): number {
  return s.tables.some((t) => t.rows.some((r) => r.values.some((v) => typeof v === 'number' && !Number.isInteger(v)))) ? 2 : 0;
}

/** "2025-26" .. "2026-27" -> "2025-2027", the agreement's term as the schema spells it. */
function termOf(years: string[]): string {
  const starts = years.map((y) => Number(y.slice(0, 4)));
  return `${Math.min(...starts)}-${Math.max(...starts) + 1}`;
}

function readYears(values: unknown, field: string, problems: Problem[]): string[] {
  const list = Array.isArray(values) ? values : [];
  if (!list.length) problems.push({ cell: field, reason: 'give at least one school year (2025-26)' });
  const out: string[] = [];
  for (const v of list) {
    const y = parseYear(String(v ?? ''));
    if (!y.ok) problems.push({ cell: field, reason: y.message });
    else if (!out.includes(y.year)) out.push(y.year);
  }
  return out.sort();
}

function year(v: unknown, field: string, problems: Problem[]): string | undefined {
  const y = parseYear(String(v ?? ''));
  if (y.ok) return y.year;
  problems.push({ cell: field, reason: y.message });
  return undefined;
}

function percent(v: unknown, field: string, problems: Problem[]): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v >= -100 && v <= 100) return v;
  problems.push({ cell: field, reason: `"${String(v)}" is not a percent from -100 to 100 (3 for 3%)` });
  return undefined;
}

/** The year before: "2025-26" -> "2024-25". */
const previousYear = (y: string) => `${Number(y.slice(0, 4)) - 1}-${y.slice(2, 4)}`;

/**
 * Rules by form, and the tables the raises compute: a raise to a year whose table the sheets did not give makes
 * that table, each cell the year before + percent, rounded by the contract's rule (its title says so); a raise to
 * a year whose table was imported stays a rule the self-check compares the printed table against.
 */
function rulesFrom(form: RulesForm, schedules: ScheduleFile[], rounding: Record<string, RoundingRule>, src: Source, problems: Problem[]): RulesFile {
  const rules: RulesFile = {};
  const cite = citeOf(src);
  const scheduleId = form.schedule ?? schedules[0]?.id ?? 'salary';
  const s = schedules.find((x) => x.id === scheduleId);
  if (!s) {
    problems.push({ cell: 'rules: schedule', reason: `"${scheduleId}" is not a schedule of the draft (${schedules.map((x) => x.id).join(', ') || 'none imported yet'})` });
    return rules;
  }
  const roundingId = form.rounding ?? s.rounding;
  const rule = rounding[roundingId];
  if (!rule) problems.push({ cell: 'rules: rounding', reason: `"${roundingId}" is not a rounding of the draft (${Object.keys(rounding).join(', ')})` });

  const raises: ScheduleIncreaseRule[] = [];
  (form.raises ?? []).forEach((r, i) => {
    const field = `raise ${i + 1}`;
    const to = year(r.year, `${field}: year`, problems);
    const from = r.from === undefined ? (to ? previousYear(to) : undefined) : year(r.from, `${field}: from`, problems);
    const pct = percent(r.percent, `${field}: percent`, problems);
    if (!to || !from || pct === undefined || !rule) return;
    const base = s.tables.find((t) => t.year === from);
    if (!base) {
      problems.push({ cell: `${field}: from`, reason: `schedule "${s.id}" has no table for ${from} to raise (${s.tables.map((t) => t.year).join(', ')})` });
      return;
    }
    if (!s.tables.some((t) => t.year === to)) {
      const rows = base.rows.map((row) => ({
        ...row,
        cite,
        values: row.values.map((v) => (typeof v === 'number' ? applyPercent(v, pct, rule).toNumber() : v)),
      }));
      s.tables.push({ year: to, cite, title: `${s.title}, ${to}: computed as ${from} + ${pct}%, each cell rounded by rule "${roundingId}" (${whereText(src)})`, rows });
      s.tables.sort((a, b) => a.year.localeCompare(b.year));
    }
    raises.push({ schedule: s.id, year: to, from, percent: pct, rounding: roundingId, cite });
  });
  if (raises.length) rules.scheduleIncrease = raises;

  const ci = form.careerIncrement;
  if (ci) {
    const pct = percent(ci.percent, 'career increment: percent', problems);
    const years = readYears(ci.years, 'career increment: years', problems);
    if (pct !== undefined && years.length) {
      const r: CareerIncrementRule = { schedule: s.id, step: String(ci.step), baseStep: String(ci.baseStep), lanes: ci.lanes.map(String), years, percent: pct, rounding: roundingId, cite };
      rules.careerIncrement = [r];
    }
  }

  const policies: StepPolicyRule[] = [];
  (form.stepPolicy ?? []).forEach((p, i) => {
    const y = year(p.year, `step policy ${i + 1}: year`, problems);
    if (!y) return;
    if (p.policy === 'freeze') policies.push({ year: y, steps: 0, midYearSteps: 0, cite, note: 'a freeze: no step movement this year' });
    else if (p.policy === 'one-step') policies.push({ year: y, steps: 1, midYearSteps: 0, cite });
    else if (p.policy === 'mid-year-step') policies.push({ year: y, steps: 1, midYearSteps: 1, cite, note: 'one step at the start of the year and one more half way through' });
    else problems.push({ cell: `step policy ${i + 1}: policy`, reason: `"${String(p.policy)}" is not a step policy; choose freeze, one-step or mid-year-step` });
  });
  if (policies.length) rules.stepPolicy = policies;

  const payments: OffSchedulePaymentRule[] = [];
  (form.offSchedule ?? []).forEach((o, i) => {
    const y = year(o.year, `off-schedule payment ${i + 1}: year`, problems);
    const pct = percent(o.percent, `off-schedule payment ${i + 1}: percent`, problems);
    const prorate = o.prorate ?? 'fte';
    if (prorate !== 'fte' && prorate !== 'none') problems.push({ cell: `off-schedule payment ${i + 1}: prorate`, reason: `"${String(prorate)}" is not fte or none` });
    if (y && pct !== undefined) payments.push({ year: y, percent: pct, prorate, ...(o.of ? { of: o.of } : {}), cite });
  });
  if (payments.length) rules.offSchedulePayments = payments;
  return rules;
}

/** A new contract file from the form and the imported sections. */
export function draftContract(q: DraftQuery): Drafted {
  const problems: Problem[] = [];
  const district = typeof q.district === 'string' ? q.district.trim() : '';
  const unit = typeof q.unit === 'string' ? q.unit.trim() : '';
  if (!district) problems.push({ cell: 'district', reason: 'give the district\'s name (Lakeview ISD 999)' });
  if (!unit) problems.push({ cell: 'unit', reason: 'give the bargaining unit (Teachers, Support staff)' });
  const id = q.id?.trim().toLowerCase() || `${slug(district)}/${slug(unit)}`;
  if (district && unit && !/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
    problems.push({ cell: 'contract id', reason: `"${id}" is not a contract id: district/unit in lower-case letters, digits and hyphens (lakeview/teachers)` });
  const years = readYears(q.years, 'years', problems);
  const src = readSource(q.source, problems);
  const schedules: ScheduleFile[] = structuredClone(q.schedules ?? []);
  if (!schedules.length) problems.push({ cell: 'schedules', reason: 'import at least one salary or hourly schedule first' });
  const ids = new Set<string>();
  for (const s of schedules) {
    if (ids.has(s.id)) problems.push({ cell: `schedule "${s.id}"`, reason: 'two schedules have this id; give the second its own id (nurses, schedule-b)' });
    ids.add(s.id);
  }
  if (!src || problems.length) return { ok: false, problems };
  const cite = citeOf(src);

  const rounding: Record<string, RoundingRule> = {};
  const named = new Set<string>([...schedules.map((s) => s.rounding), ...(q.stipends ? [q.stipends.rounding] : []), ...Object.keys(q.rounding ?? {})]);
  for (const rid of named) {
    const given = q.rounding?.[rid];
    if (given) {
      if (!Number.isInteger(given.places) || given.places < -3 || given.places > 6) problems.push({ cell: `rounding "${rid}"`, reason: `places ${String(given.places)} is not a whole number from -3 to 6 (0 whole dollars, 2 cents)` });
      if (!MODES.includes(given.mode)) problems.push({ cell: `rounding "${rid}"`, reason: `"${String(given.mode)}" is not a rounding direction (${MODES.join(', ')})` });
      rounding[rid] = { places: given.places, mode: given.mode, cite, note: 'as stated in the Author form' };
    } else {
      const uses = schedules.filter((s) => s.rounding === rid);
      const places = uses.length ? Math.max(...uses.map(printedPlaces)) : 2;
      const why = uses.length ? `${places === 0 ? 'whole dollars' : 'cents'}, as the schedule prints its amounts` : 'cents';
      rounding[rid] = { places, mode: 'half-up', cite, note: `No rounding was given for "${rid}": ${why}, half-up (the Author form's default; change it where the agreement says otherwise).` };
    }
  }

  const allYears = new Set(years);
  const rules = q.rules ? rulesFrom(q.rules, schedules, rounding, readSource(q.rules.source, problems) ?? src, problems) : undefined;
  for (const s of schedules) for (const t of s.tables) if (!allYears.has(t.year)) problems.push({ cell: `schedule "${s.id}" ${t.year}`, reason: `${t.year} is not one of the agreement's years (${years.join(', ')})` });
  if (problems.length) return { ok: false, problems };

  const contract: ContractFile = {
    schemaVersion: 1,
    id,
    district,
    unit,
    title: `${district}, ${unit}: ${src.title}`.slice(0, 2000),
    sources: [{ file: src.file, title: `${src.title}` }],
    agreements: [{ term: termOf(years), years, cite, note: `${whereText(src)}: authored from the district's own sheets` }],
    years,
    rounding,
    schedules,
    ...(rules && Object.keys(rules).length ? { rules } : {}),
    ...(q.stipends ? { stipends: q.stipends } : {}),
    ...(q.terms?.length ? { terms: q.terms } : {}),
  };
  const note = [`${id}: ${schedules.length} schedule(s), years ${years.join(', ')}, cited from ${src.file}`];
  return { ok: true, contract, note };
}

/**
 * Adds an imported schedule to an existing contract file: a schedule with a new id is appended; one whose id the
 * contract has gains (or replaces) the table of that year, provided its lanes and steps are the same. The year is
 * added to the contract's years. Returns the new file (the one given is not changed) or the problems.
 */
export function addSchedule(file: ContractFile, schedule: ScheduleFile, source?: SourceRef): { ok: true; contract: ContractFile } | { ok: false; problems: Problem[] } {
  const out: ContractFile = structuredClone(file);
  const problems: Problem[] = [];
  const existing = out.schedules.find((s) => s.id === schedule.id);
  if (!existing) out.schedules.push(structuredClone(schedule));
  else {
    const same = (a: { label: string }[], b: { label: string }[]) => a.length === b.length && a.every((x, i) => x.label === b[i].label);
    if (existing.kind !== schedule.kind) problems.push({ cell: `schedule "${schedule.id}"`, reason: `is ${existing.kind} in the contract; the import is ${schedule.kind}` });
    if (!same(existing.lanes, schedule.lanes))
      problems.push({ cell: `schedule "${schedule.id}"`, reason: `its lanes are ${existing.lanes.map((l) => l.label).join(', ')}; the selection's are ${schedule.lanes.map((l) => l.label).join(', ')}` });
    if (!same(existing.steps, schedule.steps))
      problems.push({ cell: `schedule "${schedule.id}"`, reason: `its steps are ${existing.steps.map((l) => l.label).join(', ')}; the selection's are ${schedule.steps.map((l) => l.label).join(', ')}` });
    if (problems.length) return { ok: false, problems };
    for (const t of schedule.tables) {
      existing.tables = existing.tables.filter((x) => x.year !== t.year);
      existing.tables.push(t);
    }
    existing.tables.sort((a, b) => a.year.localeCompare(b.year));
  }
  for (const t of schedule.tables) if (!out.years.includes(t.year)) out.years = [...out.years, t.year].sort();
  if (!(schedule.rounding in out.rounding)) {
    problems.push({ cell: `schedule "${schedule.id}"`, reason: `names rounding "${schedule.rounding}", which the contract does not declare (${Object.keys(out.rounding).join(', ')})` });
    return { ok: false, problems };
  }
  const file0 = schedule.cite.split(/[:#]/)[0];
  if (!out.sources.some((s) => s.file === file0)) out.sources.push({ file: file0, title: `${source?.title?.trim() || file0}` });
  return { ok: true, contract: out };
}
