#!/usr/bin/env node
// Writes the sample workbooks in examples/ (run: npm run build, then node scripts/make-examples.js).
//
// Each workbook is laid out with ExcelJS (formulas typed as a user types them, CONTRACT.*), then evaluated by
// the BUILT add-in (dist/functions.js in HyperFormula, test/support/excel-shim.ts, as the workbook tests do),
// and written as Excel 365 writes it (scripts/excel365.js): every formula with its cached value, custom
// functions under the names Excel stores, spilling formulas as dynamic arrays with their spilled values. So a
// workbook opened before the add-in loads (or without it) shows the numbers, and spills once it loads.
// test/workbook/examples-xml.test.ts reads the files back as XML and checks all of it.
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
const { hyperformula, loadBundle, registerPlugin, spillSize } = require('../test/support/excel-shim');
const { sheetsOf } = require('../test/support/workbook');
const { storedFormula, callsCustomFunction, finishXlsx } = require('./excel365');

const OUT = path.join(__dirname, '../examples');

// ------------------------------------------------------------------------------------------ formats
const MONEY = '"$"#,##0.00';
const WHOLE_MONEY = '"$"#,##0';
const PERCENT = '0.00%';
const COUNT = '#,##0';
const TABLE_STYLE = { theme: 'TableStyleMedium2', showRowStripes: true };

/** 1-based row and column -> "A1". */
function a1(row, col) {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** An Excel table (ListObject) of `header` and `rows` with its top left cell at `at`. */
function table(ws, name, at, header, rows) {
  ws.addTable({
    name, ref: at, headerRow: true, style: TABLE_STYLE,
    columns: header.map((h) => ({ name: h, filterButton: true })),
    rows: rows.map((r) => header.map((_, i) => (r[i] === '' || r[i] === undefined ? null : r[i]))),
  });
}

/** A formula's answer from HyperFormula -> the cached value ExcelJS writes (an error as its code). */
function cached(v, where) {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && typeof v.value === 'string' && v.value.startsWith('#')) return { error: v.value };
  throw new Error(`${where}: cannot cache ${String(v)}`);
}

let bundleLoaded = false;

/**
 * Evaluates every formula of `wb` with the built add-in, stores each with its cached value (a dynamic array
 * over its spill range when it calls the add-in, spills, or applies IF/IFERROR to a range), then writes the
 * file with the markup ExcelJS lacks. `after(spill)` runs once the spills are known (spill("Sheet!A1") ->
 * { top, left, bottom, right, range }), for formats and validation lists that follow a spill's size.
 */
async function save(wb, name, after) {
  if (!bundleLoaded) {
    registerPlugin(loadBundle());
    bundleLoaded = true;
  }
  const hf = hyperformula(sheetsOf(wb));
  const plan = {};
  const spills = new Map();
  wb.eachSheet((ws) => {
    const sheet = hf.getSheetId(ws.name);
    const formulas = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value;
      if (v && typeof v === 'object' && 'formula' in v) formulas.push(cell);
    }));
    const arrays = [];
    const text = new Map();
    for (const cell of formulas) {
      const typed = cell.value.formula;
      const where = `${ws.name}!${cell.address}`;
      const at = { sheet, row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
      const { width, height } = spillSize(hf, at);
      const result = cached(hf.getCellValue(at), where);
      if (result === undefined) throw new Error(`${where}: ${typed} has no value`);
      const bottom = Number(cell.row) + height - 1;
      const right = Number(cell.col) + width - 1;
      spills.set(where, { top: Number(cell.row), left: Number(cell.col), bottom, right, range: `${cell.address}:${a1(bottom, right)}` });
      const dynamic = width * height > 1 || callsCustomFunction(typed) || /(^|[^A-Z.])IF(ERROR)?\(/.test(typed);
      if (!dynamic) {
        cell.value = { formula: storedFormula(typed), result };
        continue;
      }
      cell.value = { formula: storedFormula(typed), result, shareType: 'array', ref: width * height > 1 ? `${cell.address}:${a1(bottom, right)}` : cell.address };
      arrays.push(cell.address);
      for (let r = at.row; r < at.row + height; r++)
        for (let c = at.col; c < at.col + width; c++) {
          if (r === at.row && c === at.col) continue;
          const target = ws.getCell(r + 1, c + 1);
          if (target.value !== null) throw new Error(`${where} spills over ${ws.name}!${target.address}, which holds ${target.value}`);
          const v = cached(hf.getCellValue({ sheet, row: r, col: c }), `${ws.name}!${target.address}`);
          if (v === undefined) continue;
          target.value = v;
          if (typeof v === 'string') text.set(target.address, v);
        }
    }
    plan[ws.name] = { arrays, text };
  });
  if (after)
    after((ref) => {
      const s = spills.get(ref);
      if (!s) throw new Error(`no formula at ${ref}`);
      return s;
    });
  const file = path.join(OUT, name);
  fs.writeFileSync(file, await finishXlsx(await wb.xlsx.writeBuffer(), plan));
  console.log(`wrote examples/${name}`);
}

