/**
 * waconia/custodial: the SEIU Local 284 custodial/maintenance agreements 2023-25 and 2025-27
 * (004_95c67c5f7895ec64.txt, items 7.C and 7.D). Expected values are read from the seed text: the wage
 * sweep re-reads every printed schedule row; named values cite file:line and check that the line prints them.
 */
import { checkContracts, ContractRegistry, createRegistry, Engine, Failure } from '../../src';
import { bundledContracts } from '../../src/contracts';
import { WACONIA, money, printedCells, seedLine } from '../support/seeds';

const engine = new Engine(createRegistry());
const C = 'waconia/custodial';

function fails(r: unknown, code: 'VALUE' | 'NA', pattern?: RegExp) {
  expect(r).toBeInstanceOf(Failure);
  expect((r as Failure).code).toBe(code);
  if (pattern) expect((r as Failure).message).toMatch(pattern);
}

/** The document line must print this text (so a hard-coded amount is tied to the seed). */
function prints(line: number, text: string) {
  expect(seedLine(WACONIA, line)).toContain(text);
}

// The printed wage rows: 004:6552-6554 (2023-24), 6564-6566 (2024-25), 7287-7289 (2025-26), 7299-7301 (2026-27)
const TABLES: [string, number[]][] = [
  ['2023-24', [6552, 6553, 6554]],
  ['2024-25', [6564, 6565, 6566]],
  ['2025-26', [7287, 7288, 7289]],
  ['2026-27', [7299, 7300, 7301]],
];
const POSITIONS = ['Day Leads / Custodial Maintenance', 'Night Leads / Groundskeeper', 'Custodial Cleaner'];
const GRADES = ['12', '11', '6'];
const HEADERS: Record<string, number> = { '2023-24': 6551, '2024-25': 6563, '2025-26': 7286, '2026-27': 7298 };

/** A printed cell without the redline's insertion marks: "<u>21.12</u>" -> "21.12". */
const clean = (cell: string) => cell.replace(/<\/?u>/g, '').trim();

describe('hourly wage schedules, every printed cell re-read from the document', () => {
  for (const [year, lines] of TABLES) {
    test(`${year}: ${lines.map((l) => `004:${l}`).join(', ')}`, () => {
      const header = printedCells(WACONIA, HEADERS[year]);
      expect(header.slice(0, 3)).toEqual(['Position Description', 'Grade', 'Step 1']);
      const stepsPrinted = header.length - 2;
      let checked = 0;
      lines.forEach((line, i) => {
        const cells = printedCells(WACONIA, line).map(clean);
        expect(cells[0]).toBe(POSITIONS[i]);
        expect(cells[1]).toBe(GRADES[i]);
        const values = cells.slice(2);
        expect(values).toHaveLength(stepsPrinted);
        values.forEach((v, s) => {
          expect(engine.hourly(C, POSITIONS[i], String(s + 1), year)).toBe(money(v));
          expect(engine.hourly(C, `Grade ${GRADES[i]}`, `Step ${s + 1}`, year)).toBe(money(v));
          checked++;
        });
        // steps the year does not print are empty cells: #N/A
        for (let s = stepsPrinted + 1; s <= 12; s++) fails(engine.hourly(C, POSITIONS[i], String(s), year), 'NA');
      });
      expect(checked).toBe(3 * stepsPrinted);
    });
  }
  test('2023-24 prints Steps 1-11 and 2024-25 onward Steps 1-12 (Step 12 added, 004:5861)', () => {
    const last = (l: number) => printedCells(WACONIA, l)[printedCells(WACONIA, l).length - 1];
    expect(last(6551)).toBe('Step 11');
    for (const l of [6563, 7286, 7298]) expect(last(l)).toBe('Step 12');
  });
});

