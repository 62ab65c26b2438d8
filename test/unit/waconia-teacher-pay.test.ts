/**
 * Waconia teachers beyond the K-12 salary schedule: extra-curricular stipends (Schedules C and D), the ECFE
 * hourly schedule and its career increment, insurance, 403(b), other pay terms and the daily rate.
 *
 * Expected values are read from the seed document (004_95c67c5f7895ec64.txt): either re-read from the
 * printed line (printedCells / seedLine) or hard-coded with the line they are printed on. The contract
 * file is only used to learn WHICH line a printed stipend row sits on; the amounts are re-read from there.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkContracts, createRegistry, Engine, Failure } from '../../src';
import { WACONIA, eachFromSeeds, printedCells, seedLine } from '../support/seeds';

const registry = createRegistry();
const engine = new Engine(registry);
const W = 'waconia/teachers';
const YEARS = ['2023-24', '2024-25', '2025-26', '2026-27'] as const;
const file = JSON.parse(fs.readFileSync(path.join(__dirname, '../../src/contracts/waconia-teachers.json'), 'utf8'));

/** The document line must print this text (ties a hard-coded amount to the seed). */
function prints(line: number, text: string) {
  expect(seedLine(WACONIA, line).replace(/\\\$/g, '$')).toContain(text);
}

/** "5,392" -> 5392, "11.0%" -> 11, "$30.02 <u>30.92</u>" -> 30.92 (the inserted amount of a redline). */
function num(cell: string): number {
  const inserted = /<u>\s*\\?\$?\s*([\d,.]+)\s*<\/u>/.exec(cell);
  const text = inserted ? inserted[1] : cell;
  const n = Number(text.replace(/[\\$,%\s]/g, ''));
  if (!Number.isFinite(n)) throw new Error(`not a number: ${cell}`);
  return n;
}

/** The last `n` numeric cells of a printed row (labels and empty cells dropped). */
function lastNumbers(line: number, n: number): number[] {
  const cells = printedCells(WACONIA, line).filter((c) => /\d/.test(c));
  return cells.slice(-n).map(num);
}

/** Last line of a citation "file:a" or "file:a-b". */
const lastLine = (cite: string) => Number(cite.split(':')[1].split('-').pop());

function fails(r: unknown, code: 'VALUE' | 'NA', pattern?: RegExp) {
  expect(r).toBeInstanceOf(Failure);
  expect((r as Failure).code).toBe(code);
  if (pattern) expect((r as Failure).message).toMatch(pattern);
}

// ==================================================================== stipends

describe('stipends: multiplier = K-12 BA+15 step D, as the headers print', () => {
  test.each([
    ['2023-24', 3090, '49,018'],
    ['2024-25', 3091, '49,018'],
    ['2025-26', 5019, '50,489'],
    ['2026-27', 5020, '53,013'],
  ])('%s multiplier printed at 004:%d is SALARY(BA+15, D)', (year, line, printed) => {
    prints(line, printed);
    expect(engine.salary(W, 'BA+15', 'D', year)).toBe(num(printed));
  });
  test('the header states the add-ons "Step 2 Plus" $200, "Step 3 Plus" $200, "Step 4 Plus" $300 (004:3089-3090, 004:5018-5019)', () => {
    for (const [head, row] of [[3089, 3090], [5018, 5019]]) {
      expect(seedLine(WACONIA, head)).toMatch(/Year 6-10 Step 2 Plus\tYear 11-15 Step 3 Plus\tYear 16\+ Step 4 Plus/);
      expect(printedCells(WACONIA, row).slice(-3)).toEqual(['\\$200', '\\$200', '\\$300']);
    }
  });
});