/** A data-validation list over `range` from the cells a discovery list spilled (`spilled`: "Lists!A1:A8"). */
function listValidation(ws, range, spilled, prompt) {
  const [sheet, cells] = spilled.split('!');
  const [from, to] = cells.split(':').map((c) => c.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
  ws.dataValidations.add(range, {
    type: 'list', allowBlank: true, formulae: [`'${sheet}'!${from}:${to}`],
    showErrorMessage: true, errorStyle: 'warning', errorTitle: 'Not in the list', error: `${prompt} The add-in also reads the aliases its error messages list.`,
  });
}

/** Number formats down a spilled COST / COMPARE block (labels in its first column): counts, percents, money. */
function formatCostBlock(ws, s) {
  for (let r = s.top + 1; r <= s.bottom; r++) {
    const label = String(ws.getCell(r, s.left).value ?? '');
    const fmt = /^(Employees|Items not costed)$/.test(label) ? COUNT : /%/.test(label) ? '0.00%' : MONEY;
    for (let c = s.left + 1; c <= s.right; c++) ws.getCell(r, c).numFmt = fmt;
  }
}

/** Number formats of a spilled PROJECT table, by its header row. */
function formatProjection(ws, s) {
  for (let c = s.left; c <= s.right; c++) {
    const h = String(ws.getCell(s.top, c).value);
    const fmt = /^(salary|career increment|off-schedule|stipends|longevity|employer benefits|total cost)$/.test(h) ? MONEY : h === 'FTE' ? '0.00' : undefined;
    if (fmt) for (let r = s.top + 1; r <= s.bottom; r++) ws.getCell(r, c).numFmt = fmt;
  }
}

async function budget() {
  const wb = workbook();
  const ws = wb.addWorksheet('Budget 2025-26');
  const roster = [
    ['T01', 'BA', 'B', 1], ['T02', 'BA+15', 'D', 1], ['T03', 'BA+10 SEM', 'D', 1], ['T04', 'BA+45', 'K', 1],
    ['T05', 'MA', 'H', 1], ['T06', 'MA+15', 'H', 1], ['T07', 'MA+30', 'R', 1], ['T08', 'MA+45', 'Career', 1],
    ['T09', 'BA+60/MA', 'Career', 0.5], ['T10', 'MA+15', 'M', 0.6], ['T11', 'BA+30', 'I', 0.8], ['T12', 'MA+45', 'Q', 1],
  ];
  const last = roster.length + 1;
  table(ws, 'Teachers', 'A1', ['Teacher', 'Lane', 'Step', 'FTE'], roster);
  ws.getCell('E1').value = 'Salary (one call per row)';
  ws.getCell('G1').value = 'Salary (one call, spilled)';
  ws.getCell('H1').value = 'Source';
  roster.forEach((_, i) => {
    const row = i + 2;
    ws.getCell(`E${row}`).value = { formula: `CONTRACT.SALARY(B${row},C${row},$K$1,$K$2,D${row})` };
    ws.getCell(`H${row}`).value = { formula: `CONTRACT.SALARY.SOURCE(B${row},C${row},$K$1,$K$2,D${row})` };
  });
  ws.getCell('G2').value = { formula: `CONTRACT.SALARY(B2:B${last},C2:C${last},K1,K2,D2:D${last})` };
  ws.getCell('J1').value = 'Year';
  ws.getCell('K1').value = '2025-26';
  ws.getCell('J2').value = 'Contract';
  ws.getCell('K2').value = 'waconia/teachers';
  ws.getCell('J4').value = 'Total (per row)';
  ws.getCell('K4').value = { formula: `SUM(E2:E${last})` };
  ws.getCell('J5').value = 'Total (spilled)';
  ws.getCell('K5').value = { formula: `SUM(G2:G${last})` };
  for (const c of ['E', 'G', 'K']) ws.getColumn(c).numFmt = MONEY;
  ws.getRow(1).font = { bold: true };
  [10, 12, 8, 6, 24, 2, 24, 100, 2, 16, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const err = wb.addWorksheet('Errors');
  const cases = [
    ['BA lane ends at step H', 'BA', 'I', '2025-26', 'waconia/teachers'],
    ['Career increment only on 4 lanes', 'BA', 'Career', '2025-26', 'waconia/teachers'],
    ['Unknown lane', 'MA+90', 'B', '2025-26', 'waconia/teachers'],
    ['Ambiguous year', 'BA', 'B', '2025', 'waconia/teachers'],
    ['Year not covered', 'BA', 'B', '2022-23', 'waconia/teachers'],
    ['Closed cell (NONE)', 'BA+60', '1', '2005-06', 'anoka-hennepin/teachers'],
    ['No contract, no default', 'BA', 'B', '2025-26', ''],
    ['Unknown contract', 'BA', 'B', '2025-26', 'waconia/bus-drivers'],
  ];
  table(err, 'ErrorCases', 'A1', ['What', 'Lane', 'Step', 'Year', 'Contract'], cases);
  err.getCell('F1').value = 'Result';
  err.getCell('F1').font = { bold: true };
  cases.forEach((_, i) => {
    const row = i + 2;
    err.getCell(`F${row}`).value = { formula: `CONTRACT.SALARY(B${row},C${row},D${row},E${row})` };
  });
  [34, 10, 8, 10, 26, 12].forEach((w, i) => (err.getColumn(i + 1).width = w));

  const ah = wb.addWorksheet('Anoka-Hennepin 2006-07');
  ah.getCell('A1').value = { formula: 'CONTRACT.SCHEDULE("2006-07","anoka-hennepin/teachers")' };
  const lists = wb.addWorksheet('Lists');
  lists.getCell('A1').value = { formula: 'CONTRACT.CONTRACTS()' };
  lists.getCell('B1').value = { formula: 'CONTRACT.LANES("waconia/teachers")' };
  lists.getCell('C1').value = { formula: 'CONTRACT.STEPS("anoka-hennepin/teachers")' };
  lists.getCell('D1').value = { formula: 'CONTRACT.YEARS("waconia/teachers")' };
  lists.getCell('E1').value = { formula: 'CONTRACT.STEPS("waconia/teachers")' };
  lists.getColumn('A').width = 26;

  // one formula over a roster's exact columns (a whole column, A:A, would spill a million rows)
  const ranges = wb.addWorksheet('Ranges');
  table(ranges, 'Placements', 'A1', ['Lane', 'Step'], [['BA', 'B'], ['MA', 'R'], ['MA+45', 'Career'], ['BA+15 QTR', 'I']]);
  ranges.getCell('D1').value = 'Salary 2026-27';
  ranges.getCell('D1').font = { bold: true };
  ranges.getCell('D2').value = { formula: 'CONTRACT.SALARY(A2:A5,B2:B5,"2026-27","waconia/teachers")' };
  ranges.getColumn('D').numFmt = MONEY;
  ranges.getColumn('A').width = 12;
  ranges.getColumn('D').width = 16;

  await save(wb, 'waconia-budget.xlsx', (spill) => {
    listValidation(ws, `B2:B${last}`, `Lists!${spill('Lists!B1').range}`, 'A lane of waconia/teachers (CONTRACT.LANES).');
    listValidation(ws, `C2:C${last}`, `Lists!${spill('Lists!E1').range}`, 'A step of waconia/teachers (CONTRACT.STEPS).');
    listValidation(ws, 'K2', `Lists!${spill('Lists!A1').range}`, 'A contract id (CONTRACT.CONTRACTS).');
    listValidation(ws, 'K1', `Lists!${spill('Lists!D1').range}`, 'A year of waconia/teachers (CONTRACT.YEARS).');
    listValidation(ranges, 'A2:A5', `Lists!${spill('Lists!B1').range}`, 'A lane of waconia/teachers (CONTRACT.LANES).');
    listValidation(ranges, 'B2:B5', `Lists!${spill('Lists!E1').range}`, 'A step of waconia/teachers (CONTRACT.STEPS).');
    const grid = spill('Anoka-Hennepin 2006-07!A1');
    for (let r = grid.top + 1; r <= grid.bottom; r++) for (let c = grid.left + 1; c <= grid.right; c++) ah.getCell(r, c).numFmt = WHOLE_MONEY;
  });
}

// ---------------------------------------------------------------------------------------------------
// District workbooks (issue 4, item 6): a synthetic roster costed with PROJECT and COST, a payroll audit,
// a settlement costing with two proposals, and an Anoka-Hennepin budget with the contract profile.
// Every roster is SYNTHETIC: drawn from a seeded PRNG (mulberry32), so the files are the same on every
// run. Placements are drawn only from cells the schedules print (never an empty or NONE cell); the
// lists of printed cells come from the contract files in src/contracts, which cite the document lines.
// The workbook test test/workbook/district-examples.test.ts recomputes the totals from the document text.

const WACONIA = require('../src/contracts/waconia-teachers.json');
const CUSTODIAL = require('../src/contracts/waconia-custodial.json');
const ANOKA = require('../src/contracts/anoka-hennepin-teachers.json');

/** mulberry32: a small seeded PRNG, so the synthetic rosters are reproducible. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  /** pick from [value, weight] pairs */
  const weighted = (pairs) => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  return { next, int, pick, weighted };
}

const cents = (x) => Math.round(x * 100) / 100;

/**
 * The schedule's table of a year: { lanes, steps, cell(lane, step) -> number | null | 'NONE' }. Annual tables
 * print one row per step (a merged row lists several steps); hourly tables one row per position (lane).
 */
function grid(contract, year, scheduleId) {
  const s = scheduleId ? contract.schedules.find((x) => x.id === scheduleId) : contract.schedules.find((x) => x.kind === 'annual');
  const t = s.tables.find((x) => x.year === year);
  const lanes = s.lanes.map((l) => l.label);
  const stepLabels = s.steps.map((x) => x.label);
  const cells = new Map();
  for (const r of t.rows) {
    if (r.steps) r.steps.forEach((st) => r.values.forEach((v, i) => cells.set(`${lanes[i]}|${st}`, v)));
    else r.lanes.forEach((l) => r.values.forEach((v, i) => cells.set(`${l}|${stepLabels[i]}`, v)));
  }
  const cell = (lane, step) => cells.get(`${lane}|${step}`) ?? null;
  const steps = stepLabels.filter((st) => lanes.some((l) => cells.has(`${l}|${st}`)));
  return { lanes, steps, cell, cite: t.cite };
}

/** The steps a lane prints in a year (numbers only: never an empty or NONE cell). */
const printedSteps = (g, lane) => g.steps.filter((st) => typeof g.cell(lane, st) === 'number');

// The lane headings Waconia prints above each schedule (004_95c67c5f7895ec64.txt:3053-3054): a roster
// from a payroll system may carry either spelling, so a few rows use them.
const WACONIA_QTR = ['BA', 'BA+15 QTR', 'BA+30', 'BA+45', 'BA+60/MA', 'MA+15', 'MA+30', 'MA+45'];
const WACONIA_SEM = ['BA', 'BA+10 SEM', 'BA+20 SEM', 'BA+30 SEM', 'BA+40 MA SEM', 'MA+10 SEM', 'MA+20 SEM', 'MA+30 SEM'];

// Stipend assignments drawn from CONTRACT.ACTIVITIES / CONTRACT.ROLES for waconia/teachers (Schedules C and D).
const WACONIA_STIPENDS = [
  ['Football', 'Head'], ['Football', 'Assistant'], ['Football', '9th Grade'], ['Football', 'Middle School'],
  ['Volleyball - Girls', 'Head'], ['Volleyball - Girls', 'Assistant'], ['Soccer - Boys', 'Head'], ['Soccer - Girls', 'Assistant'],
  ['Basketball - Boys', 'Head'], ['Basketball - Boys', 'Assistant'], ['Basketball - Girls', 'Head'], ['Basketball - Girls', '9th Grade'],
  ['Hockey', 'Head'], ['Wrestling', 'Assistant'], ['Gymnastics', 'Head'], ['Swimming', 'Diving'], ['Cross Country', 'Head'],
  ['Track - Boys', 'Assistant'], ['Track - Girls', 'Middle School'], ['Baseball', 'Head'], ['Softball - Girls', 'Assistant'],
  ['Golf - Girls', 'Head'], ['Tennis - Boys', 'Head'], ['Dance Team', 'Head'], ['Publications', 'HS Yearbook Advisor'],
  ['Speech', 'Director'], ['Drama', 'Fall Musical Director'], ['Drama', 'Spring Play Assistant'], ['Music', 'Jazz Ensemble'],
  ['Music', 'Pep Band'], ['Student Government', 'SH Student Council'], ['Student Government', 'Prom Advisor'],
  ['Youth Groups, National', 'National Honor Society'], ['Marching Band', 'Head'], ['Show Choir', 'Assistant'],
  ['Math League', 'Advisor'], ['Robotics Club', 'Head'], ['DECA Club', 'Assistant'], ['School Patrol', 'Advisor'],
];
const BUILDINGS = ['High School', 'Middle School', 'Elementary North', 'Elementary South', 'Elementary Lake', 'District Office'];
const ROSTER_HEADER = ['id', 'contract', 'lane', 'step', 'fte', 'years', 'coverage', 'match', 'position', 'hours', 'activity', 'role', 'seasons', 'building'];

/**
 * The synthetic Waconia roster, placed in 2024-25: ~300 teachers and 60 stipend assignments (55 on the
 * teachers' own rows, 5 on extra rows carrying only the stipend), and, with custodians, 40 custodians.
 * Rows are arrays in ROSTER_HEADER order.
 */
function waconiaRoster({ custodians }) {
  const rnd = prng(20240701);
  const g = grid(WACONIA, '2024-25');
  const laneWeights = [['BA', 10], ['BA+15', 9], ['BA+30', 10], ['BA+45', 13], ['BA+60/MA', 20], ['MA+15', 16], ['MA+30', 11], ['MA+45', 11]];
  const teachers = [];
  for (let i = 1; i <= 300; i++) {
    const lane = rnd.weighted(laneWeights);
    const steps = printedSteps(g, lane);
    // each printed step alike, and more at the top of the lane, where teachers hold
    const step = rnd.weighted(steps.map((st, k) => [st, k === steps.length - 1 ? 4 : 1]));
    const spelling = rnd.weighted([['label', 80], ['qtr', 10], ['sem', 10]]);
    const laneText = spelling === 'qtr' ? WACONIA_QTR[g.lanes.indexOf(lane)] : spelling === 'sem' ? WACONIA_SEM[g.lanes.indexOf(lane)] : lane;
    const fte = rnd.next() < 0.87 ? 1 : rnd.pick([0.5, 0.6, 0.7, 0.8, 0.9]);
    const years = Math.min(38, g.steps.indexOf(step) + rnd.int(0, 6));
    const coverage = rnd.weighted([['Single', 28], ['Single+1', 20], ['Family', 37], ['', 15]]);
    const match = years <= 3 ? 'Probationary' : 'Continuing contract';
    teachers.push({ row: [`T${String(i).padStart(3, '0')}`, 'waconia/teachers', laneText, step, fte, years, coverage, match, '', '', '', '', '', rnd.pick(BUILDINGS)], extra: [] });
  }
  // 55 teachers (full time) carry a stipend; 5 of them a second one on an extra row
  const fullTime = teachers.filter((t) => t.row[4] === 1);
  const chosen = [];
  while (chosen.length < 55) {
    const t = rnd.pick(fullTime);
    if (!chosen.includes(t)) chosen.push(t);
  }
  const seasons = () => 1 + Math.floor(rnd.next() ** 2 * 20); // 1-20, mostly early seasons
  for (const t of chosen) {
    const [activity, role] = rnd.pick(WACONIA_STIPENDS);
    t.row[10] = activity;
    t.row[11] = role;
    t.row[12] = seasons();
  }
  for (const t of chosen.slice(0, 5)) {
    let pair;
    do pair = rnd.pick(WACONIA_STIPENDS);
    while (pair[0] === t.row[10]);
    t.extra.push([t.row[0], '', '', '', '', '', '', '', '', '', pair[0], pair[1], seasons(), '']);
  }
  const rows = [];
  for (const t of teachers) rows.push(t.row, ...t.extra);
  if (custodians) {
    const c = grid(CUSTODIAL, '2024-25', 'wages');
    const positions = [['Custodial Cleaner', 28], ['Night Leads / Groundskeeper', 7], ['Day Leads / Custodial Maintenance', 5]];
    const list = [];
    for (const [position, n] of positions) for (let k = 0; k < n; k++) list.push(position);
    list.forEach((position, i) => {
      // steps 3-12 (steps 1-2 are closed to new hires from July 1, 2024, 004:5847), more at the top
      const step = rnd.weighted(printedSteps(c, position).filter((st) => Number(st) >= 3).map((st) => [Number(st), st === '12' ? 3 : 1]));
      const hours = rnd.next() < 0.85 ? 2080 : rnd.pick([1040, 1560]);
      const years = step + rnd.int(0, 8);
      const coverage = hours === 2080 ? rnd.weighted([['Single', 30], ['2-Party', 20], ['Family', 35], ['', 15]]) : '';
      rows.push([`C${String(i + 1).padStart(3, '0')}`, 'waconia/custodial', '', step, cents(hours / 2080), years, coverage, '', position, hours, '', '', '', rnd.pick(BUILDINGS)]);
    });
  }
  return rows;
}

/** A new workbook with fixed document dates, so regenerating a file does not change it. */
function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'contract-rules-addin';
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  return wb;
}

