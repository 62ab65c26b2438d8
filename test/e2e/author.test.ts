/**
 * The Author view in Chromium, end to end, for the two synthetic districts of test/fixtures/authoring/ (tables made
 * up for the tests): a teachers' salary schedule (Lakeview ISD 999) and a support staff's hourly grade × step table
 * (Pine Hollow ISD 998). Standalone: paste or upload, fill the form, preview, load, and the engine the functions use
 * answers SALARY and HOURLY with the values read off the sheets. In Excel (the fake object model of
 * test/support/fake-excel.ts): "Use selection" reads the selected range, and problems name the sheet's own cells.
 * Screenshot: test/e2e/screenshots/view-author.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { fakeOfficeScript } from '../support/fake-excel';
import { SHOTS, guardedPage, paneSession } from './helpers';

jest.setTimeout(60_000); // a browser on a busy 2-core machine can be slow

const fixtures = path.join(__dirname, '../fixtures/authoring');
const TEACHERS_CSV = fs.readFileSync(path.join(fixtures, 'lakeview-teachers-2025-26.csv'), 'utf8');
const SUPPORT_CSV = path.join(fixtures, 'pine-hollow-support-2025-26.csv');

interface Form { district: string; unit: string; year: string; years?: string; title: string; page: string; section?: string; file?: string; raise?: string }

async function openAuthor(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Author' }).click();
  await view(page).getByRole('button', { name: 'Preview' }).waitFor();
}

/** The Author view's panel: its labels are looked up there, not in the other views. */
const view = (page: Page) => page.locator('#view-author');

async function fill(page: Page, f: Form): Promise<void> {
  await view(page).getByLabel('District').fill(f.district);
  await view(page).getByLabel('Bargaining unit').fill(f.unit);
  await view(page).getByLabel('School year of this table').fill(f.year);
  await view(page).getByLabel('All years of the agreement').fill(f.years ?? '');
  await view(page).getByLabel('Agreement title (as printed)').fill(f.title);
  await view(page).getByLabel('Page').fill(f.page);
  await view(page).getByLabel('Section').fill(f.section ?? '');
  await view(page).getByLabel('Source file name').fill(f.file ?? '');
  const raise = view(page).getByLabel('Raise for the next year, % (computes its table)');
  if (await raise.count()) await raise.fill(f.raise ?? '');
}

/** The preview table as rows of cell texts, header row first. */
function previewRows(page: Page): Promise<string[][]> {
  return page.getByRole('table', { name: /^Preview:/ }).evaluate((t: HTMLTableElement) => Array.from(t.rows).map((r) => Array.from(r.cells).map((c) => c.textContent!.trim())));
}

const problems = (page: Page) => page.getByRole('list', { name: 'Problems' }).locator('li').allTextContents();

/** A call on the engine the functions use (the shared runtime's global). */
function engine<T>(page: Page, method: string, q: unknown): Promise<T> {
  return page.evaluate(([m, arg]) => {
    const r = (window as unknown as Record<string, Record<string, (x: unknown) => unknown>>).ContractAddin[m as string](arg);
    return (r && typeof r === 'object' && 'message' in r ? { failure: (r as unknown as { reason: string }).reason } : r) as T;
  }, [method, q] as const);
}

