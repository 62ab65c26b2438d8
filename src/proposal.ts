/**
 * Proposals: an overlay on a contract, as OpenFisca reforms are on a legislation. A proposal states, for
 * each year after a base year, the changes a negotiator puts on the table; applying it builds a new
 * contract file from the base year's tables and rules, which goes through the same loader and checks as
 * a shipped contract. The shipped Waconia 2025-27 settlement, written as a proposal over 2024-25
 * (3% and 5%, steps, career 4.75%), reproduces the printed 2025-26 and 2026-27 schedules.
 */
import type { ContractFile, StipendBasis } from './model';
import { ContractRegistry, ContractLoadError } from './loader';
import { Engine, Failure } from './engine';
import { applyPercent, Money, roundAmount } from './rounding';
import { excerpt } from './normalize';
import { RULE_KINDS } from './rules';
import type { Proposal, ProposalRow, ProposalTable, ProposalYear } from './proposal-types';

export type { Proposal, ProposalChange, ProposalRow, ProposalTable, ProposalYear } from './proposal-types';

/**
 * The proposal `name` for `contract` from a proposals table already read (functions/tables.ts readProposals): its
 * rows for that contract (or for every contract, where the row names none), one per year after `baseYear` (the
 * roster's own year). With `years` (the costed years, the roster's own first) the proposal must have a row for each
 * year after the first; with `contracts` (the ids known) a row naming none of them is refused.
 */
export function proposalFor(table: ProposalTable, name: string, contract: string, baseYear: string, years?: string[], contracts?: string[]): Proposal | Failure {
  const names: string[] = [];
  const mine: ProposalRow[] = [];
  const wanted = name.trim().toLowerCase();
  for (const r of table.rows) {
    if (!names.includes(r.proposal)) names.push(r.proposal);
    const k = r.contract?.toLowerCase();
    if (k && contracts && !contracts.includes(k))
      return new Failure('VALUE', `${r.where.contract}: ${JSON.stringify(excerpt(r.contract!, 40))} is not a contract id; valid: ${contracts.join(', ')} (empty: every contract of the roster)`);
    if (r.proposal.toLowerCase() === wanted && (!k || k === contract)) mine.push(r);
  }
  if (!mine.length) return new Failure('VALUE', `no proposal "${name}"${table.byContract ? ` for ${contract}` : ''} in the proposals table; it has ${names.join(', ') || 'none'}`, 'no-proposal');
  const out: ProposalYear[] = [];
  for (const { proposal: _p, contract: _c, where, refused, ...y } of mine) {
    if (refused) return new Failure('VALUE', refused);
    if (y.year <= baseYear) return new Failure('VALUE', `${where.year}: ${y.year} is not after ${baseYear}, the roster's own year (its placements as given); a proposal states the years after it`);
    const twin = out.find((x) => x.year === y.year);
    if (twin) return new Failure('VALUE', `${where.year}: proposal "${name}" has ${y.year} twice (rows ${twin.row} and ${y.row}); keep one row per year`);
    out.push(y);
  }
  out.sort((a, b) => a.year.localeCompare(b.year));
  for (const y of years?.slice(1) ?? [])
    if (!out.some((x) => x.year === y))
      return new Failure('VALUE', `proposal "${name}" has no row for ${y} (its rows: ${out.map((x) => `${x.year} (row ${x.row})`).join(', ')}); add a row for ${y} (0% and steps 1 if nothing changes), or cost fewer years`);
  return { name, contract, baseYear, years: out };
}

