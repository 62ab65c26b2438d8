/**
 * The one engine of the add-in's shared runtime: the API over the bundled contracts, with the workbook's default
 * contract. functions.js publishes it on the global object (API_GLOBAL), so that the task pane, in the same
 * runtime, talks to this engine and never bundles a second one.
 */
import { defaultEngine } from '../src';
import { API_GLOBAL, ContractApi, publish } from '../src/api';
import { defaultContract, setDefaultContract } from './defaults';

export const api = new ContractApi(defaultEngine(), { get: defaultContract, set: setDefaultContract });

(globalThis as Record<string, unknown>)[API_GLOBAL] = publish(api);
