import { ApiPlatform, expectDenied, expectProblem } from './support/api-platform.js';

let api: ApiPlatform;
beforeAll(async () => {
  api = await ApiPlatform.start();
});
afterAll(() => api.stop());

const newSchool = {
  id: '3601230001',
  name: '青山县新城小学 𠀀𪚥',
  type: 'primary',
  ownership: 'public',
  officeId: 'o-county',
  districtId: 'd-1',
  inspectorId: 'u-inspector-1',
  address: '青山县新城大道 1 号',
  contact: '0791-1234567',
};

describe('offices and 责任区', () => {
  test('an office sees its subtree, adds 责任区 to its county and renames them', async () => {
    const offices = (await api.call('admin', { method: 'GET', url: '/api/offices' })).json();
    expect(offices.items.map((office: { id: string }) => office.id)).toEqual(['o-county']);
    const created = await api.call('admin', {
      method: 'POST',
      url: '/api/offices/o-county/districts',
      payload: { name: '第四责任区（新城）' },
    });
    expect(created.statusCode).toBe(201);
    const { district } = created.json();
    const renamed = await api.call('admin', {
      method: 'PATCH',
      url: `/api/offices/o-county/districts/${district.id}`,
      payload: { name: '第四责任区（新城片区）' },
    });
    expect(renamed.json().district.name).toBe('第四责任区（新城片区）');
    const districts = (
      await api.call('admin', { method: 'GET', url: '/api/offices/o-county/districts' })
    ).json();
    expect(districts.items.map((item: { name: string }) => item.name)).toContain('第四责任区（新城片区）');
  });

  test('a county office has no lower offices; a city office creates counties', async () => {
    expectProblem(
      await api.call('admin', {
        method: 'POST',
        url: '/api/offices',
        payload: { name: '下级', parentId: 'o-county' },
      }),
      400,
      'ORG_ERR_INVALID',
      ['errors'],
    );
    await api.store.putUser({
      ...(await api.store.getUser('u-admin'))!,
      id: 'u-city-admin',
      username: 'cityadmin',
      displayName: '示范市督导室管理员',
      officeId: 'o-city',
    });
    const created = await api.call('cityadmin', {
      method: 'POST',
      url: '/api/offices',
      payload: { name: '新设县教育督导室', parentId: 'o-city' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().office).toMatchObject({ level: 'county', parentId: 'o-city' });
    const seen = (await api.call('cityadmin', { method: 'GET', url: '/api/offices' })).json();
    expect(seen.items.map((office: { id: string }) => office.id)).toEqual(
      expect.arrayContaining(['o-city', 'o-county', 'o-county-2', created.json().office.id]),
    );
  });

  test('offices and 责任区 outside the subtree are not found, and only office users see offices', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/offices/o-county', undefined],
      ['PATCH', '/api/offices/o-county', { name: '改名' }],
      ['GET', '/api/offices/o-county/districts', undefined],
      ['POST', '/api/offices/o-county/districts', { name: '越权' }],
      ['PATCH', '/api/offices/o-county/districts/d-1', { name: '越权' }],
      ['POST', '/api/offices', { name: '越权', parentId: 'o-county' }],
    ] as const) {
      expectDenied(await api.call('admin2', { method, url, ...(payload ? { payload } : {}) }), [
        '青山县',
        '责任区（城区）',
      ]);
    }
    for (const username of ['school01', 'duxue1']) {
      expectProblem(
        await api.call(username, { method: 'GET', url: '/api/offices' }),
        403,
        'AUTH_ERR_FORBIDDEN',
      );
    }
  });
});

