import { harness } from './fixtures/harness.js';
import { school } from './fixtures/records.js';

test('inspector-group tasks go to the inspector the launch assigned, not the school’s current 挂牌', async () => {
  // The school's 挂牌 inspector is u9; the launch stood in u-standin (as after a 回避 declaration).
  const h = await harness('fixtures/Assignment.inspector-group.bpmn');
  const instanceId = await h.launch({ school: { ...school, inspectorId: 'u-standin' } });
  const launched = await h.store.getInstance(instanceId);
  expect(launched?.inspectorId).toBe('u-standin');
  h.restart();
  const after = await h.runtime.completeTask({
    taskId: launched!.tasks[0]!.id,
    output: { needsReview: true },
    submissionId: null,
    completedBy: null,
  });
  expect(after.tasks).toEqual([
    expect.objectContaining({ elementId: 'review', audience: ['user:u-standin'] }),
  ]);
});