describe('named wage cells', () => {
  test.each([
    // [position, step, year, expected, citation]
    ['Day Leads / Custodial Maintenance', '1', '2023-24', 19.0, '004:6552'],
    ['Custodial Cleaner', '11', '2023-24', 19.39, '004:6554'],
    ['Day Leads / Custodial Maintenance', '12', '2024-25', 26.79, '004:6564 (new Step 12)'],
    ['Night Leads / Groundskeeper', '12', '2024-25', 25.84, '004:6565 (new Step 12)'],
    ['Custodial Cleaner', '12', '2024-25', 20.17, '004:6566 (new Step 12)'],
    ['Day Leads / Custodial Maintenance', '3', '2025-26', 21.12, '004:7287 (printed <u>21.12</u>)'],
    ['Night Leads / Groundskeeper', '10', '2025-26', 25.0, '004:7288'],
    ['Custodial Cleaner', '12', '2026-27', 21.82, '004:7301'],
    ['Day Leads / Custodial Maintenance', '12', '2026-27', 28.98, '004:7299'],
  ])('%s step %s %s = %d (%s)', (position, step, year, expected) => {
    expect(engine.hourly(C, position, step, year)).toBe(expected);
  });

  test('Step 12 of 2023-24 is an empty cell (#N/A): the step was added in 2024-25 (004:6551, 004:5861)', () => {
    fails(engine.hourly(C, 'Day Leads / Custodial Maintenance', '12', '2023-24'), 'NA');
    fails(engine.hourly(C, 'Custodial Cleaner', 'Step 12', '2023-24'), 'NA');
  });

  test('position aliases: grade numbers and each half of a combined description (004:6551-6554)', () => {
    // 2024-25 Step 5: 21.83 / 21.04 / 16.83 (004:6564-6566)
    for (const p of ['Day Leads', 'Day Lead', 'Custodial Maintenance', 'Grade 12', '12', 'day leads / custodial maintenance'])
      expect(engine.hourly(C, p, '5', '2024-25')).toBe(21.83);
    for (const p of ['Night Leads', 'Night Lead', 'Groundskeeper', 'Grade 11', '11']) expect(engine.hourly(C, p, 5, '2024-25')).toBe(21.04);
    for (const p of ['Custodial Cleaner', 'Cleaner', 'Grade 6', '6']) expect(engine.hourly(C, p, 'Step 5', '2024-25')).toBe(16.83);
    expect(engine.hourly(C, 12, 5, '2024-2025')).toBe(21.83);
  });
});

describe('Steps 1 and 2 removed for new hires, yet still printed (004:5847)', () => {
  test('the summary removes Steps 1-2; new hires from July 1, 2024 start at Step 3', () => {
    prints(5847, 'remove Steps 1 and 2 from the salary schedule');
    prints(5847, 'New employees hired on or after July 1, 2024, will start at Step 3 or higher');
    expect(engine.term(C, 'new-hire-minimum-step', undefined, '2024-25')).toBe(3);
    expect(engine.term(C, 'new-hire-minimum-step', undefined, '2026-27')).toBe(3);
    fails(engine.term(C, 'new-hire-minimum-step', undefined, '2023-24'), 'NA');
  });
  test('the 2025-26 and 2026-27 tables still print Steps 1 and 2; HOURLY returns them as printed', () => {
    // 004:7287 prints 19.76 and 20.43 unmarked before the inserted <u>21.12</u>
    expect(printedCells(WACONIA, 7287).slice(2, 5)).toEqual(['19.76', '20.43', '<u>21.12</u>']);
    expect(engine.hourly(C, 'Day Leads / Custodial Maintenance', '1', '2025-26')).toBe(19.76);
    expect(engine.hourly(C, 'Custodial Cleaner', '2', '2026-27')).toBe(16.78); // 004:7301
  });
});

