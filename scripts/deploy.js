/**
 * Where the add-in is served from, and what webpack writes for it besides the bundles:
 *
 *   npx webpack --mode production --env host=https://addins.district.example/contract
 *
 * writes dist/ for that host: dist/manifest.xml with every URL (pane, functions, metadata, icons, help) on it,
 * dist/functions.json with each function's help link on it, dist/index.html (what the host's "/" shows) and
 * dist/THIRD-PARTY-NOTICES.txt (the licences of every package webpack bundled, and of office.js, which we serve).
 * Without --env host everything stays on the development server, https://localhost:3000, as in ./manifest.xml.
 *
 * manifest.xml in the repository is the template and the development manifest (`npm start` sideloads it); its
 * URLs are written on DEV_HOST, and a build for another host replaces that prefix, nothing else.
 */
const fs = require('fs');
const path = require('path');

const DEV_HOST = 'https://localhost:3000';
const PRODUCT = 'Contract rules for Excel';

/**
 * The host as given on the command line, checked: https (Office loads add-ins only over https), no query, no
 * fragment, no credentials. A trailing slash is dropped, so both ".../contract" and ".../contract/" work.
 */
function parseHost(value) {
  if (value === undefined || value === true || value === '') return DEV_HOST;
  let url;
  try {
    url = new URL(String(value));
  } catch {
    throw new Error(`--env host=${value}: not a URL; give the https address dist/ is served from, e.g. https://addins.district.example/contract`);
  }
  if (url.protocol !== 'https:') throw new Error(`--env host=${value}: must be https (Office loads add-ins only over https)`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`--env host=${value}: give the folder dist/ is served from, without ?query, #fragment or credentials`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The manifest for a host: every DEV_HOST URL moved onto it, <AppDomain> set to its origin (an origin, never a path),
 * and the header comment saying which host it was made for. Everything else (the <Id> above all) stays as it is, so
 * a district's build replaces the development add-in rather than installing a second one.
 */
function manifestFor(template, host) {
  const origin = new URL(host).origin;
  let xml = template.replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`);
  xml = xml.replace(new RegExp(`${escapeRegExp(DEV_HOST)}(?=[/"<])`, 'g'), host);
  return xml.replace(
    /<!--[\s\S]*?-->/,
    // No "--" inside an XML comment: the command is described, not quoted.
    `<!--\n  ${PRODUCT}: add-in manifest for ${host}, written from manifest.xml by the build with env host=${host}` +
      '\n  (scripts/deploy.js). Serve the whole dist/ folder at that address; see the README, "Deploying to your district".\n-->',
  );
}

/** The manifest's <Version> (what Microsoft 365 compares to push an update). */
function manifestVersion(xml) {
  const m = /<Version>\s*([0-9.]+)\s*<\/Version>/.exec(xml);
  if (!m) throw new Error('manifest.xml: no <Version>');
  return m[1];
}

/** dist/functions.json for a host: each function's helpUrl (written on DEV_HOST in functions/functions.ts) moved onto it. */
function functionsJsonFor(json, host) {
  const metadata = JSON.parse(json);
  for (const f of metadata.functions) {
    if (typeof f.helpUrl === 'string' && f.helpUrl.startsWith(`${DEV_HOST}/`)) f.helpUrl = host + f.helpUrl.slice(DEV_HOST.length);
  }
  return JSON.stringify(metadata, null, 2);
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** dist/index.html: what the host's address shows (the dev server's "/" too): where the pane, the help and the manifest are. */
function indexPage(host) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PRODUCT}</title>
<style>body{font:15px/1.5 "Segoe UI",system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#242424}</style>
</head><body>
<h1>${PRODUCT}</h1>
<p>This address serves the ${PRODUCT} add-in (${escapeHtml(host)}).</p>
<ul>
<li><a href="taskpane.html">The task pane</a>: browse the contracts and their schedules in this browser.</li>
<li><a href="help.html">Help</a>: every function, with examples.</li>
<li><a href="manifest.xml">manifest.xml</a>: give this file to Excel (Upload My Add-in) or to your Microsoft 365 admin.</li>
<li><a href="THIRD-PARTY-NOTICES.txt">Third-party notices</a>.</li>
</ul>
</body></html>
`;
}

/**
 * Office's own pages that fetch functions.json (Excel on the web reads the metadata from its own origin, e.g.
 * https://excel.officeapps.live.com, so the file needs CORS for them). Only https, only these domains' subdomains.
 */
const OFFICE_DOMAINS = ['officeapps.live.com', 'office.com', 'office365.com', 'microsoft365.com', 'cloud.microsoft'];
function isOfficeOrigin(origin) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.origin === origin && OFFICE_DOMAINS.some((d) => url.hostname.endsWith(`.${d}`));
}

/**
 * Response headers of the dev server: the CSP and nosniff on every file; on functions.json alone, and only when an
 * Office page asks, Access-Control-Allow-Origin naming that page (never "*": other sites cannot read our files).
 */
function devServerHeaders(req, csp) {
  const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
  const pathname = (req.url || '').split('?')[0];
  // Office's pages show the ribbon icons with <img>; webpack-dev-server marks responses same-origin-only otherwise.
  if (/^\/assets\/icon-\d+\.png$/.test(pathname)) headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  if (pathname === '/functions.json') {
    headers.Vary = 'Origin';
    const origin = req.headers && req.headers.origin;
    if (origin && isOfficeOrigin(origin)) headers['Access-Control-Allow-Origin'] = origin;
  }
  return headers;
}

/** The package.json directory that owns a file inside node_modules (scoped packages included), or null. */
function packageRoot(file) {
  const parts = file.split(path.sep);
  const i = parts.lastIndexOf('node_modules');
  if (i < 0) return null;
  const depth = parts[i + 1]?.startsWith('@') ? 3 : 2;
  return parts.slice(0, i + depth).join(path.sep);
}

/** The MIT licence's terms, for an MIT package that ships no licence file (e.g. @fluentui/react-icons). */
const MIT_TERMS = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;

/**
 * A package's licence text: its LICENSE/LICENCE/COPYING file; for an MIT package without one, the MIT terms with
 * its authors and repository as package.json names them; otherwise what package.json says.
 */
function licenceText(dir, pkg) {
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if (file) return fs.readFileSync(path.join(dir, file), 'utf8').trim();
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const authors = [pkg.author?.name ?? pkg.author, repository].filter((x) => typeof x === 'string' && x).join(', ');
  if (pkg.license === 'MIT') {
    return `MIT License (package.json; the package ships no licence file)\n\nCopyright (c) the authors of ${pkg.name}${authors ? ` (${authors})` : ''}\n\n${MIT_TERMS}`;
  }
  return `(no licence file in the package; package.json says: ${pkg.license ?? 'no licence'}${authors ? `; ${authors}` : ''})`;
}

/** Every node_modules package whose code is in one of the compilation's chunks (inside concatenated modules too). */
function bundledPackages(compilation) {
  const roots = new Set();
  const visit = (m) => {
    if (m.modules) for (const inner of m.modules) visit(inner); // ConcatenatedModule
    const resource = m.resource ?? m.rootModule?.resource;
    if (resource) {
      const root = packageRoot(resource.split('?')[0]);
      if (root) roots.add(root);
    }
  };
  for (const chunk of compilation.chunks) for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) visit(m);
  return [...roots];
}

/** THIRD-PARTY-NOTICES.txt: name, version, licence id and licence text of each package, sorted by name. */
function noticesText(packageDirs) {
  const packages = packageDirs
    .map((dir) => ({ dir, pkg: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) }))
    .sort((a, b) => a.pkg.name.localeCompare(b.pkg.name));
  const seen = new Set();
  const sections = [];
  for (const { dir, pkg } of packages) {
    const key = `${pkg.name}@${pkg.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sections.push(`${'='.repeat(78)}\n${key} (${pkg.license ?? 'no licence id'})${pkg.homepage ? `\n${pkg.homepage}` : ''}\n\n${licenceText(dir, pkg)}\n`);
  }
  return (
    `${PRODUCT}: third-party software\n\n` +
    `The add-in's files in this folder contain or serve the following packages (${seen.size}), each under its own\n` +
    'licence, reproduced below. Generated at build time (scripts/deploy.js) from what webpack bundled.\n\n' +
    sections.join('\n')
  );
}

/**
 * Webpack plugin: rewrites functions.json's help links for the host, and adds manifest.xml, index.html and
 * THIRD-PARTY-NOTICES.txt to the output. `extraPackages` are package directories shipped without being bundled
 * (office.js, copied into assets/).
 */
class DeployPlugin {
  constructor({ host, manifest, extraPackages = [] }) {
    this.host = host;
    this.manifest = manifest;
    this.extraPackages = extraPackages;
  }

  apply(compiler) {
    const { Compilation, DefinePlugin, sources } = compiler.webpack;
    // The pane compares it with the version that last saved the workbook's settings (taskpane/office.ts).
    new DefinePlugin({ ADDIN_VERSION: JSON.stringify(manifestVersion(fs.readFileSync(this.manifest, 'utf8'))) }).apply(compiler);
    compiler.hooks.thisCompilation.tap('DeployPlugin', (compilation) => {
      compilation.fileDependencies.add(this.manifest);
      compilation.hooks.processAssets.tap({ name: 'DeployPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const functions = compilation.getAsset('functions.json');
        if (functions) {
          const json = functionsJsonFor(functions.source.source().toString(), this.host);
          compilation.updateAsset('functions.json', new sources.RawSource(json));
        }
        const manifest = manifestFor(fs.readFileSync(this.manifest, 'utf8'), this.host);
        compilation.emitAsset('manifest.xml', new sources.RawSource(manifest));
        compilation.emitAsset('index.html', new sources.RawSource(indexPage(this.host)));
        const notices = noticesText([...bundledPackages(compilation), ...this.extraPackages]);
        compilation.emitAsset('THIRD-PARTY-NOTICES.txt', new sources.RawSource(notices));
      });
    });
  }
}

module.exports = {
  DEV_HOST,
  PRODUCT,
  OFFICE_DOMAINS,
  isOfficeOrigin,
  devServerHeaders,
  parseHost,
  manifestFor,
  manifestVersion,
  functionsJsonFor,
  indexPage,
  packageRoot,
  noticesText,
  DeployPlugin,
};
