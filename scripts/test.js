#!/usr/bin/env node
// npm test: type-check everything (src, functions, taskpane, test, scripts), build dist/ (the workbook,
// manifest and e2e layers test the built bundle), then run every jest project: unit, workbook, manifest,
// e2e. Extra arguments go to jest (npm test -- --selectProjects unit).
const { spawnSync } = require('child_process');

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

const types = run('npx', ['tsc', '--noEmit', '-p', '.']);
if (types !== 0) {
  console.error('npm test: the type check failed; see the errors above.');
  process.exit(types);
}
const build = run('npx', ['webpack', '--mode', 'production', '--no-stats']);
if (build !== 0) {
  console.error('npm test: the build failed; see the errors above.');
  process.exit(build);
}
process.exit(run('npx', ['jest', ...process.argv.slice(2)]));
