// What ExcelJS leaves out of an .xlsx and Excel 365 needs to open a workbook of dynamic arrays and custom
// functions as it would have saved it itself (used by scripts/make-examples.js):
//
// - Formula names as Excel stores them in files. A custom function is stored as _xldudf_ + its full name with
//   the dots made underscores (CONTRACT.SALARY.SOURCE -> _xldudf_CONTRACT_SALARY_SOURCE); a formula saved as
//   typed (CONTRACT.SALARY) is not tied to the add-in and stays #NAME? after it loads. Functions newer than
//   Excel 2007 carry _xlfn. (and _xlws. for FILTER and SORT).
// - Dynamic arrays: the formula cell is an array formula over its spill range (<f t="array" ref="A1:D10">)
//   with cm="1", the index of the XLDAPR dynamic-array cell metadata in xl/metadata.xml (fDynamic="1"). A
//   file without it reads as legacy Excel: Excel 365 puts the implicit-intersection @ in front of the call and
//   the formula shows one cell instead of spilling.
// - Cached values: the values a formula spilled into its neighbours are written as formula results (t="str"
//   for text, as Excel writes them), and calcId is that of Excel 365's calculation engine, so a workbook opened
//   before (or without) the add-in shows the cached numbers instead of recalculating everything to #NAME?.
//
// Sources: the _xldudf_ form is what Excel writes for a resolved custom function (office-js issue tracker,
// e.g. OfficeDev/office-js#5611, OfficeDev/Excel-Custom-Functions#108); the metadata part follows
// ISO/IEC 29500-1 §18.9 with the XLDAPR extension of [MS-XLSX] 2.6 (dynamic array properties).
const JSZip = require('jszip');

/** Functions whose stored name differs from the typed one (Excel 2010 and later): typed -> stored. */
const STORED = {
  FILTER: '_xlfn._xlws.FILTER', SORT: '_xlfn._xlws.SORT', SORTBY: '_xlfn.SORTBY', UNIQUE: '_xlfn.UNIQUE',
  SEQUENCE: '_xlfn.SEQUENCE', XLOOKUP: '_xlfn.XLOOKUP', XMATCH: '_xlfn.XMATCH', LET: '_xlfn.LET',
  CONCAT: '_xlfn.CONCAT', TEXTJOIN: '_xlfn.TEXTJOIN', IFS: '_xlfn.IFS', MAXIFS: '_xlfn.MAXIFS', MINIFS: '_xlfn.MINIFS',
  AGGREGATE: '_xlfn.AGGREGATE',
};

/** Apply `fn` to the parts of a formula outside its string literals. */
function outsideStrings(formula, fn) {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 ? part : fn(part)))
    .join('');
}

