/**
 * SALARY against the printed schedules. Expected values are read from the seed documents: named cells
 * below cite file:line; the sweep re-reads every printed row of all six schedules from the document text.
 */
import { createRegistry, Engine, Failure } from '../../src';
import { ANOKA, WACONIA, money, printedCells, seedLine } from '../support/seeds';

const engine = new Engine(createRegistry());
const W = 'waconia/teachers';
const A = 'anoka-hennepin/teachers';

describe('named cells, as printed', () => {
  test.each([
    // [contract, lane, step, year, expected, citation]
    [W, 'MA+15', 'H', '2025-26', 64654, `${WACONIA}:4966`],
    [W, 'BA+60/MA', 'B', '2025-26', 52812, `${WACONIA}:4960`],
    [W, 'BA', 'B', '2023-24', 44802, `${WACONIA}:3024`],
    [W, 'MA+45', 'R', '2026-27', 96188, `${WACONIA}:5004`],
    [W, 'MA+45', 'Career', '2023-24', 92942, `${WACONIA}:3047`],
    [W, 'BA+60/MA', 'Career', '2026-27', 91061, `${WACONIA}:5010`],
    [W, 'MA+15', 'Career', '2025-26', 89701, `${WACONIA}:4982`],
    [A, 'BA', '2', '2005-06', 35606, `${ANOKA}:993 (merged row "2 & 3")`],
    [A, 'BA', '3', '2005-06', 35606, `${ANOKA}:993 (merged row "2 & 3")`],
    [A, 'BA', '2', '2006-07', 35962, `${ANOKA}:1027 (merged row "1 & 2")`],
    [A, 'BA', '3', '2006-07', 36966, `${ANOKA}:1028 (merged row "3 & 4")`],
    [A, 'MA+60', 'CIII', '2006-07', 74984, `${ANOKA}:1038`],
    [A, 'BA+60', '6', '2005-06', 44014, `${ANOKA}:996 (merged row "6 & 7")`],
    [A, 'MA', '14-CI', '2005-06', 60711, `${ANOKA}:1002 (printed "14 - Cl")`],
    [A, 'MA', 'CII', '2005-06', 62879, `${ANOKA}:1003 (printed "Cli - pre 1986")`],
  ])('%s %s %s %s = %d (%s)', (contract, lane, step, year, expected) => {
    expect(engine.salary(contract, lane, step, year)).toBe(expected);
  });
});

describe('aliases and spellings', () => {
  test('semester and quarter headings name the same lane (004:3022-3023)', () => {
    // 2024-25 row D, lane 2 prints 49,018 (004:3057)
    for (const lane of ['BA+15', 'BA+15 QTR', 'BA+10 SEM', 'ba+10 sem', ' BA + 15 ']) expect(engine.salary(W, lane, 'D', '2024-25')).toBe(49018);
    // "BA+30 SEM" is the BA+45 lane and "MA+30 SEM" the MA+45 lane, as printed: row D 2024-25 (004:3057)
    expect(engine.salary(W, 'BA+30 SEM', 'D', '2024-25')).toBe(52438);
    expect(engine.salary(W, 'MA+30 SEM', 'D', '2024-25')).toBe(60012);
    expect(engine.salary(W, 'MA+30', 'D', '2024-25')).toBe(58021);
    expect(engine.salary(W, 'MA', 'D', '2024-25')).toBe(54237);
  });
  test('Anoka-Hennepin lane numbers 3-12 are aliases (001:989-991)', () => {
    // 2006-07 row 9, lane 8 (MA) prints 51,444 (001:1032)
    expect(engine.salary(A, 8, 9, '2006-07')).toBe(51444);
    expect(engine.salary(A, 'MA', '9', '2006-07')).toBe(51444);
    expect(engine.salary(A, 'lane 8', 9, '2006-07')).toBe(51444);
  });
  test('years: 2025-2026, FY2026 and 2025/26 all mean 2025-26 (004:4960 row B, BA = 46,146)', () => {
    for (const y of ['2025-26', '2025-2026', 'FY2026', 'FY26', '2025/26', '2025–26']) expect(engine.salary(W, 'BA', 'B', y)).toBe(46146);
  });
  test('career step aliases (001:1002, 004:3047)', () => {
    expect(engine.salary(A, 'MA', '14', '2005-06')).toBe(60711);
    expect(engine.salary(A, 'MA', 'Career I', '2005-06')).toBe(60711);
    expect(engine.salary(W, 'MA+45', 'career increment', '2023-24')).toBe(92942);
  });
});

