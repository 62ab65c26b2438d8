/**
 * npm run bench, section 5: every custom function that takes a range, called once over a column of `rows` rows,
 * as Excel calls it (arguments as 2-D arrays). Used by scripts/bench.js with the functions of the built bundle.
 * Each case gives the arguments and a check of the result (so a fast wrong answer is not a pass): the number of
 * result rows it must spill, and a cell it must hold (worked from the documents; see the cite).
 *
 * The inputs cycle through real labels, so every row is looked up; AUDIT's paid amounts are all off by $1 (the
 * slow path: each unmatched line searches what else the amount matches).
 */
'use strict';

/** A column of n cells, and a 1×1 argument, as Excel passes ranges. */
const col = (n, f) => Array.from({ length: n }, (_, i) => [f(i)]);
const one = (v) => [[v]];

const TEACHER_LANES = ['BA', 'BA+15', 'BA+30', 'BA+45', 'MA', 'MA+15', 'MA+30', 'MA+45'];
const TEACHER_STEPS = ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M'];
const POSITIONS = ['Day Leads / Custodial Maintenance', 'Night Leads / Groundskeeper', 'Custodial Cleaner'];
/** MAX_ROSTER_ROWS in functions/functions.ts: PROJECT, COST and COMPARE refuse a larger roster. */
const ROSTER_CAP = 5000;

/** One proposal for COMPARE: a 3% schedule increase in 2026-27. */
const proposalsTable = [['proposal', 'year', 'schedule %'], ['A', '2026-27', 0.03]];

/** A roster table (header row + `n` employees) for PROJECT, COST and COMPARE. */
function roster(n) {
  return [['id', 'lane', 'step', 'fte'], ...Array.from({ length: n }, (_, i) => [`E${i + 1}`, TEACHER_LANES[i % 8], TEACHER_STEPS[i % 12], 1])];
}

