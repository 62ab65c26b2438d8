/**
 * A fake of the parts of office.js the pane uses: Office (onReady, document settings, requirements) and the Excel
 * object model (Excel.run, context.sync, workbook.getSelectedRange, worksheets, ranges with values / formulas /
 * numberFormat / format / dataValidation, tables, workbook settings, customXmlParts, application.calculate), on an
 * in-memory workbook. Every call that changes the workbook is recorded in `calls`, in order.
 *
 * Like Excel, it refuses to read a property that was not loaded and synced (PropertyNotLoaded), so a missing
 * `load` + `await context.sync()` fails here as it would in Excel. Writes apply at once (Excel queues them until the
 * next sync; nothing here can observe the difference without a load, which needs a sync).
 *
 * Two ways to use it:
 * - in Node (jest): `const fake = installFakeOffice(globalThis)`, then call taskpane/office*.ts directly;
 * - in a browser page: serve `fakeOfficeScript(options)` instead of assets/office.js; the page's `window.__fake` is
 *   the state (see test/e2e/pane-in-excel.test.ts).
 * installFakeOffice is sent to the browser as its source text (Function.prototype.toString), so it must not use
 * anything from outside its own body: no imports, no module-level helpers.
 *
 * Formulas are not computed unless the test gives `fake.evaluate(formula, address)`: it then answers for each formula
 * cell when the formula is written and again at every application.calculate (which is how a test sees a
 * recalculation change what a cell shows). `fake.customFunction` is such an evaluator for the add-in's own
 * formulas with literal arguments (=CONTRACT.SALARY("BA","B","2025-26")): it calls the function functions.js
 * associated (the fake's CustomFunctions records them), with each argument as a 1×1 matrix, as Excel passes any[][].
 */

export interface FakeCell {
  value: unknown;
  /** as range.formulas gives it: the formula text, the constant for a constant, '' for an empty cell */
  formula: unknown;
  numberFormat: string;
  font: { bold?: boolean; italic?: boolean; color?: string };
  fill?: string;
  horizontalAlignment?: string;
  /** the data-validation rule set on the cell (e.g. { list: { inCellDropDown: true, source: 'BA,MA' } }) */
  validation?: unknown;
}

export interface FakeCall {
  /** what was called: 'values', 'formulas', 'numberFormat', 'format.font.bold', 'dataValidation.rule', 'calculate', … */
  op: string;
  /** the range or object it was called on (Sheet1!B2:C3), where there is one */
  address?: string;
  arg?: unknown;
}

export interface FakeTable { id: string; name: string; sheet: string; address: string; hasHeaders: boolean; style?: string; showTotals?: boolean }

export interface FakeOptions {
  /** Office.context.document.settings at start */
  settings?: Record<string, unknown>;
  /** the worksheets, the first is active; default ['Sheet1'] */
  sheets?: string[];
  /** the selection at start, e.g. 'B2' or 'B2:D10' (on the active sheet); default 'A1' */
  selection?: string;
  /** host reported by Office.onReady; default 'Excel' */
  host?: string;
}

export interface FakeExcel {
  /** sheet name → "row,column" (zero-based) → cell */
  sheets: Record<string, Record<string, FakeCell>>;
  activeSheet: string;
  /** Office.context.document.settings */
  settings: Record<string, unknown>;
  /** times Office.context.document.settings.saveAsync was called */
  saves: number;
  /** Excel's workbook.settings (Excel.SettingCollection) */
  workbookSettings: Record<string, unknown>;
  customXmlParts: { id: string; xml: string }[];
  tables: FakeTable[];
  calls: FakeCall[];
  syncs: number;
  /** address of the last range.select() */
  selected: string | null;
  /** answers for formula cells (see the file's comment); undefined: formulas keep the value null */
  evaluate?: (formula: string, address: string) => unknown;
  /** the custom functions functions.js associated, by id (SALARY, SALARY.SOURCE, …) */
  functions: Record<string, (...args: unknown[]) => unknown>;
  /** An evaluator for `evaluate`: =CONTRACT.NAME("text", 12, …) with literal arguments only, through `functions`. */
  customFunction(formula: string): unknown;
  /** selects a range of the active sheet, as the user would: 'B2', 'C5:C20', 'Sheet2!A1' */
  select(address: string): void;
  /** a cell of the active sheet (or of `sheet`) by zero-based row and column; created empty when absent */
  cell(r: number, c: number, sheet?: string): FakeCell;
  /** a cell by its A1 address ('B2', 'Sheet2!C3') */
  at(address: string): FakeCell;
  /** the values of a range, by A1 address, as a matrix */
  valuesAt(address: string): unknown[][];
  /** the calls whose op is one of `ops` */
  callsOf(...ops: string[]): FakeCall[];
}