describe('FTE proration (declared rounding: cents, half-up)', () => {
  test('0.6 x 52,812 = 31,687.20 (004:4960)', () => expect(engine.salary(W, 'MA', 'B', '2025-26', 0.6)).toBe(31687.2));
  test('0.333 x 35,606 = 11,856.798 -> 11,856.80 (001:993)', () => expect(engine.salary(A, 'BA', 2, '2005-06', 0.333)).toBe(11856.8));
  test('1.0 returns the printed value', () => expect(engine.salary(W, 'MA', 'B', '2025-26', 1)).toBe(52812));
  test.each([0, -0.5, 1.6, NaN])('fte %p is refused', (fte) => {
    const r = engine.salary(W, 'MA', 'B', '2025-26', fte);
    expect(r).toBeInstanceOf(Failure);
    expect((r as Failure).code).toBe('VALUE');
    expect((r as Failure).message).toMatch(/FTE/);
  });
});

function fails(r: unknown, code: 'VALUE' | 'NA', pattern: RegExp) {
  expect(r).toBeInstanceOf(Failure);
  expect((r as Failure).code).toBe(code);
  expect((r as Failure).message).toMatch(pattern);
}

describe('errors name the reason, the valid choices and the citation', () => {
  test('unknown lane lists the lanes', () => fails(engine.salary(W, 'MA+90', 'B', '2025-26'), 'VALUE', /Unknown lane "MA\+90".*BA, BA\+15.*MA\+45/));
  test('unknown step lists the steps', () => fails(engine.salary(W, 'BA', 'S', '2025-26'), 'VALUE', /Unknown step "S".*B, C, D/));
  test('a Cyrillic "МА" (as printed at 001:1026) is refused with the reason', () =>
    fails(engine.salary(A, '\u041C\u0410', '9', '2006-07'), 'VALUE', /U\+041C.*Latin/));
  test('unknown contract lists the contracts', () => fails(engine.salary('waconia/bus', 'BA', 'B', '2025-26'), 'VALUE', /waconia\/teachers.*anoka-hennepin\/teachers|anoka-hennepin\/teachers.*waconia\/teachers/));
  test('no contract and no default: #N/A saying so', () => fails(engine.salary(undefined, 'BA', 'B', '2025-26'), 'NA', /no default contract/));
  test('the default contract applies when none is given', () => expect(engine.salary(undefined, 'BA', 'B', '2025-26', undefined, W)).toBe(46146));
  test('malformed year', () => fails(engine.salary(W, 'BA', 'B', '2025-27'), 'VALUE', /2025-26/));
  test('ambiguous year', () => fails(engine.salary(W, 'BA', 'B', '2025'), 'VALUE', /ambiguous.*2024-25 or 2025-26/));
  test('a year the contract does not cover: #N/A with the agreements cited', () =>
    fails(engine.salary(W, 'BA', 'B', '2022-23'), 'NA', /2023-2025 \(004_95c67c5f7895ec64\.txt:1794-1808\).*2023-24, 2024-25, 2025-26, 2026-27/));
  test('a cell printed NONE (001:992) is closed: #N/A with the line', () =>
    fails(engine.salary(A, 'BA+60', '1', '2005-06'), 'NA', /prints NONE for lane BA\+60 at step 1 \(001_568af6eb86bfbaf6\.txt:992\)/));
  test('an empty cell (BA lane ends at H, 004:3031) is #N/A naming the printed steps', () =>
    fails(engine.salary(W, 'BA', 'I', '2023-24'), 'NA', /leaves lane BA empty at step I \(004_95c67c5f7895ec64\.txt:3031\).*steps B, C, D, E, F, G, H/));
  test('career increment outside its four lanes (004:2271) is #N/A with the eligibility', () =>
    fails(engine.salary(W, 'BA', 'Career', '2023-24'), 'NA', /step Career.*BA\+60\/MA, MA\+15, MA\+30, MA\+45.*Eligibility: Teachers shall qualify.*004_95c67c5f7895ec64\.txt:2271/));
  test('CIII for BA lanes is empty (001:1004)', () => fails(engine.salary(A, 'BA', 'CIII', '2005-06'), 'NA', /empty at step CIII/));
});

