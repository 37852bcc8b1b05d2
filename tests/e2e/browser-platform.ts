import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, createServices, seedDemoCounty } from '@ddt/server';
import { createSqliteStore } from '@ddt/store';
import { type Browser, chromium } from 'playwright-core';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const designerDir = join(repositoryRoot, 'designer/dist');

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

/**
 * The real platform listening on an ephemeral port: SQLite in a temp folder, the demo county, the shipped
 * definitions and the built designer at `/`.
 */
export class BrowserPlatform {
  readonly origin: string;
  readonly #close: () => Promise<void>;

  private constructor(origin: string, close: () => Promise<void>) {
    this.origin = origin;
    this.#close = close;
  }

  static async start(): Promise<BrowserPlatform> {
    ensureDesignerBuilt();
    const dataDir = mkdtempSync(join(tmpdir(), 'ddt-e2e-'));
    const store = createSqliteStore({ path: join(dataDir, 'ddt.sqlite') });
    await store.init();
    const services = createServices(store);
    await seedDemoCounty(store, new Date());
    await services.catalog.publishFolder(join(repositoryRoot, 'definitions'));
    const app = createServer({
      services,
      sessionSecret: 'e2e-session-secret-that-is-long-enough-42',
      designerDir,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return new BrowserPlatform(`http://127.0.0.1:${port}`, async () => {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
  }

  stop(): Promise<void> {
    return this.#close();
  }
}
