/**
 * A contract's stipend schedule and named terms for one year, as tables a reader can scan (the task pane's
 * Contracts view shows them beside the salary and hourly grids). Every amount comes from the same engine calls the
 * functions make (STIPEND for each activity, role and experience step; the term's stated value), with its citation.
 */
import type { Engine } from './engine';
import { Failure } from './failure';
import type { Contract, StipendBasis, TermUnit } from './model';
import { usd } from './format';

/** One cell: an amount (value), or a text where the contract sets no single amount (a range, a rate per unit). */
export interface TableCell {
  value: number | null;
  /** what to show where value is null ("$1,200 to $2,400", "$25 per game"), or why there is nothing */
  text: string;
  cite: string;
  /** computed from a rule (a percent of a salary-schedule cell) rather than printed */
  derived: boolean;
}

export interface StipendTable {
  title: string;
  cite: string;
  /** the experience steps, as the contract labels them */
  columns: string[];
  rows: { activity: string; role: string; cite: string; cells: TableCell[] }[];
  /** decimal places of the amounts (the stipend schedule's rounding rule) */
  places: number;
}

export interface TermRow {
  id: string;
  title: string;
  unit: TermUnit;
  /** the key the value is stated for (a coverage tier, a position), '' when the term takes none */
  key: string;
  keyName: string;
  /** a condition of the value: "from 10 years", "FTE 0.5 to 0.74", "seniority before 2020-07-01"; '' when none */
  condition: string;
  amount: number;
  /** the upper end of a range, or a cap; null when none */
  max: number | null;
  range: boolean;
  cite: string;
}

export interface ContractTables {
  contractId: string;
  year: string;
  stipends: StipendTable | null;
  namedTerms: TermRow[];
}

/** What a stipend basis gives without an experience step: the cell text of the bases that set no single amount. */
function basisText(b: StipendBasis): string | null {
  switch (b.kind) {
    case 'range':
      return `${usd(b.min)} to ${usd(b.max)}`;
    case 'perUnit':
      return `${usd(b.rate)} per ${b.unit}${b.max !== undefined ? `, at most ${usd(b.max)}` : ''}`;
    case 'prorated':
      return `${usd(b.amount)}, in full at ${b.fullAt} ${b.unit}`;
    default:
      return null;
  }
}

function stipendTable(engine: Engine, c: Contract, year: string): StipendTable | null {
  const st = c.stipends?.file;
  if (!st) return null;
  const rows: StipendTable['rows'] = [];
  for (const item of st.items) {
    const basis = item.terms.find((b) => b.years.includes(year));
    if (!basis) continue;
    const text = basisText(basis);
    const cells = st.experienceSteps.map((step): TableCell => {
      if (text !== null) return { value: null, text, cite: basis.cite, derived: false };
      const v = engine.stipend(c.id, item.activity, item.role, step.fromYear, year);
      if (v instanceof Failure) return { value: null, text: v.message, cite: basis.cite, derived: false };
      return { value: v, text: '', cite: basis.cite, derived: basis.kind === 'percent' };
    });
    rows.push({ activity: item.activity, role: item.role, cite: item.cite, cells });
  }
  return { title: st.title, cite: st.cite, columns: st.experienceSteps.map((s) => s.label), rows, places: c.file.rounding[st.rounding]?.places ?? 2 };
}

function termRows(c: Contract, year: string): TermRow[] {
  const rows: TermRow[] = [];
  for (const t of c.terms.values()) {
    for (const v of t.file.values) {
      if (!v.years.includes(year)) continue;
      const conditions = [
        v.minYears !== undefined ? `from ${v.minYears} years` : '',
        v.fteFrom !== undefined || v.fteTo !== undefined ? `FTE ${v.fteFrom ?? 0} to ${v.fteTo ?? 1}` : '',
        v.seniorityBefore ? `seniority before ${v.seniorityBefore}` : '',
      ];
      rows.push({
        id: t.file.id, title: t.file.title, unit: t.file.unit, key: v.key ?? '', keyName: t.file.keyName ?? 'key',
        condition: conditions.filter(Boolean).join(', '), amount: v.amount, max: v.max ?? null, range: v.range === true, cite: v.cite,
      });
    }
  }
  return rows;
}

/** The stipend schedule and the named terms of a contract for a year (a year the contract covers). */
export function contractTables(engine: Engine, c: Contract, year: string): ContractTables | Failure {
  if (!c.years.includes(year)) return new Failure('NA', `${c.id} does not cover ${year}; its years: ${c.years.join(', ')}`, 'year-not-covered');
  return { contractId: c.id, year, stipends: stipendTable(engine, c, year), namedTerms: termRows(c, year) };
}
