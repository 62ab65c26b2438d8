/**
 * The contract file format (what a district writes) and the compiled model (what the engine reads).
 * The JSON Schema in schema/contract.schema.json is the published definition of the file format;
 * these types mirror it.
 */

/**
 * A citation into a source document: "file:line", "file:first-last", or "file#locator" where the locator is the
 * section and page as the document prints them ("Art. IX Sec. 2, p. 14"). src/format.ts citeText renders one
 * for a reader: the document's title, then the section and page or the line.
 */
export type Cite = string;

export type RoundingMode = 'half-up' | 'half-even' | 'up' | 'down';
export interface RoundingRule { places: number; mode: RoundingMode; cite: Cite; note?: string }
export interface Note { text: string; cite: Cite }

/** A printed cell: an amount, null where the cell is empty, "NONE" where the document prints NONE. */
export type PrintedValue = number | null | 'NONE';

export interface ContractFile {
  schemaVersion: 1;
  id: string;
  district: string;
  unit: string;
  title: string;
  sources: { file: string; title: string; url?: string }[];
  agreements: { term: string; years: string[]; cite: Cite; note?: string }[];
  years: string[];
  rounding: Record<string, RoundingRule>;
  schedules: ScheduleFile[];
  rules?: RulesFile;
  stipends?: StipendsFile;
  terms?: TermFile[];
  rates?: RateFile[];
  readings?: Note[];
  payroll?: PayrollFile;
  roundingFor?: RoundingForFile;
  profile?: ProfileFile;
  prorate?: ProrateFile;
  severance?: SeveranceFile;
}

/*
 * Names the engine reads: each is a declared field, and its schema default (the name the engine used before
 * it was declared) applies where a file omits it. src/declared.ts reads them; the loader checks those a file gives.
 */
/** The rounding rule (a key of `rounding`) used for each computed amount. */
export interface RoundingForFile { proration?: string; severance?: string; wage?: string }
/** The lanes PROFILE reads as BA and MA. */
export interface ProfileFile { baLane?: string; maLane?: string; cite?: Cite; note?: string }
/** The rates PRORATE divides the salary by. */
export interface ProrateFile { dailyRate?: string; hourlyRate?: string; cite?: Cite; note?: string }
/** The terms and rate SEVERANCE reads. */
export interface SeveranceFile { maxDaysTerm?: string; dailyRate?: string; contributionLimitTerm?: string; cite?: Cite; note?: string }
/** The terms GROSS reads. */
export interface OvertimeFile {
  thresholdTerm?: string; multiplierTerm?: string; weekendMultiplierTerm?: string; holidayMultiplierTerm?: string;
  lateNightTerm?: string; differentialTerm?: string; cite?: Cite; note?: string;
}

/** Years a value applies to, with its citation. */
interface Dated { years: string[]; cite: Cite; note?: string }

export type StipendBasis =
  | (Dated & { kind: 'percent'; base: string; percents: number[] })
  | (Dated & { kind: 'amount'; amounts: number[] })
  | (Dated & { kind: 'range'; min: number; max: number })
  | (Dated & { kind: 'perUnit'; rate: number; unit: string; max?: number })
  | (Dated & { kind: 'prorated'; amount: number; fullAt: number; unit: string });

export interface StipendItemFile {
  activity: string; activityAliases?: string[]; role: string; roleAliases?: string[]; group?: string;
  cite: Cite; note?: string; terms: StipendBasis[];
}
export interface StipendBonusFile {
  id: string; title: string; amount: number; automatic: boolean; minYears?: number; years?: string[];
  appliesTo: { activity: string; role?: string }[]; cite: Cite; note?: string;
}
/** Items (by group) a proration clause covers. */
export interface StipendProrationFile { groups: string[]; cite: Cite; note?: string }
export interface StipendsFile {
  title: string; cite: Cite; note?: string; rounding: string;
  proration?: { partialSeason?: StipendProrationFile; partTime?: StipendProrationFile };
  experienceSteps: { label: string; fromYear: number; toYear?: number; cite?: Cite }[];
  bases?: { id: string; title: string; schedule: string; lane: string; step: string; cite: Cite; printed?: { year: string; amount: number; cite: Cite }[] }[];
  addOns?: { step: string; over: string; amount: number; cite: Cite }[];
  items: StipendItemFile[];
  bonuses?: StipendBonusFile[];
  printed?: { year: string; cite: Cite; title?: string; rows: { activity: string; role: string; amounts: (number | null)[]; cite: Cite }[] }[];
}

