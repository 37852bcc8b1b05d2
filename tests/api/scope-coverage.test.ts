import type { InjectOptions } from 'fastify';
import { ApiPlatform, expectDenied } from './support/api-platform.js';
import { multipart } from './support/multipart.js';

/**
 * Every API route, tried by someone outside the demo county's scope. The route list comes from the
 * OpenAPI document, so a new route without a case here fails this test.
 *
 * - `outside`: a user of the neighbouring county (or of a role the route is not for) aims at the demo
 *   county's objects and gets 403 or 404 with nothing but the problem fields — no names, no counts;
 * - `ownOnly`: a route that only ever answers about the caller; the outsider's answer names nothing of
 *   the demo county;
 * - every route but login and logout answers 401 without a session.
 */
let api: ApiPlatform;
const ids = { campaign: '', task: '', submission: '', file: '', draft: '', importJob: '' };
const SECRETS = ['青山县', '城关', '保密督导批次', '配偶在该校'];

beforeAll(async () => {
  api = await ApiPlatform.start();
  const launched = await api.call('admin', {
    method: 'POST',
    url: '/api/campaigns',
    payload: { programKey: 'api-pingjia', title: '保密督导批次', targets: { schoolIds: ['s-01', 's-02'] } },
  });
  ids.campaign = launched.json().campaignId;
  ids.task = (await api.inbox('school02', `&campaignId=${ids.campaign}`))[0]!.id;
  const selfEval = (await api.inbox('school01', `&campaignId=${ids.campaign}`))[0]!.id;
  const file = await api.call('school01', {
    method: 'POST',
    url: `/api/files?taskId=${encodeURIComponent(selfEval)}&component=evidence`,
    ...multipart([{ name: '材料.pdf', content: '%PDF-1.4 test', type: 'application/pdf' }]),
  });
  ids.file = file.json().id;
  const done = await api.call('school01', {
    method: 'POST',
    url: `/api/tasks/${selfEval}/complete`,
    payload: { data: { a11: 30, a12: 30, a21: 'met', evidence: [file.json()] } },
  });
  ids.submission = done.json().submissionId;
  await api.call('duxue1', {
    method: 'POST',
    url: '/api/conflicts',
    payload: { schoolId: 's-02', reason: '配偶在该校' },
  });
  const program = (await api.call('admin', { method: 'GET', url: '/api/programs/kaixue/versions/1' })).json();
  const draft = await api.call('admin', {
    method: 'POST',
    url: '/api/programs/drafts',
    payload: { manifest: program.manifest, bpmn: program.bpmn, forms: program.forms },
  });
  ids.draft = draft.json().draft.id;
  // A program of the demo county's own, which the neighbouring county must not reach.
  const own = await api.call('admin', {
    method: 'POST',
    url: '/api/programs/drafts',
    payload: {
      manifest: { ...program.manifest, key: 'qingshan-kaixue', name: '青山县开学督导' },
      bpmn: program.bpmn,
      forms: program.forms,
    },
  });
  const published = await api.call('admin', {
    method: 'POST',
    url: `/api/programs/drafts/${own.json().draft.id}/publish`,
  });
  expect(published.statusCode).toBe(201);
  const imported = await api.call('admin', {
    method: 'POST',
    url: '/api/imports/assignments?dryRun=false',
    ...multipart([{ name: 'a.csv', content: '学校标识码,责任督学账号\ns-03,duxue1', type: 'text/csv' }]),
  });
  ids.importJob = imported.json().jobId;
});
afterAll(() => api.stop());

