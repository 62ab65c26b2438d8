#!/usr/bin/env node
/**
 * `npm start`: build the add-in, then
 *   - Windows / macOS: sideload manifest.xml into Excel desktop with office-addin-debugging (it starts the dev server);
 *   - elsewhere (Linux): say that Excel desktop is not available, print how to sideload by hand, and serve the pane
 *     standalone on https://localhost:3000 with webpack-dev-server until Ctrl+C.
 * Exit codes tell the truth: non-zero when the build, the certificates, the server or the sideload fails.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const https = require('https');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PORT = 3000;
const PANE_URL = `https://localhost:${PORT}/taskpane.html`;
const WEBPACK_CLI = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });

const say = (line = '') => process.stdout.write(`${line}\n`);
const fail = (message, code = 1) => {
  process.stderr.write(`\nnpm start: ${message}\n`);
  process.exit(code);
};

/** Runs webpack-cli in the foreground; returns its exit code. */
function webpack(args, env = process.env) {
  const result = spawnSync(process.execPath, [WEBPACK_CLI, ...args], { cwd: ROOT, stdio: 'inherit', env });
  return result.status ?? 1;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, 'localhost');
  });
}

/**
 * Certificate for https://localhost. First choice: office-addin-dev-certs, which makes a local CA and trusts it (on
 * Linux through `sudo`, which may ask for your password). If that fails (no sudo, no trust store), use the certificate
 * it generated anyway, or make a self-signed one with openssl. Those are not trusted: browsers warn once.
 * Returns { key, cert } file paths and whether the certificate is trusted.
 */
async function certificates() {
  const devCerts = require('office-addin-dev-certs');
  const home = path.join(os.homedir(), '.office-addin-dev-certs');
  const generated = { key: path.join(home, 'localhost.key'), cert: path.join(home, 'localhost.crt') };
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
  const dir = path.join(os.tmpdir(), 'contract-pay-dev-certs');
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
    3. Browse to manifest.xml, Upload. The "Contract Pay" button appears on the Home tab;
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

  say(`\nStarting webpack-dev-server on https://localhost:${PORT} ...`);
  const server = spawn(process.execPath, [WEBPACK_CLI, 'serve', '--mode', 'development'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CERT_KEY_FILE: certs.key, CERT_FILE: certs.cert },
  });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      server.kill(signal);
    });
  }

  try {
    await waitForServer(server, 180_000);
  } catch (e) {
    if (!stopping) {
      server.kill();
      fail(e.message);
    }
  }
  if (!stopping) {
    say(`\nThe task pane is served at ${PANE_URL}`);
    if (!certs.trusted) say('(certificate not trusted on this machine: the browser warns once; that is expected here)');
    say('Press Ctrl+C to stop.');
  }
  server.on('exit', (code, signal) => {
    if (stopping) {
      say('\nServer stopped.');
      process.exit(0);
    }
    fail(`the dev server stopped unexpectedly (${signal ?? `exit ${code}`}).`, code || 1);
  });
}

async function main() {
  say('Building the add-in (webpack, development mode)...');
  const built = webpack(['--mode', 'development']);
  if (built !== 0) fail(`the build failed (webpack exit ${built}).`, built);

  if (process.platform === 'win32' || process.platform === 'darwin') await sideloadIntoExcelDesktop();
  else await serveStandalone();
}

main().catch((e) => fail(e.stack || String(e)));
