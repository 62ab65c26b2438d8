/**
 * Anoka-Hennepin teachers 2005-07 beyond the K-12 salary schedule: Appendix B extracurricular stipends and
 * bonuses, Article X rates and terms, Article XI insurance, Article XVIII severance and 403(b), Appendix C
 * ECFE/ABE hourly schedule and benefits. Expected values are read from 001_568af6eb86bfbaf6.txt: each case
 * cites FILE:LINE and, where the amount is printed there, the test re-reads the line and checks it prints it.
 */
import { createRegistry, Engine, Failure } from '../../src';
import { ANOKA, printedCells, seedLine } from '../support/seeds';

/** The engine calls these tests use (API of the lead's implementation; see the brief). */
const engine = new Engine(createRegistry());
const A = 'anoka-hennepin/teachers';
const Y1 = '2005-06';
const Y2 = '2006-07';

/** The seed line prints this amount ("5,408", "24.79", "$.30" ...). */
function prints(line: number, amount: number): void {
  const text = seedLine(ANOKA, line).replace(/\\/g, '');
  const forms = Number.isInteger(amount)
    ? [amount.toLocaleString('en-US'), String(amount)]
    : [amount.toFixed(2), amount.toFixed(2).replace(/^0/, ''), String(amount).replace(/^0/, '')];
  expect([line, forms.some((f) => text.includes(f))]).toEqual([line, true]);
}

function fails(r: unknown, code: 'VALUE' | 'NA', pattern?: RegExp): void {
  expect(r).toBeInstanceOf(Failure);
  expect((r as Failure).code).toBe(code);
  if (pattern) expect((r as Failure).message).toMatch(pattern);
}

