/**
 * The one engine of the add-in's shared runtime: the API over the bundled contracts, with the workbook's default
 * contract. functions.js publishes it on the global object (API_GLOBAL), so that the task pane, in the same
 * runtime, talks to this engine and never bundles a second one.
 *
 * Beside the API's methods the global carries the sheet-table readers the functions use (SHARED3 interface 2), so
 * that the pane reads a CSV, an .xlsx or a sheet range by the one reading policy without bundling it.
 */
import { defaultEngine, employerRatesWith } from '../src';
import { API_GLOBAL, ContractApi, publish } from '../src/api';
import type { PublishedApi } from '../src/api';
import { Failure } from '../src/failure';
import type { EmployerRates } from '../src/parameters';
import type { Proposal } from '../src/proposal';
import type { RosterRow } from '../src/roster';
import type { ColumnSpec } from '../src/reading';
import { PROPOSAL_COLUMNS, proposalFromTable, ratesFromTable, ROSTER_COLUMNS, rosterFromTable } from '../src/tables';
import { defaultContract, setDefaultContract } from './defaults';
import { PAYROLL_COLUMNS, payrollFromTable } from './payroll-table';
import type { PayrollLine } from './payroll-table';

export type { PayrollLine } from './payroll-table';

export const api = new ContractApi(defaultEngine(), { get: defaultContract, set: setDefaultContract });

/** The tables a reader on the global reads. */
export type TableKind = 'roster' | 'payroll' | 'proposals';

/** What the global holds: the API's methods and the table readers. */
export interface PublishedAddin extends PublishedApi {
  /** A roster (header row first), as PROJECT and COST read it. */
  readRoster(cells: unknown[][]): RosterRow[] | Failure;
  /** Employer-rate overrides (rows of id and value; none: the sourced rates), as the costing functions read them. */
  readRates(cells: unknown[][]): EmployerRates | Failure;
  /** One proposal of a proposals table, as PROJECT and COST read it. */
  readProposals(cells: unknown[][], o: { name: string; contract: string; baseYear: string; years?: string[] }): Proposal | Failure;
  /** A payroll export (paid, lane, step, year, fte, id, contract), one line per row. */
  readPayroll(cells: unknown[][]): PayrollLine[] | Failure;
  /** The columns a table reads: each field with its canonical name first, then its aliases. */
  tableColumns(kind: TableKind): ColumnSpec<string>[];
}

const COLUMNS: Record<TableKind, ColumnSpec<string>[]> = { roster: ROSTER_COLUMNS, payroll: PAYROLL_COLUMNS, proposals: PROPOSAL_COLUMNS };

export const addin: PublishedAddin = {
  ...publish(api),
  readRoster: (cells) => rosterFromTable(cells),
  readRates: (cells) => {
    const overrides = ratesFromTable(cells);
    return overrides instanceof Failure ? overrides : employerRatesWith(overrides);
  },
  readProposals: (cells, o) => proposalFromTable(cells, o.name, o.contract, o.baseYear, o.years, api.contractIds()),
  readPayroll: (cells) => payrollFromTable(cells),
  tableColumns: (kind) => COLUMNS[kind].map((c) => ({ field: c.field, names: [...c.names] })),
};

(globalThis as Record<string, unknown>)[API_GLOBAL] = addin;
