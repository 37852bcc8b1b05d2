import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProgramFolder } from '@ddt/program';
import { createServer, createServices, DEMO_PASSWORD, seedDemoCounty } from '@ddt/server';
import { createSqliteStore } from '@ddt/store';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { type Browser, chromium } from 'playwright-core';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const designerDir = join(repositoryRoot, 'designer/dist');

/** Where the browser tests save their screenshots (look at them: Chinese must render, not boxes). */
export const screenshotDir = process.env.E2E_SCREENSHOTS ?? join(tmpdir(), 'ddt-e2e-screenshots');
mkdirSync(screenshotDir, { recursive: true });

/** Debian's chromium only (never a downloaded browser), with the flags that keep it offline and quiet. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** `npm test` builds the designer before Jest runs; a lone Jest run builds it here when it is missing. */
function ensureDesignerBuilt(): void {
  if (existsSync(join(designerDir, 'index.html'))) return;
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync('npm', ['run', 'build', '-w', '@ddt/designer'], { cwd: repositoryRoot, stdio: 'pipe', env });
}

export interface BrowserPlatformOptions {
  /** Program folders to publish besides the shipped definitions (test fixtures). */
  extraPrograms?: string[];
}

/**
 * The real platform listening on an ephemeral port: SQLite in a temp folder, the demo county, the shipped
 * definitions and the built designer at `/`. The designer's pages get the strict Content-Security-Policy
 * (no 'unsafe-eval'): the designer sets Form.io's noeval, and these tests show that nothing needs eval.
 * `api(username, request)` drives the API as a demo user, to set up what a test is not about.
 */
export class BrowserPlatform {
  readonly origin: string;
  readonly #app: FastifyInstance;
  readonly #close: () => Promise<void>;
  readonly #cookies = new Map<string, string>();

  private constructor(origin: string, app: FastifyInstance, close: () => Promise<void>) {
    this.origin = origin;
    this.#app = app;
    this.#close = close;
  }

  static async start(options: BrowserPlatformOptions = {}): Promise<BrowserPlatform> {
    ensureDesignerBuilt();
    const dataDir = mkdtempSync(join(tmpdir(), 'ddt-e2e-'));
    const store = createSqliteStore({ path: join(dataDir, 'ddt.sqlite') });
    await store.init();
    const services = createServices(store);
    await seedDemoCounty(store, new Date());
    await services.catalog.publishFolder(join(repositoryRoot, 'definitions'));
    for (const folder of options.extraPrograms ?? [])
      await services.catalog.publish(await loadProgramFolder(folder));
    const app = createServer({
      services,
      sessionSecret: 'e2e-session-secret-that-is-long-enough-42',
      designerDir,
      designerScriptEval: false,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return new BrowserPlatform(`http://127.0.0.1:${port}`, app, async () => {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
  }

  /** Sends an API request as a demo user (logged in once) and returns the parsed JSON answer. */
  async api<T = Record<string, unknown>>(username: string, request: InjectOptions): Promise<T> {
    let cookie = this.#cookies.get(username);
    if (!cookie) {
      const login = await this.#app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      const session = login.cookies.find((entry) => entry.name === 'ddt_session');
      if (login.statusCode !== 200 || !session) throw new Error(`login ${username}: ${login.body}`);
      cookie = `ddt_session=${session.value}`;
      this.#cookies.set(username, cookie);
    }
    const response = await this.#app.inject({ ...request, headers: { ...request.headers, cookie } });
    if (response.statusCode >= 400)
      throw new Error(
        `${request.method} ${request.url} as ${username}: ${response.statusCode} ${response.body}`,
      );
    return (response.body ? response.json() : undefined) as T;
  }

  /** The raw answer to a request as a demo user (for statuses a test expects to be refusals). */
  async rawApi(username: string, request: InjectOptions) {
    await this.api(username, { method: 'GET', url: '/api/me' });
    return this.#app.inject({
      ...request,
      headers: { ...request.headers, cookie: this.#cookies.get(username) },
    });
  }

  stop(): Promise<void> {
    return this.#close();
  }
}

/** The platform and the browser of one suite, there from its `beforeAll` on. */
export interface BrowserSuite {
  platform: BrowserPlatform;
  browser: Browser;
}

/**
 * Starts the platform and Chromium before the calling suite's tests (hooks the suite registers after
 * this call run after the start) and stops both after them.
 */
export function useBrowserPlatform(options: BrowserPlatformOptions = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    [suite.platform, suite.browser] = await Promise.all([BrowserPlatform.start(options), launchChromium()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.platform?.stop();
  });
  return suite;
}