type Case = { as: string; request: () => InjectOptions };
const outside: Record<string, Case[]> = {
  'POST /api/auth/password': [],
  'GET /api/users': [
    { as: 'admin2', request: () => ({ method: 'GET', url: '/api/users?officeId=o-county' }) },
  ],
  'POST /api/users': [
    {
      as: 'admin2',
      request: () => ({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'intruder',
          displayName: '越权',
          role: 'school',
          schoolId: 's-01',
          password: 'Intrude2026',
        },
      }),
    },
    {
      as: 'duxue1',
      request: () => ({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'intruder',
          displayName: '越权',
          role: 'office',
          officeId: 'o-county',
          password: 'Intrude2026',
        },
      }),
    },
  ],
  'GET /api/users/{id}': [{ as: 'admin2', request: () => ({ method: 'GET', url: '/api/users/u-admin' }) }],
  'PATCH /api/users/{id}': [
    {
      as: 'admin2',
      request: () => ({ method: 'PATCH', url: '/api/users/u-admin', payload: { displayName: 'x' } }),
    },
  ],
  'POST /api/users/{id}/password': [
    {
      as: 'admin2',
      request: () => ({
        method: 'POST',
        url: '/api/users/u-admin/password',
        payload: { password: 'Takeover2026' },
      }),
    },
  ],
  'POST /api/users/{id}/unlock': [
    { as: 'admin2', request: () => ({ method: 'POST', url: '/api/users/u-admin/unlock' }) },
  ],
  'GET /api/offices': [{ as: 'school01', request: () => ({ method: 'GET', url: '/api/offices' }) }],
  'POST /api/offices': [
    {
      as: 'admin2',
      request: () => ({ method: 'POST', url: '/api/offices', payload: { name: 'x', parentId: 'o-county' } }),
    },
  ],
  'GET /api/offices/{id}': [
    { as: 'admin2', request: () => ({ method: 'GET', url: '/api/offices/o-county' }) },
  ],
  'PATCH /api/offices/{id}': [
    {
      as: 'admin2',
      request: () => ({ method: 'PATCH', url: '/api/offices/o-county', payload: { name: 'x' } }),
    },
  ],
  'GET /api/offices/{id}/districts': [
    { as: 'admin2', request: () => ({ method: 'GET', url: '/api/offices/o-county/districts' }) },
  ],
  'POST /api/offices/{id}/districts': [
    {
      as: 'admin2',
      request: () => ({ method: 'POST', url: '/api/offices/o-county/districts', payload: { name: 'x' } }),
    },
  ],
  'PATCH /api/offices/{id}/districts/{districtId}': [
    {
      as: 'admin2',
      request: () => ({
        method: 'PATCH',
        url: '/api/offices/o-county/districts/d-1',
        payload: { name: 'x' },
      }),
    },
  ],
  'GET /api/schools': [
    { as: 'admin2', request: () => ({ method: 'GET', url: '/api/schools?officeId=o-county' }) },
  ],
  'POST /api/schools': [
    {
      as: 'admin2',
      request: () => ({
        method: 'POST',
        url: '/api/schools',
        payload: {
          id: 'x-1',
          name: 'x',
          type: 'primary',
          ownership: 'public',
          officeId: 'o-county',
          districtId: 'd-1',
        },
      }),
    },
  ],
  'GET /api/schools/{id}': [
    { as: 'admin2', request: () => ({ method: 'GET', url: '/api/schools/s-01' }) },
    { as: 'school02', request: () => ({ method: 'GET', url: '/api/schools/s-01' }) },
    { as: 'duxue3', request: () => ({ method: 'GET', url: '/api/schools/s-01' }) },
    { as: 'duxue1', request: () => ({ method: 'GET', url: '/api/schools/s-02' }) },
  ],
  'PATCH /api/schools/{id}': [
    { as: 'admin2', request: () => ({ method: 'PATCH', url: '/api/schools/s-01', payload: { name: 'x' } }) },
    {
      as: 'school01',
      request: () => ({ method: 'PATCH', url: '/api/schools/s-01', payload: { name: 'x' } }),
    },
  ],
  'GET /api/schools/{id}/history': [
    { as: 'admin2', request: () => ({ method: 'GET', url: '/api/schools/s-01/history' }) },
    { as: 'school02', request: () => ({ method: 'GET', url: '/api/schools/s-01/history' }) },
  ],
  'GET /api/conflicts': [
    { as: 'admin2', request: () => ({ method: 'GET', url: '/api/conflicts?schoolId=s-02' }) },
    { as: 'school02', request: () => ({ method: 'GET', url: '/api/conflicts' }) },
  ],
  'POST /api/conflicts': [
    {
      as: 'admin2',
      request: () => ({
        method: 'POST',
        url: '/api/conflicts',
        payload: { inspectorId: 'u-inspector-1', schoolId: 's-01', reason: 'x' },
      }),
    },
    {
      as: 'duxue21',
      request: () => ({ method: 'POST', url: '/api/conflicts', payload: { schoolId: 's-01', reason: 'x' } }),
    },
  ],
  'DELETE /api/conflicts/{inspectorId}/{schoolId}': [
    { as: 'admin2', request: () => ({ method: 'DELETE', url: '/api/conflicts/u-inspector-1/s-02' }) },
    { as: 'duxue1', request: () => ({ method: 'DELETE', url: '/api/conflicts/u-inspector-1/s-02' }) },
  ],
  'POST /api/imports/{kind}': [
    {
      as: 'admin2',
      request: () => ({
        method: 'POST',
        url: '/api/imports/assignments?officeId=o-county',
        ...multipart([{ name: 'a.csv', content: '学校标识码,责任督学账号\ns-01,duxue21', type: 'text/csv' }]),
      }),
    },
  ],
  'GET /api/imports/{id}': [
    { as: 'admin2', request: () => ({ method: 'GET', url: `/api/imports/${ids.importJob}` }) },
  ],
  'POST /api/programs/drafts': [
    {
      as: 'school01',
      request: () => ({
        method: 'POST',
        url: '/api/programs/drafts',
        payload: { manifest: {}, bpmn: 'x', forms: {} },
      }),
    },
  ],
  'GET /api/programs/drafts': [
    { as: 'duxue1', request: () => ({ method: 'GET', url: '/api/programs/drafts' }) },
  ],
  'POST /api/programs/drafts/upload': [
    {
      as: 'school01',
      request: () => ({
        method: 'POST',
        url: '/api/programs/drafts/upload',
        ...multipart([{ name: 'program.json', content: '{}', type: 'application/json' }]),
      }),
    },
  ],
  'GET /api/programs/drafts/{id}': [
    { as: 'school21', request: () => ({ method: 'GET', url: `/api/programs/drafts/${ids.draft}` }) },
    { as: 'admin2', request: () => ({ method: 'GET', url: `/api/programs/drafts/${ids.draft}` }) },
  ],
  'POST /api/programs/drafts/{id}/publish': [
    { as: 'duxue21', request: () => ({ method: 'POST', url: `/api/programs/drafts/${ids.draft}/publish` }) },
    { as: 'admin2', request: () => ({ method: 'POST', url: `/api/programs/drafts/${ids.draft}/publish` }) },
  ],
  'GET /api/programs/{key}/versions': [
    { as: 'school21', request: () => ({ method: 'GET', url: '/api/programs/kaixue/versions' }) },
    { as: 'admin2', request: () => ({ method: 'GET', url: '/api/programs/qingshan-kaixue/versions' }) },
  ],
  'GET /api/programs/{key}/versions/{version}': [
    { as: 'school21', request: () => ({ method: 'GET', url: '/api/programs/kaixue/versions/1' }) },
    { as: 'admin2', request: () => ({ method: 'GET', url: '/api/programs/qingshan-kaixue/versions/1' }) },
  ],
  'POST /api/programs/{key}/versions/{version}/retire': [
    { as: 'duxue1', request: () => ({ method: 'POST', url: '/api/programs/kaixue/versions/1/retire' }) },
    {
      as: 'admin2',
      request: () => ({ method: 'POST', url: '/api/programs/qingshan-kaixue/versions/1/retire' }),
    },
    // The platform's programs are versioned by the top office only.
    { as: 'admin', request: () => ({ method: 'POST', url: '/api/programs/kaixue/versions/1/retire' }) },
  ],
  'POST /api/programs/{key}/versions/{version}/activate': [
    { as: 'school01', request: () => ({ method: 'POST', url: '/api/programs/kaixue/versions/1/activate' }) },
    {
      as: 'admin2',
      request: () => ({ method: 'POST', url: '/api/programs/qingshan-kaixue/versions/1/activate' }),
    },
  ],
  'POST /api/programs/{key}/launch': [
    {
      as: 'school21',
      request: () => ({
        method: 'POST',
        url: '/api/programs/kaixue/launch',
        payload: { title: 'x', schoolIds: ['s-01'] },
      }),
    },
    {
      as: 'admin2',
      request: () => ({
        method: 'POST',
        url: '/api/programs/qingshan-kaixue/launch',
        payload: { title: 'x', schoolIds: ['s-21'] },
      }),
    },
  ],
  'GET /api/campaigns': [{ as: 'duxue1', request: () => ({ method: 'GET', url: '/api/campaigns' }) }],
  'POST /api/campaigns': [
    {
      as: 'admin2',
      request: () => ({
        method: 'POST',
        url: '/api/campaigns',
        payload: { programKey: 'kaixue', title: 'x', targets: { officeId: 'o-county' } },
      }),
    },
  ],
  'POST /api/campaigns/preview': [
    {
      as: 'admin2',
      request: () => ({
        method: 'POST',
        url: '/api/campaigns/preview',
        payload: { programKey: 'kaixue', title: 'x', targets: { officeId: 'o-county' } },
      }),
    },
  ],
  'GET /api/campaigns/{id}': [
    { as: 'admin2', request: () => ({ method: 'GET', url: `/api/campaigns/${ids.campaign}` }) },
  ],
  'GET /api/campaigns/{id}/progress': [
    { as: 'admin2', request: () => ({ method: 'GET', url: `/api/campaigns/${ids.campaign}/progress` }) },
  ],
  'GET /api/campaigns/{id}/overdue': [
    { as: 'admin2', request: () => ({ method: 'GET', url: `/api/campaigns/${ids.campaign}/overdue` }) },
  ],
  'GET /api/campaigns/{id}/not-submitted': [
    { as: 'admin2', request: () => ({ method: 'GET', url: `/api/campaigns/${ids.campaign}/not-submitted` }) },
  ],
  'POST /api/campaigns/{id}/remind': [
    {
      as: 'admin2',
      request: () => ({ method: 'POST', url: `/api/campaigns/${ids.campaign}/remind`, payload: {} }),
    },
  ],
  'POST /api/campaigns/{id}/cancel': [
    {
      as: 'admin2',
      request: () => ({
        method: 'POST',
        url: `/api/campaigns/${ids.campaign}/cancel`,
        payload: { reason: 'x' },
      }),
    },
  ],
  'GET /api/tasks': [],
  'GET /api/tasks/{id}': [
    { as: 'school01', request: () => ({ method: 'GET', url: `/api/tasks/${ids.task}` }) },
    { as: 'admin2', request: () => ({ method: 'GET', url: `/api/tasks/${ids.task}` }) },
  ],
  'PUT /api/tasks/{id}/draft': [
    {
      as: 'school01',
      request: () => ({ method: 'PUT', url: `/api/tasks/${ids.task}/draft`, payload: { data: {} } }),
    },
  ],
  'POST /api/tasks/{id}/complete': [
    {
      as: 'school21',
      request: () => ({ method: 'POST', url: `/api/tasks/${ids.task}/complete`, payload: { data: {} } }),
    },
  ],
  'POST /api/tasks/{id}/return': [
    {
      as: 'duxue2',
      request: () => ({ method: 'POST', url: `/api/tasks/${ids.task}/return`, payload: { comment: 'x' } }),
    },
  ],
  'POST /api/tasks/{id}/claim': [
    { as: 'school01', request: () => ({ method: 'POST', url: `/api/tasks/${ids.task}/claim` }) },
  ],
  'POST /api/tasks/{id}/unclaim': [
    { as: 'school01', request: () => ({ method: 'POST', url: `/api/tasks/${ids.task}/unclaim` }) },
  ],
  'POST /api/files': [
    {
      as: 'school21',
      request: () => ({
        method: 'POST',
        url: `/api/files?taskId=${encodeURIComponent(ids.task)}&component=evidence`,
        ...multipart([{ name: 'x.pdf', content: '%PDF', type: 'application/pdf' }]),
      }),
    },
  ],
  'GET /api/files/{id}': [
    { as: 'school02', request: () => ({ method: 'GET', url: `/api/files/${ids.file}` }) },
    { as: 'admin2', request: () => ({ method: 'GET', url: `/api/files/${ids.file}` }) },
    { as: 'duxue3', request: () => ({ method: 'GET', url: `/api/files/${ids.file}` }) },
  ],
  'GET /api/submissions/{id}': [
    { as: 'school02', request: () => ({ method: 'GET', url: `/api/submissions/${ids.submission}` }) },
    { as: 'admin2', request: () => ({ method: 'GET', url: `/api/submissions/${ids.submission}` }) },
  ],
  'GET /api/notifications': [],
  'GET /api/audit': [{ as: 'school01', request: () => ({ method: 'GET', url: '/api/audit' }) }],
  'GET /api/me': [],
};

