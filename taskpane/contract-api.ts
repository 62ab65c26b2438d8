/**
 * The pane's way to the engine: the API that functions.js publishes on the shared runtime's global object
 * (functions/contract-api.ts). In Excel the pane and the custom functions share that runtime; outside Excel
 * taskpane.html loads functions.js before taskpane.js, so the same engine is there too. The pane imports types
 * only from src/: it carries no contract data and no second engine (test/unit/api.test.ts greps for that).
 */
import type { ContractApi, Failure } from '../src/api';
import type { PublishedAddin } from '../functions/contract-api';

/** What the pane asks of the engine, through the API. */
export type PaneApi = Pick<ContractApi, 'contracts' | 'schedule' | 'defaultContract' | 'setDefaultContract'>;

/** The global functions.js sets (src/api.ts API_GLOBAL; a type-only import cannot bring the constant). */
const API_GLOBAL = 'ContractAddin';

/** What the Load view asks: a file checked, the workbook's contracts stored, listed, removed (SHARED3.md interface 3). */
export type LoadApi = Pick<PublishedAddin, 'checkContract' | 'runtimeContracts' | 'saveToWorkbook' | 'removeFromWorkbook' | 'workbookContracts'>;

/** The engine's API, or undefined where functions.js has not run (a test of the pane's Office calls alone). */
export function publishedApi(): PaneApi | undefined {
  return (globalThis as Record<string, unknown>)[API_GLOBAL] as PaneApi | undefined;
}

export function contractApi(): PaneApi {
  const api = publishedApi();
  if (!api) throw new Error('The contract functions (functions.js) did not load, so the pane has no contracts to show. Reload the add-in.');
  return api;
}

/** A Failure as it crosses the global: any object with a code, a reason and a message. */
export function isFailure(v: unknown): v is Failure {
  return typeof v === 'object' && v !== null && 'reason' in v && 'code' in v && 'message' in v;
}

/** The same global, as the Load view uses it. */
export function loadApi(): LoadApi {
  return contractApi() as unknown as LoadApi;
}
