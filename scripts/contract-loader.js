/**
 * webpack loader for src/contracts/*.json: ships what the add-in reads at run time and leaves out what
 * only the contract self-check reads (`readings`, the printed stipend dollar tables). The files in the
 * repository stay complete; `npm run check:contracts` and the tests read them in full.
 */
module.exports = function contractLoader(source) {
  const contract = JSON.parse(source);
  delete contract.readings;
  if (contract.stipends) delete contract.stipends.printed;
  return JSON.stringify(contract);
};
