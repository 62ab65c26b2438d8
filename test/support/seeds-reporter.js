/**
 * Prints one line when tests were skipped because the source documents are absent (see seeds.ts), just
 * before jest's summary. Silent where the documents are found (CI).
 */
const fs = require('fs');
const path = require('path');

const SEEDS_DIR = process.env.SEEDS_DIR || path.resolve(__dirname, '../../../shared/seeds');

class SeedsReporter {
  onRunComplete(_contexts, results) {
    // the same test as SEEDS_FOUND in seeds.ts: both agreements' texts are there
    if (['004_95c67c5f7895ec64.txt', '001_568af6eb86bfbaf6.txt'].every((f) => fs.existsSync(path.join(SEEDS_DIR, f)))) return;
    let skipped = 0;
    for (const file of results.testResults) for (const t of file.testResults) if (t.status === 'pending') skipped += 1;
    process.stderr.write(
      `\n${skipped} document-oracle tests skipped: source texts not found in ${SEEDS_DIR}; ` +
        'set SEEDS_DIR to the folder of the seed documents, or clone the repo with ../shared beside it.\n',
    );
  }
}

module.exports = SeedsReporter;
