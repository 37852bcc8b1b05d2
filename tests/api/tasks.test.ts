import { basicSelfCheck } from './kaixue-submissions.js';
import { ApiPlatform, expectDenied, expectProblem } from './support/api-platform.js';

let api: ApiPlatform;
let kaixue: string;
let pingjia: string;
beforeAll(async () => {
  api = await ApiPlatform.start();
  // kaixue's self-check is due at once (PT0S): overdue from the next millisecond on.
  kaixue = await api.launch('kaixue-basic', ['s-01', 's-02'], { selfCheckPeriod: 'PT0S' });
  pingjia = await api.launch('api-pingjia', ['s-01', 's-02']);
});
afterAll(() => api.stop());

async function taskOf(username: string, programKey: string) {
  return (await api.inbox(username, `&programKey=${programKey}`))[0]!;
}

describe('my tasks', () => {
  test('are filtered by program, campaign and overdue, and paged', async () => {
    const all = await api.inbox('school01');
    expect(all.map((task) => task.name).sort()).toEqual(['学校开学工作自查', '学校自评']);
    expect((await api.inbox('school01', '&programKey=kaixue-basic')).map((task) => task.name)).toEqual([
      '学校开学工作自查',
    ]);
    expect((await api.inbox('school01', `&campaignId=${pingjia}`)).map((task) => task.name)).toEqual([
      '学校自评',
    ]);
    expect((await api.inbox('school01', `&campaignId=${kaixue}`)).map((task) => task.name)).toEqual([
      '学校开学工作自查',
    ]);
    expect((await api.inbox('school01', '&overdue=true')).map((task) => task.name)).toEqual([
      '学校开学工作自查',
    ]);
    expect((await api.inbox('school01', '&overdue=false')).map((task) => task.name)).toEqual(['学校自评']);

    const first = (await api.call('school01', { method: 'GET', url: '/api/tasks?limit=1' })).json();
    expect(first.items).toHaveLength(1);
    const second = (
      await api.call('school01', { method: 'GET', url: `/api/tasks?limit=1&cursor=${first.nextCursor}` })
    ).json();
    expect([...first.items, ...second.items].map((task) => task.id).sort()).toEqual(
      all.map((task) => task.id).sort(),
    );
  });

  test('bad filters are a 400 naming the field', async () => {
    for (const query of [
      'limit=0',
      'limit=abc',
      'status=archived',
      'overdue=maybe',
      'programKey=%7B%22%24gt%22%3A%22%22%7D',
      'campaignId[$gt]=',
      'unknown=1',
      `cursor=${'x'.repeat(600)}`,
    ]) {
      expectProblem(
        await api.call('school01', { method: 'GET', url: `/api/tasks?${query}` }),
        400,
        'REQ_ERR_VALIDATION',
        ['errors'],
      );
    }
    expectProblem(
      await api.call('school01', { method: 'GET', url: '/api/tasks?cursor=garbage' }),
      400,
      'REQ_ERR_VALIDATION',
    );
  });
});

describe('group tasks', () => {
  let colleague: string;
  beforeAll(async () => {
    const created = await api.call('admin', {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'school01b',
        displayName: '实验小学校长',
        role: 'school',
        schoolId: 's-01',
        password: 'Principal2026',
      },
    });
    expect(created.statusCode).toBe(201);
    colleague = 'school01b';
  });

  async function loginColleague() {
    const response = await api.platform.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: colleague, password: 'Principal2026' },
    });
    return `ddt_session=${response.cookies.find((cookie) => cookie.name === 'ddt_session')?.value}`;
  }

  test('one member claims a school task; the other sees who holds it and cannot act on it until it is released', async () => {
    const task = await taskOf('school01', 'api-pingjia');
    const other = await loginColleague();
    const claimed = await api.call('school01', { method: 'POST', url: `/api/tasks/${task.id}/claim` });
    expect(claimed.json()).toEqual({ taskId: task.id, claimedBy: 'u-school-01' });

    const seen = (await api.platform.request(other, { method: 'GET', url: `/api/tasks/${task.id}` })).json();
    expect(seen.task).toMatchObject({
      claimable: true,
      claimedBy: 'u-school-01',
      claimedByName: '青山县实验小学联络员',
    });
    for (const action of [
      { method: 'POST' as const, url: `/api/tasks/${task.id}/claim` },
      { method: 'POST' as const, url: `/api/tasks/${task.id}/unclaim` },
      { method: 'PUT' as const, url: `/api/tasks/${task.id}/draft`, payload: { data: {} } },
      {
        method: 'POST' as const,
        url: `/api/tasks/${task.id}/complete`,
        payload: { data: { a11: 1, a12: 1, a21: 'met' } },
      },
    ]) {
      expectProblem(await api.platform.request(other, action), 409, 'TASK_ERR_CLAIMED');
    }
    expect(
      (await api.call('school01', { method: 'POST', url: `/api/tasks/${task.id}/claim` })).statusCode,
    ).toBe(200);

    const unclaimed = await api.call('school01', { method: 'POST', url: `/api/tasks/${task.id}/unclaim` });
    expect(unclaimed.json()).toEqual({ taskId: task.id, claimedBy: null });
    const draft = await api.platform.request(other, {
      method: 'PUT',
      url: `/api/tasks/${task.id}/draft`,
      payload: { data: { summary: '校长接手填写' } },
    });
    expect(draft.statusCode).toBe(200);
  });

  test('a task assigned to one person cannot be claimed', async () => {
    const review = await api.launch('kaixue-basic', ['s-06']);
    const selfCheck = (await api.inbox('school06', `&campaignId=${review}`))[0]!;
    const done = await api.call('school06', {
      method: 'POST',
      url: `/api/tasks/${selfCheck.id}/complete`,
      payload: { data: basicSelfCheck() },
    });
    expect(done.statusCode).toBe(200);
    const reviewTask = (await api.inbox('duxue2', `&campaignId=${review}`))[0]!;
    expectProblem(
      await api.call('duxue2', { method: 'POST', url: `/api/tasks/${reviewTask.id}/claim` }),
      409,
      'TASK_ERR_NOT_CLAIMABLE',
    );
  });
});

