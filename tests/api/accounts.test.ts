import { DEMO_PASSWORD } from '@ddt/server';
import { ApiPlatform, expectDenied, expectProblem } from './support/api-platform.js';

let api: ApiPlatform;
beforeAll(async () => {
  api = await ApiPlatform.start();
});
afterAll(() => api.stop());

async function login(username: string, password: string) {
  return api.platform.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

function sessionOf(response: Awaited<ReturnType<typeof login>>): string {
  const cookie = response.cookies.find((entry) => entry.name === 'ddt_session');
  if (!cookie) throw new Error(`no session: ${response.statusCode} ${response.body}`);
  return `ddt_session=${cookie.value}`;
}

async function createUser(username: string, password: string, extra: Record<string, unknown> = {}) {
  const response = await api.call('admin', {
    method: 'POST',
    url: '/api/users',
    payload: {
      username,
      displayName: `测试用户 ${username}`,
      role: 'inspector',
      officeId: 'o-county',
      password,
      ...extra,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().user as { id: string };
}

describe('sessions', () => {
  test('the session cookie is httpOnly, SameSite=Lax and ends at logout, everywhere', async () => {
    const response = await login('duxue2', DEMO_PASSWORD);
    const cookie = response.cookies.find((entry) => entry.name === 'ddt_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = sessionOf(response);
    expect((await api.platform.request(session, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect(
      (await api.platform.request(session, { method: 'POST', url: '/api/auth/logout' })).statusCode,
    ).toBe(204);
    expectProblem(
      await api.platform.request(session, { method: 'GET', url: '/api/me' }),
      401,
      'AUTH_ERR_UNAUTHENTICATED',
    );
    await api.restart();
    expectProblem(
      await api.platform.request(session, { method: 'GET', url: '/api/me' }),
      401,
      'AUTH_ERR_UNAUTHENTICATED',
    );
  });

  test('a forged or tampered cookie is no session', async () => {
    const session = sessionOf(await login('duxue2', DEMO_PASSWORD));
    const tampered = `${session.slice(0, -3)}abc`;
    for (const cookie of [tampered, 'ddt_session=eyJ1c2VySWQiOiJ1LWFkbWluIn0.x', 'ddt_session=']) {
      expectProblem(
        await api.platform.request(cookie, { method: 'GET', url: '/api/me' }),
        401,
        'AUTH_ERR_UNAUTHENTICATED',
      );
    }
  });

  test('changing the password ends every other session and keeps the current one', async () => {
    await createUser('pwchange', 'FirstPass2026');
    const laptop = sessionOf(await login('pwchange', 'FirstPass2026'));
    const phone = sessionOf(await login('pwchange', 'FirstPass2026'));
    const change = (currentPassword: string, newPassword: string) =>
      api.platform.request(laptop, {
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword, newPassword },
      });

    expectProblem(await change('WrongPass2026', 'SecondPass2026'), 400, 'AUTH_ERR_CURRENT_PASSWORD');
    expectProblem(await change('FirstPass2026', 'short1'), 400, 'AUTH_ERR_WEAK_PASSWORD');
    expectProblem(await change('FirstPass2026', 'onlyletters'), 400, 'AUTH_ERR_WEAK_PASSWORD');
    expectProblem(await change('FirstPass2026', 'pwchange2026'), 400, 'AUTH_ERR_WEAK_PASSWORD');
    const changed = await change('FirstPass2026', 'SecondPass2026');
    expect(changed.statusCode).toBe(200);
    const renewed = sessionOf(changed);

    expectProblem(
      await api.platform.request(phone, { method: 'GET', url: '/api/me' }),
      401,
      'AUTH_ERR_UNAUTHENTICATED',
    );
    expectProblem(
      await api.platform.request(laptop, { method: 'GET', url: '/api/me' }),
      401,
      'AUTH_ERR_UNAUTHENTICATED',
    );
    expect((await api.platform.request(renewed, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expectProblem(await login('pwchange', 'FirstPass2026'), 401, 'AUTH_ERR_CREDENTIALS');
    expect((await login('pwchange', 'SecondPass2026')).statusCode).toBe(200);
  });

  test('bad login bodies are a 400 and log nobody in', async () => {
    for (const payload of [
      {},
      { username: 'admin' },
      { username: { $gt: '' }, password: DEMO_PASSWORD },
      { username: 'admin', password: DEMO_PASSWORD, role: 'office' },
      { username: 'a'.repeat(65), password: 'x' },
    ]) {
      const response = await api.platform.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expectProblem(response, 400, 'REQ_ERR_VALIDATION', ['errors']);
      expect(response.cookies).toEqual([]);
    }
    expectProblem(await login('𠀀𪚥', DEMO_PASSWORD), 401, 'AUTH_ERR_CREDENTIALS');
  });
});

describe('lock-out after repeated failures', () => {
  test('five failures lock the username, also against the right password and across a restart; an admin unlocks it', async () => {
    const user = await createUser('locked1', 'LockedPass2026');
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectProblem(await login('locked1', 'wrong-password-1'), 401, 'AUTH_ERR_CREDENTIALS');
    }
    const locked = await login('locked1', 'LockedPass2026');
    expectProblem(locked, 423, 'AUTH_ERR_LOCKED', ['retryAfterSeconds']);
    expect(locked.json().retryAfterSeconds).toBeGreaterThan(800);
    expect(locked.cookies).toEqual([]);

    await api.restart();
    api.forget();
    expectProblem(await login('locked1', 'LockedPass2026'), 423, 'AUTH_ERR_LOCKED', ['retryAfterSeconds']);
    expect(
      (await api.call('admin', { method: 'GET', url: `/api/users/${user.id}` })).json().lockedForSeconds,
    ).toBeGreaterThan(800);

    expectDenied(await api.call('admin2', { method: 'POST', url: `/api/users/${user.id}/unlock` }));
    expectProblem(
      await api.call('school01', { method: 'POST', url: `/api/users/${user.id}/unlock` }),
      403,
      'AUTH_ERR_FORBIDDEN',
    );
    expect(
      (await api.call('admin', { method: 'POST', url: `/api/users/${user.id}/unlock` })).statusCode,
    ).toBe(204);
    expect((await login('locked1', 'LockedPass2026')).statusCode).toBe(200);
  });

  test('an unknown username locks the same way, so a lock tells nothing about which accounts exist', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      expectProblem(await login('nobody-here', 'whatever-1'), 401, 'AUTH_ERR_CREDENTIALS');
    }
    expectProblem(await login('nobody-here', 'whatever-1'), 423, 'AUTH_ERR_LOCKED', ['retryAfterSeconds']);
  });

  test('login attempts per address and username are rate limited', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 21; attempt++)
      statuses.push((await login('rate-probe', 'x')).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 401 || status === 423)).toBe(true);
    const limited = await login('rate-probe', 'x');
    expectProblem(limited, 429, 'AUTH_ERR_RATE_LIMITED', ['retryAfterSeconds']);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

describe('user administration', () => {
  test('an office admin creates, lists, renames and resets users of its subtree', async () => {
    const created = await api.call('admin', {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'liaison02',
        displayName: '联络员 𠀀𪚥',
        role: 'school',
        post: 'liaison',
        schoolId: 's-02',
        password: 'Liaison2026',
      },
    });
    expect(created.statusCode).toBe(201);
    const { user } = created.json();
    expect(user).toMatchObject({
      displayName: '联络员 𠀀𪚥',
      role: 'school',
      post: 'liaison',
      schoolId: 's-02',
      officeId: null,
    });
    expect(created.body).not.toContain('passwordHash');

    const listed = (await api.call('admin', { method: 'GET', url: '/api/users?schoolId=s-02' })).json();
    expect(listed.items.map((item: { username: string }) => item.username).sort()).toEqual([
      'liaison02',
      'school02',
    ]);
    const inspectors = (await api.call('admin', { method: 'GET', url: '/api/users?role=inspector' })).json();
    expect(inspectors.items.map((item: { username: string }) => item.username)).toEqual(
      expect.arrayContaining(['duxue1', 'duxue2', 'duxue3', 'duxue4']),
    );
    expect(inspectors.items.find((item: { username: string }) => item.username === 'duxue2')).toMatchObject({
      displayName: '李华',
      post: 'part_time',
    });

    const renamed = await api.call('admin', {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { displayName: '青山县城关第一小学联络员（新）' },
    });
    expect(renamed.json().user.displayName).toBe('青山县城关第一小学联络员（新）');
    const promoted = await api.call('admin', {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { post: 'principal' },
    });
    expect(promoted.json().user).toMatchObject({
      post: 'principal',
      displayName: '青山县城关第一小学联络员（新）',
    });
    for (const [payload, code] of [
      [{ post: 'full_time' }, 'USER_ERR_INVALID'], // a school user is 校长 or 联络员, not a 督学
      [{}, 'REQ_ERR_VALIDATION'],
    ] as const) {
      const refused = await api.call('admin', { method: 'PATCH', url: `/api/users/${user.id}`, payload });
      expectProblem(refused, 400, code, ['errors']);
    }
    expect((await api.store.getUser(user.id))?.post).toBe('principal');

    const session = sessionOf(await login('liaison02', 'Liaison2026'));
    const reset = await api.call('admin', {
      method: 'POST',
      url: `/api/users/${user.id}/password`,
      payload: { password: 'ResetPass2026' },
    });
    expect(reset.statusCode).toBe(204);
    expectProblem(
      await api.platform.request(session, { method: 'GET', url: '/api/me' }),
      401,
      'AUTH_ERR_UNAUTHENTICATED',
    );
    expect((await login('liaison02', 'ResetPass2026')).statusCode).toBe(200);
    expect(
      (await api.store.findAudit({ target: `user:${user.id}`, limit: 10 })).items.map((e) => e.action),
    ).toEqual(['user.password-reset', 'user.updated', 'user.updated', 'user.created']);
  });

  test('duplicates, weak passwords and wrong placements are refused and create nothing', async () => {
    const before = await api.changeCount();
    const create = (payload: Record<string, unknown>) =>
      api.call('admin', {
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'newone',
          displayName: '新用户',
          role: 'inspector',
          officeId: 'o-county',
          password: 'GoodPass2026',
          ...payload,
        },
      });
    expectProblem(await create({ username: 'duxue1' }), 409, 'USER_ERR_DUPLICATE');
    expectProblem(await create({ password: 'weak' }), 400, 'AUTH_ERR_WEAK_PASSWORD');
    expectProblem(await create({ role: 'school' }), 400, 'USER_ERR_INVALID', ['errors']);
    // A 督学 is 专职 or 兼职, never 校长; an office user has no post.
    expectProblem(await create({ post: 'principal' }), 400, 'USER_ERR_INVALID', ['errors']);
    expectProblem(await create({ role: 'office', post: 'full_time' }), 400, 'USER_ERR_INVALID', ['errors']);
    expectProblem(await create({ officeId: 'o-county-2' }), 404, 'ORG_ERR_OFFICE_NOT_FOUND');
    expectProblem(await create({ officeId: 'o-city' }), 404, 'ORG_ERR_OFFICE_NOT_FOUND');
    expectProblem(
      await create({ role: 'school', officeId: undefined, schoolId: 's-21' }),
      404,
      'ORG_ERR_SCHOOL_NOT_FOUND',
    );
    for (const payload of [
      { username: '𠀀𪚥' },
      { username: { $gt: '' } },
      { displayName: 'x'.repeat(101) },
      { role: 'superuser' },
      { post: '专职' },
      { isAdmin: true },
    ]) {
      expectProblem(await create(payload), 400, 'REQ_ERR_VALIDATION', ['errors']);
    }
    expect(await api.store.getUserByUsername('newone')).toBeNull();
    expect(await api.changeCount()).toBe(before);
  });

  test('users outside the subtree are not found, and only office users manage users', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/users/u-admin', undefined],
      ['PATCH', '/api/users/u-admin', { displayName: '改名' }],
      ['POST', '/api/users/u-admin/password', { password: 'Hijack2026x' }],
      ['POST', '/api/users/u-admin/unlock', undefined],
      ['GET', '/api/users?officeId=o-county', undefined],
      ['GET', '/api/users?schoolId=s-01', undefined],
    ] as const) {
      expectDenied(await api.call('admin2', { method, url, ...(payload ? { payload } : {}) }), ['青山县']);
    }
    for (const username of ['school01', 'duxue1']) {
      for (const [method, url] of [
        ['GET', '/api/users'],
        ['GET', '/api/users/u-admin'],
        ['POST', '/api/users'],
      ] as const) {
        const response = await api.call(username, {
          method,
          url,
          ...(method === 'POST'
            ? {
                payload: {
                  username: 'x1',
                  displayName: 'x',
                  role: 'office',
                  officeId: 'o-county',
                  password: 'GoodPass2026',
                },
              }
            : {}),
        });
        expectProblem(response, 403, 'AUTH_ERR_FORBIDDEN');
      }
    }
    expectProblem(
      await api.call(null, { method: 'GET', url: '/api/users' }),
      401,
      'AUTH_ERR_UNAUTHENTICATED',
    );
  });
});