/** The cases: [name, function id, args(rows), rows the result must spill (undefined: a summary of its own shape)]. */
function rangeCases(rows) {
  const lanes = col(rows, (i) => TEACHER_LANES[i % 8]);
  const steps = col(rows, (i) => TEACHER_STEPS[i % 7]); // B…H: printed in every lane
  const Y = one('2025-26');
  const T = one('waconia/teachers');
  const C = one('waconia/custodial');
  // longevity by years of service, and the single-coverage insurance contribution (a term with keys)
  const termArgs = () => [col(rows, (i) => ['longevity', 'insurance-contribution'][i % 2]), Y, col(rows, (i) => (i % 2 ? 'Single' : '')), C, col(rows, (i) => (i % 2 ? '' : i % 30))];
  // a week: 30-44 hours worked, some on a weekend; second-shift hours only for Custodial Cleaners, whom it is for
  // the same, with hours worked in steps of a hundredth: every row is computed (no answer can be reused)
  const grossDistinct = () => { const a = grossArgs(); a[3] = col(rows, (i) => 20 + Math.floor(i / 3) / 100); return a; };
  const grossArgs = () => [col(rows, (i) => POSITIONS[i % 3]), col(rows, (i) => (i % 12) + 1), Y, col(rows, (i) => 30 + (i % 15)), col(rows, (i) => (i % 3 === 2 ? i % 8 : 0)), col(rows, (i) => i % 4), undefined, undefined, undefined, C];
  // Anoka-Hennepin states severance pay (Waconia teachers' does not): 2006-07, lanes BA…MA+60, steps 1…13
  const severanceArgs = () => [col(rows, (i) => ['BA', 'BA+15', 'BA+30', 'MA', 'MA+15', 'MA+30'][i % 6]), col(rows, (i) => (i % 13) + 1), one('2006-07'), col(rows, (i) => 20 + (i % 100)), undefined, one('anoka-hennepin/teachers')];
  // …and 403(b) contributions to deduct that differ on every row
  const severanceDistinct = () => { const a = severanceArgs(); a[4] = col(rows, (i) => i / 100); return a; };
  // the largest roster one call costs, when `rows` is over it
  const atTheCap = [
    [`PROJECT, a roster of ${ROSTER_CAP.toLocaleString('en-US')} (the most one call costs)`, 'PROJECT', () => [roster(ROSTER_CAP), one('2025-26:2026-27'), T], ROSTER_CAP * 2 + 1],
    [`COST, a roster of ${ROSTER_CAP.toLocaleString('en-US')}`, 'COST', () => [roster(ROSTER_CAP), one('2025-26:2026-27'), T], undefined],
    [`COMPARE, a roster of ${ROSTER_CAP.toLocaleString('en-US')}`, 'COMPARE', () => [roster(ROSTER_CAP), one('2025-26:2026-27'), proposalsTable, one(''), one('A'), T], undefined],
  ];
  return [
    ['SALARY', 'SALARY', () => [lanes, steps, Y, T], rows],
    ['SALARY.SOURCE', 'SALARY.SOURCE', () => [lanes, steps, Y, T], rows],
    ['HOURLY', 'HOURLY', () => [col(rows, (i) => POSITIONS[i % 3]), col(rows, (i) => (i % 12) + 1), Y, C], rows],
    ['HOURLY.SOURCE', 'HOURLY.SOURCE', () => [col(rows, (i) => POSITIONS[i % 3]), col(rows, (i) => (i % 12) + 1), Y, C], rows],
    ['STIPEND', 'STIPEND', () => [col(rows, () => 'Cross Country'), col(rows, (i) => ['Head', 'Assistant'][i % 2]), col(rows, (i) => (i % 20) + 1), Y, T], rows],
    ['STIPEND.SOURCE', 'STIPEND.SOURCE', () => [col(rows, () => 'Cross Country'), col(rows, (i) => ['Head', 'Assistant'][i % 2]), col(rows, (i) => (i % 20) + 1), Y, T], rows],
    ['TERM', 'TERM', termArgs, rows],
    ['TERM.SOURCE', 'TERM.SOURCE', termArgs, rows],
    ['RATE', 'RATE', () => [one('daily'), lanes, steps, Y, T], rows],
    ['RATE.SOURCE', 'RATE.SOURCE', () => [one('daily'), lanes, steps, Y, T], rows],
    ['GROSS', 'GROSS', grossArgs, rows],
    ['GROSS.SOURCE', 'GROSS.SOURCE', grossArgs, rows],
    ['GROSS, no two rows alike', 'GROSS', grossDistinct, rows],
    ['PRORATE', 'PRORATE', () => [lanes, steps, Y, col(rows, (i) => (i % 184) + 1), undefined, T], rows],
    ['SEVERANCE', 'SEVERANCE', severanceArgs, rows],
    ['SEVERANCE.SOURCE', 'SEVERANCE.SOURCE', severanceArgs, rows],
    ['SEVERANCE, no two rows alike', 'SEVERANCE', severanceDistinct, rows],
    ['AUDIT, every line $1 off', 'AUDIT', () => [undefined, lanes, steps, Y, undefined, T], rows], // paid: SALARY + 1, see measureRanges
    // no two lines alike, none matching: each searched for what it matches (5,000 such lines took 13 s before the index)
    ['AUDIT, 5,000 different lines, none right', 'AUDIT', () => [col(Math.min(rows, 5000), (i) => 40000 + i + 0.5), col(Math.min(rows, 5000), (i) => TEACHER_LANES[i % 8]), col(Math.min(rows, 5000), (i) => TEACHER_STEPS[i % 7]), Y, undefined, T], Math.min(rows, 5000)],
    ['AUDIT, 10,000 different lines (the most one call computes)', 'AUDIT', () => [col(Math.min(rows, 10000), (i) => 40000 + i + 0.5), col(Math.min(rows, 10000), (i) => TEACHER_LANES[i % 8]), col(Math.min(rows, 10000), (i) => TEACHER_STEPS[i % 7]), Y, undefined, T], Math.min(rows, 10000)],
    [`AUDIT, ${rows.toLocaleString('en-US')} different lines`, 'AUDIT', () => [col(rows, (i) => 40000 + i + 0.5), lanes, steps, Y, undefined, T], rows],
    ['GROSS, 5,000 different rows (the most one call computes)', 'GROSS', () => grossDistinct().map((x) => (Array.isArray(x) && x.length === rows ? x.slice(0, Math.min(rows, 5000)) : x)), Math.min(rows, 5000)],
    ...(rows > ROSTER_CAP ? atTheCap : []),
    [`PROJECT, a roster of ${rows.toLocaleString('en-US')}`, 'PROJECT', () => [roster(rows), one('2025-26:2026-27'), T], undefined],
    [`COST, a roster of ${rows.toLocaleString('en-US')}`, 'COST', () => [roster(rows), one('2025-26:2026-27'), T], undefined],
    [`COMPARE, a roster of ${rows.toLocaleString('en-US')}`, 'COMPARE', () => [roster(rows), one('2025-26:2026-27'), proposalsTable, one(''), one('A'), T], undefined],
    [`PROFILE, ${rows.toLocaleString('en-US')} contract ids`, 'PROFILE', () => [col(rows, () => 'waconia/teachers'), Y], undefined],
  ];
}

