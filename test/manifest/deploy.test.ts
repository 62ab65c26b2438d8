/**
 * The production build for a district's host, run as the README tells IT to run it
 * (`webpack --mode production --env host=...`, into a temporary folder instead of dist/): the manifest, the help
 * links and the icons are on that host and nowhere else, and the folder carries index.html and the third-party
 * notices. manifest.test.ts runs every manifest check on the same transformation; this proves the command does it.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const HOST = 'https://addins.district.example/contract';
const WEBPACK = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
let out: string;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-rules-deploy-'));
  execFileSync(process.execPath, [WEBPACK, '--mode', 'production', '--no-stats', '--env', `host=${HOST}/`, '--output-path', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}, 300_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');

test('manifest.xml: every URL on the host (the trailing slash dropped), <AppDomain> its origin, no localhost', () => {
  const xml = read('manifest.xml');
  const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(8);
  expect(urls.filter((u) => !u.startsWith(`${HOST}/`))).toEqual([]);
  expect(urls).toEqual(expect.arrayContaining([`${HOST}/taskpane.html`, `${HOST}/functions.json`, `${HOST}/assets/icon-80.png`]));
  expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual(['https://addins.district.example']);
  expect(xml).not.toMatch(/localhost/);
  expect(xml).toContain(`add-in manifest for ${HOST}`);
});

test('functions.json: every help link on the host, into help.html', () => {
  const metadata = JSON.parse(read('functions.json')) as { functions: { id: string; helpUrl: string }[] };
  expect(metadata.functions.length).toBeGreaterThan(20);
  expect(metadata.functions.filter((f) => !f.helpUrl.startsWith(`${HOST}/help.html#`)).map((f) => f.id)).toEqual([]);
});

test('the files the manifest names are all in the folder', () => {
  const xml = read('manifest.xml');
  const files = [...xml.matchAll(/DefaultValue="https:\/\/[^"]*?\/contract(\/[^"#]*)"/g)].map((m) => m[1]);
  expect(files.filter((f) => !fs.existsSync(path.join(out, f)))).toEqual([]);
});

test('index.html points at the pane, the help, the manifest and the notices, with relative links', () => {
  const html = read('index.html');
  const links = [...html.matchAll(/href="?([^"\s>]+)/g)].map((m) => m[1]); // production output drops needless quotes
  expect(links).toEqual(['taskpane.html', 'help.html', 'manifest.xml', 'THIRD-PARTY-NOTICES.txt']);
  expect(html).toContain(HOST);
  expect(html).not.toMatch(/<script/);
});

test('THIRD-PARTY-NOTICES.txt names the licence of each bundled library and of the office.js we serve', () => {
  const notices = read('THIRD-PARTY-NOTICES.txt');
  const version = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  for (const name of ['react', 'react-dom', 'scheduler', 'decimal.js', '@fluentui/react-button', '@griffel/core']) {
    expect(notices).toContain(`\n${name}@${version(name)} (MIT)\n`);
  }
  expect(notices).toContain(`\n@microsoft/office-js@${version('@microsoft/office-js')} `);
  expect(notices).toContain('Permission is hereby granted, free of charge'); // the MIT text itself, not just its name
  expect(notices).not.toContain('(no licence file'); // every package's terms are there (react-icons ships none: MIT text)
  const sections = notices.split(`\n${'='.repeat(78)}\n`).slice(1);
  expect(notices).toContain(`following packages (${sections.length})`);
  expect(sections.filter((s) => s.split('\n').filter((l) => l.trim()).length < 5).map((s) => s.split('\n')[0])).toEqual([]);
  // Development tools are not shipped, so not listed.
  for (const tool of ['hyperformula', 'webpack', 'jest', 'exceljs', 'typescript']) expect(notices).not.toContain(`\n${tool}@`);
});

test("the pane knows the manifest's <Version>, to ask Excel to reload the functions after an update", () => {
  const version = /<Version>([0-9.]+)<\/Version>/.exec(read('manifest.xml'))![1];
  expect(read('taskpane.js')).toContain(`"${version}"`);
  expect(read('taskpane.js')).not.toContain('ADDIN_VERSION');
});