describe('stipends: named values by the rule (multiplier x percent, whole dollars half-up, plus add-ons)', () => {
  test.each([
    // [activity, role, seasons, year, expected, how]
    ['Football', 'Head', 1, '2025-26', 6564, '50,489 x 13% = 6,563.57 (004:5019, 004:5039); printed 6,564 at 004:5284'],
    ['Football', 'Head', 3, '2025-26', 7068, '50,489 x 14% = 7,068.46 (004:5039); printed 7,068 at 004:5284'],
    ['Football', 'Head', 6, '2025-26', 7268, 'step 3 = step 2 + $200 (004:5018-5019)'],
    ['Football', '9th Grade', 1, '2023-24', 3921, '49,018 x 8% = 3,921.44 (004:3112); printed 3,921 at 004:3365'],
    ['Football', '9th Grade', 3, '2023-24', 4412, '49,018 x 9% = 4,411.62 (004:3112); printed 4,412 at 004:3365'],
    ['Football', '9th Grade', 8, '2023-24', 4612, 'season 8 = step 3 = 4,412 + $200; the table prints 4,412 (004:3365)'],
    ['Football', '9th Grade', 12, '2023-24', 4812, 'season 12 = step 4 = step 3 + $200'],
    ['Football', '9th Grade', 16, '2023-24', 5112, 'season 16 = step 5 = step 4 + $300'],
    ['Basketball - Girls', 'Head', 11, '2024-25', 7753, '49,018 x 15% = 7,352.70 -> 7,353 + 200 + 200 (004:3149)'],
    ['Cross Country', 'Assistant', 16, '2026-27', 4941, '53,013 x 8% = 4,241.04 -> 4,241 + 700 (004:5027, 004:5020)'],
    ['Dance Team', 'Head', 2, '2026-27', 7157, '53,013 x 13.5% = 7,156.755 (004:5072); printed 7,157 at 004:5553'],
    ['School Patrol', 'Advisor', 1, '2025-26', 757, '50,489 x 1.5% = 757.335 (004:5241); printed 757 at 004:5484'],
    ['Drama', 'Middle School Play', 1, '2023-24', 2451, '49,018 x 5.0% = 2,450.90 (004:3235); printed 2,451 at 004:3484'],
    ['Drama', 'Middle School Play Assistant', 1, '2023-24', 1127, '49,018 x 2.3% = 1,127.41 (the unlabelled line 004:3236); printed 1,127 at 004:3485'],
    ['Drama', 'Middle School Play Assistant', 3, '2025-26', 1262, '50,489 x 2.5% = 1,262.23 (004:5186); printed 1,262 at 004:5432'],
    ['Drama', 'Middle School Play Assistant', 1, '2026-27', 1219, '53,013 x 2.3% = 1,219.30 (004:5186); printed 1,219 at 004:5667'],
    ['Music', 'Instrumental Ensembles', 1, '2023-24', 2206, '49,018 x 4.5% = 2,205.81 (004:3240); no printed dollar row in 2023-25'],
    ['Music', 'Instrumental Ensembles', 1, '2025-26', 2272, '50,489 x 4.5% = 2,272.005 (004:5193); printed on the line labelled "Instrumental MS Instr. Ensemble" 004:5439'],
    ['Music', 'MS Instr. Ensemble', 3, '2025-26', 1515, '50,489 x 3% = 1,514.67 (004:5194); printed on the line labelled "MS Vocal Ensemble" 004:5440'],
    ['Music', 'MS Vocal Ensemble', 1, '2026-27', 1060, '53,013 x 2% = 1,060.26 (004:5195); printed on the unlabelled line 004:5676'],
    ['Strength Coach', 'Coach', 1, '2024-25', 6372, '49,018 x 13% = 6,372.34 (004:3214)'],
    ['Cheerleading', 'Head Fall Advisor', 3, '2025-26', 3029, '50,489 x 6% = 3,029.34 (004:5163); printed 3,029 at 004:5409'],
    ['Robotics Club', 'Head', 1, '2026-27', 5831, '53,013 x 11% = 5,831.43 (004:5249); printed 5,831 at 004:5723'],
    ['Academic Challenge', 'Advisor', 3, '2023-24', 3921, '49,018 x 8% = 3,921.44 (004:3278)'],
    ['EC - Garden', 'Manager', 1, '2025-26', 5554, '50,489 x 11% = 5,553.79 (004:5245)'],
    ['Youth Groups, National', 'FCCLA - Middle School', 3, '2026-27', 2651, '53,013 x 5% = 2,650.65 (004:5213)'],
  ])('%s / %s, season %d, %s = %d (%s)', (activity, role, seasons, year, expected) => {
    expect(engine.stipend(W, activity, role, seasons, year)).toBe(expected);
  });

  test('experience steps: years 1-2, 3-5, 6-10, 11-15, 16+ (004:3089)', () => {
    // Football Head 2025-26: 6,564 / 7,068 (004:5284), add-ons +200, +200, +300 (004:5019)
    const bySeason = [1, 2, 3, 5, 6, 10, 11, 15, 16, 40].map((s) => engine.stipend(W, 'Football', 'Head', s, '2025-26'));
    expect(bySeason).toEqual([6564, 6564, 7068, 7068, 7268, 7268, 7468, 7468, 7768, 7768]);
  });

  test('aliases: printed spellings and common abbreviations', () => {
    // 2023-24 Cross Country Head step 1 prints 5,392 under the heading "Cross County" (004:3348-3350)
    prints(3348, 'Cross County');
    expect(engine.stipend(W, 'Cross County', 'Head', 1, '2023-24')).toBe(5392);
    // Volleyball - Girls assistant 2024-25 step 1: 49,018 x 9% = 4,411.62 -> 4,412 (004:3123)
    expect(engine.stipend(W, 'Girls Volleyball', 'Asst.', 1, '2024-25')).toBe(4412);
    expect(engine.stipend(W, 'volleyball', 'assistant coach', 1, '2024-25')).toBe(4412);
    // "Head Fall Advisor" is printed alone in 2023-25 (004:3217-3219): 49,018 x 5.5% = 2,695.99 -> 2,696 (004:3464)
    expect(engine.stipend(W, 'Head Fall Advisor', 'Head Fall Advisor', 1, '2023-24')).toBe(2696);
    // Knowledge Bowl: 50,489 x 7% = 3,534.23 -> 3,534 (004:5233, printed 004:5480)
    expect(engine.stipend(W, 'Knowledge Bowl', 'Coach', 1, '2025-26')).toBe(3534);
    expect(engine.stipend(W, 'Academic Challenge (Knowledge Bowl)', 'Advisor', 1, '2025-26')).toBe(3534);
    // MS Play Assistant 2026-27 step 1 prints 1,219 (004:5667)
    expect(engine.stipend(W, 'Drama', 'MS Play Assistant', 1, '2026-27')).toBe(1219);
    expect(engine.stipend(W, 'DECA', 'Assistant', 1, '2026-27')).toBe(3711); // 53,013 x 7% = 3,710.91 (004:5726)
  });

  test('bad input: unknown activity or role is #VALUE!, a year outside the agreements #N/A, seasons below 1 #VALUE!', () => {
    fails(engine.stipend(W, 'Quidditch', 'Head', 1, '2025-26'), 'VALUE', /Unknown activity "Quidditch".*Cross Country/);
    fails(engine.stipend(W, 'Football', 'Diving', 1, '2025-26'), 'VALUE', /Unknown role "Diving".*Head, Assistant, 9th Grade, Middle School/);
    fails(engine.stipend(W, 'Football', 'Head', 1, '2027-28'), 'NA', /does not cover 2027-28/);
    fails(engine.stipend(W, 'Football', 'Head', 0, '2025-26'), 'VALUE');
    fails(engine.stipendRange(W, 'Football', 'Head', '2025-26'), 'NA', /seasons/);
  });
});

