/**
 * npm run contract -- <command> [arguments]: contract files from the command line, for district IT.
 *
 *   check <file>       checks the file exactly as the add-in checks one loaded into a workbook: "OK" and what the
 *                      contract holds, or every problem as file: path: reason (exit code 1)
 *   selfcheck <file>   the self-check: each printed value a rule of the contract derives, compared; every
 *                      disagreement with the cell, both values and both citations (findings are not failures: exit 0)
 *   schema             where the published JSON schema is, and the "$schema" a contract file names
 *
 * Each command is one line of COMMANDS below (add yours there). Exit codes: 0 done, 1 the file is refused,
 * 2 the command was not understood.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createRegistry, Engine } from '../src';
import { ContractApi, MAX_CONTRACT_CHARS, MAX_RUNTIME_CONTRACTS, memoryDefault } from '../src/api';
import type { CheckOutcome, ContractProblem, Finding } from '../src/api';
import { runImport } from './contract-import';

/** Where a command writes: out for results, err for problems. */
export interface Io { out(line: string): void; err(line: string): void }

interface Command {
  args: string;
  help: string;
  run(args: string[], io: Io): number;
}

const ROOT = path.resolve(__dirname, '..');
const SCHEMA = 'src/schema/contract.schema.json';
const PUBLISHED = 'dist/contract.schema.json';
/** The address the add-in serves the schema from, when served by `npm start` (a deployment: its own host). */
const SCHEMA_URL = 'https://localhost:3000/contract.schema.json';

const problemLine = (p: ContractProblem) => `${p.file}: ${p.path || '(top)'}: ${p.reason}`;
const amount = (n: number | null) => (n === null ? '(none)' : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));

/** The file's text and the API's check of it (against the add-in's own contracts, whose ids a file may not take). */
function checked(file: string | undefined, io: Io): CheckOutcome | number {
  if (!file) {
    io.err('give the contract file: npm run contract -- check path/to/contract.json');
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`${file}: cannot be read: ${(e as Error).message}`);
    return 1;
  }
  const api = new ContractApi(new Engine(createRegistry({ trusted: true })), memoryDefault());
  return api.checkContract(text, { origin: path.basename(file) });
}

function check([file]: string[], io: Io): number {
  const out = checked(file, io);
  if (typeof out === 'number') return out;
  if (!out.ok) {
    io.err(`REFUSED ${path.basename(file)}: ${out.problems.length} problem${out.problems.length === 1 ? '' : 's'}; the add-in would load nothing of it`);
    out.problems.forEach((p) => io.err(problemLine(p)));
    return 1;
  }
  const c = out.contract;
  io.out(`OK ${path.basename(file)}: ${c.id}, ${c.title}`);
  io.out(`  district: ${c.district}; unit: ${c.unit}`);
  io.out(`  years: ${c.years.join(', ')}`);
  for (const s of c.schedules) io.out(`  schedule ${s.id} (${s.kind}): ${s.title}`);
  io.out(`  self-check: ${out.agreeing} of ${out.checked} values the rules derive agree with the printed ones` +
    (out.findings.length ? `; ${out.findings.length} disagree (npm run contract -- selfcheck ${file})` : ''));
  return 0;
}

function findingLines(f: Finding): string[] {
  const lines = [
    `${f.schedule} ${f.year} ${f.lane} ${f.step}: printed ${amount(f.printed)} (${f.printedCite}); ${f.rule} gives ${amount(f.derived)} (${f.ruleCite})` +
      (f.difference === null ? '' : `; difference ${amount(f.difference)}`),
  ];
  if (f.note) lines.push(`  ${f.note}`);
  if (f.reading) lines.push(`  reading: ${f.reading}`);
  return lines;
}

function selfcheck([file]: string[], io: Io): number {
  const out = checked(file, io);
  if (typeof out === 'number') return out;
  if (!out.ok) {
    io.err(`REFUSED ${path.basename(file)}: the self-check runs on a file that loads; fix these first`);
    out.problems.forEach((p) => io.err(problemLine(p)));
    return 1;
  }
  io.out(`${out.contract.id}: ${out.agreeing} of ${out.checked} values the rules derive agree with the printed ones; ${out.findings.length} disagree`);
  out.findings.forEach((f) => findingLines(f).forEach((l) => io.out(l)));
  return 0;
}

function schema(_: string[], io: Io): number {
  io.out(`the schema: ${path.join(ROOT, SCHEMA)}`);
  io.out(fs.existsSync(path.join(ROOT, PUBLISHED)) ? `published by the build: ${path.join(ROOT, PUBLISHED)}` : `published by the build (npm run build) as ${PUBLISHED}`);
  io.out(`served by the add-in at ${SCHEMA_URL} (a deployment: <its host>/contract.schema.json)`);
  io.out(`a contract file names it as its first line: "$schema": "${SCHEMA_URL}"`);
  io.out(`limits: ${MAX_CONTRACT_CHARS.toLocaleString('en-US')} characters a file; ${MAX_RUNTIME_CONTRACTS} contracts a workbook`);
  return 0;
}

/** The commands, one line each. */
export const COMMANDS: Record<string, Command> = {
  check: { args: '<file>', help: 'check a contract file as the add-in checks one loaded into a workbook', run: check },
  selfcheck: { args: '<file>', help: "print the self-check's findings, with both citations", run: selfcheck },
  schema: { args: '', help: 'where the published JSON schema is', run: schema },
  import: { args: '<table.csv> --kind …', help: "a contract file from a sheet's table (CSV), or the table added to one (--into); npm run contract -- import for the options", run: (args, io) => runImport(args, io.out, io.err) },
};

function usage(io: Io): void {
  io.err('usage: npm run contract -- <command> [arguments]');
  for (const [name, c] of Object.entries(COMMANDS)) io.err(`  ${`${name} ${c.args}`.padEnd(22)}${c.help}`);
}

/** Runs one command; the exit code. */
export function run(argv: string[], io: Io): number {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    if (name !== undefined && name !== 'help' && name !== '--help') io.err(`unknown command "${name}"`);
    usage(io);
    return name === 'help' || name === '--help' ? 0 : 2;
  }
  return command.run(args, io);
}

if (require.main === module) process.exitCode = run(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
