/**
 * Office.ForceRefreshCustomFunctionsCache after an update (taskpane/office.ts): Microsoft's troubleshooting page for
 * custom functions says functions.json and functions.js may take up to 24 hours to reach users unless this document
 * setting is on; it takes effect the next time the workbook opens, works only with a shared runtime (ours), and
 * should not be left on. Here against the fake office.js (test/support/fake-excel.ts).
 */
import { installFakeOffice, type FakeExcel } from '../support/fake-excel';
import { FORCE_REFRESH_SETTING, refreshFunctionsAfterUpdate, saveWorkbookDefault, VERSION_SETTING } from '../../taskpane/office';

let fake: FakeExcel;
let store: Record<string, unknown>;
beforeEach(() => {
  fake = installFakeOffice(globalThis);
  store = fake.settings;
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).CustomFunctions;
});
const saves = () => fake.saves;

test('a workbook last saved by another version: refresh requested, this version recorded, saved once', async () => {
  store[VERSION_SETTING] = '0.1.0.0';
  await expect(refreshFunctionsAfterUpdate('0.2.0.0')).resolves.toBe('requested');
  expect(store).toEqual({ [VERSION_SETTING]: '0.2.0.0', [FORCE_REFRESH_SETTING]: true });
  expect(saves()).toBe(1);
});

test('the next time the same version opens it, the request is turned off again', async () => {
  store[VERSION_SETTING] = '0.2.0.0';
  store[FORCE_REFRESH_SETTING] = true;
  await expect(refreshFunctionsAfterUpdate('0.2.0.0')).resolves.toBe('cleared');
  expect(store[FORCE_REFRESH_SETTING]).toBe(false);
  expect(saves()).toBe(1);
  await expect(refreshFunctionsAfterUpdate('0.2.0.0')).resolves.toBe('none'); // and after that, nothing
  expect(saves()).toBe(1);
});

test('a workbook whose settings the add-in never saved is left unchanged (not marked modified)', async () => {
  await expect(refreshFunctionsAfterUpdate('0.2.0.0')).resolves.toBe('none');
  expect(store).toEqual({});
  expect(saves()).toBe(0);
});

test('saving the default contract records the version, so a later update is noticed', async () => {
  await saveWorkbookDefault('waconia/teachers');
  expect(store[VERSION_SETTING]).toMatch(/^\d+(\.\d+){1,3}$|^unknown$/);
  expect(saves()).toBe(1);
  await expect(refreshFunctionsAfterUpdate('99.0.0.0')).resolves.toBe('requested');
});
