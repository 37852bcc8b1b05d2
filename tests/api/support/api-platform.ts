import { fileURLToPath } from 'node:url';
import { loadProgramFolder } from '@ddt/program';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { TestPlatform } from '../../support/platform.js';
import { seedNeighbourCounty } from './neighbour-county.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * The real platform (TestPlatform: SQLite in a temp folder, demo county) plus a neighbouring county
 * whose users are outside the demo county's scope, and the fixture programs api-pingjia and kaixue-basic
 * (a self-check reviewed by the 责任督学), so the API tests do not depend on the shipped programs' content. Each user logs
 * in once per platform; `call` sends a request as that user (or anonymously with `null`).
 */
export class ApiPlatform {
  readonly #cookies = new Map<string, string>();

  private constructor(readonly platform: TestPlatform) {}

  static async start(): Promise<ApiPlatform> {
    const platform = await TestPlatform.start();
    await seedNeighbourCounty(platform.services.store);
    for (const fixture of ['pingjia', 'kaixue-basic']) {
      await platform.services.catalog.publish(await loadProgramFolder(`${fixtures}${fixture}`));
    }
    return new ApiPlatform(platform);
  }

  get services() {
    return this.platform.services;
  }

  get store() {
    return this.platform.services.store;
  }

  async cookie(username: string): Promise<string> {
    let cookie = this.#cookies.get(username);
    if (!cookie) {
      cookie = await this.platform.login(username);
      this.#cookies.set(username, cookie);
    }
    return cookie;
  }

  /** Forgets cached sessions (after a restart they are still valid; after a logout they are not). */
  forget(username?: string): void {
    if (username) this.#cookies.delete(username);
    else this.#cookies.clear();
  }

  async call(username: string | null, options: InjectOptions): Promise<LightMyRequestResponse> {
    return this.platform.request(username ? await this.cookie(username) : null, options);
  }

  async restart(): Promise<void> {
    await this.platform.restart();
  }

  stop(): Promise<void> {
    return this.platform.stop();
  }

  /**
   * How many changes the audit log holds: every change appends an event, so an unchanged count means
   * nothing changed. Logins are not changes (a test's first request as a user logs it in).
   */
  async changeCount(): Promise<number> {
    let count = 0;
    let cursor: string | null = null;
    do {
      const page = await this.store.findAudit({ limit: 1000, cursor });
      count += page.items.filter((event) => event.action !== 'auth.login').length;
      cursor = page.nextCursor;
    } while (cursor);
    return count;
  }

  /** Launches a program to schools as the demo admin and returns the campaign id. */
  async launch(
    programKey: string,
    schoolIds: string[],
    params: Record<string, unknown> = {},
  ): Promise<string> {
    const response = await this.call('admin', {
      method: 'POST',
      url: '/api/campaigns',
      payload: { programKey, title: `${programKey} 测试批次`, params, targets: { schoolIds } },
    });
    if (response.statusCode !== 201) throw new Error(`launch: ${response.statusCode} ${response.body}`);
    return response.json().campaignId;
  }

  /** The user's open tasks (first page of 100). */
  async inbox(username: string, query = ''): Promise<{ id: string; name: string; schoolId: string }[]> {
    const response = await this.call(username, { method: 'GET', url: `/api/tasks?limit=100${query}` });
    if (response.statusCode !== 200) throw new Error(`inbox: ${response.statusCode} ${response.body}`);
    return response.json().items;
  }
}

/** The keys an error body may have: RFC 9457 fields, our code, and the listed extras. */
const PROBLEM_KEYS = ['code', 'detail', 'instance', 'status', 'title', 'type'];

export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: string,
  extras: string[] = [],
) {
  expect({ status: response.statusCode, code: response.json().code }).toEqual({ status, code });
  expect(response.headers['content-type']).toContain('application/problem+json');
  for (const key of Object.keys(response.json())) expect([...PROBLEM_KEYS, ...extras]).toContain(key);
}

/** A denial that tells nothing: 403 or 404, only the problem fields, and none of the given names. */
export function expectDenied(response: LightMyRequestResponse, secrets: string[] = []) {
  expect([403, 404]).toContain(response.statusCode);
  expect(Object.keys(response.json()).sort()).toEqual(PROBLEM_KEYS);
  for (const secret of secrets) expect(response.body).not.toContain(secret);
}
