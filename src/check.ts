/**
 * Contract self-check: where an agreement states how a table or amount is derived, compute it and compare
 * with every printed value. Printed tables stay what the contract says; each disagreement is reported
 * with the cell, both values and both citations, never silently corrected.
 *
 * Checked: each rule kind's own self-check (src/rules/: schedule increases, year = from + %; career
 * increments over their base step; stated increases of named terms, e.g. +10% insurance contribution), then
 * stipend base cells against the multiplier the stipend schedule prints and printed stipend dollar tables
 * against the percent rule.
 */
import type { CompiledSchedule, CompiledTable, Contract } from './model';
import { VALUE } from './model';
import type { ContractRegistry } from './loader';
import { Engine, Failure } from './engine';
import { RULE_KINDS } from './rules';

export interface Finding {
  contract: string;
  /** what was compared: a schedule id, "stipends" or "terms" */
  schedule: string;
  year: string;
  /** the row: lane, activity or term */
  lane: string;
  /** the column: step, experience step or key */
  step: string;
  rule: string;          // e.g. "2025-26 = 2024-25 + 3%"
  printed: number | null;
  derived: number | null;
  difference: number | null; // printed - derived
  printedCite: string;
  ruleCite: string;
  note: string;
  /** how the encoder read the disagreement, from the contract's `readings` (matched by the lines they cite) */
  reading?: string;
}

export interface CheckReport {
  checked: number;       // values compared
  agreeing: number;
  findings: Finding[];
  /** values compared and agreeing per "contract schedule" ("waconia/teachers k12", "… stipends", "… terms") */
  tally: Record<string, { checked: number; agreeing: number }>;
}

function cellCite(t: CompiledTable, k: number): string {
  return t.cites[k];
}

/** "file:10-20" -> [file, 10, 20] */
function span(cite: string): [string, number, number] {
  const [file, lines] = cite.split(':');
  const [a, b] = lines.split('-').map(Number);
  return [file, a, b ?? a];
}
const overlaps = (x: string, y: string) => {
  const [f1, a1, b1] = span(x);
  const [f2, a2, b2] = span(y);
  return f1 === f2 && a1 <= b2 && a2 <= b1;
};

export function checkContract(c: Contract, engine: Engine): CheckReport {
  const report: CheckReport = { checked: 0, agreeing: 0, findings: [], tally: {} };
  const readings = c.file.readings ?? [];
  const readingFor = (...cites: string[]) => readings.find((r) => cites.some((x) => overlaps(r.cite, x)))?.text;
  const record = (f: Omit<Finding, 'contract' | 'difference'> & { context?: string }, note?: string) => {
    const tally = (report.tally[`${c.id} ${f.schedule}`] ??= { checked: 0, agreeing: 0 });
    report.checked++;
    tally.checked++;
    if (f.printed !== null && f.printed === f.derived) {
      report.agreeing++;
      tally.agreeing++;
      return;
    }
    const { context, ...finding } = f;
    const reading = readingFor(f.printedCite, f.ruleCite, ...(context ? [context] : []));
    report.findings.push({
      contract: c.id, ...finding, difference: f.printed === null || f.derived === null ? null : Math.round((f.printed - f.derived) * 100) / 100,
      note: note ?? f.note,
      ...(reading ? { reading } : {}),
    });
  };
  const compareCell = (s: CompiledSchedule, t: CompiledTable, lane: number, step: number, derived: number, rule: string, ruleCite: string) => {
    const k = step * s.laneLabels.length + lane;
    const printed = t.status[k] === VALUE ? t.values[k] : null;
    record({
      schedule: s.id, year: t.year, lane: s.laneLabels[lane], step: s.stepLabels[step], rule, printed, derived,
      printedCite: cellCite(t, k), ruleCite,
      note: printed === null ? 'the rule gives a value where the table prints none' : 'the printed value differs from the stated rule; the printed table is what the functions return',
    });
  };

  const compareAt = (scheduleId: string, year: string, lane: number, step: number, derived: number, rule: string, ruleCite: string) => {
    const s = c.scheduleById.get(scheduleId)!;
    compareCell(s, s.tables.get(year)!, lane, step, derived, rule, ruleCite);
  };
  for (const kind of RULE_KINDS) kind.selfCheck?.({ contract: c, compareCell: compareAt, record: (f) => record(f) });

  const st = c.stipends?.file;
  for (const b of st?.bases ?? []) {
    const s = c.scheduleById.get(b.schedule)!;
    for (const p of b.printed ?? []) {
      const t = s.tables.get(p.year);
      const k = s.stepLabels.indexOf(b.step) * s.laneLabels.length + s.laneLabels.indexOf(b.lane);
      const cell = t && t.status[k] === VALUE ? t.values[k] : null;
      record({
        schedule: 'stipends', year: p.year, lane: b.title, step: `${b.lane} ${b.step}`, rule: `${b.id} = salary schedule ${b.lane} step ${b.step}`,
        printed: p.amount, derived: cell, printedCite: p.cite, ruleCite: t ? cellCite(t, k) : b.cite,
        note: 'the multiplier printed with the stipend schedule differs from the salary-schedule cell it names; stipends are computed from the salary-schedule cell',
      });
    }
  }
  for (const table of st?.printed ?? []) {
    for (const row of table.rows) {
      row.amounts.forEach((printed, i) => {
        if (printed === null) return;
        const label = st!.experienceSteps[i];
        const derived = engine.stipend(c.id, row.activity, row.role, label.fromYear, table.year);
        record({
          schedule: 'stipends', year: table.year, lane: `${row.activity} / ${row.role}`, step: label.label, rule: 'stipend rule (percent of the base, add-ons)',
          printed, derived: derived instanceof Failure ? null : derived, printedCite: row.cite, context: table.cite,
          ruleCite: st!.items.find((it) => it.activity === row.activity && it.role === row.role)?.terms.find((b) => b.years.includes(table.year))?.cite ?? st!.cite,
          note: derived instanceof Failure ? `the rule gives no single amount: ${derived.message}` : 'the printed dollar table differs from the stated rule; STIPEND follows the rule',
        });
      });
    }
  }

  return report;
}

