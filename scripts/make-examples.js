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

budget().then(() => console.log('wrote examples/waconia-budget.xlsx'));
