/**
 * webpack loader for the JSON data the add-in bundles. It ships what the add-in reads at run time and
 * leaves out what only people and the tests read; the files in the repository stay complete.
 *   src/contracts/*.json      less `readings` and the printed stipend dollar tables (read by the self-check)
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

module.exports = function contractLoader(source) {
  const data = JSON.parse(source);
  const kind = path.basename(path.dirname(this && this.resourcePath ? this.resourcePath : ''));
  if (kind === 'schema') return JSON.stringify(strip(data, DROP.schema));
  if (kind === 'parameters') return JSON.stringify(strip(data, DROP.parameters));
  delete data.readings;
  if (data.stipends) delete data.stipends.printed;
  return JSON.stringify(data);
};
