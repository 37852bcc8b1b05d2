import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, createServices, DEMO_PASSWORD, type Services, seedDemoCounty } from '@ddt/server';
import { createSqliteStore } from '@ddt/store';
import type { FastifyInstance, InjectOptions } from 'fastify';

const definitionsDir = fileURLToPath(new URL('../../definitions', import.meta.url));
const sessionSecret = 'test-session-secret-that-is-long-enough-123';

/**
 * The real platform on a real SQLite file in a temp folder, driven through `inject()`. `restart()` closes
 * the server and the store and opens both again on the same files, as a process restart would.
 */
export class TestPlatform {
  app!: FastifyInstance;
  services!: Services;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'ddt-test-'));
  #close: () => Promise<void> = async () => {};

  static async start(): Promise<TestPlatform> {
    const platform = new TestPlatform();
    await platform.#open();
    return platform;
  }

  async #open(): Promise<void> {
    const store = createSqliteStore({ path: join(this.dataDir, 'ddt.sqlite') });
    await store.init();
    const services = createServices(store);
    await seedDemoCounty(store, new Date());
    await services.catalog.publishFolder(definitionsDir);
    const app = createServer({ services, sessionSecret });
    await app.ready();
    this.app = app;
    this.services = services;
    this.#close = async () => {
      await app.close();
      await store.close();
    };
  }

  async restart(): Promise<void> {
    await this.#close();
    await this.#open();
  }

  async stop(): Promise<void> {
    await this.#close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Logs a demo user in and returns the session cookie header to send with their requests. */
  async login(username: string): Promise<string> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((entry) => entry.name === 'ddt_session');
    return `ddt_session=${cookie?.value}`;
  }

  request(cookie: string | null, options: InjectOptions) {
    return this.app.inject({ ...options, headers: { ...options.headers, ...(cookie ? { cookie } : {}) } });
  }
}
