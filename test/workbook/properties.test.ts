/**
 * Property tests (fast-check) of the BUILT dist/functions.js, called as Excel calls it (2-D arrays in, 2-D arrays out).
 *
 * 1. Every function listed in dist/functions.json (the metadata is iterated, not a hand-written list), given random
 *    Excel-like arguments (valid labels mixed with junk and look-alikes, numbers from 0 to huge, booleans, empty cells,
 *    error values, ranges of mixed shapes and sizes, optional arguments omitted), answers with a rectangular 2-D array
 *    whose every element is a finite number, a string, or an Excel error with a code and a message (an error that came
 *    in as an argument may pass through as it came). Never a throw, NaN, Infinity, undefined, null or a boolean.
 * 2. Targeted: SALARY of a random printed cell of SCHEDULE's grid is that cell (any case and spacing of the labels);
 *    FTE scaling is monotone; broadcasting a column or a row × column is the same as element-wise calls.
 *
 * FC_RUNS=1000 npx jest --selectProjects workbook -t properties   runs more cases; FC_SEED=… replays a failure.
 */
import fc from 'fast-check';
import { loadBundle, ShimError } from '../support/excel-shim';

const bundle = loadBundle();
const RUNS = Number(process.env.FC_RUNS ?? 200);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const params = (runs = RUNS) => ({ numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }) });

type Fn = (...args: unknown[]) => unknown;
const fn = (id: string): Fn => {
  const f = bundle.functions.get(id);
  if (!f) throw new Error(`${id} is not associated`);
  return f as Fn;
};
const call = (id: string, ...args: unknown[]) => fn(id)(...args) as unknown[][];
const setDefault = (bundle.context.ContractAddin as { setDefaultContract(id: string | null): void }).setDefaultContract;

// ---------------------------------------------------------------------------------------------- label pools
/** Labels the add-in itself lists (discovery functions), so random input often hits valid combinations. */
const flat = (out: unknown[][]) => out.flat().filter((x): x is string => typeof x === 'string' && x !== '');
const contracts = flat(call('CONTRACTS'));
const valid = new Set<string>(contracts);
for (const c of contracts) {
  for (const id of ['YEARS', 'LANES', 'STEPS', 'ACTIVITIES', 'POSITIONS']) flat(call(id, [[c]])).forEach((x) => valid.add(x));
  call('TERMS', [[c]]).forEach((r) => typeof r[0] === 'string' && valid.add(r[0]));
  flat(call('ACTIVITIES', [[c]])).slice(0, 8).forEach((a) => flat(call('ROLES', [[a]], [[c]])).forEach((x) => valid.add(x)));
}
const spellings = [
  '2025-2026', 'FY2026', 'FY26', '2025/26', 'SY2025-26', '2025', '1999', '2019-20', '2030-31',
  'BA+10 SEM', ' ma + 15 ', 'ba+15 qtr', 'Career', 'career', 'CIII', '14-CI', '2 & 3', 'daily', 'hourly', 'summer-hourly',
  'min', 'max', 'Family', 'Single', 'A', 'F', 'boiler-license:Chief', 'Head', 'Head Coach', 'Assistant', 'Grade 6', 'Cleaner',
];
const junk = [
  '', ' ', '   ', 'NONE', '#N/A', '#VALUE!', '=1+1', '0', '-1', '1e308', 'NaN', 'Infinity', 'undefined', 'null', 'true',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'waconia', 'waconia/', '/teachers', 'WACONIA/TEACHERS',
  '\u041C\u0410', // Cyrillic "МА"
  '\u041C\u0410+15', 'B\u0410', '\u0392\u0391', // Greek "ΒΑ"
  'MA\u200B', '\u00A0MA', 'MA\t', 'ＭＡ', '😀', 'x'.repeat(5000), '2025-26\n', '2025–26', '1,234',
];
const labels = [...valid, ...spellings];

// ---------------------------------------------------------------------------------------------- Excel-like values
const shimError = fc
  .tuple(fc.constantFrom('#VALUE!', '#N/A', '#DIV/0!', '#NUM!', '#REF!', '#NAME?', '#NULL!'), fc.constantFrom(undefined, '', 'from another cell'))
  .map(([code, message]) => new ShimError(code, message));
