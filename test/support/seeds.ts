/**
 * Reads the source documents the contracts were encoded from (../shared/seeds beside the repo, or
 * SEEDS_DIR). Tests take expected values from these lines, not from the engine or the JSON files.
 */
import * as fs from 'fs';
import * as path from 'path';

export const SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(__dirname, '../../../shared/seeds');
export const WACONIA = '004_95c67c5f7895ec64.txt';
export const ANOKA = '001_568af6eb86bfbaf6.txt';

const cache = new Map<string, string[]>();
export function seedLine(file: string, line: number): string {
  let lines = cache.get(file);
  if (!lines) {
    const p = path.join(SEEDS_DIR, file);
    if (!fs.existsSync(p)) throw new Error(`Seed document ${p} not found: clone the repo with ../shared beside it, or set SEEDS_DIR`);
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
