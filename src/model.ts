/**
 * The contract file format (what a district writes) and the compiled model (what the engine reads).
 * The JSON Schema in schema/contract.schema.json is the published definition of the file format;
 * these types mirror it.
 */

/** A citation into a source document: "file:line" or "file:first-last". */
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
  sources: { file: string; title: string }[];
  agreements: { term: string; years: string[]; cite: Cite; note?: string }[];
  years: string[];
  rounding: Record<string, RoundingRule>;
  schedules: ScheduleFile[];
  rules?: RulesFile;
}

export interface ScheduleFile {
  id: string;
  title: string;
  kind: 'annual' | 'hourly';
  rounding: string;
  cite: Cite;
  lanes: { label: string; aliases: string[] }[];
  lanesCite?: Cite;
  lanesNote?: string;
  steps: { label: string; aliases: string[]; kind?: 'step' | 'career'; eligibility?: Note }[];
  notes?: Note[];
  tables: { year: string; cite: Cite; title: string; rows: { printed: string; steps: string[]; cite: Cite; values: PrintedValue[] }[] }[];
}

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
export interface RulesFile {
  careerIncrement?: CareerIncrementRule[];
  scheduleIncrease?: ScheduleIncreaseRule[];
  stepPolicy?: StepPolicyRule[];
  offSchedulePayments?: OffSchedulePaymentRule[];
}

/** Cell status codes in a compiled grid. */
export const VALUE = 0;
export const EMPTY = 1;
export const CLOSED = 2;

/** One schedule of one year, compiled: a dense grid indexed [stepIndex * laneCount + laneIndex]. */
export interface CompiledTable {
  year: string;
  title: string;
  cite: Cite;
  values: Float64Array;       // NaN where there is no value
  status: Uint8Array;         // VALUE | EMPTY | CLOSED
  rowOfStep: Int32Array;      // step index -> index into rows, -1 when the year prints no row for the step
  rows: { printed: string; steps: number[]; cite: Cite }[];
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

export interface Contract {
  file: ContractFile;
  id: string;
  years: string[];
  schedules: CompiledSchedule[];
  scheduleById: Map<string, CompiledSchedule>;
  /** the schedule SALARY reads: the first annual schedule */
  salarySchedule: CompiledSchedule | undefined;
  /** file name the contract came from (bundled: the JSON file name) */
  origin: string;
}
