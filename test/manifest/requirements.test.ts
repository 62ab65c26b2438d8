/**
 * The requirement sets manifest.xml declares match what the code calls. Each Excel and CustomFunctions API the pane
 * and the functions use is listed below; the test reads its requirement set from the API's own documentation comment
 * in @types/office-js and @types/custom-functions-runtime ("[Api set: ExcelApi 1.2]"), scans the code for Excel
 * members the list lacks, and expects the manifest to declare each set at the highest version used: no lower (Excel
 * would install the add-in where a call fails) and no higher (it would refuse hosts that run it fine).
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

/** "Namespace.Class.member" (or "Namespace.Class", "Namespace.function") -> "Set version", from a .d.ts file's comments. */
function apiSets(file: string): Map<string, string> {
  const sets = new Map<string, string>();
  const scope: { indent: number; name: string }[] = [];
  let pending: string | undefined;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (line.trim().startsWith('}')) while (scope.length && scope[scope.length - 1].indent >= indent) scope.pop();
    const set = /\[Api set: (\w+) ([\d.]+)/.exec(line);
    if (set) pending ??= `${set[1]} ${set[2]}`;
    const decl = /^\s*(?:export\s+)?(?:declare\s+)?(namespace|class|interface|enum)\s+(\w+)/.exec(line);
    const member = /^\s*(?:readonly\s+|static\s+)?(?:function\s+)?(\w+)\??\s*[(:<=]/.exec(line);
    if (decl) {
      const name = [...scope.map((s) => s.name), decl[2]].join('.');
      if (pending && !sets.has(name)) sets.set(name, pending);
      if (line.trimEnd().endsWith('{')) scope.push({ indent, name: decl[2] });
      pending = undefined;
    } else if (member && !line.trim().startsWith('*')) {
      const name = [...scope.map((s) => s.name), member[1]].join('.');
      if (pending && !sets.has(name)) sets.set(name, pending);
      pending = undefined;
    }
  }
  return sets;
}

const office = apiSets(path.join(ROOT, 'node_modules/@types/office-js/index.d.ts'));
const customFunctions = apiSets(path.join(ROOT, 'node_modules/@types/custom-functions-runtime/index.d.ts'));
const setOf = (api: string) => office.get(api) ?? customFunctions.get(api);

/** What the code calls (taskpane/office.ts, functions/adapter.ts, functions.ts and workbook-contracts.ts), by the type that owns it. */
const USED = [
  // Excel.run itself carries no set in its documentation (it is ExcelApi 1.1, the first).
  'Excel.Workbook.getSelectedRange',
  'Excel.Range.getCell',
  'Excel.Range.getResizedRange',
  'Excel.Range.getOffsetRange',
  'Excel.Range.getRow',
  'Excel.Range.getColumn',
  'Excel.Range.formulas',
  'Excel.Range.values',
  'Excel.Range.numberFormat',
  'Excel.Range.address',
  'Excel.Range.format',
  'Excel.Range.select',
  'Excel.RangeFormat.font',
  'Excel.RangeFormat.horizontalAlignment',
  'Excel.RangeFont.bold',
  'Excel.RangeFont.italic',
  'Excel.HorizontalAlignment',
  // functions/workbook-contracts.ts: the workbook's own contracts in custom XML parts, and the recalculation after a change
  'Excel.Workbook.customXmlParts',
  'Excel.Workbook.application',
  'Excel.CustomXmlPartCollection.add',
  'Excel.CustomXmlPartCollection.getByNamespace',
  'Excel.CustomXmlPart.id',
  'Excel.CustomXmlPart.getXml',
  'Excel.CustomXmlPart.delete',
  'Excel.Application.calculate',
  // the pane's Budget, Payroll audit and Insert views: new sheets, tables, formats, highlights
  'Excel.Workbook.worksheets',
  'Excel.WorksheetCollection.add',
  'Excel.WorksheetCollection.getItem',
  'Excel.WorksheetCollection.getItemOrNullObject',
  'Excel.Worksheet.activate',
  'Excel.Worksheet.getRange',
  'Excel.Worksheet.getUsedRange',
  'Excel.Worksheet.tables',
  'Excel.TableCollection.add',
  'Excel.Range.rowCount',
  'Excel.Range.columnCount',
  'Excel.Range.columnIndex',
  'Excel.Range.valueTypes',
  'Excel.RangeFormat.fill',
  'Excel.RangeFill.color',
  'CustomFunctions.Error',
  'CustomFunctions.ErrorCode.invalidValue',
  'CustomFunctions.ErrorCode.notAvailable',
];
/**
 * Calls of a newer set than the manifest declares, each made only where Office.context.requirements.isSetSupported
 * says the host has it (the feature says why it is missing elsewhere): the add-in still installs on every Excel with
 * the declared sets. Drop-down lists (Insert view, taskpane/office.ts addDropDownList) need ExcelApi 1.8.
 */
const GUARDED: { api: string; set: string; file: string }[] = [
  { api: 'Excel.Range.dataValidation', set: 'ExcelApi 1.8', file: 'taskpane/office.ts' },
  { api: 'Excel.Worksheet.getRangeByIndexes', set: 'ExcelApi 1.7', file: 'taskpane/office.ts' },
];

/**
 * Names Excel's types share with plain JavaScript, React or our own code (Array.find, styles.group, status.text),
 * or that belong to the common Office API (Office.context.document.settings), not to an Excel set.
 */
const NOT_EXCEL = new Set(['length', 'map', 'some', 'find', 'load', 'sync', 'workbook', 'right', 'message', 'code', 'status',
  'error', 'value', 'name', 'id', 'group', 'text', 'settings', 'clear', 'size', 'names', 'position', 'sort', 'hidden']);

test('each API used has a requirement set in its documentation', () => {
  expect(USED.filter((api) => !setOf(api))).toEqual([]);
  expect(setOf('Excel.Range.getResizedRange')).toMatch(/^ExcelApi /); // the reader works on a known one
});

test('the code calls no Excel member that is not listed above', () => {
  // every file of the pane (its views write sheets too), and the functions' one file that calls Excel
  const pane = (fs.readdirSync(path.join(ROOT, 'taskpane'), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && f !== 'xlsx.ts') // xlsx.ts writes a file's XML (worksheets/sheet1.xml), no Excel call
    .map((f) => `taskpane/${f}`);
  const code = [...pane, 'functions/workbook-contracts.ts']
    .map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))
    .join('\n');
  const rangeMembers = new Set(
    [...office.keys()].filter((k) => /^Excel\.(Range|Workbook|RangeFormat|RangeFont|Worksheet)\.\w+$/.test(k)).map((k) => k.split('.')[2]),
  );
  const called = new Set([...code.matchAll(/\.(\w+)\b/g)].map((m) => m[1]).filter((m) => rangeMembers.has(m) && !NOT_EXCEL.has(m)));
  const listed = new Set([...USED, ...GUARDED.map((g) => g.api)].map((u) => u.split('.').pop()));
  expect([...called].filter((m) => !listed.has(m)).sort()).toEqual([]);
});