export interface TermValueFile {
  years: string[]; key?: string; keyAliases?: string[]; minYears?: number; amount: number; max?: number; range?: boolean; cite: Cite; note?: string;
  /** a tier by seniority date: for employees whose seniority date is before this ISO date */
  seniorityBefore?: string;
  /** set by a proposal: this earlier year's value, carried into a year the agreement does not state */
  keptFrom?: string;
  /** a value that takes effect inside the school year on this ISO date (the first of a month) */
  from?: string;
  /** an FTE band: the value applies from fteFrom to fteTo, both inclusive */
  fteFrom?: number;
  fteTo?: number;
}
/** What a term's amount counts (the schema's enumeration). */
export type TermUnit = 'USD' | 'USD/day' | 'USD/event' | 'USD/hour' | 'USD/month' | 'USD/year' | 'count' | 'days' | 'hours' | 'multiplier' | 'percent';
export interface TermFile {
  id: string; title: string; unit: TermUnit; group?: string; keyName?: string; positions?: string[]; cite: Cite; note?: string; values: TermValueFile[];
  /** a monthly premium the contract pays at the overtime rate past the threshold: GROSS counts it in the basic rate */
  inOvertimeRate?: Cite;
}
export interface RateFile {
  id: string; title: string; of: string; divisor: number; rounding: string;
  max?: { years: string[]; amount: number; cite: Cite }[]; cite: Cite; note?: string;
}

export interface ScheduleFile {
  id: string;
  title: string;
  kind: 'annual' | 'hourly' | 'range';
  /** a range schedule: whether its amounts are annual salaries or hourly rates */
  pay?: 'annual' | 'hourly';
  /** other names the schedule argument of SALARY and the lists accepts */
  aliases?: string[];
  rounding: string;
  cite: Cite;
  lanes: { label: string; aliases: string[] }[];
  lanesCite?: Cite;
  lanesNote?: string;
  steps: { label: string; aliases: string[]; kind?: 'step' | 'career' | 'min' | 'max'; eligibility?: Note }[];
  notes?: Note[];
  axisNames?: { lane?: string; step?: string };
  tables: { year: string; cite: Cite; title: string; rows: ScheduleRowFile[] }[];
}

/** A printed row: either one step across all lanes (teachers' layout) or one lane across all steps (a position's row). */
export interface ScheduleRowFile { printed: string; steps?: string[]; lanes?: string[]; cite: Cite; values: PrintedValue[] }

export interface CareerIncrementRule {
  schedule: string; step: string; baseStep: string; lanes: string[]; years: string[];
  percent: number; rounding: string; cite: Cite; note?: string;
}
export interface ScheduleIncreaseRule {
  schedule: string; year: string; from: string; percent: number; rounding: string; cite: Cite; note?: string;
}
export interface StepPolicyRule { year: string; steps: number; midYearSteps?: number; lanes?: boolean; cite: Cite; note?: string }
export interface OffSchedulePaymentRule {
  year: string; percent: number; of?: string; asOf?: string; paid?: string; prorate: 'fte' | 'none'; condition?: string; cite: Cite;
}
export interface TermIncreaseRule {
  term: string; key?: string; year: string; from: string; percent: number; rounding: string; cite: Cite; note?: string;
}
/** A schedule stated as a base salary × an index per step and lane (see rules/index-ratio.ts). */
export interface IndexRatioRule {
  schedule: string;
  /** the base of each year it states */
  bases: { year: string; amount: number; cite: Cite; note?: string }[];
  /** one row per step: a ratio per lane, null where the step does not pay the lane */
  index: { step: string; ratios: (number | null)[] }[];
  /** rounding of each cell (base × index) */
  rounding: string;
  /** rounding of a base a proposal raises */
  baseRounding: string;
  cite: Cite;
  note?: string;
}
export interface StepCreditRule { years: string[]; minFte: number; credit: number | 'fte'; cite: Cite; note?: string }
export interface CareerPromotionRule { schedule?: string; year: string; from: string; to: string; seniorityBefore: string; lanes?: string[]; cite: Cite; note?: string; keptFrom?: string }
export interface InsuranceCoverage { coverage: string; aliases?: string[]; term?: string; premiumShare?: string; cite: Cite; note?: string }
export interface PayrollFile {
  retirement?: string;
  /** `term` keyed by coverage, or `coverages`: one entry per coverage, an amount term or a share of an unstated premium */
  insurance?: {
    term?: string; months: number; cite?: Cite; note?: string;
    coverages?: InsuranceCoverage[];
    /** a percent term keyed by FTE bands, or the FTE itself (prorate: 'fte') */
    partTimeShare?: { term?: string; prorate?: 'fte'; minFte: number; cite: Cite; note?: string };
  };
  overtime?: OvertimeFile;
  match?: { term: string; cite?: Cite; note?: string; eligibility?: { minFte: number; prorate: 'fte' | 'none'; cite: Cite; note?: string } };
  /** longevity pay: a term tiered by years of service (minYears), costed each year from the roster's years of service */
  longevity?: { term: string; cite: Cite };
  cite?: Cite;
  note?: string;
}
export interface RulesFile {
  termIncrease?: TermIncreaseRule[];
  stepCredit?: StepCreditRule[];
  careerPromotion?: CareerPromotionRule[];
  careerIncrement?: CareerIncrementRule[];
  scheduleIncrease?: ScheduleIncreaseRule[];
  stepPolicy?: StepPolicyRule[];
  offSchedulePayments?: OffSchedulePaymentRule[];
  indexRatio?: IndexRatioRule[];
}

