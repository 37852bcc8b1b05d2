import { fileURLToPath } from 'node:url';
import { loadProgramFolder, type ProgramBundle } from '@ddt/program';
import { ApiPlatform, expectDenied, expectProblem } from './support/api-platform.js';
import { multipart } from './support/multipart.js';

let api: ApiPlatform;
let bundle: ProgramBundle;
beforeAll(async () => {
  api = await ApiPlatform.start();
  const kaixue = await loadProgramFolder(fileURLToPath(new URL('./fixtures/kaixue-basic', import.meta.url)));
  bundle = { ...kaixue, manifest: { ...kaixue.manifest, key: 'kaixue-county', name: '开学督导（县定版）' } };
});
afterAll(() => api.stop());

const upload = (username: string, payload: unknown) =>
  api.call(username, {
    method: 'POST',
    url: '/api/programs/drafts',
    payload: payload as Record<string, unknown>,
  });

describe('drafts and publishing', () => {
  test('an uploaded bundle becomes a checked draft; publishing it creates version 1, and again creates nothing', async () => {
    const uploaded = await upload('admin', bundle);
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json()).toMatchObject({
      draft: { key: 'kaixue-county', uploadedBy: 'u-admin' },
      problems: [],
    });
    const draftId = uploaded.json().draft.id;

    const listed = (await api.call('admin', { method: 'GET', url: '/api/programs/drafts' })).json();
    expect(listed.items.map((draft: { id: string }) => draft.id)).toContain(draftId);
    const detail = (
      await api.call('admin', { method: 'GET', url: `/api/programs/drafts/${draftId}` })
    ).json();
    expect(detail.bpmn).toBe(bundle.bpmn);

    const published = await api.call('admin', {
      method: 'POST',
      url: `/api/programs/drafts/${draftId}/publish`,
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({
      created: true,
      version: { key: 'kaixue-county', version: 1, status: 'active' },
    });
    const again = await api.call('admin', { method: 'POST', url: `/api/programs/drafts/${draftId}/publish` });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, version: { version: 1 } });

    const programs = (await api.call('school01', { method: 'GET', url: '/api/programs' })).json();
    expect(programs.items).toContainEqual(expect.objectContaining({ key: 'kaixue-county', version: 1 }));
  });

  test('a changed bundle uploaded as multipart files becomes version 2', async () => {
    const changed = { ...bundle.manifest, description: '县定版：自查期限延长。' };
    const files = [
      { name: 'program.json', content: JSON.stringify(changed), type: 'application/json' },
      { name: 'process.bpmn', content: bundle.bpmn, type: 'application/xml' },
      ...Object.entries(bundle.forms).map(([id, form]) => ({
        name: `${id}.json`,
        content: JSON.stringify(form),
        type: 'application/json',
      })),
    ];
    const uploaded = await api.call('admin', {
      method: 'POST',
      url: '/api/programs/drafts/upload',
      ...multipart(files),
    });
    expect(uploaded.statusCode).toBe(201);
    const published = await api.call('admin', {
      method: 'POST',
      url: `/api/programs/drafts/${uploaded.json().draft.id}/publish`,
    });
    expect(published.json()).toMatchObject({ created: true, version: { version: 2 } });
    const versions = (
      await api.call('admin', { method: 'GET', url: '/api/programs/kaixue-county/versions' })
    ).json();
    expect(versions.items.map((item: { version: number }) => item.version)).toEqual([1, 2]);
    const v1 = (
      await api.call('admin', { method: 'GET', url: '/api/programs/kaixue-county/versions/1' })
    ).json();
    expect(v1.manifest.description).toBe(bundle.manifest.description);
  });

  test('a bundle with JavaScript in a form or a script in the BPMN is refused with every problem, and publishes nothing', async () => {
    const form = bundle.forms['self-check']!;
    const unsafe: ProgramBundle = {
      ...bundle,
      manifest: { ...bundle.manifest, key: 'kaixue-unsafe' },
      bpmn: bundle.bpmn.replace(
        '<bpmn:sequenceFlow id="toEnd" sourceRef="review" targetRef="end" />',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a ${} expression is exactly what must be refused
        '<bpmn:sequenceFlow id="toEnd" sourceRef="review" targetRef="end"><bpmn:conditionExpression>${reviewResult == "pass"}</bpmn:conditionExpression></bpmn:sequenceFlow>',
      ),
      forms: {
        ...bundle.forms,
        'self-check': {
          ...form,
          components: [
            ...(form.components as unknown[]),
            {
              type: 'textfield',
              key: 'sneaky',
              label: '隐藏',
              input: true,
              calculateValue: 'value = process.env',
            },
          ],
        },
      },
    };
    const uploaded = await upload('admin', unsafe);
    expect(uploaded.statusCode).toBe(201);
    const codes = uploaded.json().problems.map((problem: { code: string }) => problem.code);
    expect(codes).toEqual(
      expect.arrayContaining(['LINT_ERR_FORM_JAVASCRIPT', 'LINT_ERR_EXPRESSION_FORBIDDEN']),
    );
    const refused = await api.call('admin', {
      method: 'POST',
      url: `/api/programs/drafts/${uploaded.json().draft.id}/publish`,
    });
    expectProblem(refused, 400, 'PROGRAM_ERR_INVALID', ['problems']);
    expect(refused.json().problems).toContainEqual(
      expect.objectContaining({
        path: 'forms/self-check.json',
        code: 'LINT_ERR_FORM_JAVASCRIPT',
        severity: 'error',
      }),
    );
    expect(await api.store.listProgramVersions('kaixue-unsafe')).toEqual([]);
  });

  test('a malformed manifest or body is refused at upload and stores nothing', async () => {
    const before = await api.changeCount();
    const badManifest = await upload('admin', {
      ...bundle,
      manifest: { ...bundle.manifest, key: 'Bad Key', parameters: 'none' },
    });
    expectProblem(badManifest, 400, 'PROGRAM_ERR_MANIFEST', ['problems']);
    expect(badManifest.json().problems.map((problem: { path: string }) => problem.path)).toEqual(
      expect.arrayContaining(['program.json/key', 'program.json/parameters']),
    );
    expectProblem(await upload('admin', { ...bundle, bpmn: '' }), 400, 'REQ_ERR_VALIDATION', ['errors']);
    expectProblem(await upload('admin', { ...bundle, readme: 'x' }), 400, 'REQ_ERR_VALIDATION', ['errors']);
    expectProblem(await upload('admin', { ...bundle, forms: { 'Bad Id': {} } }), 400, 'REQ_ERR_VALIDATION', [
      'errors',
    ]);
    expectProblem(
      await upload('admin', { ...bundle, bpmn: 'x'.repeat(11 * 1024 * 1024) }),
      413,
      'REQ_ERR_TOO_LARGE',
    );
    const notJson = await api.call('admin', {
      method: 'POST',
      url: '/api/programs/drafts/upload',
      ...multipart([{ name: 'program.json', content: '{oops', type: 'application/json' }]),
    });
    expectProblem(notJson, 400, 'PROGRAM_ERR_MANIFEST', ['problems']);
    expect(await api.changeCount()).toBe(before);
  });
});

