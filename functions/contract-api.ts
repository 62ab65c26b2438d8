/**
 * The one engine of the add-in's shared runtime: the API over the bundled contracts, with the workbook's default
 * contract. functions.js publishes it on the global object (API_GLOBAL), so that the task pane, in the same
 * runtime, talks to this engine and never bundles a second one.
 */
import { defaultEngine } from '../src';
import { API_GLOBAL, ContractApi, publish } from '../src/api';
import type { PublishedApi } from '../src/api';
import { defaultContract, setDefaultContract } from './defaults';
import { startInExcel, WorkbookContracts } from './workbook-contracts';
import type { WorkbookContractsApi } from './workbook-contracts';

export const api = new ContractApi(defaultEngine(), { get: defaultContract, set: setDefaultContract });

/** The workbook's own contracts (custom XML parts), loaded when Excel opens the workbook. */
export const workbook = new WorkbookContracts(api);

/** What the global holds: the API, and the workbook's contracts (SHARED3.md interfaces 2 and 3). */
export type PublishedAddin = PublishedApi & Pick<WorkbookContractsApi, 'saveToWorkbook' | 'removeFromWorkbook' | 'workbookContracts'>;

(globalThis as Record<string, unknown>)[API_GLOBAL] = {
  ...publish(api),
  saveToWorkbook: workbook.saveToWorkbook.bind(workbook),
  removeFromWorkbook: workbook.removeFromWorkbook.bind(workbook),
  workbookContracts: workbook.workbookContracts.bind(workbook),
} satisfies PublishedAddin;

startInExcel(workbook);