/**
 * Every printed cell of all six schedules, re-read from the document text. The line ranges are the
 * printed tables' rows as they stand in the documents; the step labels come from the row text.
 */
describe('every printed cell of every schedule', () => {
  const waconiaLanes = ['BA', 'BA+15', 'BA+30', 'BA+45', 'BA+60/MA', 'MA+15', 'MA+30', 'MA+45'];
  const waconia: [string, number, number, number][] = [
    // year, first row (B), last row (R), career-increment row
    ['2023-24', 3024, 3040, 3047],
    ['2024-25', 3055, 3071, 3078],
    ['2025-26', 4960, 4976, 4982],
    ['2026-27', 4988, 5004, 5010],
  ];
  test.each(waconia)('waconia/teachers %s (004:%d-%d, career %d)', (year, first, last, career) => {
    let cells = 0;
    for (let line = first; line <= last; line++) {
      const [step, ...values] = printedCells(WACONIA, line);
      waconiaLanes.forEach((lane, i) => {
        const printed = money(values[i] ?? '');
        const got = engine.salary(W, lane, step, year);
        if (typeof printed === 'number') {
          expect([line, lane, got]).toEqual([line, lane, printed]);
          cells++;
        }
        else expect([line, lane, (got as Failure).code]).toEqual([line, lane, 'NA']);
      });
    }
    // career row: the four printed amounts belong to the four lanes named in the heading above it
    const amounts = printedCells(WACONIA, career).slice(1).filter((c) => c !== '').map(money);
    expect(seedLine(WACONIA, career)).toMatch(/^Career Increment/);
    expect(amounts).toHaveLength(4);
    ['BA+60/MA', 'MA+15', 'MA+30', 'MA+45'].forEach((lane, i) => expect(engine.salary(W, lane, 'Career', year)).toBe(amounts[i]));
    expect(cells).toBe(101); // 7 + 8 + 8 + 10 + 4 x 17 printed amounts in the B-R rows
  });

  const anokaLanes = ['BA', 'BA+15', 'BA+30', 'BA+45', 'BA+60', 'MA', 'MA+15', 'MA+30', 'MA+45', 'MA+60'];
  /** "2 & 3" -> ["2","3"]; "14 - Cl" -> ["14-CI"]; "Cli - pre 1986" -> ["CII"]; "CIII - pre 1983" -> ["CIII"] */
  const stepsOfPrintedRow = (label: string): string[] => {
    if (/^14\s*-\s*C/.test(label)) return ['14-CI'];
    if (/^CIII/.test(label)) return ['CIII'];
    if (/^C[lI][iI]/.test(label)) return ['CII'];
    return label.split('&').map((s) => s.trim());
  };
  test.each([
    ['2005-06', 992, 1004],
    ['2006-07', 1027, 1038],
  ] as [string, number, number][])('anoka-hennepin/teachers %s (001:%d-%d)', (year, first, last) => {
    const covered = new Set<string>();
    let cells = 0;
    for (let line = first; line <= last; line++) {
      const [label, ...values] = printedCells(ANOKA, line);
      expect(values).toHaveLength(10);
      for (const step of stepsOfPrintedRow(label)) {
        covered.add(step);
        anokaLanes.forEach((lane, i) => {
          const printed = money(values[i]);
          const got = engine.salary(A, lane, step, year);
          if (typeof printed === 'number') {
            expect([line, step, lane, got]).toEqual([line, step, lane, printed]);
            cells++;
          }
          else {
            expect([line, step, lane, (got as Failure).code]).toEqual([line, step, lane, 'NA']);
            expect((got as Failure).message).toMatch(printed === 'NONE' ? /prints NONE/ : /empty/);
          }
        });
      }
    }
    // every step 1-13 and the three career rows are answered by some printed row
    expect([...covered].sort()).toEqual(['1', '10', '11', '12', '13', '14-CI', '2', '3', '4', '5', '6', '7', '8', '9', 'CII', 'CIII'].sort());
    expect(cells).toBeGreaterThan(140);
  });
});
