/**
 * npm run contract -- import <table.csv> --kind annual|hourly|stipends|terms --year 2025-26 [options]
 *
 * Reads a table saved from a sheet as CSV (or tab-separated) and writes a contract file, or adds the table to one
 * (--into). Every problem is printed as `table.csv: B7: reason`, all at once; nothing is written unless the whole
 * file passes the loader's checks (the ones the add-in applies when it loads the file).
 *
 * Exit codes: 0 written; 1 the table or the contract has problems (listed); 2 the command line is wrong (usage).
 */
import * as fs from 'fs';
import * as path from 'path';
import { ContractRegistry, Engine } from '../src';
import { ContractApi } from '../src/api';
import type { DraftOutcome, Problem, SourceRef } from '../src/api';
import type { RoundingMode } from '../src/model';

export const IMPORT_USAGE = `usage: npm run contract -- import <table.csv> --kind annual|hourly|stipends|terms --year 2025-26
         --source-title "<the agreement's title>" --page <n> [--section "Schedule A"] [--source-file agreement.pdf]
       a new contract (annual or hourly): --district "<name>" --unit "<unit>" [--years 2025-26,2026-27]
         [--rounding places,mode] (0,half-up: whole dollars; 2,half-up: cents) [--raise 2026-27:3]... [--out file.json]
       add to a contract file: --into contract.json [--out file.json] (default: the file given to --into)
       other options: --id <schedule id> (default salary / wages), --at B3 (the table's top-left cell, for messages),
         --base schedule/lane/step (stipends given as percents), --group insurance (terms)`;

type Options = Record<string, string[]>;

/** --name value pairs (a flag may repeat) and the positional arguments. */
function parseArgs(argv: string[]): { files: string[]; opts: Options } | string {
  const files: string[] = [];
  const opts: Options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return `${a} needs a value`;
    (opts[a.slice(2)] ??= []).push(value);
    i++;
  }
  return { files, opts };
}

const KNOWN = ['kind', 'year', 'years', 'source-title', 'source-file', 'page', 'section', 'district', 'unit', 'rounding', 'raise', 'out', 'into', 'id', 'at', 'base', 'group'];

/** Runs `import`; output through the given writers (tests pass their own). Returns the exit code. */
export function runImport(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') return usage(err, parsed);
  const { files, opts } = parsed;
  const one = (name: string) => opts[name]?.[opts[name].length - 1];
  const unknown = Object.keys(opts).filter((k) => !KNOWN.includes(k));
  if (unknown.length) return usage(err, `unknown option --${unknown[0]}`);
  if (files.length !== 1) return usage(err, files.length ? `one table at a time (given: ${files.join(', ')})` : 'name the CSV file of the table');
  const kind = one('kind');
  if (!kind || !['annual', 'hourly', 'stipends', 'terms'].includes(kind)) return usage(err, `--kind is annual, hourly, stipends or terms${kind ? ` (not "${kind}")` : ''}`);
  const year = one('year');
  if (!year) return usage(err, '--year is the school year of the table (2025-26)');
  const tablePath = files[0];
  const tableName = path.basename(tablePath);
  if (!fs.existsSync(tablePath)) return fail(err, tableName, [{ cell: 'file', reason: `${tablePath} does not exist` }]);

  const api = new ContractApi(new Engine(new ContractRegistry()));
  const cells = api.readCsv({ text: fs.readFileSync(tablePath, 'utf8') });
  if (!Array.isArray(cells)) return fail(err, tableName, [cells]);
  const page = one('page');
  const source: SourceRef = { title: one('source-title') ?? '', file: one('source-file'), page, section: one('section') };
  const at = one('at');
  const into = one('into');
  const intoText = into ? readFile(into) : undefined;
  if (into && intoText === undefined) return fail(err, path.basename(into), [{ cell: 'file', reason: `${into} cannot be read` }]);

  let outcome: DraftOutcome;
  if (kind === 'annual' || kind === 'hourly') {
    const imported = api.importSchedule({ cells, at, kind, year, source, id: one('id') });
    if (!imported.ok) return fail(err, tableName, imported.problems);
    if (intoText !== undefined) outcome = api.addSchedule({ text: intoText, schedule: imported.section, source, origin: path.basename(into!) });
    else {
      const rounding = one('rounding');
      let places: number | undefined;
      let mode: RoundingMode | undefined;
      if (rounding) {
        const m = /^(-?\d+),(half-up|half-even|up|down)$/.exec(rounding);
        if (!m) return usage(err, `--rounding is places,mode: 0,half-up (whole dollars) or 2,half-up (cents), not "${rounding}"`);
        places = Number(m[1]);
        mode = m[2] as RoundingMode;
      }
      const raises: { year: string; percent: number }[] = [];
      for (const r of opts.raise ?? []) {
        const m = /^([^:]+):(-?\d+(?:\.\d+)?)%?$/.exec(r);
        if (!m) return usage(err, `--raise is year:percent (2026-27:3 for 3%), not "${r}"`);
        raises.push({ year: m[1], percent: Number(m[2]) });
      }
      outcome = api.draftContract({
        district: one('district') ?? '',
        unit: one('unit') ?? '',
        years: (one('years') ?? year).split(','),
        source,
        schedules: [imported.section],
        ...(places !== undefined ? { rounding: { [imported.section.rounding]: { places, mode: mode! } } } : {}),
        ...(raises.length ? { rules: { source, raises } } : {}),
      });
    }
  } else {
    if (intoText === undefined) return usage(err, `a ${kind === 'stipends' ? 'stipend table' : 'terms table'} is added to a contract: give --into contract.json`);
    let base: { schedule: string; lane: string; step: string } | undefined;
    const b = one('base');
    if (b) {
      const parts = b.split('/');
      if (parts.length !== 3) return usage(err, `--base is schedule/lane/step (salary/BA+15/4), not "${b}"`);
      base = { schedule: parts[0], lane: parts[1], step: parts[2] };
    }
    const years = (one('years') ?? year).split(',');
    if (kind === 'stipends') {
      const imported = api.importStipends({ cells, at, years, source, base });
      if (!imported.ok) return fail(err, tableName, imported.problems);
      outcome = api.addSection({ text: intoText, stipends: imported.section, source, origin: path.basename(into!) });
    } else {
      const imported = api.importTerms({ cells, at, years, source, group: one('group') });
      if (!imported.ok) return fail(err, tableName, imported.problems);
      outcome = api.addSection({ text: intoText, terms: imported.section, source, origin: path.basename(into!) });
    }
  }
  if (!outcome.ok) return fail(err, into ? path.basename(into) : 'the drafted contract', outcome.problems);
  const target = one('out') ?? into ?? `${outcome.id.replace('/', '-')}.json`;
  fs.writeFileSync(target, outcome.text);
  for (const line of outcome.note) out(line);
  out(`wrote ${target}: contract ${outcome.id}, checked as the add-in checks it when it loads the file`);
  return 0;
}

function readFile(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

function usage(err: (line: string) => void, reason: string): number {
  err(`contract import: ${reason}`);
  err(IMPORT_USAGE);
  return 2;
}

function fail(err: (line: string) => void, file: string, problems: Problem[]): number {
  for (const p of problems) err(`${file}: ${p.cell}: ${p.reason}`);
  err(`nothing written: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  return 1;
}

if (require.main === module) process.exitCode = runImport(process.argv.slice(2));
