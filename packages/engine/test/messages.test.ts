import type { Instance } from '@ddt/store';
import { isWorkflowError } from '../src/index.js';
import { DAY, harness } from './fixtures/harness.js';
import { school } from './fixtures/records.js';

const other = { ...school, id: 's2', name: '第二小学' };
const elementsOf = (instance: Instance | null) =>
  (instance?.tasks ?? []).map((task) => task.elementId).sort();

async function twoSchools() {
  const h = await harness('Messages.appeal.bpmn');
  await h.store.putSchool(other);
  const first = await h.launch();
  const second = await h.launch({ school: other });
  return { h, first, second };
}

test('a waiting instance records the messages it awaits with their evaluated correlation keys', async () => {
  const { h, first } = await twoSchools();
  const instance = await h.store.getInstance(first);
  expect(instance?.messages).toEqual([
    expect.objectContaining({ elementId: 'appealReceived', name: 'appeal', correlationKey: 's1' }),
  ]);
  expect(instance?.timers.map((timer) => timer.elementId)).toEqual(['windowClosed']);
});

test('a message reaches only the instance with its correlation key, through the event-based gateway', async () => {
  const { h, first, second } = await twoSchools();
  const correlated = await h.runtime.correlateMessage({
    name: 'appeal',
    correlationKey: 's1',
    variables: { appealReason: '评分有误' },
  });
  expect(correlated).toEqual([{ instanceId: first, elementId: 'appealReceived' }]);
  const appealed = await h.store.getInstance(first);
  expect(elementsOf(appealed)).toEqual(['review']);
  expect(appealed?.timers).toEqual([]); // the gateway's other branch, the 15-day window, is gone
  expect(JSON.stringify(appealed?.state)).toContain('评分有误');
  expect(elementsOf(await h.store.getInstance(second))).toEqual([]);
  expect((await h.store.getInstance(second))?.messages).toHaveLength(1);
});

test('when the window closes first the message no longer matches', async () => {
  const { h, first } = await twoSchools();
  h.clock.advance(15 * DAY);
  await h.scheduler.runDue();
  expect((await h.store.getInstance(first))?.status).toBe('completed');
  const error = await h.runtime
    .correlateMessage({ name: 'appeal', correlationKey: 's1' })
    .catch((e: unknown) => e);
  expect(isWorkflowError(error, 'WF_ERR_MESSAGE_UNMATCHED')).toBe(true);
});

test('an unknown message name or an unmatched key is a coded error and changes nothing', async () => {
  const { h, first } = await twoSchools();
  const before = await h.store.getInstance(first);
  for (const args of [
    { name: 'nosuch', correlationKey: 's1' },
    { name: 'appeal', correlationKey: 's9' },
    { name: 'appeal', correlationKey: null },
    { name: '', correlationKey: 's1' },
  ]) {
    const error = await h.runtime.correlateMessage(args).catch((e: unknown) => e);
    expect(isWorkflowError(error, 'WF_ERR_MESSAGE_UNMATCHED')).toBe(true);
  }
  expect(await h.store.getInstance(first)).toEqual(before);
});

test('a boundary message interrupts the task it is attached to', async () => {
  const { h, first } = await twoSchools();
  await h.runtime.correlateMessage({ name: 'appeal', correlationKey: 's1' });
  expect((await h.store.getInstance(first))?.messages.map((m) => m.name)).toEqual(['withdraw']);
  await h.runtime.correlateMessage({ name: 'withdraw', correlationKey: 's1' });
  const withdrawn = await h.store.getInstance(first);
  expect(withdrawn?.status).toBe('completed');
  expect(withdrawn?.tasks).toEqual([]);
});

test('a receive task waits for its message across a restart', async () => {
  const { h, first } = await twoSchools();
  await h.runtime.correlateMessage({ name: 'appeal', correlationKey: 's1' });
  const review = (await h.store.getInstance(first))!.tasks[0]!;
  await h.runtime.completeTask({ taskId: review.id, output: {}, submissionId: null, completedBy: null });
  expect((await h.store.getInstance(first))?.messages).toEqual([
    expect.objectContaining({ elementId: 'waitDocs', name: 'documents', correlationKey: 's1' }),
  ]);
  h.restart();
  await h.runtime.correlateMessage({ name: 'documents', correlationKey: 's1', variables: { files: 3 } });
  const checking = await h.store.getInstance(first);
  expect(elementsOf(checking)).toEqual(['check']);
  expect(checking?.messages).toEqual([]);
});