describe('retiring a version', () => {
  test('a retired version cannot be launched, and instances already running go on', async () => {
    const campaignId = await api.launch('kaixue-county', ['s-01']);
    for (const version of [1, 2]) {
      const retired = await api.call('admin', {
        method: 'POST',
        url: `/api/programs/kaixue-county/versions/${version}/retire`,
      });
      expect(retired.json()).toMatchObject({ version, status: 'retired' });
    }
    expectProblem(
      await api.call('admin', {
        method: 'POST',
        url: '/api/campaigns',
        payload: {
          programKey: 'kaixue-county',
          version: 2,
          title: '停用后下发',
          targets: { schoolIds: ['s-02'] },
        },
      }),
      409,
      'PROGRAM_ERR_RETIRED',
    );
    expectProblem(
      await api.call('admin', {
        method: 'POST',
        url: '/api/programs/kaixue-county/launch',
        payload: { title: 'x', schoolIds: ['s-02'] },
      }),
      404,
      'PROGRAM_ERR_NOT_FOUND',
    );
    const programs = (await api.call('admin', { method: 'GET', url: '/api/programs' })).json();
    expect(programs.items.map((item: { key: string }) => item.key)).not.toContain('kaixue-county');

    const task = (await api.inbox('school01', `&campaignId=${campaignId}`))[0]!;
    const { basicSelfCheck } = await import('./kaixue-submissions.js');
    const done = await api.call('school01', {
      method: 'POST',
      url: `/api/tasks/${task.id}/complete`,
      payload: { data: basicSelfCheck() },
    });
    expect(done.statusCode).toBe(200);

    const activated = await api.call('admin', {
      method: 'POST',
      url: '/api/programs/kaixue-county/versions/2/activate',
    });
    expect(activated.json()).toMatchObject({ status: 'active' });
  });
});

