/**
 * Contract profile (src/profile.ts): the NCTQ-style figures of each teachers' contract and year. The expected
 * values below are worked out by hand from the printed cells of the source documents; each cell is cited as
 * FILE:LINE (004 = 004_95c67c5f7895ec64.txt, Waconia; 001 = 001_568af6eb86bfbaf6.txt, Anoka-Hennepin) and the
 * test re-reads that line to check it prints the amount. Definitions (src/profile.ts) follow the NCTQ profile
 * 003_cbd4aba3d194b681.txt: 175 / 222 first-year teacher, 190 / 237 "5 years of experience" (= year 6 of
 * service), 206 / 253 highest step of the BA / MA lane, 269 maximum salary, 173 year of service that reaches
 * it, 156 average MA − BA, 125 average percent increase per additional year of experience, 171 lanes.
 */
import { createRegistry, Engine, Failure } from '../../src';
import { contractProfile, PROFILE_METRICS } from '../../src/profile';
import type { Profile } from '../../src/profile';
import { ANOKA, WACONIA, printedCells, seedLine } from '../support/seeds';

const engine = new Engine(createRegistry());
const W = 'waconia/teachers';
const A = 'anoka-hennepin/teachers';

type Ids = 'start-ba' | 'start-ma' | 'ba-5-years' | 'ma-5-years' | 'ba-max' | 'ma-max' | 'max' | 'years-to-max' | 'ma-premium' | 'step-increase' | 'lanes';
/** [metric, value, seed file, line that prints the cell (amounts only)] */
type Case = { contract: string; year: string; values: Record<Ids, number>; cells: [Ids, string, number][] };

function profile(contract: string, year: string): Profile {
  const p = contractProfile(engine, contract, year);
  if (p instanceof Failure) throw new Error(`${contract} ${year}: ${p.code} ${p.message}`);
  return p;
}
const valueOf = (p: Profile, id: string) => p.metrics.find((m) => m.id === id)!.value;
const howOf = (p: Profile, id: string) => p.metrics.find((m) => m.id === id)!.how;
const short = (file: string) => file.slice(0, 3);

