/**
 * The built dist/functions.js in a formula engine (HyperFormula), evaluating examples/waconia-budget.xlsx.
 * Expected values are read from the contract text: 2025-26 schedule rows at 004_95c67c5f7895ec64.txt:4960-4982,
 * 2006-07 Anoka-Hennepin schedule at 001_568af6eb86bfbaf6.txt:1024-1038.
 */
import * as path from 'path';
import type { HyperFormula } from 'hyperformula';
import { hyperformula, loadBundle, registerPlugin } from '../support/excel-shim';
import { readWorkbook } from '../support/workbook';

let hf: HyperFormula;
const sheet = (name: string) => hf.getSheetId(name)!;
const at = (name: string, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, sheet(name))!);
const err = (v: unknown) => v as { type: string; message: string };

beforeAll(async () => {
  const bundle = loadBundle();
  registerPlugin(bundle);
  hf = hyperformula(await readWorkbook(path.join(__dirname, '../../examples/waconia-budget.xlsx')));
});

describe('Budget 2025-26: one SALARY call per row', () => {
  test.each([
    // row, expected, document line
    [2, 46146, 'BA, B: 004:4960'],
    [3, 50489, 'BA+15, D: 004:4962'],
    [4, 50489, 'BA+10 SEM is the BA+15 lane, D: 004:4962'],
    [5, 65754, 'BA+45, K: 004:4969'],
    [6, 62511, 'MA = BA+60/MA, H: 004:4966'],
    [7, 64654, 'MA+15, H: 004:4966'],
    [8, 88570, 'MA+30, R: 004:4976'],
    [9, 95959, 'MA+45, Career: 004:4982'],
    [10, 43362.5, 'BA+60/MA, Career 86,725 x 0.5: 004:4982'],
    [11, 44644.2, 'MA+15, M 74,407 x 0.6: 004:4971'],
    [12, 48078.4, 'BA+30, I 60,098 x 0.8: 004:4967'],
    [13, 89069, 'MA+45, Q: 004:4975'],
  ])('row %d = %d (%s)', (row, expected) => {
    expect(at('Budget 2025-26', `E${row}`)).toBe(expected);
    // the same value from the single spilled call in G2
    expect(at('Budget 2025-26', `G${row}`)).toBe(expected);
  });
  test('totals: 749,726.10, summed by hand from the twelve document values above', () => {
    // 46,146 + 50,489 + 50,489 + 65,754 + 62,511 + 64,654 + 88,570 + 95,959 + 43,362.50 + 44,644.20 + 48,078.40 + 89,069
    expect(at('Budget 2025-26', 'K4')).toBeCloseTo(749726.1, 6);
    expect(at('Budget 2025-26', 'K5')).toBeCloseTo(749726.1, 6);
  });
  test('the spilled call is one formula filling G2:G13 and nothing below', () => {
    expect(hf.getCellFormula(hf.simpleCellAddressFromString('G3', sheet('Budget 2025-26'))!)).toBeUndefined();
    expect(at('Budget 2025-26', 'G14')).toBeNull();
  });
  test('SALARY.SOURCE gives the line behind each salary', () => {
    expect(at('Budget 2025-26', 'H2')).toBe('waconia/teachers 2025-26 K-12 teacher salary schedule (Schedule A), lane BA, step B: $46,146 as printed (ISD 110 School Board regular meeting packet, 26 August 2024 (tentative agreements, redlined master agreements 2023-25 and 2025-27), line 4960 [004_95c67c5f7895ec64.txt:4960])');
    expect(at('Budget 2025-26', 'H9')).toBe('waconia/teachers 2025-26 K-12 teacher salary schedule (Schedule A), lane MA+45, step Career: $95,959 as printed (ISD 110 School Board regular meeting packet, 26 August 2024 (tentative agreements, redlined master agreements 2023-25 and 2025-27), line 4982 [004_95c67c5f7895ec64.txt:4982])');
  });
});

