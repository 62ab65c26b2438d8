/**
 * Builds dist/ for the add-in:
 *   functions.js + functions.json  Excel custom functions (metadata generated from the JSDoc of the
 *                                  modules in FUNCTION_MODULES, which functions/functions.ts re-exports)
 *   taskpane.html + taskpane.js    the task pane; the page also loads functions.js because it is the shared runtime
 *   assets/                        office.js (served by us, never from a CDN) and the icons
 *
 *   manifest.xml, index.html, THIRD-PARTY-NOTICES.txt   for the host the build is for (scripts/deploy.js)
 *
 *   npx webpack --mode production     minified, no source maps
 *   npx webpack --mode production --env host=https://addins.district.example/contract   the same, for a district's host
 *   npx webpack --mode development    readable, with source maps
 *   npx webpack serve                 https://localhost:3000 (office-addin-dev-certs); see scripts/start.js
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

/** The modules that declare custom functions (@customfunction), in the order functions.json lists them. */
const FUNCTION_MODULES = ['salary', 'stipends', 'terms', 'pay', 'costing', 'lists'].map((m) => `./functions/${m}.ts`);
const { helpPage } = require('./scripts/help-page');
const { DeployPlugin, devServerHeaders, parseHost } = require('./scripts/deploy');

const PORT = Number(process.env.CONTRACT_RULES_PORT) || 3000; // scripts/start.js sets it for tests; Excel needs 3000
const OFFICE_JS_DIR = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/** The same policy as the meta tag in taskpane/taskpane.html (Griffel injects <style>, hence 'unsafe-inline' for styles only). */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * office.js loads its host script (e.g. excel-web-16.00.js), string tables (en-us/…) and telemetry from its own folder
 * at run time, so we ship that folder. Left out: debug builds, IntelliSense files and other Office hosts' scripts.
 */
function isUnneededOfficeFile(file) {
  const name = path.relative(OFFICE_JS_DIR, file).split(path.sep).join('/');
  return (
    /\.debug\.js$/.test(name) ||
    /-vsdoc\.js$/.test(name) ||
    /\.d\.ts$/.test(name) ||
    /^(access|onenote|outlook|powerpoint|project|word)[^/]*\.js$/.test(name)
  );
}

/** The contract schema as dist/ publishes it: complete (descriptions kept, for editors), its $id where it is served. */
function publishedSchema(text, host) {
  const schema = JSON.parse(String(text));
  return JSON.stringify({ ...schema, $id: `${host}/contract.schema.json` }, null, 2) + '\n';
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const host = parseHost(env && env.host); // https://localhost:3000 unless --env host=...
  return {
    mode: dev ? 'development' : 'production',
    // Never an eval-based devtool: the CSP forbids eval, and so does the plain JS host that loads functions.js.
    devtool: dev ? 'source-map' : false,
    target: ['web', 'es2020'],
    entry: {
      functions: './functions/functions.ts',
      taskpane: './taskpane/taskpane.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      publicPath: '', // files are referenced relative to taskpane.html; no run-time publicPath detection
      clean: true,
      // functions.js must run where only `CustomFunctions` exists (no window/self): use `this`, falling back to globalThis.
      globalObject: 'this',
      // One self-contained file per entry: no runtime chunk loading, no shared chunks between the two bundles.
      chunkLoading: false,
      wasmLoading: false,
    },
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules let webpack tree-shake (tsconfig.json keeps commonjs for jest and ts-node).
              compilerOptions: { module: 'es2020', sourceMap: dev },
            },
          },
        },
        // src/schema and src/parameters JSON: bundled less what only people and tests read (scripts/contract-loader.js).
        {
          test: /[\\/]src[\\/](schema|parameters)[\\/][^\\/]+\.json$/,
          use: path.resolve(__dirname, 'scripts/contract-loader.js'),
          type: 'json',
        },
        // src/contracts JSON: checked and trimmed (scripts/contract-loader.js), then embedded as text with a small header
        // (scripts/embed-contract.js), so that a contract is parsed and compiled on its first use, not at start-up.
        {
          test: /[\\/]src[\\/]contracts[\\/][^\\/]+\.json$/,
          use: [path.resolve(__dirname, 'scripts/embed-contract.js'), path.resolve(__dirname, 'scripts/contract-loader.js')],
          type: 'javascript/auto',
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        // one input per domain module: the plugin reads their JSDoc and appends each module's associate calls
        input: FUNCTION_MODULES,
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './taskpane/taskpane.html',
        // office.js is a plain <script> in the template, so it runs first; then functions.js, then taskpane.js.
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        inject: 'body',
        scriptLoading: 'blocking',
      }),
      new DeployPlugin({
        host,
        manifest: path.resolve(__dirname, 'manifest.xml'),
        extraPackages: [path.dirname(require.resolve('@microsoft/office-js/package.json'))], // copied into assets/, not bundled
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // the pane's sample roster and payroll (Budget, Payroll audit, Negotiation views), fetched from this origin
          { from: 'examples/sample-*.csv', to: 'examples/[name][ext]' },
          // help.html: the README as a page, where every function's @helpurl points
          { from: 'README.md', to: 'help.html', transform: () => helpPage(path.join(__dirname, 'README.md')) },
          // the published schema (README "Adding your district's contract"): a contract file names it in "$schema"
          { from: 'src/schema/contract.schema.json', to: 'contract.schema.json', transform: (text) => publishedSchema(text, host) },
          {
            from: OFFICE_JS_DIR,
            to: 'assets',
            filter: (file) => !isUnneededOfficeFile(file),
            info: { minimized: true }, // already minified; keep Terser off these 20 MB
          },
        ],
      }),
    ],
    performance: {
      // office.js host scripts are large but served locally and cached; our own bundles are checked by the tests.
      hints: false,
    },
    devServer: {
      host: 'localhost',
      port: PORT,
      server: { type: 'https', options: await devServerHttps(env) },
      // CSP on every file; CORS only on functions.json and only for Office's own pages (scripts/deploy.js).
      headers: (req) => devServerHeaders(req, CSP),
      static: false,
      hot: false,
      liveReload: false,
      client: false,
      open: false,
    },
  };
};

/**
 * HTTPS options for `webpack serve`. scripts/start.js passes the key/cert files it chose in CERT_KEY_FILE / CERT_FILE;
 * a bare `npx webpack serve` asks office-addin-dev-certs, which makes (and tries to trust) the usual dev certs.
 */
async function devServerHttps(env) {
  if (!(env && env.WEBPACK_SERVE)) return undefined; // a plain build needs no certificate
  if (process.env.CERT_KEY_FILE && process.env.CERT_FILE) {
    return { key: fs.readFileSync(process.env.CERT_KEY_FILE), cert: fs.readFileSync(process.env.CERT_FILE) };
  }
  // Required here, not at the top: only `webpack serve` needs it.
  try {
    return await require('office-addin-dev-certs').getHttpsServerOptions();
  } catch (e) {
    // Trusting the CA failed (e.g. no sudo); the certificate it generated still serves https, untrusted.
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const key = path.join(dir, 'localhost.key');
    const cert = path.join(dir, 'localhost.crt');
    if (!fs.existsSync(key) || !fs.existsSync(cert)) throw e;
    console.warn(`Using the untrusted certificate in ${dir}: ${String(e.message).split('\n')[0]}`);
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  }
}

module.exports.CSP = CSP;
module.exports.PORT = PORT;
