import { TestPlatform } from '../support/platform.js';
import { validReview, validSelfCheck } from './kaixue-submissions.js';

/** 3 schools: two under 责任督学 duxue1, one under duxue3 (see the demo seed). */
const targets = [
  { schoolId: 's-01', login: 'school01', inspector: 'duxue1' },
  { schoolId: 's-02', login: 'school02', inspector: 'duxue1' },
  { schoolId: 's-11', login: 'school11', inspector: 'duxue3' },
];

async function walk(platform: TestPlatform, between: () => Promise<void>) {
  const admin = await platform.login('admin');
  const launch = await platform.request(admin, {
    method: 'POST',
    url: '/api/programs/kaixue/launch',
    payload: { title: '2026年春季开学工作专项督导', schoolIds: targets.map((target) => target.schoolId) },
  });
  expect(launch.statusCode).toBe(201);
  const { campaignId, launched } = launch.json();
  expect(launched).toBe(3);
  await between();

  for (const target of targets) {
    const school = await platform.login(target.login);
    const inbox = (await platform.request(school, { method: 'GET', url: '/api/tasks' })).json();
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ name: '学校开学工作自查', schoolId: target.schoolId, campaignId });
    const detail = (
      await platform.request(school, { method: 'GET', url: `/api/tasks/${inbox.items[0].id}` })
    ).json();
    expect(detail.form.title).toContain('自查表');
    await between();
    const done = await platform.request(await platform.login(target.login), {
      method: 'POST',
      url: `/api/tasks/${inbox.items[0].id}/complete`,
      payload: { data: validSelfCheck() },
    });
    expect(done.statusCode).toBe(200);
    await between();
  }

  const reviewsBy = async (login: string) =>
    (await platform.request(await platform.login(login), { method: 'GET', url: '/api/tasks' })).json().items;
  expect((await reviewsBy('duxue1')).map((task: { schoolId: string }) => task.schoolId).sort()).toEqual([
    's-01',
    's-02',
  ]);
  expect((await reviewsBy('duxue3')).map((task: { schoolId: string }) => task.schoolId)).toEqual(['s-11']);
  expect(await reviewsBy('duxue2')).toEqual([]);
  expect(await reviewsBy('duxue4')).toEqual([]);
  for (const target of targets) expect(await reviewsBy(target.login)).toEqual([]);

  for (const login of ['duxue1', 'duxue3']) {
    for (const task of await reviewsBy(login)) {
      expect(task.name).toBe('责任督学审核自查报告');
      await between();
      const done = await platform.request(await platform.login(login), {
        method: 'POST',
        url: `/api/tasks/${task.id}/complete`,
        payload: { data: validReview() },
      });
      expect(done.json()).toMatchObject({ instanceStatus: 'completed' });
    }
  }
  await between();

  const campaign = await platform.request(await platform.login('admin'), {
    method: 'GET',
    url: `/api/campaigns/${campaignId}`,
  });
  expect(campaign.json().progress).toEqual({ total: 3, running: 0, completed: 3, failed: 0, cancelled: 0 });
}

describe('开学督导 walked end to end through the HTTP API', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await TestPlatform.start();
  });
  afterEach(async () => {
    await platform.stop();
  });

  test('launch to 3 schools, each school completes its self-check, the right 责任督学 review, the campaign is 3/3 done', async () => {
    await walk(platform, async () => {});
  });

  test('the same walk survives a server restart between every step', async () => {
    await walk(platform, () => platform.restart());
  });
});
