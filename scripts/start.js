#!/usr/bin/env node
/**
 * `npm start`: build the add-in, then
 *   - Windows / macOS: sideload manifest.xml into Excel desktop with office-addin-debugging (it starts the dev server);
 *   - elsewhere (Linux): say that Excel desktop is not available, print how to sideload by hand, and serve the pane
 *     standalone on https://localhost:3000 with webpack-dev-server until Ctrl+C or SIGTERM, which stop the build
 *     or the server and leave nothing running.
 * Exit codes tell the truth: non-zero when the build, the certificates, the server or the sideload fails; 0 after
 * a stop you asked for.
 *
 *   node scripts/start.js --no-build   serve without the separate dist/ build first (the server compiles anyway)
 *   CONTRACT_RULES_PORT=3100 ...       another port (the tests use it; manifest.xml names 3000, so Excel needs 3000)
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const https = require('https');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.CONTRACT_RULES_PORT) || 3000;
const PANE_URL = `https://localhost:${PORT}/taskpane.html`;
const WEBPACK_CLI = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });

const say = (line = '') => process.stdout.write(`${line}\n`);
const fail = (message, code = 1) => {
  process.stderr.write(`\nnpm start: ${message}\n`);
  process.exit(code);
};

/**
 * Child processes (the build, the dev server) and the stop: on SIGINT, SIGTERM or SIGHUP each child gets the signal,
 * and once all have exited this process exits 0. A child that ignores it is killed after 10 s.
 */
const children = new Set();
let stopping = false;
function track(child) {
  children.add(child);
  child.once('exit', () => {
    children.delete(child);
    if (stopping && children.size === 0) {
      say('\nStopped.');
      process.exit(0);
    }
  });
  return child;
}
function stop(signal) {
  if (stopping) return;
  stopping = true;
  if (children.size === 0) process.exit(0);
  for (const child of children) child.kill(signal);
  setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(0);
  }, 10_000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// `npm start` runs us under `sh -c`; SIGTERM to npm ends that shell but never reaches us. A new parent means ours
// is gone: stop as if signalled, rather than serve on as an orphan.
const PARENT = process.ppid;
setInterval(() => {
  if (process.ppid !== PARENT) stop('SIGTERM');
}, 500).unref();

/** Runs webpack-cli to the end (stoppable like the server); resolves with its exit code. */
function webpack(args, env = process.env) {
  return new Promise((resolve) => {
    const child = track(spawn(process.execPath, [WEBPACK_CLI, ...args], { cwd: ROOT, stdio: 'inherit', env }));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** True when a command is on the PATH. */
const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, 'localhost');
  });
}

/**
 * Certificate for https://localhost, from office-addin-dev-certs: a local CA in ~/.office-addin-dev-certs and a
 * localhost certificate it signed. Trusting the CA needs the system's trust store:
 *   - Windows, macOS, and Linux with sudo: office-addin-dev-certs installs it (sudo may ask for your password);
 *   - Linux as root without sudo (a container): we install it the same way, without sudo;
 *   - Linux as a user without sudo: not trusted; we print the two commands an administrator runs.
 * If office-addin-dev-certs fails altogether, a self-signed certificate from openssl. CERT_FILE and CERT_KEY_FILE in
 * the environment (PEM files) skip all of this: your own certificate, trusted as far as you made it so. An untrusted certificate
 * still serves https; browsers warn once. Returns { key, cert } file paths and whether the CA is trusted.
 */
