/**
 * Settlement costing: every employee's pay and the employer's costs for each projected year, totals per
 * year, and the year-over-year increase split the way districts and unions report a settlement:
 *   schedule improvement  the new schedule at this year's placements, less last year's schedule at them
 *   step and lane         last year's schedule at this year's placements, less last year's pay
 *   off-schedule, stipends, hourly, benefits (FICA/Medicare, pension, insurance, 403(b))
 * and the package % (the whole increase over last year's total), compounded over the years.
 */
import type { Contract } from './model';
import { Engine, Failure } from './engine';
import { fromCents, Money, percentOfCents, roundAmount, toCents } from './rounding';
import { projectRow } from './roster';
import type { Placement, RosterRow } from './roster';
import type { EmployerRates } from './parameters';
import { normalizeLabel } from './normalize';
import { usd } from './format';

export interface EmployeeYear {
  placement: Placement;
  salary: number;         // annual pay on the schedule (× FTE), or hourly rate × hours
  career: number;         // part of salary above the last regular step (career increment)
  salaryOnLastYear: number | null; // the same placement on last year's schedule (null in the first year)
  offSchedule: number;
  stipends: number;
  fica: number;
  medicare: number;
  pension: number;
  insurance: number;
  match: number;
  total: number;
  problems: string[];     // what could not be costed, with the reason (never a silent zero)
  readings: string[];     // how a clause was read for this line (an insurance maximum, a 403(b) tier), with citations
}

export interface YearTotals {
  year: string;
  employees: number;
  salary: number; career: number; offSchedule: number; stipends: number;
  fica: number; medicare: number; pension: number; insurance: number; match: number;
  total: number;
  /** null in the first year */
  increase: number | null;
  scheduleImprovement: number | null;
  stepAndLane: number | null;
  otherPay: number | null;   // change in off-schedule and stipends
  benefits: number | null;   // change in FICA, Medicare, pension, insurance, 403(b)
  packagePercent: number | null;
}

export interface CostResult {
  years: string[];
  employees: EmployeeYear[][]; // per roster row, per year
  totals: YearTotals[];
  /** total of the last year over the first, as a % */
  compoundedPercent: number | null;
  problems: string[];
}

const cents = { places: 2, mode: 'half-up' } as const;
const r2 = (v: Money | number) => roundAmount(v, cents).toNumber();

/** Annual pay at a placement on the schedule of `year` (× FTE; half and half with a mid-year step). */
function payAt(engine: Engine, p: Placement, year: string): number | Failure {
  if (p.position !== undefined) {
    const rate = engine.hourly(p.contract, p.position, p.step, year);
    if (rate instanceof Failure) return rate;
    return r2(new Money(rate).mul(p.hours ?? 0));
  }
  if (p.midYearStep === undefined) return engine.salary(p.contract, p.lane!, p.step, year, p.fte);
  return midYearPay(engine, p.contract, p.lane!, p.step, p.midYearStep, year, p.fte);
}

/**
 * The pay of a year with a step half way through it (Waconia 2026-27, 004:5012): half the year on each
 * printed step, × FTE, rounded ONCE by the contract's proration rule: (first + second) / 2 × FTE. (Rounding
 * each prorated half first can be a cent off: BA+15 D 53,013 and E 54,523 at FTE 0.875 give 47,047.00, not
 * 46,386.38 + 47,707.63 = 47,047.005 -> 47,047.01.)
 */
export function midYearPay(engine: Engine, contract: string, lane: string, first: string, second: string, year: string, fte = 1, trace?: string[]): number | Failure {
  const a = engine.salary(contract, lane, first, year, undefined, undefined, trace);
  if (a instanceof Failure) return a;
  const b = engine.salary(contract, lane, second, year, undefined, undefined, trace);
  if (b instanceof Failure) return b;
  const c = engine.contract(contract) as Contract;
  const rule = c.file.rounding.proration;
  if (!rule) return new Failure('NA', `${c.id} declares no "proration" rounding rule, so a year split between two steps cannot be computed`);
  const v = roundAmount(new Money(a).add(b).div(2).mul(fte), rule).toNumber();
  trace?.push(`half the year on each step: (${usd(a)} + ${usd(b)}) / 2${fte !== 1 ? ` × FTE ${fte}` : ''} = ${usd(v)}, rounded once to ${rule.places} places ${rule.mode} (${rule.cite})`);
  return v;
}