describe('bad input on task routes changes nothing', () => {
  test('wrong types, unknown fields, malformed JSON, oversize bodies and odd ids are 4xx', async () => {
    const task = await taskOf('school02', 'api-pingjia');
    await api.cookie('school02');
    const before = await api.changeCount();
    const draft = (payload: unknown, headers: Record<string, string> = {}) =>
      api.call('school02', {
        method: 'PUT',
        url: `/api/tasks/${task.id}/draft`,
        payload: payload as string,
        headers,
      });
    expectProblem(await draft({ data: 'text' }), 400, 'REQ_ERR_VALIDATION', ['errors']);
    expectProblem(await draft({ data: {}, extra: 1 }), 400, 'REQ_ERR_VALIDATION', ['errors']);
    expectProblem(await draft({}), 400, 'REQ_ERR_VALIDATION', ['errors']);
    expectProblem(
      await draft('{"data": {', { 'content-type': 'application/json' }),
      400,
      'REQ_ERR_MALFORMED',
    );
    expectProblem(await draft({ data: { big: 'x'.repeat(3 * 1024 * 1024) } }), 413, 'REQ_ERR_TOO_LARGE');
    expectProblem(await draft('data=1', { 'content-type': 'text/plain' }), 415, 'REQ_ERR_MEDIA_TYPE');
    for (const id of ['%7B%22%24gt%22%3A%22%22%7D', 'a'.repeat(301), '..%2F..%2Fetc']) {
      const response = await api.call('school02', { method: 'GET', url: `/api/tasks/${id}` });
      expect([400, 404]).toContain(response.statusCode);
    }
    const complete = await api.call('school02', {
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      payload: { data: { a11: '二十', a12: { $gt: '' }, a21: 'excellent' } },
    });
    expectProblem(complete, 400, 'FORM_ERR_INVALID', ['errors']);
    expect(
      complete
        .json()
        .errors.map((error: { path: string }) => error.path)
        .sort(),
    ).toEqual(['a11', 'a12', 'a21']);
    expect(await api.changeCount()).toBe(before);
    expect(await api.store.getDraft(task.id)).toBeNull();
  });

  test("another school's or inspector's task is a 404 that names nothing, for every task action", async () => {
    const task = await taskOf('school02', 'api-pingjia');
    for (const username of ['school01', 'duxue3', 'admin2', 'school21']) {
      for (const action of [
        { method: 'GET' as const, url: `/api/tasks/${task.id}` },
        { method: 'PUT' as const, url: `/api/tasks/${task.id}/draft`, payload: { data: {} } },
        { method: 'POST' as const, url: `/api/tasks/${task.id}/complete`, payload: { data: {} } },
        { method: 'POST' as const, url: `/api/tasks/${task.id}/return`, payload: { comment: '退回' } },
        { method: 'POST' as const, url: `/api/tasks/${task.id}/claim` },
        { method: 'POST' as const, url: `/api/tasks/${task.id}/unclaim` },
      ]) {
        expectDenied(await api.call(username, action), ['城关第一小学', '接口测试用评估督导']);
      }
    }
  });
});