async function certificates() {
  if (process.env.CERT_KEY_FILE && process.env.CERT_FILE) {
    say(`Using your certificate: CERT_FILE=${process.env.CERT_FILE}, CERT_KEY_FILE=${process.env.CERT_KEY_FILE}.`);
    return { key: process.env.CERT_KEY_FILE, cert: process.env.CERT_FILE, trusted: true };
  }
  const devCerts = require('office-addin-dev-certs');
  const home = path.join(os.homedir(), '.office-addin-dev-certs');
  const generated = { key: path.join(home, 'localhost.key'), cert: path.join(home, 'localhost.crt') };
  if (process.platform === 'linux' && !onPath('sudo')) {
    try {
      return { ...generated, trusted: await linuxCertificatesWithoutSudo(devCerts, home) };
    } catch (e) {
      say(`\nCould not make development certificates: ${String(e.message || e).split('\n')[0]}`);
    }
  } else {
    try {
      await devCerts.ensureCertificatesAreInstalled();
      return { ...generated, trusted: true };
    } catch (e) {
      say(`\nCould not install trusted development certificates: ${String(e.message || e).split('\n')[0]}`);
    }
    if (fs.existsSync(generated.key) && fs.existsSync(generated.cert)) {
      say(`Using the certificate generated in ${home} without trusting it.`);
      return { ...generated, trusted: false };
    }
  }
  return selfSigned();
}

/** The Debian/Ubuntu trust store, where office-addin-dev-certs' own Linux script puts its CA. */
const CA_ANCHOR_DIR = '/usr/local/share/ca-certificates/office-addin-dev-certs';
const UPDATE_CA = '/usr/sbin/update-ca-certificates';

/** Certificate still valid for a day? (openssl's exit status) */
const validForADay = (file) =>
  fs.existsSync(file) && spawnSync('openssl', ['x509', '-in', file, '-checkend', '86400', '-noout'], { stdio: 'ignore' }).status === 0;

/** Linux without sudo: generate with office-addin-dev-certs, install the CA as root, or say how. Returns trusted. */
async function linuxCertificatesWithoutSudo(devCerts, home) {
  const ca = path.join(home, 'ca.crt');
  const key = path.join(home, 'localhost.key');
  const cert = path.join(home, 'localhost.crt');
  if (!(validForADay(ca) && validForADay(cert) && fs.existsSync(key))) {
    await devCerts.generateCertificates(ca, cert, key, 30, ['127.0.0.1', 'localhost']);
  }
  const anchor = path.join(CA_ANCHOR_DIR, 'ca.crt');
  if (fs.existsSync(anchor) && fs.readFileSync(anchor).equals(fs.readFileSync(ca))) {
    say(`The development CA (${ca}) is in the system trust store.`);
    return true;
  }
  if (process.getuid?.() === 0 && fs.existsSync(UPDATE_CA)) {
    fs.mkdirSync(CA_ANCHOR_DIR, { recursive: true });
    fs.copyFileSync(ca, anchor);
    const update = spawnSync(UPDATE_CA, [], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (update.status === 0) {
      say(`Installed the development CA (${ca}) in the system trust store (${CA_ANCHOR_DIR}; no sudo here, running as root).`);
      return true;
    }
    say(`update-ca-certificates failed: ${String(update.stderr).trim().split('\n')[0]}`);
  }
  say(`
The development certificate in ${home} is not trusted on this machine (no sudo here). To trust it, an
administrator runs, once:
  mkdir -p ${CA_ANCHOR_DIR} && cp ${ca} ${CA_ANCHOR_DIR}/ && ${UPDATE_CA}
Browsers keep their own list: accept the certificate once at https://localhost:${PORT}/, or import ${ca}.`);
  return false;
}

/** A 30-day self-signed localhost certificate from openssl, when office-addin-dev-certs could not make one. */
function selfSigned() {
  const dir = path.join(os.tmpdir(), 'contract-rules-dev-certs');
  fs.mkdirSync(dir, { recursive: true });
  const own = { key: path.join(dir, 'localhost.key'), cert: path.join(dir, 'localhost.crt') };
  const openssl = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', own.key, '-out', own.cert],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (openssl.status !== 0) {
    throw new Error(`openssl could not make a self-signed certificate either: ${openssl.error?.message ?? openssl.stderr}`);
  }
  say(`Made a self-signed certificate with openssl in ${dir}.`);
  return { ...own, trusted: false };
}

