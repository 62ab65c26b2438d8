/**
 * The reading policy through the built bundle, as Excel calls it: sheets in a formula engine (HyperFormula),
 * formulas over ranges, error cells made by formulas (=NA()), percent cells holding fractions. Salaries from
 * 004_95c67c5f7895ec64.txt (2025-26 rows 4960-4982); arithmetic worked by hand in the comments.
 */
import type { HyperFormula } from 'hyperformula';
import { hyperformula, loadBundle, registerPlugin } from '../support/excel-shim';

const bundle = loadBundle();
beforeAll(() => registerPlugin(bundle));

const ROSTER = [
  ['id', 'name', 'lane', 'step', 'fte', 'coverage'],
  ['T1', 'Avery', 'MA+15', 'H', 1, ''],
];

/** Evaluates `formula` in S!A1 of a book holding the roster (Roster), rates (Rates) and proposals (Proposals). */
function evaluate(formula: string, sheets: { Roster?: unknown[][]; Rates?: unknown[][]; Proposals?: unknown[][] } = {}): { hf: HyperFormula; at: (a1: string) => any } {
  const hf = hyperformula({ Roster: sheets.Roster ?? ROSTER, Rates: sheets.Rates ?? [['']], Proposals: sheets.Proposals ?? [['']], S: [[formula]] });
  const s = hf.getSheetId('S')!;
  return { hf, at: (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, s)!) };
}
const refusal = (v: any) => [v?.value, v?.message];