/** The part of a placement's salary that is the career increment (the career cell less the last step), × the share of the year on it. */
function careerPart(engine: Engine, c: Contract, p: Placement, year: string): number {
  if (p.position !== undefined) return 0;
  const rule = (c.file.rules?.careerIncrement ?? []).find((r) => r.schedule === c.salarySchedule?.id && r.years.includes(year) && r.lanes.includes(p.lane!));
  if (!rule) return 0;
  const share = p.step === rule.step ? 1 : p.midYearStep === rule.step ? 0.5 : 0;
  if (share === 0) return 0;
  const career = engine.salary(c.id, p.lane!, rule.step, year, p.fte);
  const top = engine.salary(c.id, p.lane!, rule.baseStep, year, p.fte);
  if (career instanceof Failure || top instanceof Failure) return 0;
  return r2(new Money(career).sub(top).mul(share));
}

/**
 * The % of the full insurance contribution an employee gets: 100 at full time; for part-time staff the
 * contract's share by FTE band (e.g. "0.50-0.70 FTE" 75%) or, with prorate "fte", the FTE itself; none below
 * its minimum, or a Failure when the contract states no part-time share.
 */
function insuranceShare(engine: Engine, c: Contract, p: Placement, year: string): number | Failure {
  if (p.fte >= 1) return 100;
  const rule = c.file.payroll?.insurance?.partTimeShare;
  if (!rule) return new Failure('NA', `${c.id} states no share of the insurance contribution for part-time staff (FTE ${p.fte})`);
  if (p.fte < rule.minFte - 1e-9) return 0;
  if (rule.prorate === 'fte') return new Money(p.fte).mul(100).toNumber();
  const term = c.terms.get(rule.term!)!;
  for (const v of term.file.values.filter((x) => x.years.includes(year))) {
    const m = /^(\d*\.\d+)-(\d*\.\d+) FTE$/.exec(v.key ?? '');
    if (m && p.fte >= Number(m[1]) - 1e-9 && p.fte <= Number(m[2]) + 1e-9) return v.amount;
  }
  return new Failure('NA', `no part-time insurance band of ${c.id} covers FTE ${p.fte} in ${year} (${rule.cite})`);
}

/** A term's value for a year as a proposal carried it from an earlier year: "the 2006-07 amount, kept …". */
function keptNote(c: Contract, termId: string, year: string, what: string, hint = ''): string | undefined {
  const kept = c.terms.get(termId)?.file.values.find((v) => v.years.includes(year))?.keptFrom;
  return kept && `the ${kept} ${what}, kept: the agreement states none for ${year}${hint}`;
}

type Costed = { cents: number; readings: string[] };

/**
 * The employer's insurance contribution for an enrolled employee's year: the monthly contribution of the
 * coverage × months × the part-time share. A contract either keys one term by coverage (Waconia), or lists
 * its coverages (Anoka-Hennepin): an amount (family: a stated maximum, 001:469) or a share of a premium it
 * does not state (single: 100%, 001:467), which is reported as not costed, never guessed.
 */
function insuranceCost(engine: Engine, c: Contract, p: Placement, year: string): Costed | Failure {
  const ins = c.file.payroll!.insurance!;
  const readings: string[] = [];
  const cov = ins.coverages && ins.coverages.find((x) => [x.coverage, ...(x.aliases ?? [])].some((l) => normalizeLabel(l) === normalizeLabel(p.coverage!)));
  if (ins.coverages && !cov) return new Failure('VALUE', `unknown coverage "${p.coverage}" for ${c.id}; valid: ${ins.coverages.map((x) => x.coverage).join(', ')}`);
  // a coverage the contract keys its term by is checked first, so a misspelt one is never hidden by a zero share
  let monthly: number | Failure = cov ? NaN : engine.term(p.contract, ins.term!, p.coverage, year);
  if (monthly instanceof Failure) return monthly;
  const share = insuranceShare(engine, c, p, year);
  if (share instanceof Failure) return share;
  const rule = ins.partTimeShare;
  if (share === 0) return { cents: 0, readings: [`no insurance contribution below ${rule!.minFte} FTE (${rule!.cite})`] };
  if (cov) {
    if (cov.premiumShare) {
      const of = engine.term(c.id, cov.premiumShare, undefined, year);
      return new Failure('NA', `${cov.coverage} coverage: the District pays ${of instanceof Failure ? 'a share' : `${of}%`} of a premium the agreement does not state (${cov.cite}), so its contribution cannot be costed`);
    }
    monthly = engine.term(c.id, cov.term!, undefined, year);
    if (monthly instanceof Failure) return monthly;
    const kept = keptNote(c, cov.term!, year, 'amount', ' (an insurance % in the proposal moves it)');
    const from = c.terms.get(cov.term!)!.file.values.find((v) => v.years.includes(year))!.cite;
    readings.push(`${cov.coverage} coverage: ${usd(monthly, { cents: true })} a month × ${ins.months} (${from})${cov.note ? `; ${cov.note}` : ''}${kept ? `; ${kept}` : ''}`);
  }
  if (share < 100 && rule) readings.push(`insurance × ${share}% for FTE ${p.fte} (${rule.cite})`);
  return { cents: percentOfCents(toCents(monthly) * ins.months, share), readings };
}

