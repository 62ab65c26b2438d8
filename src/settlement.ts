/**
 * What the functions call: a roster costed under the contracts as agreed or under a proposal, two
 * proposals side by side, and a payroll line checked against the contract.
 */
import { Engine, Failure } from './engine';
import { costRoster, midYearPay } from './costing';
import type { CostResult, EmployeeYear } from './costing';
import type { CostComponent } from './costing/components';
import { otherPayLabel } from './costing/components';
import type { EmployerRates } from './parameters';
import { engineOver, proposalFile, proposalFor } from './proposal';
import type { ProposalTable } from './proposal';
import type { RosterRow } from './roster';
import { creditFor, nextStep } from './roster';
import { stepPolicyIn } from './rules/step-policy';
import { promotionGate } from './rules/career-promotion';
import type { Contract } from './model';
import { Money, roundAmount } from './rounding';
import { normalizeLabel } from './normalize';
import { parseYear } from './years';
import { usd } from './format';
import { paidMatches } from './paid-match';
import type { MatchKind } from './paid-match';

/**
 * An engine where every contract of the roster is replaced by the proposal `name` from the proposals
 * table, already read (for contracts the table names, or all when it has no contract column), the rest as agreed.
 */
export function engineWithProposal(engine: Engine, roster: RosterRow[], years: string[], proposals: ProposalTable | undefined, name: string | undefined, defaultContract?: string): Engine | Failure {
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
    const p = proposalFor(proposals, name, c.id, years[0], years, engine.registry.ids());
    if (p instanceof Failure) {
      if (p.reason === 'no-proposal' && ids.size > 1) {
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

export function costWithProposal(engine: Engine, roster: RosterRow[], years: string[], rates: EmployerRates, proposals?: ProposalTable, name?: string, defaultContract?: string): CostResult | Failure {
  const e = engineWithProposal(engine, roster, years, proposals, name, defaultContract);
  if (e instanceof Failure) return e;
  return costRoster(e, roster, { years, rates, defaultContract });
}

/**
 * The rows of a cost summary: [label, value per year …]: one row per cost component shown
 * (src/costing/components.ts), the total, the increase and its split, the package %.
 */
export function summaryRows(r: CostResult, shown: readonly CostComponent[] = r.components): (string | number | null)[][] {
  const t = r.totals;
  // percents as Excel holds them, like the percents it reads: 3.86% is 0.0386 (format the cells 0.00%)
  const fraction = (points: number | null) => (points === null ? null : new Money(points).div(100).toNumber());
  const row = (label: string, f: (x: (typeof t)[number]) => number | null) => [label, ...t.map(f)];
  return [
    ['', ...r.years],
    row('Employees', (x) => x.employees),
    ...shown.map((c) => row(c.label, (x) => x[c.id])),
    row('Total cost', (x) => x.total),
    row('Increase over the year before', (x) => x.increase),
    row('  schedule improvement', (x) => x.scheduleImprovement),
    row('  step and lane movement', (x) => x.stepAndLane),
    row(`  ${otherPayLabel(shown)}`, (x) => x.otherPay),
    row('  benefits', (x) => x.benefits),
    row('Package % (increase / total the year before)', (x) => fraction(x.packagePercent)),
    ['Compounded % over the years', ...t.map((_, i) => (i === t.length - 1 ? fraction(r.compoundedPercent) : null))],
    ['Items not costed', ...t.map((_, i) => (i === 0 ? r.problemCount : null))],
  ];
}

/**
 * PROJECT's amount columns: one per cost component shown that has a column of its own (salary, career
 * increment, off-schedule, stipends, longevity …), the employer benefits together, and the total cost.
 */
export function projectAmounts(r: CostResult): { header: string[]; cells(y: EmployeeYear): number[] } {
  const own = r.components.filter((c) => c.column);
  return {
    header: [...own.map((c) => c.column!), 'employer benefits', 'total cost'],
    // the components without a column of their own are the employer benefits
    cells: (y) => [...own.map((c) => y[c.id]), Math.round(r.components.reduce((acc, c) => acc + (c.column ? 0 : y[c.id]), 0) * 100) / 100, y.total],
  };
}

/** A payroll line to audit, as read from a payroll table (functions/tables.ts readPayroll); `row` is its sheet row. */
export interface PayrollLine { id?: string; contract?: string; paid: number; lane: string; step: string; year: string; fte?: number; row: number }

/**
 * What a payroll line's check found, for a reader that counts lines by kind (the pane's audit summary): it
 * matches; the placement is one the contract does not pay; the amount is what the mid-year step or another FTE,
 * year, lane or step gives (the first match's kind); it is outside a range schedule's range; or it matches no cell.
 */
export type AuditFinding = 'matches' | 'not-paid' | 'mid-year-step' | MatchKind | 'outside-range' | 'no-match';
export interface AuditLine { expected: number | Failure; difference: number | null; reason: string; finding: AuditFinding }

/**
 * The step a teacher on `stepLabel` reaches half way through `year`, where the contract grants a mid-year
 * step that year (Waconia 2026-27, 004:5012) and the FTE earns a year's credit; undefined otherwise. A move
 * that a career promotion gates by seniority date is not assumed (AUDIT is not given the date).
 */
function midYearStepOf(c: Contract, year: string, laneLabel: string, stepLabel: string, fte: number): { to: string; cite: string } | undefined {
  const s = c.salarySchedule!;
  const policy = stepPolicyIn(c, year);
  if (!policy?.midYearSteps || creditFor(c, year, fte) < 1) return undefined;
  const next = nextStep(s, year, s.laneLabels.indexOf(laneLabel), s.stepLabels.indexOf(stepLabel));
  if (next === undefined) return undefined;
  const to = s.stepLabels[next];
  if (promotionGate(c, s.id, year, stepLabel, to)) return undefined;
  return { to, cite: policy.cite };
}

/**
 * A salary payment checked against the contract: the expected amount (printed salary × FTE), the
 * difference (paid − expected) and the reason, naming the cell that the paid amount matches when it is
 * not the expected one (another step or lane, last year's schedule, a missed FTE). In a year with a
 * mid-year step, `step` is the step held at the start of the year and the expected amount is half the year
 * on it and half on the next step (rounded once), for those the step reaches.
 */
export function auditSalary(engine: Engine, contractArg: string | undefined, paid: number, lane: string, step: string, year: string, fte: number | undefined, defaultContract?: string): AuditLine {
  const printed = engine.salary(contractArg, lane, step, year, fte, defaultContract);
  const c = engine.contract(contractArg, defaultContract);
  const s = c instanceof Failure ? undefined : c.salarySchedule;
  const laneLabel = s && s.laneLabels[s.laneIndex.get(normalizeLabel(lane)) ?? -1];
  const stepLabel = s && s.stepLabels[s.stepIndex.get(normalizeLabel(step)) ?? -1];
  const parsed = parseYear(year);
  const canonicalYear = parsed.ok ? parsed.year : undefined;
  const mid = !(printed instanceof Failure) && typeof canonicalYear === 'string' ? midYearStepOf(c as Contract, canonicalYear, laneLabel!, stepLabel!, fte ?? 1) : undefined;
  const expected = mid ? midYearPay(engine, (c as Contract).id, laneLabel!, stepLabel!, mid.to, canonicalYear as string, fte ?? 1) : printed;
  const hints: string[] = [];
  let finding: AuditFinding | undefined; // the kind of the first hint
  const diff = expected instanceof Failure ? null : roundAmount(new Money(paid).sub(expected), { places: 2, mode: 'half-up' }).toNumber();
  let cite = expected instanceof Failure ? '' : (engine.salaryCite(contractArg, lane, step, year, defaultContract) as string);
  if (mid) cite = `half the year on step ${stepLabel}, ${cite}, and half on step ${mid.to}, ${engine.salaryCite((c as Contract).id, laneLabel!, mid.to, canonicalYear as string)} (the mid-year step, ${mid.cite})`;
  if (diff === 0) return { expected, difference: 0, reason: `matches ${cite}`, finding: 'matches' };
  if (s && !(expected instanceof Failure && expected.code === 'VALUE')) {
    const co = c as Contract;
    const f = fte ?? 1;
    // in a mid-year step year, the printed cell of the step held at the start, paid for the whole year
    if (mid && printed === paid) {
      hints.push(`step ${stepLabel} for the whole year (the mid-year step not applied)`);
      finding = 'mid-year-step';
    }
    // the paid amount looked up across this year's cells first, then the other years' (src/paid-match.ts)
    const matches = paidMatches(engine, co, paid, laneLabel!, stepLabel!, year, fte);
    finding ??= matches[0]?.kind;
    hints.push(...matches.map((m) => m.text));
    // paid as if `step` were the step reached half way through the year
    if (typeof canonicalYear === 'string' && laneLabel && stepLabel) {
      const k = s.stepLabels.indexOf(stepLabel);
      for (let b = k - 1; b >= 0; b--) {
        const before = s.stepLabels[b];
        if (engine.salary(co.id, laneLabel, before, canonicalYear) instanceof Failure) continue;
        const m = midYearStepOf(co, canonicalYear, laneLabel, before, f);
        if (!m) continue;
        if (m.to === stepLabel && midYearPay(engine, co.id, laneLabel, before, stepLabel, canonicalYear, f) === paid)
        {
          hints.unshift(`half the year on step ${before} and half on ${stepLabel} (the mid-year step, ${m.cite}): if ${stepLabel} is the step reached half way through the year, give the step held at its start, ${before}`);
          finding = 'mid-year-step';
        }
        break;
      }
    }
  }
  if (expected instanceof Failure)
    return { expected, difference: null, reason: `${expected.message}${hints.length ? ` The amount paid matches ${hints.slice(0, 3).join(' or ')}.` : ''}`, finding: 'not-paid' };
  const dir = diff! > 0 ? 'overpaid' : 'underpaid';
  return {
    expected, difference: diff,
    reason: `${dir} by ${usd(Math.abs(diff!), { cents: true })}: expected ${cite}${fte !== undefined && fte !== 1 ? ` × FTE ${fte}` : ''}${hints.length ? `; the amount paid matches ${hints.slice(0, 3).join(' or ')}` : ''}`,
    finding: finding ?? 'no-match',
  };
}
