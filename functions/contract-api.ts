/**
 * The one engine of the add-in's shared runtime: the API over the bundled contracts, with the workbook's default
 * contract. functions.js publishes it on the global object (API_GLOBAL) with the sheet-table readers the functions
 * use, so that the task pane, in the same runtime, talks to this engine and reads a table (a sheet range, a CSV, an
 * .xlsx) by the same reading policy, and never bundles a second engine or reader.
 */
import { defaultEngine, employerRatesWith } from '../src';
import { API_GLOBAL, ContractApi, publish } from '../src/api';
import type { PublishedApi } from '../src/api';
import { defaultContract, setDefaultContract } from './defaults';
import type { EmployerRates } from '../src/parameters';
import type { ColumnSpec } from './reading';
import { PAYROLL_COLUMNS, PROPOSAL_COLUMNS, readPayroll, readProposals, readRates, readRoster, ROSTER_COLUMNS } from './tables';
import { startInExcel, WorkbookContracts } from './workbook-contracts';
import type { WorkbookContractsApi } from './workbook-contracts';

export const api = new ContractApi(defaultEngine(), { get: defaultContract, set: setDefaultContract });

/** The workbook's own contracts (custom XML parts), loaded when Excel opens the workbook. */
export const workbook = new WorkbookContracts(api);

/** The sheet-table readers, as the functions read their table arguments (./tables.ts). */
export const SHEET_READERS = { readRoster, readRates, readProposals, readPayroll } as const;

/** The tables the pane reads. */
export type TableKind = 'roster' | 'payroll' | 'proposals';
const COLUMNS: Record<TableKind, ColumnSpec<string>[]> = { roster: ROSTER_COLUMNS, payroll: PAYROLL_COLUMNS, proposals: PROPOSAL_COLUMNS };

/** What the pane needs besides the readers: the columns each table reads (to guess a header), the employer rates. */
export const PANE_HELPERS = {
  /** The columns a table reads: each field with its canonical name first, then its aliases. */
  tableColumns: (kind: TableKind): ColumnSpec<string>[] => COLUMNS[kind].map((c) => ({ field: c.field, names: [...c.names] })),
  /** The sourced employer rates with overrides (readRates' answer), as a costing query takes them. */
  employerRates: (overrides: Record<string, number> = {}): EmployerRates => employerRatesWith(overrides),
} as const;

/**
 * What functions.js publishes on the global (the pane imports this type): the API's methods, the sheet-table
 * readers and what the pane needs besides, and the workbook's contracts (SHARED3.md interfaces 2 and 3).
 */
export type PublishedAddin = PublishedApi & typeof SHEET_READERS & typeof PANE_HELPERS
  & Pick<WorkbookContractsApi, 'saveToWorkbook' | 'removeFromWorkbook' | 'workbookContracts'>;

export const published: PublishedAddin = {
  ...publish(api),
  ...SHEET_READERS,
  ...PANE_HELPERS,
  saveToWorkbook: workbook.saveToWorkbook.bind(workbook),
  removeFromWorkbook: workbook.removeFromWorkbook.bind(workbook),
  workbookContracts: workbook.workbookContracts.bind(workbook),
};

(globalThis as Record<string, unknown>)[API_GLOBAL] = published;

startInExcel(workbook);