describe('Appendix B senior high athletics: level amounts, as printed (001:1070-1097)', () => {
  // [activity, role, year, expected, line where the amount is printed]
  const cases: [string, string, string, number, number][] = [
    ['Football', 'Head Coach', Y1, 5408, 1078], // Level A (001:1070)
    ['Wrestling', 'Head Coach', Y2, 5516, 1078],
    ['Football', 'First Assistant', Y1, 3936, 1080], // "First Asst. (F.B.)"
    ['Football', 'First Assistant', Y2, 4014, 1080],
    ['Basketball', 'Assistant Coach', Y1, 3680, 1081], // "Level A & Level B Asst. Coaches"
    ['Swimming', 'Head Coach', Y1, 5278, 1079], // Level B (001:1072)
    ['Volleyball', 'Head Coach', Y2, 5383, 1079],
    ['Soccer', 'Assistant Coach', Y2, 3754, 1081],
    ['Golf', 'Head Coach', Y1, 4049, 1082], // Level C (001:1074)
    ['Adaptive Bowling', 'Head Coach', Y2, 4130, 1082],
    ['Cheerleading', 'Assistant Coach', Y1, 2977, 1083],
    ['Weight Room', 'Assistant Coach', Y2, 3036, 1083],
    ['Equipment Manager', 'Manager', Y1, 4049, 1085], // label at 1084, amounts on 1085
    ['Equipment Manager', 'Assistant', Y2, 1900, 1086],
    ['Concession Manager', 'Manager', Y1, 1863, 1087],
    ['Adapted Athletics', 'District Coordinator', Y2, 1845, 1089],
    ['Dance Team Season 1', 'Coach', Y1, 2285, 1091],
    ['Dance Team Season 1', 'Assistant', Y2, 1895, 1092],
    ['Dance Team Season 2', 'Coach', Y2, 4098, 1096],
    ['Dance Team Season 2', 'Assistant', Y1, 2960, 1097],
  ];
  test.each(cases)('%s / %s %s = %d (001:%d)', (activity, role, year, expected, line) => {
    prints(line, expected);
    expect(engine.stipend(A, activity, role, 1, year)).toBe(expected);
  });

  test('every activity of each level pays that level (001:1070-1083)', () => {
    const levels: [number, string, number, number][] = [
      [1070, 'A', 1078, 1081],
      [1072, 'B', 1079, 1081],
      [1074, 'C', 1082, 1083],
    ];
    for (const [listLine, level, headLine, asstLine] of levels) {
      const names = seedLine(ANOKA, listLine)
        .replace(/<\/?u>|\*\*|#+/g, '')
        .replace(/^\s*LEVEL [ABC]\.\s*/, '')
        .split(',')
        .map((s) => s.trim().replace(/ \(per season\)$/, ''))
        .filter(Boolean);
      expect(names.length).toBeGreaterThanOrEqual(4);
      const [h1, h2] = printedCells(ANOKA, headLine).slice(1).map((s) => Number(s.replace(/,/g, '')));
      const [a1, a2] = printedCells(ANOKA, asstLine).slice(1).map((s) => Number(s.replace(/,/g, '')));
      for (const name of names) {
        expect([level, name, engine.stipend(A, name, 'Head Coach', 1, Y1)]).toEqual([level, name, h1]);
        expect([level, name, engine.stipend(A, name, 'Head Coach', 1, Y2)]).toEqual([level, name, h2]);
        expect([level, name, engine.stipend(A, name, 'Assistant Coach', 1, Y1)]).toEqual([level, name, a1]);
        expect([level, name, engine.stipend(A, name, 'Assistant Coach', 1, Y2)]).toEqual([level, name, a2]);
      }
    }
  });

  test('amounts do not vary with experience: seasons 1 and 3 pay the same (Level B assistant, 001:1081)', () => {
    expect(engine.stipend(A, 'Track', 'Assistant Coach', 1, Y1)).toBe(3680);
    expect(engine.stipend(A, 'Track', 'Assistant Coach', 3, Y1)).toBe(3680);
  });

  test('aliases: "Asst.", "First Asst. (F.B.)", "Cross Country", "Assistant Equipment Manager"', () => {
    expect(engine.stipend(A, 'Hockey', 'Asst.', 1, Y1)).toBe(3680); // 001:1081
    expect(engine.stipend(A, 'football', 'First Asst. (F.B.)', 1, Y2)).toBe(4014); // 001:1080
    expect(engine.stipend(A, 'Cross Country', 'Head Coach', 1, Y1)).toBe(4049); // 001:1099 spelling, Level C 001:1082
    expect(engine.stipend(A, 'Equipment Manager', 'Assistant Equipment Manager', 1, Y1)).toBe(1863); // 001:1086
  });
});

describe('$250 head-coach bonus from the fifth consecutive year (001:1099)', () => {
  test('the line names $250 and the activities', () => {
    const text = seedLine(ANOKA, 1099);
    expect(text).toMatch(/\$250\*\* if they are in their fifth consecutive year/);
    expect(text).toMatch(/Basketball, gymnastics, hockey, wrestling, football, swimming, soccer, track, baseball, softball, volleyball, tennis, cross country, cross country skiing, downhill skiing, golf\./);
  });
  test('fourth season: no bonus; fifth and later: + $250 (Level A head, 001:1078)', () => {
    expect(engine.stipend(A, 'Football', 'Head Coach', 4, Y1)).toBe(5408);
    expect(engine.stipend(A, 'Football', 'Head Coach', 5, Y1)).toBe(5408 + 250);
    expect(engine.stipend(A, 'Football', 'Head Coach', 12, Y2)).toBe(5516 + 250);
  });
  test('Level C activities on the list get it (tennis, 001:1082), those not on it do not (intramural)', () => {
    expect(engine.stipend(A, 'Tennis', 'Head Coach', 5, Y1)).toBe(4049 + 250);
    expect(engine.stipend(A, 'Cross Country Running', 'Head Coach', 5, Y2)).toBe(4130 + 250);
    expect(engine.stipend(A, 'Intramural', 'Head Coach', 5, Y1)).toBe(4049);
    expect(engine.stipend(A, 'Cheerleading', 'Head Coach', 6, Y1)).toBe(4049);
  });
  test('head coaches only: an assistant in the fifth season gets none (001:1081)', () => {
    expect(engine.stipend(A, 'Football', 'Assistant Coach', 5, Y1)).toBe(3680);
    expect(engine.stipend(A, 'Football', 'First Assistant', 7, Y1)).toBe(3936);
  });
});

describe('$100 state tournament incentive, only when asked for (001:1141)', () => {
  test('the line names $100 for coach and assistant coach, and band directors and assistants', () => {
    expect(seedLine(ANOKA, 1141)).toMatch(/state tournament, the coach and assistant coach shall receive an additional \\\$100 bonus; music band directors and assistants/);
  });
  test('not added unless asked', () => expect(engine.stipend(A, 'Hockey', 'Assistant Coach', 2, Y2)).toBe(3754));
  test('added when asked: assistant coach and head coach', () => {
    expect(engine.stipend(A, 'Hockey', 'Assistant Coach', 2, Y2, { bonuses: ['state-tournament'] })).toBe(3754 + 100);
    expect(engine.stipend(A, 'Softball', 'Head Coach', 1, Y1, { bonuses: ['state-tournament'] })).toBe(5278 + 100);
  });
  test('with the fifth-year bonus: 5,516 + 250 + 100 (001:1078, 1099, 1141)', () =>
    expect(engine.stipend(A, 'Basketball', 'Head Coach', 6, Y2, { bonuses: ['state-tournament'] })).toBe(5866));
  test('band director (001:1134) is eligible', () => expect(engine.stipend(A, 'Band', 'Director', 1, Y1, { bonuses: ['state-tournament'] })).toBe(4049 + 100));
  test('an unknown bonus id is refused', () => fails(engine.stipend(A, 'Hockey', 'Head Coach', 1, Y1, { bonuses: ['conference-title'] }), 'VALUE'));
});

describe('theatre and speech: flexible ranges (001:1104-1118)', () => {
  test('the flexibility sentence (001:1118)', () =>
    expect(seedLine(ANOKA, 1118)).toMatch(/^The amount listed in Subd\. 2 and 3 will be flexible\. A lesser amount may be paid/));
  test.each([
    ['Musical', 'Others', Y1, 4142, 7233, 1106],
    ['Musical', 'Others', Y2, 4225, 7378, 1106],
    ['Three Act Play', 'Others', Y2, 1055, 2427, 1109],
    ['One Act Play', 'Others', Y1, 187, 913, 1111],
    ['Speech', 'Head Coach', Y1, 2379, 4246, 1114],
    ['Speech', 'Each Assistant', Y2, 1160, 3140, 1115],
  ] as [string, string, string, number, number, number][])('%s / %s %s: [%d, %d] (001:%d)', (activity, role, year, min, max, line) => {
    expect(seedLine(ANOKA, line)).toContain(`${min.toLocaleString('en-US')}-${max.toLocaleString('en-US')}`);
    expect(engine.stipendRange(A, activity, role, year)).toEqual([min, max]);
    fails(engine.stipend(A, activity, role, 1, year), 'NA', /range/i);
  });
  test('single printed amounts: Musical Director 3,981, Pit Director 1,224, One Act Play Director 1,393 (001:1105, 1107, 1110)', () => {
    prints(1105, 3981);
    expect(engine.stipend(A, 'Musical', 'Director', 1, Y1)).toBe(3981);
    prints(1107, 1224);
    expect(engine.stipend(A, 'Musical', 'Pit Director', 1, Y2)).toBe(1224);
    prints(1110, 1393);
    expect(engine.stipend(A, 'One Act Play', 'Director', 1, Y2)).toBe(1393);
  });
});

describe('debate: prorated below 200 rounds (001:1122-1125)', () => {
  test('the lines', () => {
    expect(seedLine(ANOKA, 1123)).toMatch(/Head Coach \(200 rounds or more\)\s*\|\s*4,556\s*\|\s*4,647/);
    expect(seedLine(ANOKA, 1125)).toMatch(/Both salaries prorated for fewer rounds/);
  });
  test('150 rounds in 2005-06: 4,556 x 150/200 = 3,417', () => expect(engine.stipendUnits(A, 'Debate', 'Head Coach', 150, Y1)).toBe(3417));
  test('200 or more rounds: the full amount', () => {
    expect(engine.stipendUnits(A, 'Debate', 'Head Coach', 200, Y1)).toBe(4556);
    expect(engine.stipendUnits(A, 'Debate', 'Head Coach', 260, Y2)).toBe(4647);
  });
  test('assistant, 100 rounds in 2006-07: 3,257 x 100/200 = 1,628.50 (001:1124)', () => {
    prints(1124, 3257);
    expect(engine.stipendUnits(A, 'Debate', 'Assistant Coach', 100, Y2)).toBe(1628.5);
  });
  test('stipend() for a prorated item says to give the rounds', () => fails(engine.stipend(A, 'Debate', 'Head Coach', 1, Y1), 'NA'));
  test('negative rounds are refused', () => fails(engine.stipendUnits(A, 'Debate', 'Head Coach', -5, Y1), 'VALUE'));
});

describe('music (001:1129-1141)', () => {
  test.each([
    ['Fall Marching Band', 'Director', Y1, 4893, 1130],
    ['Fall Marching Band', 'Assistant', Y2, 3060, 1131], // "Asst. Band if Assigned"
    ['Band', 'Director', Y1, 4049, 1134],
    ['Orchestra', 'Director', Y2, 4130, 1135],
    ['Choir', 'Director', Y1, 4049, 1136],
  ] as [string, string, string, number, number][])('%s / %s %s = %d (001:%d)', (activity, role, year, expected, line) => {
    prints(line, expected);
    expect(engine.stipend(A, activity, role, 1, year)).toBe(expected);
  });
  test('summer marching band director: $350/event up to $3,500 (001:1132)', () => {
    expect(seedLine(ANOKA, 1132)).toContain('350/event up to 3,500 max');
    expect(engine.stipendUnits(A, 'Summer Marching Band', 'Director', 12, Y1)).toBe(3500); // 12 x 350 = 4,200, capped
    expect(engine.stipendUnits(A, 'Summer Marching Band', 'Director', 4, Y1)).toBe(1400);
    // the conversion lost the 2006-07 cell; read as one cell across both years (readings)
    expect(engine.stipendUnits(A, 'Summer Marching Band', 'Director', 12, Y2)).toBe(3500);
  });
  test('summer marching band assistant: $200/event up to $2,000 (001:1133, clipped "nt 200/event up to 2,000 ma")', () => {
    expect(seedLine(ANOKA, 1133)).toContain('200/event up to 2,000 ma');
    expect(engine.stipendUnits(A, 'Summer Marching Band', 'Assistant', 7, Y1)).toBe(1400);
    expect(engine.stipendUnits(A, 'Summer Marching Band', 'Assistant', 11, Y2)).toBe(2000);
  });
  test('pep band director: $200/event up to $2,400, split across both year columns (001:1137)', () => {
    expect(seedLine(ANOKA, 1137)).toMatch(/200\/even\s*\|\s*t up to max of 2,400/);
    expect(engine.stipendUnits(A, 'Pep Band', 'Director', 5, Y1)).toBe(1000);
    expect(engine.stipendUnits(A, 'Pep Band', 'Director', 13, Y2)).toBe(2400);
  });
  test('stipend() for a per-event item gives #N/A', () => fails(engine.stipend(A, 'Pep Band', 'Director', 1, Y1), 'NA'));
});

describe('miscellaneous, middle school and elementary activities', () => {
  test.each([
    ['Student Council', 'Advisor', Y1, 1251, 1146],
    ['Annual', 'Advisor', Y2, 3508, 1147],
    ['Yearbook', 'Business Advisor', Y1, 1863, 1152],
    ['Prom', 'Advisor', Y2, 784, 1149],
    ['NHS', 'Advisor', Y1, 995, 1150],
    ['LINK Crew', 'Advisor', Y2, 255, 1155],
    ['MS Oral Presentations', 'Advisor', Y2, 1056, 1186], // heading "2000-07" read as 2006-07 (001:1182)
    ['MS Annual', 'Advisor', Y1, 2231, 1204],
    ['Middle School Newspaper', 'Advisor', Y2, 1863, 1205],
    ['MS WEB', 'Facilitator', Y1, 1325, 1208],
    ['MS Choir', 'Director', Y2, 1530, 1213],
    ['School Patrol', 'Advisor', Y1, 550, 1224],
    ['Science Fair', 'Advisor', Y2, 270, 1228],
    ['Physical Education Programs', 'Advisor', Y1, 175, 1231],
  ] as [string, string, string, number, number][])('%s / %s %s = %d (001:%d)', (activity, role, year, expected, line) => {
    prints(line, expected);
    expect(engine.stipend(A, activity, role, 1, year)).toBe(expected);
  });
  test('senior high and middle school band directors differ (001:1134, 1209)', () => {
    expect(engine.stipend(A, 'Band', 'Director', 1, Y1)).toBe(4049);
    expect(engine.stipend(A, 'MS Band', 'Director', 1, Y1)).toBe(1500);
  });
  test('elementary per-event and per-team amounts (001:1226, 1227, 1232)', () => {
    prints(1226, 225);
    expect(engine.stipendUnits(A, 'Elementary Music Programs', 'Director', 3, Y1)).toBe(675);
    prints(1227, 60);
    expect(engine.stipendUnits(A, 'Elementary Music Programs', 'Others', 2, Y2)).toBe(120);
    prints(1232, 405);
    expect(engine.stipendUnits(A, 'OM', 'Coach', 2, Y2)).toBe(810);
  });
  test('middle school amounts whose labels were lost are kept under their printed line (001:1174-1177, 1189-1195)', () => {
    prints(1174, 4142);
    expect(engine.term(A, 'middle-school-unlabeled', 'line 1174', Y1)).toBe(4142);
    prints(1177, 931);
    expect(engine.term(A, 'middle-school-unlabeled', 'line 1177', Y2)).toBe(931);
    prints(1195, 1056);
    expect(engine.term(A, 'middle-school-unlabeled', 'lines 1189-1195', Y2)).toBe(1056);
  });
});

describe('Appendix B terms: driver education, building allotments, STEP (001:1157-1222)', () => {
  test.each([
    ['driver-education-hourly', undefined, Y1, 24.79, 1162],
    ['driver-education-hourly', undefined, Y2, 25.29, 1162],
    ['activity-allotment-base', 'high school', Y1, 7500, 1164],
    ['activity-allotment-pupil-base', 'high school', Y2, 2600, 1164],
    ['activity-allotment-per-pupil', 'high school', Y1, 2.95, 1164],
    ['activity-allotment-per-pupil', 'high school', Y2, 3.0, 1164],
    ['activity-allotment-pupil-base', 'middle school', Y1, 1450, 1218],
    ['activity-allotment-per-pupil', 'middle school', Y2, 2.75, 1218],
    ['activity-allotment-base', 'elementary', Y2, 7500, 1222],
    ['activity-allotment-pupil-base', 'elementary', Y1, 650, 1222],
    ['activity-allotment-per-pupil', 'elementary', Y1, 2.1, 1222],
    ['step-program-allotment', undefined, Y1, 2360, 1164],
    ['step-program-allotment', undefined, Y2, 2400, 1164],
  ] as [string, string | undefined, string, number, number][])('%s %s %s = %d (001:%d)', (id, key, year, expected, line) => {
    prints(line, expected);
    expect(engine.term(A, id, key, year)).toBe(expected);
  });
});

describe('Article X rates (001:263, 304-308)', () => {
  test('the lines: 1/7.1667 day, 1/187 year; maximum $31.26 / $31.88', () => {
    expect(seedLine(ANOKA, 263)).toContain('one hour = 1/7.1667 full **day**, one day = 1/187 of full year');
    expect(seedLine(ANOKA, 308)).toContain('\\$31.26 for 2006 and \\$31.88 for 2007');
  });
  // BA step 1 2005-06 prints 34,621 (001:992). The contract states no rounding: cents, half-up (rounding "rates").
  test('daily: 34,621 / 187 = 185.139... -> 185.14', () => expect(engine.rate(A, 'daily', 'BA', '1', Y1)).toBe(185.14));
  test('hourly: 34,621 / 187 / 7.1667 = 25.833... -> 25.83', () => expect(engine.rate(A, 'hourly', 'BA', '1', Y1)).toBe(25.83));
  test('summer-hourly under the maximum: 25.83', () => expect(engine.rate(A, 'summer-hourly', 'BA', '1', Y1)).toBe(25.83));
  test('hourly is taken from the unrounded daily rate: BA+30 step 5 2005-06, 40,480 (001:995) / 1340.1729 = 30.2051 -> 30.21 (not 216.47 / 7.1667 = 30.2043 -> 30.20)', () =>
    expect(engine.rate(A, 'hourly', 'BA+30', '5', Y1)).toBe(30.21));
  test('summer-hourly is capped at $31.26 in 2005-06: MA+60 step 2, 44,018 (001:993) / 1340.1729 = 32.85', () => {
    expect(engine.rate(A, 'hourly', 'MA+60', '2', Y1)).toBe(32.85);
    expect(engine.rate(A, 'summer-hourly', 'MA+60', '2', Y1)).toBe(31.26);
  });
  test('the cap is per year: MA+30 step 1 2006-07, 42,543 (001:1027) -> 31.74, under the 2006-07 cap $31.88', () =>
    expect(engine.rate(A, 'summer-hourly', 'MA+30', '1', Y2)).toBe(31.74));
  test('2006-07 cap: MA+45 step 1, 43,253 (001:1027) -> 32.27, capped at 31.88', () =>
    expect(engine.rate(A, 'summer-hourly', 'MA+45', '1', Y2)).toBe(31.88));
  test('the maximum is also a term', () => {
    expect(engine.term(A, 'summer-hourly-max', undefined, Y1)).toBe(31.26);
    expect(engine.term(A, 'summer-hourly-max', undefined, Y2)).toBe(31.88);
  });
  test('a closed salary cell has no rate (BA+60 step 1 prints NONE, 001:992)', () => fails(engine.rate(A, 'daily', 'BA+60', '1', Y1), 'NA'));
  test('unknown rate id', () => fails(engine.rate(A, 'weekly', 'BA', '1', Y1), 'VALUE'));
});

describe('Article X terms', () => {
  test.each([
    ['workshop-day-rate', undefined, Y1, 183, 410], // "$183.00 per day for 2006"
    ['workshop-day-rate', undefined, Y2, 187, 410], // "$187.00 per day for 2007"
    ['presenter-premium', undefined, Y2, 15, 416],
    ['overload-fraction', '4 period', Y1, 0.29, 422],
    ['overload-fraction', '7 period', Y2, 0.17, 422],
    ['overload-fraction', 'Crossroads', Y1, 0.17, 422],
    ['overload-mixed-schedule-base', '7 period', Y1, 0.7143, 424],
    ['overload-mixed-schedule-base', '4 period', Y2, 0.75, 424], // printed ".750"
    ['casual-prep-rate', 'elementary', Y1, 19.08, 431],
    ['casual-prep-rate', '6 or 7 period', Y2, 19.46, 431],
    ['casual-prep-rate', '4 period', Y1, 28.6, 431],
    ['casual-prep-rate', 'four period', Y2, 29.17, 431],
    ['secondary-vocational', undefined, Y1, 780, 406],
    ['nbpts-ccc', undefined, Y2, 1500, 441],
    ['counselor-work-year', undefined, Y1, 197, 168],
    ['duty-days', undefined, Y2, 187, 166],
    ['leadership', 'A', Y1, 1900, 326],
    ['leadership', 'Level B', Y1, 1675, 327],
    ['leadership', 'B', Y2, 1700, 327],
    ['leadership', 'TOSA', Y2, 1700, 327], // Subd. 7: TOSA paid at Level B (001:400)
    ['leadership', 'D', Y1, 1000, 329],
    ['leadership', 'D', Y2, 1650, 329], // printed: D rises to C's amount (readings)
    ['leadership', 'Middle School Team Leader', Y1, 1000, 330], // Level E (001:361)
    ['leadership', 'F', Y1, 750, 331],
    ['leadership', 'F', Y2, 1000, 331],
  ] as [string, string | undefined, string, number, number][])('%s %s %s = %d (001:%d)', (id, key, year, expected, line) => {
    prints(line, expected);
    expect(engine.term(A, id, key, year)).toBe(expected);
  });
  test('half-day workshops: "one-half daily rate" (001:412)', () => {
    expect(seedLine(ANOKA, 412)).toContain('one-half daily rate');
    expect(engine.term(A, 'workshop-half-day-fraction', undefined, Y1)).toBe(0.5);
  });
  test('counselor extra days: ten (001:168)', () => {
    expect(seedLine(ANOKA, 168)).toContain('The ten additional days shall be paid');
    expect(engine.term(A, 'counselor-extra-days', undefined, Y1)).toBe(10);
  });
  test('ranges never come back as one number: TERM is #N/A naming the range, TERM.RANGE gives both ends (001:398, 402)', () => {
    expect(seedLine(ANOKA, 398)).toContain('\\$1,500-\\$1,900 per building');
    expect(seedLine(ANOKA, 402)).toContain('\\$800-\\$1,200 per year');
    for (const [id, min, max] of [['elementary-technology-leader', 1500, 1900], ['targeted-services-coordinator', 800, 1200]] as const) {
      for (const y of [Y1, Y2]) {
        const r = engine.term(A, id, undefined, y);
        expect(r).toBeInstanceOf(Failure);
        expect((r as Failure).code).toBe('NA');
        expect((r as Failure).message).toContain(`$${min.toLocaleString('en-US')}/year to $${max.toLocaleString('en-US')}/year`);
        expect(engine.termRange(A, id, undefined, y)).toEqual([min, max]);
      }
    }
  });
});

describe('Article XI insurance (001:467-489)', () => {
  test.each([
    ['insurance-single', Y1, 100, 467], // "100% of the premium cost" (unit percent)
    ['insurance-family', Y1, 768, 469], // effective September 1, 2005
    ['insurance-family', Y2, 870, 469], // effective September 1, 2006
    ['insurance-dependent-only', Y2, 100, 471],
    ['dental', Y1, 65, 489],
    ['dental', Y2, 68, 489],
    ['life-insurance', Y1, 50000, 479],
    ['insurance-eligibility-hours', Y2, 1340, 449],
  ] as [string, string, number, number][])('%s %s = %d (001:%d)', (id, year, expected, line) => {
    prints(line, expected);
    expect(engine.term(A, id, undefined, year)).toBe(expected);
  });
  test('dental plan maximums by coverage (001:489)', () => {
    expect(engine.term(A, 'dental-plan-max', 'basic care', Y1)).toBe(1500);
    expect(engine.term(A, 'dental-plan-max', 'orthodontia', Y2)).toBe(1250);
  });
});

describe('Article XIV sick leave buy back by seniority (001:586)', () => {
  test('the line', () => expect(seedLine(ANOKA, 586)).toMatch(/up to five days \(six \(6\) days for teachers with less than 10 years seniority\).*\\\$132\.00 for 2005-06 and \\\$134\.00 for 2006-07/));
  test('days: six below 10 years, five from 10 years', () => {
    expect(engine.term(A, 'sick-leave-buyback-days', undefined, Y1, 3)).toBe(6);
    expect(engine.term(A, 'sick-leave-buyback-days', undefined, Y1, 9)).toBe(6);
    expect(engine.term(A, 'sick-leave-buyback-days', undefined, Y1, 10)).toBe(5);
    expect(engine.term(A, 'sick-leave-buyback-days', undefined, Y2, 25)).toBe(5);
  });
  test('rate per day', () => {
    expect(engine.term(A, 'sick-leave-buyback-rate', undefined, Y1)).toBe(132);
    expect(engine.term(A, 'sick-leave-buyback-rate', undefined, Y2)).toBe(134);
  });
});

describe('Article XVIII severance and 403(b) (001:868-888)', () => {
  test('severance: up to 103 unused sick days x daily rate (001:870)', () => {
    expect(seedLine(ANOKA, 870)).toContain('up to 103 unused sick days times the teacher\'s daily rate of pay');
    expect(engine.term(A, 'severance-max-days', undefined, Y1)).toBe(103);
  });
  test.each([
    ['tier 1', Y1, 500, 884],
    ['tier 2', Y1, 1000, 884],
    ['tier 3', Y1, 1500, 884],
    ['tier 1', Y2, 1000, 886],
    ['tier 2', Y2, 1500, 886],
    ['tier 3', Y2, 2000, 886],
  ] as [string, string, number, number][])('403(b) match %s %s = %d (001:%d)', (key, year, expected, line) => {
    prints(line, expected);
    expect(engine.term(A, '403b-match', key, year)).toBe(expected);
  });
  test('the tier dates move between the years (001:884 vs 886)', () => {
    expect(seedLine(ANOKA, 884)).toMatch(/\\\$500\.00 per school year in a 403\(b\) program for all teachers with a seniority date prior to June 30, \*\*2002\*\*/);
    expect(seedLine(ANOKA, 886)).toMatch(/\\\$1000\.00 per school year in a 403\(b\) program for all teachers with a seniority date prior to June 30, 2004/);
  });
  test('there is no fourth tier', () => fails(engine.term(A, '403b-match', 'tier 4', Y1), 'VALUE'));
  test('lifetime maximum $35,000 (001:888)', () => {
    prints(888, 35000);
    expect(engine.term(A, '403b-lifetime-max', undefined, Y2)).toBe(35000);
  });
});

describe('Appendix C ECFE/ABE hourly schedule (001:1293-1306)', () => {
  /** "\$20.86" -> 20.86 */
  const dollars = (s: string) => Number(s.replace(/[\\$,]/g, ''));
  /** "Step 2 & 3" -> ["2", "3"] */
  const steps = (s: string) => s.replace(/^Step\s*/, '').split('&').map((x) => x.trim());
  test('every printed cell, both halves of the table (BA heading printed in Cyrillic, 001:1296)', () => {
    let cells = 0;
    for (let line = 1298; line <= 1304; line++) {
      const [s1, ba1, ma1, s2, ba2, ma2] = printedCells(ANOKA, line);
      for (const st of steps(s1)) {
        expect([line, st, engine.hourly(A, 'BA', st, Y1)]).toEqual([line, st, dollars(ba1)]);
        expect([line, st, engine.hourly(A, 'MA', st, Y1)]).toEqual([line, st, dollars(ma1)]);
        cells += 2;
      }
      for (const st of steps(s2)) {
        expect([line, st, engine.hourly(A, 'BA', st, Y2)]).toEqual([line, st, dollars(ba2)]);
        expect([line, st, engine.hourly(A, 'MA', st, Y2)]).toEqual([line, st, dollars(ma2)]);
        cells += 2;
      }
    }
    expect(cells).toBe(32);
  });
  test('merged rows differ per year: step 3 is "Step 2 & 3" in 2005-06, "Step 3 & 4" in 2006-07', () => {
    expect(engine.hourly(A, 'BA', '3', Y1)).toBe(21.99); // 001:1299
    expect(engine.hourly(A, 'BA', 'Step 3', Y2)).toBe(23.69); // 001:1300
    expect(engine.hourly(A, 'MA', '2', Y2)).toBe(23.48); // 001:1299
  });
  test('ECFE lead add-on $.30/hour (001:1306)', () => {
    prints(1306, 0.3);
    expect(engine.term(A, 'ecfe-lead-add-on', undefined, Y1)).toBe(0.3);
  });
  test('step movement: 500 hours a fiscal year (001:1312)', () => {
    expect(seedLine(ANOKA, 1312)).toContain('Minimum of 500 hours per fiscal year to be eligible for step movement');
    expect(engine.term(A, 'ecfe-abe-step-movement-hours', undefined, Y2)).toBe(500);
  });
  test.each([
    ['ecfe-abe-insurance-single', undefined, Y1, 100, 1316],
    ['ecfe-abe-insurance-family', undefined, Y1, 768, 1316],
    ['ecfe-abe-insurance-family', undefined, Y2, 870, 1316],
    ['ecfe-abe-dental', undefined, Y2, 68, 1318],
    ['ecfe-abe-insurance-hours', 'full', Y1, 1340, 1316],
    ['ecfe-abe-insurance-hours', 'prorated', Y1, 1044, 1318],
    ['ecfe-abe-sick-leave-buyback-rate', undefined, Y2, 21, 1323],
    ['ecfe-abe-403b-match', 'tier 1', Y1, 500, 1339],
    ['ecfe-abe-403b-match', 'tier 3', Y2, 2000, 1341],
  ] as [string, string | undefined, string, number, number][])('%s %s %s = %d (001:%d)', (id, key, year, expected, line) => {
    prints(line, expected);
    expect(engine.term(A, id, key, year)).toBe(expected);
  });
  test('a Cyrillic "ВА" as printed at 001:1296 is refused', () => fails(engine.hourly(A, '\u0412\u0410', '1', Y1), 'VALUE'));
  test('unknown lane and step', () => {
    fails(engine.hourly(A, 'PhD', '1', Y1), 'VALUE', /BA.*MA/);
    fails(engine.hourly(A, 'BA', '9', Y1), 'VALUE');
  });
});

describe('bad inputs', () => {
  test('unknown activity', () => fails(engine.stipend(A, 'Lacrosse', 'Head Coach', 1, Y1), 'VALUE', /Lacrosse/));
  test('unknown role for a known activity', () => fails(engine.stipend(A, 'Football', 'Coordinator', 1, Y1), 'VALUE', /Coordinator/));
  test('seasons must be 1 or more', () => fails(engine.stipend(A, 'Football', 'Head Coach', 0, Y1), 'VALUE'));
  test('a year the contract does not cover', () => {
    fails(engine.stipend(A, 'Football', 'Head Coach', 1, '2007-08'), 'NA');
    fails(engine.term(A, 'insurance-family', undefined, '2004-05'), 'NA');
    fails(engine.rate(A, 'daily', 'BA', '1', '2007-08'), 'NA');
    fails(engine.hourly(A, 'BA', '1', '2007-08'), 'NA');
    fails(engine.stipendUnits(A, 'Debate', 'Head Coach', 150, '2007-08'), 'NA');
  });
  test('unknown term id and unknown key', () => {
    fails(engine.term(A, 'insurance-vision', undefined, Y1), 'VALUE');
    fails(engine.term(A, 'leadership', 'G', Y1), 'VALUE', /G/);
  });
  test('stipendRange of an unknown activity', () => fails(engine.stipendRange(A, 'Mime', 'Director', Y1), 'VALUE'));
});

describe('leave terms added from Articles XIII-XV (each value printed on its line)', () => {
  const text = (line: number) => seedLine(ANOKA, line).replace(/\*\*/g, '');
  test('sabbatical pay: one-half, or three-fourths this year and next, after seven consecutive years (001:642)', () => {
    expect(text(642)).toContain('at least seven consecutive years the reimbursement for sabbatical leave shall be one-half of the teacher\'s salary for the year of leave, or, if the teacher chooses, three-fourths salary for the year of the leave and three-fourths salary for the year following');
    for (const y of [Y1, Y2]) {
      expect(engine.term(A, 'sabbatical-pay-share', 'one-half', y)).toBe(50);
      expect(engine.term(A, 'sabbatical-pay-share', '3/4', y)).toBe(75);
      expect(engine.term(A, 'sabbatical-min-years', undefined, y)).toBe(7);
    }
    expect(text(632)).toContain('seventh year of consecutive employment');
    fails(engine.term(A, 'sabbatical-pay-share', undefined, Y1), 'VALUE', /one-half, three-fourths/);
  });
  test('sabbatical: 0.8% of the staff (001:640); half the sick days credited (001:646)', () => {
    expect(text(640)).toContain('limited to .8 % of the teaching staff');
    expect(engine.term(A, 'sabbatical-staff-limit', undefined, Y2)).toBe(0.8);
    expect(text(646)).toContain('One-half of the days normally allowed will be credited for the year of sabbatical leave');
    expect(engine.term(A, 'sabbatical-sick-leave-credit', undefined, Y2)).toBe(50);
  });
  test('personal leave 3 days, a seniority day from 10 years (001:594)', () => {
    expect(text(594)).toContain('Three non-cumulative personal leave days deducted from sick leave');
    expect(text(594)).toContain('Teachers with 10 years or more seniority may request one additional personal leave day');
    expect(engine.term(A, 'personal-leave-days', undefined, Y1)).toBe(3);
    expect(engine.term(A, 'seniority-day', undefined, Y1, 9)).toBe(0);
    expect(engine.term(A, 'seniority-day', undefined, Y1, 10)).toBe(1);
  });
  test('parental 15 sick days (001:564); maternity disability up to 30 duty days (001:539); educational growth after 2 years (001:655); AHEM 100 days (001:124)', () => {
    expect(text(564)).toContain('may use up to fifteen (15) days sick leave');
    expect(engine.term(A, 'parental-sick-leave-days', undefined, Y1)).toBe(15);
    expect(text(539)).toContain('up to and including thirty (30) duty days');
    expect(engine.term(A, 'maternity-disability-sick-days', undefined, Y1)).toBe(30);
    expect(text(655)).toContain('at least two full years');
    expect(engine.term(A, 'educational-growth-leave-min-years', undefined, Y2)).toBe(2);
    expect(text(124)).toContain('AHEM shall be allowed 100 days per year');
    expect(engine.term(A, 'association-leave-days', undefined, Y2)).toBe(100);
  });
  test('severance 403(b) limit $35,000 (001:872)', () => {
    prints(872, 35000);
    expect(engine.term(A, 'severance-403b-limit', undefined, Y1)).toBe(35000);
  });
});

describe('stipends prorated where Appendix B says how (001:1244, 001:1139-1140)', () => {
  test('a coach for part of the season: pro rata of the full season (001:1244); Level A head coach 2006-07 $5,516 (001:1078)', () => {
    expect(seedLine(ANOKA, 1244)).toContain('Coaches who coach less than the full season shall have their compensation pro rata, based on the full season');
    prints(1078, 5516);
    // 5,516 x 0.75 = 4,137.00
    expect(engine.stipend(A, 'Football', 'Head Coach', 1, Y2, { season: 0.75 })).toBe(4137);
    // fifth season: 4,137 + the $250 bonus added in full (001:1099) = 4,387
    expect(engine.stipend(A, 'Football', 'Head Coach', 5, Y2, { season: 0.75 })).toBe(4387);
    // 5,516 x 2/3 = 3,677.3333 -> 3,677.33
    expect(engine.stipend(A, 'Football', 'Head Coach', 1, Y2, { season: 2 / 3 })).toBe(3677.33);
    expect(engine.stipend(A, 'Football', 'Head Coach', 1, Y2, { season: 1 })).toBe(5516);
  });
  test('part-time music directors get the proportion of the rate (001:1139-1140): Band Director $4,049 / $4,130 (001:1134)', () => {
    expect(seedLine(ANOKA, 1139)).toContain('All full time get rate');
    expect(seedLine(ANOKA, 1140)).toContain('All part time get proportion of rate');
    prints(1134, 4049);
    // 4,049 x 0.6 = 2,429.40; 4,130 x 0.5 = 2,065.00
    expect(engine.stipend(A, 'Band', 'Director', 1, Y1, { fte: 0.6 })).toBe(2429.4);
    expect(engine.stipend(A, 'Band', 'Director', 1, Y2, { fte: 0.5 })).toBe(2065);
    expect(engine.stipend(A, 'Band', 'Director', 1, Y2, { fte: 1 })).toBe(4130);
  });
  test('where the contract says nothing, no proration is invented', () => {
    // part of a season for a music director; part time for a coach (Section D makes A and B contingent on a full schedule, 001:1238)
    fails(engine.stipend(A, 'Band', 'Director', 1, Y2, { season: 0.5 }), 'NA', /no proration of Band \/ Director for part of a season: its clause covers Senior High Athletics.*001_568af6eb86bfbaf6\.txt:1244/);
    fails(engine.stipend(A, 'Football', 'Head Coach', 1, Y2, { fte: 0.5 }), 'NA', /for a part-time teacher: its clause covers Senior High Music \(Subd\. 5\) only/);
    fails(engine.stipend('waconia/teachers', 'Football', 'Head', 1, '2025-26', { season: 0.5 }), 'NA', /waconia\/teachers states no proration.*full amount only/);
    fails(engine.stipend('waconia/teachers', 'Football', 'Head', 1, '2025-26', { fte: 0.5 }), 'NA', /states no proration/);
  });
  test('shares out of range are refused', () => {
    fails(engine.stipend(A, 'Football', 'Head Coach', 1, Y2, { season: 1.2 }), 'VALUE', /season share/);
    fails(engine.stipend(A, 'Football', 'Head Coach', 1, Y2, { season: 0 }), 'VALUE', /season share/);
    fails(engine.stipend(A, 'Band', 'Director', 1, Y2, { fte: 2 }), 'VALUE', /FTE 2 is out of range/);
  });
});
