/** The contracts bundled with the add-in. Add a file here to ship another agreement. */
import waconiaTeachers from './waconia-teachers.json';
import anokaHennepinTeachers from './anoka-hennepin-teachers.json';
import waconiaCustodial from './waconia-custodial.json';

export const bundledContracts: { name: string; content: unknown }[] = [
  { name: 'waconia-teachers.json', content: waconiaTeachers },
  { name: 'anoka-hennepin-teachers.json', content: anokaHennepinTeachers },
  { name: 'waconia-custodial.json', content: waconiaCustodial },
];
