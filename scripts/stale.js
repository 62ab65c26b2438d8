/**
 * Whether dist/ is older than what it is built from (src, functions, taskpane, the build's loaders and config):
 * `npm run test:quick` and `npm run bench` rebuild only then. Only functions.js is dated: webpack leaves an unchanged
 * file untouched, so whoever builds marks it as built now (markBuilt).
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SOURCES = ['src', 'functions', 'taskpane', 'scripts/contract-loader.js', 'scripts/embed-contract.js', 'webpack.config.js', 'package.json'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

function distIsStale(dist = path.join(ROOT, 'dist')) {
  const out = path.join(dist, 'functions.js');
  if (!fs.existsSync(out) || !fs.existsSync(path.join(dist, 'functions.json'))) return true;
  return fs.statSync(out).mtimeMs < Math.max(...SOURCES.map((p) => newestMtime(path.join(ROOT, p))));
}

function markBuilt(dist = path.join(ROOT, 'dist')) {
  const now = new Date();
  fs.utimesSync(path.join(dist, 'functions.js'), now, now);
}

module.exports = { distIsStale, markBuilt };
