import type { Instance, School } from '@ddt/store';
import { DAY, harness } from './fixtures/harness.js';
import { school } from './fixtures/records.js';

const schools: School[] = [
  school,
  { ...school, id: 's2', name: '第二小学', inspectorId: 'u8' },
  { ...school, id: 's3', name: '第三幼儿园', type: 'kindergarten' },
  { ...school, id: 's4', name: '第四幼儿园', type: 'kindergarten', inspectorId: 'u8' },
];

/** What an instance looks like to users and to later steps, without the engine's random execution ids. */
function meaning(instance: Instance | null) {
  const state = instance?.state as {
    runs: {
      engine: { execution: { processes: { environment: { variables: Record<string, unknown> } }[] } };
    }[];
    lastEnded: unknown;
  };
  const variables = state.runs.map((run) => {
    const { fields, content, properties, ...user } = run.engine.execution.processes[0]!.environment.variables;
    return user;
  });
  return {
    status: instance?.status,
    tasks: instance?.tasks.map(({ id, executionId, ...task }) => task),
    timers: instance?.timers.map(({ id, executionId, ...timer }) => timer),
    history: instance?.history?.map(({ taskId, ...entry }) => entry),
    variables,
    lastEnded: state.lastEnded,
  };
}

async function both(fixture: string) {
  const withTemplates = await harness(fixture);
  const engineOnly = await harness(fixture);
  engineOnly.runtime = new (
    engineOnly.runtime.constructor as typeof import('../src/index.js').WorkflowRuntime
  )({
    store: engineOnly.store,
    now: engineOnly.clock.now,
    launchTemplates: false,
  });
  for (const h of [withTemplates, engineOnly]) for (const target of schools) await h.store.putSchool(target);
  return { withTemplates, engineOnly };
}

async function completeFirst(
  h: Awaited<ReturnType<typeof harness>>,
  id: string,
  output: Record<string, unknown>,
) {
  const task = (await h.store.getInstance(id))!.tasks[0]!;
  await h.runtime.completeTask({ taskId: task.id, output, submissionId: `sub-${id}`, completedBy: 'u1' });
}

test('launches and completions from templates mean exactly what the engine would have done', async () => {
  const { withTemplates, engineOnly } = await both('fixtures/two-step.bpmn');
  for (const h of [withTemplates, engineOnly]) {
    for (const target of schools) await h.launch({ school: target });
    await completeFirst(h, 'c1:s1', { needsReview: true, note: '甲' });
    await completeFirst(h, 'c1:s2', { needsReview: false });
    await completeFirst(h, 'c1:s3', { needsReview: true, note: '丙' });
    await completeFirst(h, 'c1:s4', { needsReview: true, note: '丁' }); // the third sighting: from a step template
    await completeFirst(h, 'c1:s3', { verdict: '通过' });
  }
  for (const target of schools) {
    const id = `c1:${target.id}`;
    expect(meaning(await withTemplates.store.getInstance(id))).toEqual(
      meaning(await engineOnly.store.getInstance(id)),
    );
  }
  const reviewed = await withTemplates.store.getInstance('c1:s1');
  expect(reviewed?.tasks.map((task) => [task.elementId, task.audience])).toEqual([['review', ['user:u9']]]);
  expect((await withTemplates.store.getInstance('c1:s2'))?.status).toBe('completed');
  // A completion from a step template repeats the recorded run's execution ids; the engine's do not.
  const reviewOf = async (h: typeof withTemplates, id: string) =>
    (await h.store.getInstance(id))!.tasks[0]!.executionId;
  const reviewedIn = async (h: typeof withTemplates, id: string) =>
    (await h.store.getInstance(id))!.history![1]!.taskId.slice(`${id}:`.length);
  expect(await reviewOf(withTemplates, 'c1:s4')).toBe(await reviewedIn(withTemplates, 'c1:s3'));
  expect(await reviewOf(engineOnly, 'c1:s4')).not.toBe(await reviewedIn(engineOnly, 'c1:s3'));
  // Instances made from one template share its execution ids; engine-made ones do not.
  const firstTaskExecution = async (h: typeof withTemplates, target: School) => {
    await h.launch({ school: { ...target, id: `${target.id}-again` } });
    return (await h.store.getInstance(`c1:${target.id}-again`))!.tasks[0]!.executionId;
  };
  for (const target of schools)
    for (const h of [withTemplates, engineOnly])
      await h.store.putSchool({ ...target, id: `${target.id}-again` });
  const [a, b] = [
    await firstTaskExecution(withTemplates, schools[0]!),
    await firstTaskExecution(withTemplates, schools[1]!),
  ];
  const [c, d] = [
    await firstTaskExecution(engineOnly, schools[0]!),
    await firstTaskExecution(engineOnly, schools[1]!),
  ];
  expect(a).toBe(b);
  expect(c).not.toBe(d);
});

test('a condition on the launch path gets one template per outcome', async () => {
  const { withTemplates, engineOnly } = await both('Templates.by-school-type.bpmn');
  for (const h of [withTemplates, engineOnly])
    for (const target of schools) await h.launch({ school: target });
  for (const target of schools) {
    const id = `c1:${target.id}`;
    const templated = await withTemplates.store.getInstance(id);
    expect(templated?.tasks.map((task) => task.elementId)).toEqual([
      target.type === 'kindergarten' ? 'kindergartenCheck' : 'schoolCheck',
    ]);
    expect(meaning(templated)).toEqual(meaning(await engineOnly.store.getInstance(id)));
  }
});

test('a launch that starts a timer always runs the engine: each instance gets its own due time', async () => {
  const h = await harness('Timers.deadline.bpmn');
  for (const target of schools) await h.store.putSchool(target);
  await h.launch({ school: schools[0] });
  h.clock.advance(0.25 * DAY);
  await h.launch({ school: schools[1] });
  const first = await h.store.getInstance('c1:s1');
  const second = await h.store.getInstance('c1:s2');
  const remindOf = (instance: Instance | null) =>
    instance?.timers.find((timer) => timer.elementId === 'remind')?.dueAt;
  expect(Date.parse(remindOf(second)!) - Date.parse(remindOf(first)!)).toBe(0.25 * DAY);
});