const number = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 0.6, 1.5, 1.51, 2, 3, 7, 8, 12, 13, 20, 40, 45, 103, 120, 150, 187, 1999, 2025, 2026, 5000, 1e6, 1e12, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 1e-9),
  fc.integer({ min: -5, max: 60 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 2, noNaN: true }),
);
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...labels) },
  { weight: 2, arbitrary: fc.constantFrom(...junk) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 3, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, '') },
  { weight: 1, arbitrary: shimError },
);
/** A range as Excel passes it: rectangular, 1×1 most often, else a column, a row or a block of any size up to 6×4. */
const range = (el: fc.Arbitrary<unknown> = cell) =>
  fc
    .oneof(
      { weight: 5, arbitrary: fc.constant([1, 1]) },
      { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 2, max: 6 }), fc.constant(1)) },
      { weight: 1, arbitrary: fc.tuple(fc.constant(1), fc.integer({ min: 2, max: 4 })) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 })) },
    )
    .chain(([r, c]) => fc.array(fc.array(el, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

interface Meta { id: string; parameters: { name: string; optional?: boolean; dimensionality?: string }[] }
const metadata = (bundle.metadata as unknown as { functions: Meta[] }).functions;

/** Arguments for one call: required ones always, optional ones sometimes null (skipped) and trailing ones sometimes left off. */
function argsFor(meta: Meta): fc.Arbitrary<{ args: unknown[]; defaultContract: string | null }> {
  const perParam = meta.parameters.map((p) => {
    const value = p.dimensionality === 'matrix' || p.dimensionality === undefined ? range() : cell;
    return p.optional ? fc.option(value, { nil: null, freq: 3 }) : value;
  });
  return fc.record({
    args: fc.tuple(...(perParam as [fc.Arbitrary<unknown>])).chain((args) =>
      fc.boolean().map((trim) => {
        const out = [...(args as unknown[])];
        if (trim) while (out.length && out[out.length - 1] === null && meta.parameters[out.length - 1].optional) out.pop();
        return out;
      }),
    ),
    defaultContract: fc.constantFrom(null, null, ...contracts),
  });
}

/** What the result may hold; a failure names the element and what it is. */
function badElement(out: unknown, inputs: unknown[]): string | undefined {
  if (!Array.isArray(out) || out.length === 0 || !out.every(Array.isArray)) return `result is not a non-empty 2-D array: ${String(out)}`;
  const width = (out[0] as unknown[]).length;
  if (width === 0) return 'result has an empty row';
  const typed = JSON.stringify(inputs, (_k, x) => (typeof x === 'number' ? String(x) : x)) ?? ''; // what the user typed may show in a message
  const passedThrough = new Set<unknown>();
  for (const a of inputs) if (Array.isArray(a)) for (const r of a) if (Array.isArray(r)) for (const v of r) if (v instanceof ShimError) passedThrough.add(v);
  for (let i = 0; i < out.length; i++) {
    const row = out[i] as unknown[];
    if (row.length !== width) return `row ${i} has ${row.length} elements, row 0 has ${width} (not rectangular)`;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const at = `[${i}][${j}]`;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) return `${at} is ${v}`;
      } else if (typeof v === 'string') {
        // text is fine (labels, citations, blanks of a spilled grid)
      } else if (v instanceof ShimError) {
        if (passedThrough.has(v)) continue; // an error value from the arguments, passed on unchanged
        if (v.code !== '#VALUE!' && v.code !== '#N/A') return `${at} is an error ${v.code} the add-in never makes`;
        if (typeof v.message !== 'string' || v.message.trim() === '') return `${at} is ${v.code} without a message`;
        const leaked = ['undefined', 'NaN', '[object Object]', 'Infinity'].find((t) => v.message!.includes(t) && !typed.includes(t));
        if (leaked) return `${at}: the message shows an internal value (${leaked}): ${v.message}`;
      } else return `${at} is ${v === null ? 'null' : typeof v} (${String(v)})`;
    }
  }
  return undefined;
}

const show = (args: unknown[]) =>
  JSON.stringify(args, (_k, v) => (v instanceof ShimError ? `<${v.code}${v.message ? ' ' + v.message : ''}>` : typeof v === 'string' && v.length > 40 ? v.slice(0, 40) + '…' : v));

afterEach(() => setDefault(null));

