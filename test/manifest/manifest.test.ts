/**
 * Offline checks of manifest.xml (no Microsoft validation service here): well-formed, GUID id, every resid resolves,
 * URLs all on https://localhost:3000 and present in dist/, namespace CONTRACT matching dist/functions.json, and the
 * narrowest permission the pane needs. Needs a built dist/ (`npm test` builds first); builds it if missing.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const ORIGIN = 'https://localhost:3000';
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** An element as fast-xml-parser gives it: attributes under "@_name", children by tag (prefix kept, e.g. bt:Url). */
type Node = { [key: string]: unknown };

/** Depth-first walk over every element, with its tag name. */
function* elements(node: unknown, tag = ''): Generator<[string, Node]> {
  if (Array.isArray(node)) {
    for (const n of node) yield* elements(n, tag);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  yield [tag, node as Node];
  for (const [key, child] of Object.entries(node)) {
    if (!key.startsWith('@_') && key !== '#text') yield* elements(child, key);
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_tag: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute, // every child as an array, and text under '#text': one shape to walk
  alwaysCreateTextNode: true,
});
const doc = parser.parse(xml) as Node;
const all = [...elements(doc)];
const named = (tag: string) => all.filter(([t]) => t === tag).map(([, n]) => n);
const text = (n: Node) => String((n['#text'] as string | undefined) ?? '').trim();
const attr = (n: Node, a: string) => n[`@_${a}`] as string | undefined;

/** Resource definitions: bt:Image, bt:Url, bt:String with an id (a bt:Image inside <Icon> is a reference, by resid). */
const definitions = ['bt:Image', 'bt:Url', 'bt:String'].flatMap((t) => named(t).filter((n) => attr(n, 'id') !== undefined));
const resources = new Map(definitions.map((n) => [attr(n, 'id')!, attr(n, 'DefaultValue')!]));
/** Every URL in the manifest: resource values that look like URLs, DefaultValue attributes and AppDomain text. */
const urls = [
  ...all.map(([, n]) => attr(n, 'DefaultValue')).filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v)),
  ...named('AppDomain').map(text),
];

function ensureBuilt() {
  if (!fs.existsSync(path.join(DIST, 'functions.json')) || !fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'inherit' });
  }
}