/** Routes that only answer about the caller: what the outsider gets must name nothing of the demo county. */
const ownOnly: Record<string, InjectOptions> = {
  'GET /api/me': { method: 'GET', url: '/api/me' },
  'GET /api/tasks': { method: 'GET', url: '/api/tasks?limit=100' },
  'GET /api/notifications': { method: 'GET', url: '/api/notifications' },
  'GET /api/offices': { method: 'GET', url: '/api/offices' },
  'GET /api/schools': { method: 'GET', url: '/api/schools' },
  'GET /api/users': { method: 'GET', url: '/api/users' },
  'GET /api/campaigns': { method: 'GET', url: '/api/campaigns' },
  'GET /api/audit': { method: 'GET', url: '/api/audit?limit=200' },
  'GET /api/conflicts': { method: 'GET', url: '/api/conflicts?inspectorId=u-n-inspector' },
  'GET /api/programs': { method: 'GET', url: '/api/programs' },
};

/** Public and caller-independent routes, with why they have no outsider case. */
const noOutsider: Record<string, string> = {
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/password': 'changes only the caller’s own password',
};

async function documentedRoutes(): Promise<string[]> {
  const document = (await api.call(null, { method: 'GET', url: '/docs/json' })).json();
  return Object.entries(document.paths as Record<string, object>)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
}