describe('premiums and pay rules', () => {
  const both = (a: string[], b: string[]) => [...a, ...b];
  const Y1 = ['2023-24', '2024-25'];
  const Y2 = ['2025-26', '2026-27'];

  test('overtime: 1.5x past 40 hours; the basic rate includes the second shift differential (004:6059-6061, 004:6820-6822)', () => {
    prints(6059, 'one and one-half times their basic hourly rate for each hour worked in excess of forty (40) hours');
    prints(6061, 'which includes second shift differential');
    prints(6820, 'one and one-half times their basic hourly rate');
    for (const y of both(Y1, Y2)) {
      expect(engine.term(C, 'overtime-multiplier', undefined, y)).toBe(1.5);
      expect(engine.term(C, 'overtime-threshold-hours', undefined, y)).toBe(40);
    }
    prints(6061, 'forty and one-half (40.5) hours of compensatory time');
    expect(engine.term(C, 'comp-time-max-hours', undefined, '2025-26')).toBe(40.5);
  });

  test('second shift differential for Custodial Cleaners by step band (004:6067-6071, 004:6828-6832)', () => {
    const bands: [number, number, string, number, string[]][] = [
      [6067, 6828, '$1.55 per hour', 1.55, ['Steps 1-2', '1', '2']],
      [6068, 6829, '$1.80 per hour', 1.8, ['Steps 3-4', '3', 'Step 4']],
      [6069, 6830, '$2.05 per hour', 2.05, ['Steps 5-8', '5', '8']],
      [6070, 6831, '$2.55 per hour', 2.55, ['Steps 9-10', '9', '10']],
      [6071, 6832, '$2.95 per hour', 2.95, ['Step 11+', '11', '12']],
    ];
    for (const [l1, l2, text, amount, keys] of bands) {
      prints(l1, text);
      prints(l2, text);
      for (const k of keys) for (const y of both(Y1, Y2)) expect(engine.term(C, 'second-shift-differential', k, y)).toBe(amount);
    }
    // the top band prints "Step 11 ±", read as Step 11 and above
    prints(6071, 'Step 11 ±');
  });

  test('boiler license compensation, per hour, by license (004:6075-6080, 004:6836-6841)', () => {
    prints(6075, 'Boiler License compensation per hour override');
    const lic: [number, number, string, number][] = [
      [6077, 6838, 'Special', 0.25],
      [6078, 6839, '2nd Class', 0.4],
      [6079, 6840, '1st Class', 0.6],
      [6080, 6841, 'Chief', 0.7],
    ];
    for (const [l1, l2, key, amount] of lic) {
      const text = `${key} License\t\\$${amount.toFixed(2)}`;
      prints(l1, text);
      prints(l2, text);
      for (const y of both(Y1, Y2)) expect(engine.term(C, 'boiler-license', key, y)).toBe(amount);
      expect(engine.term(C, 'boiler-license', `${key} License`, '2024-25')).toBe(amount);
    }
    expect(engine.term(C, 'boiler-license', 'First Class', '2026-27')).toBe(0.6);
  });

  test('registered unlicensed electrician and pesticide applicator: $0.30 per hour (004:6084, 6086, 6845, 6847)', () => {
    for (const l of [6084, 6086, 6845, 6847]) prints(l, 'additional \\$0.30 per hour');
    for (const y of both(Y1, Y2)) {
      expect(engine.term(C, 'unlicensed-electrician', undefined, y)).toBe(0.3);
      expect(engine.term(C, 'pesticide-applicator', undefined, y)).toBe(0.3);
    }
  });

  test('night lead custodian per month by building (004:6090, 004:6851)', () => {
    for (const l of [6090, 6851]) {
      prints(l, 'Elementary Night Lead Custodians shall receive an additional \\$115.00 per month');
      prints(l, 'Middle School Night Lead Custodians shall receive an additional \\$125.00 per month');
      prints(l, 'High School Night Lead Custodians shall receive an additional \\$150.00 per month');
    }
    for (const y of both(Y1, Y2)) {
      expect(engine.term(C, 'night-lead', 'elementary', y)).toBe(115);
      expect(engine.term(C, 'night-lead', 'middle school', y)).toBe(125);
      expect(engine.term(C, 'night-lead', 'high school', y)).toBe(150);
    }
  });

  test('snow removal $50/month, late-night special events $0.80/hour (004:6092-6094, 004:6853-6855)', () => {
    for (const l of [6092, 6853]) prints(l, 'additional \\$50.00 per month for district-wide snow removal');
    for (const l of [6094, 6855]) prints(l, 'additional \\$0.80 per hour for that shift');
    for (const y of both(Y1, Y2)) {
      expect(engine.term(C, 'snow-removal', undefined, y)).toBe(50);
      expect(engine.term(C, 'late-night-event', undefined, y)).toBe(0.8);
    }
  });

  test('Saturday/Sunday at time and one-half; holiday work at two times plus holiday pay (004:6096-6098, 004:6857-6859)', () => {
    for (const l of [6096, 6857]) prints(l, 'paid at the rate of time and one-half');
    for (const l of [6098, 6859]) {
      prints(l, 'shall be paid two times the employee'); // 6098 prints a curly apostrophe, 6859 a straight one
      prints(l, 'regular rate of pay for the work performed on the holiday or the observed holiday, in addition to the employee');
      prints(l, 's holiday pay');
    }
    for (const y of both(Y1, Y2)) {
      expect(engine.term(C, 'weekend-multiplier', undefined, y)).toBe(1.5);
      expect(engine.term(C, 'holiday-multiplier', undefined, y)).toBe(2);
    }
  });

  test('call-back minimum two hours; building checks 5/6/7 buildings = 4/5/5.5 hours (004:6304, 004:7037)', () => {
    for (const l of [6304, 7037]) {
      prints(l, 'called back to work after his/her regular day, a minimum of two (2) hours will be paid');
      prints(l, 'five (5) buildings they shall receive four (4) hours of pay');
      prints(l, 'seven (7) buildings are checked, they shall receive five and one-half (5.5) hours');
    }
    for (const y of both(Y1, Y2)) {
      expect(engine.term(C, 'call-back-minimum-hours', undefined, y)).toBe(2);
      expect(engine.term(C, 'building-check-hours', '5 buildings', y)).toBe(4);
      expect(engine.term(C, 'building-check-hours', '6', y)).toBe(5);
      expect(engine.term(C, 'building-check-hours', '7 buildings', y)).toBe(5.5);
    }
    prints(6308, 'cancelled within four (4) hours of the activity, the employee shall be paid a two (2) hour minimum');
    expect(engine.term(C, 'cancelled-activity-minimum-hours', undefined, '2023-24')).toBe(2);
  });

  test('longevity: $200 after 15, $400 after 20, $600 after 25 years (004:6100, 004:6861)', () => {
    for (const l of [6100, 6861])
      prints(l, '\\$200.00 per year after fifteen (15) years of continuous service, \\$400.00 per year after twenty (20) years of continuous service and \\$600.00 per year after twenty-five (25) years');
    const tiers: [number, number][] = [[0, 0], [14, 0], [15, 200], [19, 200], [20, 400], [24, 400], [25, 600], [35, 600]];
    for (const y of both(Y1, Y2)) for (const [years, amount] of tiers) expect(engine.term(C, 'longevity', undefined, y, years)).toBe(amount);
    fails(engine.term(C, 'longevity', undefined, '2025-26'), 'VALUE', /years of service/);
  });

  test('wellness bonus by hours of sick leave used (004:6106-6108, 004:6867-6869)', () => {
    const rows: [number, number, string, string, number][] = [
      [6106, 6867, 'No more than eight (8) hours of sick leave used:\t\\$300.00', '8 hours', 300],
      [6107, 6868, 'No more than sixteen (16) hours of sick leave used:\t\\$200.00', '16 hours', 200],
      [6108, 6869, 'No more than twenty-four (24) hours of sick leave used:\t\\$100.00', '24 hours', 100],
    ];
    for (const [l1, l2, text, key, amount] of rows) {
      prints(l1, text);
      prints(l2, text);
      for (const y of both(Y1, Y2)) expect(engine.term(C, 'wellness-bonus', key, y)).toBe(amount);
    }
    expect(engine.term(C, 'wellness-bonus', 'No more than 16 hours', '2026-27')).toBe(200);
  });

  test('cell phone up to $50/month; $500 one-time payment in 2023-24 only (004:6116, 004:5854)', () => {
    prints(6116, 'shall receive up to \\$50.00 per month');
    expect(engine.term(C, 'cell-phone', undefined, '2025-26')).toBe(50);
    prints(5854, '\\$500 one-time payment');
    prints(5851, 'Year 1 (2023-2024)');
    expect(engine.term(C, 'one-time-payment', undefined, '2023-24')).toBe(500);
    fails(engine.term(C, 'one-time-payment', undefined, '2024-25'), 'NA');
  });
});

