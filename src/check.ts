/**
 * Contract self-check: where an agreement states how a table is derived, compute it and compare with
 * every printed cell. Printed tables stay what the contract says; each disagreement is reported with
 * the cell, both values and both citations, never silently corrected.
 */
import type { CompiledSchedule, CompiledTable, Contract } from './model';
import { DERIVED, VALUE } from './model';
import { applyPercent } from './rounding';

export interface Finding {
  contract: string;
  schedule: string;
  year: string;
  lane: string;
  step: string;
  rule: string;          // e.g. "2025-26 = 2024-25 + 3%"
  printed: number | null;
  derived: number | null;
  difference: number | null; // printed - derived
  printedCite: string;
  ruleCite: string;
  note: string;
}

export interface CheckReport {
  checked: number;       // cells compared
  agreeing: number;
  findings: Finding[];
}

function cellCite(t: CompiledTable, step: number): string {
  const r = t.rowOfStep[step];
  return r >= 0 ? t.rows[r].cite : t.cite;
}

export function checkContract(c: Contract): CheckReport {
  const report: CheckReport = { checked: 0, agreeing: 0, findings: [] };
  const rules = c.file.rules ?? {};
  const compare = (s: CompiledSchedule, t: CompiledTable, lane: number, step: number, derived: number, rule: string, ruleCite: string) => {
    const k = step * s.laneLabels.length + lane;
    report.checked++;
    const printed = t.status[k] === VALUE ? t.values[k] : null;
    if (printed === derived) {
      report.agreeing++;
      return;
    }
    report.findings.push({
      contract: c.id, schedule: s.id, year: t.year, lane: s.laneLabels[lane], step: s.stepLabels[step], rule,
      printed, derived, difference: printed === null ? null : printed - derived,
      printedCite: cellCite(t, step), ruleCite,
      note: printed === null ? 'the rule gives a value where the table prints none' : 'the printed value differs from the stated rule; the printed table is what SALARY returns',
    });
  };

  for (const r of rules.scheduleIncrease ?? []) {
    const s = c.scheduleById.get(r.schedule)!;
    const from = s.tables.get(r.from)!;
    const to = s.tables.get(r.year)!;
    const n = s.laneLabels.length;
    const rule = `${r.year} = ${r.from} + ${r.percent}%`;
    s.file.steps.forEach((st, step) => {
      if (st.kind === 'career') return; // career cells follow the career-increment rule
      for (let lane = 0; lane < n; lane++) {
        const k = step * n + lane;
        if (from.status[k] !== VALUE) {
          if (to.status[k] === VALUE)
            report.findings.push({
              contract: c.id, schedule: s.id, year: r.year, lane: s.laneLabels[lane], step: s.stepLabels[step], rule,
              printed: to.values[k], derived: null, difference: null, printedCite: cellCite(to, step), ruleCite: r.cite,
              note: `${r.year} prints a value where ${r.from} prints none`,
            });
          continue;
        }
        compare(s, to, lane, step, applyPercent(from.values[k], r.percent, c.file.rounding[r.rounding]).toNumber(), rule, r.cite);
      }
    });
  }

  for (const r of rules.careerIncrement ?? []) {
    const s = c.scheduleById.get(r.schedule)!;
    const step = s.stepLabels.indexOf(r.step);
    const base = s.stepLabels.indexOf(r.baseStep);
    for (const year of r.years) {
      const t = s.tables.get(year)!;
      for (const laneLabel of r.lanes) {
        const lane = s.laneLabels.indexOf(laneLabel);
        const kb = base * s.laneLabels.length + lane;
        // a derived cell came from this very rule; only printed cells are checked against it
        if (t.status[kb] !== VALUE || t.status[step * s.laneLabels.length + lane] === DERIVED) continue;
        compare(s, t, lane, step, applyPercent(t.values[kb], r.percent, c.file.rounding[r.rounding]).toNumber(), `${r.step} = ${r.baseStep} × (1 + ${r.percent}%)`, r.cite);
      }
    }
  }
  return report;
}

export function checkContracts(contracts: Contract[]): CheckReport {
  const all: CheckReport = { checked: 0, agreeing: 0, findings: [] };
  for (const c of contracts) {
    const r = checkContract(c);
    all.checked += r.checked;
    all.agreeing += r.agreeing;
    all.findings.push(...r.findings);
  }
  return all;
}

const money = (v: number | null) => (v === null ? '(none)' : v.toLocaleString('en-US'));

/** The report as plain text, one finding per paragraph. */
export function formatFindings(report: CheckReport): string {
  const lines = [`Contract self-check: ${report.checked} cells compared with the rule that derives them; ${report.agreeing} agree, ${report.findings.length} findings.`];
  for (const f of report.findings)
    lines.push(
      '',
      `${f.contract} ${f.schedule} ${f.year}, lane ${f.lane}, step ${f.step}: printed ${money(f.printed)} (${f.printedCite}); rule "${f.rule}" gives ${money(f.derived)} (${f.ruleCite})` +
        (f.difference !== null ? `; difference ${f.difference > 0 ? '+' : ''}${f.difference}` : '') + `. ${f.note}.`,
    );
  return lines.join('\n');
}
