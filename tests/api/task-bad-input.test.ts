import { TestPlatform } from '../support/platform.js';
import { type FileRef, uploadEvidence, validSelfCheck } from './kaixue-submissions.js';

let platform: TestPlatform;
let taskId: string;
let otherSchoolTaskId: string;
let valid: () => Record<string, unknown>;

beforeAll(async () => {
  platform = await TestPlatform.start();
  const admin = await platform.login('admin');
  await platform.request(admin, {
    method: 'POST',
    url: '/api/programs/kaixue/launch',
    payload: { title: '开学督导', schoolIds: ['s-01', 's-02'] },
  });
  taskId = (
    await platform.request(await platform.login('school01'), { method: 'GET', url: '/api/tasks' })
  ).json().items[0].id;
  otherSchoolTaskId = (
    await platform.request(await platform.login('school02'), { method: 'GET', url: '/api/tasks' })
  ).json().items[0].id;
  const school01 = await platform.login('school01');
  const report: FileRef = await uploadEvidence(platform, school01, taskId, 'selfCheckReport', 'pdf');
  const photo: FileRef = await uploadEvidence(
    platform,
    school01,
    taskId,
    'dangerousBuildingsEvidence',
    'png',
  );
  valid = () => validSelfCheck(report, photo);
});
afterAll(() => platform.stop());

async function snapshot() {
  const instance = await platform.services.store.getInstance(taskId.slice(0, taskId.lastIndexOf(':')));
  return { version: instance?.version, tasks: instance?.tasks, history: instance?.history };
}

test('a submission missing a required field is a 400 naming the field, and nothing changes', async () => {
  const before = await snapshot();
  const data = valid();
  delete data.selfCheckSummary;
  const response = await platform.request(await platform.login('school01'), {
    method: 'POST',
    url: `/api/tasks/${taskId}/complete`,
    payload: { data },
  });
  expect(response.statusCode).toBe(400);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json().code).toBe('FORM_ERR_INVALID');
  expect(response.json().errors).toEqual([
    expect.objectContaining({ path: 'selfCheckSummary', rule: 'required' }),
  ]);
  expect(await snapshot()).toEqual(before);
});

test('an unknown task is a 404', async () => {
  const response = await platform.request(await platform.login('school01'), {
    method: 'POST',
    url: '/api/tasks/no-such-task/complete',
    payload: { data: valid() },
  });
  expect(response.statusCode).toBe(404);
  expect(response.json().code).toBe('WF_ERR_TASK_NOT_FOUND');
});

test("another school's task is a 404 that says nothing about it, for reading and for completing", async () => {
  const school01 = await platform.login('school01');
  const read = await platform.request(school01, { method: 'GET', url: `/api/tasks/${otherSchoolTaskId}` });
  const complete = await platform.request(school01, {
    method: 'POST',
    url: `/api/tasks/${otherSchoolTaskId}/complete`,
    payload: { data: valid() },
  });
  for (const response of [read, complete]) {
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('WF_ERR_TASK_NOT_FOUND');
    expect(Object.keys(response.json()).sort()).toEqual([
      'code',
      'detail',
      'instance',
      'status',
      'title',
      'type',
    ]);
    expect(response.body).not.toContain('城关第一小学');
  }
});

test('a request without a session is a 401', async () => {
  const response = await platform.request(null, { method: 'GET', url: '/api/tasks' });
  expect(response.statusCode).toBe(401);
  expect(response.json().code).toBe('AUTH_ERR_UNAUTHENTICATED');
});

test('a body of the wrong shape is a 400 and changes nothing', async () => {
  const before = await snapshot();
  const response = await platform.request(await platform.login('school01'), {
    method: 'POST',
    url: `/api/tasks/${taskId}/complete`,
    payload: { data: 'not an object', extra: 1 },
  });
  expect(response.statusCode).toBe(400);
  expect(response.json().code).toBe('REQ_ERR_VALIDATION');
  expect(await snapshot()).toEqual(before);
});

test('a school cannot launch a campaign', async () => {
  const response = await platform.request(await platform.login('school01'), {
    method: 'POST',
    url: '/api/programs/kaixue/launch',
    payload: { title: '越权下发', schoolIds: ['s-01'] },
  });
  expect(response.statusCode).toBe(403);
  expect(response.json().code).toBe('AUTH_ERR_FORBIDDEN');
});

test('completing a task twice is a 409 the second time', async () => {
  const school01 = await platform.login('school01');
  const first = await platform.request(school01, {
    method: 'POST',
    url: `/api/tasks/${taskId}/complete`,
    payload: { data: valid() },
  });
  expect(first.statusCode).toBe(200);
  const before = await snapshot();
  const second = await platform.request(school01, {
    method: 'POST',
    url: `/api/tasks/${taskId}/complete`,
    payload: { data: valid() },
  });
  expect(second.statusCode).toBe(409);
  expect(second.json().code).toBe('WF_ERR_TASK_CLOSED');
  expect(await snapshot()).toEqual(before);
});
