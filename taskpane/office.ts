/**
 * Everything the pane does to the workbook. Only called when the pane runs inside Excel (Office.onReady host Excel).
 * Writes plain values through Excel.run (numbers and citations that stay put without the add-in), or a SCHEDULE formula.
 */
import type { ScheduleGrid } from '../src/api';
import { citationLine, gridMatrix, numberFormat, scheduleFormula } from './grid';
import { publishedApi } from './contract-api';

/** Workbook setting that holds the default contract id; the functions bundle reads the same key. */
export const DEFAULT_CONTRACT_SETTING = 'CONTRACT.defaultContract';
/** Workbook setting: the add-in version (manifest <Version>) that last saved settings in this workbook. */
export const VERSION_SETTING = 'CONTRACT.addinVersion';
/** Excel's own document setting: when true, Excel reloads the custom functions' files the next time the workbook opens. */
export const FORCE_REFRESH_SETTING = 'Office.ForceRefreshCustomFunctionsCache';

/** The manifest's <Version>, defined at build time (scripts/deploy.js). */
declare const ADDIN_VERSION: string;
export const addinVersion = (): string => (typeof ADDIN_VERSION === 'string' ? ADDIN_VERSION : 'unknown');

function saveSettings(): Promise<void> {
  const settings = Office.context.document.settings;
  return new Promise<void>((resolve, reject) =>
    settings.saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message)),
    ),
  );
}

/**
 * Excel keeps functions.json and functions.js cached for up to 24 hours, so after an update a workbook could run
 * the new pane against the old functions. Microsoft's remedy for a shared runtime is the document setting
 * Office.ForceRefreshCustomFunctionsCache, which takes effect the next time the workbook is opened, and which they
 * advise not to leave on (it costs load time). So: when this workbook's settings were last saved by another version,
 * turn it on and record this version; the next time this version opens the workbook, turn it off again. A workbook
 * whose settings the add-in never saved is left alone (saving would mark it changed for nothing).
 * Returns what it did.
 */
export async function refreshFunctionsAfterUpdate(version = addinVersion()): Promise<'requested' | 'cleared' | 'none'> {
  const settings = Office.context.document.settings;
  const seen: unknown = settings.get(VERSION_SETTING);
  let did: 'requested' | 'cleared' | 'none' = 'none';
  if (typeof seen === 'string' && seen !== version) {
    settings.set(FORCE_REFRESH_SETTING, true);
    settings.set(VERSION_SETTING, version);
    did = 'requested';
  } else if (seen === version && settings.get(FORCE_REFRESH_SETTING) === true) {
    settings.set(FORCE_REFRESH_SETTING, false);
    did = 'cleared';
  }
  if (did !== 'none') await saveSettings();
  return did;
}


export function readWorkbookDefault(): string | null {
  const value: unknown = Office.context.document.settings.get(DEFAULT_CONTRACT_SETTING);
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Stores the default in the workbook (it travels with the file), tells the custom functions at once, and has Excel
 * recalculate, so that every formula that relies on the default shows the new contract's numbers.
 */
export async function saveWorkbookDefault(id: string): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(DEFAULT_CONTRACT_SETTING, id);
  settings.set(VERSION_SETTING, addinVersion()); // so that a later version can tell (refreshFunctionsAfterUpdate)
  await saveSettings();
  // the functions read the setting lazily too; where they run (the shared runtime), they switch at once
  publishedApi()?.setDefaultContract(id);
  await recalculateWorkbook();
}

/**
 * Recalculates every formula of the open workbooks. Call it after anything that changes what the functions read
 * (the default contract, a contract loaded or removed): Excel does not know that a custom function's answer changed,
 * because none of its arguments did. CalculationType.full "marks all cells as dirty and then recalculates them"
 * (Excel.CalculationType, ExcelApi 1.1); `recalculate` would only recompute cells Excel already marked dirty, which
 * these are not.
 */
export async function recalculateWorkbook(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}

/**
 * Writes the grid with its headers at the selected cell and the citation in the cell below it.
 * Refuses to overwrite: if any target cell holds something, nothing is written. Returns the address written.
 */
export async function insertScheduleValues(grid: ScheduleGrid): Promise<string> {
  const matrix = gridMatrix(grid);
  const rows = matrix.length; // header row + one row per step
  const columns = matrix[0].length; // step label + lanes
  return Excel.run(async (context) => {
    const start = context.workbook.getSelectedRange().getCell(0, 0);
    const target = start.getResizedRange(rows, columns - 1); // the grid plus the citation row below it
    target.load(['formulas', 'address']);
    await context.sync();
    if (target.formulas.some((row) => row.some((f) => f !== ''))) {
      throw new Error(`${target.address} is not empty. Select a cell with ${rows + 1} rows and ${columns} columns free from there.`);
    }

    // Labels are written as text ("@") so a label such as "2 & 3" or "+15" is never read as a number or formula.
    const table = start.getResizedRange(rows - 1, columns - 1);
    table.numberFormat = matrix.map((row, r) =>
      row.map((value, c) => (typeof value === 'number' ? numberFormat(value) : r === 0 || c === 0 ? '@' : 'General')),
    );
    table.values = matrix;
    table.getRow(0).format.font.bold = true;
    table.getColumn(0).format.font.bold = true;
    table.getRow(0).getOffsetRange(0, 1).getResizedRange(0, -1).format.horizontalAlignment = Excel.HorizontalAlignment.right;

    const citation = start.getOffsetRange(rows, 0);
    citation.numberFormat = [['@']];
    citation.values = [[citationLine(grid)]];
    citation.format.font.italic = true;

    target.select();
    await context.sync();
    return target.address;
  });
}

/** Writes =CONTRACT.SCHEDULE("2025-26","waconia/teachers") into the selected cell; Excel spills the grid from there. */
export async function insertScheduleFormula(year: string, contractId: string): Promise<string> {
  const formula = scheduleFormula(year, contractId);
  return Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load(['formulas', 'address']);
    await context.sync();
    if (cell.formulas[0][0] !== '') throw new Error(`${cell.address} is not empty. Select an empty cell with room below and to the right for the grid.`);
    cell.formulas = [[formula]];
    await context.sync();
    return cell.address;
  });
}
