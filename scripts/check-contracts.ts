/**
 * npm run check:contracts [-- [--only] more.json ...]
 * Loads the bundled contracts (and any contract files named on the command line, all-or-nothing),
 * then prints the self-check report: every cell a stated rule derives, compared with the printed value.
 * With --only, the bundled contracts are left out and only the named files are loaded and checked.
 * Exit code 1 when a file is rejected; findings are reported, not failures (the documents are what they are).
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkContracts, ContractLoadError, ContractRegistry, createRegistry, formatFindings } from '../src';

const args = process.argv.slice(2);
const only = args.includes('--only');
const files = args.filter((a) => a !== '--only');
const registry = only ? new ContractRegistry() : createRegistry();
// the bundled files load one by one (a bad one is left out, as at the add-in's start-up): here a bad one is an error
for (const f of registry.failed()) console.error(`rejected: ${f.error.message}`);
if (registry.failed().length) process.exit(1);
try {
  const loaded = registry.load(files.map((f) => ({ name: path.basename(f), content: fs.readFileSync(f, 'utf8') })));
  for (const c of loaded) console.log(`loaded ${c.id} from ${c.origin}: ${c.schedules.length} schedule(s), years ${c.years.join(', ')}`);
} catch (e) {
  if (e instanceof ContractLoadError) {
    console.error(`rejected: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
console.log(formatFindings(checkContracts(registry)));
