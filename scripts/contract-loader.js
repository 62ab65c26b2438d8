/**
 * webpack loader for the JSON data the add-in bundles. It ships what the add-in reads at run time and
 * leaves out what only people and the tests read; the files in the repository stay complete.
 *   src/contracts/*.json      checked first by the add-in's own loader (src/loader.ts, every check a district's
 *                             file gets): a bad file fails the build with the loader's `file: path: reason` lines.
 *                             Shipped less `readings` and the printed stipend dollar tables (read by the self-check),
 *                             then embedded as text by scripts/embed-contract.js (parsed on first use)
 *   src/schema/*.json         less `description` (documentation for people writing contract files)
 *   src/parameters/*.json     less the quotes, corroborating sources and notes behind each rate (the
 *                             title and address of each source stay, and are shown with the rate)
 */
const path = require('path');

const DROP = {
  schema: new Set(['description']),
  parameters: new Set(['quote', 'figure', 'corroboration', 'conflicts', 'unsourced', 'note']),
};

function strip(value, keys) {
  return JSON.parse(JSON.stringify(value, (k, v) => (keys.has(k) ? undefined : v)));
}

/** src/loader.ts: required as is where TypeScript is already understood (jest), else through ts-node. */
function contractChecker() {
  try {
    return require('../src/loader');
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
    return require('../src/loader');
  }
}

/**
 * Throws when a bundled contract file would be refused at run time: the build fails with the loader's message.
 * (The add-in then compiles each bundled file on first use without repeating the checks; see createRegistry in src/index.ts.)
 */
function checkContract(source, file) {
  const { compileContract, ContractLoadError } = contractChecker();
  try {
    compileContract(source, file);
  } catch (e) {
    if (!(e instanceof ContractLoadError)) throw e;
    const error = new Error(`${file} is not a valid contract file; the add-in would refuse it:\n${e.message}`);
    error.stack = error.message; // the problems are the message; webpack need not print where this loader threw
    throw error;
  }
}

module.exports = function contractLoader(source) {
  const resource = this && this.resourcePath ? this.resourcePath : '';
  const kind = path.basename(path.dirname(resource));
  if (kind === 'schema') return JSON.stringify(strip(JSON.parse(source), DROP.schema));
  if (kind === 'parameters') return JSON.stringify(strip(JSON.parse(source), DROP.parameters));
  checkContract(source, path.basename(resource));
  const data = JSON.parse(source);
  delete data.readings;
  if (data.stipends) delete data.stipends.printed;
  return JSON.stringify(data);
};
