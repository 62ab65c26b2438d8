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

/** What the code calls (taskpane/office.ts, functions/adapter.ts and functions.ts), by the type that owns it. */
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
  // taskpane/office-sheets.ts (the Budget, Audit and Negotiation sheets) and the recalculation after the default changes
  'Excel.Range.valueTypes',
  'Excel.Range.rowCount',
  'Excel.Range.columnCount',
  'Excel.RangeFormat.fill',
  'Excel.RangeFill.color',
  'Excel.Workbook.worksheets',
  'Excel.Workbook.application',
  'Excel.Application.calculate',
  'Excel.WorksheetCollection.getItem',
  'Excel.WorksheetCollection.add',
  'Excel.Worksheet.getRange',
  'Excel.Worksheet.tables',
  'Excel.Worksheet.activate',
  'Excel.TableCollection.add',
  'CustomFunctions.Error',
  'CustomFunctions.ErrorCode.invalidValue',
  'CustomFunctions.ErrorCode.notAvailable',
];
/**
 * Names Excel's types share with plain JavaScript, React or our own code (Array.find, styles.group, status.text),
 * or that belong to the common Office API (Office.context.document.settings), not to an Excel set.
 */
const NOT_EXCEL = new Set(['length', 'map', 'some', 'find', 'load', 'sync', 'workbook', 'right', 'message', 'code', 'status',
  'error', 'value', 'name', 'id', 'group', 'text', 'settings']);

test('each API used has a requirement set in its documentation', () => {
  expect(USED.filter((api) => !setOf(api))).toEqual([]);
  expect(setOf('Excel.Range.getResizedRange')).toMatch(/^ExcelApi /); // the reader works on a known one
});

test('the code calls no Excel member that is not listed above', () => {
  const code = ['taskpane/office.ts', 'taskpane/office-sheets.ts', 'taskpane/taskpane.tsx', ...fs.readdirSync(path.join(ROOT, 'taskpane/components')).map((f) => `taskpane/components/${f}`)]
    .map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))
    .join('\n');
  const rangeMembers = new Set(
    [...office.keys()].filter((k) => /^Excel\.(Range|Workbook|RangeFormat|RangeFont|Worksheet)\.\w+$/.test(k)).map((k) => k.split('.')[2]),
  );
  const called = new Set([...code.matchAll(/\.(\w+)\b/g)].map((m) => m[1]).filter((m) => rangeMembers.has(m) && !NOT_EXCEL.has(m)));
  const listed = new Set(USED.map((u) => u.split('.').pop()));
  expect([...called].filter((m) => !listed.has(m)).sort()).toEqual([]);
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
