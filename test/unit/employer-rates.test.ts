/**
 * src/parameters/employer-rates.json: employer-side payroll rates as dated parameters, each value with its
 * public source. These tests check the file's own promises: every value carries a source whose quote prints
 * the figure, the figure is the value, date ranges are ordered and do not overlap, and the spot values are the
 * ones the quotes state (SSA, TRA and PERA pages; see each entry's url).
 */
import * as fs from 'fs';
import * as path from 'path';

interface Source { title: string; url: string; quote: string; figure: string }
interface Related { title: string; url: string; quote: string }
interface RateValue { from: string; to: string | null; percent: number; source: Source; corroboration?: Source[]; related?: Related[]; note?: string; caveat?: string }
interface AmountValue { year: number; amount: number; source: Source; corroboration?: Source[]; note?: string }
interface Parameter { id: string; title: string; unit: 'percent' | 'USD'; appliesTo: string; period: string; values: (RateValue | AmountValue)[] }
interface RatesFile { note: string; parameters: Parameter[]; unsourced: { parameter: string; missing: string }[]; conflicts: { parameter: string; note: string }[] }

const FILE = path.join(__dirname, '../../src/parameters/employer-rates.json');
const text = fs.readFileSync(FILE, 'utf8');
const data: RatesFile = JSON.parse(text);

const param = (id: string): Parameter => {
  const p = data.parameters.find((x) => x.id === id);
  if (!p) throw new Error(`no parameter ${id}`);
  return p;
};
const rates = (id: string) => param(id).values as RateValue[];
const amounts = (id: string) => param(id).values as AmountValue[];
const percentParams = () => data.parameters.filter((p) => p.unit === 'percent');

/** "$168,600" -> 168600, "8.75%" -> 8.75, "7.5 percent" -> 7.5, "6.20" -> 6.2 */
const numberIn = (figure: string) => {
  const s = figure.replace(/percent/g, '').replace(/[$,%\s]/g, '');
  expect(s).toMatch(/^\d+(\.\d+)?$/);
  return Number(s);
};
const sourcesOf = (v: RateValue | AmountValue): Source[] => [v.source, ...(v.corroboration ?? [])];
const valueOf = (v: RateValue | AmountValue) => ('percent' in v ? v.percent : v.amount);

/** the rate in force on an ISO date, or undefined where the file has no sourced value */
function rateOn(id: string, date: string): number | undefined {
  const hits = rates(id).filter((v) => v.from <= date && (v.to === null || date <= v.to));
  expect(hits.length).toBeLessThanOrEqual(1);
  return hits[0]?.percent;
}
const baseFor = (year: number) => amounts('fica-oasdi-wage-base').find((v) => v.year === year)?.amount;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => ISO.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