/** Cells the first rows must hold, read from the documents; '' when only the shape and the absence of NaN are checked. */
function firstRowCheck(name, id, out) {
  const first = out[0];
  // row 0 is lane BA, step B, 2025-26: $46,146 (004_95c67c5f7895ec64.txt:4960)
  if (id === 'SALARY' && first[0] !== 46146) return `SALARY row 1 is ${JSON.stringify(first[0])}, not 46146`;
  // AUDIT pays $1 more than that: expected 46,146, difference 1
  if (name.startsWith('AUDIT, every line $1 off') && (first[0] !== 46146 || first[1] !== 1 || !/^overpaid by \$1\.00/.test(first[2]))) return `AUDIT row 1 is ${JSON.stringify(first).slice(0, 120)}`;
  // Day Leads / Custodial Maintenance, step 1, 2025-26: $19.76 (004_95c67c5f7895ec64.txt:7287)
  if (id === 'HOURLY' && first[0] !== 19.76) return `HOURLY row 1 is ${JSON.stringify(first[0])}, not 19.76`;
  return '';
}

/**
 * Calls every case once over `rows` rows (after a warm-up over 500 rows) with the functions as the bundle
 * associates them; returns [{ name, id, ms, rows, errors, refused, problem }]. AUDIT is paid SALARY + $1 per row.
 */
function measureRanges(functions, rows) {
  const argsOf = (id, a) => {
    if (id !== 'AUDIT' || a[0] !== undefined) return a;
    const salary = functions.get('SALARY')(a[1], a[2], a[3], a[5]);
    return [salary.map((r) => [typeof r[0] === 'number' ? r[0] + 1 : 1]), ...a.slice(1)];
  };
  const warm = new Map(rangeCases(500).map((c) => [c[1], c]));
  const results = [];
  for (const [name, id, args, spill] of rangeCases(rows)) {
    const f = functions.get(id);
    if (!f) {
      results.push({ name, id, problem: 'not registered' });
      continue;
    }
    f(...argsOf(id, warm.get(id)[2]()));
    const a = argsOf(id, args());
    const t = process.hrtime.bigint();
    let out;
    let problem = '';
    try {
      out = f(...a);
    } catch (e) {
      problem = `threw ${String(e && e.message).split('\n')[0]}`;
    }
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    let errors = 0;
    let refused = '';
    if (out) {
      const cells = out.flat();
      errors = cells.filter((v) => v && typeof v === 'object').length;
      if (cells.some((v) => v === undefined || v === null || Number.isNaN(v))) problem = 'a blank, null or NaN in the result';
      if (out.length === 1 && errors === out[0].length && spill !== 1) refused = out[0][0].message; // one error for the whole call
      else if (spill !== undefined && out.length !== spill) problem = `spilled ${out.length} rows, not ${spill}`;
      else problem ||= firstRowCheck(name, id, out);
    }
    results.push({ name, id, ms, rows: out ? out.length : 0, errors, refused, problem });
  }
  return results;
}

module.exports = { rangeCases, measureRanges };

// node scripts/bench-ranges.js [rows]: this section alone, over the built bundle (dist/)
if (require.main === module) {
  require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
  const { loadBundle } = require('../test/support/excel-shim.ts');
  const n = Number(process.argv[2] || 50000);
  for (const r of measureRanges(loadBundle().functions, n))
    console.log(`${r.name.padEnd(34)} ${r.ms === undefined ? '' : `${r.ms.toFixed(0).padStart(6)} ms`}  ${r.refused ? `refused: ${r.refused.slice(0, 100)}` : `${r.rows} rows, ${r.errors} error cells`}  ${r.problem}`);
}