/** A formula as typed (no leading =) -> as Excel stores it in the file. */
function storedFormula(typed) {
  return outsideStrings(typed, (s) => {
    if (/[A-Z]\d+#/.test(s)) throw new Error(`${typed}: a spill reference (A1#) is not written here; refer to the exact range`);
    if (/(^|[^A-Za-z0-9_.$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}([^A-Za-z0-9_(]|$)/.test(s))
      throw new Error(`${typed}: a whole-column reference spills a million rows; refer to the exact range`);
    return s
      .replace(/(^|[^A-Za-z0-9_.])CONTRACT\.([A-Z][A-Z0-9.]*)\(/g, (_, before, id) => `${before}_xldudf_CONTRACT_${id.replace(/\./g, '_')}(`)
      .replace(/(^|[^A-Za-z0-9_.])([A-Z][A-Z0-9.]*)\(/g, (m, before, name) => (STORED[name] ? `${before}${STORED[name]}(` : m));
  });
}

/** Does the (typed) formula call one of the add-in's custom functions? */
const callsCustomFunction = (typed) => /(^|[^A-Za-z0-9_.])CONTRACT\.[A-Z]/.test(typed.replace(/"(?:[^"]|"")*"/g, '""'));

const METADATA = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">',
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>',
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>',
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>',
  '</metadata>',
].join('');
const METADATA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';
const METADATA_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata';
/** The calculation engine of Excel 2019 and Microsoft 365: an older calcId makes Excel recalculate on open. */
const CALC_ID = '191029';
/** Zip entry dates, fixed so that regenerating an unchanged workbook gives the same bytes. */
const ZIP_DATE = new Date(Date.UTC(2025, 0, 1));

const xmlText = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Replace exactly one match of `pattern` in `text`, or fail naming `what`. */
function replaceOnce(text, pattern, replacement, what) {
  let n = 0;
  const out = text.replace(pattern, (...m) => {
    n++;
    return typeof replacement === 'function' ? replacement(...m) : replacement;
  });
  if (n !== 1) throw new Error(`${what}: expected one match, found ${n}`);
  return out;
}

/** Sheet name -> its part in the package ("xl/worksheets/sheet1.xml"). */
async function sheetParts(zip) {
  const book = await zip.file('xl/workbook.xml').async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels').async('string');
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const parts = new Map();
  for (const m of book.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"/g)) {
    const t = target.get(m[2]);
    parts.set(unescapeXml(m[1]), t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  return parts;
}

/**
 * Drops the shared strings no cell refers to any more (the spilled text now held in the cells) and renumbers
 * the references, so that the table and its count and uniqueCount agree with the sheets.
 */
async function compactSharedStrings(zip, sheetParts) {
  const file = zip.file('xl/sharedStrings.xml');
  if (!file) return;
  const sst = await file.async('string');
  const items = sst.match(/<si>[\s\S]*?<\/si>/g) ?? [];
  const sheets = await Promise.all(sheetParts.map(async (p) => [p, await zip.file(p).async('string')]));
  const ref = /( t="s"><v>)(\d+)(<\/v>)/g;
  const used = new Map();
  let count = 0;
  for (const [, xml] of sheets)
    for (const m of xml.matchAll(ref)) {
      count++;
      if (!used.has(m[2])) used.set(m[2], used.size);
    }
  const kept = [...used.keys()].map((i) => items[Number(i)]);
  for (const [p, xml] of sheets) zip.file(p, xml.replace(ref, (_, a, i, b) => `${a}${used.get(i)}${b}`));
  const head = sst.slice(0, sst.indexOf('<si>') >= 0 ? sst.indexOf('<si>') : sst.indexOf('</sst>'));
  zip.file('xl/sharedStrings.xml', `${head.replace(/ count="\d+"/, ` count="${count}"`).replace(/uniqueCount="\d+"/, `uniqueCount="${kept.length}"`)}${kept.join('')}</sst>`);
}

/**
 * Post-processes an ExcelJS-written workbook. `sheets`: sheet name -> { arrays: addresses of the dynamic-array
 * formula cells, text: Map address -> text of the spilled cells holding text }.
 */
async function finishXlsx(buffer, sheets) {
  const zip = await JSZip.loadAsync(buffer);
  const parts = await sheetParts(zip);
  for (const [name, { arrays, text }] of Object.entries(sheets)) {
    const part = parts.get(name);
    if (!part) throw new Error(`no sheet ${name} in the workbook`);
    let xml = await zip.file(part).async('string');
    for (const a of arrays)
      xml = replaceOnce(xml, new RegExp(`<c r="${a}"((?: [a-z]+="[^"]*")*)><f t="array"`, 'g'), (_, attrs) => `<c r="${a}"${attrs} cm="1"><f t="array"`, `${name}!${a} array formula`);
    for (const [a, value] of text)
      xml = replaceOnce(xml, new RegExp(`<c r="${a}"((?: s="\\d+")?) t="s"><v>\\d+</v></c>`, 'g'), (_, s) => `<c r="${a}"${s} t="str"><v>${xmlText(value)}</v></c>`, `${name}!${a} spilled text`);
    zip.file(part, xml);
  }
  await compactSharedStrings(zip, [...parts.values()]);
  if (Object.values(sheets).some((s) => s.arrays.length)) {
    zip.file('xl/metadata.xml', METADATA);
    const types = await zip.file('[Content_Types].xml').async('string');
    zip.file('[Content_Types].xml', replaceOnce(types, /<\/Types>/g, `<Override PartName="/xl/metadata.xml" ContentType="${METADATA_TYPE}"/></Types>`, 'content types'));
    const rels = await zip.file('xl/_rels/workbook.xml.rels').async('string');
    const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    zip.file('xl/_rels/workbook.xml.rels', replaceOnce(rels, /<\/Relationships>/g, `<Relationship Id="${id}" Type="${METADATA_REL}" Target="metadata.xml"/></Relationships>`, 'workbook relationships'));
  }
  const book = await zip.file('xl/workbook.xml').async('string');
  zip.file('xl/workbook.xml', replaceOnce(book, /<calcPr calcId="\d+"/g, `<calcPr calcId="${CALC_ID}"`, 'calcPr'));
  zip.forEach((_, file) => (file.date = ZIP_DATE));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

module.exports = { storedFormula, callsCustomFunction, finishXlsx, CALC_ID };
