/**
 * The pane's way to the table readers and the costing methods on the shared runtime's global (functions.js
 * publishes them: functions/contract-api.ts). Types only come from functions/ and src/: no reader, no engine and no
 * contract data is bundled into the pane.
 */
import type { PublishedAddin } from '../functions/contract-api';
import { isFailure } from './contract-api';

export type { PublishedAddin, TableKind } from '../functions/contract-api';
export type { PayrollLine } from '../src/api';

export function addin(): PublishedAddin {
  const a = (globalThis as Record<string, unknown>).ContractAddin as PublishedAddin | undefined;
  if (!a) throw new Error('The contract functions (functions.js) did not load, so the pane cannot compute. Reload the add-in.');
  if (typeof a.readRoster !== 'function') throw new Error('The contract functions loaded are an older version without the table readers. Reload the add-in (Excel may keep the old files for a day).');
  return a;
}

/** The value, or throws the Failure's message (the views show it). */
export function ok<T>(v: T): Exclude<T, { reason: unknown; code: unknown; message: string }> {
  if (isFailure(v)) throw new Error(v.message);
  return v as Exclude<T, { reason: unknown; code: unknown; message: string }>;
}

/** Lets the spinner paint before a long computation runs on the pane's one thread. */
export const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 30));

const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 83,744.50; −1,581.04 */
export const money = (v: number | null | undefined): string => (v === null || v === undefined ? '' : MONEY.format(v).replace('-', '−'));
/** 0.0386 → 3.86% */
export const percent = (v: number | null | undefined): string => (v === null || v === undefined ? '' : PERCENT.format(v).replace('-', '−'));