describe('stipends: every printed dollar row (2023-24/2024-25, 2025-26, 2026-27)', () => {
  const tables: { year: string; rows: { activity: string; role: string; amounts: number[]; cite: string }[] }[] = file.stipends.printed;
  const cases = tables.flatMap((t) => t.rows.map((r) => [t.year, r.activity, r.role, r.cite, r.amounts] as const));

  test('119 items; the 2023-25 table has no Instrumental Ensembles row (004:3487-3493), the others print every item', () => {
    expect(file.stipends.items).toHaveLength(119);
    expect(tables.map((t) => [t.year, t.rows.length])).toEqual([['2023-24', 118], ['2024-25', 118], ['2025-26', 119], ['2026-27', 119]]);
    expect(tables[0].rows.some((r) => r.role === 'Instrumental Ensembles')).toBe(false);
  });

  test.each(cases)('%s %s / %s (%s): the data holds the printed amounts; steps 1-2 equal the rule; steps 3-5 print step 2 without the add-ons', (year, activity, role, cite, amounts) => {
    const printed = lastNumbers(lastLine(cite), 5);
    expect(amounts).toEqual(printed);
    // the printed steps 3-5 repeat step 2 ...
    expect(printed.slice(2)).toEqual([printed[1], printed[1], printed[1]]);
    // ... while the rule adds $200, $200 + $200 and $200 + $200 + $300 (004:3089-3090)
    const rule = [1, 3, 6, 11, 16].map((s) => engine.stipend(W, activity, role, s, year));
    expect(rule).toEqual([printed[0], printed[1], printed[1] + 200, printed[1] + 400, printed[1] + 700]);
  });

  test('the percent tables of 2023-25 and 2025-27 agree item by item', () => {
    for (const item of file.stipends.items) {
      const [a, b] = item.terms.map((t: { cite: string }) => lastNumbers(lastLine(t.cite), 5));
      expect([item.activity, item.role, a]).toEqual([item.activity, item.role, b]);
      expect(item.terms.map((t: { percents: number[] }) => t.percents)).toEqual([a, b]);
    }
  });

  test('the merged rows: "Vocal Director Instrumental Director" is one printed row for both (004:3481, 004:5663)', () => {
    prints(3481, 'Vocal Director Instrumental Director');
    prints(5663, 'Vocal Director Instrumental Director');
    expect(lastNumbers(3481, 5)).toEqual([3431, 3921, 3921, 3921, 3921]);
    for (const role of ['Vocal Director', 'Instrumental Director']) expect(engine.stipend(W, 'Drama', role, 1, '2023-24')).toBe(3431);
  });

  test('self-check: every printed step 3-5 cell differs from the add-on rule; no step 1-2 cell does', () => {
    const findings = checkContracts(registry).findings.filter((f) => f.contract === W && f.schedule === 'stipends');
    // 119 items x 3 steps x 4 years, less 3 steps x 2 years for the missing 2023-25 Instrumental Ensembles row
    expect(findings).toHaveLength(119 * 3 * 4 - 6);
    expect(new Set(findings.map((f) => f.step))).toEqual(new Set(['Step 3', 'Step 4', 'Step 5']));
    expect(new Set(findings.map((f) => f.difference))).toEqual(new Set([-200, -400, -700]));
    const ninth = findings.find((f) => f.year === '2023-24' && f.lane === 'Football / 9th Grade' && f.step === 'Step 3')!;
    expect([ninth.printed, ninth.derived, ninth.printedCite]).toEqual([4412, 4612, `${WACONIA}:3365`]);
  });
});

