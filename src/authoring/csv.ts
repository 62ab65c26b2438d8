/**
 * CSV text (what a spreadsheet saves, or a user pastes) as rows of cells: commas or tabs between cells (a paste
 * from Excel is tab-separated), double quotes around cells that hold them, "" for a quote inside. Cells stay text;
 * the importers read amounts from text as they read them from a sheet.
 */
import type { Problem } from './cells';

/** Rows of a CSV or tab-separated text, or the problem (an unclosed quote) by line. */
export function readCsv(text: string): unknown[][] | Problem {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = firstLine.split('\t').length > firstLine.split(',').length ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      line++;
    } else cell += c;
  }
  if (quoted) return { cell: `line ${quoteLine}`, reason: 'a quoted cell is never closed (a " is missing)' };
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
