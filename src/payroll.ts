/**
 * Gross pay of an hourly employee for one calendar week, from hours by kind, as the contract's pay rules
 * set it. The rules are the contract's named terms (see README "GROSS"):
 *   overtime-multiplier, overtime-threshold-hours   time and a half past 40 hours on paid status
 *   weekend-multiplier                              Saturday/Sunday work
 *   holiday-multiplier                              work on a holiday, on top of holiday pay
 *   second-shift-differential                       per hour, keyed by step, for the positions it lists
 *   any other USD/hour term the user names          e.g. a boiler license override
 * Readings that are ours, not the contract's (each is stated in the trace):
 *   - an hour is paid one premium: weekend and holiday hours already at a premium are credited toward
 *     overtime hours rather than paid twice (the agreement does not say the premiums stack);
 *   - the "basic hourly rate" for overtime is the straight-time pay for hours worked divided by those
 *     hours, so it includes the second-shift differential and per-hour overrides (004:6059-6061).
 */
import type { Engine, Trace } from './engine';
import { Failure } from './engine';
import { Money, roundAmount } from './rounding';
import { normalizeLabel } from './normalize';
import { usd as dollars } from './format';

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
  /** per-hour premiums for every hour worked: term ids, with a key after a colon ("boiler-license:Chief") */
  premiums?: string[];
}


export function weeklyGross(engine: Engine, contractId: string, position: string, step: string, year: string, h: WeekHours, trace?: Trace): number | Failure {
  const contract = engine.contract(contractId);
  if (contract instanceof Failure) return contract;
  const hours = { secondShift: 0, weekend: 0, holidayWorked: 0, paidLeave: 0, ...h };
  for (const [name, v] of Object.entries(hours))
    if (typeof v === 'number' && !(Number.isFinite(v) && v >= 0 && v <= 168)) return new Failure('VALUE', `${name} hours must be from 0 to 168 in a week; got ${v}`);
  if (hours.secondShift > hours.worked || hours.weekend > hours.worked)
    return new Failure('VALUE', `second-shift and weekend hours are part of the hours worked (${hours.worked}); got ${hours.secondShift} and ${hours.weekend}`);
  if (hours.worked + hours.holidayWorked + hours.paidLeave > 168) return new Failure('VALUE', 'more than 168 hours in a week');

  const term = (id: string, key?: string) => engine.term(contract.id, id, key, year, undefined, undefined, trace);
  const base = engine.hourly(contract.id, position, step, year, undefined, trace);
  if (base instanceof Failure) return base;

  // per-hour overrides for every hour worked
  let perHour = new Money(0);
  for (const p of hours.premiums ?? []) {
    const [id, key] = p.split(':').map((s) => s.trim());
    const t = contract.terms.get(id.toLowerCase());
    if (t && t.file.unit !== 'USD/hour') return new Failure('VALUE', `premium "${id}" is not paid per hour (${t.file.unit}); GROSS adds only per-hour premiums`);
    const v = term(id, key);
    if (v instanceof Failure) return v;
    perHour = perHour.add(v);
  }
  const rate = perHour.add(base);
  const workedAll = new Money(hours.worked).add(hours.holidayWorked);

  let differential = new Money(0);
  if (hours.secondShift > 0) {
    const t = contract.terms.get('second-shift-differential');
    if (!t) return new Failure('NA', `${contract.id} states no second-shift differential`);
    const key = normalizeLabel(position);
    const schedule = contract.hourlySchedules.find((s) => s.laneIndex.has(key));
    const positionLabel = schedule?.laneLabels[schedule.laneIndex.get(key)!];
    if (t.file.positions && positionLabel && !t.file.positions.includes(positionLabel))
      return new Failure('NA', `The second-shift differential is for ${t.file.positions.join(', ')} only (${t.file.cite}); ${positionLabel} has none`);
    const d = term('second-shift-differential', step);
    if (d instanceof Failure) return d;
    differential = new Money(d).mul(hours.secondShift);
  }

  const straight = rate.mul(workedAll).add(differential).add(new Money(base).mul(hours.paidLeave));
  trace?.push(`straight time: ${hours.worked + hours.holidayWorked} h worked × ${usd(rate)}${perHour.isZero() ? '' : ` (rate ${usd(base)} + ${usd(perHour)} overrides)`}` +
    `${differential.isZero() ? '' : ` + ${hours.secondShift} h × differential = ${usd(differential)}`}${hours.paidLeave ? ` + ${hours.paidLeave} h paid leave × ${usd(base)}` : ''} = ${usd(straight)}`);

  const need = (id: string) => {
    const v = term(id);
    return v instanceof Failure ? new Failure('NA', `${contract.id} needs the term "${id}" for this computation: ${v.message}`) : v;
  };
  let premium = new Money(0);
  let premiumHours = 0;
  if (hours.weekend > 0) {
    const m = need('weekend-multiplier');
    if (m instanceof Failure) return m;
    const p = rate.mul(new Money(m).sub(1)).mul(hours.weekend);
    premium = premium.add(p);
    premiumHours += hours.weekend;
    trace?.push(`weekend: ${hours.weekend} h × ${usd(rate)} × (${m} − 1) = ${usd(p)}`);
  }
  if (hours.holidayWorked > 0) {
    const m = need('holiday-multiplier');
    if (m instanceof Failure) return m;
    const p = rate.mul(new Money(m).sub(1)).mul(hours.holidayWorked);
    premium = premium.add(p);
    premiumHours += hours.holidayWorked;
    trace?.push(`holiday work: ${hours.holidayWorked} h × ${usd(rate)} × (${m} − 1) = ${usd(p)}, on top of holiday pay`);
  }
  const paidStatus = hours.worked + hours.holidayWorked + hours.paidLeave;
  const threshold = need('overtime-threshold-hours');
  if (threshold instanceof Failure) return threshold;
  const overtime = Math.max(0, paidStatus - threshold);
  const overtimeToPay = Math.max(0, overtime - premiumHours);
  if (overtime > 0) {
    const m = need('overtime-multiplier');
    if (m instanceof Failure) return m;
    const basic = workedAll.isZero() ? new Money(base) : rate.mul(workedAll).add(differential).div(workedAll);
    const p = basic.mul(new Money(m).sub(1)).mul(overtimeToPay);
    premium = premium.add(p);
    trace?.push(`overtime: ${paidStatus} h on paid status − ${threshold} = ${overtime} h` +
      (premiumHours ? `, less ${Math.min(overtime, premiumHours)} h already paid a weekend/holiday premium = ${overtimeToPay} h` : '') +
      ` × basic rate ${usd(basic)} × (${m} − 1) = ${usd(p)}`);
  }
  const rule = contract.file.rounding.wage ?? contract.file.rounding.proration;
  if (!rule) return new Failure('NA', `${contract.id} declares no "wage" rounding rule for pay amounts`);
  const gross = roundAmount(straight.add(premium), rule);
  trace?.push(`gross = ${usd(gross)}, rounded to ${rule.places} places ${rule.mode} (${rule.cite})`);
  return gross.toNumber();
}
