/**
 * What the functions call: a roster costed under the contracts as agreed or under a proposal, two
 * proposals side by side, and a payroll line checked against the contract.
 */
import { Engine, Failure } from './engine';
import { costRoster } from './costing';
import type { CostResult } from './costing';
import type { EmployerRates } from './parameters';
import { engineOver, proposalFile } from './proposal';
import { proposalFromTable } from './tables';
import type { RosterRow } from './roster';
import { Money, roundAmount } from './rounding';
import { normalizeLabel } from './normalize';
import { usd } from './format';

/**
 * An engine where every contract of the roster is replaced by the proposal `name` from the proposals
 * table (for contracts the table names, or all when it has no contract column), the rest as agreed.
 */
export function engineWithProposal(engine: Engine, roster: RosterRow[], years: string[], proposals: unknown[][] | undefined, name: string | undefined, defaultContract?: string): Engine | Failure {
  if (!name) return engine;
  if (!proposals) return new Failure('VALUE', `proposal "${name}" needs the proposals table`);
  const ids = new Set<string>();
  for (const r of roster) {
    const c = engine.contract(r.contract, defaultContract);
    if (c instanceof Failure) return c;
    ids.add(c.id);
  }
  const files: { name: string; content: unknown }[] = [];
  let applied = 0;
  for (const c of engine.registry.all()) {
    if (!ids.has(c.id)) {
      files.push({ name: c.origin, content: c.file });
      continue;
    }
    const p = proposalFromTable(proposals, name, c.id, years[0], years, engine.registry.ids());
    if (p instanceof Failure) {
      if (/^no proposal/.test(p.message) && ids.size > 1) {
        files.push({ name: c.origin, content: c.file });
        continue;
      }
      return p;
    }
    const f = proposalFile(c.file, p);
    if (f instanceof Failure) return f;
    files.push({ name: `proposal "${name}" for ${c.id}`, content: f });
    applied++;
  }
  if (!applied) return new Failure('VALUE', `proposal "${name}" names none of the roster's contracts (${[...ids].join(', ')})`);
  return engineOver(files, name);
}

export function costWithProposal(engine: Engine, roster: RosterRow[], years: string[], rates: EmployerRates, proposals?: unknown[][], name?: string, defaultContract?: string): CostResult | Failure {
  const e = engineWithProposal(engine, roster, years, proposals, name, defaultContract);
  if (e instanceof Failure) return e;
  return costRoster(e, roster, { years, rates, defaultContract });
}

/** The rows of a cost summary: [label, value per year …]. */
export function summaryRows(r: CostResult): (string | number | null)[][] {
  const t = r.totals;
  const row = (label: string, f: (x: (typeof t)[number]) => number | null) => [label, ...t.map(f)];
  return [
    ['', ...r.years],
    row('Employees', (x) => x.employees),
    row('Salaries (schedule placement × FTE, hourly pay)', (x) => x.salary),
    row('  of which career increments', (x) => x.career),
    row('Off-schedule payments', (x) => x.offSchedule),
    row('Stipends', (x) => x.stipends),
    row('Social Security (employer)', (x) => x.fica),
    row('Medicare (employer)', (x) => x.medicare),
    row('Pension (employer: TRA, PERA)', (x) => x.pension),
    row('Health insurance (employer)', (x) => x.insurance),
    row('403(b) match', (x) => x.match),
    row('Total cost', (x) => x.total),
    row('Increase over the year before', (x) => x.increase),
    row('  schedule improvement', (x) => x.scheduleImprovement),
    row('  step and lane movement', (x) => x.stepAndLane),
    row('  off-schedule and stipends', (x) => x.otherPay),
    row('  benefits', (x) => x.benefits),
    row('Package % (increase / total the year before)', (x) => x.packagePercent),
    ['Compounded % over the years', ...t.map((_, i) => (i === t.length - 1 ? r.compoundedPercent : null))],
    ['Items not costed', ...t.map((_, i) => (i === 0 ? r.problems.length : null))],
  ];
}

export interface AuditLine { expected: number | Failure; difference: number | null; reason: string }

/**
 * A salary payment checked against the contract: the expected amount (printed salary × FTE), the
 * difference (paid − expected) and the reason, naming the cell that the paid amount matches when it is
 * not the expected one (another step or lane, last year's schedule, a missed FTE).
 */
export function auditSalary(engine: Engine, contractArg: string | undefined, paid: number, lane: string, step: string, year: string, fte: number | undefined, defaultContract?: string): AuditLine {
  const expected = engine.salary(contractArg, lane, step, year, fte, defaultContract);
  const c = engine.contract(contractArg, defaultContract);
  const hints: string[] = [];
  const diff = expected instanceof Failure ? null : roundAmount(new Money(paid).sub(expected), { places: 2, mode: 'half-up' }).toNumber();
  const cite = expected instanceof Failure ? '' : (engine.salaryCite(contractArg, lane, step, year, defaultContract) as string);
  if (diff === 0) return { expected, difference: 0, reason: `matches ${cite}` };
  if (!(c instanceof Failure) && c.salarySchedule && !(expected instanceof Failure && expected.code === 'VALUE')) {
    const s = c.salarySchedule;
    const laneLabel = s.laneLabels[s.laneIndex.get(normalizeLabel(lane))!];
    const stepLabel = s.stepLabels[s.stepIndex.get(normalizeLabel(step))!];
    const f = fte ?? 1;
    // the paid amount looked up across this year's cells first, then the other years'
    const at = c.years.indexOf(year);
    const nearest = c.years.filter((x) => x !== year).sort((a, b) => Math.abs(c.years.indexOf(a) - at) - Math.abs(c.years.indexOf(b) - at) || c.years.indexOf(a) - c.years.indexOf(b));
    for (const y of [year, ...nearest]) {
      for (const l of s.laneLabels)
        for (const st of s.stepLabels)
          for (const share of f !== 1 ? [f, 1] : [1]) {
            if (y === year && l === laneLabel && st === stepLabel && share === f) continue;
            if (engine.salary(c.id, l, st, y, share === 1 ? undefined : share) !== paid) continue;
            const what = [y !== year && `the ${y} schedule`, l !== laneLabel && `lane ${l}`, st !== stepLabel && `step ${st}`, share !== f && (share === 1 ? 'full time (FTE not applied)' : `FTE ${share}`)];
            hints.push(what.filter(Boolean).join(', '));
          }
      if (hints.length) break;
    }
  }
  if (expected instanceof Failure)
    return { expected, difference: null, reason: `${expected.message}${hints.length ? ` The amount paid matches ${hints.slice(0, 3).join(' or ')}.` : ''}` };
  const dir = diff! > 0 ? 'overpaid' : 'underpaid';
  return {
    expected, difference: diff,
    reason: `${dir} by ${usd(Math.abs(diff!), { cents: true })}: expected ${cite}${fte !== undefined && fte !== 1 ? ` × FTE ${fte}` : ''}${hints.length ? `; the amount paid matches ${hints.slice(0, 3).join(' or ')}` : ''}`,
  };
}
