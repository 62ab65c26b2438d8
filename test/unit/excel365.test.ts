/**
 * scripts/excel365.js: formulas as Excel stores them in a file (custom functions under _xldudf_, newer
 * functions under _xlfn.), and test/support/workbook.ts reading them back as typed. The stored forms are
 * Excel's own: a resolved custom function CONTOSO.ADD is saved as _xldudf_CONTOSO_ADD (OfficeDev/office-js
 * #5611), FILTER as _xlfn._xlws.FILTER, XLOOKUP as _xlfn.XLOOKUP (ECMA-376 / [MS-XLSX] future functions).
 */
import { typedFormula } from '../support/workbook';

// a build script in plain JavaScript (no type declarations)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { storedFormula, callsCustomFunction } = require('../../scripts/excel365') as {
  storedFormula: (typed: string) => string;
  callsCustomFunction: (typed: string) => boolean;
};

describe('formulas as stored in the file', () => {
  test.each([
    ['CONTRACT.SALARY(B2,C2,"2025-26")', '_xldudf_CONTRACT_SALARY(B2,C2,"2025-26")'],
    ['CONTRACT.SALARY.SOURCE(B2,C2,K1,K2,D2)', '_xldudf_CONTRACT_SALARY_SOURCE(B2,C2,K1,K2,D2)'],
    ['IF(C2:C9="","",ROUND(CONTRACT.HOURLY(I2:I9,D2:D9,"2024-25")*J2:J9,2))', 'IF(C2:C9="","",ROUND(_xldudf_CONTRACT_HOURLY(I2:I9,D2:D9,"2024-25")*J2:J9,2))'],
    // text that only looks like a call is left alone
    ['CONCATENATE("CONTRACT.SALARY(",A1)', 'CONCATENATE("CONTRACT.SALARY(",A1)'],
    ['FILTER(A2:A9,B2:B9>0)', '_xlfn._xlws.FILTER(A2:A9,B2:B9>0)'],
    ['XLOOKUP(A1,B2:B9,C2:C9)', '_xlfn.XLOOKUP(A1,B2:B9,C2:C9)'],
    ['SUM(E2:E13)', 'SUM(E2:E13)'],
  ])('%s -> %s, and back', (typed, stored) => {
    expect(storedFormula(typed)).toBe(stored);
    expect(typedFormula(stored)).toBe(typed);
  });

  test('a whole-column reference or a spill reference is refused, naming the formula', () => {
    expect(() => storedFormula('CONTRACT.SALARY(A:A,B:B,"2026-27")')).toThrow(/CONTRACT\.SALARY\(A:A.*whole-column/);
    expect(() => storedFormula('SUM(Projection!$H:$H)')).toThrow(/whole-column/);
    expect(() => storedFormula('ROWS(A1#)')).toThrow(/spill reference/);
  });

  test('calls to the add-in are recognised outside text only', () => {
    expect(callsCustomFunction('SUM(CONTRACT.SALARY(B2:B9,C2:C9,"2025-26"))')).toBe(true);
    expect(callsCustomFunction('"CONTRACT.SALARY(" & A1')).toBe(false);
    expect(callsCustomFunction('SUM(E2:E13)')).toBe(false);
  });
});
