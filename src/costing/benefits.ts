/**
 * The employer benefits of an employee's year that the agreements state by clause: health insurance and the
 * 403(b) match (the cost components "insurance" and "match" of ./components.ts).
 */
import type { Contract } from '../model';
import { Engine, Failure } from '../engine';
import { Money, percentOfCents, roundAmount, toCents } from '../rounding';
import type { Placement } from '../roster';
import { listedCoverage } from '../roster';
import { normalizeLabel } from '../normalize';
import { usd } from '../format';
import { roundingFor } from '../declared';
import { changesIn, monthlyBlend } from './dated';

/** A component's amount for one employee-year in cents, how a clause was read, and what could not be costed. */
export interface Costed { cents: number; readings?: string[]; issues?: string[] }

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
  // each value states its FTE band (fteFrom to fteTo, inclusive; the loader requires both)
  for (const v of term.file.values.filter((x) => x.years.includes(year)))
    if (p.fte >= v.fteFrom! - 1e-9 && p.fte <= v.fteTo! + 1e-9) return v.amount;
  return new Failure('NA', `no part-time insurance band of ${c.id} covers FTE ${p.fte} in ${year} (${rule.cite})`);
}

/** A term's value for a year as a proposal carried it from an earlier year: "the 2006-07 amount, kept …". */
export function keptNote(c: Contract, termId: string, year: string, what: string, hint = ''): string | undefined {
  const kept = c.terms.get(termId)?.file.values.find((v) => v.years.includes(year))?.keptFrom;
  return kept && `the ${kept} ${what}, kept: the agreement states none for ${year}${hint}`;
}

/**
 * The employer's insurance contribution for an enrolled employee's year: the monthly contribution of the
 * coverage × months × the part-time share. A contract either keys one term by coverage (Waconia), or lists
 * its coverages (Anoka-Hennepin): an amount (family: a stated maximum, 001:469) or a share of a premium it
 * does not state (single: 100%, 001:467), which is reported as not costed, never guessed.
 */
export function insuranceCost(engine: Engine, c: Contract, p: Placement, year: string): Costed | Failure {
  const ins = c.file.payroll!.insurance!;
  const readings: string[] = [];
  const cov = ins.coverages && listedCoverage(c, p.coverage!);
  if (cov instanceof Failure) return cov;
  // a coverage the contract keys its term by is checked first, so a misspelt one is never hidden by a zero share
  // a contribution that changes during the year is costed as the blend by months in force (./dated.ts)
  const blend = !cov && changesIn(c, ins.term!, year) ? monthlyBlend(engine, c, ins.term!, p.coverage, year, ins.months) : undefined;
  if (blend instanceof Failure) return blend;
  let monthly: number | Failure = cov || blend ? NaN : engine.term(p.contract, ins.term!, p.coverage, year);
  if (monthly instanceof Failure) return monthly;
  const share = insuranceShare(engine, c, p, year);
  if (share instanceof Failure) return share;
  const rule = ins.partTimeShare;
  if (share === 0) return { cents: 0, readings: [`no insurance contribution below ${rule!.minFte} FTE (${rule!.cite})`] };
  if (blend) {
    readings.push(blend.reading);
    if (share < 100 && rule) readings.push(`insurance × ${share}% for FTE ${p.fte} (${rule.cite})`);
    return { cents: percentOfCents(blend.cents, share), readings };
  }
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
export function matchCost(engine: Engine, c: Contract, p: Placement, year: string): Costed | Failure | undefined {
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
    const rule = roundingFor(c.file, 'proration');
    if (!rule) return new Failure('NA', `${c.id} declares no "proration" rounding rule (roundingFor.proration), so a pro rata 403(b) match cannot be computed`);
    const v = roundAmount(new Money(amount).mul(p.fte), rule).toNumber();
    readings.push(`403(b) ${usd(amount)} × FTE ${p.fte} = ${usd(v, { cents: true })}, pro rata (${e.cite})`);
    amount = v;
  }
  return { cents: toCents(amount), readings };
}
