/**
 * Shared by the pane tests: serve dist/ on 127.0.0.1, launch Debian Chromium through playwright-core (it downloads
 * no browser), refuse and record every request that leaves this machine, read the rendered schedule grid.
 */
import { execSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const SHOTS = path.join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.css': 'text/css',
  '.gif': 'image/gif',
};

/** Builds dist/ when it is missing (`npm test` builds first, so normally this does nothing). */
export function ensureBuilt(): void {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'inherit' });
  }
}

/** A static server for dist/ on 127.0.0.1 at a free port. */
export async function serveDist(): Promise<{ server: http.Server; baseUrl: string }> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.normalize(path.join(DIST, urlPath));
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function closeServer(server: http.Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A pane-sized context whose every request goes through a router: anything not on this machine is refused and
 * recorded in `offHost`. Page errors and CSP violations (which block a request before it reaches the router) are
 * recorded in `pageErrors`. Tests assert both lists stay empty.
 */
export async function guardedPage(browser: Browser) {
  const offHost: string[] = [];
  const pageErrors: string[] = [];
  const context: BrowserContext = await browser.newContext({ viewport: { width: 440, height: 900 }, acceptDownloads: true });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (local || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    offHost.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page: Page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() !== 'error' || !/Content Security Policy/i.test(m.text())) return;
    // office.js, standalone, sometimes (it samples) frames its telemetry proxy 3 s after loading. The policy blocks
    // it, which is what we want: nothing was sent, so that one violation is not a failure. Any other is.
    if (/^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates/.test(m.text())) return;
    pageErrors.push(m.text());
  });
  fs.mkdirSync(SHOTS, { recursive: true });
  return { context, page, offHost, pageErrors };
}

/**
 * The visible table as { row label: { column: cell text } }, read from its headers; the derived mark (†) is left
 * out of the text (derivedCells says which cells carry it).
 */
export async function readGrid(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.getByRole('table').evaluate((table: HTMLTableElement) => {
    const columns = Array.from(table.tHead!.rows[0].cells)
      .slice(1)
      .map((c) => c.textContent!.trim());
    const grid: Record<string, Record<string, string>> = {};
    for (const row of Array.from(table.tBodies[0].rows)) {
      const [head, ...cells] = Array.from(row.cells);
      grid[head.textContent!.trim()] = Object.fromEntries(cells.map((c, i) => [columns[i], c.textContent!.replace('†', '').trim()]));
    }
    return grid;
  });
}

/** The cells of the visible table marked as derived, as "row / column". */
export async function derivedCells(page: Page): Promise<string[]> {
  return page.getByRole('table').evaluate((table: HTMLTableElement) => {
    const columns = Array.from(table.tHead!.rows[0].cells).map((c) => c.textContent!.trim());
    const out: string[] = [];
    for (const row of Array.from(table.tBodies[0].rows))
      Array.from(row.cells).forEach((c, i) => c.getAttribute('data-derived') === 'true' && out.push(`${row.cells[0].textContent!.trim()} / ${columns[i]}`));
    return out;
  });
}

/** How far the page scrolls sideways (0 when it fits the pane's width). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Chooses a contract by district and unit (as a user does), then optionally the year and the table. */
export async function choose(view: Locator, contractId: string, year?: string, table?: string): Promise<void> {
  const district = await view.page().evaluate(
    (id) => (globalThis as any).ContractAddin.contracts().find((c: { id: string }) => c.id === id).district as string,
    contractId,
  );
  await view.getByLabel('District', { exact: true }).selectOption(district);
  await view.getByLabel('Unit', { exact: true }).selectOption(contractId);
  if (year) await view.getByLabel('Year', { exact: true }).selectOption(year);
  if (table) await view.getByLabel('Table', { exact: true }).selectOption(table);
}


/**
 * One describe's pane in Chromium, registered in the describe that calls it: dist/ served on 127.0.0.1, a guarded
 * page (guardedPage), a check after each test that no request left this machine and no page error occurred, and
 * the closing. `open` readies the page once (routes, the first page load, a tab) and keeps what the tests use.
 */
export function paneSession(open: (s: { page: Page; browser: Browser; baseUrl: string }) => Promise<void>): void {
  let server: http.Server | undefined;
  let browser: Browser | undefined;
  let offHost: string[] = [];
  let pageErrors: string[] = [];
  beforeAll(async () => {
    ensureBuilt();
    const served = await serveDist();
    server = served.server;
    browser = await launchChromium();
    const guarded = await guardedPage(browser);
    ({ offHost, pageErrors } = guarded);
    await open({ page: guarded.page, browser, baseUrl: served.baseUrl });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });
  afterEach(() => {
    expect(offHost.splice(0)).toEqual([]); // no request left 127.0.0.1
    expect(pageErrors.splice(0)).toEqual([]);
  });
}
