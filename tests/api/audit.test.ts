import { ApiPlatform, expectDenied, expectProblem } from './support/api-platform.js';

let api: ApiPlatform;
beforeAll(async () => {
  api = await ApiPlatform.start();
});
afterAll(() => api.stop());

describe('the audit log', () => {
  test('records who changed what, when, through which request and from which address', async () => {
    const response = await api.call('admin', {
      method: 'PATCH',
      url: '/api/schools/s-05',
      payload: { contact: '园长办公室' },
      headers: { 'x-request-id': 'req-audit-0001' },
    });
    expect(response.headers['x-request-id']).toBe('req-audit-0001');
    const log = (await api.call('admin', { method: 'GET', url: '/api/audit?target=school:s-05' })).json();
    expect(log.items[0]).toMatchObject({
      actorId: 'u-admin',
      action: 'school.updated',
      target: 'school:s-05',
      requestId: 'req-audit-0001',
      ip: '127.0.0.1',
      detail: { changes: { contact: '园长办公室' }, officePath: '/o-province/o-city/o-county/' },
    });
    expect(Date.parse(log.items[0].at)).toBeGreaterThan(Date.now() - 60_000);
  });

  test('is queried by actor, action and time, newest first, page by page', async () => {
    for (const name of ['第一责任区（城区）甲', '第一责任区（城区）乙']) {
      await api.call('admin', {
        method: 'PATCH',
        url: '/api/offices/o-county/districts/d-1',
        payload: { name },
      });
    }
    const from = new Date(Date.now() - 60_000).toISOString();
    const page = (
      await api.call('admin', {
        method: 'GET',
        url: `/api/audit?action=district.updated&actorId=u-admin&from=${from}&limit=1`,
      })
    ).json();
    expect(page.items).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ name: '第一责任区（城区）乙' }) }),
    ]);
    const next = (
      await api.call('admin', {
        method: 'GET',
        url: `/api/audit?action=district.updated&actorId=u-admin&from=${from}&limit=1&cursor=${page.nextCursor}`,
      })
    ).json();
    expect(next.items[0].detail.name).toBe('第一责任区（城区）甲');
    const future = (
      await api.call('admin', { method: 'GET', url: `/api/audit?to=${from}&action=district.updated` })
    ).json();
    expect(future.items).toEqual([]);
  });

  test('an office user reading a school submission is recorded; the school reading its own is not', async () => {
    const campaignId = await api.launch('api-pingjia', ['s-02']);
    const task = (await api.inbox('school02', `&campaignId=${campaignId}`))[0]!;
    const done = await api.call('school02', {
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      payload: { data: { a11: 10, a12: 10, a21: 'met' } },
    });
    const submissionId = done.json().submissionId;
    await api.call('school02', { method: 'GET', url: `/api/submissions/${submissionId}` });
    await api.call('admin', { method: 'GET', url: `/api/submissions/${submissionId}` });
    const reads = (
      await api.call('admin', { method: 'GET', url: `/api/audit?target=submission:${submissionId}` })
    ).json();
    expect(reads.items).toEqual([expect.objectContaining({ action: 'submission.read', actorId: 'u-admin' })]);
  });

  test('cannot be changed or deleted through the API: there is no such route, and the log stays as it was', async () => {
    const before = (await api.call('admin', { method: 'GET', url: '/api/audit?limit=200' })).json().items;
    const id = before[0].id;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      for (const url of ['/api/audit', `/api/audit/${id}`]) {
        const response = await api.call('admin', { method, url, payload: { action: 'forged', detail: {} } });
        expectProblem(response, 404, 'REQ_ERR_NOT_FOUND');
      }
    }
    const after = (await api.call('admin', { method: 'GET', url: '/api/audit?limit=200' })).json().items;
    expect(after).toEqual(before);
  });

  test('an office sees only its subtree’s events; schools and inspectors cannot read the log', async () => {
    const theirs = (await api.call('admin2', { method: 'GET', url: '/api/audit?target=school:s-05' })).json();
    expect(theirs.items).toEqual([]);
    const all = (await api.call('admin2', { method: 'GET', url: '/api/audit?limit=200' })).json();
    expect(JSON.stringify(all.items)).not.toContain('o-county/');
    for (const username of ['school01', 'duxue1']) {
      expectProblem(
        await api.call(username, { method: 'GET', url: '/api/audit' }),
        403,
        'AUTH_ERR_FORBIDDEN',
      );
    }
    expectDenied(await api.call('duxue1', { method: 'GET', url: '/api/audit?target=school:s-05' }), [
      '园长办公室',
    ]);
  });

  test('odd filters are a 400', async () => {
    for (const query of [
      'target[$ne]=x',
      'from=yesterday',
      'limit=1000',
      'action=DROP TABLE',
      `target=${'x'.repeat(301)}`,
    ]) {
      expectProblem(
        await api.call('admin', { method: 'GET', url: `/api/audit?${query}` }),
        400,
        'REQ_ERR_VALIDATION',
        ['errors'],
      );
    }
  });
});
