/**
 * .xlsx without a dependency. Writing: a store-only zip (no compression; CRC-32 of our own) holding the few parts
 * a workbook needs, cells as inline strings, numbers or formulas with their cached values. Reading: the zip's central
 * directory, each part inflated by the browser's DecompressionStream('deflate-raw'), the first sheet's XML read with
 * DOMParser. Nothing here sends anything anywhere.
 */

/** A cell to write: text, a number, empty, or a formula (without "=") with the value it shows until recalculated. */
export type OutCell = string | number | null | { formula: string; value?: string | number };
/** How a column's numbers are shown. */
export type ColumnFormat = 'money' | 'percent' | 'fraction' | 'whole' | undefined;

export interface OutSheet {
  name: string;
  rows: OutCell[][];
  /** per column (index), a number format for its numbers */
  formats?: ColumnFormat[];
  /** per row (index), a number format for its numbers, over the column's */
  rowFormats?: ColumnFormat[];
  /** rows (0-based) to fill as mismatches */
  highlight?: number[];
  /** column widths in characters */
  widths?: number[];
}

// ------------------------------------------------------------------------------------------------ zip (store)

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of the files as given, stored (method 0). */
export function zipStore(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = enc.encode(f.name);
    const crc = crc32(f.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed
    local.setUint16(8, 0, true); // stored
    local.setUint16(12, 0x21, true); // DOS date 1980-01-01: a fixed date, so the same workbook gives the same bytes
    local.setUint32(14, crc, true);
    local.setUint32(18, f.data.length, true);
    local.setUint32(22, f.data.length, true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(14, 0x21, true);
    dir.setUint32(16, crc, true);
    dir.setUint32(20, f.data.length, true);
    dir.setUint32(24, f.data.length, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, f.data);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + f.data.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ workbook

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** XML 1.0 refuses most control characters: they are dropped from text. */
// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Style indexes of styles.xml below: 0 general, 1 money, 2 percent, 3 fraction, 4 whole, 5 bold header; +6 filled. */
const STYLE: Record<NonNullable<ColumnFormat>, number> = { money: 1, percent: 2, fraction: 3, whole: 4 };
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFE0B2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="11">${[0, 4, 10, 164, 3].map((f) => `<xf numFmtId="${f}" fontId="0" fillId="0" borderId="0" xfId="0"${f ? ' applyNumberFormat="1"' : ''}/>`).join('')}<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${[0, 4, 10, 164, 3].map((f) => `<xf numFmtId="${f}" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"${f ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function sheetXml(s: OutSheet): string {
  const rows = s.rows.map((row, r) => {
    const fill = s.highlight?.includes(r) ? 6 : 0;
    const cells = row.map((v, c) => {
      if (v === null || v === '') return '';
      const ref = `${columnName(c)}${r + 1}`;
      const fmt = s.rowFormats?.[r] ?? s.formats?.[c];
      const style = r === 0 && typeof v === 'string' ? 5 : (fmt ? STYLE[fmt] : 0) + fill;
      const st = style ? ` s="${style}"` : '';
      if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${st}><v>${v}</v></c>` : '';
      if (typeof v === 'string') return `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${esc(clean(v))}</t></is></c>`;
      const f = `<f>${esc(clean(v.formula))}</f>`;
      if (typeof v.value === 'number') return `<c r="${ref}"${st}>${f}<v>${v.value}</v></c>`;
      return `<c r="${ref}"${st} t="str">${f}<v>${esc(clean(v.value ?? ''))}</v></c>`;
    });
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  const cols = s.widths?.length ? `<cols>${s.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>${cols}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** Sheet names Excel accepts: at most 31 characters, none of []:*?/\ , unique. */
function sheetNames(sheets: OutSheet[]): string[] {
  const seen = new Set<string>();
  return sheets.map((s, i) => {
    let n = s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || `Sheet${i + 1}`;
    while (seen.has(n.toLowerCase())) n = `${n.slice(0, 28)} ${i + 1}`;
    seen.add(n.toLowerCase());
    return n;
  });
}

/** The bytes of an .xlsx holding the sheets. */
export function writeXlsx(sheets: OutSheet[]): Uint8Array {
  const enc = new TextEncoder();
  const names = sheetNames(sheets);
  const file = (name: string, text: string) => ({ name, data: enc.encode(text) });
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return zipStore([
    file('[Content_Types].xml', `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`),
    file('_rels/.rels', `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    file('xl/workbook.xml', `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    file('xl/_rels/workbook.xml.rels', `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
    file('xl/styles.xml', STYLES),
    ...sheets.map((s, i) => file(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s))),
  ]);
}

