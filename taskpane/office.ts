/**
 * Everything the pane does to the workbook. Only called when the pane runs inside Excel (Office.onReady host Excel).
 * Writes plain values through Excel.run (numbers and citations that stay put without the add-in), or a SCHEDULE formula.
 */
import type { Plain, PlainTable } from './grid';
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

/** Refuses to write over anything: the message says where and how much room is needed. */
function refuseIfFilled(range: Excel.Range, need: string): void {
  if (range.formulas.some((row) => row.some((f) => f !== '' && f !== null))) throw new Error(`${range.address} is not empty. ${need}`);
}

/**
 * Writes a table with its headers at the selected cell and the citation in the cell below it, as plain values
 * (numbers that stay put without the add-in). Refuses to overwrite: if any target cell holds something, nothing is
 * written. Returns the address written.
 */
export async function insertTableValues(table: PlainTable): Promise<string> {
  const rows = table.rows.length;
  const columns = Math.max(...table.rows.map((r) => r.length));
  const pad = <T,>(row: T[], filler: T): T[] => [...row, ...Array.from({ length: columns - row.length }, () => filler)];
  const matrix = table.rows.map((r) => pad<Plain>(r, ''));
  const formats = table.formats.map((r) => pad(r, 'General'));
  return Excel.run(async (context) => {
    const start = context.workbook.getSelectedRange().getCell(0, 0);
    const target = start.getResizedRange(rows, columns - 1); // the table plus the citation row below it
    target.load(['formulas', 'address']);
    await context.sync();
    refuseIfFilled(target, `Select a cell with ${rows + 1} rows and ${columns} columns free from there.`);

    const body = start.getResizedRange(rows - 1, columns - 1);
    body.numberFormat = formats; // text ("@") labels first, so that "2 & 3" or "+15" is never read as a number or formula
    body.values = matrix;
    body.getRow(0).format.font.bold = true;
    body.getColumn(0).format.font.bold = true;

    const citation = start.getOffsetRange(rows, 0);
    citation.numberFormat = [['@']];
    citation.values = [[table.citation]];
    citation.format.font.italic = true;

    target.select();
    await context.sync();
    return target.address;
  });
}

/** Writes a formula into the selected cell (its first cell), if that cell is empty. Returns the cell's address. */
export async function insertFormula(formula: string, room = 'Select an empty cell.'): Promise<string> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load(['formulas', 'address']);
    await context.sync();
    refuseIfFilled(cell, room);
    cell.formulas = [[formula]];
    await context.sync();
    return cell.address;
  });
}

/**
 * Writes a value into the selected cell and its citation, as text, into the cell to its right, so that the number
 * keeps its source where the add-in is not installed. Both cells must be empty. Returns the address written.
 */
export async function insertValueWithCitation(value: number, format: string, citation: string): Promise<string> {
  return Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    const both = cell.getResizedRange(0, 1);
    both.load(['formulas', 'address']);
    await context.sync();
    refuseIfFilled(both, 'Select an empty cell with an empty cell to its right for the citation.');
    both.numberFormat = [[format, '@']];
    both.values = [[value, citation]];
    cell.getOffsetRange(0, 1).format.font.italic = true;
    await context.sync();
    return both.address;
  });
}

/** Excel's limit on a data-validation list typed as text (its source). */
const LIST_SOURCE_LIMIT = 255;
/** The sheet that holds lists too long (or with commas) for a typed source. */
export const LISTS_SHEET = 'Contract lists';

/**
 * Puts a drop-down list of `items` on every cell of the selected range (data validation, list source). A short list
 * without commas is the source itself ("BA,BA+15,…"); a longer one is written to a column of the sheet
 * "Contract lists" and referenced from there. Returns the address given the list.
 */
export async function addDropDownList(items: string[], title: string): Promise<string> {
  if (items.length === 0) throw new Error(`There is no ${title} to list.`);
  // data validation is ExcelApi 1.8; the manifest asks for 1.5, so older Excel runs the rest of the add-in
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.8'))
    throw new Error('Drop-down lists need Excel 2019 or Microsoft 365 (ExcelApi 1.8); this Excel does not offer data validation to add-ins.');
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load('address');
    let source = items.join(',');
    if (source.length > LIST_SOURCE_LIMIT || items.some((i) => i.includes(','))) {
      let sheet = context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
      await context.sync();
      if (sheet.isNullObject) sheet = context.workbook.worksheets.add(LISTS_SHEET);
      const used = sheet.getUsedRange();
      used.load(['columnCount', 'columnIndex', 'values']);
      await context.sync();
      const empty = used.values.length === 1 && used.values[0].length === 1 && used.values[0][0] === '';
      const column = empty ? 0 : used.columnIndex + used.columnCount; // the next free column
      const list = sheet.getCell(0, column).getResizedRange(items.length, 0);
      list.numberFormat = [['@'], ...items.map(() => ['@'])];
      list.values = [[title], ...items.map((i) => [i])];
      list.getCell(0, 0).format.font.bold = true;
      const cells = sheet.getCell(1, column).getResizedRange(items.length - 1, 0);
      cells.load('address');
      await context.sync();
      source = `=${cells.address.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
    } else {
      await context.sync();
    }
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source } };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: Excel.DataValidationAlertStyle.stop,
      title: `Not a ${title}`,
      message: `Choose a ${title} from the list.`,
    };
    await context.sync();
    return range.address;
  });
}