describe('insurance', () => {
  // [year, single, 2-party, family, lines]
  const rows: [string, number, number, number, number[]][] = [
    ['2023-24', 767.13, 1185.91, 1476.88, [6131, 6132, 6133]], // struck (marks lost) amounts; WEA 2023-24 at 004:2432
    ['2024-25', 843.84, 1304.5, 1624.58, [6131, 6132, 6133]],
    ['2025-26', 928.22, 1434.96, 1787.04, [6892, 6893, 6894]],
    ['2026-27', 1021.04, 1578.46, 1965.74, [6895, 6896, 6897]],
  ];
  test.each(rows)('%s monthly district contribution: single %d, 2-party %d, family %d', (year, single, two, family, lines) => {
    const fmt = (n: number) => n.toFixed(2);
    // the lines print each amount (2-party/family with or without a thousands comma)
    [single, two, family].forEach((amount, i) => {
      const text = seedLine(WACONIA, lines[i]).replace(/,/g, '');
      expect(text).toContain(fmt(amount));
    });
    expect(engine.term(C, 'insurance-contribution', 'Single', year)).toBe(single);
    expect(engine.term(C, 'insurance-contribution', '2-Party', year)).toBe(two);
    expect(engine.term(C, 'insurance-contribution', 'Family', year)).toBe(family);
    expect(engine.term(C, 'insurance-contribution', 'family policy', year)).toBe(family);
    expect(engine.term(C, 'insurance-contribution', 'Single+1', year)).toBe(two);
  });
  test('2023-24 equals the teachers\' 2023-24 contribution the custodial article refers to (004:2432, 004:6135)', () => {
    prints(2432, '\\$767.13\t\\$1,185.91\t\\$1,476.88');
    prints(6135, 'reflect the amounts provided in the Waconia Education Association');
  });
  test('coverage is required and must be known', () => {
    fails(engine.term(C, 'insurance-contribution', undefined, '2025-26'), 'VALUE', /Single, 2-Party, Family/);
    fails(engine.term(C, 'insurance-contribution', 'Platinum', '2025-26'), 'VALUE', /Single, 2-Party, Family/);
  });
  test('retiree contribution $155/month; term life $50,000 / $30,000 (004:6151, 004:6145)', () => {
    prints(6151, 'contribution of \\$155.00 per month');
    prints(6145, '\\$50,000 term life insurance policy');
    prints(6145, '\\$30,000 term life insurance policy');
    expect(engine.term(C, 'retiree-insurance', undefined, '2026-27')).toBe(155);
    expect(engine.term(C, 'term-life-insurance', '8 hours per day', '2023-24')).toBe(50000);
    expect(engine.term(C, 'term-life-insurance', 'Part-time', '2023-24')).toBe(30000);
  });
});