/**
 * The 403(b) match of an employee's year. Tiers by seniority date (term values with seniorityBefore,
 * Anoka-Hennepin 001:884-886) are derived each year from the roster's seniority date: the highest tier whose
 * date it precedes. Otherwise the term is keyed by the roster's match key and tiered by years of service
 * (Waconia). Eligibility (payroll.match.eligibility): none below its minimum FTE; with prorate "fte", × FTE
 * for part-time staff, rounded once by the contract's proration rule. undefined: the row asks for no match.
 */
function matchCost(engine: Engine, c: Contract, p: Placement, year: string): Costed | Failure | undefined {
  const m = c.file.payroll?.match;
  if (!m || (p.matchKey !== undefined && normalizeLabel(p.matchKey) === 'NONE')) return undefined;
  const term = c.terms.get(m.term)!;
  const bySeniority = term.file.values.some((v) => v.seniorityBefore !== undefined);
  const readings: string[] = [];
  let amount: number;
  if (bySeniority && p.seniorityDate) {
    const values = term.file.values.filter((v) => v.years.includes(year) && v.seniorityBefore !== undefined);
    if (!values.length) return new Failure('NA', `${term.file.title} states no tiers for ${year} (${term.file.cite})`);
    const tier = values.filter((v) => p.seniorityDate! < v.seniorityBefore!).sort((a, b) => b.amount - a.amount)[0];
    const kept = keptNote(c, m.term, year, 'tiers');
    if (tier) readings.push(`403(b) ${tier.key ?? 'match'}: seniority ${p.seniorityDate} is before ${tier.seniorityBefore}, up to ${usd(tier.amount)}, costed in full (${tier.cite})`);
    else {
      const latest = values.map((v) => v.seniorityBefore!).sort().pop();
      readings.push(`no 403(b) match in ${year}: seniority ${p.seniorityDate} is not before ${latest} (${values[0].cite})`);
    }
    if (kept) readings.push(kept);
    if (p.matchKey && normalizeLabel(p.matchKey) !== normalizeLabel(tier?.key ?? ''))
      readings.push(`the match column's "${p.matchKey}" is not used: the tier follows the seniority date each year (${term.file.cite})`);
    amount = tier?.amount ?? 0;
  } else if (bySeniority && !p.matchKey && p.yearsOfService !== undefined) {
    return new Failure('VALUE', `give the seniority date: ${term.file.title} is tiered by seniority date, derived each year (${term.file.cite})`);
  } else if (p.matchKey || p.yearsOfService !== undefined) {
    const v = engine.term(p.contract, m.term, p.matchKey || undefined, year, p.yearsOfService);
    if (v instanceof Failure) return v;
    if (bySeniority) readings.push(`403(b) ${p.matchKey} as given; give the seniority date to derive the tier each year (${term.file.cite})`);
    amount = v;
  } else return undefined;
  const e = m.eligibility;
  if (e && amount > 0 && p.fte < e.minFte - 1e-9) {
    readings.push(`no 403(b) match below ${e.minFte} FTE (${e.cite})`);
    amount = 0;
  } else if (e?.prorate === 'fte' && amount > 0 && p.fte < 1) {
    const rule = c.file.rounding.proration;
    if (!rule) return new Failure('NA', `${c.id} declares no "proration" rounding rule, so a pro rata 403(b) match cannot be computed`);
    const v = roundAmount(new Money(amount).mul(p.fte), rule).toNumber();
    readings.push(`403(b) ${usd(amount)} × FTE ${p.fte} = ${usd(v, { cents: true })}, pro rata (${e.cite})`);
    amount = v;
  }
  return { cents: toCents(amount), readings };
}

