/**
 * Names the engine reads from a contract file: which lanes PROFILE reads as BA and MA, which rounding rule
 * prorates, which terms GROSS and SEVERANCE read, which rates PRORATE divides by. Each is a declared field of
 * the file (src/schema/contract.schema.json: profile, roundingFor, prorate, severance, payroll.overtime);
 * where a file omits one, the schema's `default` applies, read from the schema itself so that the default is
 * written once. The loader checks every name a file declares (a lane, rule, term or rate that exists).
 */
import type { ContractFile, OvertimeFile, ProfileFile, ProrateFile, RoundingForFile, RoundingRule, SeveranceFile } from './model';
import contractSchema from './schema/contract.schema.json';

interface Sections { profile: ProfileFile; roundingFor: RoundingForFile; prorate: ProrateFile; severance: SeveranceFile; overtime: OvertimeFile }
type Section = keyof Sections;
/** the declared-name fields of a section (its other fields are citations and notes) */
type NameField<S extends Section> = Exclude<keyof Sections[S], 'cite' | 'note'> & string;

const definitions = (contractSchema as unknown as { definitions: Record<string, { properties: Record<string, { default?: string }> }> }).definitions;

/** The schema's default of a declared name. */
export function defaultName<S extends Section>(section: S, field: NameField<S>): string {
  const d = definitions[section]?.properties[field]?.default;
  if (typeof d !== 'string') throw new Error(`the contract schema gives no default for ${section}.${field}`);
  return d;
}

function sectionOf<S extends Section>(f: ContractFile, section: S): Sections[S] | undefined {
  return (section === 'overtime' ? f.payroll?.overtime : f[section as Exclude<Section, 'overtime'>]) as Sections[S] | undefined;
}

/** The name a contract declares for a field, or the schema's default. */
export function declaredName<S extends Section>(f: ContractFile, section: S, field: NameField<S>): string {
  const v = sectionOf(f, section)?.[field as keyof Sections[S]];
  return typeof v === 'string' ? v : defaultName(section, field);
}

/** Where a declared name is written in a file, for messages: "payroll.overtime.multiplierTerm". */
export const declaredPath = (section: Section, field: string) => `${section === 'overtime' ? 'payroll.overtime' : section}.${field}`;

/** The rounding rule a contract uses for a computed amount (`roundingFor`), or undefined when it declares none. */
export function roundingFor(f: ContractFile, role: keyof RoundingForFile): RoundingRule | undefined {
  const id = declaredName(f, 'roundingFor', role);
  return Object.prototype.hasOwnProperty.call(f.rounding, id) ? f.rounding[id] : undefined;
}

/** Every declared-name field, for the loader's check: [section, field, what it names]. */
export const DECLARED_NAMES: { section: Section; field: string; names: 'lane' | 'rounding' | 'rate' | 'term' }[] = [
  { section: 'profile', field: 'baLane', names: 'lane' },
  { section: 'profile', field: 'maLane', names: 'lane' },
  { section: 'roundingFor', field: 'proration', names: 'rounding' },
  { section: 'roundingFor', field: 'severance', names: 'rounding' },
  { section: 'roundingFor', field: 'wage', names: 'rounding' },
  { section: 'prorate', field: 'dailyRate', names: 'rate' },
  { section: 'prorate', field: 'hourlyRate', names: 'rate' },
  { section: 'severance', field: 'maxDaysTerm', names: 'term' },
  { section: 'severance', field: 'dailyRate', names: 'rate' },
  { section: 'severance', field: 'contributionLimitTerm', names: 'term' },
  { section: 'overtime', field: 'thresholdTerm', names: 'term' },
  { section: 'overtime', field: 'multiplierTerm', names: 'term' },
  { section: 'overtime', field: 'weekendMultiplierTerm', names: 'term' },
  { section: 'overtime', field: 'holidayMultiplierTerm', names: 'term' },
  { section: 'overtime', field: 'lateNightTerm', names: 'term' },
  { section: 'overtime', field: 'differentialTerm', names: 'term' },
];

/** The value a file gives a declared-name field (not its default), if it gives one. */
export function givenName(f: ContractFile, section: Section, field: string): string | undefined {
  const v = (sectionOf(f, section) as Record<string, unknown> | undefined)?.[field];
  return typeof v === 'string' ? v : undefined;
}