/** The roster as an Excel table named `name` (columns ROSTER_HEADER), frozen below its header. */
function writeRoster(ws, rows, name) {
  table(ws, name, 'A1', ROSTER_HEADER, rows);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  [8, 18, 14, 8, 6, 6, 10, 20, 32, 7, 24, 26, 8, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn('E').numFmt = '0.00';
}

/** Validation lists on a Waconia roster's contract, lane and position columns (Lists sheet: A contracts, B lanes, C positions). */
function rosterLists(ws, last, spill) {
  listValidation(ws, `B2:B${last}`, `Lists!${spill('Lists!A1').range}`, 'A contract id (CONTRACT.CONTRACTS).');
  listValidation(ws, `C2:C${last}`, `Lists!${spill('Lists!B1').range}`, 'A lane of waconia/teachers (CONTRACT.LANES); the quarter and semester headings (BA+15 QTR, BA+10 SEM) are read too.');
  listValidation(ws, `I2:I${last}`, `Lists!${spill('Lists!C1').range}`, 'A position of waconia/custodial (CONTRACT.POSITIONS).');
}

function waconiaLists(wb) {
  const lists = wb.addWorksheet('Lists');
  lists.getCell('A1').value = { formula: 'CONTRACT.CONTRACTS()' };
  lists.getCell('B1').value = { formula: 'CONTRACT.LANES("waconia/teachers")' };
  lists.getCell('C1').value = { formula: 'CONTRACT.POSITIONS("waconia/custodial")' };
  lists.getCell('D1').value = { formula: 'CONTRACT.STEPS("waconia/teachers")' };
  [26, 12, 34, 8].forEach((w, i) => (lists.getColumn(i + 1).width = w));
  return lists;
}

function notes(ws, at, lines) {
  lines.forEach((t, i) => (ws.getCell(`${at.col}${at.row + i}`).value = t));
}

async function districtBudget(rows) {
  const wb = workbook();
  const last = rows.length + 1;
  const ROSTER = `Roster!A1:N${last}`;
  const YEARS = '"2024-25:2026-27"';
  const ws = wb.addWorksheet('Roster');
  writeRoster(ws, rows, 'Roster');
  // Beside the roster, one spilled call per column over the roster's own columns, for its own year (2024-25):
  // SALARY where a row has a lane, HOURLY × hours where it has a position, and next year's STIPEND (one more
  // season). IF leaves "" on the rows a column does not concern (custodians have no lane, extra stipend rows no
  // placement) so that nothing there reads as an error.
  const col = (c) => `${c}2:${c}${last}`;
  const perRow = {
    P: ['SALARY 2024-25', `IF(${col('C')}="","",CONTRACT.SALARY(${col('C')},${col('D')},"2024-25",${col('B')},${col('E')}))`],
    Q: ['HOURLY 2024-25', `IF(${col('I')}="","",CONTRACT.HOURLY(${col('I')},${col('D')},"2024-25",${col('B')}))`],
    R: ['hourly pay 2024-25 (rate × hours)', `IF(${col('I')}="","",ROUND(CONTRACT.HOURLY(${col('I')},${col('D')},"2024-25",${col('B')})*${col('J')},2))`],
    S: ['STIPEND 2025-26', `IF(${col('K')}="","",CONTRACT.STIPEND(${col('K')},${col('L')},${col('M')}+1,"2025-26","waconia/teachers"))`],
  };
  for (const [c, [header, formula]] of Object.entries(perRow)) {
    ws.getCell(`${c}1`).value = header;
    ws.getCell(`${c}1`).font = { bold: true };
    ws.getCell(`${c}2`).value = { formula };
    ws.getColumn(c).numFmt = MONEY;
  }
  [16, 14, 18, 16].forEach((w, i) => (ws.getColumn(16 + i).width = w));

  const b = wb.addWorksheet('Budget');
  b.getCell('A1').value = { formula: `CONTRACT.COST(${ROSTER},${YEARS})` };
  b.getColumn(1).width = 48;
  for (const c of ['B', 'C', 'D']) b.getColumn(c).width = 16;
  const projected = 1 + (rows.length - 5) * 3; // PROJECT: a header and a row per employee (the 5 extra stipend rows are not employees) and year
  const inProjection = (year, c) => `SUMIF(Projection!B2:B${projected},"${year}",Projection!${c}2:${c}${projected})`;
  b.getCell('F1').value = 'Checks: the per-row columns of the Roster sheet, and PROJECT, add up to COST (each should be 0)';
  b.getCell('F1').font = { bold: true };
  const check = [
    ['Σ SALARY 2024-25 (Roster!P)', `SUM(Roster!${col('P')})`],
    ['Σ hourly pay 2024-25 (Roster!R)', `SUM(Roster!${col('R')})`],
    ['Σ STIPEND 2025-26 (Roster!S)', `SUM(Roster!${col('S')})`],
    ['COST salaries 2024-25 less the two sums above', 'B3-G2-G3'],
    ['COST stipends 2025-26 less Σ STIPEND', 'C6-G4'],
    ['COST salaries less Σ PROJECT salary, 2024-25', `B3-${inProjection('2024-25', 'H')}`],
    ['COST salaries less Σ PROJECT salary, 2025-26', `C3-${inProjection('2025-26', 'H')}`],
    ['COST salaries less Σ PROJECT salary, 2026-27', `D3-${inProjection('2026-27', 'H')}`],
    // the roster has custodians, so COST has a "Longevity pay" row (Total cost is row 13) and PROJECT a longevity column (total cost in N)
    ['COST total less Σ PROJECT total cost, 2026-27', `D13-${inProjection('2026-27', 'N')}`],
  ];
  check.forEach(([label, f], i) => {
    b.getCell(`F${i + 2}`).value = label;
    b.getCell(`G${i + 2}`).value = { formula: f };
  });
  b.getColumn('F').width = 46;
  b.getColumn('G').width = 16;
  b.getColumn('G').numFmt = MONEY;
  notes(b, { col: 'F', row: check.length + 4 }, [
    'SYNTHETIC roster: 300 teachers (waconia/teachers) with 60 stipend assignments and 40 custodians (waconia/custodial),',
    'placed in 2024-25 and rolled forward by the contracts: one step a year, the extra mid-year step in 2026-27 (004:5012),',
    'step R → Career after a year on R (004:2271), holding at the top of the lane. Employer rates: src/parameters/employer-rates.json.',
    'PROJECT (sheet Projection) shows each employee and year with the reason for each move.',
  ]);

  const p = wb.addWorksheet('Projection');
  p.getCell('A1').value = { formula: `CONTRACT.PROJECT(${ROSTER},${YEARS})` };
  p.getColumn('N').width = 80;
  waconiaLists(wb);
  await save(wb, 'waconia-district-budget.xlsx', (spill) => {
    rosterLists(ws, last, spill);
    formatCostBlock(b, spill('Budget!A1'));
    const s = spill('Projection!A1');
    if (s.bottom !== projected) throw new Error(`PROJECT spilled to row ${s.bottom}, the checks sum to row ${projected}`);
    formatProjection(p, s);
  });
}

/**
 * The 2025-26 payroll audit: 60 lines, correct unless listed in PLANTED. Paid amounts are the printed
 * 2025-26 cells (004:4960-4982) × FTE, to the cent; the planted lines are paid something else.
 */
const PLANTED = [
  // line (1-based payroll line), lane, step, fte, kind, paid: how the wrong amount arises, reason expected
  { line: 4, lane: 'MA+15', step: 'H', fte: 1, kind: 'paid on the 2024-25 schedule', paid: ['2024-25', 'MA+15', 'H'], reason: 'the 2024-25 schedule' },
  { line: 11, lane: 'BA+45', step: 'J', fte: 1, kind: 'one step low', paid: ['2025-26', 'BA+45', 'I'], reason: 'step I' },
  { line: 19, lane: 'MA+30', step: 'M', fte: 1, kind: 'wrong lane (paid on MA+15)', paid: ['2025-26', 'MA+15', 'M'], reason: 'lane MA+15' },
  { line: 26, lane: 'BA+30', step: 'F', fte: 0.5, kind: 'FTE not applied', paid: ['2025-26', 'BA+30', 'F', 1], reason: 'full time (FTE not applied)' },
  { line: 33, lane: 'MA+15', step: 'J', fte: 1, kind: 'typo: digits transposed (68,392 keyed 68,932)', paidAmount: 68932, reason: null },
  { line: 40, lane: 'BA', step: 'K', fte: 1, kind: 'placement on an empty cell (lane BA stops at H); paid as BA+45 K', paid: ['2025-26', 'BA+45', 'K'], reason: 'empty' },
  { line: 47, lane: 'MA+45', step: 'Career', fte: 1, kind: 'career increment not paid (paid step R)', paid: ['2025-26', 'MA+45', 'R'], reason: 'step R' },
  { line: 55, lane: 'BA+60/MA', step: 'H', fte: 0.8, kind: 'part-time, paid on the 2024-25 schedule', paid: ['2024-25', 'BA+60/MA', 'H', 0.8], reason: 'the 2024-25 schedule' },
];

function payrollLines() {
  const rnd = prng(20250901);
  const g = grid(WACONIA, '2025-26');
  const laneWeights = [['BA', 10], ['BA+15', 9], ['BA+30', 10], ['BA+45', 13], ['BA+60/MA', 20], ['MA+15', 16], ['MA+30', 11], ['MA+45', 11]];
  const lines = [];
  for (let i = 1; i <= 60; i++) {
    const planted = PLANTED.find((p) => p.line === i);
    if (planted) {
      const [year, lane, step, share] = planted.paid ?? [];
      const paid = planted.paidAmount ?? cents(grid(WACONIA, year).cell(lane, step) * (share ?? planted.fte));
      lines.push([`P${String(i).padStart(3, '0')}`, planted.lane, planted.step, planted.fte, paid]);
      continue;
    }
    const lane = rnd.weighted(laneWeights);
    const step = rnd.pick(printedSteps(g, lane));
    const fte = rnd.next() < 0.85 ? 1 : rnd.pick([0.5, 0.6, 0.75, 0.8, 0.9]);
    lines.push([`P${String(i).padStart(3, '0')}`, lane, step, fte, cents(g.cell(lane, step) * fte)]);
  }
  return lines;
}

async function payrollAudit() {
  const wb = workbook();
  const ws = wb.addWorksheet('Payroll 2025-26');
  const lines = payrollLines();
  const last = lines.length + 1;
  table(ws, 'Payroll', 'A1', ['id', 'lane', 'step', 'FTE', 'annual amount paid'], lines);
  ['expected', 'difference', 'reason'].forEach((h, i) => {
    ws.getCell(1, 7 + i).value = h;
    ws.getCell(1, 7 + i).font = { bold: true };
  });
  ws.getCell('G2').value = { formula: `CONTRACT.AUDIT(E2:E${last},B2:B${last},C2:C${last},"2025-26",D2:D${last},"waconia/teachers")` };
  ws.getCell('K1').value = 'Lines';
  ws.getCell('L1').value = { formula: `COUNTA(A2:A${last})` };
  ws.getCell('K2').value = 'Total paid';
  ws.getCell('L2').value = { formula: `SUM(E2:E${last})` };
  ws.getCell('K3').value = 'Lines to review (difference not 0, or no expected amount)';
  ws.getCell('L3').value = { formula: `SUMPRODUCT(IFERROR(--(H2:H${last}<>0),1))` };
  ws.getCell('K4').value = 'Net over (+) / under (−) payment on lines with an expected amount';
  ws.getCell('L4').value = { formula: `SUMPRODUCT(IFERROR(H2:H${last},0))` };
  for (const c of ['E', 'G', 'H']) ws.getColumn(c).numFmt = MONEY;
  ws.getColumn('D').numFmt = '0.00';
  ws.getCell('L1').numFmt = COUNT;
  ws.getCell('L2').numFmt = MONEY;
  ws.getCell('L3').numFmt = COUNT;
  ws.getCell('L4').numFmt = MONEY;
  [8, 12, 8, 6, 18, 2, 14, 14, 110, 2, 58, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const p = wb.addWorksheet('Planted errors');
  const planted = PLANTED.map((e) => [e.line + 1, lines[e.line - 1][0], `${e.lane}, ${e.step}`, e.fte, e.kind, lines[e.line - 1][4],
    e.reason === 'empty' ? `#N/A: lane ${e.lane} is empty at step ${e.step}` : e.reason ? `the amount paid matches ${e.reason}` : 'a difference, matching no printed cell']);
  table(p, 'Planted', 'A1', ['payroll line', 'id', 'placed as', 'FTE', 'what went wrong', 'amount paid', 'AUDIT should say'], planted);
  p.getCell(`A${planted.length + 3}`).value = 'SYNTHETIC payroll. Every other line is paid the printed 2025-26 salary (004_95c67c5f7895ec64.txt:4960-4982) × FTE, to the cent.';
  p.getColumn('F').numFmt = MONEY;
  [12, 8, 18, 6, 62, 14, 52].forEach((w, i) => (p.getColumn(i + 1).width = w));
  const lists = wb.addWorksheet('Lists');
  lists.getCell('A1').value = { formula: 'CONTRACT.LANES("waconia/teachers")' };
  lists.getCell('B1').value = { formula: 'CONTRACT.STEPS("waconia/teachers")' };
  await save(wb, 'payroll-audit.xlsx', (spill) => {
    listValidation(ws, `B2:B${last}`, `Lists!${spill('Lists!A1').range}`, 'A lane of waconia/teachers (CONTRACT.LANES).');
    listValidation(ws, `C2:C${last}`, `Lists!${spill('Lists!B1').range}`, 'A step of waconia/teachers (CONTRACT.STEPS).');
  });
}

// Percents as Excel holds them: a cell formatted 3.00% holds 0.03 (README "How tables and arguments are read").
const PROPOSALS = [
  ['proposal', 'year', 'schedule %', 'career %', 'steps', 'mid-year steps', 'insurance %'],
  ['3% and 5% with steps', '2025-26', 0.03, 0.0475, 1, 0, 0.1],
  ['3% and 5% with steps', '2026-27', 0.05, 0.0475, 1, 1, 0.1],
  ['2.5% and 2.5% with steps', '2025-26', 0.025, 0.0475, 1, 0, 0.1],
  ['2.5% and 2.5% with steps', '2026-27', 0.025, 0.0475, 1, 0, 0.1],
];

async function settlementCosting(rows) {
  const wb = workbook();
  const last = rows.length + 1;
  const ROSTER = `Roster!A1:N${last}`;
  const TABLE = `Proposals!A1:G${PROPOSALS.length}`;
  const roster = wb.addWorksheet('Roster');
  writeRoster(roster, rows, 'Roster');
  const p = wb.addWorksheet('Proposals');
  table(p, 'Proposals', 'A1', PROPOSALS[0], PROPOSALS.slice(1));
  for (const col of ['C', 'D', 'G']) p.getColumn(col).numFmt = PERCENT;
  [28, 10, 12, 11, 7, 15, 13].forEach((w, i) => (p.getColumn(i + 1).width = w));
  notes(p, { col: 'A', row: PROPOSALS.length + 2 }, [
    'Base year 2024-25 (the roster\'s placements). Each proposal year: last year\'s schedule × (1 + schedule %), rounded as the contract',
    'rounds (whole dollars), the career increment re-derived at career %, steps as given (mid-year steps: half the year on each step),',
    'the insurance contribution × (1 + insurance %). "3% and 5% with steps" is the settlement Waconia reached (004:1810-1825).',
    'Percents are typed as Excel percents: 3% (stored 0.03), shown 3.00%.',
  ]);
  const c = wb.addWorksheet('Costing');
  const blocks = [
    ['The contract as agreed (its printed 2025-26 and 2026-27 schedules)', ''],
    ['Proposal: 3% and 5% with steps', '3% and 5% with steps'],
    ['Proposal: 2.5% and 2.5% with steps', '2.5% and 2.5% with steps'],
  ];
  const costAt = [];
  blocks.forEach(([title, name], i) => {
    const top = 1 + i * 23;
    c.getCell(`A${top}`).value = title;
    c.getCell(`A${top}`).font = { bold: true };
    c.getCell(`A${top + 1}`).value = {
      formula: name ? `CONTRACT.COST(${ROSTER},"2024-25:2026-27","waconia/teachers",${TABLE},"${name}")` : `CONTRACT.COST(${ROSTER},"2024-25:2026-27","waconia/teachers")`,
    };
    costAt.push(`Costing!A${top + 1}`);
  });
  c.getColumn(1).width = 48;
  for (const col of ['B', 'C', 'D']) c.getColumn(col).width = 16;
  const cmp = wb.addWorksheet('Compare');
  cmp.getCell('A1').value = 'First proposal';
  cmp.getCell('B1').value = '3% and 5% with steps';
  cmp.getCell('A2').value = 'Second proposal';
  cmp.getCell('B2').value = '2.5% and 2.5% with steps';
  cmp.getCell('A4').value = { formula: `CONTRACT.COMPARE(${ROSTER},"2024-25:2026-27",${TABLE},B1,B2,"waconia/teachers")` };
  cmp.getColumn(1).width = 48;
  for (const col of ['B', 'C', 'D', 'E', 'F', 'G']) cmp.getColumn(col).width = 30;
  waconiaLists(wb);
  await save(wb, 'settlement-costing.xlsx', (spill) => {
    rosterLists(roster, last, spill);
    listValidation(roster, `D2:D${last}`, `Lists!${spill('Lists!D1').range}`, 'A step of waconia/teachers (CONTRACT.STEPS).');
    for (const at of costAt) formatCostBlock(c, spill(at));
    formatCostBlock(cmp, spill('Compare!A4'));
    cmp.dataValidations.add('B1:B2', {
      type: 'list', allowBlank: false, formulae: [`Proposals!$A$2:$A$${PROPOSALS.length}`],
      showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Unknown proposal', error: 'A proposal named in the Proposals table.',
    });
  });
}

// Anoka-Hennepin stipends: levels A-C and other groups (Appendix B, 001:1066-1140).
const ANOKA_STIPENDS = [
  ['Basketball', 'Assistant Coach'], ['Hockey', 'Assistant Coach'], ['Baseball', 'Head Coach'], ['Soccer', 'Assistant Coach'],
  ['Volleyball', 'Head Coach'], ['Track', 'Assistant Coach'], ['Golf', 'Head Coach'], ['Tennis', 'Assistant Coach'],
  ['Cross Country Running', 'Head Coach'], ['Cheerleading', 'Head Coach'], ['Band', 'Director'], ['Choir', 'Director'],
  ['Musical', 'Director'], ['Student Council', 'Advisor'], ['Newspaper', 'Advisor'], ['National Honor Society', 'Advisor'],
  ['Math Club', 'Advisor'], ['MS Annual', 'Advisor'], ['Football', 'Assistant Coach'], ['Wrestling', 'Assistant Coach'],
];

/** ISO date -> an Excel date cell (exceljs writes a JS Date as a date serial). */
const day = (iso) => new Date(`${iso}T00:00:00Z`);

function anokaRoster() {
  const rnd = prng(20050701);
  const g = grid(ANOKA, '2005-06');
  const laneWeights = [['BA', 10], ['BA+15', 8], ['BA+30', 10], ['BA+45', 10], ['BA+60', 7], ['MA', 25], ['MA+15', 12], ['MA+30', 8], ['MA+45', 5], ['MA+60', 5]];
  const numbers = { BA: 3, 'BA+15': 4, 'BA+30': 5, 'BA+45': 6, 'BA+60': 7, MA: 8, 'MA+15': 9, 'MA+30': 10, 'MA+45': 11, 'MA+60': 12 }; // 001:988-990
  const date = (y0, y1) => `${rnd.int(y0, y1)}-${String(rnd.int(8, 9)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
  const rows = [];
  for (let i = 1; i <= 120; i++) {
    const lane = rnd.weighted(laneWeights);
    // printed cells only (BA+60 prints NONE at steps 1-5; CIII is empty for BA ... BA+45)
    const steps = printedSteps(g, lane);
    const regular = steps.filter((s) => /^\d+$/.test(s));
    const kind = rnd.weighted([['step', 70], ['14-CI', 12], ['CII', 11], ['CIII', steps.includes('CIII') ? 10 : 0]]);
    const step = kind === 'step' ? rnd.pick(regular) : kind;
    // seniority dates consistent with the placement: CII needs a date before 1986-12-31 (001:1010), CIII before
    // 1983-12-31 (001:1016); on 14-CI, half qualify for CII in 2006-07 (before 1987-12-31, 001:1044), half do not
    let seniority;
    if (step === 'CIII') seniority = date(1972, 1983);
    else if (step === 'CII') seniority = rnd.next() < 0.5 ? date(1975, 1984) : `${rnd.pick([1985, 1986])}-08-${String(rnd.int(10, 28))}`;
    else if (step === '14-CI') seniority = rnd.next() < 0.5 ? `${rnd.pick([1986, 1987])}-08-${String(rnd.int(10, 28))}` : date(1988, 1992);
    else seniority = date(2005 - Number(step) - 1, 2005 - Number(step));
    const fte = rnd.next() < 0.9 ? 1 : rnd.pick([0.5, 0.6, 0.8, 0.9]);
    const years = 2005 - Number(seniority.slice(0, 4));
    const coverage = rnd.weighted([['Single', 35], ['Family', 45], ['', 20]]);
    const laneText = rnd.next() < 0.2 ? String(numbers[lane]) : lane;
    rows.push([`A${String(i).padStart(3, '0')}`, laneText, step, fte, years, day(seniority), coverage, '', '', '', rnd.pick(BUILDINGS)]);
  }
  // stipends: a head football coach in the fifth consecutive season (+$250, 001:1099), a head basketball
  // coach in the fourth (the fifth in 2006-07), and 22 more drawn from the list
  const fullTime = rows.filter((r) => r[3] === 1);
  const take = () => {
    let r;
    do r = rnd.pick(fullTime);
    while (r[7]);
    return r;
  };
  const put = (r, activity, role, seasons) => ((r[7] = activity), (r[8] = role), (r[9] = seasons));
  put(take(), 'Football', 'Head Coach', 5);
  put(take(), 'Basketball', 'Head Coach', 4);
  for (let k = 0; k < 22; k++) {
    const [activity, role] = rnd.pick(ANOKA_STIPENDS);
    put(take(), activity, role, 1 + Math.floor(rnd.next() ** 2 * 15));
  }
  return rows;
}

async function anokaBudget() {
  const wb = workbook();
  const rows = anokaRoster();
  const last = rows.length + 1;
  const ROSTER = `Roster!A1:K${last}`;
  const ws = wb.addWorksheet('Roster');
  table(ws, 'Roster', 'A1', ['id', 'lane', 'step', 'fte', 'years', 'seniority', 'coverage', 'activity', 'role', 'seasons', 'building'], rows);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.getColumn('D').numFmt = '0.00';
  ws.getColumn('F').numFmt = 'yyyy-mm-dd';
  [8, 8, 7, 6, 6, 12, 9, 22, 18, 8, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // one spilled call over the roster's lane, step and FTE columns
  ws.getCell('N1').value = 'SALARY 2005-06';
  ws.getCell('N1').font = { bold: true };
  ws.getCell('N2').value = { formula: `CONTRACT.SALARY(B2:B${last},C2:C${last},"2005-06","anoka-hennepin/teachers",D2:D${last})` };
  ws.getColumn('N').numFmt = MONEY;
  ws.getColumn('N').width = 16;

  const b = wb.addWorksheet('Budget');
  b.getCell('A1').value = { formula: `CONTRACT.COST(${ROSTER},"2005-06:2006-07","anoka-hennepin/teachers")` };
  b.getColumn(1).width = 48;
  for (const c of ['B', 'C']) b.getColumn(c).width = 16;
  notes(b, { col: 'E', row: 1 }, [
    'SYNTHETIC roster of 120 teachers placed in 2005-06, with 24 stipends.',
    'Family coverage is costed at the Board\'s stated maximum, $768 a month in 2005-06 and $870 in 2006-07 (001:469), 12 months,',
    'the FTE share for part-time teachers from 40% (001:461-463). Single and dependent coverage are 100% of a premium the',
    'agreement does not state (001:467, 001:471): each such teacher is counted under "Items not costed" (PROJECT gives the reason).',
    'Career II and III follow the seniority dates (001:1044-1052); merged rows ("7 & 8") answer for each step they name.',
    'The 403(b) tier is derived each year from the seniority date: the 2005-06 dates (001:884), then the 2006-07 dates (001:886).',
  ]);
  const p = wb.addWorksheet('Projection');
  p.getCell('A1').value = { formula: `CONTRACT.PROJECT(${ROSTER},"2005-06:2006-07","anoka-hennepin/teachers")` };
  p.getColumn('N').width = 80;

  const pr = wb.addWorksheet('Profile');
  pr.getCell('A1').value = 'Contract';
  pr.getCell('B1').value = 'waconia/teachers';
  pr.getCell('C1').value = 'anoka-hennepin/teachers';
  pr.getCell('A2').value = 'Year';
  pr.getCell('B2').value = '2025-26';
  pr.getCell('C2').value = '2006-07';
  pr.getCell('A4').value = { formula: 'CONTRACT.PROFILE(B1:C1,B2:C2)' };
  pr.getCell('A18').value = 'The same figures over more years, ids and years typed in the formula:';
  pr.getCell('A19').value = { formula: 'CONTRACT.PROFILE({"waconia/teachers","waconia/teachers","anoka-hennepin/teachers","anoka-hennepin/teachers"},{"2024-25","2026-27","2005-06","2006-07"})' };
  pr.getColumn(1).width = 34;
  for (const c of ['B', 'C', 'D', 'E']) {
    pr.getColumn(c).width = 28;
    pr.getColumn(c).numFmt = '#,##0.00';
  }
  const lists = wb.addWorksheet('Lists');
  lists.getCell('A1').value = { formula: 'CONTRACT.LANES("anoka-hennepin/teachers")' };
  lists.getCell('B1').value = { formula: 'CONTRACT.STEPS("anoka-hennepin/teachers")' };
  lists.getCell('C1').value = { formula: 'CONTRACT.CONTRACTS()' };
  lists.getCell('D1').value = { formula: 'CONTRACT.YEARS("anoka-hennepin/teachers")' };
  lists.getColumn('C').width = 26;
  await save(wb, 'anoka-hennepin-budget.xlsx', (spill) => {
    listValidation(ws, `B2:B${last}`, `Lists!${spill('Lists!A1').range}`, 'A lane of anoka-hennepin/teachers (CONTRACT.LANES); the lane numbers 3-12 are read too.');
    listValidation(ws, `C2:C${last}`, `Lists!${spill('Lists!B1').range}`, 'A step of anoka-hennepin/teachers (CONTRACT.STEPS).');
    listValidation(pr, 'B1:C1', `Lists!${spill('Lists!C1').range}`, 'A contract id (CONTRACT.CONTRACTS).');
    formatCostBlock(b, spill('Budget!A1'));
    formatProjection(p, spill('Projection!A1'));
  });
}

async function main() {
  await budget();
  await districtBudget(waconiaRoster({ custodians: true }));
  await payrollAudit();
  await settlementCosting(waconiaRoster({ custodians: false }));
  await anokaBudget();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
