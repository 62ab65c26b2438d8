import { parseYear } from '../../src';

test.each([
  ['2025-26', '2025-26'], ['2025-2026', '2025-26'], ['FY2026', '2025-26'], ['fy26', '2025-26'], ['2025/26', '2025-26'],
  ['SY2025-26', '2025-26'], [' 2005-06 ', '2005-06'], ['2099-2100', '2099-00'], ['1999-00', '1999-00'],
])('%p is %p', (input, year) => expect(parseYear(input)).toEqual({ ok: true, year }));

test.each([
  ['2025', /ambiguous: write 2024-25 or 2025-26/],
  ['2025-27', /consecutive.*2025-26/],
  ['2025-2027', /consecutive/],
  ['next year', /not a school year; write it as 2025-26/],
  ['', /not a school year/],
])('%p is refused', (input, message) => {
  const r = parseYear(input);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.message).toMatch(message);
});
