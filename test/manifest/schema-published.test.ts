/**
 * The JSON schema a contract file names in "$schema" is published by the build (webpack.config.js copies it to
 * dist/contract.schema.json), complete, with its $id where `npm start` serves it.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const PUBLISHED = path.join(ROOT, 'dist/contract.schema.json');

beforeAll(() => {
  if (!fs.existsSync(PUBLISHED)) execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'inherit' });
}, 180_000);

test('dist/contract.schema.json is src/schema/contract.schema.json, descriptions kept, $id its address', () => {
  const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/schema/contract.schema.json'), 'utf8'));
  const published = JSON.parse(fs.readFileSync(PUBLISHED, 'utf8'));
  expect(published.$id).toBe('https://localhost:3000/contract.schema.json');
  expect({ ...published, $id: source.$id }).toEqual(source);
  expect(published.properties.$schema).toEqual({ type: 'string' }); // a file may name it
});