describe('who may manage programs', () => {
  test('schools and inspectors may list programs but not upload, publish, read versions or retire', async () => {
    const draftId = (await api.store.findFiles({ owner: 'program-drafts:o-county', limit: 1 })).items[0]!.id;
    for (const username of ['school01', 'duxue1', 'school21']) {
      for (const [method, url, payload] of [
        ['POST', '/api/programs/drafts', bundle],
        ['GET', '/api/programs/drafts', undefined],
        ['GET', `/api/programs/drafts/${draftId}`, undefined],
        ['POST', `/api/programs/drafts/${draftId}/publish`, undefined],
        ['GET', '/api/programs/kaixue/versions', undefined],
        ['GET', '/api/programs/kaixue/versions/1', undefined],
        ['POST', '/api/programs/kaixue/versions/1/retire', undefined],
        ['POST', '/api/programs/kaixue/versions/1/activate', undefined],
        ['POST', '/api/programs/kaixue/launch', { title: 'x', schoolIds: ['s-01'] }],
      ] as const) {
        expectDenied(await api.call(username, { method, url, ...(payload ? { payload } : {}) }));
      }
    }
    expectProblem(
      await api.call(null, { method: 'GET', url: '/api/programs' }),
      401,
      'AUTH_ERR_UNAUTHENTICATED',
    );
  });

  test('unknown programs, versions and drafts are 404; odd keys are 400', async () => {
    expectProblem(
      await api.call('admin', { method: 'GET', url: '/api/programs/nothing/versions' }),
      404,
      'PROGRAM_ERR_NOT_FOUND',
    );
    expectProblem(
      await api.call('admin', { method: 'GET', url: '/api/programs/kaixue/versions/99' }),
      404,
      'PROGRAM_ERR_VERSION_NOT_FOUND',
    );
    expectProblem(
      await api.call('admin', { method: 'GET', url: '/api/programs/drafts/pd_nothing' }),
      404,
      'PROGRAM_ERR_DRAFT_NOT_FOUND',
    );
    for (const url of [
      '/api/programs/%7B%22%24gt%22%3A%22%22%7D/versions',
      '/api/programs/kaixue/versions/one',
    ]) {
      expectProblem(await api.call('admin', { method: 'GET', url }), 400, 'REQ_ERR_VALIDATION', ['errors']);
    }
    // A file that is not a draft (an evidence file, an import job) is no draft.
    const job = await api.store.putFile(
      {
        id: 'f_not_a_draft',
        name: 'x.pdf',
        contentType: 'application/pdf',
        owner: 'task:x#y',
        createdBy: null,
        createdAt: new Date().toISOString(),
      },
      Buffer.from('x'),
    );
    expectProblem(
      await api.call('admin', { method: 'GET', url: `/api/programs/drafts/${job.file.id}` }),
      404,
      'PROGRAM_ERR_DRAFT_NOT_FOUND',
    );
  });
});

