import { readFileSync } from 'node:fs';
import { createSqliteStore } from '@ddt/store';
import { isWorkflowError, WorkflowRuntime } from '../src/index.js';
import { campaign, program, school, seedRecords } from './fixtures/records.js';

const twoStep = readFileSync(new URL('./fixtures/two-step.bpmn', import.meta.url), 'utf8');
const now = new Date('2026-03-01T08:00:00.000Z');

async function setup() {
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  const version = program(twoStep);
  await seedRecords(store, version);
  const runtime = new WorkflowRuntime({ store, now: () => now });
  const { instance } = await runtime.startInstance({
    instanceId: 'c1:s1',
    program: version,
    campaign,
    school,
    params: campaign.params,
  });
  return { store, runtime, instance };
}

test('a started instance waits at its first user task, persisted with its form, audience and due date', async () => {
  const { store, instance } = await setup();
  expect(instance.status).toBe('running');
  expect(instance.tasks).toHaveLength(1);
  const [task] = instance.tasks;
  expect(task).toMatchObject({
    elementId: 'fill',
    name: '学校填报',
    formId: 'fill-form',
    audience: ['school:s1'],
  });
  expect(task!.dueAt).toBe('2026-03-06T08:00:00.000Z'); // now() of the injected clock + params.period (P5D)
  const stored = await store.getInstance('c1:s1');
  expect(JSON.stringify(stored?.state)).not.toContain('"source"');
  expect((await store.findTasks({ audience: ['school:s1'], limit: 10 })).items.map((t) => t.id)).toEqual([
    task!.id,
  ]);
});

test('completing a task routes on the submitted data and keeps it for later steps', async () => {
  const { store, runtime, instance } = await setup();
  const after = await runtime.completeTask({
    taskId: instance.tasks[0]!.id,
    output: { needsReview: true, note: '自查完成' },
    submissionId: 'sub-1',
    completedBy: 'u-school',
  });
  expect(after.version).toBe(2);
  expect(after.tasks).toEqual([expect.objectContaining({ elementId: 'review', audience: ['user:u9'] })]);
  expect(after.history).toEqual([expect.objectContaining({ elementId: 'fill', submissionId: 'sub-1' })]);
  const done = await runtime.completeTask({
    taskId: after.tasks[0]!.id,
    output: {},
    submissionId: null,
    completedBy: 'u9',
  });
  expect(done.status).toBe('completed');
  expect(done.tasks).toEqual([]);
  expect(JSON.stringify(done.state)).toContain('自查完成');
  expect((await store.getInstance('c1:s1'))?.status).toBe('completed');
});

test('a restarted runtime completes a task of an instance launched before the restart', async () => {
  const { store, instance } = await setup();
  const restarted = new WorkflowRuntime({ store, now: () => now });
  const after = await restarted.completeTask({
    taskId: instance.tasks[0]!.id,
    output: { needsReview: true, note: '重启后提交' },
    submissionId: 'sub-r',
    completedBy: 'u-school',
  });
  expect(after.tasks.map((task) => task.elementId)).toEqual(['review']);
  const stored = await store.getInstance('c1:s1');
  expect(stored?.version).toBe(2);
  expect(JSON.stringify(stored?.state)).toContain('重启后提交');
});

test('an unknown task id is refused with a coded error', async () => {
  const { runtime } = await setup();
  const error = await runtime
    .completeTask({ taskId: 'c1:s1:nope_1', output: {}, submissionId: null, completedBy: null })
    .catch((caught: unknown) => caught);
  expect(isWorkflowError(error, 'WF_ERR_TASK_CLOSED')).toBe(true);
  const missing = await runtime
    .completeTask({ taskId: 'nobody:nothing', output: {}, submissionId: null, completedBy: null })
    .catch((caught: unknown) => caught);
  expect(isWorkflowError(missing, 'WF_ERR_TASK_NOT_FOUND')).toBe(true);
});

test('the default flow ends the instance when the condition is false', async () => {
  const { runtime, instance } = await setup();
  const after = await runtime.completeTask({
    taskId: instance.tasks[0]!.id,
    output: { needsReview: false },
    submissionId: null,
    completedBy: null,
  });
  expect(after.status).toBe('completed');
});

test('a task completed twice is refused the second time and nothing changes', async () => {
  const { store, runtime, instance } = await setup();
  const taskId = instance.tasks[0]!.id;
  await runtime.completeTask({
    taskId,
    output: { needsReview: true },
    submissionId: null,
    completedBy: null,
  });
  const before = await store.getInstance('c1:s1');
  const error = await runtime
    .completeTask({ taskId, output: { needsReview: false }, submissionId: null, completedBy: null })
    .catch((caught: unknown) => caught);
  expect(isWorkflowError(error, 'WF_ERR_TASK_CLOSED')).toBe(true);
  expect(await store.getInstance('c1:s1')).toEqual(before);
});

test('of two concurrent completions of one task exactly one wins', async () => {
  const { store, runtime, instance } = await setup();
  const taskId = instance.tasks[0]!.id;
  const results = await Promise.allSettled([
    runtime.completeTask({ taskId, output: { needsReview: true }, submissionId: 'a', completedBy: null }),
    runtime.completeTask({ taskId, output: { needsReview: false }, submissionId: 'b', completedBy: null }),
  ]);
  const fulfilled = results.filter((result) => result.status === 'fulfilled');
  const rejected = results.filter((result) => result.status === 'rejected');
  expect(fulfilled).toHaveLength(1);
  expect(rejected).toHaveLength(1);
  expect(isWorkflowError((rejected[0] as PromiseRejectedResult).reason, 'WF_ERR_CONFLICT')).toBe(true);
  const stored = await store.getInstance('c1:s1');
  expect(stored?.version).toBe(2);
  expect(stored?.history).toHaveLength(1);
});

test('completions of many instances at once share commits, and each is written', async () => {
  const { store, runtime } = await setup();
  const version = program(twoStep);
  const schools = Array.from({ length: 24 }, (_, n) => ({ ...school, id: `s-many-${n}` }));
  for (const each of schools) await store.putSchool(each);
  const started = await Promise.all(
    schools.map((each) =>
      runtime.startInstance({
        instanceId: `c1:${each.id}`,
        program: version,
        campaign,
        school: each,
        params: campaign.params,
      }),
    ),
  );
  const before = store.writeStats();
  const completed = await Promise.all(
    started.map(({ instance }) =>
      runtime.completeTask({
        taskId: instance.tasks[0]!.id,
        output: { needsReview: true },
        submissionId: null,
        completedBy: null,
      }),
    ),
  );
  const after = store.writeStats();
  expect(after.writes - before.writes).toBe(schools.length);
  expect(after.commits - before.commits).toBeLessThan(schools.length / 4);
  for (const [n, each] of schools.entries()) {
    expect(completed[n]!.tasks.map((task) => task.elementId)).toEqual(['review']);
    const stored = await store.getInstance(`c1:${each.id}`);
    expect(stored?.version).toBe(2);
    expect(stored?.tasks[0]?.audience).toEqual(['user:u9']);
  }
});