// ------------------------------------------------------------------------------------------------ reading

/** The parts of a zip archive by name, inflated (stored and deflated entries; anything else is refused). */
export async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw new Error('the file is not an .xlsx workbook (no zip directory found); save it from Excel as .xlsx, or as CSV');
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const dec = new TextDecoder();
  const out = new Map<string, Uint8Array>();
  for (let k = 0; k < count; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('the .xlsx file is damaged (its zip directory does not read)');
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extra + comment;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    if (method === 0) out.set(name, data);
    else if (method === 8) out.set(name, await inflate(data));
    else throw new Error(`the .xlsx part ${name} is compressed by method ${method}, which this pane does not read; save the file again from Excel`);
  }
  return out;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A cell as a sheet holds it: text, a number, a boolean, or an Excel error ({ code: '#N/A' }). */
export type InCell = string | number | boolean | null | { code: string };

/** The first sheet's cells, as a rectangle from A1 (empty cells null). Dates stay numbers (Excel's serials). */
export async function readXlsx(bytes: Uint8Array): Promise<{ sheet: string; cells: InCell[][] }> {
  const parts = await unzip(bytes);
  const dec = new TextDecoder();
  const xml = (name: string) => {
    const b = parts.get(name);
    return b ? new DOMParser().parseFromString(dec.decode(b), 'application/xml') : undefined;
  };
  const wb = xml('xl/workbook.xml');
  const first = wb?.getElementsByTagName('sheet')[0];
  if (!wb || !first) throw new Error('the .xlsx file has no worksheet');
  const rid = first.getAttribute('r:id') ?? first.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id');
  const rel = Array.from(xml('xl/_rels/workbook.xml.rels')?.getElementsByTagName('Relationship') ?? []).find((r) => r.getAttribute('Id') === rid);
  const target = (rel?.getAttribute('Target') ?? 'worksheets/sheet1.xml').replace(/^\/?(xl\/)?/, '');
  const sheet = xml(`xl/${target}`);
  if (!sheet) throw new Error(`the .xlsx file lacks its first sheet's part (xl/${target})`);
  const shared = Array.from(xml('xl/sharedStrings.xml')?.getElementsByTagName('si') ?? []).map((si) =>
    Array.from(si.getElementsByTagName('t')).map((t) => t.textContent ?? '').join(''));
  const cells: InCell[][] = [];
  let width = 0;
  for (const c of Array.from(sheet.getElementsByTagName('c'))) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.getAttribute('r') ?? '');
    if (!m) continue;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    const t = c.getAttribute('t');
    const v = c.getElementsByTagName('v')[0]?.textContent ?? null;
    let value: InCell = null;
    if (t === 's') value = v === null ? null : shared[Number(v)] ?? '';
    else if (t === 'inlineStr') value = Array.from(c.getElementsByTagName('t')).map((x) => x.textContent ?? '').join('');
    else if (t === 'str') value = v ?? '';
    else if (t === 'b') value = v === '1';
    else if (t === 'e') value = { code: v ?? '#VALUE!' };
    else if (v !== null && v !== '') value = Number(v);
    if (value === null || value === '') continue;
    (cells[row] ??= [])[col] = value;
    width = Math.max(width, col + 1);
  }
  const rect: InCell[][] = [];
  for (let r = 0; r < cells.length; r++) rect.push(Array.from({ length: width }, (_, c) => cells[r]?.[c] ?? null));
  return { sheet: first.getAttribute('name') ?? 'Sheet1', cells: rect };
}

/** CSV text (RFC 4180: quotes, doubled quotes, CRLF or LF) as rows of text cells; a leading BOM is dropped. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}