/** Installs Office and Excel on `target` (globalThis in Node, window in a page) and answers the fake's state. */
export function installFakeOffice(target: any, options: FakeOptions = {}): FakeExcel {
  const sheetNames = options.sheets && options.sheets.length ? options.sheets : ['Sheet1'];
  const fake: FakeExcel = {
    sheets: {},
    activeSheet: sheetNames[0],
    settings: Object.assign({}, options.settings || {}),
    saves: 0,
    workbookSettings: {},
    customXmlParts: [],
    tables: [],
    calls: [],
    syncs: 0,
    selected: null,
    evaluate: undefined,
    functions: {},
    customFunction: (formula) => evaluateCustomFunction(formula),
    select: (address) => {
      selection = parse(address);
      fake.activeSheet = selection.sheet;
    },
    cell: (r, c, sheet) => store(sheet || fake.activeSheet, r, c),
    at: (address) => {
      const a = parse(address);
      return store(a.sheet, a.r, a.c);
    },
    valuesAt: (address) => {
      const a = parse(address);
      const out: unknown[][] = [];
      for (let i = 0; i < a.h; i++) {
        out.push([]);
        for (let j = 0; j < a.w; j++) out[i].push(store(a.sheet, a.r + i, a.c + j).value);
      }
      return out;
    },
    callsOf: (...ops) => fake.calls.filter((x) => ops.indexOf(x.op) >= 0),
  };
  for (const name of sheetNames) fake.sheets[name] = {};

  // ------------------------------------------------------------------ addresses
  interface Area { sheet: string; r: number; c: number; h: number; w: number }
  function colName(c: number): string {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function colIndex(letters: string): number {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function parse(address: string, sheet?: string): Area {
    let text = address.replace(/\$/g, '');
    let on = sheet || fake.activeSheet;
    const bang = text.lastIndexOf('!');
    if (bang >= 0) {
      on = text.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
      text = text.slice(bang + 1);
    }
    const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(text);
    if (!m) throw fail('InvalidArgument', `The fake cannot read the address "${address}".`);
    if (!fake.sheets[on]) throw fail('ItemNotFound', `There is no worksheet "${on}".`);
    const r = Number(m[2]) - 1;
    const c = colIndex(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r;
    const c2 = m[3] ? colIndex(m[3]) : c;
    return { sheet: on, r: Math.min(r, r2), c: Math.min(c, c2), h: Math.abs(r2 - r) + 1, w: Math.abs(c2 - c) + 1 };
  }
  function addressOf(a: Area): string {
    const quoted = /^[A-Za-z0-9_]+$/.test(a.sheet) ? a.sheet : `'${a.sheet.replace(/'/g, "''")}'`;
    const first = colName(a.c) + (a.r + 1);
    return quoted + '!' + (a.h * a.w > 1 ? first + ':' + colName(a.c + a.w - 1) + (a.r + a.h) : first);
  }
  function fail(code: string, text: string): Error {
    const e = new Error(text) as Error & { code: string };
    e.name = 'RichApi.Error';
    e.code = code;
    return e;
  }
  let selection: Area = parse(options.selection || 'A1');

  function store(sheet: string, r: number, c: number): FakeCell {
    const cells = fake.sheets[sheet];
    const k = r + ',' + c;
    return cells[k] || (cells[k] = { value: '', formula: '', numberFormat: 'General', font: {} });
  }
  const record = (op: string, address?: string, arg?: unknown) => fake.calls.push({ op, address, arg });

  // ------------------------------------------------------------------ load + sync
  /** objects with loads waiting for the next sync */
  let pending: Loadable[] = [];
  class Loadable {
    private loaded = new Set<string>();
    private asked = new Set<string>();
    constructor(private readonly kind: string, private readonly all: string[]) {}
    load(what?: string | string[] | { select?: string }) {
      const names =
        what === undefined ? this.all : typeof what === 'string' ? what.split(',') : Array.isArray(what) ? what : (what.select || '').split(',');
      for (const n of names) this.asked.add(n.trim());
      pending.push(this);
      return this;
    }
    synced() {
      this.asked.forEach((n) => this.loaded.add(n));
      this.asked.clear();
    }
    need(name: string) {
      if (!this.loaded.has(name))
        throw fail(
          'PropertyNotLoaded',
          `The property '${name}' of ${this.kind} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        );
    }
  }
  function sync(): Promise<void> {
    fake.syncs++;
    const now = pending;
    pending = [];
    now.forEach((o) => o.synced());
    return Promise.resolve();
  }

  // ------------------------------------------------------------------ formulas
  function isFormula(v: unknown): v is string {
    return typeof v === 'string' && v.charAt(0) === '=';
  }
  function compute(sheet: string, r: number, c: number) {
    const cell = store(sheet, r, c);
    if (!isFormula(cell.formula)) return;
    cell.value = fake.evaluate ? fake.evaluate(cell.formula, addressOf({ sheet, r, c, h: 1, w: 1 })) : null;
  }

  // ------------------------------------------------------------------ ranges
  const RANGE_PROPS = ['address', 'values', 'formulas', 'numberFormat', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'text'];
  class Range extends Loadable {
    format: any;
    dataValidation: any;
    constructor(readonly area: Area) {
      super('Range', RANGE_PROPS);
      const each = (fn: (cell: FakeCell) => void) => this.eachCell((cell) => fn(cell));
      const setter = (op: string, apply: (cell: FakeCell, v: any) => void) => (v: any) => {
        record(op, this.addressText(), v);
        each((cell) => apply(cell, v));
      };
      const font: any = {};
      Object.defineProperty(font, 'bold', { set: setter('format.font.bold', (cell, v) => (cell.font.bold = v)) });
      Object.defineProperty(font, 'italic', { set: setter('format.font.italic', (cell, v) => (cell.font.italic = v)) });
      Object.defineProperty(font, 'color', { set: setter('format.font.color', (cell, v) => (cell.font.color = v)) });
      const fill: any = { clear: () => (record('format.fill.clear', this.addressText()), each((cell) => delete cell.fill)) };
      Object.defineProperty(fill, 'color', { set: setter('format.fill.color', (cell, v) => (cell.fill = v)) });
      this.format = { font, fill, autofitColumns: () => record('format.autofitColumns', this.addressText()) };
      Object.defineProperty(this.format, 'horizontalAlignment', {
        set: setter('format.horizontalAlignment', (cell, v) => (cell.horizontalAlignment = v)),
      });
      for (const p of ['columnWidth', 'wrapText', 'verticalAlignment']) Object.defineProperty(this.format, p, { set: (v: any) => record('format.' + p, this.addressText(), v) });
      this.dataValidation = {
        clear: () => (record('dataValidation.clear', this.addressText()), each((cell) => delete cell.validation)),
      };
      Object.defineProperty(this.dataValidation, 'rule', { set: setter('dataValidation.rule', (cell, v) => (cell.validation = v)) });
      for (const p of ['errorAlert', 'prompt', 'ignoreBlanks']) Object.defineProperty(this.dataValidation, p, { set: (v: any) => record('dataValidation.' + p, this.addressText(), v) });
    }
    addressText() {
      return addressOf(this.area);
    }
    eachCell(fn: (cell: FakeCell, i: number, j: number, r: number, c: number) => void) {
      const a = this.area;
      for (let i = 0; i < a.h; i++) for (let j = 0; j < a.w; j++) fn(store(a.sheet, a.r + i, a.c + j), i, j, a.r + i, a.c + j);
    }
    matrix(read: (cell: FakeCell) => unknown): unknown[][] {
      const out: unknown[][] = [];
      this.eachCell((cell, i) => (out[i] = out[i] || []).push(read(cell)));
      return out;
    }
    /** Excel takes a matrix of the range's shape, or one value for every cell. */
    write(op: string, m: unknown, apply: (cell: FakeCell, v: unknown, r: number, c: number) => void) {
      const a = this.area;
      const single = !Array.isArray(m);
      if (!single && ((m as unknown[]).length !== a.h || (m as unknown[][]).some((row) => !Array.isArray(row) || row.length !== a.w)))
        throw fail('InvalidArgument', `${op}: the value's size does not match the size of ${this.addressText()}.`);
      record(op, this.addressText(), m);
      this.eachCell((cell, i, j, r, c) => apply(cell, single ? m : (m as unknown[][])[i][j], r, c));
    }
    get address() { this.need('address'); return this.addressText(); }
    get rowCount() { this.need('rowCount'); return this.area.h; }
    get columnCount() { this.need('columnCount'); return this.area.w; }
    get rowIndex() { this.need('rowIndex'); return this.area.r; }
    get columnIndex() { this.need('columnIndex'); return this.area.c; }
    get values() { this.need('values'); return this.matrix((cell) => cell.value); }
    set values(m: any) {
      this.write('values', m, (cell, v, r, c) => {
        if (isFormula(v) && cell.numberFormat !== '@') {
          cell.formula = v;
          compute(this.area.sheet, r, c);
        } else {
          cell.value = v === null ? cell.value : v;
          cell.formula = v === null ? cell.formula : v;
        }
      });
    }
    get text() { this.need('text'); return this.matrix((cell) => (cell.value === null || cell.value === undefined ? '' : String(cell.value))); }
    get formulas() { this.need('formulas'); return this.matrix((cell) => cell.formula); }
    set formulas(m: any) {
      this.write('formulas', m, (cell, v, r, c) => {
        cell.formula = v;
        if (isFormula(v)) compute(this.area.sheet, r, c);
        else cell.value = v;
      });
    }
    get numberFormat() { this.need('numberFormat'); return this.matrix((cell) => cell.numberFormat); }
    set numberFormat(m: any) {
      this.write('numberFormat', m, (cell, v) => (cell.numberFormat = String(v)));
    }
    get worksheet() { return sheetObject(this.area.sheet); }
    at(r: number, c: number, h: number, w: number) {
      if (h < 1 || w < 1 || r < 0 || c < 0) throw fail('InvalidArgument', `The range would fall outside the sheet or have no cells (from ${this.addressText()}).`);
      return new Range({ sheet: this.area.sheet, r, c, h, w });
    }
    getCell(i: number, j: number) { return this.at(this.area.r + i, this.area.c + j, 1, 1); }
    getResizedRange(dr: number, dc: number) { return this.at(this.area.r, this.area.c, this.area.h + dr, this.area.w + dc); }
    getAbsoluteResizedRange(h: number, w: number) { return this.at(this.area.r, this.area.c, h, w); }
    getOffsetRange(dr: number, dc: number) { return this.at(this.area.r + dr, this.area.c + dc, this.area.h, this.area.w); }
    getRow(i: number) { return this.at(this.area.r + i, this.area.c, 1, this.area.w); }
    getColumn(j: number) { return this.at(this.area.r, this.area.c + j, this.area.h, 1); }
    getLastRow() { return this.getRow(this.area.h - 1); }
    getLastColumn() { return this.getColumn(this.area.w - 1); }
    getRowsBelow(n = 1) { return this.at(this.area.r + this.area.h, this.area.c, n, this.area.w); }
    getColumnsAfter(n = 1) { return this.at(this.area.r, this.area.c + this.area.w, this.area.h, n); }
    clear() {
      record('clear', this.addressText());
      this.eachCell((cell) => {
        cell.value = '';
        cell.formula = '';
        cell.numberFormat = 'General';
        cell.font = {};
        delete cell.fill;
        delete cell.validation;
      });
    }
    select() {
      record('select', this.addressText());
      fake.selected = this.addressText();
      selection = this.area;
      fake.activeSheet = this.area.sheet;
    }
  }

  // ------------------------------------------------------------------ worksheets and tables
  function tableObject(t: FakeTable) {
    const range = () => new Range(parse(t.address, t.sheet));
    const obj: any = new Loadable('Table', ['id', 'name', 'style', 'showTotals']);
    Object.defineProperty(obj, 'id', { get: () => (obj.need('id'), t.id) });
    Object.defineProperty(obj, 'name', { get: () => (obj.need('name'), t.name), set: (v: string) => (record('table.name', t.address, v), (t.name = v)) });
    Object.defineProperty(obj, 'style', { get: () => (obj.need('style'), t.style), set: (v: string) => (record('table.style', t.address, v), (t.style = v)) });
    Object.defineProperty(obj, 'showTotals', { get: () => (obj.need('showTotals'), t.showTotals), set: (v: boolean) => (record('table.showTotals', t.address, v), (t.showTotals = v)) });
    obj.getRange = range;
    obj.getHeaderRowRange = () => range().getRow(0);
    obj.getDataBodyRange = () => {
      const r = range();
      return r.at(r.area.r + 1, r.area.c, r.area.h - 1, r.area.w);
    };
    obj.delete = () => {
      record('table.delete', t.address);
      fake.tables.splice(fake.tables.indexOf(t), 1);
    };
    return obj;
  }
  function tableCollection(sheet?: string) {
    const list = () => fake.tables.filter((t) => !sheet || t.sheet === sheet);
    const col: any = new Loadable('TableCollection', ['items']);
    Object.defineProperty(col, 'items', { get: () => (col.need('items'), list().map(tableObject)) });
    col.add = (where: string | Range, hasHeaders: boolean) => {
      const area = typeof where === 'string' ? parse(where, sheet) : where.area;
      const overlaps = fake.tables.some((t) => {
        const b = parse(t.address, t.sheet);
        return b.sheet === area.sheet && b.r < area.r + area.h && area.r < b.r + b.h && b.c < area.c + area.w && area.c < b.c + b.w;
      });
      if (overlaps) throw fail('InvalidOperation', `A table cannot overlap another table (${addressOf(area)}).`);
      const t: FakeTable = { id: String(fake.tables.length + 1), name: 'Table' + (fake.tables.length + 1), sheet: area.sheet, address: addressOf(area), hasHeaders: !!hasHeaders };
      fake.tables.push(t);
      record('tables.add', t.address, hasHeaders);
      return tableObject(t);
    };
    col.getItem = (name: string) => {
      const t = fake.tables.find((x) => x.name === name);
      if (!t) throw fail('ItemNotFound', `There is no table "${name}".`);
      return tableObject(t);
    };
    col.getCount = () => ({ value: list().length });
    return col;
  }
  function sheetObject(name: string) {
    const obj: any = new Loadable('Worksheet', ['name', 'id', 'position']);
    Object.defineProperty(obj, 'name', { get: () => (obj.need('name'), name) });
    Object.defineProperty(obj, 'id', { get: () => (obj.need('id'), name) });
    obj.isNullObject = false;
    obj.getRange = (address?: string) => (address ? new Range(parse(address, name)) : new Range({ sheet: name, r: 0, c: 0, h: 1048576, w: 16384 }));
    obj.getCell = (r: number, c: number) => new Range({ sheet: name, r, c, h: 1, w: 1 });
    obj.getRangeByIndexes = (r: number, c: number, h: number, w: number) => new Range({ sheet: name, r, c, h, w });
    obj.getUsedRange = () => {
      let r1 = Infinity, c1 = Infinity, r2 = -1, c2 = -1;
      for (const k of Object.keys(fake.sheets[name])) {
        const cell = fake.sheets[name][k];
        if (cell.value === '' && cell.formula === '') continue;
        const [r, c] = k.split(',').map(Number);
        r1 = Math.min(r1, r); c1 = Math.min(c1, c); r2 = Math.max(r2, r); c2 = Math.max(c2, c);
      }
      return r2 < 0 ? new Range({ sheet: name, r: 0, c: 0, h: 1, w: 1 }) : new Range({ sheet: name, r: r1, c: c1, h: r2 - r1 + 1, w: c2 - c1 + 1 });
    };
    obj.activate = () => {
      record('worksheet.activate', name);
      fake.activeSheet = name;
    };
    obj.delete = () => {
      record('worksheet.delete', name);
      delete fake.sheets[name];
    };
    obj.tables = tableCollection(name);
    return obj;
  }
  function worksheets() {
    const col: any = new Loadable('WorksheetCollection', ['items']);
    Object.defineProperty(col, 'items', { get: () => (col.need('items'), Object.keys(fake.sheets).map(sheetObject)) });
    col.getActiveWorksheet = () => sheetObject(fake.activeSheet);
    col.getItem = (name: string) => {
      if (!fake.sheets[name]) throw fail('ItemNotFound', `There is no worksheet "${name}".`);
      return sheetObject(name);
    };
    col.getItemOrNullObject = (name: string) => (fake.sheets[name] ? sheetObject(name) : { isNullObject: true, load() {} });
    col.add = (name?: string) => {
      let n = name;
      for (let i = Object.keys(fake.sheets).length + 1; !n; i++) if (!fake.sheets['Sheet' + i]) n = 'Sheet' + i;
      if (fake.sheets[n]) throw fail('ItemAlreadyExists', `A worksheet named "${n}" already exists.`);
      fake.sheets[n] = {};
      record('worksheets.add', n);
      return sheetObject(n);
    };
    return col;
  }

  // ------------------------------------------------------------------ workbook settings, custom XML parts
  function settingObject(key: string) {
    const obj: any = new Loadable('Setting', ['key', 'value']);
    obj.isNullObject = !(key in fake.workbookSettings);
    Object.defineProperty(obj, 'key', { get: () => key });
    Object.defineProperty(obj, 'value', {
      get: () => (obj.need('value'), fake.workbookSettings[key]),
      set: (v: unknown) => (record('settings.set', key, v), (fake.workbookSettings[key] = v)),
    });
    obj.delete = () => (record('settings.delete', key), delete fake.workbookSettings[key]);
    return obj;
  }
  const workbookSettings = {
    add: (key: string, value: unknown) => {
      record('settings.add', key, value);
      fake.workbookSettings[key] = value;
      return settingObject(key);
    },
    getItem: (key: string) => {
      if (!(key in fake.workbookSettings)) throw fail('ItemNotFound', `There is no setting "${key}".`);
      return settingObject(key);
    },
    getItemOrNullObject: settingObject,
  };
  function partObject(part: { id: string; xml: string } | undefined) {
    const obj: any = new Loadable('CustomXmlPart', ['id', 'namespaceUri']);
    obj.isNullObject = !part;
    Object.defineProperty(obj, 'id', { get: () => (obj.need('id'), part && part.id) });
    obj.getXml = () => {
      const result: any = new Loadable('ClientResult', ['value']);
      Object.defineProperty(result, 'value', { get: () => part && part.xml });
      return result;
    };
    obj.setXml = (xml: string) => {
      record('customXmlParts.setXml', part && part.id, xml);
      if (part) part.xml = xml;
    };
    obj.delete = () => {
      record('customXmlParts.delete', part && part.id);
      fake.customXmlParts = fake.customXmlParts.filter((p) => p !== part);
    };
    return obj;
  }
  const namespaceOf = (xml: string) => {
    const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<[^\s>]+[^>]*?\sxmlns="([^"]*)"/.exec(xml);
    return m ? m[1] : '';
  };
  function partCollection(namespace?: string) {
    const list = () => fake.customXmlParts.filter((p) => namespace === undefined || namespaceOf(p.xml) === namespace);
    const col: any = new Loadable('CustomXmlPartCollection', ['items']);
    Object.defineProperty(col, 'items', { get: () => (col.need('items'), list().map(partObject)) });
    col.getItem = (id: string) => {
      const p = list().find((x) => x.id === id);
      if (!p) throw fail('ItemNotFound', `There is no custom XML part "${id}".`);
      return partObject(p);
    };
    col.getItemOrNullObject = (id: string) => partObject(list().find((x) => x.id === id));
    col.getCount = () => ({ value: list().length });
    col.getOnlyItemOrNullObject = () => {
      const l = list();
      if (l.length > 1) throw fail('InvalidOperation', `More than one custom XML part has the namespace "${namespace}".`);
      return partObject(l[0]);
    };
    col.getByNamespace = (ns: string) => partCollection(ns);
    col.add = (xml: string) => {
      const part = { id: '{FAKE-' + (fake.customXmlParts.length + 1) + '}', xml };
      fake.customXmlParts.push(part);
      record('customXmlParts.add', part.id, xml);
      return partObject(part);
    };
    return col;
  }

  // ------------------------------------------------------------------ application, workbook, context
  const application: any = new Loadable('Application', ['calculationMode']);
  Object.defineProperty(application, 'calculationMode', { get: () => (application.need('calculationMode'), 'Automatic') });
  application.calculate = (type: string) => {
    record('calculate', undefined, type);
    for (const sheet of Object.keys(fake.sheets))
      for (const k of Object.keys(fake.sheets[sheet])) {
        const [r, c] = k.split(',').map(Number);
        compute(sheet, r, c);
      }
  };
  application.suspendApiCalculationUntilNextSync = () => record('suspendApiCalculationUntilNextSync');

  function requestContext() {
    const workbook = {
      application,
      getSelectedRange: () => new Range(selection),
      getActiveCell: () => new Range({ sheet: selection.sheet, r: selection.r, c: selection.c, h: 1, w: 1 }),
      worksheets: worksheets(),
      tables: tableCollection(),
      settings: workbookSettings,
      customXmlParts: partCollection(),
    };
    return { workbook, application, sync };
  }

  // Excel's enums: the value of a member is its name with a capital (Excel.CalculationType.full === 'Full').
  const enumeration = new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? k.charAt(0).toUpperCase() + k.slice(1) : undefined) });
  target.Excel = new Proxy(
    {
      run: (fn: (context: any) => Promise<unknown>) => {
        const context = requestContext();
        return Promise.resolve()
          .then(() => fn(context))
          .then((out) => sync().then(() => out));
      },
      RequestContext: function () { return requestContext(); },
    },
    { get: (t: any, k) => (k in t ? t[k] : enumeration) },
  );

  // ------------------------------------------------------------------ custom functions
  function FunctionError(this: any, code: string, message?: string) {
    this.code = code;
    this.message = message;
  }
  target.CustomFunctions = {
    associate: (id: string | Record<string, any>, fn?: (...args: unknown[]) => unknown) => {
      if (typeof id === 'string') fake.functions[id.toUpperCase()] = fn as (...args: unknown[]) => unknown;
      else for (const k of Object.keys(id)) fake.functions[k.toUpperCase()] = id[k];
    },
    Error: FunctionError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  };
  function evaluateCustomFunction(formula: string): unknown {
    const m = /^=\s*CONTRACT\.([A-Z.]+)\((.*)\)\s*$/i.exec(formula);
    const fn = m && fake.functions[m[1].toUpperCase()];
    if (!m || !fn) return '#NAME?';
    const args: unknown[] = [];
    const literal = /\s*(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?)|())\s*(,|$)/y;
    for (let match; literal.lastIndex < m[2].length && (match = literal.exec(m[2])); ) {
      args.push(match[1] !== undefined ? [[match[1].replace(/""/g, '"')]] : match[2] !== undefined ? [[Number(match[2])]] : null);
      if (match[4] === '') break;
    }
    const out = fn(...args) as any;
    const v = Array.isArray(out) ? out[0][0] : out;
    return v instanceof (FunctionError as any) ? v.code : v;
  }

  // ------------------------------------------------------------------ Office
  const host = options.host === undefined ? 'Excel' : options.host;
  target.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host, platform: 'OfficeOnline' };
      if (cb) cb(info);
      return Promise.resolve(info);
    },
    context: {
      requirements: { isSetSupported: () => true },
      document: {
        settings: {
          get: (k: string) => (k in fake.settings ? fake.settings[k] : null),
          set: (k: string, v: unknown) => (record('document.settings.set', k, v), (fake.settings[k] = v)),
          remove: (k: string) => (record('document.settings.remove', k), delete fake.settings[k]),
          saveAsync: (cb?: (r: { status: string }) => void) => {
            fake.saves++;
            record('document.settings.saveAsync');
            setTimeout(() => cb && cb({ status: 'succeeded' }), 0);
          },
        },
      },
    },
  };
  return fake;
}

/**
 * The fake as a script to serve instead of assets/office.js: it installs Office and Excel on window and leaves the
 * state at window.__fake.
 */
export function fakeOfficeScript(options: FakeOptions = {}): string {
  return `window.__fake = (${installFakeOffice.toString()})(window, ${JSON.stringify(options)});`;
}
