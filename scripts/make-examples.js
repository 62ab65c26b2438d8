#!/usr/bin/env node
// Writes the sample workbooks in examples/ (run: node scripts/make-examples.js). Each formula is
// plain CONTRACT.* so the workbook computes when opened in Excel with the add-in loaded; the workbook
// tests (test/workbook) evaluate these same files with the built functions.js.
const path = require('path');
const ExcelJS = require('exceljs');

const OUT = path.join(__dirname, '../examples');

async function budget() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'contract-rules-addin';
  const ws = wb.addWorksheet('Budget 2025-26');
  ws.columns = [
    { header: 'Teacher', key: 'name', width: 10 },
    { header: 'Lane', key: 'lane', width: 12 },
    { header: 'Step', key: 'step', width: 8 },
    { header: 'FTE', key: 'fte', width: 6 },
    { header: 'Salary (one call per row)', key: 'salary', width: 24 },
    { header: '', key: 'gap', width: 2 },
    { header: 'Salary (one call, spilled)', key: 'spill', width: 24 },
    { header: 'Source', key: 'source', width: 60 },
  ];
  const roster = [
    ['T01', 'BA', 'B', 1], ['T02', 'BA+15', 'D', 1], ['T03', 'BA+10 SEM', 'D', 1], ['T04', 'BA+45', 'K', 1],
    ['T05', 'MA', 'H', 1], ['T06', 'MA+15', 'H', 1], ['T07', 'MA+30', 'R', 1], ['T08', 'MA+45', 'Career', 1],
    ['T09', 'BA+60/MA', 'Career', 0.5], ['T10', 'MA+15', 'M', 0.6], ['T11', 'BA+30', 'I', 0.8], ['T12', 'MA+45', 'Q', 1],
  ];
  const last = roster.length + 1;
  roster.forEach((r, i) => {
    const row = i + 2;
    ws.addRow({
      name: r[0], lane: r[1], step: r[2], fte: r[3],
      salary: { formula: `CONTRACT.SALARY(B${row},C${row},$K$1,$K$2,D${row})` },
      source: { formula: `CONTRACT.SALARY.SOURCE(B${row},C${row},$K$1,$K$2,D${row})` },
    });
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
  for (const c of ['E', 'G', 'K']) ws.getColumn(c).numFmt = '#,##0.00';

  const err = wb.addWorksheet('Errors');
  err.addRow(['What', 'Lane', 'Step', 'Year', 'Contract', 'Result']);
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
  cases.forEach((c, i) => {
    const row = i + 2;
    err.addRow([...c, { formula: `CONTRACT.SALARY(B${row},C${row},D${row},E${row})` }]);
  });
  err.getColumn(1).width = 34;
  err.getColumn(6).width = 12;

  const ah = wb.addWorksheet('Anoka-Hennepin 2006-07');
  ah.getCell('A1').value = { formula: 'CONTRACT.SCHEDULE("2006-07","anoka-hennepin/teachers")' };
  const lists = wb.addWorksheet('Lists');
  lists.getCell('A1').value = { formula: 'CONTRACT.CONTRACTS()' };
  lists.getCell('B1').value = { formula: 'CONTRACT.LANES("waconia/teachers")' };
  lists.getCell('C1').value = { formula: 'CONTRACT.STEPS("anoka-hennepin/teachers")' };
  lists.getCell('D1').value = { formula: 'CONTRACT.YEARS("waconia/teachers")' };

  const cols = wb.addWorksheet('Whole columns');
  // lanes in A, steps in B, no header: one formula over the whole columns
  [['BA', 'B'], ['MA', 'R'], ['MA+45', 'Career'], ['BA+15 QTR', 'I']].forEach((r) => cols.addRow(r));
  cols.getCell('D1').value = { formula: 'CONTRACT.SALARY(A:A,B:B,"2026-27","waconia/teachers")' };

  await wb.xlsx.writeFile(path.join(OUT, 'waconia-budget.xlsx'));
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

function writeRoster(ws, rows) {
  ws.addRow(ROSTER_HEADER);
  for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  [8, 18, 14, 8, 6, 6, 10, 20, 32, 7, 24, 26, 8, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
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
  writeRoster(ws, rows);
  // per-row 2025-26 pay beside the roster: the placement comes from PROJECT (Projection sheet: one row per
  // employee and year, 2024-25 first, so the 2025-26 row is the one after the id's first row)
  const head = { P: '2025-26 lane / position', Q: '2025-26 step', R: 'SALARY 2025-26', S: 'HOURLY 2025-26', T: 'hourly pay 2025-26 (rate × hours)', U: 'STIPEND 2025-26', V: '2025-26 notes (PROJECT)' };
  for (const [c, h] of Object.entries(head)) ws.getCell(`${c}1`).value = h;
  const seen = new Set();
  rows.forEach((r, i) => {
    const n = i + 2;
    const at = `MATCH($A${n},Projection!$A:$A,0)+1`;
    const placed = !seen.has(r[0]);
    seen.add(r[0]);
    if (placed) {
      ws.getCell(`P${n}`).value = { formula: `INDEX(Projection!$D:$D,${at})` };
      ws.getCell(`Q${n}`).value = { formula: `INDEX(Projection!$E:$E,${at})` };
      ws.getCell(`V${n}`).value = { formula: `INDEX(Projection!$N:$N,${at})` };
      if (r[8]) {
        ws.getCell(`S${n}`).value = { formula: `CONTRACT.HOURLY(P${n},Q${n},"2025-26",B${n})` };
        ws.getCell(`T${n}`).value = { formula: `ROUND(S${n}*J${n},2)` };
      } else ws.getCell(`R${n}`).value = { formula: `CONTRACT.SALARY(P${n},Q${n},"2025-26",B${n},E${n})` };
    }
    // a stipend's seasons count the current one: one more season in 2025-26 than in the roster's 2024-25
    if (r[10]) ws.getCell(`U${n}`).value = { formula: `CONTRACT.STIPEND(K${n},L${n},M${n}+1,"2025-26","waconia/teachers")` };
  });
  for (const c of ['R', 'S', 'T', 'U']) ws.getColumn(c).numFmt = '#,##0.00';
  [24, 8, 14, 10, 16, 12, 60].forEach((w, i) => (ws.getColumn(16 + i).width = w));

  const b = wb.addWorksheet('Budget');
  b.getCell('A1').value = { formula: `CONTRACT.COST(${ROSTER},${YEARS})` };
  b.getColumn(1).width = 48;
  for (const c of ['B', 'C', 'D']) (b.getColumn(c).width = 16), (b.getColumn(c).numFmt = '#,##0.00');
  b.getCell('F1').value = 'Check: the per-row columns of the Roster sheet add up to COST for 2025-26';
  const check = [
    ['Σ SALARY 2025-26 (Roster!R)', `SUM(Roster!R2:R${last})`],
    ['Σ hourly pay 2025-26 (Roster!T)', `SUM(Roster!T2:T${last})`],
    ['Σ STIPEND 2025-26 (Roster!U)', `SUM(Roster!U2:U${last})`],
    ['COST salaries 2025-26 less the two sums above', `C3-G2-G3`],
    ['COST stipends 2025-26 less Σ STIPEND', `C6-G4`],
  ];
  check.forEach(([label, f], i) => {
    b.getCell(`F${i + 2}`).value = label;
    b.getCell(`G${i + 2}`).value = { formula: f };
  });
  b.getColumn('F').width = 46;
  b.getColumn('G').width = 16;
  b.getColumn('G').numFmt = '#,##0.00';
  notes(b, { col: 'F', row: 9 }, [
    'SYNTHETIC roster: 300 teachers (waconia/teachers) with 60 stipend assignments and 40 custodians (waconia/custodial),',
    'placed in 2024-25 and rolled forward by the contracts: one step a year, the extra mid-year step in 2026-27 (004:5012),',
    'step R → Career after a year on R (004:2271), holding at the top of the lane. Employer rates: src/parameters/employer-rates.json.',
    'PROJECT (sheet Projection) shows each employee and year with the reason for each move.',
  ]);

  const p = wb.addWorksheet('Projection');
  p.getCell('A1').value = { formula: `CONTRACT.PROJECT(${ROSTER},${YEARS})` };
  p.getColumn('N').width = 80;
  await wb.xlsx.writeFile(path.join(OUT, 'waconia-district-budget.xlsx'));
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
  ws.addRow(['id', 'lane', 'step', 'FTE', 'annual amount paid', '', 'expected', 'difference', 'reason']);
  for (const l of lines) ws.addRow(l);
  ws.getRow(1).font = { bold: true };
  ws.getCell('G2').value = { formula: `CONTRACT.AUDIT(E2:E${last},B2:B${last},C2:C${last},"2025-26",D2:D${last},"waconia/teachers")` };
  ws.getCell('K1').value = 'Lines';
  ws.getCell('L1').value = { formula: `COUNTA(A2:A${last})` };
  ws.getCell('K2').value = 'Total paid';
  ws.getCell('L2').value = { formula: `SUM(E2:E${last})` };
  ws.getCell('K3').value = 'Lines to review (difference not 0, or no expected amount)';
  ws.getCell('L3').value = { formula: `SUMPRODUCT(IFERROR(--(H2:H${last}<>0),1))` };
  ws.getCell('K4').value = 'Net over (+) / under (−) payment on lines with an expected amount';
  ws.getCell('L4').value = { formula: `SUMPRODUCT(IFERROR(H2:H${last},0))` };
  for (const c of ['E', 'G', 'H', 'L']) ws.getColumn(c).numFmt = '#,##0.00';
  [8, 12, 8, 6, 18, 2, 12, 12, 110, 2, 58, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));

  const p = wb.addWorksheet('Planted errors');
  p.addRow(['payroll line', 'id', 'placed as', 'FTE', 'what went wrong', 'amount paid', 'AUDIT should say']);
  for (const e of PLANTED) {
    const row = e.line + 1;
    p.addRow([row, lines[e.line - 1][0], `${e.lane}, ${e.step}`, e.fte, e.kind, lines[e.line - 1][4],
      e.reason === 'empty' ? `#N/A: lane ${e.lane} is empty at step ${e.step}` : e.reason ? `the amount paid matches ${e.reason}` : 'a difference, matching no printed cell']);
  }
  p.addRow([]);
  p.addRow(['SYNTHETIC payroll. Every other line is paid the printed 2025-26 salary (004_95c67c5f7895ec64.txt:4960-4982) × FTE, to the cent.']);
  p.getRow(1).font = { bold: true };
  [12, 8, 18, 6, 62, 14, 52].forEach((w, i) => (p.getColumn(i + 1).width = w));
  await wb.xlsx.writeFile(path.join(OUT, 'payroll-audit.xlsx'));
}

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
  writeRoster(wb.addWorksheet('Roster'), rows);
  const p = wb.addWorksheet('Proposals');
  for (const r of PROPOSALS) p.addRow(r);
  p.getRow(1).font = { bold: true };
  [28, 10, 11, 9, 7, 14, 12].forEach((w, i) => (p.getColumn(i + 1).width = w));
  notes(p, { col: 'A', row: PROPOSALS.length + 2 }, [
    'Base year 2024-25 (the roster\'s placements). Each proposal year: last year\'s schedule × (1 + schedule %), rounded as the contract',
    'rounds (whole dollars), the career increment re-derived at career %, steps as given (mid-year steps: half the year on each step),',
    'the insurance contribution × (1 + insurance %). "3% and 5% with steps" is the settlement Waconia reached (004:1810-1825).',
  ]);
  const c = wb.addWorksheet('Costing');
  const blocks = [
    ['The contract as agreed (its printed 2025-26 and 2026-27 schedules)', ''],
    ['Proposal: 3% and 5% with steps', '3% and 5% with steps'],
    ['Proposal: 2.5% and 2.5% with steps', '2.5% and 2.5% with steps'],
  ];
  blocks.forEach(([title, name], i) => {
    const top = 1 + i * 23;
    c.getCell(`A${top}`).value = title;
    c.getCell(`A${top}`).font = { bold: true };
    c.getCell(`A${top + 1}`).value = {
      formula: name ? `CONTRACT.COST(${ROSTER},"2024-25:2026-27","waconia/teachers",${TABLE},"${name}")` : `CONTRACT.COST(${ROSTER},"2024-25:2026-27","waconia/teachers")`,
    };
  });
  c.getColumn(1).width = 48;
  for (const col of ['B', 'C', 'D']) (c.getColumn(col).width = 16), (c.getColumn(col).numFmt = '#,##0.00');
  const cmp = wb.addWorksheet('Compare');
  cmp.getCell('A1').value = 'First proposal';
  cmp.getCell('B1').value = '3% and 5% with steps';
  cmp.getCell('A2').value = 'Second proposal';
  cmp.getCell('B2').value = '2.5% and 2.5% with steps';
  cmp.getCell('A4').value = { formula: `CONTRACT.COMPARE(${ROSTER},"2024-25:2026-27",${TABLE},B1,B2,"waconia/teachers")` };
  cmp.getColumn(1).width = 48;
  for (const col of ['B', 'C', 'D', 'E', 'F', 'G']) (cmp.getColumn(col).width = 30), (cmp.getColumn(col).numFmt = '#,##0.00');
  await wb.xlsx.writeFile(path.join(OUT, 'settlement-costing.xlsx'));
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
    // 403(b) tier by seniority date in 2005-06 (001:884): before 1986-06-30 tier 3, 1997-06-30 tier 2, 2002-06-30 tier 1
    const match = seniority < '1986-06-30' ? 'tier 3' : seniority < '1997-06-30' ? 'tier 2' : seniority < '2002-06-30' ? 'tier 1' : 'none';
    const coverage = rnd.weighted([['Single', 35], ['Family', 45], ['', 20]]);
    const laneText = rnd.next() < 0.2 ? String(numbers[lane]) : lane;
    rows.push([`A${String(i).padStart(3, '0')}`, laneText, step, fte, years, day(seniority), coverage, match, '', '', '', rnd.pick(BUILDINGS)]);
  }
  // stipends: a head football coach in the fifth consecutive season (+$250, 001:1099), a head basketball
  // coach in the fourth (the fifth in 2006-07), and 22 more drawn from the list
  const fullTime = rows.filter((r) => r[3] === 1);
  const take = () => {
    let r;
    do r = rnd.pick(fullTime);
    while (r[8]);
    return r;
  };
  const put = (r, activity, role, seasons) => ((r[8] = activity), (r[9] = role), (r[10] = seasons));
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
  const ROSTER = `Roster!A1:L${last}`;
  const ws = wb.addWorksheet('Roster');
  ws.addRow(['id', 'lane', 'step', 'fte', 'years', 'seniority', 'coverage', 'match', 'activity', 'role', 'seasons', 'building']);
  for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
  ws.getRow(1).font = { bold: true };
  ws.getColumn('F').numFmt = 'yyyy-mm-dd';
  [8, 8, 7, 6, 6, 12, 9, 8, 22, 18, 8, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell('N1').value = 'SALARY 2005-06';
  rows.forEach((r, i) => (ws.getCell(`N${i + 2}`).value = { formula: `CONTRACT.SALARY(B${i + 2},C${i + 2},"2005-06","anoka-hennepin/teachers",D${i + 2})` }));
  ws.getColumn('N').numFmt = '#,##0.00';
  ws.getColumn('N').width = 16;

  const b = wb.addWorksheet('Budget');
  b.getCell('A1').value = { formula: `CONTRACT.COST(${ROSTER},"2005-06:2006-07","anoka-hennepin/teachers")` };
  b.getColumn(1).width = 48;
  for (const c of ['B', 'C']) (b.getColumn(c).width = 16), (b.getColumn(c).numFmt = '#,##0.00');
  notes(b, { col: 'E', row: 1 }, [
    'SYNTHETIC roster of 120 teachers placed in 2005-06, with 24 stipends.',
    'Health insurance is not costed: single coverage is 100% of a premium the agreement does not state (001:467);',
    'each enrolled teacher is counted under "Items not costed" (PROJECT, sheet Projection, gives the reason per row).',
    'Career II and III follow the seniority dates (001:1044-1052); merged rows ("7 & 8") answer for each step they name.',
    'The match column holds the 403(b) tier of each seniority date under the 2005-06 dates (001:884); the 2006-07 dates',
    'move (001:886), and COST keeps the tier the roster gives for both years.',
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
  for (const c of ['B', 'C', 'D', 'E']) (pr.getColumn(c).width = 28), (pr.getColumn(c).numFmt = '#,##0.00');
  await wb.xlsx.writeFile(path.join(OUT, 'anoka-hennepin-budget.xlsx'));
}

async function main() {
  await budget();
  console.log('wrote examples/waconia-budget.xlsx');
  const roster = waconiaRoster({ custodians: true });
  await districtBudget(roster);
  console.log('wrote examples/waconia-district-budget.xlsx');
  await payrollAudit();
  console.log('wrote examples/payroll-audit.xlsx');
  await settlementCosting(waconiaRoster({ custodians: false }));
  console.log('wrote examples/settlement-costing.xlsx');
  await anokaBudget();
  console.log('wrote examples/anoka-hennepin-budget.xlsx');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
