/**
 * Reads the source documents the contracts were encoded from (../shared/seeds beside the repo, or
 * SEEDS_DIR). Tests take expected values from these lines, not from the engine or the JSON files.
 *
 * The documents are public but are not part of the repo. Where they are absent, a test that reaches for a
 * line is reported as skipped, not failed (test/support/seeds-environment.js), and the run prints one line
 * saying how many (test/support/seeds-reporter.js): a clone without ../shared still passes `npm test`,
 * and CI, which has the documents, runs every test.
 */
import * as fs from 'fs';
import * as path from 'path';

export const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(__dirname, '../../../shared/seeds');
export const WACONIA = '004_95c67c5f7895ec64.txt';
export const ANOKA = '001_568af6eb86bfbaf6.txt';

/** True where the source texts can be read. */
export const SEEDS_FOUND = fs.existsSync(path.join(SEEDS_DIR, WACONIA)) && fs.existsSync(path.join(SEEDS_DIR, ANOKA));

/** Thrown when a test asks for a source text that is not there; the test environment reports it as skipped. */
export class SeedsMissing extends Error {
  constructor(file: string) {
    super(`source text ${path.join(SEEDS_DIR, file)} not found: clone the repo with ../shared beside it, or set SEEDS_DIR`);
    this.name = 'SeedsMissing';
  }
}

const cache = new Map<string, string[]>();
export function seedLine(file: string, line: number): string {
  let lines = cache.get(file);
  if (!lines) {
    const p = path.join(SEEDS_DIR, file);
    if (!fs.existsSync(p)) throw new SeedsMissing(file);
    lines = fs.readFileSync(p, 'utf8').split('\n');
    cache.set(file, lines);
  }
  return lines[line - 1];
}

/** The cells of a printed row: Waconia rows are tab-separated, Anoka-Hennepin rows are "| a | b |" tables. */
export function printedCells(file: string, line: number): string[] {
  const text = seedLine(file, line);
  if (text.trim().startsWith('|')) return text.split('|').slice(1, -1).map((s) => s.trim());
  return text.replace(/\s+$/, '').split('\t').map((s) => s.trim());
}

/** "52,812" -> 52812; "" -> null; "NONE" -> "NONE". */
export function money(cell: string): number | null | 'NONE' {
  if (cell === '') return null;
  if (cell === 'NONE') return 'NONE';
  const n = Number(cell.replace(/,/g, ''));
  if (!Number.isFinite(n)) throw new Error(`not an amount: ${cell}`);
  return n;
}

/**
 * `test.each` over a table built from the source texts. The table is built while jest collects the tests,
 * before any test runs; without the texts it cannot be built, so the whole table is one skipped test.
 */
export function eachFromSeeds(build: () => readonly (readonly unknown[])[]): (title: string, fn: (...args: any[]) => unknown) => void {
  if (SEEDS_FOUND) return test.each(build() as unknown[][]);
  return (title) => test.skip(`${title.replace(/%[a-z#%]/g, '…')} (table built from the source texts)`, () => undefined);
}

/** A value read from the source texts while the tests are collected; `fallback` where they are absent (its tests skip). */
export function fromSeeds<T>(build: () => T, fallback: T): T {
  return SEEDS_FOUND ? build() : fallback;
}