test('a call of a newer set is made only where the host says it has that set', () => {
  for (const g of GUARDED) {
    expect(setOf(g.api)).toBe(g.set);
    const [name, version] = g.set.split(' ');
    const code = fs.readFileSync(path.join(ROOT, g.file), 'utf8');
    const guard = new RegExp(`isSetSupported\\('${name}', '([\\d.]+)'\\)`).exec(code);
    expect(guard).not.toBeNull();
    expect(Number(guard![1].split('.')[1])).toBeGreaterThanOrEqual(Number(version.split('.')[1]));
  }
});

test('manifest.xml declares SharedRuntime 1.1 and, for the rest, the highest version of each set the code uses', () => {
  const needed = new Map<string, string>([['SharedRuntime', '1.1']]); // <Runtimes> in the manifest needs it
  const newer = (a: string, b: string) => (a.split('.').map(Number)[1] ?? 0) > (b.split('.').map(Number)[1] ?? 0);
  for (const api of USED) {
    const [set, version] = setOf(api)!.split(' ');
    if (!needed.has(set) || newer(version, needed.get(set)!)) needed.set(set, version);
  }
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)![1];
  const declared = new Map([...requirements.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"/g)].map((m) => [m[1], m[2]]));
  expect(Object.fromEntries(declared)).toEqual(Object.fromEntries(needed));
});