describe('403(b) and HRA district match', () => {
  // [year, [0-3, 4-10, 11-15, 16-20, 21-25, 26+], lines]
  const tables: [string, number[], number[]][] = [
    ['2023-24', [0, 250, 425, 600, 750, 900], [6374, 6375, 6376, 6377, 6378, 6379]],
    ['2024-25', [0, 275, 450, 625, 775, 925], [6386, 6387, 6388, 6389, 6390, 6391]],
    ['2025-26', [0, 275, 450, 625, 775, 925], [7106, 7107, 7108, 7109, 7110, 7111]],
    ['2026-27', [0, 300, 475, 650, 800, 950], [7118, 7119, 7120, 7121, 7122, 7124]],
  ];
  const bracket = [[0, 3], [4, 10], [11, 15], [16, 20], [21, 25], [26, 40]];
  test.each(tables)('%s match per year, each half', (year, amounts, lines) => {
    amounts.forEach((amount, i) => {
      const cells = printedCells(WACONIA, lines[i]);
      // "$250 275 Match": the second number is the new amount (redline marks lost); "No district match." is 0
      if (amount === 0) expect(cells[1]).toBe('No district match.');
      else expect(cells[1].replace(/^\\\$/, '').split(' ').slice(-2, -1)[0]).toBe(String(amount));
      expect(cells[2]).toBe(cells[1]); // the HRA column prints the same
      for (const years of bracket[i]) {
        expect(engine.term(C, '403b-match', undefined, year, years)).toBe(amount);
        expect(engine.term(C, 'hra-match', undefined, year, years)).toBe(amount);
      }
    });
  });
  test('bracket totals as printed: e.g. 2024-25 4-10 yrs "$3, 500 850" = 3,850 = (275 + 275) x 7 (004:6387)', () => {
    expect(printedCells(WACONIA, 6387)[3]).toBe('\\$3, 500 850');
    expect(engine.term(C, 'dc-bracket-total', '4-10 yrs', '2024-25')).toBe(3850);
    expect(engine.term(C, 'dc-bracket-total', '4 - 10 yrs.', '2023-24')).toBe(3500); // 004:6375
    expect(printedCells(WACONIA, 7122)[3]).toBe('\\$8,000');
    expect(engine.term(C, 'dc-bracket-total', '21-25', '2026-27')).toBe(8000);
  });
  test('lifetime maximum: 30,000 then 32,200, but 2025-26 prints 32,000 (004:6380, 6392, 7112, 7125)', () => {
    prints(6380, '\\$30,000');
    prints(6392, '\\$ 30,000 32,200');
    prints(7112, '\\$30,000 32,000');
    prints(7125, '\\$30,000 32,200');
    expect(engine.term(C, 'dc-lifetime-max', undefined, '2023-24')).toBe(30000);
    expect(engine.term(C, 'dc-lifetime-max', undefined, '2024-25')).toBe(32200);
    expect(engine.term(C, 'dc-lifetime-max', undefined, '2025-26')).toBe(32000); // as printed: the contradiction stays visible
    expect(engine.term(C, 'dc-lifetime-max', undefined, '2026-27')).toBe(32200);
  });
});