/** Polls the pane URL until the dev server answers 200, the server process exits, or the time runs out. */
function waitForServer(server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    let exited = false;
    server.once('exit', (code) => {
      exited = true;
      reject(new Error(`the dev server exited (code ${code}) before it served ${PANE_URL}`));
    });
    const attempt = () => {
      if (exited) return;
      if (Date.now() > deadline) return reject(new Error(`no answer from ${PANE_URL} after ${timeoutMs / 1000} s`));
      https
        .get(PANE_URL, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
          res.resume();
          if (res.statusCode === 200) resolve();
          else setTimeout(attempt, 1000);
        })
        .on('error', () => setTimeout(attempt, 1000));
    };
    attempt();
  });
}

function printSideloadSteps() {
  const manifest = path.join(ROOT, 'manifest.xml');
  say(`
Excel desktop is not available on ${process.platform}: nothing is sideloaded here.

To use the add-in in Excel, keep this server running on the computer where Excel runs (it must reach
https://localhost:3000), then sideload ${manifest}:

  Excel on the web
    1. Open a workbook at office.com in a browser on this computer.
    2. Home > Add-ins (or Insert > Add-ins) > More Add-ins > My Add-ins > Upload My Add-in.
    3. Browse to manifest.xml, Upload. The "Contract rules" button appears on the Home tab;
       =CONTRACT.SALARY(...) works in cells.
    4. If the pane stays blank, open https://localhost:3000/taskpane.html once in that browser and accept the
       certificate.

  Excel desktop on Windows or macOS
    Run \`npm start\` there: it builds and sideloads with office-addin-debugging.
    By hand: Windows, put manifest.xml in a shared folder and add it under File > Options > Trust Center >
    Trust Center Settings > Trusted Add-in Catalogs, then Insert > My Add-ins > Shared Folder.
    macOS, copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel,
    then Insert > My Add-ins.

Meanwhile the pane works standalone in a browser (browse contracts and schedules, download CSV).`);
}

async function sideloadIntoExcelDesktop() {
  const debugging = require.resolve('office-addin-debugging/cli.js', { paths: [ROOT] });
  const serve = `"${process.execPath}" "${WEBPACK_CLI}" serve --mode development`;
  say('Sideloading manifest.xml into Excel desktop (office-addin-debugging)...');
  const result = spawnSync(
    process.execPath,
    [debugging, 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server', serve, '--dev-server-port', String(PORT)],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) fail(`office-addin-debugging start failed (exit ${result.status}).`, result.status || 1);
  say('\nExcel is open with the add-in. Stop with: npx office-addin-debugging stop manifest.xml');
}

async function serveStandalone() {
  printSideloadSteps();
  if (!(await portIsFree(PORT))) fail(`port ${PORT} is already in use; stop whatever listens there and retry.`);
  let certs;
  try {
    certs = await certificates();
  } catch (e) {
    fail(`no HTTPS certificate: ${e.message}`);
  }

  if (stopping) return;
  say(`\nStarting webpack-dev-server on https://localhost:${PORT} ...`);
  const server = track(
    spawn(process.execPath, [WEBPACK_CLI, 'serve', '--mode', 'development'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, CERT_KEY_FILE: certs.key, CERT_FILE: certs.cert, CONTRACT_RULES_PORT: String(PORT) },
    }),
  );
  server.once('exit', (code, signal) => {
    if (!stopping) fail(`the dev server stopped unexpectedly (${signal ?? `exit ${code}`}).`, code || 1);
  });
  try {
    await waitForServer(server, 180_000);
  } catch (e) {
    if (!stopping) {
      server.kill();
      fail(e.message);
    }
    return;
  }
  if (stopping) return;
  say(`\nThe task pane is served at ${PANE_URL} (and an index of the add-in's files at https://localhost:${PORT}/)`);
  if (!certs.trusted) say('(certificate not trusted on this machine: the browser warns once; that is expected here)');
  say('Press Ctrl+C to stop.');
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    say('Building the add-in (webpack, development mode)...');
    const built = await webpack(['--mode', 'development']);
    if (stopping) return;
    if (built !== 0) fail(`the build failed (webpack exit ${built}).`, built);
  }

  if (process.platform === 'win32' || process.platform === 'darwin') await sideloadIntoExcelDesktop();
  else await serveStandalone();
}

main().catch((e) => fail(e.stack || String(e)));
