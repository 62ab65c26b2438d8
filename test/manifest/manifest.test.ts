/**
 * Offline checks of the manifest (no Microsoft validation service here): well-formed, GUID id, every resid resolves,
 * URLs all on the host and present in dist/, namespace CONTRACT matching dist/functions.json, and the narrowest
 * permission the pane needs. Run twice: on manifest.xml (the development manifest, https://localhost:3000) and on
 * the manifest a district's build writes for its host (scripts/deploy.js, as `--env host=` runs it; deploy.test.ts
 * runs that build itself). Needs a built dist/ (`npm test` builds first); builds it if missing.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require('../../scripts/deploy.js');
const TEMPLATE = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
/** A district's host, with a path, as the README's example. */
const DISTRICT_HOST = 'https://addins.district.example/contract';

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
function ensureBuilt() {
  if (!fs.existsSync(path.join(DIST, 'functions.json')) || !fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'inherit' });
  }
}

beforeAll(ensureBuilt, 180_000);

/** Every check, on one manifest for one host (its URLs' common prefix, maybe with a path). */
function checksOf(label: string, xml: string, functionsJson: () => string, host: string) {
  const ORIGIN = new URL(host).origin;
  /** The file in dist/ a URL on the host names (null when it is not under the host). */
  const fileOf = (u: string) => (u.startsWith(`${host}/`) ? u.slice(host.length) : null);
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

  describe(label, () => {

    test('is well-formed XML with an OfficeApp TaskPaneApp root for Excel', () => {
      expect(XMLValidator.validate(xml)).toBe(true);
      // XML forbids "--" inside a comment; the validator above does not check it, Office's parser does.
      expect((xml.match(/<!--[\s\S]*?-->/g) ?? []).filter((c) => c.slice(4, -3).includes('--'))).toEqual([]);
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

    test(`every URL is https under ${host} and the files they name exist in dist/; <AppDomain> is its origin`, () => {
      expect(urls.length).toBeGreaterThan(5);
      for (const u of urls) expect(new URL(u).protocol).toBe('https:');
      expect(named('AppDomain').map(text)).toEqual([ORIGIN]);
      const resourceUrls = urls.filter((u) => !named('AppDomain').map(text).includes(u));
      expect(resourceUrls.filter((u) => fileOf(u) === null)).toEqual([]);
      const files = [...new Set(resourceUrls.map((u) => fileOf(u)!))];
      expect(files).toEqual(expect.arrayContaining(['/taskpane.html', '/functions.js', '/functions.json', '/assets/icon-32.png']));
      expect(files.filter((p) => !fs.existsSync(path.join(DIST, p)))).toEqual([]);
    });

    test('the same add-in as the development manifest: same <Id>, <Version>, resources other than URLs', () => {
      const dev = parser.parse(TEMPLATE) as Node;
      const root = (d: Node) => (d.OfficeApp as Node[])[0];
      expect(text((root(doc).Id as Node[])[0])).toBe(text((root(dev).Id as Node[])[0]));
      expect(text((root(doc).Version as Node[])[0])).toBe(text((root(dev).Version as Node[])[0]));
      const devResources = [...elements(dev)].filter(([t, n]) => ['bt:Image', 'bt:Url', 'bt:String'].includes(t) && attr(n, 'id'));
      expect([...resources.keys()]).toEqual(devResources.map(([, n]) => attr(n, 'id')));
      for (const [, n] of devResources) {
        const v = attr(n, 'DefaultValue')!;
        expect(resources.get(attr(n, 'id')!)).toBe(v.startsWith(`${deploy.DEV_HOST}/`) ? host + v.slice(deploy.DEV_HOST.length) : v);
      }
    });

    test('the product is "Contract rules" on the ribbon, in the add-in list and on the Get Started callout', () => {
      expect(attr(named('DisplayName')[0], 'DefaultValue')).toBe('Contract rules');
      expect([resources.get('Group.Label'), resources.get('TaskpaneButton.Label')]).toEqual(['Contract rules', 'Contract rules']);
      expect(xml).not.toMatch(/Contract Pay/); // the old name ("contract pay schedules" in the description is prose)
    });

    test('the shared runtime, the custom functions page and the ribbon button all use the same taskpane.html', () => {
      const runtimes = named('Runtime');
      expect(runtimes.map((r) => [attr(r, 'resid'), attr(r, 'lifetime')])).toEqual([['Taskpane.Url', 'long']]);
      const sets = named('Set').map((s) => [attr(s, 'Name'), attr(s, 'MinVersion')]);
      expect(sets).toContainEqual(['SharedRuntime', '1.1']);
      const source = resources.get('Taskpane.Url');
      expect(source).toBe(`${host}/taskpane.html`);
      const defaultSource = (named('DefaultSettings')[0].SourceLocation as Node[])[0];
      expect(attr(defaultSource, 'DefaultValue')).toBe(source);

      const cf = named('ExtensionPoint').find((e) => attr(e, 'xsi:type') === 'CustomFunctions')!;
      expect(cf).toBeDefined();
      const loc = (child: string) => attr(((cf[child] as Node[])[0].SourceLocation as Node[])[0], 'resid')!;
      expect(resources.get(loc('Script'))).toBe(`${host}/functions.js`);
      expect(resources.get(loc('Metadata'))).toBe(`${host}/functions.json`);
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

      const metadata = JSON.parse(functionsJson()) as { functions: { id: string; name: string }[] };
      expect(metadata.functions.length).toBeGreaterThan(0);
      for (const f of metadata.functions) {
        expect(f.id).toBe(f.id.toUpperCase());
        expect(f.id).toMatch(/^[A-Z][A-Z0-9._]*$/);
      }
      expect(metadata.functions.map((f) => f.id)).toContain('SALARY');
    });

    test(`every function's help link is under ${host} and its page and anchor exist in dist/`, () => {
      const metadata = JSON.parse(functionsJson()) as { functions: { id: string; helpUrl?: string }[] };
      const helpUrls = metadata.functions.map((f) => f.helpUrl);
      expect(helpUrls.filter((u) => !u || fileOf(u) === null)).toEqual([]);
      const pages = [...new Set(helpUrls.map((u) => new URL(u!).pathname.slice(new URL(host).pathname.replace(/\/$/, '').length)))];
      expect(pages).toEqual(['/help.html']);
      const help = fs.readFileSync(path.join(DIST, 'help.html'), 'utf8');
      const anchors = [...new Set(helpUrls.map((u) => new URL(u!).hash.slice(1)))];
      expect(anchors.filter((a) => !new RegExp(`\\sid=["']?${a}["'\\s>]`).test(help))).toEqual([]);
    });

    test('asks for ReadWriteDocument and nothing wider', () => {
      expect(named('Permissions').map(text)).toEqual(['ReadWriteDocument']);
    });
  });
}

const devFunctionsJson = () => fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8');
checksOf('manifest.xml (development, https://localhost:3000)', TEMPLATE, devFunctionsJson, deploy.DEV_HOST);
checksOf(
  `the manifest a build for ${DISTRICT_HOST} writes`,
  deploy.manifestFor(TEMPLATE, DISTRICT_HOST),
  () => deploy.functionsJsonFor(devFunctionsJson(), DISTRICT_HOST),
  DISTRICT_HOST,
);
checksOf(
  'the manifest for a host at the root of its domain',
  deploy.manifestFor(TEMPLATE, 'https://excel-addins.isd110.example'),
  () => deploy.functionsJsonFor(devFunctionsJson(), 'https://excel-addins.isd110.example'),
  'https://excel-addins.isd110.example',
);

test('dist/manifest.xml is manifest.xml made for the host of the build (https://localhost:3000 in `npm test`)', () => {
  expect(fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8')).toBe(deploy.manifestFor(TEMPLATE, deploy.DEV_HOST));
});

test('a host must be https, without query or fragment; a trailing slash is dropped', () => {
  expect(deploy.parseHost(undefined)).toBe('https://localhost:3000');
  expect(deploy.parseHost('https://addins.district.example/contract/')).toBe('https://addins.district.example/contract');
  expect(deploy.parseHost('https://Addins.District.Example')).toBe('https://addins.district.example');
  expect(() => deploy.parseHost('http://addins.district.example')).toThrow(/must be https/);
  expect(() => deploy.parseHost('https://addins.district.example/?x=1')).toThrow(/without \?query/);
  expect(() => deploy.parseHost('addins.district.example')).toThrow(/not a URL/);
});

test('one product name: "Contract rules" in the pane\'s title and heading and on the help page, "Contract Pay" nowhere', () => {
  const pane = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  expect(/<title>([^<]*)<\/title>/.exec(pane)![1]).toBe('Contract rules');
  expect(fs.readFileSync(path.join(DIST, 'taskpane.js'), 'utf8')).toContain('"Contract rules"'); // the pane's <h1>
  expect(/<title>([^<]*)<\/title>/.exec(fs.readFileSync(path.join(DIST, 'help.html'), 'utf8'))![1]).toMatch(/^Contract rules for Excel/);
  for (const file of ['taskpane.html', 'taskpane.js', 'help.html', 'manifest.xml', 'index.html']) {
    expect([file, fs.readFileSync(path.join(DIST, file), 'utf8').includes('Contract Pay')]).toEqual([file, false]);
  }
});