const nextYear = (y: string) => {
  const start = Number(y.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

const PROPOSAL_FILE = 'proposal.sheet';

/** The contract file a proposal produces, or why it cannot. */
export function proposalFile(base: ContractFile, p: Proposal): ContractFile | Failure {
  if (!base.years.includes(p.baseYear)) return new Failure('NA', `Proposal "${p.name}": ${base.id} does not cover the base year ${p.baseYear} (${base.years.join(', ')})`);
  const f: ContractFile = JSON.parse(JSON.stringify(base));
  f.sources = [...f.sources, { file: PROPOSAL_FILE, title: `Proposal "${p.name}" over ${p.baseYear}, from the workbook` }];
  let prev = p.baseYear;
  for (const [i, y] of p.years.entries()) {
    if (y.year !== nextYear(prev)) return new Failure('VALUE', `Proposal "${p.name}": years must follow ${p.baseYear} one by one; expected ${nextYear(prev)}, got ${y.year}`);
    for (const [k, v] of Object.entries(y))
      if (typeof v === 'number' && !Number.isFinite(v)) return new Failure('VALUE', `Proposal "${p.name}" ${y.year}: ${k} is not a number`);
    if ((y.schedulePercent ?? 0) < -50 || (y.schedulePercent ?? 0) > 50) return new Failure('VALUE', `Proposal "${p.name}" ${y.year}: schedule % ${y.schedulePercent} is outside -50 to 50`);
    const cite = `${PROPOSAL_FILE}:${y.row ?? i + 1}`;
    if (!f.years.includes(y.year)) f.years.push(y.year);
    const term = `${p.baseYear.slice(0, 4)}-${y.year.slice(0, 2)}${y.year.slice(5)}`;
    const ag = f.agreements.find((a) => a.cite.startsWith(PROPOSAL_FILE));
    if (ag) ag.years.push(y.year);
    else f.agreements.push({ term, years: [y.year], cite, note: `Proposal "${p.name}"` });
    for (const s of f.schedules) {
      const from = s.tables.find((t) => t.year === prev);
      if (!from) continue;
      const rule = f.rounding[s.rounding];
      // cells a rule derives (a career increment over the last step) are derived again over the new table
      const career = new Set(RULE_KINDS.flatMap((k) => k.derivedSteps?.(f, s.id, prev) ?? []));
      const rows = from.rows.map((r) => ({
        ...r,
        cite,
        values: r.values.map((v) => {
          if (typeof v !== 'number' || (r.steps && r.steps.every((st) => career.has(st)))) return typeof v === 'number' ? null : v;
          let x = applyPercent(v, y.schedulePercent ?? 0, rule);
          if (y.scheduleDollars && s.kind === 'annual') x = roundAmount(x.add(y.scheduleDollars), rule);
          return x.toNumber();
        }),
      }));
      s.tables = s.tables.filter((t) => t.year !== y.year);
      s.tables.push({ year: y.year, cite, title: `${s.title}, ${y.year}: proposal "${p.name}" (${y.schedulePercent ?? 0}%${y.scheduleDollars ? ` + $${y.scheduleDollars}` : ''} over ${prev})`, rows });
    }
    // each rule kind's entries for the new year (src/rules/: career increment at the proposal's %, step policy,
    // off-schedule payment, step credit and career-promotion gates carried, stated increases dropped)
    for (const kind of RULE_KINDS) {
      const refused = kind.overlay?.({ file: f, name: p.name, prev, year: y, cite });
      if (refused) return new Failure('VALUE', `Proposal "${p.name}" ${y.year}: ${refused}`);
    }
    // stipends: percent bases follow the schedule; flat amounts move by the stipend %. A year the contract
    // already sets keeps its own amounts unless the proposal changes stipends.
    for (const item of f.stipends?.items ?? []) {
      const own = item.terms.find((t) => t.years.includes(y.year));
      if (own && y.stipendPercent === undefined) continue;
      const b = item.terms.find((t) => t.years.includes(prev));
      item.terms = item.terms.map((t) => ({ ...t, years: t.years.filter((yy) => yy !== y.year) })).filter((t) => t.years.length) as StipendBasis[];
      if (!b) continue;
      const scale = (v: number) => roundAmount(new Money(v).mul(new Money(y.stipendPercent ?? 0).div(100).add(1)), f.rounding[f.stipends!.rounding]).toNumber();
      const nb = { ...b, years: [y.year], cite } as StipendBasis;
      if (nb.kind === 'amount') nb.amounts = nb.amounts.map(scale);
      if (nb.kind === 'range') {
        nb.min = scale(nb.min);
        nb.max = scale(nb.max);
      }
      if (nb.kind === 'perUnit') {
        nb.rate = scale(nb.rate);
        if (nb.max !== undefined) nb.max = scale(nb.max);
      }
      if (nb.kind === 'prorated') nb.amount = scale(nb.amount);
      item.terms.push(nb);
    }
    for (const b of f.stipends?.bonuses ?? []) if (b.years && b.years.includes(prev) && !b.years.includes(y.year)) b.years.push(y.year);
    // terms: a year the contract already states keeps its values (the proposal changes only what it names);
    // other years carry last year's; the insurance contribution moves by the insurance %
    const insurance = [f.payroll?.insurance?.term, ...(f.payroll?.insurance?.coverages ?? []).map((c) => c.term)];
    for (const t of f.terms ?? []) {
      const moves = insurance.includes(t.id) && y.insurancePercent !== undefined;
      if (!moves && t.values.some((v) => v.years.includes(y.year))) continue;
      const carried = t.values.filter((v) => v.years.includes(prev));
      t.values = t.values.map((v) => ({ ...v, years: v.years.filter((yy) => yy !== y.year) })).filter((v) => v.years.length);
      for (const { keptFrom, ...v } of carried) {
        const amount = moves ? roundAmount(new Money(v.amount).mul(new Money(y.insurancePercent!).div(100).add(1)), { places: 2, mode: 'half-up' }).toNumber() : v.amount;
        t.values.push({ ...v, years: [y.year], amount, cite: moves ? cite : v.cite, ...(moves ? {} : { keptFrom: keptFrom ?? prev }) });
      }
    }
    for (const r of f.rates ?? []) for (const m of r.max ?? []) if (m.years.includes(prev) && !m.years.includes(y.year)) m.years.push(y.year);
    prev = y.year;
  }
  return f;
}

/** An engine over the proposal's contract (same id as the base contract), or why the proposal is invalid. */
export function proposalEngine(engine: Engine, p: Proposal): Engine | Failure {
  const base = engine.contract(p.contract);
  if (base instanceof Failure) return base;
  const file = proposalFile(base.file, { ...p, contract: base.id });
  if (file instanceof Failure) return file;
  return engineOver([{ name: `proposal "${p.name}"`, content: file }], p.name);
}

/** An engine over contract files that a proposal produced, or why they do not make valid contracts. */
export function engineOver(files: { name: string; content: unknown }[], proposalName: string): Engine | Failure {
  const registry = new ContractRegistry();
  try {
    registry.load(files);
  } catch (e) {
    if (e instanceof ContractLoadError) return new Failure('VALUE', `Proposal "${proposalName}" does not make a valid contract: ${e.message}`);
    throw e;
  }
  return new Engine(registry);
}