// ==================================================================== ECFE hourly

describe('ECFE and Preschool hourly schedule (Article XVIII, Section 9)', () => {
  const tables: [string, number][] = [['2023-24', 2921], ['2024-25', 2931], ['2025-26', 4855], ['2026-27', 4865]];
  const cells = () =>
    tables.flatMap(([year, first]) =>
      [0, 1, 2, 3, 4, 5].flatMap((i) => {
        const [teacher, ma] = printedCells(WACONIA, first + i).slice(1).map(num);
        return [[year, 'Teacher', String(i + 1), teacher, first + i] as const, [year, 'Teacher w/M.A.', String(i + 1), ma, first + i] as const];
      }),
    );
  eachFromSeeds(cells)('%s %s step %s = %d (004:%d; the inserted amount where the line is redlined)', (year, lane, step, expected) => {
    expect(engine.hourly(W, lane, step, year)).toBe(expected);
  });

  test('named cells', () => {
    prints(2921, '\t$30.02\t$32.24');
    expect(engine.hourly(W, 'Teacher', 1, '2023-24')).toBe(30.02);
    prints(4860, '$35.12 <u>36.17</u>');
    expect(engine.hourly(W, 'Teacher', 6, '2025-26')).toBe(36.17);
    prints(4870, '$37.97 <u>41.06</u>');
    expect(engine.hourly(W, 'MA', 'Step 6', '2026-27')).toBe(41.06);
    expect(engine.hourly(W, 'teacher w/ma', '6', '2026-27')).toBe(41.06);
  });

  test('career increment: 2.5% of the step-6 wage from July 1, 2024 (004:2938), to the cent', () => {
    prints(2938, 'Effective July 1, 2024, ECFE Teachers who are on Step 6 will receive a career increment equal to 2.5% of their wage at Step 6.');
    // 35.12 x 1.025 = 35.998 -> 36.00; 37.97 x 1.025 = 38.91925 -> 38.92 (step 6 at 004:2936)
    expect(engine.hourly(W, 'Teacher', 'Career', '2024-25')).toBe(36);
    expect(engine.hourly(W, 'Teacher w/M.A.', 'Career', '2024-25')).toBe(38.92);
    // 36.17 x 1.025 = 37.07425 -> 37.07; 39.11 x 1.025 = 40.08775 -> 40.09 (004:4860)
    expect(engine.hourly(W, 'Teacher', 'Career', '2025-26')).toBe(37.07);
    expect(engine.hourly(W, 'MA', 'Career Increment', '2025-26')).toBe(40.09);
    // 37.98 x 1.025 = 38.9295 -> 38.93; 41.06 x 1.025 = 42.0865 -> 42.09 (004:4870)
    expect(engine.hourly(W, 'Teacher', 'Career', '2026-27')).toBe(38.93);
    expect(engine.hourly(W, 'MA', 'Career', '2026-27')).toBe(42.09);
    // not before July 1, 2024
    fails(engine.hourly(W, 'Teacher', 'Career', '2023-24'), 'NA', /Step 6/);
  });

  test('bad input', () => {
    fails(engine.hourly(W, 'Custodian', 1, '2025-26'), 'VALUE', /Unknown position "Custodian".*Teacher/);
    fails(engine.hourly(W, 'Teacher', 7, '2025-26'), 'VALUE', /Unknown step "7"/);
    fails(engine.hourly(W, 'Teacher', 1, '2022-23'), 'NA', /does not cover 2022-23/);
  });

  test('contradictions: 34.52 (a typo for 34.32) and the 2026-27 wages compounded from 2024-25', () => {
    // 2025-26 Teacher w/M.A. step 2 prints 34.52 (004:4856) where 33.32 x 1.03 = 34.3196 -> 34.32
    prints(4856, '$33.32 <u>34.52</u>');
    expect(engine.hourly(W, 'MA', 2, '2025-26')).toBe(34.52);
    // 2026-27 prints 36.04 (004:4866) = 33.32 x 1.03 x 1.05 = 36.0356, i.e. from 34.32, not 34.52
    prints(4866, '$33.32 <u>36.04</u>');
    const ecfe = checkContracts(registry).findings.filter((f) => f.contract === W && f.schedule === 'ecfe');
    expect(ecfe.map((f) => `${f.year} ${f.lane} ${f.step} ${f.printed} ${f.derived} ${f.printedCite}`).sort()).toEqual([
      `2025-26 Teacher w/M.A. 2 34.52 34.32 ${WACONIA}:4856`,
      `2026-27 Teacher 2 33.49 33.5 ${WACONIA}:4866`, // 31.90 x 1.05 = 33.495; 30.97 x 1.0815 = 33.494
      `2026-27 Teacher 3 34.54 34.55 ${WACONIA}:4867`, // 32.90 x 1.05 = 34.545; 31.94 x 1.0815 = 34.543
      `2026-27 Teacher w/M.A. 2 36.04 36.25 ${WACONIA}:4866`,
      `2026-27 Teacher w/M.A. 6 41.06 41.07 ${WACONIA}:4870`, // 39.11 x 1.05 = 41.0655; 37.97 x 1.0815 = 41.0646
    ]);
  });
});

