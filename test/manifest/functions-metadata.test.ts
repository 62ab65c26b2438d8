/**
 * dist/functions.json within what Excel accepts and shows. Sources:
 * - Microsoft, "Custom functions naming and localization": id and name start with a letter and are at least three
 *   characters; an id uses only A-Z, 0-9, underscore and period; a name Unicode letters, digits, underscore, period;
 *   avoid names that are cell references (A1 to XFD1048576, R1C1 to R1048576C16384) or Excel 4.0 macro functions.
 * - custom-functions-metadata, Specification.md and its validator (the generator Microsoft ships): id and name at
 *   most 128 characters.
 * - Microsoft, manifest <Namespace> reference: the namespace at most 32 characters.
 * - Excel specifications and limits: at most 255 arguments to a function.
 * Microsoft's custom functions pages state no length for descriptions; we hold them to 255 characters, the limit
 * Excel's own function registration (xlfRegister) sets on function and argument help, which the Insert Function
 * dialog shows.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

interface Parameter { name: string; description?: string; optional?: boolean; repeating?: boolean }
interface Fn { id: string; name: string; description?: string; helpUrl?: string; parameters: Parameter[] }
let functions: Fn[];

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'functions.json'))) execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'inherit' });
  functions = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')).functions;
}, 180_000);

/** Column letters A..XFD as a number (1..16384), or 0 when not letters. */
const column = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
function isCellReference(name: string): boolean {
  const a1 = /^([A-Z]{1,3})(\d+)$/i.exec(name);
  if (a1 && column(a1[1]) <= 16384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576) return true;
  const r1c1 = /^R(\d+)C(\d+)$/i.exec(name);
  return !!r1c1 && Number(r1c1[1]) >= 1 && Number(r1c1[1]) <= 1048576 && Number(r1c1[2]) >= 1 && Number(r1c1[2]) <= 16384;
}
/** Excel 4.0 macro functions a contract function could plausibly be called (the full list is Microsoft's reference). */
const MACRO_NAMES = ['RUN', 'ECHO', 'RETURN', 'RESULT', 'HALT', 'GOTO', 'CALL', 'REGISTER', 'EVALUATE', 'FORMULA', 'FILES',
  'DOCUMENTS', 'SELECTION', 'ACTIVE.CELL', 'GET.CELL', 'SET.NAME', 'SET.VALUE', 'STEP', 'PAUSE', 'ALERT', 'INPUT'];

test('ids: a letter first, at least 3 and at most 128 characters of A-Z, 0-9, _ and ., unique', () => {
  const bad = functions.filter((f) => !/^[A-Z][A-Z0-9._]{2,127}$/.test(f.id)).map((f) => f.id);
  expect(bad).toEqual([]);
  expect(new Set(functions.map((f) => f.id)).size).toBe(functions.length);
});

test('names: a letter first, at least 3 and at most 128 letters, digits, _ and ., unique ignoring case', () => {
  const bad = functions.filter((f) => !/^\p{L}[\p{L}0-9._]{2,127}$/u.test(f.name)).map((f) => f.name);
  expect(bad).toEqual([]);
  expect(new Set(functions.map((f) => f.name.toUpperCase())).size).toBe(functions.length);
});

test('no name is a cell reference or an Excel 4.0 macro function', () => {
  expect(['A1', 'XFD1048576', 'R1C1', 'AB12'].map(isCellReference)).toEqual([true, true, true, true]); // the check works
  expect(['XFE1', 'SALARY', 'R1C99999'].map(isCellReference)).toEqual([false, false, false]);
  expect(functions.filter((f) => isCellReference(f.name) || MACRO_NAMES.includes(f.name.toUpperCase())).map((f) => f.name)).toEqual([]);
});

test('the namespace (manifest.xml) is at most 32 characters and a valid id', () => {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const ns = /<bt:String id="Functions\.Namespace" DefaultValue="([^"]*)"/.exec(xml)![1];
  expect(ns).toMatch(/^[A-Z][A-Z0-9._]{0,31}$/);
});

test('at most 255 parameters, each named; optional ones after the required ones', () => {
  for (const f of functions) {
    expect([f.id, f.parameters.length <= 255]).toEqual([f.id, true]);
    expect([f.id, f.parameters.filter((p) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(p.name))]).toEqual([f.id, []]);
    const firstOptional = f.parameters.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect([f.id, f.parameters.slice(firstOptional).filter((p) => !p.optional)]).toEqual([f.id, []]);
  }
});

test('every function and parameter has a description of 1 to 255 characters', () => {
  const tooLong: string[] = [];
  for (const f of functions) {
    if (!f.description || f.description.length > 255) tooLong.push(`${f.id}: ${f.description?.length ?? 0}`);
    for (const p of f.parameters) if (!p.description || p.description.length > 255) tooLong.push(`${f.id}(${p.name}): ${p.description?.length ?? 0}`);
  }
  expect(tooLong).toEqual([]);
});
