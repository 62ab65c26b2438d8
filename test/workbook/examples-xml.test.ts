/**
 * The example workbooks as Excel 365 reads them: each .xlsx opened as a zip of XML (never through ExcelJS), and
 * checked against what the BUILT add-in computes now (dist/functions.js in HyperFormula, test/support):
 *
 * - every formula that calls the add-in or fills more than one cell is a dynamic array: `<c cm="1">` whose cell
 *   metadata is the XLDAPR dynamic-array record (fDynamic="1") of xl/metadata.xml, declared in the content types
 *   and the workbook's relationships, with `<f t="array" ref>` over exactly the cells the answer fills. Without
 *   it Excel 365 opens the formula as legacy, puts @ in front of it and shows one cell.
 * - every formula cell carries its value, and every cell of a spill the value spilled there, equal to what the
 *   bundle computes (numbers exactly, text equal, errors by code), so the workbook shows numbers before (or
 *   without) the add-in; calcId is Excel 365's, so opening it does not recalculate everything first.
 * - custom functions are stored under the name Excel writes for them (_xldudf_CONTRACT_SALARY), never as typed.
 * - rosters and inputs are Excel tables, validation lists point at exactly what a CONTRACT discovery list spilled,
 *   proposal percents are Excel percents (0.03 shown as 0.00%).
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import type { HyperFormula } from 'hyperformula';
import { DetailedCellError } from 'hyperformula';
import { hyperformula, loadBundle, registerPlugin, spillSize } from '../support/excel-shim';
import { decodeAddress, readWorkbook, typedFormula } from '../support/workbook';

const EXAMPLES = path.join(__dirname, '../../examples');
const FILES = ['waconia-budget.xlsx', 'waconia-district-budget.xlsx', 'payroll-audit.xlsx', 'settlement-costing.xlsx', 'anoka-hennepin-budget.xlsx'];

const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: false,
  isArray: (name, _path, _leaf, attribute) => !attribute && ['row', 'c', 'si', 'r', 'xf', 'numFmt', 'dataValidation', 'Override', 'Relationship', 'sheet', 'bk', 'rc', 'metadataType', 'tablePart'].includes(name),
});

interface Cell { r: string; t?: string; s?: string; cm?: string; f?: string | { '#text'?: string; t?: string; ref?: string }; v?: string; is?: unknown }
interface Sheet { name: string; cells: Map<string, Cell>; xml: any; part: string }
interface Book { zip: JSZip; sheets: Sheet[]; strings: string[]; hf: HyperFormula; styles: any; file: string }

const text = (node: unknown): string => {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(text).join('');
  if (typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ('#text' in o) return String(o['#text']);
    if ('t' in o) return text(o.t);
    if ('r' in o) return text(o.r);
  }
  return '';
};
const read = async (zip: JSZip, part: string) => {
  const f = zip.file(part);
  if (!f) throw new Error(`${part} is missing`);
  return parser.parse(await f.async('string'));
};
const a1 = (row: number, col: number): string => {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
};
const formulaOf = (c: Cell) => (c.f === undefined ? undefined : typeof c.f === 'string' ? c.f : (c.f['#text'] ?? ''));

async function open(file: string): Promise<Book> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(EXAMPLES, file)));
  const book = await read(zip, 'xl/workbook.xml');
  const rels = await read(zip, 'xl/_rels/workbook.xml.rels');
  const target = new Map<string, string>(rels.Relationships.Relationship.map((r: any) => [r.Id, r.Target]));
  const sst = zip.file('xl/sharedStrings.xml') ? await read(zip, 'xl/sharedStrings.xml') : { sst: { si: [] } };
  const strings = (sst.sst.si ?? []).map((si: unknown) => text(si));
  const sheets: Sheet[] = [];
  for (const s of book.workbook.sheets.sheet) {
    const part = `xl/${target.get(s['r:id'])}`;
    const xml = await read(zip, part);
    const cells = new Map<string, Cell>();
    for (const row of xml.worksheet.sheetData?.row ?? []) for (const c of row.c ?? []) cells.set(c.r, c);
    sheets.push({ name: s.name, cells, xml, part });
  }
  const hf = hyperformula(await readWorkbook(path.join(EXAMPLES, file)));
  return { zip, sheets, strings, hf, styles: await read(zip, 'xl/styles.xml'), file };
}

/** What a cell of the file holds, as the engine would give it: number, text, boolean, error code, or null. */
function cachedValue(b: Book, c: Cell | undefined): unknown {
  if (!c || c.v === undefined) return null;
  const v = String(c.v);
  switch (c.t) {
    case 's': return b.strings[Number(v)];
    case 'str': case 'inlineStr': return v;
    case 'b': return v === '1';
    case 'e': return { error: v };
    default: return Number(v);
  }
}
/** The engine's value of a cell, in the same terms. */
function computed(b: Book, sheet: string, row: number, col: number): unknown {
  const v = b.hf.getCellValue({ sheet: b.hf.getSheetId(sheet)!, row: row - 1, col: col - 1 });
  if (v instanceof DetailedCellError) return { error: v.value };
  return v === undefined ? null : v;
}
/** The number format of a cell (its style's format code), or "General". */
function numFmt(b: Book, c: Cell | undefined): string {
  const xf = b.styles.styleSheet.cellXfs.xf[Number(c?.s ?? 0)];
  const id = Number(xf?.numFmtId ?? 0);
  const custom = (b.styles.styleSheet.numFmts?.numFmt ?? []).find((n: any) => Number(n.numFmtId) === id);
  const builtin: Record<number, string> = { 0: 'General', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%' };
  return custom ? custom.formatCode : (builtin[id] ?? `builtin ${id}`);
}

const books: Record<string, Book> = {};
beforeAll(async () => {
  registerPlugin(loadBundle());
  for (const f of FILES) books[f] = await open(f);
}, 120000);

describe.each(FILES)('%s', (file) => {
  let b: Book;
  beforeAll(() => (b = books[file]));

  test('the dynamic-array cell metadata is in the package: metadata.xml, its content type and relationship; calcId is Excel 365\'s', async () => {
    const types = await read(b.zip, '[Content_Types].xml');
    expect(types.Types.Override.find((o: any) => o.PartName === '/xl/metadata.xml')?.ContentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml');
    const rels = await read(b.zip, 'xl/_rels/workbook.xml.rels');
    expect(rels.Relationships.Relationship.filter((r: any) => r.Type === 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata').map((r: any) => r.Target)).toEqual(['metadata.xml']);
    // cm="1" -> cellMetadata record 1 -> rc t (1-based metadata type) = XLDAPR, v (0-based) -> futureMetadata bk -> fDynamic="1"
    const m = (await read(b.zip, 'xl/metadata.xml')).metadata;
    const rc = m.cellMetadata.bk[0].rc[0];
    expect(m.metadataTypes.metadataType[Number(rc.t) - 1].name).toBe('XLDAPR');
    expect(m.futureMetadata.name).toBe('XLDAPR');
    const props = m.futureMetadata.bk[Number(rc.v)].extLst.ext;
    expect(props.uri).toBe('{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}');
    expect(props['xda:dynamicArrayProperties']).toEqual(expect.objectContaining({ fDynamic: '1', fCollapsed: '0' }));
    expect((await read(b.zip, 'xl/workbook.xml')).workbook.calcPr.calcId).toBe('191029');
  });

  test('every formula calling the add-in or filling more than one cell is a dynamic array over exactly its spill', () => {
    let dynamic = 0;
    let spilling = 0;
    for (const s of b.sheets)
      for (const c of s.cells.values()) {
        const stored = formulaOf(c);
        if (stored === undefined) continue;
        const typed = typedFormula(stored);
        // stored as Excel stores a custom function, never as typed (which stays #NAME? when the add-in loads)
        expect([c.r, stored.replace(/"(?:[^"]|"")*"/g, '""')]).not.toEqual([c.r, expect.stringMatching(/(^|[^_A-Za-z])CONTRACT\./)]);
        const [row, col] = decodeAddress(c.r);
        const { width, height } = spillSize(b.hf, { sheet: b.hf.getSheetId(s.name)!, row: row - 1, col: col - 1 });
        if (!(width * height > 1 || /CONTRACT\./.test(typed))) continue;
        dynamic++;
        if (width * height > 1) spilling++;
        const ref = width * height > 1 ? `${c.r}:${a1(row + height - 1, col + width - 1)}` : c.r;
        const f = c.f as { t?: string; ref?: string };
        expect({ at: `${s.name}!${c.r}`, cm: c.cm, t: f.t, ref: f.ref }).toEqual({ at: `${s.name}!${c.r}`, cm: '1', t: 'array', ref });
      }
    expect(dynamic).toBeGreaterThan(0);
    expect(spilling).toBeGreaterThan(0);
  });

  test('every formula cell and every spilled cell carries the value the bundle computes now', () => {
    let checked = 0;
    for (const s of b.sheets)
      for (const c of s.cells.values()) {
        if (formulaOf(c) === undefined) continue;
        const [row, col] = decodeAddress(c.r);
        const ref = typeof c.f === 'object' && c.f.t === 'array' && c.f.ref ? c.f.ref : c.r;
        const [from, to = from] = ref.split(':');
        const [r0, c0] = decodeAddress(from);
        const [r1, c1] = decodeAddress(to);
        expect([r0, c0]).toEqual([row, col]);
        for (let r = r0; r <= r1; r++)
          for (let k = c0; k <= c1; k++) {
            const at = a1(r, k);
            const cell = s.cells.get(at);
            if (r !== r0 || k !== c0) expect([at, formulaOf(cell!)]).toEqual([at, undefined]);
            expect({ at: `${s.name}!${at}`, value: cachedValue(b, cell) }).toEqual({ at: `${s.name}!${at}`, value: computed(b, s.name, r, k) });
            checked++;
          }
        // a formula cell always has a value
        expect([c.r, c.v]).not.toEqual([c.r, undefined]);
      }
    expect(checked).toBeGreaterThan(10);
  });

  test('the shared strings are those the cells use, counted right (spilled text is held in its cell, as Excel writes it)', async () => {
    const sst = (await read(b.zip, 'xl/sharedStrings.xml')).sst;
    const refs = b.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.t === 's').map((c) => Number(c.v)));
    expect(Number(sst.count)).toBe(refs.length);
    expect(Number(sst.uniqueCount)).toBe(b.strings.length);
    expect(new Set(refs).size).toBe(b.strings.length);
  });

  test('validation lists point at exactly the cells a CONTRACT discovery list spilled, or at the proposals\' names', () => {
    const lists: string[] = [];
    for (const s of b.sheets)
      for (const v of s.xml.worksheet.dataValidations?.dataValidation ?? []) {
        expect(v.type).toBe('list');
        const m = /^'?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(String(v.formula1))!;
        expect([v.sqref, m]).not.toEqual([v.sqref, null]);
        const [, sheet, fromCol, fromRow, toCol, toRow] = m;
        const anchor = b.sheets.find((x) => x.name === sheet)!.cells.get(`${fromCol}${fromRow}`)!;
        const f = typedFormula(formulaOf(anchor) ?? '');
        if (sheet === 'Proposals') {
          expect([fromCol, fromRow, toCol]).toEqual(['A', '2', 'A']);
          continue;
        }
        expect(f).toMatch(/^CONTRACT\.(LANES|STEPS|CONTRACTS|YEARS|POSITIONS)\(/);
        expect((anchor.f as { ref: string }).ref).toBe(`${fromCol}${fromRow}:${toCol}${toRow}`);
        lists.push(`${s.name}!${v.sqref} <- ${f}`);
      }
    expect(lists.length).toBeGreaterThan(0);
  });

  test('the inputs are Excel tables (ListObjects) with their header row', async () => {
    const tables = Object.keys(b.zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const x = (await read(b.zip, t)).table;
      expect(x.headerRowCount).toBe('1');
      const [from] = String(x.ref).split(':');
      // the header cells hold the column names
      const owner = b.sheets.find((s) => (s.xml.worksheet.tableParts?.tablePart ?? []).length && s.cells.has(from) && cachedValue(b, s.cells.get(from)) === x.tableColumns.tableColumn[0].name);
      expect([x.name, owner?.name]).not.toEqual([x.name, undefined]);
    }
  });
});

test('settlement-costing.xlsx: proposal percents are Excel percents, 0.03 formatted 0.00%', () => {
  const b = books['settlement-costing.xlsx'];
  const p = b.sheets.find((s) => s.name === 'Proposals')!;
  for (const col of ['C', 'D', 'G'])
    for (let r = 2; r <= 5; r++) {
      const c = p.cells.get(`${col}${r}`);
      expect([`${col}${r}`, numFmt(b, c)]).toEqual([`${col}${r}`, '0.00%']);
      expect(cachedValue(b, c) as number).toBeLessThan(0.2);
    }
  // "3% and 5% with steps": 3% then 5% (004:1810-1825)
  expect([cachedValue(b, p.cells.get('C2')), cachedValue(b, p.cells.get('C3'))]).toEqual([0.03, 0.05]);
});

test('money outputs carry a currency format', () => {
  const b = books['waconia-district-budget.xlsx'];
  const budget = b.sheets.find((s) => s.name === 'Budget')!;
  expect(cachedValue(b, budget.cells.get('A3'))).toBe('Salaries (schedule placement × FTE, hourly pay)');
  expect(numFmt(b, budget.cells.get('B3'))).toBe('"$"#,##0.00');
  expect(cachedValue(b, budget.cells.get('A2'))).toBe('Employees');
  expect(numFmt(b, budget.cells.get('B2'))).toBe('#,##0');
});
