/**
 * The contract self-check pins what the documents say about themselves: Waconia's 2025-26 and 2026-27
 * schedules are 2024-25 + 3% (004:1815) and + 5% (004:1821), 2024-25 repeats 2023-24 (004:1804-1808),
 * and the career increment is 4.5% (004:2271) / 4.75% (004:4208) over step R.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkContracts, ContractRegistry, createRegistry, formatFindings } from '../../src';

test('the shipped teacher salary schedules agree with their stated rules in every derived cell', () => {
  const report = checkContracts(createRegistry());
  // 101 printed B-R cells a year x 3 derived years + 4 career cells x 4 years
  expect(report.tally['waconia/teachers k12']).toEqual({ checked: 101 * 3 + 16, agreeing: 101 * 3 + 16 });
  expect(report.findings.filter((f) => f.schedule === 'k12')).toEqual([]);
  expect(formatFindings(report)).toMatch(/waconia\/teachers k12: 319 compared, 319 agree, 0 findings/);
});

test('a changed printed cell is reported with both values and both citations', () => {
  const c = JSON.parse(fs.readFileSync(path.join(__dirname, '../../src/contracts/waconia-teachers.json'), 'utf8'));
  delete c.stipends; // this test is about the salary schedule
  if (c.rules) delete c.rules.termIncrease;
  // 2025-26 row H, lane MA+15 prints 64,654 (004:4966); make it 64,655
  const t = c.schedules[0].tables.find((x: any) => x.year === '2025-26');
  t.rows.find((r: any) => r.steps[0] === 'H').values[5] = 64655;
  // 2026-27 career MA+45 prints 100,757 (004:5010); make it 100,000
  c.schedules[0].tables.find((x: any) => x.year === '2026-27').rows.find((r: any) => r.steps[0] === 'Career').values[7] = 100000;
  const registry = new ContractRegistry();
  registry.load([{ name: 'w.json', content: c }]);
  const report = checkContracts(registry);
  const cells = report.findings.filter((f) => f.schedule === 'k12').map((f) => `${f.year} ${f.lane} ${f.step} ${f.printed} ${f.derived} ${f.printedCite} ${f.ruleCite}`);
  expect(cells).toContain('2025-26 MA+15 H 64655 64654 004_95c67c5f7895ec64.txt:4966 004_95c67c5f7895ec64.txt:1815');
  // 2026-27 H MA+15 is derived from the changed 2025-26 cell: 64,655 x 1.05 = 67,887.75 -> 67,888 vs printed 67,887
  expect(cells).toContain('2026-27 MA+15 H 67887 67888 004_95c67c5f7895ec64.txt:4994 004_95c67c5f7895ec64.txt:1821');
  // career: 96,188 x 1.0475 = 100,756.93 -> 100,757 (004:5004, 004:4208)
  expect(cells).toContain('2026-27 MA+45 Career 100000 100757 004_95c67c5f7895ec64.txt:5010 004_95c67c5f7895ec64.txt:4208');
  expect(cells).toHaveLength(3);
});

test('the stated 10% insurance increases (004:1807, 1816, 1823) agree with the printed contributions but for two cents', () => {
  const report = checkContracts(createRegistry());
  expect(report.tally['waconia/teachers terms']).toEqual({ checked: 18, agreeing: 14 });
  const found = report.findings
    .filter((f) => f.contract === 'waconia/teachers' && f.schedule === 'terms')
    .map((f) => `${f.lane.startsWith('ECFE') || /ecfe/i.test(f.lane) ? 'ecfe' : 'k12'} ${f.year} ${f.step} ${f.printed} ${f.derived} ${f.printedCite}`);
  // 2024-25 Family printed 1,624.58 (004:2433) where 1,476.88 x 1.1 = 1,624.568 -> 1,624.57;
  // 2025-26 Single+1 printed 1,434.96 (004:4365) where 1,304.50 x 1.1 = 1,434.95; the ECFE table repeats both (004:2910, 004:4842)
  expect(found.map((s) => s.split(' ').slice(1).join(' ')).sort()).toEqual([
    '2024-25 Family 1624.58 1624.57 004_95c67c5f7895ec64.txt:2433',
    '2024-25 Family 1624.58 1624.57 004_95c67c5f7895ec64.txt:2910',
    '2025-26 Single+1 1434.96 1434.95 004_95c67c5f7895ec64.txt:4365',
    '2025-26 Single+1 1434.96 1434.95 004_95c67c5f7895ec64.txt:4842',
  ]);
  expect(report.findings.find((f) => f.printedCite.endsWith(':2433'))?.reading).toMatch(/one cent/);
});