// ==================================================================== terms

describe('insurance contributions (monthly)', () => {
  test.each([
    // [year, Single, Single+1, Family, line]
    ['2023-24', 767.13, 1185.91, 1476.88, 2432],
    ['2024-25', 843.84, 1304.5, 1624.58, 2433],
    ['2025-26', 928.22, 1434.96, 1787.04, 4365],
    ['2026-27', 1021.04, 1578.46, 1965.74, 4366],
  ])('K-12 %s: %d / %d / %d (004:%d)', (year, single, plusOne, family, line) => {
    for (const v of [single, plusOne, family]) prints(line, v.toLocaleString('en-US', { minimumFractionDigits: 2 }));
    expect(engine.term(W, 'insurance-contribution', 'Single', year)).toBe(single);
    expect(engine.term(W, 'insurance-contribution', 'Single + One Coverage', year)).toBe(plusOne);
    expect(engine.term(W, 'insurance-contribution', 'family', year)).toBe(family);
  });
  test.each([
    ['2023-24', 767.13, 1185.91, 1476.88, [2908, 2909, 2910]],
    ['2025-26', 928.22, 1434.96, 1787.04, [4841, 4842, 4844]],
    ['2026-27', 1021.04, 1578.46, 1965.74, [4841, 4842, 4844]],
  ])('ECFE %s: %d / %d / %d', (year, single, plusOne, family, lines) => {
    [single, plusOne, family].forEach((v, i) => prints(lines[i], v.toLocaleString('en-US', { minimumFractionDigits: 2 })));
    expect(engine.term(W, 'ecfe-insurance-contribution', 'Single', year)).toBe(single);
    expect(engine.term(W, 'ecfe-insurance-contribution', 'Single+1', year)).toBe(plusOne);
    expect(engine.term(W, 'ecfe-insurance-contribution', 'Family', year)).toBe(family);
  });
  test('the 10% increases of the settlement summary (004:1807, 1816, 1824)', () => {
    prints(1807, 'A 10% increase to the amount of the District’s health insurance premium contribution');
    prints(1816, '10% increase to the amount of the District’s insurance premium contribution');
    prints(1824, '10% increase to the amount of the District’s insurance premium contribution');
    for (const y of ['2024-25', '2025-26', '2026-27']) expect(engine.term(W, 'insurance-contribution-increase', undefined, y)).toBe(10);
    fails(engine.term(W, 'insurance-contribution-increase', undefined, '2023-24'), 'NA');
  });
  test('contradictions: two printed amounts are one cent above +10% (004:2433, 004:4365)', () => {
    // 1,476.88 x 1.10 = 1,624.568 -> 1,624.57, printed 1,624.58
    expect(Math.round(1476.88 * 1.1 * 100) / 100).toBe(1624.57);
    expect(engine.term(W, 'insurance-contribution', 'Family', '2024-25')).toBe(1624.58);
    // 1,304.50 x 1.10 = 1,434.95, printed 1,434.96
    expect(Math.round(1304.5 * 1.1 * 100) / 100).toBe(1434.95);
    expect(engine.term(W, 'insurance-contribution', 'Single+1', '2025-26')).toBe(1434.96);
  });
  test('part-time shares (004:2441-2443), term life (004:2459)', () => {
    prints(2441, '.5 to .7 FTE will receive 75% of the district contribution');
    expect(engine.term(W, 'insurance-part-time-share', '0.50-0.70 FTE', '2025-26')).toBe(75);
    expect(engine.term(W, 'insurance-part-time-share', '.71 to .85 FTE', '2023-24')).toBe(85);
    expect(engine.term(W, 'insurance-part-time-share', '0.86-0.99 FTE', '2026-27')).toBe(100);
    prints(2459, '$50,000 term life insurance policy');
    expect(engine.term(W, 'term-life-insurance', undefined, '2024-25')).toBe(50000);
  });
  test('bad keys', () => {
    fails(engine.term(W, 'insurance-contribution', 'Couple', '2025-26'), 'VALUE', /Unknown coverage "Couple".*Single, Single\+1, Family/);
    fails(engine.term(W, 'insurance-contribution', undefined, '2025-26'), 'VALUE', /needs a coverage/);
  });
});

