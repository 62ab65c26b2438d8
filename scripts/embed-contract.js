/**
 * webpack loader run after scripts/contract-loader.js on each src/contracts/*.json: the checked, trimmed JSON text
 * becomes a module exporting the contract's header (id, title, district, unit, years, schedules: what the registry lists without
 * compiling) and the text itself as a string. The add-in parses and compiles a contract on its first use
 * (ContractRegistry.register in src/loader.ts; src/contracts/index.ts reads this shape), so neither start-up nor
 * JSON.parse at load time grows with the number of contracts bundled.
 */
module.exports = function embedContract(source) {
  const data = JSON.parse(source);
  const text = (v) => (typeof v === 'string' ? v : '');
  const header = {
    id: data.id, title: text(data.title), district: text(data.district), unit: text(data.unit), years: data.years.map(String),
    schedules: (data.schedules ?? []).map((s) => ({ id: text(s.id), title: text(s.title), kind: text(s.kind) })),
  };
  return `module.exports = ${JSON.stringify({ embeddedContract: header, text: source })};\n`;
};
