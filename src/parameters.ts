/**
 * Employer payroll rates the costing needs and the contracts do not state: Social Security and Medicare
 * (federal), TRA and PERA employer contributions (Minnesota). Each value is dated and carries its public
 * source (src/parameters/employer-rates.json); a user can override any rate for a costing, and a year
 * with no sourced value is reported as not costed, never filled with a default.
 */
export interface RateSource { title: string; url: string; quote?: string }
export interface DatedPercent { from: string; to: string | null; percent: number; source: RateSource }
export interface YearAmount { year: number; amount: number; source: RateSource }
export interface RateParameter {
  id: string;
  title: string;
  unit: string;
  appliesTo?: string;
  period?: string;
  values: (DatedPercent | YearAmount)[];
}
export interface EmployerRatesFile { note?: string; parameters: RateParameter[]; unsourced?: unknown[] }

export interface YearRates {
  oasdi: number | null;
  oasdiWageBase: number | null;
  medicare: number | null;
  pension(id: string): number | null;
  /** what has no sourced value for the year */
  missing: string[];
  /** where each rate used came from */
  sources: Record<string, string>;
}

export interface EmployerRates {
  forYear(year: string): YearRates;
}

/** The school year "2025-26" runs July 1, 2025 to June 30, 2026; a rate in force on July 1 applies to it. */
function yearStart(year: string): string {
  return `${year.slice(0, 4)}-07-01`;
}

/**
 * Rates for each school year: the value in force on the year's first day (July 1); the Social Security wage
 * base of the calendar year in which the school year starts. `overrides` (percent or amount by parameter id)
 * replace sourced values for every year.
 */
export function employerRates(file: EmployerRatesFile, overrides: Record<string, number> = {}): EmployerRates {
  const byId = new Map(file.parameters.map((p) => [p.id, p]));
  const percentOn = (id: string, date: string): { value: number; source: string } | null => {
    if (overrides[id] !== undefined) return { value: overrides[id], source: 'set by the user' };
    const p = byId.get(id);
    const v = p?.values.find((x): x is DatedPercent => 'from' in x && x.from <= date && (x.to === null || date <= x.to));
    return v ? { value: v.percent, source: `${v.source.title} (${v.source.url})` } : null;
  };
  const cache = new Map<string, YearRates>();
  return {
    forYear(year: string): YearRates {
      const hit = cache.get(year);
      if (hit) return hit;
      const date = yearStart(year);
      const missing: string[] = [];
      const sources: Record<string, string> = {};
      const get = (id: string) => {
        const r = percentOn(id, date);
        if (r) sources[id] = r.source;
        else missing.push(`no sourced ${id} rate in force on ${date}`);
        return r ? r.value : null;
      };
      const baseId = 'fica-oasdi-wage-base';
      let oasdiWageBase: number | null = null;
      if (overrides[baseId] !== undefined) oasdiWageBase = overrides[baseId];
      else {
        const v = byId.get(baseId)?.values.find((x): x is YearAmount => 'year' in x && x.year === Number(year.slice(0, 4)));
        if (v) {
          oasdiWageBase = v.amount;
          sources[baseId] = `${v.source.title} (${v.source.url})`;
        }
      }
      const r: YearRates = {
        oasdi: get('fica-oasdi-employer'),
        oasdiWageBase,
        medicare: get('medicare-employer'),
        pension: (id: string) => {
          const v = percentOn(id, date);
          if (v) sources[id] = v.source;
          return v ? v.value : null;
        },
        missing,
        sources,
      };
      cache.set(year, r);
      return r;
    },
  };
}