describe('403(b) district match by years of service (Article XVII, Section 2, Subd. 1)', () => {
  const C = 'Continuing contract';
  test.each([
    // [year, years of service, expected, line]
    ['2023-24', 1, 525, 2812],
    ['2023-24', 4, 525, 2812],
    ['2023-24', 5, 900, 2813],
    ['2023-24', 12, 1400, 2814],
    ['2023-24', 13, 2200, 2815],
    ['2023-24', 20, 2400, 2816],
    ['2023-24', 21, 2825, 2817],
    ['2024-25', 3, 625, 2826],
    ['2024-25', 8, 1000, 2827],
    ['2024-25', 30, 2925, 2832],
    ['2025-26', 9, 1500, 4745],
    ['2025-26', 17, 2500, 4747],
    ['2026-27', 2, 725, 4758],
    ['2026-27', 16, 2400, 4761],
    ['2026-27', 21, 3025, 4763],
  ])('%s, %d years: $%d (004:%d)', (year, yos, expected, line) => {
    prints(line, `$${expected.toLocaleString('en-US')}`);
    expect(engine.term(W, '403b-match', C, year, yos)).toBe(expected);
  });
  test('the +$100 of July 1, 2024 and July 1, 2026 (004:1831, 004:1833)', () => {
    for (const yos of [2, 6, 10, 14, 18, 25]) {
      const [a, b, c, d] = YEARS.map((y) => engine.term(W, '403b-match', C, y, yos) as number);
      expect([b - a, c - b, d - c]).toEqual([100, 0, 100]);
    }
  });
  test('probationary teachers: no district match (004:2811); the status must be given', () => {
    prints(2811, 'Probationary\tNo district match.');
    expect(engine.term(W, '403b-match', 'Probationary', '2025-26', 2)).toBe(0);
    fails(engine.term(W, '403b-match', undefined, '2025-26', 2), 'VALUE', /contract status/);
    fails(engine.term(W, '403b-match', C, '2025-26'), 'VALUE', /years of service/);
  });
});