export function checkContracts(registry: ContractRegistry): CheckReport {
  const engine = new Engine(registry);
  const all: CheckReport = { checked: 0, agreeing: 0, findings: [], tally: {} };
  for (const c of registry.all()) {
    const r = checkContract(c, engine);
    all.checked += r.checked;
    all.agreeing += r.agreeing;
    all.findings.push(...r.findings);
    Object.assign(all.tally, r.tally);
  }
  return all;
}

const money = (v: number | null) => (v === null ? '(none)' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));

function line(f: Finding): string {
  return `${f.contract} ${f.schedule} ${f.year}, ${f.lane}, ${f.step}: printed ${money(f.printed)} (${f.printedCite}); rule "${f.rule}" gives ${money(f.derived)} (${f.ruleCite})` +
    (f.difference !== null ? `; difference ${f.difference > 0 ? '+' : ''}${f.difference}` : '');
}

/**
 * The report as plain text. Findings that share a contract, table, rule and explanation are one group:
 * a group of up to `show` findings lists them all, a larger one its size and the first few.
 */
export function formatFindings(report: CheckReport, show = 6): string {
  const lines = [`Contract self-check: ${report.checked} values compared with the rule that derives them; ${report.agreeing} agree, ${report.findings.length} findings.`];
  for (const [what, t] of Object.entries(report.tally)) lines.push(`  ${what}: ${t.checked} compared, ${t.agreeing} agree, ${t.checked - t.agreeing} findings`);
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = `${f.contract}|${f.schedule}|${f.rule}|${f.note}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(f);
  }
  for (const fs of groups.values()) {
    const f0 = fs[0];
    lines.push('', `${f0.contract} ${f0.schedule}, rule "${f0.rule}": ${fs.length} finding${fs.length > 1 ? 's' : ''}. ${f0.note}.`);
    const readings = [...new Set(fs.map((f) => f.reading).filter(Boolean))];
    for (const r of readings.slice(0, 3)) lines.push(`  Reading: ${r}`);
    for (const f of fs.slice(0, fs.length <= show ? show : 3)) lines.push(`  - ${line(f)}`);
    if (fs.length > show) lines.push(`  - … and ${fs.length - 3} more of the same kind (the structured report lists each)`);
  }
  return lines.join('\n');
}