const cases: Case[] = [
  {
    // Waconia Schedule A 2023-24, 004:3020-3047 (rows B..R at 3024-3040, career increment row 3047)
    contract: W,
    year: '2023-24',
    values: {
      'start-ba': 44802, // BA, B (004:3024)
      'start-ma': 51274, // BA+60/MA (the MA lane), B (004:3024)
      'ba-5-years': 51561, // B=year 1, C 2, D 3, E 4, F 5, G 6 = 5 years of experience: BA, G (004:3029)
      'ma-5-years': 59008, // BA+60/MA, G (004:3029)
      'ba-max': 53031, // BA, H (004:3030); BA is empty from I on (004:3031)
      'ma-max': 83998, // BA+60/MA career increment (004:3047)
      max: 92942, // MA+45 career increment (004:3047), the largest amount on the schedule
      'years-to-max': 18, // MA+45 B..R = 17 letters = years 1-17, Career = year 18
      // BA+60/MA − BA at B..H (004:3024-3030): 51,274−44,802=6,472; 52,735−46,080=6,655; 54,237−47,393=6,844;
      // 55,783−48,743=7,040; 57,374−50,133=7,241; 59,008−51,561=7,447; 60,690−53,031=7,659.
      // Sum 49,358; 49,358 / 7 = 7,051.142857… → 7,051.14
      'ma-premium': 7051.14,
      // 97 increases: BA 6 (B→H) + BA+15 7 + BA+30 7 (B→I) + BA+45 9 (B→K) + 4 MA lanes × 17 (B→R 16, R→Career 1).
      // Sums of the percentages per lane: BA 17.1016, BA+15 19.9506, BA+30 19.9516, BA+45 25.6526, BA+60/MA 50.0969,
      // MA+15 50.0992, MA+30 50.1011, MA+45 50.0997; total 283.0533 / 97 = 2.91807… → 2.92
      // (e.g. BA B→C: (46,080 − 44,802) / 44,802 = 2.8526%)
      'step-increase': 2.92,
      lanes: 8, // BA, BA+15, BA+30, BA+45, BA+60/MA, MA+15, MA+30, MA+45 (004:3022)
    },
    cells: [['start-ba', WACONIA, 3024], ['start-ma', WACONIA, 3024], ['ba-5-years', WACONIA, 3029], ['ma-5-years', WACONIA, 3029],
      ['ba-max', WACONIA, 3030], ['ma-max', WACONIA, 3047], ['max', WACONIA, 3047]],
  },
  {
    // Waconia 2024-25, 004:3051-3078: the printed schedule repeats 2023-24 cell for cell (no raise), so the
    // figures are the same; the lines differ.
    contract: W,
    year: '2024-25',
    values: {
      'start-ba': 44802, // 004:3055
      'start-ma': 51274, // 004:3055
      'ba-5-years': 51561, // G, 004:3060
      'ma-5-years': 59008, // G, 004:3060
      'ba-max': 53031, // H, 004:3061
      'ma-max': 83998, // career, 004:3078
      max: 92942, // MA+45 career, 004:3078
      'years-to-max': 18,
      'ma-premium': 7051.14, // 49,358 / 7, as 2023-24 (rows 3055-3061)
      'step-increase': 2.92, // 283.0533 / 97
      lanes: 8,
    },
    cells: [['start-ba', WACONIA, 3055], ['start-ma', WACONIA, 3055], ['ba-5-years', WACONIA, 3060], ['ma-5-years', WACONIA, 3060],
      ['ba-max', WACONIA, 3061], ['ma-max', WACONIA, 3078], ['max', WACONIA, 3078]],
  },
  {
    // Waconia 2025-26, 004:4956-4982
    contract: W,
    year: '2025-26',
    values: {
      'start-ba': 46146, // BA, B (004:4960)
      'start-ma': 52812, // BA+60/MA, B (004:4960)
      'ba-5-years': 53108, // BA, G = year 6 (004:4965)
      'ma-5-years': 60778, // BA+60/MA, G (004:4965)
      'ba-max': 54622, // BA, H (004:4966)
      'ma-max': 86725, // BA+60/MA career increment (004:4982)
      max: 95959, // MA+45 career increment (004:4982)
      'years-to-max': 18, // B..R years 1-17, Career year 18
      // B..H (004:4960-4966): 52,812−46,146=6,666; 54,317−47,462=6,855; 55,864−48,815=7,049; 57,456−50,205=7,251;
      // 59,095−51,637=7,458; 60,778−53,108=7,670; 62,511−54,622=7,889. Sum 50,838; / 7 = 7,262.571… → 7,262.57
      'ma-premium': 7262.57,
      // per lane: BA 17.1018, BA+15 19.9503, BA+30 19.9505, BA+45 25.6527, BA+60/MA 50.3474, MA+15 50.3498,
      // MA+30 50.3500, MA+45 50.3494; total 284.0517 / 97 = 2.92837… → 2.93
      // (e.g. MA+45 R→Career: (95,959 − 91,608) / 91,608 = 4.7496%, the 4.75% career increment)
      'step-increase': 2.93,
      lanes: 8,
    },
    cells: [['start-ba', WACONIA, 4960], ['start-ma', WACONIA, 4960], ['ba-5-years', WACONIA, 4965], ['ma-5-years', WACONIA, 4965],
      ['ba-max', WACONIA, 4966], ['ma-max', WACONIA, 4982], ['max', WACONIA, 4982]],
  },
  {
    // Waconia 2026-27, 004:4984-5010
    contract: W,
    year: '2026-27',
    values: {
      'start-ba': 48453, // 004:4988
      'start-ma': 55453, // 004:4988
      'ba-5-years': 55763, // G, 004:4993
      'ma-5-years': 63817, // G, 004:4993
      'ba-max': 57353, // H, 004:4994
      'ma-max': 91061, // career, 004:5010
      max: 100757, // MA+45 career, 004:5010
      'years-to-max': 18,
      // B..H (004:4988-4994): 55,453−48,453=7,000; 57,033−49,835=7,198; 58,657−51,256=7,401; 60,329−52,715=7,614;
      // 62,050−54,219=7,831; 63,817−55,763=8,054; 65,637−57,353=8,284. Sum 53,382; / 7 = 7,626.00
      'ma-premium': 7626,
      // per lane: BA 17.1023, BA+15 19.9508, BA+30 19.9512, BA+45 25.6530, BA+60/MA 50.3463, MA+15 50.3500,
      // MA+30 50.3498, MA+45 50.3489; total 284.0523 / 97 = 2.92837… → 2.93
      'step-increase': 2.93,
      lanes: 8,
    },
    cells: [['start-ba', WACONIA, 4988], ['start-ma', WACONIA, 4988], ['ba-5-years', WACONIA, 4993], ['ma-5-years', WACONIA, 4993],
      ['ba-max', WACONIA, 4994], ['ma-max', WACONIA, 5010], ['max', WACONIA, 5010]],
  },
  {
    // Anoka-Hennepin 2005-06, 001:987-1004. Years of service: 1; "2 & 3" = years 2 and 3; 4; 5; "6 & 7"; 8; 9;
    // "10 & 11"; 12; 13; 14-CI = 14; CII ("Cli - pre 1986") = 15; CIII = 16.
    contract: A,
    year: '2005-06',
    values: {
      'start-ba': 34621, // BA (lane 3), step 1 (001:992)
      'start-ma': 38499, // MA (lane 8), step 1 (001:992)
      'ba-5-years': 39771, // year 6 = step 6, printed in the merged row "6 & 7" (001:996)
      'ma-5-years': 46535, // MA, "6 & 7" (001:996)
      'ba-max': 52916, // BA, CII (001:1003); CIII is empty for BA (001:1004)
      'ma-max': 64118, // MA, CIII (001:1004)
      max: 73514, // MA+60, CIII (001:1004)
      'years-to-max': 16, // MA+60 step 1 = year 1 … 13 = year 13, 14-CI 14, CII 15, CIII 16
      // MA − BA per year of service (001:992-1003): 1: 38,499−34,621=3,878; 2,3: 40,302−35,606=4,696 (×2);
      // 4: 42,032−36,600=5,432; 5: 44,199−38,391=5,808; 6,7: 46,535−39,771=6,764 (×2); 8: 48,718−40,995=7,723;
      // 9: 50,935−42,037=8,898; 10,11: 53,084−43,442=9,642 (×2); 12: 55,209−45,783=9,426; 13: 58,576−49,435=9,141;
      // 14-CI: 60,711−50,759=9,952; CII: 62,879−52,916=9,963. Sum 112,425 over 15 years; / 15 = 7,495.00
      'ma-premium': 7495,
      // 141 increases: BA..BA+45 4 × 14 (years 1→CII); BA+60 10 (NONE at years 1-5, printed from "6 & 7" to CIII);
      // MA..MA+60 5 × 15 (1→CIII). The years inside a merged row (2→3, 6→7, 10→11) are 0%.
      // per lane: BA 43.3798, BA+15 45.0211, BA+30 45.5310, BA+45 45.8545, BA+60 32.1875, MA 52.1655, MA+15 53.3702,
      // MA+30 54.6824, MA+45 55.7437, MA+60 58.1750; total 486.1108 / 141 = 3.44760… → 3.45
      'step-increase': 3.45,
      lanes: 10, // lanes 3-12: BA … MA+60 (001:989-991)
    },
    cells: [['start-ba', ANOKA, 992], ['start-ma', ANOKA, 992], ['ba-5-years', ANOKA, 996], ['ma-5-years', ANOKA, 996],
      ['ba-max', ANOKA, 1003], ['ma-max', ANOKA, 1004], ['max', ANOKA, 1004]],
  },
  {
    // Anoka-Hennepin 2006-07, 001:1022-1038. Years: "1 & 2"; "3 & 4"; 5; 6; "7 & 8"; 9; 10; "11 & 12"; 13;
    // 14-CI = 14; CII = 15; CIII = 16.
    contract: A,
    year: '2006-07',
    values: {
      'start-ba': 35962, // BA, "1 & 2" (001:1027)
      'start-ma': 40705, // MA (lane 8, printed in Cyrillic "МА"), "1 & 2" (001:1027)
      'ba-5-years': 40169, // year 6 = step 6 (001:1030)
      'ma-5-years': 47000, // MA, step 6 (001:1030)
      'ba-max': 53974, // BA, CII (001:1037)
      'ma-max': 65400, // MA, CIII (001:1038)
      max: 74984, // MA+60, CIII (001:1038)
      'years-to-max': 16,
      // 1,2: 40,705−35,962=4,743 (×2); 3,4: 42,452−36,966=5,486 (×2); 5: 44,641−38,775=5,866; 6: 47,000−40,169=6,831;
      // 7,8: 49,205−41,405=7,800 (×2); 9: 51,444−42,457=8,987; 10: 53,615−43,876=9,739; 11,12: 55,761−46,241=9,520 (×2);
      // 13: 59,162−49,929=9,233; 14-CI: 61,925−51,774=10,151; CII: 64,137−53,974=10,163.
      // Sum 116,068 over 15 years; / 15 = 7,737.8666… → 7,737.87
      'ma-premium': 7737.87,
      // 140 increases: BA..BA+45 4 × 14; BA+60 9 (NONE at years 1-6, printed from "7 & 8"); MA..MA+60 5 × 15.
      // per lane: BA 41.5509, BA+15 42.7733, BA+30 43.2210, BA+45 43.3548, BA+60 29.2870, MA 48.5080, MA+15 50.3446,
      // MA+30 50.5646, MA+45 52.7087, MA+60 53.5804; total 455.8932 / 140 = 3.25638… → 3.26
      'step-increase': 3.26,
      lanes: 10,
    },
    cells: [['start-ba', ANOKA, 1027], ['start-ma', ANOKA, 1027], ['ba-5-years', ANOKA, 1030], ['ma-5-years', ANOKA, 1030],
      ['ba-max', ANOKA, 1037], ['ma-max', ANOKA, 1038], ['max', ANOKA, 1038]],
  },
];

