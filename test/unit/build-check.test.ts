/**
 * The bundled contracts go through the loader's checks at build time (issue 8, part 3): scripts/contract-loader.js,
 * the webpack loader every src/contracts/*.json passes through, throws the loader's `file: path: reason` lines for a
 * bad file, so `npm run build` fails. Here the webpack loader function is called directly, as webpack calls it.
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const contractLoader: (this: { resourcePath: string }, source: string) => string = require('../../scripts/contract-loader.js');

const dir = path.join(__dirname, '../../src/contracts');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const build = (name: string, doc: unknown) => contractLoader.call({ resourcePath: path.join(dir, name) }, JSON.stringify(doc));

describe('bundled contract files are checked when the add-in is built', () => {
  test('a negative wage fails the build with the loader message (it used to build, and HOURLY answered -18.22)', () => {
    const c = read('waconia-custodial.json');
    c.schedules[0].tables[0].rows[0].values[0] = -18.22; // printed 19.00 (004_95c67c5f7895ec64.txt:6552)
    expect(() => build('waconia-custodial.json', c)).toThrow(
      'waconia-custodial.json is not a valid contract file; the add-in would refuse it:\n' +
        'waconia-custodial.json: schedules[0].tables[0].rows[0].values[0]: -18.22 is not a printed amount (a number from 0 to 10,000,000), null (empty cell) or "NONE"',
    );
  });
  test('a duplicate alias fails the build (it used to build, and then no function registered)', () => {
    const c = read('waconia-teachers.json');
    c.schedules[0].lanes[1].aliases.push('ba'); // lane 0 is BA
    expect(() => build('waconia-teachers.json', c)).toThrow(/\nwaconia-teachers\.json: schedules\[0\]\.lanes\[1\]\.aliases\[\d+\]: "ba" is already used by schedules\[0\]\.lanes\[0\] \("BA"\)/);
  });
  test('three decimal places in a salary fail the build', () => {
    const c = read('anoka-hennepin-teachers.json');
    c.schedules[0].tables[0].rows[0].values[0] += 0.125;
    expect(() => build('anoka-hennepin-teachers.json', c)).toThrow(/values\[0\]: \d+\.125 has 3 decimal places; rounding rule "salary" of schedule "k12" keeps 0/);
  });
  test('every problem of the file is in the build error', () => {
    const c = read('waconia-custodial.json');
    c.schedules[0].tables[0].rows[0].values[0] = -18.22;
    c.schedules[0].tables[0].rows[0].values[1] = 'x';
    expect(() => build('waconia-custodial.json', c)).toThrow(/values\[0\]: -18\.22 .*\n.*values\[1\]: "x" is not a printed amount/);
  });
  test.each(fs.readdirSync(dir).filter((f) => f.endsWith('.json')))('the shipped %s builds, less what only people and tests read', (name) => {
    const out = JSON.parse(build(name, read(name)));
    expect(out.id).toBe(read(name).id);
    expect(out.readings).toBeUndefined();
    expect(out.stipends?.printed).toBeUndefined();
  });
});
