/**
 * What a proposal is, as data: the years a negotiator puts on the table over a base year, and a proposals table as
 * the adapter read it from a sheet (functions/tables.ts readProposals). Types only, imported by the rule kinds
 * (src/rules/kind.ts) and by src/proposal.ts, so that no rule module depends on the engine through the proposal
 * code (engine -> loader -> rules -> proposal -> engine was a cycle).
 */

export interface ProposalYear {
  year: string;
  /** % added to every schedule cell (salary and hourly schedules) over the year before */
  schedulePercent?: number;
  /** $ added to every annual salary cell after the percent */
  scheduleDollars?: number;
  /** career increment % over the last step; default: the contract's latest */
  careerPercent?: number;
  /** steps at the start of the year (default 1) and half way through (default 0) */
  steps?: number;
  midYearSteps?: number;
  /** one-time off-schedule payment, % of the placement salary, prorated by FTE */
  offSchedulePercent?: number;
  /** % change of flat stipend amounts (percent-based stipends follow the schedule) */
  stipendPercent?: number;
  /** % change of the employer's insurance contribution */
  insurancePercent?: number;
  /** the sheet row this year came from, cited in the derived tables */
  row?: number;
}

export interface Proposal { name: string; contract: string; baseYear: string; years: ProposalYear[] }

/** The changes a proposals table may state for a year: the fields of a ProposalYear other than its year and row. */
export type ProposalChange = Exclude<keyof ProposalYear, 'year' | 'row'>;

/**
 * One row of a proposals table, read: the proposal it belongs to, the contract it is limited to (none: every
 * contract of the roster), the year and the changes it states. Plain data, so the pane can read a table and pass it.
 * A year or a change that cannot be read refuses the row's proposal only (`refused`, the reading policy's message):
 * one proposal's typo does not stop the costing of another.
 */
export interface ProposalRow extends ProposalYear {
  proposal: string;
  contract?: string;
  row: number;
  /** how the row's year and contract cells are named in messages: `proposals row 3, column 2 "year"` */
  where: { year: string; contract: string };
  /** why the row cannot be applied, naming the cell (its proposal is refused with this); absent when it reads */
  refused?: string;
}

/** A proposals table, read: its rows in sheet order, and whether it has a contract column. */
export interface ProposalTable { rows: ProposalRow[]; byContract: boolean }
