/** Test layers (see README "Testing"): unit (src), workbook (built bundle in HyperFormula), mutations (1,090 broken
 *  contract files, ~10 s: CI and `npm test` run it, `npm run test:quick` does not), manifest (offline checks of the
 *  build), e2e (task pane in headless Chromium). */
const ts = { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] };
const MUTATIONS = '<rootDir>/test/unit/mutations.test.ts';
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
    project('unit', 'unit', { testPathIgnorePatterns: ['/node_modules/', '/test/unit/mutations\\.test\\.ts$'] }),
    project('workbook', 'workbook'),
    project('mutations', 'unit', { testMatch: [MUTATIONS] }),
    project('manifest', 'manifest'),
    project('e2e', 'e2e'),
  ],
  reporters: ['<rootDir>/test/support/seeds-reporter.js', 'default'],
};