describe('Author view, standalone', () => {
  let page: Page;

  paneSession(async (s) => {
    page = s.page;
    const { baseUrl } = s;
    await page.goto(`${baseUrl}/taskpane.html`);
    await openAuthor(page);
  });

  test('a salary schedule pasted, previewed, loaded: SALARY MA step 3 = 50,573 (the "2 & 3" row); 2026-27 BA step 1 = 44,802 × 1.03 = 46,146.06 -> 46,146', async () => {
    await view(page).getByLabel('What the table is').selectOption('annual');
    await view(page).getByLabel('Or paste the table (copied from Excel, or CSV)').fill(TEACHERS_CSV);
    await fill(page, { district: 'Lakeview ISD 999', unit: 'Teachers', year: '2025-26', title: 'Lakeview Master Agreement 2025-2027', page: '31', section: 'Schedule A', file: 'lakeview-2025-27.pdf', raise: '3' });
    await view(page).getByLabel('Rounding').selectOption('0,half-up');
    await view(page).getByRole('button', { name: 'Preview' }).click();
    await page.getByText(/Contract lakeview-isd-999\/teachers passes every check/).waitFor();
    const rows = await previewRows(page);
    expect(rows[0]).toEqual(['Step', 'BA', 'BA + 15', 'MA', 'MA+30']);
    expect(rows[2]).toEqual(['2 & 3', '$46,146', '$47,277', '$50,573', '$52,000']);
    expect(rows[1][4]).toBe('NONE');
    expect(rows[4][1]).toBe(''); // BA step 5: an empty cell
    await page.setViewportSize({ width: 360, height: 1400 });
    await page.screenshot({ path: path.join(SHOTS, 'view-author.png'), fullPage: true });
    // no sideways scrolling at 360 px: the page is no wider than the window (the preview scrolls inside its box)
    await expect(page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth, wider: Array.from(document.querySelectorAll('#view-author *')).filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('[data-scroll]')).map((e) => `${e.tagName}.${e.className}`.slice(0, 60)).slice(0, 5) }))).resolves.toEqual({ page: 360, window: 360, wider: [] });
    await page.setViewportSize({ width: 440, height: 900 });

    const downloaded = page.waitForEvent('download');
    await view(page).getByRole('button', { name: 'Download contract file' }).click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toBe('lakeview-isd-999-teachers.json');
    const text = fs.readFileSync((await file.path())!, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ id: 'lakeview-isd-999/teachers', years: ['2025-26', '2026-27'], sources: [{ file: 'lakeview-2025-27.pdf' }] });

    await view(page).getByRole('button', { name: 'Load contract', exact: true }).click();
    await page.getByText(/Loaded lakeview-isd-999\/teachers for this page/).waitFor();
    const c = 'lakeview-isd-999/teachers';
    await expect(engine(page, 'salary', { contract: c, lane: 'MA', step: 3, year: '2025-26' })).resolves.toBe(50573);
    await expect(engine(page, 'salary', { contract: c, lane: 'BA', step: 1, year: '2026-27' })).resolves.toBe(46146);
    await expect(engine(page, 'salary', { contract: c, lane: 'MA+30', step: 1, year: '2025-26' })).resolves.toEqual({ failure: 'closed-cell' });
  });

  test('a terms table added to the contract loaded before: TERM Family = $1,578.46 a month, SALARY unchanged', async () => {
    await view(page).getByLabel('What the table is').selectOption('terms');
    await view(page).getByLabel('Add the table to').selectOption('lakeview-isd-999/teachers');
    await view(page).getByLabel('Or paste the table (copied from Excel, or CSV)').fill('Term,Tier,Amount,Unit\nHealth insurance contribution,Single,$843.84,per month\n,Family,"$1,578.46",per month\n');
    await fill(page, { district: '', unit: '', year: '2025-26', title: 'Lakeview Master Agreement 2025-2027', page: '22', section: 'Art. XI Sec. 2', file: 'lakeview-2025-27.pdf' });
    await view(page).getByRole('button', { name: 'Preview' }).click();
    await page.getByText(/Contract lakeview-isd-999\/teachers passes every check/).waitFor();
    expect((await previewRows(page))[2]).toEqual(['Health insurance contribution', 'Family', '$1,578.46', 'USD/month']);
    await view(page).getByRole('button', { name: 'Load contract', exact: true }).click();
    await page.getByText(/Loaded lakeview-isd-999\/teachers for this page, replacing the version loaded before/).waitFor();
    const c = 'lakeview-isd-999/teachers';
    await expect(engine(page, 'term', { contract: c, term: 'health-insurance-contribution', key: 'Family', year: '2025-26' })).resolves.toBe(1578.46);
    await expect(engine(page, 'salary', { contract: c, lane: 'MA', step: 3, year: '2025-26' })).resolves.toBe(50573);
    await view(page).getByLabel('Add the table to').selectOption('');
  });

  test('an hourly grade × step table uploaded as CSV: HOURLY Grade 2 step 3 = $21.32, grade 3 "Step 4" = $24.47', async () => {
    await view(page).getByLabel('Or paste the table (copied from Excel, or CSV)').fill('');
    await view(page).getByLabel('What the table is').selectOption('hourly');
    await view(page).getByLabel('CSV file of the table').setInputFiles(SUPPORT_CSV);
    await page.getByText('Read pine-hollow-support-2025-26.csv. Fill in the form and press Preview.').waitFor();
    await fill(page, { district: 'Pine Hollow ISD 998', unit: 'Support Staff', year: '2025-26', title: 'Pine Hollow Support Staff Agreement 2025-2027', page: '12', section: 'Appendix B' });
    await view(page).getByLabel('Rounding').selectOption('');
    await view(page).getByRole('button', { name: 'Preview' }).click();
    await page.getByText(/Contract pine-hollow-isd-998\/support-staff passes every check/).waitFor();
    expect((await previewRows(page))[2]).toEqual(['Grade 2', '$20.10', '$20.70', '$21.32', '']);
    await view(page).getByRole('button', { name: 'Load contract', exact: true }).click();
    await page.getByText(/Loaded pine-hollow-isd-998\/support-staff/).waitFor();
    const c = 'pine-hollow-isd-998/support-staff';
    await expect(engine(page, 'hourly', { contract: c, position: 'Grade 2', step: 3, year: '2025-26' })).resolves.toBe(21.32);
    await expect(engine(page, 'hourly', { contract: c, position: '3', step: 'Step 4', year: '2025-26' })).resolves.toBe(24.47);
  });

  test('every problem is listed by cell and nothing can be saved', async () => {
    await view(page).getByLabel('What the table is').selectOption('annual');
    await view(page).getByLabel('Or paste the table (copied from Excel, or CSV)').fill('Step,BA,MA\n1,"4O,100",49100\n,46146,NONE\n');
    await fill(page, { district: 'Lakeview ISD 999', unit: 'Teachers', year: '2025', title: 'Lakeview Master Agreement', page: '' });
    await view(page).getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('alert').waitFor();
    expect(await problems(page)).toEqual([
      expect.stringMatching(/^year: Year "2025" is ambiguous/),
      expect.stringMatching(/^page: give the page/),
      expect.stringMatching(/^B2: "4O,100" is not an amount/),
      'A3: this row has amounts but no step label',
    ]);
    await expect(view(page).getByRole('button', { name: 'Load contract', exact: true }).isDisabled()).resolves.toBe(true);
  });

  test('rules by form: a career increment of 4.75% over step 2 and a 1% off-schedule payment, stated and derived', async () => {
    await view(page).getByLabel('What the table is').selectOption('annual');
    // a synthetic district; its Career row is printed blank, so the stated rule gives it
    await view(page).getByLabel('Or paste the table (copied from Excel, or CSV)').fill('Step,BA,MA\n1,40000,45000\n2,41000,46000\nCareer,,\n');
    await fill(page, { district: 'Birch Falls ISD 997', unit: 'Teachers', year: '2025-26', title: 'Birch Falls Master Agreement 2025-2026', page: '12', section: 'Art. VII' });
    await view(page).getByLabel('Rounding').selectOption('0,half-up');
    await view(page).getByLabel('Career increment, % over its base step').fill('4.75');
    await view(page).getByLabel('Off-schedule payment that year, % of salary').fill('1');
    await view(page).getByRole('button', { name: 'Preview' }).click();
    await page.getByText(/Contract birch-falls-isd-997\/teachers passes every check/).waitFor();
    const downloaded = page.waitForEvent('download');
    await view(page).getByRole('button', { name: 'Download contract file' }).click();
    const file = JSON.parse(fs.readFileSync((await (await downloaded).path())!, 'utf8'));
    expect(file.rules.careerIncrement).toEqual([expect.objectContaining({ step: 'Career', baseStep: '2', lanes: ['BA', 'MA'], years: ['2025-26'], percent: 4.75 })]);
    expect(file.rules.offSchedulePayments).toEqual([expect.objectContaining({ year: '2025-26', percent: 1, prorate: 'fte' })]);
    await view(page).getByRole('button', { name: 'Load contract', exact: true }).click();
    await page.getByText(/Loaded birch-falls-isd-997\/teachers for this page/).waitFor();
    const c = 'birch-falls-isd-997/teachers';
    // 41,000 x 1.0475 = 42,947.50 -> 42,948 (whole dollars, half up); 46,000 x 1.0475 = 48,185
    await expect(engine(page, 'salary', { contract: c, lane: 'BA', step: 'Career', year: '2025-26' })).resolves.toBe(42948);
    await expect(engine(page, 'salary', { contract: c, lane: 'MA', step: 'Career', year: '2025-26' })).resolves.toBe(48185);
    for (const label of ['Career increment, % over its base step', 'Off-schedule payment that year, % of salary']) await view(page).getByLabel(label).fill('');
  });
});