describe('employer-rates.json: shape', () => {
  test('the file parses and has the five parameters', () => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(typeof data.note).toBe('string');
    expect(data.parameters.map((p) => p.id).sort()).toEqual(
      ['fica-oasdi-employer', 'fica-oasdi-wage-base', 'medicare-employer', 'pera-employer', 'tra-employer'].sort(),
    );
    for (const p of data.parameters) {
      expect(p.title).toBeTruthy();
      expect(p.appliesTo).toBeTruthy();
      expect(p.period).toBeTruthy();
      expect(['percent', 'USD']).toContain(p.unit);
      expect(p.values.length).toBeGreaterThan(0);
    }
  });

  test('ids are unique', () => {
    const ids = data.parameters.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('"unsourced" and "conflicts" name parameters of the file and say what is missing or why', () => {
    const ids = new Set(data.parameters.map((p) => p.id));
    expect(Array.isArray(data.unsourced)).toBe(true);
    expect(Array.isArray(data.conflicts)).toBe(true);
    for (const u of data.unsourced) {
      expect(ids.has(u.parameter)).toBe(true);
      expect(u.missing.length).toBeGreaterThan(20);
    }
    for (const c of data.conflicts) {
      expect(ids.has(c.parameter)).toBe(true);
      expect(c.note.length).toBeGreaterThan(20);
    }
  });
});

describe('employer-rates.json: every value has a source that prints it', () => {
  const all = data.parameters.flatMap((p) => p.values.map((v, i) => [`${p.id}[${i}]`, p, v] as const));

  test.each(all)('%s: source and corroboration have a title, an https URL and a quote containing the figure', (_name, _p, v) => {
    for (const s of sourcesOf(v)) {
      expect(s.title.trim().length).toBeGreaterThan(5);
      expect(new URL(s.url).protocol).toBe('https:');
      expect(s.quote.trim().length).toBeGreaterThan(0);
      expect(s.figure.trim().length).toBeGreaterThan(0);
      expect(s.quote).toContain(s.figure);
    }
  });

  test.each(all)('%s: the figure in each quote is the value', (_name, _p, v) => {
    for (const s of sourcesOf(v)) expect(numberIn(s.figure)).toBe(valueOf(v));
  });

  test('related sources (consulted, no figure) have https URLs', () => {
    for (const p of percentParams())
      for (const v of p.values as RateValue[])
        for (const r of v.related ?? []) {
          expect(new URL(r.url).protocol).toBe('https:');
          expect(r.quote.length).toBeGreaterThan(0);
        }
  });
});

describe('employer-rates.json: dates and ranges', () => {
  test.each(percentParams().map((p) => [p.id, p] as const))('%s: percent values are between 0 and 20', (_id, p) => {
    for (const v of p.values as RateValue[]) {
      expect(typeof v.percent).toBe('number');
      expect(v.percent).toBeGreaterThan(0);
      expect(v.percent).toBeLessThan(20);
    }
  });

  test.each(percentParams().map((p) => [p.id, p] as const))('%s: ranges are valid dates, ordered and do not overlap', (_id, p) => {
    const vs = p.values as RateValue[];
    vs.forEach((v, i) => {
      expect(isDate(v.from)).toBe(true);
      if (v.to !== null) {
        expect(isDate(v.to)).toBe(true);
        expect(v.from <= v.to).toBe(true);
      } else {
        expect(i).toBe(vs.length - 1); // only the last range may be open
      }
      if (i > 0) {
        const prev = vs[i - 1];
        expect(prev.to).not.toBeNull();
        expect(prev.to! < v.from).toBe(true);
      }
    });
  });

  test('TRA ranges follow the fiscal year: they start on July 1 and end on June 30', () => {
    for (const v of rates('tra-employer')) {
      expect(v.from.slice(5)).toBe('07-01');
      if (v.to) expect(v.to.slice(5)).toBe('06-30');
    }
  });

  test('wage base: one whole-dollar amount per calendar year, years increasing', () => {
    const vs = amounts('fica-oasdi-wage-base');
    vs.forEach((v, i) => {
      expect(Number.isInteger(v.year)).toBe(true);
      expect(Number.isInteger(v.amount)).toBe(true);
      expect(v.amount).toBeGreaterThan(50000);
      expect(v.amount).toBeLessThan(300000);
      if (i > 0) {
        expect(v.year).toBeGreaterThan(vs[i - 1].year);
        expect(v.amount).toBeGreaterThanOrEqual(vs[i - 1].amount); // never decreased over 2005-2026
      }
    });
  });
});

describe('employer-rates.json: spot values equal what the quotes say', () => {
  test('OASDI employer 6.2% and Medicare employer 1.45%, in 2005 and in 2026', () => {
    for (const d of ['2005-07-01', '2006-06-30', '2023-07-01', '2026-06-30', '2027-06-30']) {
      expect(rateOn('fica-oasdi-employer', d)).toBe(6.2);
      expect(rateOn('medicare-employer', d)).toBe(1.45);
    }
  });

  test('OASDI wage base by calendar year (SSA)', () => {
    expect(baseFor(2005)).toBe(90000);
    expect(baseFor(2006)).toBe(94200);
    expect(baseFor(2007)).toBe(97500);
    expect(baseFor(2023)).toBe(160200);
    expect(baseFor(2024)).toBe(168600);
    expect(baseFor(2025)).toBe(176100);
    expect(baseFor(2026)).toBe(184500);
  });

  test('the 2027 wage base is not yet announced: no value, and it is listed as unsourced', () => {
    expect(baseFor(2027)).toBeUndefined();
    expect(data.unsourced.some((u) => u.parameter === 'fica-oasdi-wage-base' && /2027/.test(u.missing))).toBe(true);
  });

  test('TRA Coordinated employer rate for the 2023-27 contract years', () => {
    expect(rateOn('tra-employer', '2023-07-01')).toBe(8.75); // FY2024
    expect(rateOn('tra-employer', '2024-07-01')).toBe(8.75); // FY2025
    expect(rateOn('tra-employer', '2025-06-30')).toBe(8.75); // last day of FY2025
    expect(rateOn('tra-employer', '2025-07-01')).toBe(9.5); // FY2026
    expect(rateOn('tra-employer', '2026-07-01')).toBe(9.5); // FY2027, TRA: "7/1/2025 and after" (caveat in the file)
  });

  test('TRA FY2025 source prints 8.75% for 7/1/2023 through 6/30/2025', () => {
    const fy2025 = rates('tra-employer').find((v) => v.from <= '2024-07-01' && v.to !== null && '2025-06-30' <= v.to)!;
    expect(fy2025.source.quote).toContain('7/1/2023 through 6/30/2025 8.75%');
    expect(fy2025.source.url).toBe('https://minnesotatra.org/employers/');
  });

  test('TRA for the 2005-07 contract years and the later schedule steps', () => {
    expect(rateOn('tra-employer', '2005-07-01')).toBe(5); // FY2006 (secondary source, caveat in the file)
    expect(rateOn('tra-employer', '2006-07-01')).toBe(5); // FY2007
    expect(rateOn('tra-employer', '2011-07-01')).toBe(6);
    expect(rateOn('tra-employer', '2018-07-01')).toBe(7.71);
    expect(rateOn('tra-employer', '2022-07-01')).toBe(8.55);
  });

  test('values the file could not source are absent, not defaulted', () => {
    expect(rateOn('tra-employer', '2008-07-01')).toBeUndefined(); // FY2009: listed under unsourced
    expect(rateOn('pera-employer', '2006-01-01')).toBeUndefined(); // PERA total before 2015: listed under unsourced
    expect(data.unsourced.some((u) => u.parameter === 'tra-employer' && /FY2008/.test(u.missing))).toBe(true);
    expect(data.unsourced.some((u) => u.parameter === 'pera-employer' && /2005/.test(u.missing))).toBe(true);
  });

  test('PERA General Plan Coordinated employer total 7.5% from January 1, 2015 (calendar-year changes)', () => {
    expect(rateOn('pera-employer', '2014-12-31')).toBeUndefined();
    expect(rateOn('pera-employer', '2015-01-01')).toBe(7.5);
    expect(rateOn('pera-employer', '2023-07-01')).toBe(7.5);
    expect(rateOn('pera-employer', '2026-06-30')).toBe(7.5);
    expect(param('pera-employer').period).toMatch(/January 1/);
  });

  test('open-ended and secondary-source values carry a caveat for the lead to check', () => {
    const tra = rates('tra-employer');
    expect(tra[tra.length - 1].caveat).toMatch(/2025 c 37 art 13 s 2/);
    expect(tra[0].caveat).toMatch(/Secondary source/);
    expect(rates('pera-employer')[0].caveat).toMatch(/July 1, 2026/);
  });
});
