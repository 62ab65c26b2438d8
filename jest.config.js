/** Test layers (see README "Testing"): unit (src), workbook (built bundle in HyperFormula),
 *  manifest (offline checks), e2e (task pane in headless Chromium). */
const ts = { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] };
const project = (name, dir, extra = {}) => ({
  displayName: name,
  // Node's environment; tests that need the source documents skip where they are absent
  testEnvironment: '<rootDir>/test/support/seeds-environment.js',
  transform: ts,
  testMatch: [`<rootDir>/test/${dir}/**/*.test.ts`],
  ...extra,
});
module.exports = {
  projects: [
    project('unit', 'unit'),
    project('workbook', 'workbook'),
    project('manifest', 'manifest'),
    project('e2e', 'e2e'),
  ],
  reporters: ['<rootDir>/test/support/seeds-reporter.js', 'default'],
};