describe('who owns a program', () => {
  const publishAs = async (username: string, manifest: Record<string, unknown>) => {
    const uploaded = await upload(username, { ...bundle, manifest: { ...bundle.manifest, ...manifest } });
    return api.call(username, {
      method: 'POST',
      url: `/api/programs/drafts/${uploaded.json().draft.id}/publish`,
    });
  };

  test('a county’s program is its own: a neighbouring county neither sees, launches, retires nor re-publishes it', async () => {
    const versions = (
      await api.call('admin', { method: 'GET', url: '/api/programs/kaixue-county/versions' })
    ).json();
    expect(versions.items[0]).toMatchObject({ ownerOfficeId: 'o-county', manageable: true });
    const before = await api.changeCount();

    const listed = (await api.call('admin2', { method: 'GET', url: '/api/programs' })).json();
    expect(listed.items.map((item: { key: string }) => item.key)).not.toContain('kaixue-county');
    expect(listed.items).toContainEqual(expect.objectContaining({ key: 'kaixue', ownerOfficeId: null }));
    for (const [method, url, payload] of [
      ['GET', '/api/programs/kaixue-county/versions', undefined],
      ['GET', '/api/programs/kaixue-county/versions/1', undefined],
      ['POST', '/api/programs/kaixue-county/versions/1/retire', undefined],
      ['POST', '/api/programs/kaixue-county/launch', { title: '越界下发', schoolIds: ['s-21'] }],
      [
        'POST',
        '/api/campaigns',
        { programKey: 'kaixue-county', title: '越界下发', targets: { schoolIds: ['s-21'] } },
      ],
    ] as const) {
      expectDenied(await api.call('admin2', { method, url, ...(payload ? { payload } : {}) }), [
        '开学督导（县定版）',
      ]);
    }
    // Its drafts are the uploading office's too.
    const drafts = (await api.call('admin2', { method: 'GET', url: '/api/programs/drafts' })).json();
    expect(drafts.items).toEqual([]);
    const ownDraft = (await api.store.findFiles({ owner: 'program-drafts:o-county', limit: 1 })).items[0]!;
    expectProblem(
      await api.call('admin2', { method: 'GET', url: `/api/programs/drafts/${ownDraft.id}` }),
      404,
      'PROGRAM_ERR_DRAFT_NOT_FOUND',
    );
    expect(await api.changeCount()).toBe(before);

    // Its key is taken: the neighbour's upload becomes a draft, but publishing it creates nothing.
    expectProblem(
      await publishAs('admin2', { description: '临河县想覆盖青山县的项目' }),
      409,
      'PROGRAM_ERR_KEY_TAKEN',
    );
    expect(
      (await api.store.listProgramVersions('kaixue-county')).every(
        (v) => v.ownerPath === '/o-province/o-city/o-county/',
      ),
    ).toBe(true);
    expect(await api.store.listProgramVersions('kaixue-county')).toHaveLength(2);
  });

  test('the platform’s programs are versioned by the top office only; a county adapts one under a new key', async () => {
    expectProblem(
      await api.call('admin', { method: 'POST', url: '/api/programs/kaixue/versions/1/retire' }),
      403,
      'PROGRAM_ERR_NOT_MANAGED',
    );
    expect((await api.store.getProgramVersion('kaixue', 1))?.status).toBe('active');
    expectProblem(await publishAs('admin', { key: 'kaixue' }), 409, 'PROGRAM_ERR_KEY_TAKEN');
    expect(await api.store.listProgramVersions('kaixue')).toHaveLength(1);

    const adapted = await publishAs('admin', { key: 'kaixue-qingshan', name: '青山县开学督导' });
    expect(adapted.statusCode).toBe(201);
    expect(adapted.json().version).toMatchObject({
      key: 'kaixue-qingshan',
      ownerOfficeId: 'o-county',
      manageable: true,
    });
    // Schools of the county may see it (their tasks name it); the neighbour's may not.
    const ofSchool = async (username: string) =>
      (await api.call(username, { method: 'GET', url: '/api/programs' }))
        .json()
        .items.map((item: { key: string }) => item.key);
    expect(await ofSchool('school01')).toContain('kaixue-qingshan');
    expect(await ofSchool('school21')).not.toContain('kaixue-qingshan');

    // The province office (the top of the tree) versions the platform's programs and may retire a county's.
    const admin = (await api.store.getUserByUsername('admin'))!;
    await api.store.putUser({
      ...admin,
      id: 'u-province',
      username: 'sheng',
      displayName: '省教育督导办公室',
      officeId: 'o-province',
    });
    const provinceView = (
      await api.call('sheng', { method: 'GET', url: '/api/programs/kaixue/versions' })
    ).json();
    expect(provinceView.items[0]).toMatchObject({ ownerOfficeId: null, manageable: true });
    const retired = await api.call('sheng', {
      method: 'POST',
      url: '/api/programs/kaixue-qingshan/versions/1/retire',
    });
    expect(retired.json()).toMatchObject({ status: 'retired', manageable: true });
    const newVersion = await publishAs('sheng', { key: 'kaixue', description: '省定：新学期开学督导' });
    expect(newVersion.statusCode).toBe(201);
    expect(newVersion.json().version).toMatchObject({ key: 'kaixue', version: 2, ownerOfficeId: null });
  });
});
