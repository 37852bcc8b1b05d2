import { TestPlatform } from '../support/platform.js';
import {
  passingCountyReview,
  passingOnsiteCheck,
  uploadEvidence,
  validSelfCheck,
} from './kaixue-submissions.js';

/** 3 schools: two under 责任督学 duxue1, one under duxue3 (see the demo seed). */
const targets = [
  { schoolId: 's-01', login: 'school01', inspector: 'duxue1' },
  { schoolId: 's-02', login: 'school02', inspector: 'duxue1' },
  { schoolId: 's-11', login: 'school11', inspector: 'duxue3' },
];

interface Task {
  id: string;
  name: string;
  schoolId: string;
  campaignId: string;
}

/**
 * 开学督导 from launch to completion: each school's 自查 with its report → the county reviews and passes
 * it → the random sample (at least `sampleMinimum` = 5 schools, so all 3) sends each school to 实地督查 by
 * its own 责任督学 → they pass it → the campaign is 3/3 done. `between` runs between every step.
 */
async function walk(platform: TestPlatform, between: () => Promise<void>) {
  const inbox = async (login: string): Promise<Task[]> =>
    (await platform.request(await platform.login(login), { method: 'GET', url: '/api/tasks' })).json().items;
  const complete = async (login: string, taskId: string, data: Record<string, unknown>) =>
    platform.request(await platform.login(login), {
      method: 'POST',
      url: `/api/tasks/${taskId}/complete`,
      payload: { data },
    });

  const launch = await platform.request(await platform.login('admin'), {
    method: 'POST',
    url: '/api/programs/kaixue/launch',
    payload: { title: '2026年春季开学工作专项督导', schoolIds: targets.map((target) => target.schoolId) },
  });
  expect(launch.statusCode).toBe(201);
  const { campaignId, launched } = launch.json();
  expect(launched).toBe(3);
  await between();

  for (const target of targets) {
    const tasks = await inbox(target.login);
    expect(tasks).toEqual([
      expect.objectContaining({ name: '学校开学工作自查', schoolId: target.schoolId, campaignId }),
    ]);
    const school = await platform.login(target.login);
    const detail = (
      await platform.request(school, { method: 'GET', url: `/api/tasks/${tasks[0]!.id}` })
    ).json();
    expect(detail.form.title).toContain('自查');
    const report = await uploadEvidence(platform, school, tasks[0]!.id, 'selfCheckReport', 'pdf');
    const photo = await uploadEvidence(platform, school, tasks[0]!.id, 'dangerousBuildingsEvidence', 'png');
    await between();
    const done = await complete(target.login, tasks[0]!.id, validSelfCheck(report, photo));
    expect({ status: done.statusCode, body: done.statusCode === 200 ? null : done.json() }).toEqual({
      status: 200,
      body: null,
    });
    await between();
  }

  const reviews = (await inbox('admin')).filter((task) => task.campaignId === campaignId);
  expect(reviews.map((task) => task.schoolId).sort()).toEqual(['s-01', 's-02', 's-11']);
  for (const review of reviews) {
    expect(review.name).toBe('县级审核自查材料');
    expect((await complete('admin', review.id, passingCountyReview())).statusCode).toBe(200);
    await between();
  }
  // The sample is drawn by a service task: the scheduler runs the due jobs.
  await platform.services.scheduler.runDue();
  await between();

  const onsiteFor = async (login: string) =>
    (await inbox(login)).filter((task) => task.campaignId === campaignId);
  expect((await onsiteFor('duxue1')).map((task) => task.schoolId).sort()).toEqual(['s-01', 's-02']);
  expect((await onsiteFor('duxue3')).map((task) => task.schoolId)).toEqual(['s-11']);
  expect(await onsiteFor('duxue2')).toEqual([]);
  expect(await onsiteFor('duxue4')).toEqual([]);
  for (const target of targets) expect(await inbox(target.login)).toEqual([]);

  for (const login of ['duxue1', 'duxue3']) {
    for (const task of await onsiteFor(login)) {
      expect(task.name).toBe('实地督查');
      const photo = await uploadEvidence(
        platform,
        await platform.login(login),
        task.id,
        'onsitePhotos',
        'png',
      );
      await between();
      const done = await complete(login, task.id, passingOnsiteCheck(photo));
      expect(done.json()).toMatchObject({ instanceStatus: 'completed' });
      await between();
    }
  }

  const campaign = await platform.request(await platform.login('admin'), {
    method: 'GET',
    url: `/api/campaigns/${campaignId}`,
  });
  expect(campaign.json().progress).toMatchObject({
    total: 3,
    running: 0,
    completed: 3,
    failed: 0,
    cancelled: 0,
  });
}

describe('开学督导 walked end to end through the HTTP API', () => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await TestPlatform.start();
  });
  afterEach(async () => {
    await platform.stop();
  });

  test('self-check by 3 schools, county review, 实地督查 by the right 责任督学, and the campaign is 3/3 done', async () => {
    await walk(platform, async () => {});
  });

  test('the same walk survives a server restart between every step', async () => {
    await walk(platform, () => platform.restart());
  });
});