describe('every function in functions.json answers random Excel input with numbers, text or errors with a message', () => {
  test('the metadata lists functions, and each is associated', () => {
    expect(metadata.length).toBeGreaterThan(5);
    for (const m of metadata) expect([m.id, bundle.functions.has(m.id)]).toEqual([m.id, true]);
  });

  test.each(metadata.map((m) => [m.id, m] as const))('%s', (_id, meta) => {
    const f = fn(meta.id);
    fc.assert(
      fc.property(argsFor(meta), ({ args, defaultContract }) => {
        setDefault(defaultContract);
        let out: unknown;
        try {
          out = f(...args);
        } catch (e) {
          // eslint-disable-next-line preserve-caught-error -- the message carries the cause's stack (tsconfig's ES2020 lib has no Error cause)
          throw new Error(`${meta.id}${show(args)} threw ${(e as Error)?.stack ?? String(e)}`);
        } finally {
          setDefault(null);
        }
        const bad = badElement(out, args);
        if (bad) throw new Error(`${meta.id}${show(args)} (default contract ${defaultContract}): ${bad}`);
      }),
      params(),
    );
  });
});

// ---------------------------------------------------------------------------------------------- targeted properties
/** Every printed cell of every salary schedule, from SCHEDULE's own grid: [contract, year, lane, step labels, grid value]. */
const printed: { contract: string; year: string; lane: string; steps: string[]; value: unknown }[] = [];
for (const c of contracts) {
  const stepLabels = new Set(flat(call('STEPS', [[c]])));
  if (!stepLabels.size) continue;
  for (const y of flat(call('YEARS', [[c]]))) {
    const g = call('SCHEDULE', [[y]], [[c]]);
    if (!Array.isArray(g[0]) || g.length < 2) continue;
    const lanes = g[0].slice(1) as string[];
    for (const r of g.slice(1)) {
      // a merged row "2 & 3" answers for step 2 and step 3
      const steps = String(r[0]).split('&').map((s) => s.trim()).filter((s) => stepLabels.has(s));
      if (!steps.length) continue;
      lanes.forEach((lane, j) => printed.push({ contract: c, year: y, lane, steps, value: r[j + 1] }));
    }
  }
}

/** The same label as a user might type it: any case, spaces added or removed. */
const retyped = (label: string) =>
  fc.tuple(fc.array(fc.boolean(), { minLength: label.length, maxLength: label.length }), fc.constantFrom('', ' ', '  '), fc.constantFrom('', ' ')).map(([upper, pad, inner]) => {
    const chars = [...label.replace(/\s+/g, '')].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase()));
    return pad + chars.join(inner) + pad;
  });

describe('SALARY agrees with the SCHEDULE grid', () => {
  test('the grids were read', () => {
    expect(printed.filter((p) => typeof p.value === 'number').length).toBeGreaterThan(400);
  });

  test('a printed number is what SALARY returns, however the labels are typed; NONE is #N/A; a blank is #N/A or a derived amount', () => {
    const cellArb = fc.constantFrom(...printed).chain((p) => fc.tuple(fc.constant(p), fc.constantFrom(...p.steps).chain((s) => fc.tuple(retyped(p.lane), retyped(s)))));
    fc.assert(
      fc.property(cellArb, ([p, [lane, step]]) => {
        const out = call('SALARY', [[lane]], [[step]], [[p.year]], [[p.contract]]);
        expect(out.length).toBe(1);
        const v = out[0][0];
        if (typeof p.value === 'number') expect([lane, step, v]).toEqual([lane, step, p.value]);
        else if (p.value === 'NONE') expect([lane, step, (v as ShimError).code]).toEqual([lane, step, '#N/A']);
        else expect(typeof v === 'number' || (v instanceof ShimError && v.code === '#N/A')).toBe(true);
      }),
      params(Math.max(RUNS, 500)),
    );
  });
});

const numeric = printed.filter((p) => typeof p.value === 'number');
const numericCell = fc.constantFrom(...numeric).chain((p) => fc.tuple(fc.constant(p), fc.constantFrom(...p.steps)));

