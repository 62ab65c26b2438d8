/**
 * What a roster costing answers (src/costing.ts costRoster): each employee's lines per year, the totals per year
 * with the increase split, and the problems; and what it is asked.
 */
import type { Placement } from '../roster';
import type { EmployerRates } from '../parameters';
import type { ComponentId, CostComponent } from './components';

/** The amount of each cost component (src/costing/components.ts), in dollars. */
export type ComponentAmounts = Record<ComponentId, number>;

export interface EmployeeYear extends ComponentAmounts {
  placement: Placement;
  // salary: annual pay on the schedule (× FTE), or hourly rate × hours; career: the part of salary above
  // the last regular step (career increment); the others as components.ts describes them
  salaryOnLastYear: number | null; // the same placement on last year's schedule (null in the first year)
  total: number;
  problems: string[];     // what could not be costed, with the reason (never a silent zero)
  readings: string[];     // how a clause was read for this line (an insurance maximum, a 403(b) tier), with citations
}

export interface YearTotals extends ComponentAmounts {
  year: string;
  employees: number;
  total: number;
  /** null in the first year */
  increase: number | null;
  scheduleImprovement: number | null;
  stepAndLane: number | null;
  otherPay: number | null;   // change in the "otherPay" components: off-schedule, stipends, longevity
  benefits: number | null;   // change in the "benefits" components: FICA, Medicare, pension, insurance, 403(b)
  packagePercent: number | null;
}

export interface CostResult {
  years: string[];
  /** per roster row, per year; made on first reading (COST and COMPARE read the totals alone), then a plain property */
  employees: EmployeeYear[][];
  totals: YearTotals[];
  /** total of the last year over the first, as a % */
  compoundedPercent: number | null;
  /** every line's problems, "id year: what", in the order of the lines; made on first reading, as `employees` */
  problems: string[];
  /** how many problems there are (COST's "Items not costed"), without making the list */
  problemCount: number;
  /** the cost components shown for this roster (optional ones only where a costed contract states them), in order */
  components: CostComponent[];
}

export interface CostOptions {
  years: string[];
  defaultContract?: string;
  rates: EmployerRates;
}