describe('Author view in Excel (fake object model)', () => {
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  paneSession(async (s) => {
    ({ page, browser, baseUrl } = s);
    await page.route('**/assets/office.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOfficeScript({ selection: 'B3:F7' }) }));
    await page.goto(`${baseUrl}/taskpane.html`);
    await openAuthor(page);
  });

  test('"Use selection" reads the selected range; a mistyped amount is named by its cell on the sheet (D4, under BA + 15)', async () => {
    // the teachers' table at B3:F7 of Sheet1, numbers as numbers, one amount mistyped
    await page.evaluate((rows: unknown[][]) => {
      const fake = (window as unknown as { __fake: { cell(r: number, c: number): { value: unknown; formula: unknown } } }).__fake;
      rows.forEach((row, r) => row.forEach((v, c) => Object.assign(fake.cell(2 + r, 1 + c), { value: v, formula: v })));
    }, [
      ['Step', 'BA', 'BA + 15', 'MA', 'MA+30'],
      ['1', 44802, '45,9OO', 49100, 'NONE'],
      ['2 & 3', 46146, 47277, 50573, 52000],
      ['4', 47530, 48695, 52090, 53560],
      ['5', '', 50156, 53653, 55167],
    ]);
    await view(page).getByRole('button', { name: 'Use selection' }).click();
    await page.getByText('Selection: Sheet1!B3:F7').waitFor();
    await fill(page, { district: 'Lakeview ISD 999', unit: 'Teachers', year: '2025-26', title: 'Lakeview Master Agreement 2025-2027', page: '31', section: 'Schedule A' });
    await view(page).getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('alert').waitFor();
    expect(await problems(page)).toEqual([expect.stringMatching(/^D4: "45,9OO" is not an amount/)]);
  });

  /** The fake workbook's custom XML parts: what the saved file would hold. */
  const parts = (p: Page) => p.evaluate(() => (window as unknown as { __fake: { customXmlParts: { id: string; xml: string }[] } }).__fake.customXmlParts);

  test('saved to the workbook, both districts; a colleague reopening it gets SALARY 50,573 and HOURLY $21.32 from the same formulas', async () => {
    // the mistyped amount corrected on the sheet (45,900 as printed), then the selection read again
    await page.evaluate(() => Object.assign((window as unknown as { __fake: { cell(r: number, c: number): object } }).__fake.cell(3, 3), { value: 45900, formula: 45900 }));
    await view(page).getByRole('button', { name: 'Use selection' }).click();
    await view(page).getByRole('button', { name: 'Preview' }).click();
    await page.getByText(/Contract lakeview-isd-999\/teachers passes every check/).waitFor();
    await view(page).getByRole('button', { name: 'Save to workbook' }).click();
    await page.getByText(/Saved lakeview-isd-999\/teachers in this workbook/).waitFor();

    // the second district's hourly table, pasted (a paste works in Excel too)
    await view(page).getByLabel('What the table is').selectOption('hourly');
    await view(page).getByLabel('Or paste the table (copied from Excel, or CSV)').fill(fs.readFileSync(SUPPORT_CSV, 'utf8'));
    await fill(page, { district: 'Pine Hollow ISD 998', unit: 'Support Staff', year: '2025-26', title: 'Pine Hollow Support Staff Agreement 2025-2027', page: '12', section: 'Appendix B' });
    await view(page).getByRole('button', { name: 'Preview' }).click();
    await page.getByText(/Contract pine-hollow-isd-998\/support-staff passes every check/).waitFor();
    await view(page).getByRole('button', { name: 'Save to workbook' }).click();
    await page.getByText(/Saved pine-hollow-isd-998\/support-staff in this workbook/).waitFor();
    const saved = await parts(page);
    expect(saved).toHaveLength(2);

    // reopen: a new page whose workbook holds the saved parts; the functions load them when the workbook opens
    const reopened = await reopen(saved);
    const formula = (f: string) => reopened.evaluate((x) => (window as unknown as { __fake: { customFunction(f: string): unknown } }).__fake.customFunction(x), f);
    await expect(formula('=CONTRACT.SALARY("MA","3","2025-26","lakeview-isd-999/teachers")')).resolves.toBe(50573);
    await expect(formula('=CONTRACT.SALARY("BA+15","Step 5","2025-26","lakeview-isd-999/teachers")')).resolves.toBe(50156);
    await expect(formula('=CONTRACT.HOURLY("Grade 2","3","2025-26","pine-hollow-isd-998/support-staff")')).resolves.toBe(21.32);
    await reopened.close();
  });

  test('a saved contract edited by hand in the file is refused whole when the workbook opens; the other one still loads', async () => {
    const saved = await parts(page);
    const edited = saved.map((p) => (p.xml.includes('lakeview-isd-999/teachers') ? { ...p, xml: p.xml.replace('46146,', '"46,146",') } : p));
    expect(edited.find((p) => p.xml.includes('lakeview'))!.xml).toContain('"46,146"');
    const reopened = await reopen(edited);
    const addin = <T,>(m: string) => reopened.evaluate((x) => (window as unknown as Record<string, Record<string, () => unknown>>).ContractAddin[x](), m) as Promise<T>;
    await reopened.waitForFunction(() => (window as unknown as { ContractAddin: { contractIds(): string[] } }).ContractAddin.contractIds().includes('pine-hollow-isd-998/support-staff'));
    const ids = await addin<string[]>('contractIds');
    expect(ids).toContain('pine-hollow-isd-998/support-staff');
    expect(ids).not.toContain('lakeview-isd-999/teachers');
    const leftOut = await addin<{ id: string; message: string }[]>('leftOut');
    expect(leftOut.map((l) => l.message).join('\n')).toMatch(/lakeview-isd-999\/teachers[\s\S]*is not a printed amount/);
    await reopened.close();
  });

  /** A new page of the pane in Excel, its workbook holding these custom XML parts (the file a colleague opens). */
  async function reopen(held: { id: string; xml: string }[]): Promise<Page> {
    const guarded = await guardedPage(browser);
    const p = guarded.page;
    await p.route('**/assets/office.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: `${fakeOfficeScript({ selection: 'A1' })}\nwindow.__fake.customXmlParts = ${JSON.stringify(held)};` }),
    );
    await p.goto(`${baseUrl}/taskpane.html`);
    await p.getByRole('tab', { name: 'Author' }).waitFor();
    return p;
  }
});
