import { isWorkflowError } from '../src/index.js';
import { DAY, harness, readFixture } from './fixtures/harness.js';
import { program, school } from './fixtures/records.js';

async function twoInstances() {
  const h = await harness('Migration.v1.bpmn');
  const v2 = program(readFixture('Migration.v2.bpmn'), 2);
  await h.store.createProgramVersion(v2);
  await h.store.putSchool({ ...school, id: 's2' });
  await h.store.putSchool({ ...school, id: 's3' });
  const atFill = await h.launch();
  const atReview = await h.launch({ school: { ...school, id: 's2' } });
  const finished = await h.launch({ school: { ...school, id: 's3' } });
  for (const id of [atReview, finished]) {
    const fill = (await h.store.getInstance(id))!.tasks[0]!;
    await h.runtime.completeTask({ taskId: fill.id, output: {}, submissionId: null, completedBy: null });
  }
  const review = (await h.store.getInstance(finished))!.tasks[0]!;
  await h.runtime.completeTask({ taskId: review.id, output: {}, submissionId: null, completedBy: null });
  return { h, v2, atFill, atReview, finished };
}

test('instances whose waiting elements exist in the target move; the others are reported with the reason', async () => {
  const { h, v2, atFill, atReview, finished } = await twoInstances();
  const report = await h.runtime.migrateInstances({ from: h.version, to: v2 });
  expect(report.moved).toEqual([atFill]);
  expect(report.notMoved).toEqual([
    expect.objectContaining({ instanceId: atReview, code: 'ELEMENT_MISSING', elementIds: ['review'] }),
  ]);
  expect(report.notMoved.map((problem) => problem.instanceId)).not.toContain(finished);

  const moved = await h.store.getInstance(atFill);
  expect(moved?.programVersion).toBe(2);
  expect(moved?.tasks).toEqual([
    expect.objectContaining({ elementId: 'fill', name: '学校填报（新版）', formId: 'fill-v2' }),
  ]);
  expect(moved?.timers.map((timer) => timer.dueAt)).toEqual([
    new Date(h.clock.now().getTime() + 10 * DAY).toISOString(),
  ]);
  expect((await h.store.getInstance(atReview))?.programVersion).toBe(1);

  h.restart();
  const next = await h.runtime.completeTask({
    taskId: moved!.tasks[0]!.id,
    output: {},
    submissionId: null,
    completedBy: null,
  });
  expect(next.tasks.map((task) => task.elementId)).toEqual(['visit']); // the v2 path
});

test('named instances that cannot move say why: unknown, other version, finished', async () => {
  const { h, v2, finished } = await twoInstances();
  const report = await h.runtime.migrateInstances({
    from: h.version,
    to: v2,
    instanceIds: ['c1:nobody', finished],
  });
  expect(report.moved).toEqual([]);
  expect(report.notMoved.map((problem) => [problem.instanceId, problem.code])).toEqual([
    ['c1:nobody', 'INSTANCE_NOT_FOUND'],
    [finished, 'INSTANCE_FINISHED'],
  ]);
  const back = await h.runtime.migrateInstances({ from: v2, to: h.version, instanceIds: ['c1:s1'] });
  expect(back.notMoved.map((problem) => problem.code)).toEqual(['OTHER_VERSION']);
});

test('a migration between two programs is refused', async () => {
  const { h, v2 } = await twoInstances();
  const error = await h.runtime
    .migrateInstances({ from: h.version, to: { ...v2, key: 'other', id: 'other@2' } })
    .catch((caught: unknown) => caught);
  expect(isWorkflowError(error, 'WF_ERR_MIGRATION')).toBe(true);
});
