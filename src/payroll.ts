/**
 * Gross pay of an hourly employee for one calendar week, from hours by kind, as the contract's pay rules
 * set it. The rules are the contract's named terms (see README "GROSS"):
 *   overtime-multiplier, overtime-threshold-hours   time and a half past 40 hours on paid status
 *   weekend-multiplier                              Saturday/Sunday work
 *   holiday-multiplier                              work on a holiday, on top of holiday pay
 *   second-shift-differential                       per hour, keyed by step, for the positions it lists; on every
 *                                                   daily hour, paid leave included, for those regularly on a
 *                                                   second shift (004:6073)
 *   late-night-event                                per hour of a shift that ran past 11 PM (004:6094), on those
 *                                                   hours only
 *   any other USD/hour term the user names          e.g. a boiler license override, on every hour worked
 *   a USD/month term marked inOvertimeRate          night lead, snow removal: paid monthly, but counted in the
 *                                                   overtime rate (004:6061)
 * Readings that are ours, not the contract's (each is stated in the trace):
 *   - an hour is paid one premium: weekend and holiday hours already at a premium are credited toward
 *     overtime hours rather than paid twice (the agreement does not say the premiums stack);
 *   - the "basic hourly rate" for overtime is the straight-time pay for hours worked divided by those
 *     hours, so it includes the second-shift differential, late-night pay and per-hour overrides (004:6059-6061);
 *   - a monthly premium counts in that rate at its weekly equivalent, monthly × 12 / 52, spread over the week's
 *     hours worked (the agreement states no conversion; this is the federal regular-rate method,
 *     29 CFR 778.113(b) and 778.109); the monthly amount itself is paid monthly and is not part of the week's gross.
 */
import type { Engine, Trace } from './engine';
import { Failure } from './engine';
import type { CompiledTerm, Contract } from './model';
import { Money, roundAmount } from './rounding';
import { normalizeLabel } from './normalize';
import { usd as dollars } from './format';
import { declaredName, roundingFor } from './declared';

const usd = (v: Money | number) => dollars(v, { cents: true });

export interface WeekHours {
  /** hours worked in the week, not on a holiday (weekend hours included) */
  worked: number;
  /** of `worked`, hours on a second shift */
  secondShift?: number;
  /** of `worked`, hours on a Saturday or Sunday */
  weekend?: number;
  /** hours worked on a holiday (paid at the holiday multiplier, on top of holiday pay) */
  holidayWorked?: number;
  /** paid hours not worked: holiday pay, vacation, sick leave (straight time; count toward overtime) */
  paidLeave?: number;
  /**
   * premiums held: term ids, with a key after a colon ("boiler-license:Chief"). Per-hour premiums are paid on
   * every hour worked; monthly premiums the contract counts in overtime ("night-lead:High School") raise the
   * overtime rate.
   */
  premiums?: string[];
  /** of the hours worked (holiday hours included), hours of shifts that ran past 11 PM for a special event (late-night-event) */
  lateNight?: number;
  /** regularly assigned to a second shift: the differential on every daily hour, worked or paid leave (004:6073) */
  regularSecondShift?: boolean;
}

/** Weeks in a year and months in a year: a monthly amount's weekly equivalent is × 12 / 52 (29 CFR 778.113(b)). */
const MONTHS = 12;
const WEEKS = 52;


