/**
 * The README's "Project layout" matches the tree: every file and folder it names exists, and every file and folder
 * of src/, functions/ and taskpane/ is named in it (a module added or moved without a line there fails here).
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const block = /^## Project layout\n\n```\n([\s\S]*?)```/m.exec(readme)?.[1] ?? '';

/** The paths the layout names: a top-level line names a root entry; an indented one, entries of the folder above. */
function named(): string[] {
  const out: string[] = [];
  let folder = '';
  for (const line of block.split('\n')) {
    const m = /^( *)(\S.*?)(?: {2,}|$)/.exec(line);
    if (!m || !/^[a-z]/.test(m[2])) continue;
    const names = m[2].split(/,\s*/).filter((n) => /^[\w.-]+\/?$/.test(n));
    if (!m[1].length) {
      folder = names[0]?.endsWith('/') ? names[0] : '';
      out.push(...names);
    } else if (folder && m[1].length === 2) out.push(...names.map((n) => folder + n));
  }
  return out;
}

test('the layout block is found, and names the three rooms', () => {
  expect(named()).toEqual(expect.arrayContaining(['src/', 'functions/', 'taskpane/', 'src/api.ts', 'functions/adapter.ts']));
});

test('every path the layout names exists', () => {
  expect(named().filter((p) => !fs.existsSync(path.join(ROOT, p)))).toEqual([]);
});

test.each(['src', 'functions', 'taskpane'])('every file and folder of %s/ is named in the layout', (dir) => {
  const entries = fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
  const names = new Set(named());
  expect(entries.filter((e) => !names.has(`${dir}/${e}`))).toEqual([]);
});

test('src/ reads no sheet: it imports nothing from functions/ or taskpane/ (the readers live in functions/tables.ts)', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []);
  const outward = files('src').flatMap((f) =>
    [...fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(/from '((\.\.\/)+(functions|taskpane)[^']*)'/g)].map((m) => `${f}: ${m[1]}`));
  expect(outward).toEqual([]);
  expect(files('src').some((f) => f.endsWith('api.ts'))).toBe(true); // the walk reaches the files it checks
});

test('src/ has no import circles (type imports included): each module stands on the ones below it', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : []);
  const all = new Set(files('src'));
  const resolve = (from: string, spec: string): string | undefined => {
    const base = path.join(path.dirname(from), spec);
    return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => all.has(f));
  };
  const imports = new Map([...all].map((f) => [f, [...fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(/^(?:import|export)[^;]*? from '(\.[^']*)'/gm)]
    .map((m) => resolve(f, m[1])).filter((x): x is string => !!x)]));
  // depth-first: a module met again while it is still being walked closes a circle
  const circles: string[] = [];
  const state = new Map<string, 'walking' | 'done'>();
  const walk = (f: string, trail: string[]) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'walking') return void circles.push([...trail.slice(trail.indexOf(f)), f].join(' -> '));
    state.set(f, 'walking');
    for (const g of imports.get(f) ?? []) walk(g, [...trail, f]);
    state.set(f, 'done');
  };
  for (const f of all) walk(f, []);
  expect(circles).toEqual([]);
  expect(imports.get(path.join('src', 'costing.ts'))).toContain(path.join('src', 'costing', 'sharing.ts')); // the walk reads the imports
});
