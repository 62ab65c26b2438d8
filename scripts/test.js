#!/usr/bin/env node
// npm test (CI): type-check everything (src, functions, taskpane, test, scripts), lint (eslint.config.mjs), build
// dist/ (the workbook, manifest and e2e layers test the built bundle), then run every jest project: unit, workbook,
// mutations, manifest, e2e. Extra arguments go to jest (npm test -- --selectProjects unit).
//
// npm run test:quick (the edit-test loop): the unit and workbook projects only, with dist/ rebuilt first only when
// it is older than its sources; no type check, no lint, no mutation suite, manifest or e2e tests.
const { spawnSync } = require('child_process');
const { distIsStale, markBuilt } = require('./stale');

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
const quick = process.argv[2] === '--quick';
const jestArgs = process.argv.slice(quick ? 3 : 2);

function step(name, cmd, args) {
  const status = run(cmd, args);
  if (status !== 0) {
    console.error(`npm test: the ${name} failed; see the errors above.`);
    process.exit(status);
  }
}

if (!quick) {
  step('type check', 'npx', ['tsc', '--noEmit', '-p', '.']);
  step('lint', 'npx', ['eslint', '.']);
}
if (!quick || distIsStale()) {
  step('build', 'npx', ['webpack', '--mode', 'production', '--no-stats']);
  markBuilt();
}
process.exit(run('npx', ['jest', ...(quick ? ['--selectProjects', 'unit', 'workbook'] : []), ...jestArgs]));
