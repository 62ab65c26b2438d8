/**
 * The closest thing to Excel we have here: the BUILT dist/functions.js, loaded where only a
 * CustomFunctions object exists (no window, document or Office), registered into HyperFormula as
 * CONTRACT.* functions using dist/functions.json, so metadata, registration, argument coercion,
 * broadcasting and spilling are all exercised as Excel would.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';

export const DIST = path.resolve(__dirname, '../../dist');

/** The CustomFunctions API surface the bundle may use. */
export class ShimError {
  constructor(readonly code: string, readonly message?: string) {}
}
const ErrorCode = { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' };

interface Metadata { functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[] }[] }

export interface LoadedBundle {
  metadata: Metadata;
  functions: Map<string, (...args: unknown[]) => unknown>;
  context: Record<string, unknown>;
  loadMs: number;
}

export function loadBundle(dist = DIST): LoadedBundle {
  const file = path.join(dist, 'functions.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  const code = fs.readFileSync(file, 'utf8');
  const metadata: Metadata = JSON.parse(fs.readFileSync(path.join(dist, 'functions.json'), 'utf8'));
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = { associate: (id: string, fn: (...args: unknown[]) => unknown) => functions.set(id, fn), Error: ShimError, ErrorCode };
  const context: Record<string, unknown> = { CustomFunctions };
  vm.createContext(context);
  const t0 = process.hrtime.bigint();
  vm.runInContext(code, context, { filename: 'functions.js' });
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { metadata, functions, context, loadMs };
}

const HF_ERRORS: Record<string, ErrorType> = { '#VALUE!': ErrorType.VALUE, '#N/A': ErrorType.NA, '#DIV/0!': ErrorType.DIV_BY_ZERO, '#NUM!': ErrorType.NUM, '#REF!': ErrorType.REF, '#NAME?': ErrorType.NAME };

/** A HyperFormula value -> what Excel hands a custom function for one cell. */
function toExcel(v: unknown): unknown {
  if (v === EmptyValue || v === undefined || v === null) return '';
  if (v instanceof CellError) return new ShimError(`#${v.type === ErrorType.NA ? 'N/A' : v.type}${v.type === ErrorType.VALUE || v.type === ErrorType.REF ? '!' : ''}`, v.message);
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: unknown }).val; // HF's typed numbers
  return v;
}

/** An argument value -> the 2-D array Excel passes for a matrix parameter. */
function toMatrix(v: unknown): unknown[][] {
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(toExcel));
  return [[toExcel(v)]];
}

/** A custom function's answer -> a HyperFormula value. Anything Excel would not accept fails the test loudly. */
function fromExcel(v: unknown, where: string): unknown {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`${where} returned ${v}`);
    return v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof ShimError) return new CellError(HF_ERRORS[v.code] ?? ErrorType.VALUE, v.message);
  throw new Error(`${where} returned ${String(v)} (${typeof v}), which Excel cannot show`);
}

export const calls = { count: 0 };

/** Registers every function of functions.json as CONTRACT.<ID> in HyperFormula. */
export function registerPlugin(bundle: LoadedBundle): void {
  class ContractPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  const proto = ContractPlugin.prototype as unknown as Record<string, unknown>;
  bundle.metadata.functions.forEach((meta, i) => {
    const name = `CONTRACT.${meta.id}`;
    const fn = bundle.functions.get(meta.id);
    if (!fn) throw new Error(`functions.json lists ${meta.id} but functions.js never associated it`);
    const required = meta.parameters.filter((p) => !p.optional).length;
    translations[name] = name;
    implemented[name] = {
      method: `call${i}`,
      sizeOfResultArrayMethod: `size${i}`,
      vectorizationForbidden: true,
      parameters: meta.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: !!p.optional })),
    };
    const run = (self: FunctionPlugin, ast: any, state: any): unknown[][] | CellError => {
      const args = ast.args as any[];
      if (args.length < required || args.length > meta.parameters.length)
        return new CellError(ErrorType.NA, `${name} takes ${required}-${meta.parameters.length} arguments`);
      const values = args.map((a) => (a.type === 'EMPTY' ? null : toMatrix((self as any).evaluateAst(a, state))));
      calls.count++;
      const out = fn(...values);
      if (!Array.isArray(out) || !out.every(Array.isArray)) throw new Error(`${name} returned ${String(out)}, not a 2-D array`);
      return out as unknown[][];
    };
    proto[`call${i}`] = function (this: FunctionPlugin, ast: any, state: any) {
      const out = run(this, ast, state);
      if (out instanceof CellError) return out;
      if (out.length === 1 && out[0].length === 1) return fromExcel(out[0][0], name);
      return SimpleRangeValue.onlyValues(out.map((row) => row.map((v) => fromExcel(v, name))) as any);
    };
    proto[`size${i}`] = function (this: FunctionPlugin, ast: any, state: any) {
      // Excel learns the spill size from the answer; HyperFormula asks first, so compute the answer.
      try {
        const out = run(this, ast, state);
        if (out instanceof CellError) return ArraySize.scalar();
        return new ArraySize(out[0]?.length ?? 1, out.length);
      } catch {
        return ArraySize.error();
      }
    };
  });
  (ContractPlugin as any).implementedFunctions = implemented;
  const existing = HyperFormula.getRegisteredFunctionNames('enGB');
  if (!existing.includes('CONTRACT.SALARY')) HyperFormula.registerFunctionPlugin(ContractPlugin as any, { enGB: translations });
}

export function hyperformula(sheets: Record<string, unknown[][]>): HyperFormula {
  return HyperFormula.buildFromSheets(sheets as any, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
}

/** How many rows and columns a formula cell's answer fills (1 × 1 for a single value; a spill otherwise). */
export function spillSize(hf: HyperFormula, address: { sheet: number; row: number; col: number }): { width: number; height: number } {
  const type = hf.getCellType(address);
  if (type !== 'FORMULA' && type !== 'ARRAYFORMULA') throw new Error(`no formula at ${JSON.stringify(address)}`);
  // HyperFormula keeps the size it predicted (sizeOfResultArrayMethod above) on the formula's vertex
  const vertex = (hf as unknown as { dependencyGraph: { getCell(a: unknown): { width: number; height: number } } }).dependencyGraph.getCell(address);
  return { width: vertex.width, height: vertex.height };
}
