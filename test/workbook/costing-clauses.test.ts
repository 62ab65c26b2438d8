/**
 * The benefit clauses and the mid-year step through the BUILT dist/functions.js in a formula engine, as a
 * workbook calls PROJECT, COST and AUDIT. Each expected figure is worked by hand from the clause cited:
 *   Anoka-Hennepin family coverage: $768 a month in 2005-06, $870 in 2006-07 (001_568af6eb86bfbaf6.txt:469), × 12,
 *     × the contract share for part time from 40% (001:461-463); single coverage: 100% of a premium not stated (001:467);
 *   Anoka-Hennepin 403(b): tiers by seniority date, 2005-06 dates at 001:884, 2006-07 dates at 001:886, from 40% FTE (001:882);
 *   Waconia 403(b) 2025-26, continuing contract, 9-12 years: $1,500 (004_95c67c5f7895ec64.txt:4745), pro rata from half time (004:2837);
 *   Waconia 2026-27 BA+15 D 53,013 (004:4990), E 54,523 (004:4991), an extra step half way through the year (004:5012).
 */
import type { HyperFormula } from 'hyperformula';
import { hyperformula, loadBundle, registerPlugin } from '../support/excel-shim';

let hf: HyperFormula;
const sheet = (name: string) => hf.getSheetValues(hf.getSheetId(name)!) as unknown[][];
const rowOf = (name: string, label: string) => sheet(name).find((r) => r[0] === label)!.slice(1);

beforeAll(() => {
  registerPlugin(loadBundle());
  hf = hyperformula({
    Roster: [
      ['id', 'lane', 'step', 'fte', 'seniority', 'coverage', 'match'],
      ['A1', 'MA', '5', 1, '1990-01-01', 'Family', ''],
      ['A2', 'MA', '5', 0.6, '2003-08-25', 'Family', ''],
      ['A3', 'MA', '5', 1, '1987-05-01', 'Single', ''],
      ['A4', 'BA', '2', 0.3, '1980-01-01', '', ''],
    ],
    Waconia: [
      ['id', 'lane', 'step', 'fte', 'years', 'match'],
      ['W1', 'MA', 'E', 0.6, 10, 'Continuing contract'],
      ['W2', 'MA', 'E', 1, 10, 'Continuing contract'],
    ],
    Cost: [['=CONTRACT.COST(Roster!A1:G5,"2005-06:2006-07","anoka-hennepin/teachers")']],
    Project: [['=CONTRACT.PROJECT(Roster!A1:G5,"2005-06:2006-07","anoka-hennepin/teachers")']],
    WCost: [['=CONTRACT.COST(Waconia!A1:F3,"2025-26","waconia/teachers")']],
    Audit: [
      ['=CONTRACT.AUDIT(53768,"BA+15","D","2026-27",,"waconia/teachers")'],
      ['=CONTRACT.AUDIT(53013,"BA+15","D","2026-27",,"waconia/teachers")'],
      ['=CONTRACT.AUDIT(47047,"BA+15","D","2026-27",0.875,"waconia/teachers")'],
    ],
  });
});

describe('COST and PROJECT: Anoka-Hennepin insurance and 403(b)', () => {
  test('health insurance: A1 768 × 12 = 9,216 + A2 9,216 × 60% = 5,529.60 → 14,745.60; 2006-07 870 × 12 = 10,440 + 6,264 → 16,704.00', () => {
    expect(rowOf('Cost', 'Health insurance (employer)')).toEqual([14745.6, 16704]);
  });
  test('403(b): 2005-06 A1 tier 2 $1,000 (1990 before 1997-06-30) + A2 none (2003 not before 2002-06-30) + A3 tier 2 $1,000 + A4 none (under 40%) = 2,000;'
    + ' 2006-07 A1 tier 2 $1,500 + A2 tier 1 $1,000 (before 2004-06-30) + A3 tier 3 $2,000 (before 1988-06-30) = 4,500', () => {
    expect(rowOf('Cost', '403(b) match')).toEqual([2000, 4500]);
  });
  test('PROJECT notes say how each clause was read, with its line; single coverage is reported, not guessed', () => {
    const notes = new Map(sheet('Project').slice(1).map((r) => [`${r[0]}|${r[1]}`, String(r[13])]));
    expect(notes.get('A1|2005-06')).toMatch(/Family coverage: \$768\.00 a month × 12 \([^[]*\[001_568af6eb86bfbaf6\.txt:469\]\); the Board's stated maximum is costed/);
    expect(notes.get('A2|2006-07')).toMatch(/insurance × 60% for FTE 0\.6 \([^[]*\[001_568af6eb86bfbaf6\.txt:461-463\]\)/);
    expect(notes.get('A2|2006-07')).toMatch(/403\(b\) tier 1: seniority 2003-08-25 is before 2004-06-30, up to \$1,000, costed in full \([^[]*\[001_568af6eb86bfbaf6\.txt:886\]\)/);
    expect(notes.get('A3|2005-06')).toMatch(/insurance not costed: Single coverage: the District pays 100% of a premium the agreement does not state \([^[]*\[001_568af6eb86bfbaf6\.txt:467\]\)/);
    expect(notes.get('A4|2005-06')).toMatch(/no 403\(b\) match below 0\.4 FTE \([^[]*\[001_568af6eb86bfbaf6\.txt:882\]\)/);
  });
});

test('COST: Waconia 403(b) pro rata from half time: 1,500 × 0.6 = 900 + 1,500 = 2,400', () => {
  expect(rowOf('WCost', '403(b) match')).toEqual([2400]);
});

test('AUDIT in 2026-27: the mid-year blend (53,013 + 54,523) / 2 = 53,768 matches; D for the whole year is $755.00 under it', () => {
  const a = sheet('Audit');
  expect(a[0].slice(0, 2)).toEqual([53768, 0]);
  expect(a[1].slice(0, 2)).toEqual([53768, -755]);
  expect(a[1][2]).toMatch(/underpaid by \$755\.00: .*the mid-year step not applied/);
  // at FTE 0.875, rounded once: 53,768 × 0.875 = 47,047.00
  expect(a[2].slice(0, 2)).toEqual([47047, 0]);
});