describe('FTE', () => {
  const fte = fc.double({ min: 0.001, max: 1.5, noNaN: true });
  test('scaling is monotone, and FTE 1 (or none) is the printed salary', () => {
    fc.assert(
      fc.property(numericCell, fte, fte, ([p, step], a, b) => {
        const at = (f: number | null) => call('SALARY', [[p.lane]], [[step]], [[p.year]], [[p.contract]], f === null ? undefined : [[f]])[0][0];
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = at(lo);
        const y = at(hi);
        expect(typeof x).toBe('number');
        expect(typeof y).toBe('number');
        expect(x as number).toBeLessThanOrEqual(y as number);
        expect(x as number).toBeLessThanOrEqual((p.value as number) * 1.5 + 0.005);
        expect(at(1)).toBe(p.value);
        expect(at(null)).toBe(p.value);
        // rounded to the cent, within half a cent of the exact product
        expect(Math.abs((x as number) - (p.value as number) * lo)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
      params(),
    );
  });
  test('an FTE of 0, below 0 or above 1.5 is #VALUE!, never a number', () => {
    fc.assert(
      fc.property(numericCell, fc.oneof(fc.double({ max: 0, noNaN: true, noDefaultInfinity: true }), fc.double({ min: 1.5000001, noNaN: true, noDefaultInfinity: true })), ([p, step], f) => {
        const v = call('SALARY', [[p.lane]], [[step]], [[p.year]], [[p.contract]], [[f]])[0][0];
        expect(v).toBeInstanceOf(ShimError);
        expect((v as ShimError).code).toBe('#VALUE!');
      }),
      params(),
    );
  });
});

describe('broadcasting is element-wise', () => {
  const laneOrJunk = fc.oneof(fc.constantFrom(...numeric.map((p) => p.lane)), fc.constantFrom(...junk.slice(0, 12)), number, fc.constant(null));
  const stepOrJunk = fc.oneof(fc.constantFrom(...numeric.flatMap((p) => p.steps)), fc.constantFrom(...junk.slice(0, 12)), number);

  test('a column of lanes against one step, year and contract: each element is the single call', () => {
    fc.assert(
      fc.property(fc.array(laneOrJunk, { minLength: 1, maxLength: 12 }), stepOrJunk, fc.constantFrom(...numeric), (lanes, step, p) => {
        const column = lanes.map((l) => [l]);
        const out = call('SALARY', column, [[step]], [[p.year]], [[p.contract]]);
        expect(out.length).toBe(lanes.length);
        lanes.forEach((l, i) => expect(out[i]).toEqual(call('SALARY', [[l]], [[step]], [[p.year]], [[p.contract]])[0]));
      }),
      params(),
    );
  });

  test('a column of lanes against a row of steps gives the grid of single calls', () => {
    fc.assert(
      fc.property(fc.array(laneOrJunk, { minLength: 1, maxLength: 6 }), fc.array(stepOrJunk, { minLength: 1, maxLength: 5 }), fc.constantFrom(...numeric), (lanes, steps, p) => {
        const out = call('SALARY', lanes.map((l) => [l]), [steps], [[p.year]], [[p.contract]]);
        expect([out.length, out[0].length]).toEqual([lanes.length, steps.length]);
        lanes.forEach((l, i) => steps.forEach((s, j) => expect(out[i][j]).toEqual(call('SALARY', [[l]], [[s]], [[p.year]], [[p.contract]])[0][0])));
      }),
      params(),
    );
  });

  test('for every function: a column in one argument gives, row by row, the single call of each element (where the function broadcasts)', () => {
    // functions that broadcast answer a k×1 column with k rows; those that read only the first cell are skipped here
    let checked = 0;
    for (const meta of metadata) {
      if (!meta.parameters.length) continue;
      fc.assert(
        fc.property(argsFor(meta), fc.nat(), fc.array(cell, { minLength: 2, maxLength: 5 }), ({ args }, which, column) => {
          const scalarArgs = meta.parameters.map((p, i) => (args[i] === null || args[i] === undefined ? (p.optional ? null : [['']]) : [[(args[i] as unknown[][])[0][0]]]));
          const k = which % meta.parameters.length;
          const withColumn = scalarArgs.map((a, i) => (i === k ? column.map((v) => [v]) : a));
          const out = fn(meta.id)(...withColumn) as unknown[][];
          const singles = column.map((v) => (fn(meta.id)(...scalarArgs.map((a, i) => (i === k ? [[v]] : a))) as unknown[][]));
          if (!singles.every((s) => s.length === 1 && s[0].length === 1)) return; // a spilling function (list, grid)
          if (out.length !== column.length || out[0].length !== 1) return; // reads only the first cell of this argument
          checked++;
          column.forEach((_, i) => expect([meta.id, k, i, out[i][0]]).toEqual([meta.id, k, i, singles[i][0][0]]));
        }),
        params(Math.ceil(RUNS / 4)),
      );
    }
    expect(checked).toBeGreaterThan(100);
  });
});