export interface CostOptions {
  years: string[];
  defaultContract?: string;
  rates: EmployerRates;
}

/** One employee-year's amounts in integer cents (exact, and cheap over thousands of employees), and what could not be costed. */
function costLine(engine: Engine, contract: Contract, p: Placement, lastYear: string | undefined, options: CostOptions): Omit<EmployeeYear, 'placement' | 'problems'> & { issues: string[] } {
  const payroll = contract.file.payroll ?? {};
  const issues: string[] = [];
  const year = p.year;
  const pay = payAt(engine, p, year);
  const salary = pay instanceof Failure ? 0 : toCents(pay);
  if (pay instanceof Failure) issues.push(`pay not costed: ${pay.message}`);
  let salaryOnLastYear: number | null = null;
  if (lastYear !== undefined) {
    const before = payAt(engine, p, lastYear);
    // a cell the previous year does not print (e.g. a new step) counts wholly as schedule improvement
    salaryOnLastYear = before instanceof Failure ? salary : toCents(before);
  }
  const off = (contract.file.rules?.offSchedulePayments ?? []).find((o) => o.year === year);
  const offSchedule = off && p.position === undefined ? percentOfCents(salary, off.percent) : 0;
  let stipends = 0;
  const readings: string[] = [];
  for (const s of p.stipends) {
    // a part-time teacher's stipend is prorated where the contract says so (Anoka-Hennepin music, 001:1139-1140),
    // and costed in full, with that reading named, where it states no proportion
    const applied: { partTime?: string } = {};
    const v = engine.stipend(p.contract, s.activity, s.role, s.seasons, year, p.fte < 1 ? { fteWhereStated: p.fte, applied } : {});
    if (v instanceof Failure) issues.push(`stipend ${s.activity} / ${s.role} not costed: ${v.message}`);
    else stipends += toCents(v);
    if (p.fte < 1 && !(v instanceof Failure)) {
      const prorated = applied.partTime;
      readings.push(prorated ? `stipend ${s.activity} / ${s.role} ${prorated}` : `stipend ${s.activity} / ${s.role} costed in full at FTE ${p.fte}: ${contract.id} states no part-time proportion of it`);
    }
  }
  const wages = salary + offSchedule + stipends;
  const rates = options.rates.forYear(year);
  const base = rates.oasdiWageBase === null ? wages : Math.min(wages, rates.oasdiWageBase * 100);
  const fica = rates.oasdi === null ? 0 : percentOfCents(base, rates.oasdi);
  const medicare = rates.medicare === null ? 0 : percentOfCents(wages, rates.medicare);
  if (rates.oasdi === null || rates.medicare === null) issues.push(`FICA/Medicare not costed: ${rates.missing.join('; ')}`);
  let pension = 0;
  if (payroll.retirement) {
    const pct = rates.pension(payroll.retirement);
    if (pct === null) issues.push(`pension not costed: no ${payroll.retirement} rate for ${year}`);
    else pension = percentOfCents(wages, pct);
  }
  let insurance = 0;
  if (payroll.insurance && p.coverage) {
    const v = insuranceCost(engine, contract, p, year);
    if (v instanceof Failure) issues.push(`insurance not costed: ${v.message}`);
    else (insurance = v.cents), readings.push(...v.readings);
  } else if (p.coverage && !payroll.insurance) issues.push(`insurance not costed: ${contract.file.payroll?.note ?? `${contract.id} states no insurance contribution to cost`}`);
  let match = 0;
  const m = matchCost(engine, contract, p, year);
  if (m instanceof Failure) issues.push(`403(b) match not costed: ${m.message}`);
  else if (m) (match = m.cents), readings.push(...m.readings);
  const total = wages + fica + medicare + pension + insurance + match;
  return {
    salary, career: toCents(careerPart(engine, contract, p, year)), salaryOnLastYear, offSchedule, stipends,
    fica, medicare, pension, insurance, match, total, issues, readings,
  };
}