describe('Errors sheet: each bad input gives the documented error with a message', () => {
  test.each([
    [2, 'NA', /leaves lane BA empty at step I \(ISD 110 School Board regular meeting packet.*, line 4967 \[004_95c67c5f7895ec64\.txt:4967\]\)/],
    [3, 'NA', /step Career is printed for lanes BA\+60\/MA, MA\+15, MA\+30, MA\+45/i],
    [4, 'VALUE', /Unknown lane "MA\+90"; valid lanes: BA,/],
    [5, 'VALUE', /ambiguous: write 2024-25 or 2025-26/],
    [6, 'NA', /does not cover 2022-23: the agreements \(2023-2025 \(ISD 110 School Board regular meeting packet.*, lines 1794-1808 \[004_95c67c5f7895ec64\.txt:1794-1808\]\)/],
    [7, 'NA', /prints NONE for lane BA\+60 at step 1 \(Anoka-Hennepin ISD 11 teachers' working agreement 2005-2007 \(text conversion\), line 992 \[001_568af6eb86bfbaf6\.txt:992\]\)/],
    [8, 'NA', /no default contract chosen/],
    [9, 'VALUE', /Unknown contract "waconia\/bus-drivers"; valid contracts: waconia\/teachers, anoka-hennepin\/teachers/],
  ])('row %d is #%s', (row, type, message) => {
    const v = err(at('Errors', `F${row}`));
    expect(v.type).toBe(type);
    expect(v.message).toMatch(message);
  });
});

describe('spilling grids and lists', () => {
  test('SCHEDULE("2006-07") spills the printed grid with merged rows (001:1024-1038)', () => {
    const s = 'Anoka-Hennepin 2006-07';
    expect(at(s, 'A1')).toBe('Step');
    expect(at(s, 'B1')).toBe('BA');
    expect(at(s, 'K1')).toBe('MA+60');
    expect(at(s, 'A2')).toBe('1 & 2');
    expect(at(s, 'B2')).toBe(35962); // 001:1027
    expect(at(s, 'F2')).toBe('NONE'); // 001:1027, lane 7 prints NONE
    expect(at(s, 'A5')).toBe('6'); // 001:1030
    expect(at(s, 'G5')).toBe(47000); // 001:1030, MA
    expect(at(s, 'A13')).toBe('CIII'); // 001:1038
    expect(at(s, 'B13')).toBe(''); // empty as printed
    expect(at(s, 'K13')).toBe(74984); // 001:1038
    expect(at(s, 'A14')).toBeNull(); // 12 printed rows + header
  });
  test('discovery lists spill down', () => {
    expect([at('Lists', 'A1'), at('Lists', 'A2'), at('Lists', 'A3'), at('Lists', 'A4')]).toEqual(['waconia/teachers', 'anoka-hennepin/teachers', 'waconia/custodial', null]);
    expect(at('Lists', 'B5')).toBe('BA+60/MA'); // 004:3022
    expect(at('Lists', 'B9')).toBeNull();
    expect(at('Lists', 'C14')).toBe('14-CI'); // 001:1036
    expect(at('Lists', 'C16')).toBe('CIII');
    expect([at('Lists', 'D1'), at('Lists', 'D4')]).toEqual(['2023-24', '2026-27']);
  });
  test('one formula over the exact lane and step columns spills a value per row, and nothing below (2026-27, 004:4988-5010)', () => {
    const s = 'Ranges';
    expect(at(s, 'D2')).toBe(48453); // BA, B: 004:4988
    expect(at(s, 'D3')).toBe(86932); // MA, R: 004:5004
    expect(at(s, 'D4')).toBe(100757); // MA+45, Career: 004:5010
    expect(at(s, 'D5')).toBe(61010); // BA+15 QTR, I: 004:4996
    expect(at(s, 'D6')).toBeNull();
  });
});