export function weeklyGross(engine: Engine, contractId: string, position: string, step: string, year: string, h: WeekHours, trace?: Trace): number | Failure {
  const contract = engine.contract(contractId);
  if (contract instanceof Failure) return contract;
  const { regularSecondShift = false, premiums = [] } = h;
  // the counts given over zeros, checked in this order (then any other count given, such as worked): written out
  // rather than by object rest and spread, which cost a quarter of a row's time in a sandboxed runtime
  const counts: Record<string, unknown> = { secondShift: 0, weekend: 0, holidayWorked: 0, paidLeave: 0, lateNight: 0 };
  for (const name of Object.keys(h)) {
    const v = (h as unknown as Record<string, unknown>)[name];
    if (name !== 'regularSecondShift' && name !== 'premiums' && v !== undefined) counts[name] = v;
  }
  for (const name of Object.keys(counts)) {
    const v = counts[name];
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 168)) return new Failure('VALUE', `${name} hours must be from 0 to 168 in a week; got ${v}`);
  }
  const hours = counts as unknown as Required<Omit<WeekHours, 'regularSecondShift' | 'premiums'>>;
  if (hours.secondShift > hours.worked || hours.weekend > hours.worked)
    return new Failure('VALUE', `second-shift and weekend hours are part of the hours worked (${hours.worked}); got ${hours.secondShift} and ${hours.weekend}`);
  if (hours.worked + hours.holidayWorked + hours.paidLeave > 168) return new Failure('VALUE', 'more than 168 hours in a week');
  const workedHours = hours.worked + hours.holidayWorked;
  if (hours.lateNight > workedHours)
    return new Failure('VALUE', `late-night hours are part of the hours worked (${workedHours}, holiday hours included); got ${hours.lateNight}`);
  if (regularSecondShift && hours.secondShift > 0 && hours.secondShift !== hours.worked)
    return new Failure('VALUE', `regularly on a second shift, the differential is paid on every daily hour (004:6073): leave second-shift hours empty (got ${hours.secondShift} of ${hours.worked} hours worked)`);

  const term = (id: string, key?: string) => engine.term(contract.id, id, key, year, undefined, undefined, trace);
  // the terms GROSS reads, as the contract declares them (payroll.overtime; defaults in the schema)
  const named = (field: 'thresholdTerm' | 'multiplierTerm' | 'weekendMultiplierTerm' | 'holidayMultiplierTerm' | 'lateNightTerm') => declaredName(contract.file, 'overtime', field);
  const LATE_NIGHT = named('lateNightTerm');
  const base = engine.hourly(contract.id, position, step, year, undefined, trace);
  if (base instanceof Failure) return base;

  // premiums held: per-hour overrides for every hour worked; monthly premiums that count in the overtime rate
  let perHour = new Money(0);
  let monthlyWeekly = new Money(0);
  for (const p of premiums) {
    const [id, key] = p.split(':').map((s) => s.trim());
    const t = contract.terms.get(id.toLowerCase());
    if (t && t.file.id === LATE_NIGHT)
      return new Failure('VALUE', `"${LATE_NIGHT}" is paid only for the shift that ran past 11 PM (${t.file.cite}): give those hours as late-night hours, not as a premium on every hour`);
    if (t && t.file.unit === 'USD/month' && !t.file.inOvertimeRate)
      return new Failure('VALUE', `premium "${id}" is paid per month and ${contract.id} does not count it in the overtime rate; GROSS adds per-hour premiums and the monthly premiums counted in overtime (${monthlyInOvertime(contract) || 'none'})`);
    if (t && t.file.unit !== 'USD/hour' && t.file.unit !== 'USD/month')
      return new Failure('VALUE', `premium "${id}" is not paid per hour (${t.file.unit}); GROSS adds per-hour premiums and the monthly premiums counted in overtime (${monthlyInOvertime(contract) || 'none'})`);
    const v = term(id, key);
    if (v instanceof Failure) return v;
    if (t!.file.unit === 'USD/month') {
      const weekly = new Money(v).mul(MONTHS).div(WEEKS);
      monthlyWeekly = monthlyWeekly.add(weekly);
      trace?.push(`${t!.file.title}: ${usd(v)} a month, paid monthly; counted in the overtime rate (${t!.file.inOvertimeRate}) at its weekly equivalent ${usd(v)} × ${MONTHS} / ${WEEKS} = ${dollars(weekly.toDecimalPlaces(4))} (our reading: the agreement states no conversion; 29 CFR 778.113(b))`);
    } else perHour = perHour.add(v);
  }
  const rate = perHour.add(base);

  // second-shift differential: on second-shift hours, or on every daily hour for those regularly on a second shift
  let differentialRate = new Money(0);
  if (hours.secondShift > 0 || regularSecondShift) {
    const d = differentialFor(engine, contract, position, step, year, trace);
    if (d instanceof Failure) return d;
    differentialRate = new Money(d.amount);
    if (regularSecondShift) trace?.push(`regularly on a second shift: the differential on every daily hour, paid leave included (${d.cite})`);
  }
  const differentialHours = regularSecondShift ? workedHours : hours.secondShift;
  const differential = differentialRate.mul(differentialHours);
  const leaveRate = regularSecondShift ? differentialRate.add(base) : new Money(base);

  let lateNight = new Money(0);
  if (hours.lateNight > 0) {
    const t = contract.terms.get(LATE_NIGHT);
    if (!t) return new Failure('NA', `${contract.id} states no late-night premium`);
    const v = term(LATE_NIGHT);
    if (v instanceof Failure) return v;
    lateNight = new Money(v).mul(hours.lateNight);
  }

  const workedPay = rate.mul(workedHours).add(differential).add(lateNight);
  const straight = workedPay.add(leaveRate.mul(hours.paidLeave));
  trace?.push(`straight time: ${workedHours} h worked × ${usd(rate)}${perHour.isZero() ? '' : ` (rate ${usd(base)} + ${usd(perHour)} overrides)`}` +
    `${differential.isZero() ? '' : ` + ${differentialHours} h × differential ${usd(differentialRate)}`}` +
    `${lateNight.isZero() ? '' : ` + ${hours.lateNight} h late-night × ${usd(lateNight.div(hours.lateNight))}`}` +
    `${hours.paidLeave ? ` + ${hours.paidLeave} h paid leave × ${usd(leaveRate)}` : ''} = ${dollars(straight)}`);

  const need = (id: string) => {
    const v = term(id);
    return v instanceof Failure ? new Failure('NA', `${contract.id} needs the term "${id}" for this computation: ${v.message}`) : v;
  };
  let premium = new Money(0);
  let premiumHours = 0;
  if (hours.weekend > 0) {
    const m = need(named('weekendMultiplierTerm'));
    if (m instanceof Failure) return m;
    const p = rate.mul(new Money(m).sub(1)).mul(hours.weekend);
    premium = premium.add(p);
    premiumHours += hours.weekend;
    trace?.push(`weekend: ${hours.weekend} h × ${usd(rate)} × (${m} − 1) = ${dollars(p)}`);
  }
  if (hours.holidayWorked > 0) {
    const m = need(named('holidayMultiplierTerm'));
    if (m instanceof Failure) return m;
    const p = rate.mul(new Money(m).sub(1)).mul(hours.holidayWorked);
    premium = premium.add(p);
    premiumHours += hours.holidayWorked;
    trace?.push(`holiday work: ${hours.holidayWorked} h × ${usd(rate)} × (${m} − 1) = ${dollars(p)}, on top of holiday pay`);
  }
  const paidStatus = workedHours + hours.paidLeave;
  const threshold = need(named('thresholdTerm'));
  if (threshold instanceof Failure) return threshold;
  const overtime = Math.max(0, paidStatus - threshold);
  const overtimeToPay = Math.max(0, overtime - premiumHours);
  if (overtime > 0) {
    const m = need(named('multiplierTerm'));
    if (m instanceof Failure) return m;
    const basic = workedHours === 0 ? leaveRate : workedPay.add(monthlyWeekly).div(workedHours);
    const p = basic.mul(new Money(m).sub(1)).mul(overtimeToPay);
    premium = premium.add(p);
    trace?.push(`overtime: ${paidStatus} h on paid status − ${threshold} = ${overtime} h` +
      (premiumHours ? `, less ${Math.min(overtime, premiumHours)} h already paid a weekend/holiday premium = ${overtimeToPay} h` : '') +
      ` × basic rate ${dollars(basic.toDecimalPlaces(4))}${monthlyWeekly.isZero() || workedHours === 0 ? '' : ` (straight time worked + monthly premiums' weekly equivalent, over ${workedHours} h)`} × (${m} − 1) = ${dollars(p.toDecimalPlaces(4))}`);
  }
  const rule = roundingFor(contract.file, 'wage') ?? roundingFor(contract.file, 'proration');
  if (!rule) return new Failure('NA', `${contract.id} declares no "wage" rounding rule for pay amounts (roundingFor.wage)`);
  const gross = roundAmount(straight.add(premium), rule);
  trace?.push(`gross = ${usd(gross)}, rounded to ${rule.places} places ${rule.mode} (${rule.cite})`);
  return gross.toNumber();
}

/** The ids (with a key example) of the monthly premiums a contract counts in the overtime rate. */
function monthlyInOvertime(contract: Contract): string {
  return [...contract.terms.values()].filter((t: CompiledTerm) => t.file.unit === 'USD/month' && t.file.inOvertimeRate)
    .map((t) => (t.keyLabels.length ? `${t.file.id}:${t.keyLabels[0]}` : t.file.id)).join(', ');
}

/** The second-shift differential of a position and step, or why it has none. */
function differentialFor(engine: Engine, contract: Contract, position: string, step: string, year: string, trace: Trace): { amount: number; cite: string } | Failure {
  const DIFFERENTIAL = declaredName(contract.file, 'overtime', 'differentialTerm');
  const t = contract.terms.get(DIFFERENTIAL);
  if (!t) return new Failure('NA', `${contract.id} states no second-shift differential`);
  const key = normalizeLabel(position);
  const schedule = contract.hourlySchedules.find((s) => s.laneIndex.has(key));
  const positionLabel = schedule?.laneLabels[schedule.laneIndex.get(key)!];
  if (t.file.positions && positionLabel && !t.file.positions.includes(positionLabel))
    return new Failure('NA', `The second-shift differential is for ${t.file.positions.join(', ')} only (${t.file.cite}); ${positionLabel} has none`);
  const d = engine.term(contract.id, DIFFERENTIAL, step, year, undefined, undefined, trace);
  return d instanceof Failure ? d : { amount: d, cite: t.file.cite };
}
