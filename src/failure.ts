/**
 * The one error convention of the engine: a method answers with its value or a Failure. A Failure carries
 * - code: what Excel shows. VALUE: the input is malformed or unknown. NA: valid input the contract gives no value for.
 * - reason: a machine-readable code that control flow may test (never the message text);
 * - message: for a person: why, the valid choices, the citation.
 */

/** Why there is no value, for code that must tell one failure from another. */
export type FailureReason =
  // the contract argument
  | 'no-default-contract' // no contract given and no workbook default chosen
  | 'unknown-contract' // not a contract of the registry
  | 'contract-failed-to-load' // a contract left out at start-up (its file: path: reason in the message)
  | 'bundled-contract' // one of the add-in's own contracts, where only a workbook's may be named (unloadContract)
  // the year
  | 'year-not-covered' // a well-formed year the contract's agreements do not cover
  | 'not-printed-for-year' // the contract covers the year but prints no such table or value for it
  // labels of a schedule, a stipend schedule, a term, a rate
  | 'unknown-lane'
  | 'unknown-step'
  | 'unknown-position'
  | 'unknown-activity'
  | 'unknown-role'
  | 'unknown-term'
  | 'unknown-rate'
  | 'unknown-schedule'
  | 'unknown-key'
  | 'unknown-proposal'
  // cells
  | 'closed-cell' // the schedule prints NONE
  | 'empty-cell' // the schedule leaves the cell empty
  // what the contract does not state
  | 'not-in-contract' // the contract has no such schedule, term, rule or rounding
  | 'no-single-amount' // a range, or an amount paid per unit
  | 'no-proposal' // the proposals table names no such proposal (for that contract)
  | 'not-eligible'
  // the arguments themselves
  | 'empty' // a required argument left empty
  | 'malformed' // text or a number that cannot be read as what the argument takes
  | 'out-of-range' // a number outside what the argument takes
  | 'range-for-scalar' // a range given where one cell is taken
  | 'too-large' // more rows than one call computes
  | 'excel-error'; // an Excel error value in an input cell

export class Failure {
  /** The reason defaults to the broadest one for the code; give the precise one wherever code may test it. */
  readonly reason: FailureReason;
  constructor(readonly code: 'VALUE' | 'NA', readonly message: string, reason?: FailureReason) {
    this.reason = reason ?? (code === 'VALUE' ? 'malformed' : 'not-in-contract');
  }

  /** The same failure with its message prefixed by where it happened (a roster row, a cell …). */
  at(where: string): Failure {
    return new Failure(this.code, `${where}: ${this.message}`, this.reason);
  }

  /** Plain data (what crosses the shared-runtime global, or JSON). */
  toJSON(): { failure: true; code: 'VALUE' | 'NA'; reason: FailureReason; message: string } {
    return { failure: true, code: this.code, reason: this.reason, message: this.message };
  }
}

export const isFailure = (v: unknown): v is Failure => v instanceof Failure;
