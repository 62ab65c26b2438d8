/**
 * The contracts bundled with the add-in. Add a file here to ship another agreement.
 *
 * In the add-in's bundle each import is what scripts/embed-contract.js makes of the file: its header (id, title,
 * district, unit, years) and its JSON text, which is parsed and compiled only when the contract is first used
 * (ContractRegistry.register). Where TypeScript imports JSON itself (jest, ts-node), each import is the parsed file.
 */
import waconiaTeachers from './waconia-teachers.json';
import anokaHennepinTeachers from './anoka-hennepin-teachers.json';
import waconiaCustodial from './waconia-custodial.json';
import { contractHeader } from '../loader';
import type { ContractHeader } from '../loader';

export interface BundledContract {
  name: string;
  /** the JSON text (in the bundle) or the parsed file (in Node) */
  content: string | unknown;
  /** read from the file without compiling it; undefined when the file lacks one */
  header: ContractHeader | undefined;
}

/** The shape scripts/embed-contract.js gives a bundled contract. */
interface Embedded {
  embeddedContract: ContractHeader;
  text: string;
}

const isEmbedded = (v: unknown): v is Embedded =>
  !!v && typeof v === 'object' && 'embeddedContract' in v && typeof (v as Embedded).text === 'string';

function bundled(name: string, imported: unknown): BundledContract {
  return isEmbedded(imported) ? { name, content: imported.text, header: imported.embeddedContract } : { name, content: imported, header: contractHeader(imported) };
}

export const bundledContracts: BundledContract[] = [
  bundled('waconia-teachers.json', waconiaTeachers),
  bundled('anoka-hennepin-teachers.json', anokaHennepinTeachers),
  bundled('waconia-custodial.json', waconiaCustodial),
];