describe('schools', () => {
  test('an office creates a school with its 责任督学, and every role sees only its own schools', async () => {
    const created = await api.call('admin', { method: 'POST', url: '/api/schools', payload: newSchool });
    expect(created.statusCode).toBe(201);
    expect(created.json().school).toMatchObject({
      name: '青山县新城小学 𠀀𪚥',
      address: '青山县新城大道 1 号',
    });

    const ids = async (username: string, query = '') =>
      (await api.call(username, { method: 'GET', url: `/api/schools${query}` }))
        .json()
        .items.map((s: { id: string }) => s.id);
    expect(await ids('admin')).toHaveLength(21);
    expect(await ids('admin', '?districtId=d-2&type=kindergarten')).toEqual(['s-14']);
    expect(await ids('admin', '?ownership=private')).toEqual(['s-08', 's-09', 's-10', 's-20']);
    expect(await ids('duxue1')).toEqual(['3601230001', 's-01', 's-02', 's-03', 's-04', 's-05']);
    expect(await ids('school03')).toEqual(['s-03']);
    expect(await ids('admin2')).toEqual(['s-21']);

    const page = (await api.call('admin', { method: 'GET', url: '/api/schools?limit=5' })).json();
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  test('an office updates a school and moves its 挂牌 to another inspector', async () => {
    const updated = await api.call('admin', {
      method: 'PATCH',
      url: '/api/schools/s-05',
      payload: { inspectorId: 'u-inspector-2', contact: '园长 138-0000-0000' },
    });
    expect(updated.json().school).toMatchObject({
      inspectorId: 'u-inspector-2',
      contact: '园长 138-0000-0000',
    });
    const history = await api.store.findAudit({ target: 'school:s-05', limit: 5 });
    expect(history.items[0]).toMatchObject({ action: 'school.inspector-assigned', actorId: 'u-admin' });
    expect(history.items[0]!.detail).toMatchObject({ previousInspectorId: 'u-inspector-1' });
  });

  test('bad schools are refused and change nothing', async () => {
    const before = await api.changeCount();
    const create = (payload: Record<string, unknown>) =>
      api.call('admin', {
        method: 'POST',
        url: '/api/schools',
        payload: { ...newSchool, id: '3601230099', ...payload },
      });
    expectProblem(await create({ id: 's-01' }), 409, 'ORG_ERR_SCHOOL_EXISTS');
    expectProblem(await create({ districtId: 'd-21' }), 400, 'ORG_ERR_INVALID', ['errors']);
    expectProblem(await create({ inspectorId: 'u-n-inspector' }), 400, 'ORG_ERR_INVALID', ['errors']);
    expectProblem(await create({ inspectorId: 'u-school-01' }), 400, 'ORG_ERR_INVALID', ['errors']);
    expectProblem(
      await create({ officeId: 'o-county-2', districtId: 'd-21' }),
      404,
      'ORG_ERR_OFFICE_NOT_FOUND',
    );
    for (const payload of [
      { id: { $gt: '' } },
      { id: '../s-01' },
      { type: 'university' },
      { ownership: '公办' },
      { name: 'x'.repeat(201) },
      { name: '' },
      { address: 'x'.repeat(501) },
      { principal: '张三' },
    ]) {
      expectProblem(await create(payload), 400, 'REQ_ERR_VALIDATION', ['errors']);
    }
    expectProblem(
      await api.call('admin', { method: 'PATCH', url: '/api/schools/s-01', payload: {} }),
      400,
      'REQ_ERR_VALIDATION',
      ['errors'],
    );
    expect(await api.store.getSchool('3601230099')).toBeNull();
    expect(await api.changeCount()).toBe(before);
  });

  test('a school outside the scope is not found for reading, changing or its history', async () => {
    const secrets = ['青山县实验小学', 's-01'];
    for (const username of ['admin2', 'duxue3', 'school02', 'duxue21']) {
      for (const [method, url, payload] of [
        ['GET', '/api/schools/s-01', undefined],
        ['GET', '/api/schools/s-01/history', undefined],
        ['PATCH', '/api/schools/s-01', { name: '改名' }],
      ] as const) {
        const response = await api.call(username, { method, url, ...(payload ? { payload } : {}) });
        expectDenied(response, secrets.slice(0, 1));
      }
    }
    expectDenied(await api.call('admin2', { method: 'GET', url: '/api/schools?officeId=o-county' }), secrets);
    expect(
      (await api.call('admin2', { method: 'GET', url: '/api/schools?districtId=d-1' })).json().items,
    ).toEqual([]);
    expectProblem(
      await api.call('school01', { method: 'POST', url: '/api/schools', payload: newSchool }),
      403,
      'AUTH_ERR_FORBIDDEN',
    );
  });
});

describe('回避 (conflicts)', () => {
  test('an inspector declares a conflict with its own school: it loses sight of the school and cannot be assigned it again', async () => {
    const declared = await api.call('duxue3', {
      method: 'POST',
      url: '/api/conflicts',
      payload: { schoolId: 's-13', reason: '配偶在该校任教' },
    });
    expect(declared.statusCode).toBe(201);
    expect(declared.json()).toMatchObject({
      responsibleInspector: true,
      conflict: { inspectorId: 'u-inspector-3', schoolId: 's-13' },
    });
    expect((await api.call('duxue3', { method: 'GET', url: '/api/schools/s-13' })).statusCode).toBe(404);
    const listed = (await api.call('duxue3', { method: 'GET', url: '/api/schools' })).json();
    expect(listed.items.map((school: { id: string }) => school.id)).toEqual(['s-11', 's-12', 's-14', 's-15']);
    const edited = await api.call('admin', {
      method: 'PATCH',
      url: '/api/schools/s-13',
      payload: { contact: '校办' },
    });
    expect(edited.json().school).toMatchObject({ contact: '校办', inspectorId: 'u-inspector-3' });

    expectProblem(
      await api.call('admin', {
        method: 'PATCH',
        url: '/api/schools/s-13',
        payload: { inspectorId: 'u-inspector-3' },
      }),
      409,
      'ORG_ERR_CONFLICT_PAIR',
    );
    const mine = (await api.call('duxue3', { method: 'GET', url: '/api/conflicts' })).json();
    expect(mine.items).toEqual([expect.objectContaining({ schoolId: 's-13', reason: '配偶在该校任教' })]);
    const bySchool = (await api.call('admin', { method: 'GET', url: '/api/conflicts?schoolId=s-13' })).json();
    expect(bySchool.items).toHaveLength(1);
  });

  test('an office records conflicts for its inspectors and is the only one who lifts them', async () => {
    const declared = await api.call('admin', {
      method: 'POST',
      url: '/api/conflicts',
      payload: { inspectorId: 'u-inspector-4', schoolId: 's-01', reason: '曾任该校副校长' },
    });
    expect(declared.json()).toMatchObject({ responsibleInspector: false });
    expectProblem(
      await api.call('duxue4', { method: 'DELETE', url: '/api/conflicts/u-inspector-4/s-01' }),
      403,
      'AUTH_ERR_FORBIDDEN',
    );
    expectDenied(await api.call('admin2', { method: 'DELETE', url: '/api/conflicts/u-inspector-4/s-01' }), [
      '曾任',
    ]);
    expect(
      (await api.call('admin', { method: 'DELETE', url: '/api/conflicts/u-inspector-4/s-01' })).statusCode,
    ).toBe(204);
    expectProblem(
      await api.call('admin', { method: 'DELETE', url: '/api/conflicts/u-inspector-4/s-01' }),
      404,
      'ORG_ERR_CONFLICT_NOT_FOUND',
    );
  });

  test('conflicts cannot be declared for others or for schools outside reach, and schools cannot declare', async () => {
    const before = await api.changeCount();
    const declare = (username: string, payload: Record<string, unknown>) =>
      api.call(username, { method: 'POST', url: '/api/conflicts', payload: { reason: '亲属', ...payload } });
    expectProblem(
      await declare('duxue1', { inspectorId: 'u-inspector-2', schoolId: 's-01' }),
      403,
      'AUTH_ERR_FORBIDDEN',
    );
    expectDenied(await declare('duxue1', { schoolId: 's-21' }), ['临河县']);
    expectDenied(await declare('admin2', { inspectorId: 'u-inspector-1', schoolId: 's-01' }), ['张明']);
    expectProblem(await declare('school01', { schoolId: 's-01' }), 403, 'AUTH_ERR_FORBIDDEN');
    expectProblem(await declare('duxue1', { schoolId: { $gt: '' } }), 400, 'REQ_ERR_VALIDATION', ['errors']);
    expectProblem(await declare('duxue1', { schoolId: 's-01', reason: '' }), 400, 'REQ_ERR_VALIDATION', [
      'errors',
    ]);
    expectDenied(await api.call('admin2', { method: 'GET', url: '/api/conflicts?schoolId=s-13' }), ['配偶']);
    expectDenied(
      await api.call('admin2', { method: 'GET', url: '/api/conflicts?inspectorId=u-inspector-3' }),
      ['配偶'],
    );
    expectProblem(
      await api.call('school01', { method: 'GET', url: '/api/conflicts' }),
      403,
      'AUTH_ERR_FORBIDDEN',
    );
    expect(await api.changeCount()).toBe(before);
  });
});

describe('school history', () => {
  test('a school profile lists its campaigns, steps and scores; an office read is audited', async () => {
    const campaignId = await api.launch('api-pingjia', ['s-02']);
    const task = (await api.inbox('school02'))[0]!;
    await api.call('school02', {
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      payload: { data: { a11: 20, a12: 20, a21: 'basic' } },
    });
    const profile = (await api.call('admin', { method: 'GET', url: '/api/schools/s-02/history' })).json();
    expect(profile.school.id).toBe('s-02');
    expect(profile.campaigns).toEqual([
      expect.objectContaining({
        campaignId,
        programKey: 'api-pingjia',
        status: 'running',
        completedTasks: [expect.objectContaining({ name: '学校自评' })],
        openTasks: [expect.objectContaining({ name: '责任督学审核' })],
        submissions: [
          expect.objectContaining({ score: { total: 64, maxTotal: 100, grade: '合格', passed: true } }),
        ],
      }),
    ]);
    expect((await api.call('school02', { method: 'GET', url: '/api/schools/s-02/history' })).statusCode).toBe(
      200,
    );
    const reads = await api.store.findAudit({
      target: 'school:s-02',
      action: 'school.profile-read',
      limit: 5,
    });
    expect(reads.items.map((event) => event.actorId)).toEqual(['u-admin']);

    const submissionId = profile.campaigns[0].submissions[0].id;
    const read = await api.call('admin', { method: 'GET', url: `/api/submissions/${submissionId}` });
    expect(read.json()).toMatchObject({
      accepted: true,
      submission: { schoolId: 's-02', data: { a11: 20 } },
    });
    expect((await api.store.findAudit({ target: `submission:${submissionId}`, limit: 5 })).items).toEqual([
      expect.objectContaining({ action: 'submission.read', actorId: 'u-admin' }),
    ]);
    for (const username of ['school01', 'duxue3', 'admin2']) {
      expectDenied(await api.call(username, { method: 'GET', url: `/api/submissions/${submissionId}` }), [
        'a11',
      ]);
    }
  });
});
