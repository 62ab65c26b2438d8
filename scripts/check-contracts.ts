/**
 * npm run check:contracts [-- more.json ...]
 * Loads the bundled contracts (and any contract files named on the command line, all-or-nothing),
 * then prints the self-check report: every cell a stated rule derives, compared with the printed value.
 * Exit code 1 when a file is rejected; findings are reported, not failures (the documents are what they are).
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkContracts, ContractLoadError, createRegistry, formatFindings } from '../src';

const registry = createRegistry();
const files = process.argv.slice(2);
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
console.log(formatFindings(checkContracts(registry.all())));
