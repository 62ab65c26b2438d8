/**
 * The engine takes a proposals table already read (functions/tables.ts readProposals) and picks a proposal's rows
 * from it (src/proposal.ts proposalFor): plain data in, no cell read here. Rows are built by hand.
 */
import { Failure } from '../../src/failure';
import { proposalFor } from '../../src/proposal';
import type { ProposalRow, ProposalTable } from '../../src/proposal';

const W = 'waconia/teachers';
const at = (row: number) => ({ year: `proposals row ${row}, column 2 "year"`, contract: `proposals row ${row}, column 3 "contract"` });
const row = (proposal: string, year: string, n: number, more: Partial<ProposalRow> = {}): ProposalRow => ({ proposal, year, row: n, where: at(n), ...more });
const table = (rows: ProposalRow[], byContract = false): ProposalTable => ({ rows, byContract });
const refused = (v: unknown, pattern: RegExp) => {
  expect(v).toBeInstanceOf(Failure);
  expect((v as Failure).message).toMatch(pattern);
};

test('the named proposal\'s rows for the contract, sorted by year; names match case- and space-insensitively', () => {
  const t = table([row('A', '2026-27', 2, { schedulePercent: 5 }), row('B', '2025-26', 3), row('A', '2025-26', 4, { schedulePercent: 3, steps: 0 })]);
  expect(proposalFor(t, ' a ', W, '2024-25', ['2024-25', '2025-26', '2026-27'])).toEqual({
    name: ' a ', contract: W, baseYear: '2024-25',
    years: [{ year: '2025-26', row: 4, schedulePercent: 3, steps: 0 }, { year: '2026-27', row: 2, schedulePercent: 5 }],
  });
});

test('a row limited to another contract is not applied; one naming no contract applies to every contract', () => {
  const t = table([row('A', '2025-26', 2, { contract: 'waconia/custodial', schedulePercent: 9 }), row('A', '2025-26', 3, { schedulePercent: 2 })], true);
  expect((proposalFor(t, 'A', W, '2024-25') as { years: { schedulePercent?: number }[] }).years).toEqual([{ year: '2025-26', row: 3, schedulePercent: 2 }]);
  refused(proposalFor(table([row('A', '2025-26', 2, { contract: 'waconia/custodial' })], true), 'A', W, '2024-25'), /^no proposal "A" for waconia\/teachers in the proposals table; it has A$/);
  refused(proposalFor(t, 'A', W, '2024-25', undefined, ['waconia/teachers']), /^proposals row 2, column 3 "contract": "waconia\/custodial" is not a contract id; valid: waconia\/teachers/);
});

test('a row that could not be read refuses its own proposal only', () => {
  const t = table([row('A', '2025-26', 2, { schedulePercent: 3 }), row('B', '', 3, { refused: 'proposals row 3, column 3 "schedule %": 5 is out of range' })]);
  expect(proposalFor(t, 'A', W, '2024-25')).not.toBeInstanceOf(Failure);
  refused(proposalFor(t, 'B', W, '2024-25'), /^proposals row 3, column 3 "schedule %": 5 is out of range$/);
});

test('years: after the base year, once each, and every costed year after the first', () => {
  refused(proposalFor(table([row('A', '2024-25', 2)]), 'A', W, '2024-25'), /^proposals row 2, column 2 "year": 2024-25 is not after 2024-25, the roster's own year/);
  refused(proposalFor(table([row('A', '2025-26', 2), row('A', '2025-26', 5)]), 'A', W, '2024-25'), /^proposals row 5, column 2 "year": proposal "A" has 2025-26 twice \(rows 2 and 5\)/);
  refused(proposalFor(table([row('A', '2025-26', 2)]), 'A', W, '2024-25', ['2024-25', '2025-26', '2026-27']), /^proposal "A" has no row for 2026-27 \(its rows: 2025-26 \(row 2\)\)/);
});