describe('leave and holidays', () => {
  test('twelve holidays stated (004:6155, 004:6917)', () => {
    prints(6155, 'Twelve (12) holidays');
    prints(6917, 'Twelve (12) holidays');
    expect(engine.term(C, 'paid-holidays', undefined, '2025-26')).toBe(12);
  });
  test('vacation, personal, sick leave (004:6209-6212, 6226, 6230, 6236)', () => {
    prints(6210, '6th through 13th year of continuous employment\t(120 hours)');
    expect(engine.term(C, 'vacation-hours', 'Years 6-13', '2024-25')).toBe(120);
    expect(engine.term(C, 'vacation-hours', 'After 19 years', '2026-27')).toBe(200);
    expect(engine.term(C, 'personal-leave-days', 'Year 4 on', '2023-24')).toBe(3);
    expect(engine.term(C, 'sick-leave-hours-per-month', undefined, '2023-24')).toBe(10);
    expect(engine.term(C, 'sick-leave-max-hours', undefined, '2023-24')).toBe(960);
  });
});

describe('bad inputs', () => {
  test('an unknown position lists the positions', () =>
    fails(engine.hourly(C, 'Head Custodian', '3', '2025-26'), 'VALUE', /Unknown position "Head Custodian".*Day Leads \/ Custodial Maintenance.*Night Leads \/ Groundskeeper.*Custodial Cleaner/));
  test('"Custodian" alone is not a position (it could mean any row)', () => fails(engine.hourly(C, 'Custodian', '3', '2025-26'), 'VALUE'));
  test('an unknown step lists the steps', () => fails(engine.hourly(C, 'Cleaner', '13', '2025-26'), 'VALUE', /Unknown step "13"/));
  test('a year the agreements do not cover', () => {
    fails(engine.hourly(C, 'Cleaner', '3', '2022-23'), 'NA');
    fails(engine.hourly(C, 'Cleaner', '3', '2027-28'), 'NA');
    fails(engine.term(C, 'longevity', undefined, '2027-28', 20), 'NA');
    fails(engine.term(C, 'insurance-contribution', 'Single', '2022-23'), 'NA');
  });
  test('an unknown term or key', () => {
    fails(engine.term(C, 'hazard-pay', undefined, '2025-26'), 'VALUE', /Unknown term "hazard-pay"/);
    fails(engine.term(C, 'boiler-license', '3rd Class', '2025-26'), 'VALUE', /Special, 2nd Class, 1st Class, Chief/);
    fails(engine.term(C, 'night-lead', 'Preschool', '2025-26'), 'VALUE', /Elementary, Middle School, High School/);
  });
  test('a custodial contract has no annual salary schedule', () => fails(engine.salary(C, 'Cleaner', '3', '2025-26'), 'NA', /HOURLY/));
});

