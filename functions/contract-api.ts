/**
 * The one engine of the add-in's shared runtime: the API over the bundled contracts, with the workbook's default
 * contract. functions.js publishes it on the global object (API_GLOBAL) with the sheet-table readers the functions
 * use, so that the task pane, in the same runtime, talks to this engine and reads a table (a sheet range, a CSV, an
 * .xlsx) by the same reading policy, and never bundles a second engine or reader.
 */
import { defaultEngine } from '../src';
import { API_GLOBAL, ContractApi, publish } from '../src/api';
import type { PublishedApi } from '../src/api';
import { defaultContract, setDefaultContract } from './defaults';
import { readPayroll, readProposals, readRates, readRoster } from './tables';
import { startInExcel, WorkbookContracts } from './workbook-contracts';
import type { WorkbookContractsApi } from './workbook-contracts';

export const api = new ContractApi(defaultEngine(), { get: defaultContract, set: setDefaultContract });

/** The workbook's own contracts (custom XML parts), loaded when Excel opens the workbook. */
export const workbook = new WorkbookContracts(api);

/** The sheet-table readers, as the functions read their table arguments (./tables.ts). */
export const SHEET_READERS = { readRoster, readRates, readProposals, readPayroll } as const;

/**
 * What functions.js publishes on the global (the pane imports this type): the API's methods, the sheet-table
 * readers, and the workbook's contracts (SHARED3.md interfaces 2 and 3).
 */
export type PublishedAddin = PublishedApi & typeof SHEET_READERS & Pick<WorkbookContractsApi, 'saveToWorkbook' | 'removeFromWorkbook' | 'workbookContracts'>;

export const published: PublishedAddin = {
  ...publish(api),
  ...SHEET_READERS,
  saveToWorkbook: workbook.saveToWorkbook.bind(workbook),
  removeFromWorkbook: workbook.removeFromWorkbook.bind(workbook),
  workbookContracts: workbook.workbookContracts.bind(workbook),
};

(globalThis as Record<string, unknown>)[API_GLOBAL] = published;

startInExcel(workbook);
