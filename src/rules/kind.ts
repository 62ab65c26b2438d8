/**
 * A rule kind: one entry of a contract file's `rules` (career increment, step policy, …), and everything the
 * engine does with it, in one module:
 *   validate   the semantic checks of the loader (its entries name schedules, steps, years that exist)
 *   derive     the loader's compile step: cells of a compiled table the rule gives where the table prints none
 *   selfCheck  the consistency report: the rule's value compared with each printed one
 *   overlay    a proposal's year: what the rule becomes in a year the proposal adds
 * Roll-forward and costing read a kind through the functions its module exports (step policy: the steps of a
 * year; career increment: the career part of a salary), since what they ask differs from kind to kind.
 * A new kind is one module here, its entry in ./index.ts and its definition in the schema.
 */
import type { CompiledTable, Contract, ContractFile, RulesFile, ScheduleFile } from '../model';
import type { ProposalYear } from '../proposal-types';

/** What a validator can ask of the file being loaded. Each `need…` fails with `path: reason` or returns true. */
export interface Validation {
  file: ContractFile;
  fail(path: string, reason: string): never;
  /** runs `check` on each element; a failing element is recorded and the next one is checked */
  each<T>(xs: readonly T[] | undefined, check: (x: T, i: number) => void): void;
  scheduleOf(id: string, path: string): ScheduleFile;
  needYear(year: string, path: string): boolean;
  needYears(years: string[], path: string): void;
  needRounding(rule: string, path: string): boolean;
  needTable(schedule: ScheduleFile, year: string, path: string): boolean;
  needStep(schedule: ScheduleFile, label: string, path: string): boolean;
  needLane(schedule: ScheduleFile, label: string, path: string): boolean;
  needTerm(id: string, path: string): boolean;
}

/** One schedule's tables during compilation, with its axes. */
export interface Derivation {
  schedule: ScheduleFile;
  tables: Map<string, CompiledTable>;
  laneCount: number;
  stepOf(label: string): number;
  laneOf(label: string): number;
}

/** Where a self-check records what it compared (see check.ts). */
export interface SelfCheck {
  contract: Contract;
  /** a printed schedule cell (or its absence) against the value the rule gives */
  compareCell(scheduleId: string, year: string, lane: number, step: number, derived: number, rule: string, ruleCite: string): void;
  /** any other printed value against the rule's */
  record(f: { schedule: string; year: string; lane: string; step: string; rule: string; printed: number | null; derived: number | null; printedCite: string; ruleCite: string; note: string; context?: string }): void;
}

/** One year a proposal adds. `file` is the proposal's copy of the contract, the new year's schedule tables already built. */
export interface Overlay {
  file: ContractFile;
  name: string;
  /** the year before (the proposal's base year, or the year it added before this one) */
  prev: string;
  year: ProposalYear;
  /** the proposal row's citation */
  cite: string;
}

export interface RuleKind {
  /** the key of the kind's list in the contract file's `rules` */
  id: keyof RulesFile;
  validate?(v: Validation): void;
  derive?(file: ContractFile, d: Derivation): void;
  /** steps of `scheduleId` whose cells this rule derives in `year`: a proposal derives them again rather than scaling them */
  derivedSteps?(file: ContractFile, scheduleId: string, year: string): string[];
  selfCheck?(check: SelfCheck): void;
  /** a reason when the proposal's year cannot be stated in this kind's terms (the proposal is refused with it) */
  overlay?(o: Overlay): string | void;
}

/** The entries of one kind in a file (an empty list where it has none). */
export function entries<K extends keyof RulesFile>(file: ContractFile, id: K): NonNullable<RulesFile[K]> {
  return (file.rules?.[id] ?? []) as NonNullable<RulesFile[K]>;
}