describe('other pay terms', () => {
  test.each([
    // [term, key, year, years, expected, line, printed text]
    ['title-i-hourly', undefined, '2023-24', 1, 23, 2234, '$23.00'],
    ['title-i-hourly', undefined, '2024-25', 4, 25, 2235, '$25.00'],
    ['title-i-hourly', undefined, '2025-26', 6, 27.5, 4171, '$27.50'],
    ['title-i-hourly', undefined, '2026-27', 2, 23, 4172, '$23.00'],
    ['summer-school-hourly', undefined, '2023-24', undefined, 30, 2344, '$30.00 per hour'],
    ['curriculum-writing-hourly', undefined, '2026-27', undefined, 30, 4281, '$30.00 per hour'],
    ['homebound-hourly', undefined, '2025-26', undefined, 30, 4285, '$30.00 per hour'],
    ['targeted-services-hourly', undefined, '2024-25', undefined, 30, 2352, '$30.00 per hour'],
    ['prep-period-substitute', '60 minutes', '2025-26', undefined, 40, 4293, '$40.00 per period (not to exceed 60 minutes)'],
    ['prep-period-substitute', '70 min', '2023-24', undefined, 45, 2358, '$45.00 per period (not to exceed 70 minutes)'],
    ['prep-period-substitute', '30 minutes', '2026-27', undefined, 20, 4293, 'A 30 minute period will be compensated at $20.00'],
    ['prep-period-substitute-incentive', '60 minutes', '2024-25', undefined, 50, 2358, '$50.00 incentive payment for every five (5) times'],
    ['prep-period-substitute-incentive', '30 minutes', '2025-26', undefined, 25, 4293, '$25 incentive payment for every five (5) times'],
    ['chaperone-hourly', undefined, '2025-26', undefined, 16, 4311, '$16.00 per hour per person for up to four hours'],
    ['chaperone-service-stipend', undefined, '2023-24', undefined, 50, 2376, 'For every 35 hours of accumulated service a chaperone or supervisor will receive a $50.00 stipend'],
    ['overload-assignment', '40-45 minutes', '2024-25', undefined, 7815, 2417, '$7,815 for a 40-45 minute class period'],
    ['overload-assignment', '70-90 minutes', '2026-27', undefined, 15630, 4350, '$15,630 for a 70 to 90 minute class period'],
    ['national-board-stipend', undefined, '2025-26', undefined, 1000, 4352, '$1,000 annual stipend'],
    ['personal-leave-cash-out', undefined, '2023-24', undefined, 150, 2565, '$150.00 per day'],
    ['sick-leave-hcsp-deposit', undefined, '2026-27', undefined, 75, 4418, '($75.00) per day'],
    ['sick-leave-hcsp-max-days', undefined, '2024-25', undefined, 135, 2485, 'one-hundred and thirty-five (135) days'],
    ['duty-days', undefined, '2025-26', undefined, 184, 4621, 'There shall be 184 teacher duty days'],
    ['basic-day-hours', undefined, '2023-24', undefined, 7.5, 2205, 'seven and one-half hours'],
    ['ecfe-cancelled-class-pay', undefined, '2025-26', undefined, 35, 4822, 'compensated for 35% of the previously assigned hours'],
  ] as [string, string | undefined, string, number | undefined, number, number, string][])(
    '%s, key %s, %s, years %s = %d',
    (id, key, year, yos, expected, line, text) => {
      prints(line, text);
      expect(engine.term(W, id, key, year, yos)).toBe(expected);
    },
  );
  test('personal leave days by completed years: redlined tiers 0-8, 9-20, 21+ (004:2549-2551)', () => {
    prints(2549, '0- 10 8 years\t2 days');
    prints(2550, '11 9-20 years\t3 days');
    expect([0, 8, 9, 20, 21, 35].map((y) => engine.term(W, 'personal-leave-days', undefined, '2025-26', y))).toEqual([2, 2, 3, 3, 4, 4]);
  });
  test('ECFE sick-leave cash-out: up to 15 days after 15 years (004:2944)', () => {
    prints(2944, 'who complete fifteen (15) years of service may cash out up to fifteen (15) unused accumulated sick leave days');
    expect(engine.term(W, 'ecfe-sick-leave-cash-out-days', undefined, '2024-25', 15)).toBe(15);
    expect(engine.term(W, 'ecfe-sick-leave-cash-out-days', undefined, '2024-25', 14)).toBe(0);
  });
  test('bad input', () => {
    fails(engine.term(W, 'mileage', undefined, '2025-26'), 'VALUE', /Unknown term "mileage"/);
    fails(engine.term(W, 'overload-assignment', '55 minutes', '2025-26'), 'VALUE', /Unknown class period "55 minutes"/);
    fails(engine.term(W, 'summer-school-hourly', undefined, '2027-28'), 'NA', /does not cover 2027-28/);
  });
});

// ==================================================================== rates