/** Costs a roster over `options.years` (consecutive; the first is the roster's year). */
export function costRoster(engine: Engine, roster: RosterRow[], options: CostOptions): CostResult | Failure {
  const { years } = options;
  if (!years.length) return new Failure('VALUE', 'give at least one school year');
  const problems: string[] = [];
  const employees: EmployeeYear[][] = [];
  const memo = new Map<string, ReturnType<typeof costLine>>();
  for (const row of roster) {
    const placements = projectRow(engine, row, years, options.defaultContract);
    if (placements instanceof Failure) return placements;
    const contract = engine.contract(placements[0].contract) as Contract;
    const lines: EmployeeYear[] = placements.map((p, i) => {
      // employees at the same placement cost the same: compute each distinct line once
      const key = [p.contract, p.year, p.lane, p.position, p.hours, p.step, p.midYearStep, p.fte, p.coverage, p.matchKey, p.yearsOfService, p.seniorityDate,
        i > 0 ? years[i - 1] : '', ...p.stipends.map((s) => `${s.activity}|${s.role}|${s.seasons}`)].join('\u0001');
      let line = memo.get(key);
      if (!line) memo.set(key, (line = costLine(engine, contract, p, i > 0 ? years[i - 1] : undefined, options)));
      const issues = line.issues.map((t) => `${p.id} ${p.year}: ${t}`);
      if (issues.length) problems.push(...issues);
      const { issues: _omit, ...amounts } = line;
      return { placement: p, ...amounts, problems: issues };
    });
    employees.push(lines);
  }
  const totals: YearTotals[] = years.map((year, i) => {
    const sumAt = (j: number, f: (e: EmployeeYear) => number) => employees.reduce((acc, e) => acc + f(e[j]), 0);
    const sum = (f: (e: EmployeeYear) => number) => sumAt(i, f);
    const benefitsOf = (e: EmployeeYear) => e.fica + e.medicare + e.pension + e.insurance + e.match;
    const t = {
      year, employees: employees.length,
      salary: sum((e) => e.salary), career: sum((e) => e.career), offSchedule: sum((e) => e.offSchedule), stipends: sum((e) => e.stipends),
      fica: sum((e) => e.fica), medicare: sum((e) => e.medicare), pension: sum((e) => e.pension), insurance: sum((e) => e.insurance), match: sum((e) => e.match),
      total: sum((e) => e.total),
      increase: null, scheduleImprovement: null, stepAndLane: null, otherPay: null, benefits: null, packagePercent: null,
    } as YearTotals;
    if (i > 0) {
      const onLast = sum((e) => e.salaryOnLastYear ?? e.salary);
      const prevTotal = sumAt(i - 1, (e) => e.total);
      t.increase = t.total - prevTotal;
      t.scheduleImprovement = t.salary - onLast;
      t.stepAndLane = onLast - sumAt(i - 1, (e) => e.salary);
      t.otherPay = t.offSchedule + t.stipends - sumAt(i - 1, (e) => e.offSchedule + e.stipends);
      t.benefits = sum(benefitsOf) - sumAt(i - 1, benefitsOf);
      t.packagePercent = prevTotal === 0 ? null : new Money(t.increase).div(prevTotal).mul(100).toDecimalPlaces(2).toNumber();
    }
    return t;
  });
  // back to dollars, once, for everything the caller sees
  const money: (keyof EmployeeYear & keyof YearTotals)[] = ['salary', 'career', 'offSchedule', 'stipends', 'fica', 'medicare', 'pension', 'insurance', 'match', 'total'];
  for (const e of employees)
    for (const y of e) {
      for (const k of money) (y[k] as number) = fromCents(y[k] as number);
      if (y.salaryOnLastYear !== null) y.salaryOnLastYear = fromCents(y.salaryOnLastYear);
    }
  for (const t of totals) {
    for (const k of money) (t[k] as number) = fromCents(t[k] as number);
    for (const k of ['increase', 'scheduleImprovement', 'stepAndLane', 'otherPay', 'benefits'] as const) if (t[k] !== null) t[k] = fromCents(t[k]!);
  }
  const first = totals[0].total;
  const last = totals[totals.length - 1].total;
  return {
    years, employees, totals,
    compoundedPercent: totals.length > 1 && first !== 0 ? new Money(last).div(first).sub(1).mul(100).toDecimalPlaces(2).toNumber() : null,
    problems,
  };
}