describe('manifest.xml', () => {
  beforeAll(ensureBuilt, 180_000);

  test('is well-formed XML with an OfficeApp TaskPaneApp root for Excel', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const root = (doc.OfficeApp as Node[] | undefined)?.[0];
    expect(root).toBeDefined();
    expect(attr(root!, 'xsi:type')).toBe('TaskPaneApp');
    expect(attr(root!, 'xmlns')).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(named('Host').map((h) => attr(h, 'Name') ?? attr(h, 'xsi:type'))).toEqual(['Workbook', 'Workbook']);
    const overrides = named('VersionOverrides');
    expect(overrides.map((v) => attr(v, 'xsi:type'))).toEqual(['VersionOverridesV1_0']);
  });

  test('<Id> is a GUID', () => {
    const ids = (doc.OfficeApp as Node[])[0].Id as Node[];
    expect(ids).toHaveLength(1);
    expect(text(ids[0])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  });

  test('every resid resolves to a defined resource, and resource ids are unique', () => {
    expect(resources.size).toBe(definitions.length);
    const referenced = all.map(([, n]) => attr(n, 'resid')).filter((r): r is string => r !== undefined);
    expect(referenced.length).toBeGreaterThan(10);
    expect(referenced.filter((r) => !resources.has(r))).toEqual([]);
    // Short strings are limited to 125 characters, long ones to 250, resids to 32.
    for (const n of (named('bt:ShortStrings') as Node[]).flatMap((s) => (s['bt:String'] as Node[]) ?? [])) {
      expect(attr(n, 'DefaultValue')!.length).toBeLessThanOrEqual(125);
    }
    for (const n of (named('bt:LongStrings') as Node[]).flatMap((s) => (s['bt:String'] as Node[]) ?? [])) {
      expect(attr(n, 'DefaultValue')!.length).toBeLessThanOrEqual(250);
    }
    for (const r of referenced) expect(r.length).toBeLessThanOrEqual(32);
  });

  test(`every URL is on ${ORIGIN} and the files they name exist in dist/`, () => {
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(new URL(u).origin).toBe(ORIGIN);
    const files = [...new Set(urls.map((u) => new URL(u).pathname).filter((p) => p !== '/'))];
    expect(files).toEqual(expect.arrayContaining(['/taskpane.html', '/functions.js', '/functions.json', '/assets/icon-32.png']));
    expect(files.filter((p) => !fs.existsSync(path.join(DIST, p)))).toEqual([]);
  });

  test('the shared runtime, the custom functions page and the ribbon button all use the same taskpane.html', () => {
    const runtimes = named('Runtime');
    expect(runtimes.map((r) => [attr(r, 'resid'), attr(r, 'lifetime')])).toEqual([['Taskpane.Url', 'long']]);
    const sets = named('Set').map((s) => [attr(s, 'Name'), attr(s, 'MinVersion')]);
    expect(sets).toContainEqual(['SharedRuntime', '1.1']);
    const source = resources.get('Taskpane.Url');
    expect(source).toBe(`${ORIGIN}/taskpane.html`);
    const defaultSource = (named('DefaultSettings')[0].SourceLocation as Node[])[0];
    expect(attr(defaultSource, 'DefaultValue')).toBe(source);

    const cf = named('ExtensionPoint').find((e) => attr(e, 'xsi:type') === 'CustomFunctions')!;
    expect(cf).toBeDefined();
    const loc = (child: string) => attr(((cf[child] as Node[])[0].SourceLocation as Node[])[0], 'resid')!;
    expect(resources.get(loc('Script'))).toBe(`${ORIGIN}/functions.js`);
    expect(resources.get(loc('Metadata'))).toBe(`${ORIGIN}/functions.json`);
    expect(loc('Page')).toBe('Taskpane.Url');
    expect(attr(named('FunctionFile')[0], 'resid')).toBe('Taskpane.Url');

    const action = named('Action').find((a) => attr(a, 'xsi:type') === 'ShowTaskpane')!;
    expect(attr((action.SourceLocation as Node[])[0], 'resid')).toBe('Taskpane.Url');
    expect(named('OfficeTab').map((t) => attr(t, 'id'))).toEqual(['TabHome']);
  });

  test('the namespace is CONTRACT and every function id in dist/functions.json is upper case', () => {
    const cf = named('ExtensionPoint').find((e) => attr(e, 'xsi:type') === 'CustomFunctions')!;
    const ns = attr((cf.Namespace as Node[])[0], 'resid')!;
    expect(ns).toBe('Functions.Namespace');
    expect(resources.get(ns)).toBe('CONTRACT');

    const metadata = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as {
      functions: { id: string; name: string }[];
    };
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const f of metadata.functions) {
      expect(f.id).toBe(f.id.toUpperCase());
      expect(f.id).toMatch(/^[A-Z][A-Z0-9._]*$/);
    }
    expect(metadata.functions.map((f) => f.id)).toContain('SALARY');
  });

  test('help links in dist/functions.json are on the same origin and their pages exist in dist/', () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as {
      functions: { id: string; helpUrl?: string }[];
    };
    const helpUrls = metadata.functions.map((f) => f.helpUrl).filter((u): u is string => !!u);
    for (const u of helpUrls) expect(new URL(u).origin).toBe(ORIGIN);
    const pages = [...new Set(helpUrls.map((u) => new URL(u).pathname))];
    expect(pages.filter((p) => !fs.existsSync(path.join(DIST, p)))).toEqual([]);
  });

  test('asks for ReadWriteDocument and nothing wider', () => {
    expect(named('Permissions').map(text)).toEqual(['ReadWriteDocument']);
  });
});
