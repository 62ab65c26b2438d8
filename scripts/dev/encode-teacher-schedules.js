#!/usr/bin/env node
// How the teacher salary schedules were read from the seed documents (kept as a record; the JSON in
// src/contracts/ is the product data and may be edited by hand after this). Reads ../shared/seeds.
// Each row keeps the line it was read from; readings of redlines and look-alike letters are in the
// table titles and notes.
const fs = require('fs');
const path = require('path');
const S = path.join(__dirname, '../../../shared/seeds/');
const W = '004_95c67c5f7895ec64.txt', A = '001_568af6eb86bfbaf6.txt';
const lines = f => fs.readFileSync(S + f, 'utf8').split('\n');
const wl = lines(W), al = lines(A);
const num = s => { s = s.trim(); if (s === '') return null; if (s === 'NONE') return 'NONE'; const n = Number(s.replace(/,/g, '')); if (!Number.isFinite(n)) throw new Error('bad ' + s); return n; };
// Waconia rows: tab separated, "B\t44,802\t..."
function wacRows(start, end) {
  const rows = [];
  for (let i = start; i <= end; i++) {
    const parts = wl[i - 1].split('\t');
    const step = parts[0].trim();
    const vals = parts.slice(1, 9).map(num);
    while (vals.length < 8) vals.push(null);
    rows.push({ printed: step, steps: [step], cite: `${W}:${i}`, values: vals });
  }
  return rows;
}
function wacCareer(line) {
  const parts = wl[line - 1].split('\t').slice(1).map(s => s.trim()).filter(s => s !== '');
  if (parts.length !== 4) throw new Error('career ' + line + parts);
  return { printed: 'Career Increment', steps: ['Career'], cite: `${W}:${line}`, values: [null, null, null, null, ...parts.map(num)] };
}
const wacTables = [
  ['2023-24', 3020, 3024, 3040, 3047, 'Schedule A, 2023-2024 Salary Schedule (printed heading "202~~13~~-202~~24~~": the struck digits 1 and 3 are the old 2021-22/2022-23 years, the kept digits read 2023-2024); career increment table 004:3044-3047'],
  ['2024-25', 3051, 3055, 3071, 3078, 'Schedule A, 2024-2025 Salary Schedule; career increment table 004:3075-3078'],
  ['2025-26', 4956, 4960, 4976, 4982, 'Schedule A, 2025-2026 Salary Schedule (printed heading "2021~~5~~-2022~~6~~": struck 1 and 2 replaced by 5 and 6, read 2025-2026); career increment table 004:4979-4982'],
  ['2026-27', 4984, 4988, 5004, 5010, 'Schedule A, 2026-2027 Salary Schedule (printed heading "20226-20237": the redline lost its strike marks; read "2022"→"2026" and "2023"→"2027" from the career table heading at 004:5007 "2026-2027 Salary Including Career Increment"); career increment table 004:5007-5010 (the text conversion shifts this row one column right; the lane headings at 004:5008 name the four career lanes)'],
];
for (const t of wacTables) { if (!/Career Increment/.test(wl[t[4]-1])) throw new Error('career line ' + t[4] + ': ' + wl[t[4]-1]); if (!/^B\t/.test(wl[t[2]-1]) || !/^R\t/.test(wl[t[3]-1])) throw new Error('rows ' + t); }
const waconia = {
  schemaVersion: 1,
  id: 'waconia/teachers',
  district: 'Waconia Public Schools, ISD 110 (Minnesota)',
  unit: 'Teachers (Waconia Education Association)',
  title: 'Master Agreements between ISD 110 and the Waconia Education Association, 2023-2025 and 2025-2027',
  sources: [{ file: W, title: 'ISD 110 School Board regular meeting packet, 26 August 2024 (tentative agreements, redlined master agreements 2023-25 and 2025-27)' }],
  agreements: [
    { term: '2023-2025', years: ['2023-24', '2024-25'], cite: `${W}:1794-1808`, note: 'Tentative agreement summary "2023-2025 Contract"; master agreement Article IX at 004:2265-2273.' },
    { term: '2025-2027', years: ['2025-26', '2026-27'], cite: `${W}:1810-1824`, note: 'Tentative agreement summary "2025-2027 Contract"; master agreement Article IX at 004:4202-4210. Contingent on ratification of both agreements (004:1826).' },
  ],
  years: ['2023-24', '2024-25', '2025-26', '2026-27'],
  rounding: {
    salary: { places: 0, mode: 'half-up', cite: `${W}:3024-3047`, note: 'Schedules print whole dollars. Half-up is read from the arithmetic: e.g. 80,381 x 1.045 = 83,998.145 printed 83,998 (004:3040, 004:3047).' },
    proration: { places: 2, mode: 'half-up', cite: `${W}:3049`, note: 'Part-time amounts are "prorated" (004:3049, 004:2318); the agreement states no rounding, so prorated amounts are kept to the cent, half-up (payroll convention).' },
  },
  schedules: [{
    id: 'k12',
    title: 'K-12 teacher salary schedule (Schedule A)',
    kind: 'annual',
    rounding: 'salary',
    cite: `${W}:3020-3047`,
    lanes: [
      { label: 'BA', aliases: [] },
      { label: 'BA+15', aliases: ['BA+15 QTR', 'BA+10 SEM'] },
      { label: 'BA+30', aliases: ['BA+30 QTR', 'BA+20 SEM'] },
      { label: 'BA+45', aliases: ['BA+45 QTR', 'BA+30 SEM'] },
      { label: 'BA+60/MA', aliases: ['MA', 'BA+60', 'BA+60 QTR', 'BA+60/MA QTR', 'BA+40 MA SEM', 'BA+40 SEM'] },
      { label: 'MA+15', aliases: ['MA+15 QTR', 'MA+10 SEM'] },
      { label: 'MA+30', aliases: ['MA+30 QTR', 'MA+20 SEM'] },
      { label: 'MA+45', aliases: ['MA+45 QTR', 'MA+30 SEM'] },
    ],
    lanesCite: `${W}:3022-3023`,
    lanesNote: 'Each lane prints a quarter-credit heading (row 1) and a semester-credit heading (row 2); both are accepted. Note "BA+30 SEM" is the BA+45 lane and "MA+30 SEM" is the MA+45 lane, as printed.',
    steps: [...'BCDEFGHIJKLMNOPQR'].map(s => ({ label: s, aliases: [] })).concat([{ label: 'Career', aliases: ['Career Increment'], kind: 'career',
      eligibility: { text: "Teachers shall qualify for the career increment above the basic salary schedule after a year's credit on the last step of the BA+60/MA, MA+15, MA+30 or MA+45 lane.", cite: `${W}:2271` } }]),
    tables: wacTables.map(([year, head, r0, r1, career, title]) => ({ year, cite: `${W}:${head}`, title, rows: [...wacRows(r0, r1), wacCareer(career)] })),
  }],
};
waconia.rules = {
  careerIncrement: [
    { schedule: 'k12', step: 'Career', baseStep: 'R', lanes: ['BA+60/MA', 'MA+15', 'MA+30', 'MA+45'], years: ['2023-24', '2024-25'], percent: 4.5, rounding: 'salary', cite: `${W}:2271`, note: 'Art. IX Sec. 2 (2023-25): "the annual salary including the career increment equates to a 4.5% increase over the last step" (redline strikes 4.25%). Summary: 004:1801.' },
    { schedule: 'k12', step: 'Career', baseStep: 'R', lanes: ['BA+60/MA', 'MA+15', 'MA+30', 'MA+45'], years: ['2025-26', '2026-27'], percent: 4.75, rounding: 'salary', cite: `${W}:4208`, note: 'Art. IX Sec. 2 (2025-27): 4.75% over the last step (redline strikes 4.5%). Summary: 004:1817.' },
  ],
  scheduleIncrease: [
    { schedule: 'k12', year: '2024-25', from: '2023-24', percent: 0, rounding: 'salary', cite: `${W}:1804-1808`, note: 'The 2024-25 summary lists steps, lanes, a 2% off-schedule payment and insurance, and no increase to the schedule; the printed 2024-25 schedule repeats 2023-24.' },
    { schedule: 'k12', year: '2025-26', from: '2024-25', percent: 3, rounding: 'salary', cite: `${W}:1815`, note: '"3% increase to existing wages."' },
    { schedule: 'k12', year: '2026-27', from: '2025-26', percent: 5, rounding: 'salary', cite: `${W}:1821`, note: '"5% increase to existing wages."' },
  ],
  stepPolicy: [
    { year: '2023-24', steps: 0, lanes: true, cite: `${W}:3049`, note: 'Teachers will not advance a step on the salary schedule in 2023-2024 (also 004:1797). Lane movement for eligible teachers (004:1798).' },
    { year: '2024-25', steps: 1, lanes: true, cite: `${W}:3080`, note: 'Eligible teachers will advance one step in 2024-2025 (also 004:1804).' },
    { year: '2025-26', steps: 1, lanes: true, cite: `${W}:1812`, note: 'One step for eligible teachers in 2025-2026.' },
    { year: '2026-27', steps: 1, midYearSteps: 1, lanes: true, cite: `${W}:5012`, note: 'One step (004:1819), and "An extra step will be given to eligible teachers half way through the 2026-2027 duty year" (004:5012, summary 004:1825).' },
  ],
  offSchedulePayments: [
    { year: '2023-24', percent: 2, of: 'schedule placement', asOf: '2024-05-31', paid: '2024-09', prorate: 'fte', condition: 'Each 1.0 FTE teacher who completed the 2023-2024 school year; prorated for part-time teachers.', cite: `${W}:3049` },
    { year: '2024-25', percent: 2, of: 'schedule placement', asOf: '2024-08-19', paid: '2024-12', prorate: 'fte', condition: 'Each 1.0 FTE teacher; prorated for part-time teachers.', cite: `${W}:3080` },
  ],
};
// Anoka-Hennepin
function ahRows(start, end) {
  const rows = [];
  for (let i = start; i <= end; i++) {
    const cells = al[i - 1].split('|').slice(1, -1).map(s => s.trim());
    const printed = cells[0];
    const vals = cells.slice(1).map(num);
    if (vals.length !== 10) throw new Error('ah row ' + i);
    rows.push({ printed, steps: null, cite: `${A}:${i}`, values: vals });
  }
  return rows;
}
function stepsOf(printed) {
  if (/^14 - C/.test(printed)) return ['14-CI'];
  if (/^CIII/.test(printed)) return ['CIII'];
  if (/^C[lI][iI]\b/.test(printed) || /^Cli/.test(printed)) return ['CII'];
  const m = printed.match(/^(\d+)( & (\d+))?$/);
  if (!m) throw new Error('step label ' + printed);
  return m[3] ? [m[1], m[3]] : [m[1]];
}
const ahT = [['2005-06', 987, 992, 1004], ['2006-07', 1022, 1027, 1038]];
const ahTables = ahT.map(([year, head, r0, r1]) => ({ year, cite: `${A}:${head}`, rows: ahRows(r0, r1).map(r => ({ ...r, steps: stepsOf(r.printed) })) }));
ahTables[0].title = 'Appendix A, 187 days 2005-06 K-12 Teachers Salary Schedule. Row "14 - Cl" (lower-case L) read as 14-CI; row "Cli - pre 1986" read as CII (career II, seniority before 1986).';
ahTables[1].title = 'Appendix A, 187days K-12 Teachers Salary Schedule 2006-07. The lane-8 heading prints "МА" in Cyrillic letters (U+041C U+0410), read as MA; lane numbers 3-12 are unchanged so the column is unambiguous.';
const anoka = {
  schemaVersion: 1,
  id: 'anoka-hennepin/teachers',
  district: 'Anoka-Hennepin Independent School District No. 11 (Minnesota)',
  unit: 'Teachers (Anoka-Hennepin Education Minnesota)',
  title: "Teachers' Working Agreement, July 1, 2005 - June 30, 2007",
  sources: [{ file: A, title: "Anoka-Hennepin ISD 11 teachers' working agreement 2005-2007 (text conversion)" }],
  agreements: [{ term: '2005-2007', years: ['2005-06', '2006-07'], cite: `${A}:987-1038` }],
  years: ['2005-06', '2006-07'],
  rounding: {
    salary: { places: 0, mode: 'half-up', cite: `${A}:992`, note: 'Schedules print whole dollars.' },
    proration: { places: 2, mode: 'half-up', cite: `${A}:263`, note: 'Art. X Sec. 1: less than full time is paid a prorated salary (one hour = 1/7.1667 day, one day = 1/187 year); no rounding is stated, so prorated amounts are kept to the cent, half-up (payroll convention).' },
  },
  schedules: [{
    id: 'k12',
    title: 'K-12 teachers salary schedule (Appendix A)',
    kind: 'annual',
    rounding: 'salary',
    cite: `${A}:987-1038`,
    lanes: [
      ['BA', '3'], ['BA+15', '4'], ['BA+30', '5'], ['BA+45', '6'], ['BA+60', '7', 'BA60'], ['MA', '8'], ['MA+15', '9'], ['MA+30', '10'], ['MA+45', '11'], ['MA+60', '12'],
    ].map(([label, ...aliases]) => ({ label, aliases: [...aliases, 'Lane ' + aliases[0]] })),
    lanesCite: `${A}:989-991`,
    lanesNote: 'The schedule heads each lane with a number (3-12) and a name; both are accepted. Credits are quarter credits (Art. IX Sec. 2 Subd. 4, 001:236).',
    steps: [
      ...Array.from({ length: 13 }, (_, i) => ({ label: String(i + 1), aliases: [] })),
      { label: '14-CI', aliases: ['14', 'CI', 'Career I'], kind: 'career', eligibility: { text: 'Career I is for teachers on Step 13 in 2005-06 and eligible for step movement; or for teachers on 14-CI in 2005-06 who are not eligible for step movement to Career II. (2006-07 wording; the 2005-06 schedule says Step 13&14 / 15-CI in 2004-05.)', cite: `${A}:1040-1042` } },
      { label: 'CII', aliases: ['Career II'], kind: 'career', eligibility: { text: 'Career II is for teachers on 14-CI in 2005-06 whose seniority date is prior to 12-31-1987; or whose step placement plus seniority is prior to a 12-31-1987 date; or for teachers on Career II in 2005-06 who are not eligible for step movement to Career III. (For 2005-06 the dates are 12-31-1986 and the prior year 2004-05.)', cite: `${A}:1044-1048` } },
      { label: 'CIII', aliases: ['Career III'], kind: 'career', eligibility: { text: 'Career III is for teachers on Career II in 2005-06 whose seniority date is prior to 12-31-1984 and Masters degree or BA+60; or whose step placement plus seniority is prior to a 12-31-1984 date and Masters degree or BA+60. (For 2005-06 the date is 12-31-1983.)', cite: `${A}:1050-1052` } },
    ],
    notes: [
      { text: 'Only teachers who were on Career II Step as of June 30, 2000 are eligible for a lane change into the BA+60 lane (Art. VIII Subd. 4); the schedule prints NONE for BA+60 at the early steps.', cite: `${A}:216` },
      { text: 'Merged rows such as "2 & 3" pay the same salary for both steps; the groupings differ between 2005-06 and 2006-07.', cite: `${A}:993` },
    ],
    tables: ahTables,
  }],
};
anoka.rules = {
  stepPolicy: [
    { year: '2005-06', steps: 1, lanes: true, cite: `${A}:1058-1060`, note: 'Appendix A Rules Subd. 2-3: one step a year for a .25 contract or greater (slower below); step advancement only at the start of the year.' },
    { year: '2006-07', steps: 1, lanes: true, cite: `${A}:1058-1060`, note: 'Effective 7/1/06: credit for one year step advancement for 60 or more contract days in the previous school year; 30-59 days advance one step after two years.' },
  ],
};
function pretty(v, ind = '') {
  if (Array.isArray(v)) {
    if (v.every(x => x === null || typeof x !== 'object')) return '[' + v.map(x => JSON.stringify(x)).join(', ') + ']';
    return '[\n' + v.map(x => ind + '  ' + pretty(x, ind + '  ')).join(',\n') + '\n' + ind + ']';
  }
  if (v && typeof v === 'object') {
    const ks = Object.keys(v);
    const flat = ks.every(k => v[k] === null || typeof v[k] !== 'object' || (Array.isArray(v[k]) && v[k].every(x => x === null || typeof x !== 'object')));
    const one = '{ ' + ks.map(k => JSON.stringify(k) + ': ' + pretty(v[k])).join(', ') + ' }';
    if (flat && one.length < 200) return one;
    return '{\n' + ks.map(k => ind + '  ' + JSON.stringify(k) + ': ' + pretty(v[k], ind + '  ')).join(',\n') + '\n' + ind + '}';
  }
  return JSON.stringify(v);
}
fs.writeFileSync(path.join(__dirname, '../../src/contracts/waconia-teachers.json'), pretty(waconia) + '\n');
fs.writeFileSync(path.join(__dirname, '../../src/contracts/anoka-hennepin-teachers.json'), pretty(anoka) + '\n');
console.log('ok');
