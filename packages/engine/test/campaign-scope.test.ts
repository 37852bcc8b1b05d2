import { isWorkflowError } from '../src/index.js';
import { harness } from './fixtures/harness.js';
import { campaign } from './fixtures/records.js';

test('a school launch starts only the school-scope process', async () => {
  const h = await harness('Scope.campaign-and-school.bpmn');
  const id = await h.launch();
  const instance = await h.store.getInstance(id);
  expect(instance).toMatchObject({ scope: 'school', schoolId: 's1' });
  expect(instance?.tasks.map((task) => task.elementId)).toEqual(['fill']);
});

test('the campaign-scope process runs once per campaign, without a school', async () => {
  const h = await harness('Scope.campaign-and-school.bpmn');
  const args = { program: h.version, campaign, params: campaign.params };
  const { created, instance } = await h.runtime.startCampaignInstance(args);
  expect(created).toBe(true);
  expect(instance).toMatchObject({
    id: 'c1:campaign',
    scope: 'campaign',
    schoolId: null,
    districtId: null,
    schoolType: null,
    officePath: campaign.officePath,
  });
  expect(instance.tasks).toEqual([
    expect.objectContaining({
      elementId: 'summary',
      audience: ['office:o1'],
      dueAt: '2026-03-07T00:00:00.000Z',
    }),
  ]);
  const state = JSON.stringify(instance.state);
  expect(state).toContain('"campaign":{"id":"c1"');
  expect(state).not.toContain('"school":');
  expect((await h.runtime.startCampaignInstance(args)).created).toBe(false);
  const done = await h.runtime.completeTask({
    taskId: instance.tasks[0]!.id,
    output: {},
    submissionId: null,
    completedBy: 'u1',
  });
  expect(done.status).toBe('completed');
});

test('a program without a campaign-scope process refuses a campaign launch', async () => {
  const h = await harness('Timers.long-wait.bpmn');
  const error = await h.runtime
    .startCampaignInstance({ program: h.version, campaign, params: {} })
    .catch((caught: unknown) => caught);
  expect(isWorkflowError(error, 'WF_ERR_NO_PROCESS')).toBe(true);
  expect(await h.store.getInstance('c1:campaign')).toBeNull();
});
