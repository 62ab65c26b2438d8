/**
 * The test environment of every jest project: Node's, plus one rule. Where the source documents are
 * absent (a clone without ../shared), a test whose first failure is that it reached for one (SeedsMissing,
 * test/support/seeds.ts), in its own body or in a hook it depends on, is reported as skipped, not failed:
 * what failed after that failed for want of the document. Any other failure stays a failure.
 */
const { TestEnvironment } = require('jest-environment-node');

const missing = (e) => {
  const error = Array.isArray(e) ? e[0] : e;
  return Boolean(error) && error.name === 'SeedsMissing';
};

class SeedsEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    if (event.name === 'test_done' && event.test.errors.length > 0 && missing(event.test.errors[0])) {
      event.test.errors = [];
      event.test.status = 'skip';
      event.test.seedsMissing = true;
    }
  }
}

module.exports = SeedsEnvironment;