test('every route has an outsider case, an own-only check or a stated reason for neither', async () => {
  for (const route of await documentedRoutes()) {
    const covered = (outside[route]?.length ?? 0) > 0 || route in ownOnly || route in noOutsider;
    expect({ route, covered }).toEqual({ route, covered: true });
  }
});

test('an outsider gets 403 or 404 on every route, learns nothing, and changes nothing', async () => {
  for (const username of [
    'admin2',
    'duxue1',
    'duxue2',
    'duxue3',
    'duxue21',
    'school01',
    'school02',
    'school21',
  ]) {
    await api.cookie(username);
  }
  const before = await api.changeCount();
  for (const [route, cases] of Object.entries(outside)) {
    for (const { as, request } of cases) {
      const response = await api.call(as, request());
      expect({ route, as, status: [403, 404].includes(response.statusCode) }).toEqual({
        route,
        as,
        status: true,
      });
      expectDenied(response, SECRETS);
    }
  }
  expect(await api.changeCount()).toBe(before);
});

test('routes about the caller tell an outsider nothing about the demo county', async () => {
  for (const [route, request] of Object.entries(ownOnly)) {
    for (const username of ['admin2', 'school21', 'duxue21']) {
      const response = await api.call(username, request);
      expect({ route, username, status: [200, 403].includes(response.statusCode) }).toEqual({
        route,
        username,
        status: true,
      });
      for (const secret of SECRETS)
        expect({ route, username, leaks: response.body.includes(secret) }).toEqual({
          route,
          username,
          leaks: false,
        });
    }
  }
});

test('without a session every route but login and logout is a 401', async () => {
  for (const route of await documentedRoutes()) {
    if (route === 'POST /api/auth/login' || route === 'POST /api/auth/logout') continue;
    const [method, template] = route.split(' ') as [InjectOptions['method'], string];
    const url = template
      .replace('{kind}', 'schools')
      .replace('{key}', 'kaixue')
      .replace('{version}', '1')
      .replace(/\{[^}]+\}/g, 'x1');
    const response = await api.call(null, {
      method,
      url,
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    });
    expect({ route, status: response.statusCode }).toEqual({ route, status: 401 });
  }
});