describe('self-check: the stated raises against the printed tables', () => {
  const registry = new ContractRegistry();
  registry.load(bundledContracts.filter((b) => b.name === 'waconia-custodial.json'));
  const report = checkContracts(registry);
  const find = (year: string, lane: string, step: string) => report.findings.find((f) => f.year === year && f.lane === lane && f.step === step);

  test('2024-25 = 2023-24 + 1% (004:5859): Day Leads Step 11 prints 26.01 where 25.76 x 1.01 = 26.0176 -> 26.02', () => {
    expect(seedLine(WACONIA, 5859)).toBe('- 1% salary increase plus step');
    expect(printedCells(WACONIA, 6552)[12]).toBe('25.76');
    expect(printedCells(WACONIA, 6564)[12]).toBe('26.01');
    const f = find('2024-25', 'Day Leads / Custodial Maintenance', '11')!;
    expect(f).toBeDefined();
    expect([f.printed, f.derived, f.printedCite, f.ruleCite]).toEqual([26.01, 26.02, `${WACONIA}:6564`, `${WACONIA}:5859`]);
  });
  test('cells that follow the rule are not findings: 19.00 x 1.01 = 19.19 (004:6552, 004:6564)', () => {
    expect(find('2024-25', 'Day Leads / Custodial Maintenance', '1')).toBeUndefined();
  });
  test('the new Step 12 has no 2023-24 base', () => {
    const f = find('2024-25', 'Custodial Cleaner', '12')!;
    expect(f.derived).toBeNull();
    expect(f.printed).toBe(20.17);
  });
  test('insurance: two printed amounts are a cent above the stated 10% (004:6133, 004:6893)', () => {
    const ins = report.findings.filter((f) => f.schedule === 'terms');
    expect(ins.map((f) => `${f.year} ${f.step} ${f.printed} ${f.derived}`).sort()).toEqual(['2024-25 Family 1624.58 1624.57', '2025-26 2-Party 1434.96 1434.95']);
  });
  test('37 one-cent differences in the wage tables, 3 new Step 12 cells, 2 insurance amounts', () => {
    const wages = report.findings.filter((f) => f.schedule === 'wages');
    expect(wages.filter((f) => f.derived !== null)).toHaveLength(37);
    for (const f of wages.filter((x) => x.derived !== null)) expect(Math.abs(Math.round((f.printed! - f.derived!) * 100))).toBe(1);
    expect(wages.filter((f) => f.derived === null)).toHaveLength(3);
    expect(report.findings).toHaveLength(42);
  });
});

describe('terms added from the leave, insurance and pay articles (each value printed on its line, both agreements)', () => {
  const Y1 = ['2023-24', '2024-25'];
  const Y2 = ['2025-26', '2026-27'];
  // [term, [2023-25 line, 2025-27 line], text each line prints, value]
  const rows: [string, [number, number], string, number][] = [
    ['higher-classification-min-days', [6055, 6816], 'fill in at a higher classification for at least ten (10) consecutive student days shall be paid at the equivalent step', 10],
    ['insurance-part-time-min-daily-hours', [6137, 6901], 'scheduled an average of at least four hours per day but less than full time', 4],
    ['insurance-full-time-daily-hours', [6137, 6901], 'dividing the employee', 8],
    ['vacation-waiting-months', [6203, 6942], 'shall not earn vacation during the first six (6) months of employment', 6],
    ['vacation-use-months', [6214, 6953], 'an employee has eighteen (18) months in which to', 18],
    ['sick-leave-full-time-weekly-hours', [6232, 6968], 'Number of scheduled weekly hours / 40 x 10 = Number of hours of sick leave', 40],
    ['emergency-family-leave-days', [6254, 6987], 'a leave of no more than 5 days per year, nonaccumulative', 5],
    ['other-bereavement-days', [6264, 6997], 'bereavement leave each school year equivalent to the number of hours in the employee', 1],
    ['higher-classification-probation-days', [6434, 7169], 'a position in a higher classification shall serve a probation period, independent of the initial hire probation period, of sixty calendar days', 60],
  ];
  test.each(rows)('%s (004:%s)', (id, [l1, l2], text, value) => {
    prints(l1, text);
    prints(l2, text);
    for (const y of Y1) expect(engine.term(C, id, undefined, y)).toBe(value);
    for (const y of Y2) expect(engine.term(C, id, undefined, y)).toBe(value);
  });
  test('the part-time health contribution divides daily hours "by eight" (004:6137, 004:6901)', () => {
    prints(6137, 'number of daily hours by eight');
    prints(6901, 'number of daily hours by eight');
  });
  test('higher-classification pay is the higher position at the same step: Cleaner step 7 $18.22 -> Day Leads step 7 (004:7287, 7289)', () => {
    // 004:7287 prints Day Leads / Custodial Maintenance; step 7 is its 7th amount
    const dayLeads = printedCells(WACONIA, 7287).map((c) => c.replace(/<\/?u>/g, ''))[8];
    expect(engine.hourly(C, 'Day Leads', '7', '2025-26')).toBe(money(dayLeads));
    expect(engine.hourly(C, 'Custodial Cleaner', '7', '2025-26')).toBe(18.22);
  });
});