describe('daily rate: 1/184 of the annual salary (004:2324, 004:2574, 004:4259)', () => {
  test('the clause', () => {
    prints(2324, 'the full amount of 1/184 of the annual salary for each day');
    prints(4259, 'the full amount of 1/184 of the annual salary for each day');
    prints(2690, 'There shall be 184 teacher duty days');
  });
  test.each([
    // [lane, step, year, salary, line, daily]
    ['BA', 'B', '2023-24', 44802, 3024, 243.49], // 44,802 / 184 = 243.4891
    ['BA+15', 'D', '2024-25', 49018, 3057, 266.4], // 49,018 / 184 = 266.3913
    ['MA+15', 'H', '2025-26', 64654, 4966, 351.38], // 64,654 / 184 = 351.3804
    ['MA+45', 'R', '2026-27', 96188, 5004, 522.76], // 96,188 / 184 = 522.7609
    ['MA+45', 'Career', '2023-24', 92942, 3047, 505.12], // 92,942 / 184 = 505.1196
  ])('%s %s %s: %d / 184 = %d', (lane, step, year, salary, line, daily) => {
    expect(printedCells(WACONIA, line).map((c) => c.replace(/,/g, ''))).toContain(String(salary));
    expect(engine.salary(W, lane, step, year)).toBe(salary);
    expect(engine.rate(W, 'daily', lane, step, year)).toBe(daily);
  });
  test('no salary, no rate: BA has no step I (004:4967); unknown rate id', () => {
    fails(engine.rate(W, 'daily', 'BA', 'I', '2025-26'), 'NA', /empty/);
    fails(engine.rate(W, 'hourly', 'BA', 'B', '2025-26'), 'VALUE', /Unknown rate "hourly"/);
  });
});

describe('leave and insurance terms added from Articles VIII, XII and XVIII (each value printed on its line, both agreements)', () => {
  // [term, key, [2023-25 line, 2025-27 line], text each line prints, value]
  const rows: [string, string | undefined, [number, number], string, number][] = [
    ['sick-leave-hours', undefined, [2477, 4410], 'earn sick leave at the rate of 112.5 hours (7.5 hour duty days x 15 days) each year of service', 112.5],
    ['sick-leave-max-hours', undefined, [2483, 4416], 'accumulate to a maximum credit of 900 hours (7.5 hour duty day x 120 days)', 900],
    ['sick-bank-max-days', undefined, [2535, 4471], 'Maximum number of available sick bank days is 140 days per year', 140],
    ['personal-leave-carryover-max-days', undefined, [2563, 4498], 'A maximum of 3 days of personal leave may be carried over to the next school year', 3],
    ['other-bereavement-hours', undefined, [2582, 4517], 'seven and one-half (7.5) non-accumulative hours of bereavement leave will be granted to a teacher each school year', 7.5],
    ['title-i-sick-leave-days', undefined, [2249, 4186], 'Fifteen days of sick leave will be granted to Title I teachers', 15],
    ['title-i-sick-leave-max-days', undefined, [2249, 4186], 'Unused sick leave may be accumulated to 20 working days', 20],
    ['child-care-sick-leave-weeks', undefined, [2596, 4531], 'Request up to 6 calendar weeks of accumulated sick leave', 6],
    ['child-care-leave-max-months', undefined, [2597, 4532], 'Request up to 12 months leave of absence without pay', 12],
    ['ecfe-insurance-part-time-min-hours', 'per week', [2912, 4846], 'an average of at least 22.5 hours per week (720 hours per school year)', 22.5],
    ['ecfe-insurance-part-time-min-hours', 'per school year', [2912, 4846], 'an average of at least 22.5 hours per week (720 hours per school year)', 720],
  ];
  test.each(rows)('%s %s (004:%s)', (id, key, [l1, l2], text, value) => {
    prints(l1, text);
    prints(l2, text);
    for (const y of YEARS) expect(engine.term(W, id, key, y)).toBe(value);
  });
  test('the 15-day accrual is 112.5 hours at the 7.5-hour basic day: 15 x 7.5 = 112.5', () => {
    expect(engine.term(W, 'basic-day-hours', undefined, '2025-26')).toBe(7.5);
    expect(15 * 7.5).toBe(engine.term(W, 'sick-leave-hours', undefined, '2025-26'));
  });
  test('ECFE period key: weekly or yearly, nothing else', () => {
    expect(engine.term(W, 'ecfe-insurance-part-time-min-hours', 'weekly', '2024-25')).toBe(22.5);
    fails(engine.term(W, 'ecfe-insurance-part-time-min-hours', 'per month', '2024-25'), 'VALUE', /per week, per school year/);
  });
});
