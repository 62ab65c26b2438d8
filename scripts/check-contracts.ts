/** npm run check:contracts — prints the contract self-check report for the bundled contracts. */
import { checkContracts, createRegistry, formatFindings } from '../src';

const report = checkContracts(createRegistry().all());
console.log(formatFindings(report));