describe('tables read by PROJECT and COST', () => {
  test('a misspelt column ("FTE %") is #VALUE! naming it, not everyone at full time', () => {
    const { at } = evaluate('=CONTRACT.PROJECT(Roster!A1:F2,"2025-26","waconia/teachers")', { Roster: [['id', 'lane', 'step', 'FTE %'], ['T1', 'MA+15', 'H', 0.5]] });
    expect(refusal(at('A1'))).toEqual(['#VALUE!', expect.stringMatching(/^roster header, column 4 "FTE %" is not a column this table reads, and looks like one; rename it to one of: id, contract, lane, step, fte/)]);
  });
  test('an error cell (=NA()) in coverage is #VALUE! naming the cell, not "not enrolled"', () => {
    const { at } = evaluate('=CONTRACT.COST(Roster!A1:F2,"2025-26","waconia/teachers")', { Roster: [ROSTER[0], ['T1', 'Avery', 'MA+15', 'H', 1, '=NA()']] });
    expect(refusal(at('A1'))).toEqual(['#VALUE!', expect.stringMatching(/^roster row 2, column 6 "coverage": the cell holds the Excel error #N\/A/)]);
  });
  test('a descriptive column is ignored and PROJECT says so in its first row of notes', () => {
    const { at } = evaluate('=CONTRACT.PROJECT(Roster!A1:F2,"2025-26","waconia/teachers")');
    expect(at('H2')).toBe(64654); // MA+15 H, 2025-26: 004:4966
    expect(at('N2')).toMatch(/^roster columns ignored: "name" \(column 2\)/);
  });
  test('COST names the ignored column in a last row, below "Items not costed"; a roster without one has no such row', () => {
    const { hf } = evaluate('=CONTRACT.COST(Roster!A1:F2,"2025-26","waconia/teachers")');
    const rows = (hf.getSheetValues(hf.getSheetId('S')!) as unknown[][]).map((r) => r[0]);
    expect(rows.slice(-2)).toEqual(['Items not costed', 'roster columns ignored: "name" (column 2)']);
    const plain = evaluate('=CONTRACT.COST(Roster!A1:E2,"2025-26","waconia/teachers")', { Roster: [['id', 'lane', 'step', 'fte', 'coverage'], ['T1', 'MA+15', 'H', 1, '']] });
    expect((plain.hf.getSheetValues(plain.hf.getSheetId('S')!) as unknown[][]).map((r) => r[0]).at(-1)).toBe('Items not costed');
  });
  test('a rate cell formatted 9.75% (0.0975) costs pension at 9.75%: 64,654 x 9.75% = 6,303.765 -> 6,303.77', () => {
    const { hf, at } = evaluate('=CONTRACT.COST(Roster!A1:F2,"2025-26","waconia/teachers",,,Rates!A1:B1)', { Rates: [['tra-employer', 0.0975]] });
    const rows = hf.getSheetValues(hf.getSheetId('S')!) as unknown[][];
    expect(rows.find((r) => r[0] === 'Pension (employer: TRA, PERA)')?.[1]).toBe(6303.77);
    expect(at('B1')).toBe('2025-26');
  });
  test.each([
    [[['tra-employer', 9.75]], /^rates row 1, column 2: 9\.75 is out of range \(9\.75 reads as 975%; type 9\.75% \(Excel stores 0\.0975\)\); give a percent from 0% to 50%/],
    [[['tra', 0.0975]], /^rates row 1, column 1: "tra" is not a rate id; valid: fica-oasdi-employer/],
    [[['pera-employer', -1]], /^rates row 1, column 2: -1 is out of range/],
  ])('rates %p are refused', (rates, pattern) => {
    const { at } = evaluate('=CONTRACT.COST(Roster!A1:F2,"2025-26","waconia/teachers",,,Rates!A1:B1)', { Rates: rates });
    expect(refusal(at('A1'))).toEqual(['#VALUE!', expect.stringMatching(pattern)]);
  });
  test('a proposal typed 3 for 3% is refused with the hint; 3% (0.03) is read as 3%: 2024-25 MA+15 H 62,771 (004:3061) x 1.03 = 64,654.13 -> 64,654', () => {
    const table = (v: unknown) => [['proposal', 'year', 'schedule %', 'steps'], ['p', '2025-26', v, 0]];
    const roster = [['id', 'lane', 'step'], ['T1', 'MA+15', 'H']];
    const typed = evaluate('=CONTRACT.COST(Roster!A1:C2,"2024-25:2025-26","waconia/teachers",Proposals!A1:D2,"p")', { Roster: roster, Proposals: table(3) });
    expect(refusal(typed.at('A1'))).toEqual(['#VALUE!', expect.stringMatching(/^proposals row 2, column 3 "schedule %": 3 is out of range \(3 reads as 300%; type 3% \(Excel stores 0\.03\)\)/)]);
    const pct = evaluate('=CONTRACT.PROJECT(Roster!A1:C2,"2024-25:2025-26","waconia/teachers",Proposals!A1:D2,"p")', { Roster: roster, Proposals: table(0.03) });
    expect([pct.at('H2'), pct.at('H3')]).toEqual([62771, 64654]); // the contract rounds salaries to whole dollars
  });
  test('a span a:b:c is refused, not read as a:b', () => {
    const { at } = evaluate('=CONTRACT.COST(Roster!A1:F2,"2024-25:2025-26:2026-27","waconia/teachers")');
    expect(refusal(at('A1'))).toEqual(['#VALUE!', expect.stringMatching(/^years: "2024-25:2025-26:2026-27" has 3 parts/)]);
  });
  test('a closed NONE placement is #N/A naming the roster row: Anoka-Hennepin BA+60 step 1, 2006-07 (001:1027)', () => {
    const { at } = evaluate('=CONTRACT.PROJECT(Roster!A1:C2,"2006-07","anoka-hennepin/teachers")', { Roster: [['id', 'lane', 'step'], ['T9', 'BA+60', 1]] });
    expect(refusal(at('A1'))).toEqual(['#N/A', expect.stringMatching(/^roster row 2 \(T9\): the placement is not one the contract pays in 2006-07/)]);
  });
});

describe('AUDIT', () => {
  test('a block of several columns is refused, not audited by its first column only', () => {
    const { at } = evaluate('=CONTRACT.AUDIT(Roster!A1:B2,"MA+15","H","2025-26",,"waconia/teachers")', { Roster: [[64654, 62771], [64654, 1]] });
    expect(refusal(at('A1'))).toEqual(['#VALUE!', expect.stringMatching(/^AUDIT reads one payroll line per row: paid is a block 2 rows × 2 columns; give a single column/)]);
  });
  test('paid as text "$64,654" is read as money; TRUE and an FTE of 2 are refused in their line only', () => {
    // "'$64,654" is a text cell in the formula engine, as a cell formatted as text is in Excel
    const { at } = evaluate('=CONTRACT.AUDIT(Roster!A1:A3,"MA+15","H","2025-26",Roster!B1:B3,"waconia/teachers")', { Roster: [["'$64,654", ''], [true, ''], [64654, 2]] });
    expect([at('A1'), at('B1')]).toEqual([64654, 0]); // 004:4966
    expect(refusal(at('A2'))).toEqual(['#VALUE!', expect.stringMatching(/^paid: TRUE is not a value here/)]);
    expect(refusal(at('A3'))).toEqual(['#VALUE!', expect.stringMatching(/^fte: 2 is out of range; give a fraction of full time greater than 0 and at most 1\.5/)]);
  });
});

describe('scalar arguments', () => {
  test('an argument that takes one cell refuses a block instead of reading its first cell', () => {
    const { at } = evaluate('=CONTRACT.COST(Roster!A1:F2,"2025-26",Rates!A1:A2)', { Rates: [['waconia/teachers'], ['anoka-hennepin/teachers']] });
    expect(refusal(at('A1'))).toEqual(['#VALUE!', expect.stringMatching(/^contract takes one cell; got a range of 2 rows × 1 columns/)]);
    const s = evaluate('=CONTRACT.SCHEDULE(Rates!A1:B1,"waconia/teachers")', { Rates: [['2025-26', '2026-27']] });
    expect(refusal(s.at('A1'))).toEqual(['#VALUE!', expect.stringMatching(/^year takes one cell; got a range of 1 rows × 2 columns/)]);
  });
  test('fte as the text "0.5" is a number: 64,654 x 0.5 = 32,327 (004:4966); "$0.5" is not', () => {
    expect(evaluate('=CONTRACT.SALARY("MA+15","H","2025-26","waconia/teachers","0.5")').at('A1')).toBe(32327);
    expect(refusal(evaluate('=CONTRACT.SALARY("MA+15","H","2025-26","waconia/teachers","$0.5")').at('A1'))).toEqual(['#VALUE!', expect.stringMatching(/^fte: "\$0\.5" is not a number/)]);
  });
  test('hours and days are 0 or more: a negative hours argument is refused, not subtracted', () => {
    const v = evaluate('=CONTRACT.PRORATE("MA+15","H","2025-26",10,-3,"waconia/teachers")').at('A1');
    expect(refusal(v)).toEqual(['#VALUE!', expect.stringMatching(/^hours: -3 is out of range; give a number from 0 to 1,000,000,000/)]);
    const d = evaluate('=CONTRACT.PRORATE("MA+15","H","2025-26",TRUE(),,"waconia/teachers")').at('A1');
    expect(refusal(d)).toEqual(['#VALUE!', expect.stringMatching(/^days: TRUE is not a value here/)]);
  });
  test('years of service must be whole: 10.5 is refused, not truncated', () => {
    const v = evaluate('=CONTRACT.TERM("longevity","2025-26",,"waconia/teachers",10.5)').at('A1');
    expect(refusal(v)).toEqual(['#VALUE!', expect.stringMatching(/^years of service: 10\.5 is not a whole number/)]);
  });
});

describe('the readers functions.js publishes for the task pane (the same reading policy, no second copy)', () => {
  type Readers = Record<'readRoster' | 'readRates' | 'readProposals' | 'readPayroll', (cells: unknown[][]) => any>;
  const addin = () => bundle.context.ContractAddin as Readers;
  test('readRoster reads a roster as PROJECT does: "60%" is FTE 0.6, the ignored column named', () => {
    const r = addin().readRoster([['id', 'name', 'lane', 'step', 'fte'], ['T1', 'Avery', 'MA+15', 'H', '60%']]);
    expect([...r]).toEqual([{ id: 'T1', lane: 'MA+15', step: 'H', fte: 0.6, row: 2 }]);
    expect(r.ignored).toEqual(['"name" (column 2)']);
  });
  test('readRates reads a rate formatted 9.75% (0.0975) as 9.75, and refuses a typed 9.75 (975%) naming the cell', () => {
    expect(addin().readRates([['tra-employer', 0.0975]])).toEqual({ 'tra-employer': 9.75 });
    expect(addin().readRates([['tra-employer', 9.75]]).message).toMatch(/^rates row 1, column 2: 9\.75 is out of range/);
  });
  test('readProposals keeps every row; a row that cannot be read carries its refusal (its own proposal only)', () => {
    const t = addin().readProposals([['proposal', 'year', 'schedule %'], ['a', '2025-26', 0.03], ['b', 'FY2027', 5]]);
    expect(t.byContract).toBe(false);
    expect(t.rows.map((r: any) => [r.proposal, r.year, r.schedulePercent, r.row])).toEqual([['a', '2025-26', 3, 2], ['b', '2026-27', undefined, 3]]);
    expect(t.rows[1].refused).toMatch(/^proposals row 3, column 3 "schedule %": 5 is out of range \(5 reads as 500%/);
  });
  test('readPayroll reads payroll lines ($ amounts, any year spelling) and refuses an empty step naming the cell', () => {
    expect(addin().readPayroll([['employee', 'paid', 'lane', 'step', 'year', 'fte'], ['E1', '$64,654.00', 'MA+15', 'H', '2025-2026', 1]]))
      .toEqual([{ id: 'E1', paid: 64654, lane: 'MA+15', step: 'H', year: '2025-26', fte: 1, row: 2 }]);
    expect(addin().readPayroll([['paid', 'lane', 'step', 'year'], [64654, 'MA+15', '', '2025-26']]).message).toBe('payroll row 2, column 3 "step": empty; every line names its step');
    expect(addin().readPayroll([['paid', 'lane', 'year'], [64654, 'MA+15', '2025-26']]).message).toMatch(/^the payroll's first row must name the columns paid, lane, step and year .*; step not found/);
  });
});