/** Cell status codes in a compiled grid. */
export const VALUE = 0;
export const EMPTY = 1;
export const CLOSED = 2;
/** no printed value, but a stated rule (career increment) gives one */
export const DERIVED = 3;

/** One schedule of one year, compiled: a dense grid indexed [stepIndex * laneCount + laneIndex]. */
export interface CompiledTable {
  year: string;
  title: string;
  cite: Cite;
  values: Float64Array;       // NaN where there is no value
  status: Uint8Array;         // VALUE | EMPTY | CLOSED | DERIVED
  /** the citation of each cell: its printed row, or the rule that derives it */
  cites: string[];
  /** printed rows; for teacher-layout tables each answers for `steps`, for position rows for `lanes` */
  rows: { printed: string; steps: number[]; lanes: number[]; cite: Cite }[];
  /** printed row answering for each step (teacher layout), -1 when none */
  rowOfStep: Int32Array;
}

export interface CompiledSchedule {
  file: ScheduleFile;
  id: string;
  laneLabels: string[];
  stepLabels: string[];
  laneIndex: Map<string, number>;  // normalised label or alias -> lane index
  stepIndex: Map<string, number>;
  laneCache: Map<string, number>;  // argument exactly as typed -> lane index, -1 when unknown
  stepCache: Map<string, number>;
  tables: Map<string, CompiledTable>; // canonical year -> table
}

export interface CompiledStipendItem { file: StipendItemFile; activity: string; role: string }
export interface CompiledStipends {
  file: StipendsFile;
  /** normalised activity name or alias -> (normalised role or alias -> item) */
  activities: Map<string, Map<string, CompiledStipendItem>>;
  activityLabels: string[];
}
export interface CompiledTerm {
  file: TermFile;
  /** normalised key or alias -> canonical key */
  keys: Map<string, string>;
  keyLabels: string[];
  tiered: boolean;
}

export interface Contract {
  file: ContractFile;
  id: string;
  years: string[];
  schedules: CompiledSchedule[];
  scheduleById: Map<string, CompiledSchedule>;
  /** normalised schedule id, title or alias -> schedule (SALARY's schedule argument) */
  scheduleByName: Map<string, CompiledSchedule>;
  /** the min-max range schedules (CONTRACT.RANGE) */
  rangeSchedules: CompiledSchedule[];
  /** the schedule SALARY reads: the first annual schedule */
  salarySchedule: CompiledSchedule | undefined;
  hourlySchedules: CompiledSchedule[];
  stipends: CompiledStipends | undefined;
  terms: Map<string, CompiledTerm>;
  rates: Map<string, RateFile>;
  /** file name the contract came from (bundled: the JSON file name) */
  origin: string;
}
