/**
 * The contract rules module: pure TypeScript, no Office import. It runs in Node, a browser or Excel.
 * Data flows one way: contract file -> validated model -> compiled index -> engine -> adapter -> cell.
 */
import { bundledContracts } from './contracts';
import { ContractRegistry } from './loader';
import { Engine } from './engine';
import type { ContractSummary, ScheduleGrid } from './engine';
import { Failure } from './failure';
import { employerRates } from './parameters';
import type { EmployerRates, EmployerRatesFile } from './parameters';
import employerRatesFile from './parameters/employer-rates.json';

export { ContractRegistry, ContractLoadError, compileContract, MAX_CONTRACT_CHARS, MAX_CONTRACT_DEPTH } from './loader';
export type { ContractHeader, ContractProblem, LazyContractFile, LoadFailure } from './loader';
export { Engine, Failure } from './engine';
export type { Answer, ContractSummary, GridCell, ScheduleGrid } from './engine';
export type { FailureReason } from './failure';
export { parseYear } from './years';
export { roundAmount, applyPercent, percentOf, Money } from './rounding';
export { checkContracts, formatFindings } from './check';
export { RULE_KINDS } from './rules';
export type { RuleKind } from './rules';
export type { Finding, CheckReport } from './check';
export { bundledContracts } from './contracts';
export type { BundledContract } from './contracts';
export { weeklyGross } from './payroll';
export { projectRow } from './roster';
export type { RosterRow, Placement } from './roster';
export { proposalFile, proposalEngine } from './proposal';
export type { Proposal, ProposalRow, ProposalTable, ProposalYear } from './proposal-types';
export { costRoster } from './costing';
export type { CostResult, YearTotals, EmployeeYear } from './costing';
export { contractProfile, PROFILE_METRICS } from './profile';
export { employerRates } from './parameters';
export type { EmployerRates, EmployerRatesFile } from './parameters';
export type { WeekHours } from './payroll';

/**
 * A registry holding the bundled contracts, each checked in full and each loaded on its own: a bad one is left
 * out (registry.failed() says why; a function given its id answers #N/A with the reason) and the others work.
 * `trusted` is the add-in's own start-up: the build already ran the checks (scripts/contract-loader.js), so the
 * files are only registered, and each is parsed and compiled, without the checks, on its first use
 * (ContractRegistry.register); a file that fails then is left out the same way. The test suite loads the same
 * files with every check (test/unit/loader.test.ts).
 */
export function createRegistry(options: { trusted?: boolean } = {}): ContractRegistry {
  const registry = new ContractRegistry();
  if (options.trusted) registry.register(bundledContracts);
  else registry.loadEach(bundledContracts);
  return registry;
}

let shared: Engine | undefined;
/** The engine over the bundled contracts (compiled on first use, without re-checking them). */
export function defaultEngine(): Engine {
  return (shared ??= new Engine(createRegistry({ trusted: true })));
}

export function listContracts(): ContractSummary[] {
  return defaultEngine().listContracts();
}

export function scheduleGrid(contractId: string, year: string, scheduleId?: string): ScheduleGrid | Failure {
  return defaultEngine().scheduleGrid(contractId, year, scheduleId);
}

/** The sourced employer rates (src/parameters/employer-rates.json), with any user overrides (percent or amount by id). */
export function employerRatesWith(overrides: Record<string, number> = {}): EmployerRates {
  return employerRates(employerRatesFile as unknown as EmployerRatesFile, overrides);
}