describe('contract profile, computed by hand from the printed cells', () => {
  test.each(cases.map((c) => [c.contract, c.year, c] as const))('%s %s', (contract, year, c) => {
    const p = profile(contract, year);
    expect(p.contract).toBe(contract);
    expect(p.year).toBe(year);
    const got = Object.fromEntries(p.metrics.map((m) => [m.id, m.value]));
    expect(got).toEqual(c.values);
  });

  test.each(cases.map((c) => [c.contract, c.year, c] as const))('%s %s: the cited lines print the amounts, and how cites them', (contract, year, c) => {
    const p = profile(contract, year);
    for (const [id, file, line] of c.cells) {
      const amount = c.values[id].toLocaleString('en-US');
      expect([id, line, printedCells(file, line)]).toEqual([id, line, expect.arrayContaining([amount])]);
      expect(howOf(p, id)).toContain(`${short(file)}:${line}`);
    }
  });
});

describe('definitions', () => {
  test('PROFILE_METRICS gives the row order and every profile follows it', () => {
    expect(PROFILE_METRICS.map((m) => m.id)).toEqual([
      'start-ba', 'start-ma', 'ba-5-years', 'ma-5-years', 'ba-max', 'ma-max', 'max', 'years-to-max', 'ma-premium', 'step-increase', 'lanes',
    ]);
    for (const c of cases) {
      const p = profile(c.contract, c.year);
      expect(p.metrics.map((m) => [m.id, m.label])).toEqual(PROFILE_METRICS.map((m) => [m.id, m.label]));
    }
  });

  test('units', () => {
    const p = profile(W, '2025-26');
    expect(Object.fromEntries(p.metrics.map((m) => [m.id, m.unit]))).toEqual({
      'start-ba': 'USD', 'start-ma': 'USD', 'ba-5-years': 'USD', 'ma-5-years': 'USD', 'ba-max': 'USD', 'ma-max': 'USD', max: 'USD',
      'years-to-max': 'years', 'ma-premium': 'USD', 'step-increase': 'percent', lanes: 'count',
    });
  });

  test('the NCTQ lines the definitions rest on say what src/profile.ts says they say', () => {
    const nctq = '003_cbd4aba3d194b681.txt';
    expect(seedLine(nctq, 125)).toMatch(/average percent increase in pay earned for each additional year of experience/);
    expect(seedLine(nctq, 156)).toMatch(/average difference between the master's and bachelor's salary/);
    expect(seedLine(nctq, 171)).toMatch(/How many lanes \(or columns\)/);
    expect(seedLine(nctq, 173)).toMatch(/reach the maximum salary \(assuming no step freezes\)/);
    expect(seedLine(nctq, 175)).toMatch(/first year teacher with a bachelor's degree/);
    expect(seedLine(nctq, 190)).toMatch(/bachelor's degree and 5 years of experience/);
    expect(seedLine(nctq, 206)).toMatch(/bachelor's degree on the highest step/);
    expect(seedLine(nctq, 222)).toMatch(/first year teacher with a master's degree/);
    expect(seedLine(nctq, 237)).toMatch(/master's degree and 5 years of experience/);
    expect(seedLine(nctq, 253)).toMatch(/master's degree on the highest step/);
    expect(seedLine(nctq, 269)).toMatch(/maximum annual salary available to teachers/);
  });

  test('Waconia: the MA lane is "BA+60/MA"; the career row is year 18 and is the maximum', () => {
    const p = profile(W, '2025-26');
    expect(howOf(p, 'start-ma')).toContain('BA+60/MA');
    expect(howOf(p, 'max')).toMatch(/MA\+45 career row Career \$95,959 \(004:4982\)/);
    expect(howOf(p, 'years-to-max')).toMatch(/Career year 18 \(004:2271\)/);
    // the BA lane stops at H: BA maximum is H, not a career cell
    expect(seedLine(WACONIA, 4967).split('\t')[1]).toBe('');
    expect(howOf(p, 'ba-max')).toMatch(/BA step H \$54,622 \(004:4966\)/);
  });

  test('Anoka-Hennepin: merged rows, career rows and their seniority conditions are named', () => {
    const p05 = profile(A, '2005-06');
    expect(howOf(p05, 'ba-5-years')).toMatch(/BA step 6 \(row "6 & 7"\) \$39,771 \(001:996\)/);
    expect(howOf(p05, 'years-to-max')).toMatch(/"2 & 3", "6 & 7", "10 & 11"/);
    const p06 = profile(A, '2006-07');
    expect(howOf(p06, 'years-to-max')).toMatch(/14-CI year 14 .*CII year 15 \(001:1044-1048\), CIII year 16 \(001:1050-1052\)/);
    expect(howOf(p06, 'ba-max')).toMatch(/CII \$53,974 \(001:1037\); CII eligibility: 001:1044-1048/);
    expect(howOf(p06, 'max')).toMatch(/education: MA\+60/);
    // lane 8 prints Cyrillic "МА" (U+041C U+0410); the profile still finds the MA lane by its label
    expect(printedCells(ANOKA, 1026)[6]).toBe('\u041C\u0410');
    expect(howOf(p06, 'start-ma')).toMatch(/^first printed step of MA, year 1/);
  });

  test('other year spellings give the canonical year', () => {
    expect(profile(W, 'FY2026').year).toBe('2025-26');
    expect(profile(A, '2006-2007').year).toBe('2006-07');
  });
});

describe('re-read from the documents: the averages recomputed from the seed text', () => {
  /** The printed grid of a year as [step label, amounts per lane], merged rows expanded to one entry per step. */
  function seedGrid(file: string, lines: number[], careerLine?: number): (number | null)[][] {
    const amount = (s: string) => (/^[\d,]+$/.test(s) ? Number(s.replace(/,/g, '')) : null);
    const out: (number | null)[][] = [];
    for (const line of lines) {
      const cells = printedCells(file, line);
      const merged = /^(\d+) & (\d+)$/.exec(cells[0]);
      const row = cells.slice(1).map(amount);
      while (row.length < 8) row.push(null);
      for (let i = 0; i < (merged ? 2 : 1); i++) out.push(row);
    }
    if (careerLine) {
      // the career row prints the four career lanes (BA+60/MA … MA+45), with or without leading tabs
      const amounts = printedCells(file, careerLine).slice(1).filter((c) => c !== '').map(amount);
      out.push([null, null, null, null, ...amounts]);
    }
    return out;
  }
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  const sources: [string, string, string, number[], number | undefined, number, number][] = [
    // contract, year, file, rows, career row, BA column, MA column
    [W, '2023-24', WACONIA, range(3024, 3040), 3047, 0, 4],
    [W, '2024-25', WACONIA, range(3055, 3071), 3078, 0, 4],
    [W, '2025-26', WACONIA, range(4960, 4976), 4982, 0, 4],
    [W, '2026-27', WACONIA, range(4988, 5004), 5010, 0, 4],
    [A, '2005-06', ANOKA, range(992, 1004), undefined, 0, 5],
    [A, '2006-07', ANOKA, range(1027, 1038), undefined, 0, 5],
  ];
  test.each(sources)('%s %s', (contract, year, file, lines, career, baCol, maCol) => {
    const grid = seedGrid(file, lines, career);
    const diffs = grid.filter((r) => r[baCol] !== null && r[maCol] !== null).map((r) => r[maCol]! - r[baCol]!);
    const premium = diffs.reduce((a, b) => a + b, 0) / diffs.length;
    const incs: number[] = [];
    for (let l = 0; l < grid[0].length; l++)
      for (let s = 0; s + 1 < grid.length; s++) {
        const a = grid[s][l];
        const b = grid[s + 1][l];
        if (a !== null && b !== null) incs.push(((b - a) / a) * 100);
      }
    const step = incs.reduce((a, b) => a + b, 0) / incs.length;
    const p = profile(contract, year);
    expect(valueOf(p, 'ma-premium')).toBeCloseTo(premium, 2);
    expect(valueOf(p, 'step-increase')).toBeCloseTo(step, 2);
    expect(Math.max(...grid.flat().filter((v): v is number => v !== null))).toBe(valueOf(p, 'max'));
    expect(grid.length).toBe(career ? 18 : 16); // years of service B..Career / 1..CIII
  });
});

describe('invariants over every contract-year', () => {
  test.each(cases.map((c) => [c.contract, c.year] as const))('%s %s', (contract, year) => {
    const p = profile(contract, year);
    const v = (id: string) => valueOf(p, id)!;
    for (const m of p.metrics) {
      expect(m.value).not.toBeNull();
      expect(Number.isFinite(m.value)).toBe(true);
      expect(m.how.length).toBeGreaterThan(10);
    }
    expect(v('start-ba')).toBeLessThan(v('ba-5-years'));
    expect(v('ba-5-years')).toBeLessThanOrEqual(v('ba-max'));
    expect(v('start-ma')).toBeLessThan(v('ma-5-years'));
    expect(v('ma-5-years')).toBeLessThanOrEqual(v('ma-max'));
    expect(v('start-ba')).toBeLessThan(v('start-ma'));
    expect(v('ba-max')).toBeLessThanOrEqual(v('max'));
    expect(v('ma-max')).toBeLessThanOrEqual(v('max'));
    expect(v('years-to-max')).toBeGreaterThanOrEqual(1);
    expect(v('ma-premium')).toBeGreaterThan(0);
    expect(v('step-increase')).toBeGreaterThan(0);
  });
});

describe('failures', () => {
  function fails(r: unknown, code: 'VALUE' | 'NA', pattern: RegExp): void {
    expect(r).toBeInstanceOf(Failure);
    expect((r as Failure).code).toBe(code);
    expect((r as Failure).message).toMatch(pattern);
  }

  test('waconia/custodial has no annual salary schedule: NA saying why', () => {
    for (const y of ['2023-24', '2024-25', '2025-26', '2026-27'])
      fails(contractProfile(engine, 'waconia/custodial', y), 'NA', /waconia\/custodial has no annual salary schedule.*pays by the hour.*CONTRACT\.HOURLY/);
  });

  test('a year the contract does not cover: NA with the years it covers', () => {
    fails(contractProfile(engine, W, '2027-28'), 'NA', /does not cover 2027-28.*2023-24, 2024-25, 2025-26, 2026-27/);
    fails(contractProfile(engine, A, '2004-05'), 'NA', /does not cover 2004-05.*2005-06, 2006-07/);
  });

  test('an ambiguous or malformed year: VALUE with the right spelling', () => {
    fails(contractProfile(engine, W, '2025'), 'VALUE', /ambiguous: write 2024-25 or 2025-26/);
    fails(contractProfile(engine, W, 'next year'), 'VALUE', /not a school year/);
  });

  test('an unknown contract: VALUE listing the valid ones', () => {
    fails(contractProfile(engine, 'minneapolis/teachers', '2025-26'), 'VALUE', /Unknown contract "minneapolis\/teachers"; valid contracts: .*waconia\/teachers/);
  });
});
