/**
 * `npm start` on Linux as a user runs it: the dev server answers "/" with an index, sends the CSP (base-uri,
 * form-action) and CORS on functions.json for Office's pages only; SIGTERM to npm, or Ctrl+C (SIGINT) to
 * scripts/start.js, stops it and leaves no process and no port behind. Offline: localhost only, a throwaway
 * openssl certificate (CERT_FILE / CERT_KEY_FILE), a free port (CONTRACT_RULES_PORT), no separate build (--no-build).
 */
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const linux = process.platform === 'linux' ? describe : describe.skip; // start.js sideloads into Excel elsewhere

let certDir: string;
beforeAll(() => {
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-rules-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-keyout', path.join(certDir, 'key.pem'), '-out', path.join(certDir, 'cert.pem')], { stdio: 'ignore' });
});
afterAll(() => fs.rmSync(certDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, 'localhost', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, 'localhost');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Processes running scripts/start.js or webpack serve with this port in their environment (Linux /proc). */
function serverProcesses(port: number): number[] {
  return fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number).filter((pid) => {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      return /scripts\/start\.js|webpack-cli\/bin\/cli\.js\0serve/.test(cmd) && env.includes(`CONTRACT_RULES_PORT=${port}`);
    } catch {
      return false; // gone meanwhile, or not ours to read
    }
  });
}

/** Starts the command with the test's port and certificate; resolves once it says where the pane is served. */
async function start(command: string, args: string[]): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const port = await freePort();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, CONTRACT_RULES_PORT: String(port), CERT_FILE: path.join(certDir, 'cert.pem'), CERT_KEY_FILE: path.join(certDir, 'key.pem') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('The task pane is served at')) {
        clearInterval(timer);
        resolve();
      }
    }, 250);
    child.once('exit', (code) => (clearInterval(timer), reject(new Error(`exited ${code} before serving:\n${output}`))));
  });
  return { child, port, output: () => output };
}

/** Sends the signal; resolves with the exit code, or rejects if the process outlives 20 s. */
function stopWith(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running 20 s after ${signal}`)), 20_000);
    child.once('exit', (code) => (clearTimeout(timer), resolve(code)));
    child.kill(signal);
  });
}

function get(port: number, file: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    https
      .get({ host: 'localhost', port, path: file, headers, rejectUnauthorized: false }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

/** Waits until nothing listens on the port and no process of ours is left (a stopped server lets go within seconds). */
async function gone(port: number): Promise<{ open: boolean; processes: number[] }> {
  for (let i = 0; i < 40 && ((await portOpen(port)) || serverProcesses(port).length > 0); i++) await new Promise((r) => setTimeout(r, 250));
  return { open: await portOpen(port), processes: serverProcesses(port) };
}

linux('npm start: SIGTERM to npm stops the server, and its headers', () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start('npm', ['start', '--', '--no-build']);
  }, 240_000);
  afterAll(() => {
    for (const pid of serverProcesses(server?.port ?? -1)) process.kill(pid, 'SIGKILL'); // only if a test failed
  });

  test('uses the certificate given, and never calls sudo', () => {
    expect(server.output()).toContain(`Using your certificate: CERT_FILE=${path.join(certDir, 'cert.pem')}`);
    expect(server.output()).not.toMatch(/sudo/);
  });

  test('"/" is an index of the pane, the help, the manifest and the notices', async () => {
    const res = await get(server.port, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    for (const file of ['taskpane.html', 'help.html', 'manifest.xml', 'THIRD-PARTY-NOTICES.txt']) expect(res.body).toContain(file);
  });

  test('every file gets the CSP with base-uri and form-action, nosniff, and no CORS', async () => {
    for (const file of ['/taskpane.html', '/taskpane.js', '/help.html', '/functions.js', '/assets/office.js']) {
      const res = await get(server.port, file, { Origin: 'https://attacker.example' });
      expect([file, res.status]).toEqual([file, 200]);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("form-action 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect([file, res.headers['access-control-allow-origin']]).toEqual([file, undefined]);
    }
    // The pages carry the same policy in a meta tag, for hosts that send no header.
    expect((await get(server.port, '/taskpane.html')).body).toMatch(/base-uri 'self'; form-action 'none'/);
    expect((await get(server.port, '/help.html')).body).toMatch(/base-uri 'none'; form-action 'none'/);
  });

  test("functions.json is readable by Excel on the web's page, and by no other site", async () => {
    const office = await get(server.port, '/functions.json', { Origin: 'https://excel.officeapps.live.com' });
    expect(office.headers['access-control-allow-origin']).toBe('https://excel.officeapps.live.com');
    expect(String(office.headers.vary)).toMatch(/Origin/);
    for (const origin of ['https://attacker.example', 'https://officeapps.live.com.attacker.example', 'http://excel.officeapps.live.com']) {
      const other = await get(server.port, '/functions.json', { Origin: origin });
      expect([origin, other.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
    }
  });

  test('SIGTERM to npm stops start.js and the server: exit, port free, no process left', async () => {
    expect(serverProcesses(server.port).length).toBeGreaterThanOrEqual(2); // start.js and webpack serve
    await stopWith(server.child, 'SIGTERM');
    expect(await gone(server.port)).toEqual({ open: false, processes: [] });
  }, 60_000);
});

linux('node scripts/start.js: Ctrl+C (SIGINT) stops it cleanly', () => {
  test('exit code 0, "Stopped.", port free, no process left', async () => {
    const server = await start(process.execPath, ['scripts/start.js', '--no-build']);
    try {
      expect(await stopWith(server.child, 'SIGINT')).toBe(0);
      expect(server.output()).toMatch(/Stopped\.\s*$/);
      expect(await gone(server.port)).toEqual({ open: false, processes: [] });
    } finally {
      for (const pid of serverProcesses(server.port)) process.kill(pid, 'SIGKILL');
    }
  }, 240_000);
});
