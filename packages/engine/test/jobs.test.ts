import { defineTaskHandler, type TaskHandler } from '@ddt/sdk';
import { createSqliteStore } from '@ddt/store';
import { Type } from '@sinclair/typebox';
import {
  type AnyTaskHandler,
  HandlerRegistry,
  MAX_HANDLER_TIMEOUT_MS,
  TimerScheduler,
} from '../src/index.js';
import { harness, readFixture } from './fixtures/harness.js';
import { program } from './fixtures/records.js';

const Input = Type.Object({ phone: Type.String(), text: Type.String() });
const Output = Type.Object({ messageId: Type.String() });
type Behaviour = TaskHandler<typeof Input, typeof Output>['handler'];

interface Call {
  key: string;
  attempt: number;
  retriesLeft: number;
  variables: unknown;
}

function smsHandler(behaviour: Behaviour, timeoutMs?: number) {
  const calls: Call[] = [];
  const handler = defineTaskHandler({
    type: 'sms.notify',
    description: '短信通知（测试）',
    input: Input,
    output: Output,
    ...(timeoutMs !== undefined && { timeoutMs }),
    handler(job) {
      calls.push({
        key: job.idempotencyKey,
        attempt: job.attempt,
        retriesLeft: job.retriesLeft,
        variables: job.variables,
      });
      return behaviour(job);
    },
  });
  return { handler, calls };
}

/** Launches, submits the first form (with a phone number) and returns the instance waiting at the job. */
async function atJob(handlers: AnyTaskHandler[], phone: unknown = '13800000000') {
  const h = await harness('Jobs.notify.bpmn', { handlers });
  const id = await h.launch();
  const fill = (await h.store.getInstance(id))!.tasks[0]!;
  const waiting = await h.runtime.completeTask({
    taskId: fill.id,
    output: { phone },
    submissionId: null,
    completedBy: null,
  });
  return { h, id, waiting };
}
const elementsOf = (tasks: { elementId: string }[] | undefined) =>
  (tasks ?? []).map((task) => task.elementId);

test('completing the task before a job returns at once; the scheduler runs the handler with mapped inputs', async () => {
  const { handler, calls } = smsHandler((job) => job.complete({ messageId: 'm-1' }));
  const { h, id, waiting } = await atJob([handler]);
  expect(calls).toHaveLength(0);
  expect(waiting.tasks).toEqual([]);
  expect(waiting.timers).toEqual([
    expect.objectContaining({ elementId: 'sms', dueAt: h.clock.now().toISOString() }),
  ]);

  expect((await h.scheduler.runDue()).outcomes.fired).toBe(1);
  expect(calls).toEqual([
    {
      key: `${id}:${waiting.timers[0]!.executionId}`,
      attempt: 1,
      retriesLeft: 1,
      variables: { phone: '13800000000', text: '请于 5 日内整改：s1' },
    },
  ]);
  const after = await h.store.getInstance(id);
  expect(elementsOf(after?.tasks)).toEqual(['after']);
  expect(after?.timers).toEqual([]);
  expect(JSON.stringify(after?.state)).toContain('"smsId":"m-1"');
});

test('a failing handler is retried with backoff, then an incident holds it until an admin retries', async () => {
  let failing = true;
  const { handler, calls } = smsHandler((job) =>
    failing ? job.fail('短信网关 503') : job.complete({ messageId: 'm-2' }),
  );
  const { h, id } = await atJob([handler]);

  await h.scheduler.runDue();
  const retrying = await h.store.getInstance(id);
  expect(retrying?.timers[0]?.dueAt).toBe(new Date(h.clock.now().getTime() + 10_000).toISOString());
  expect(retrying?.incidents).toEqual([]);

  h.clock.advance(9_000);
  expect((await h.scheduler.runDue()).claimed).toBe(0);
  h.clock.advance(1_000);
  await h.scheduler.runDue();
  const stuck = await h.store.getInstance(id);
  expect(stuck?.timers).toEqual([]);
  expect(stuck?.incidents).toEqual([
    {
      id: expect.any(String),
      elementId: 'sms',
      error: expect.stringContaining('短信网关 503'),
      at: h.clock.now().toISOString(),
    },
  ]);
  expect(calls.map((call) => [call.attempt, call.retriesLeft])).toEqual([
    [1, 1],
    [2, 0],
  ]);

  failing = false;
  const retried = await h.runtime.retryIncident(id, stuck!.incidents[0]!.id);
  expect(retried.incidents).toEqual([]);
  await h.scheduler.runDue();
  expect(elementsOf((await h.store.getInstance(id))?.tasks)).toEqual(['after']);
  expect(new Set(calls.map((call) => call.key)).size).toBe(1);
});

test('a handler may ask for its next attempt later with retryIn', async () => {
  const { handler } = smsHandler((job) => job.fail('稍后再试', { retryIn: 3_600_000 }));
  const { h, id } = await atJob([handler]);
  await h.scheduler.runDue();
  expect((await h.store.getInstance(id))?.timers[0]?.dueAt).toBe(
    new Date(h.clock.now().getTime() + 3_600_000).toISOString(),
  );
});

test('a BPMN error with a caught code takes the error boundary; an uncaught code is an incident', async () => {
  const caught = smsHandler((job) => job.bpmnError('NO_PHONE', '学校没有登记电话'));
  const first = await atJob([caught.handler]);
  await first.h.scheduler.runDue();
  const rerouted = await first.h.store.getInstance(first.id);
  expect(elementsOf(rerouted?.tasks)).toEqual(['fixPhone']);
  expect(rerouted?.incidents).toEqual([]);

  const uncaught = smsHandler((job) => job.bpmnError('QUOTA', '额度用完'));
  const second = await atJob([uncaught.handler]);
  await second.h.scheduler.runDue();
  const stuck = await second.h.store.getInstance(second.id);
  expect(stuck?.incidents).toEqual([
    expect.objectContaining({ elementId: 'sms', error: expect.stringContaining('QUOTA') }),
  ]);
  expect(stuck?.status).toBe('running');
  expect(uncaught.calls).toHaveLength(1);
});

test('an attempt that outlives its timeout is aborted and counts as a failure', async () => {
  let aborted = false;
  const { handler } = smsHandler(
    (job) =>
      new Promise((resolve) => {
        job.signal.addEventListener('abort', () => {
          aborted = true;
          resolve(job.fail('aborted'));
        });
      }),
    30,
  );
  const { h, id } = await atJob([handler]);
  await h.scheduler.runDue();
  expect(aborted).toBe(true);
  const state = (await h.store.getInstance(id))?.state as {
    jobs: Record<string, { failures: number; lastError: string }>;
  };
  expect(Object.values(state.jobs)).toEqual([
    expect.objectContaining({ failures: 1, lastError: expect.stringContaining('30 ms') }),
  ]);
});

test('an input or output that does not fit the handler schema is an incident naming the field', async () => {
  const input = smsHandler((job) => job.complete({ messageId: 'm' }));
  const wrongInput = await atJob([input.handler], 13800000000);
  await wrongInput.h.scheduler.runDue();
  expect(input.calls).toHaveLength(0);
  expect((await wrongInput.h.store.getInstance(wrongInput.id))?.incidents[0]?.error).toContain('/phone');

  const output = smsHandler((job) => job.complete({ messageId: 42 } as never));
  const wrongOutput = await atJob([output.handler]);
  await wrongOutput.h.scheduler.runDue();
  const stuck = await wrongOutput.h.store.getInstance(wrongOutput.id);
  expect(stuck?.incidents[0]?.error).toContain('/messageId');
  expect(elementsOf(stuck?.tasks)).toEqual([]);
});

test('a job whose input mappings failed is entered again by an admin retry, after a migration fixed them', async () => {
  const { handler, calls } = smsHandler((job) => job.complete({ messageId: 'm-fixed' }));
  const h = await harness('Jobs.broken-input.bpmn', { handlers: [handler] });
  const id = await h.launch();
  const fill = (await h.store.getInstance(id))!.tasks[0]!;
  const stuck = await h.runtime.completeTask({
    taskId: fill.id,
    output: { phone: '13800000000' },
    submissionId: null,
    completedBy: null,
  });
  expect(stuck.incidents).toEqual([
    expect.objectContaining({ elementId: 'sms', error: expect.stringContaining('输入映射出错') }),
  ]);
  // Retried as it is, the mapping fails again: a new incident, and the handler never ran.
  const again = await h.runtime.retryIncident(id, stuck.incidents[0]!.id);
  expect(again.incidents).toEqual([expect.objectContaining({ elementId: 'sms' })]);
  expect(again.incidents[0]!.id).not.toBe(stuck.incidents[0]!.id);
  await h.scheduler.runDue();
  expect(calls).toHaveLength(0);

  const fixed = program(readFixture('Jobs.notify.bpmn'), 2);
  await h.store.createProgramVersion(fixed);
  expect((await h.runtime.migrateInstances({ from: h.version, to: fixed })).moved).toEqual([id]);
  const retried = await h.runtime.retryIncident(id, again.incidents[0]!.id);
  expect(retried.incidents).toEqual([]);
  expect((await h.scheduler.runDue()).outcomes.fired).toBe(1);
  expect(calls.map((call) => call.variables)).toEqual([
    { phone: '13800000000', text: '请于 5 日内整改：s1' },
  ]);
  expect(elementsOf((await h.store.getInstance(id))?.tasks)).toEqual(['after']);
});

test('a service task naming no registered handler gets an incident', async () => {
  const { h, id } = await atJob([]);
  await h.scheduler.runDue();
  expect((await h.store.getInstance(id))?.incidents).toEqual([
    expect.objectContaining({ elementId: 'sms', error: expect.stringContaining('sms.notify') }),
  ]);
});

test('a job whose server died mid-attempt runs again after its lease, with the same idempotency key', async () => {
  let release: (() => void) | null = null;
  const { handler, calls } = smsHandler(async (job) => {
    if (calls.length === 1) {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return job.fail('the first server is gone');
    }
    return job.complete({ messageId: 'm-3' });
  });
  const { h, id } = await atJob([handler]);
  const crashed = h.scheduler.runDue(); // its handler never answers: the "server" dies here
  await new Promise((resolve) => setImmediate(resolve));
  expect(calls).toHaveLength(1);

  h.restart();
  expect((await h.scheduler.runDue()).claimed).toBe(0); // the dead server's lease still holds
  h.clock.advance(11 * 60_000);
  await h.scheduler.runDue();
  expect(calls.map((call) => call.key)).toEqual([calls[0]!.key, calls[0]!.key]);
  expect(elementsOf((await h.store.getInstance(id))?.tasks)).toEqual(['after']);

  (release as (() => void) | null)?.();
  expect((await crashed).outcomes.stale).toBe(1); // the late answer of the dead attempt changes nothing
  expect(elementsOf((await h.store.getInstance(id))?.tasks)).toEqual(['after']);
});

test('a handler asking for more than five minutes, or a lease that would not outlast one, is refused at start', () => {
  const slow = smsHandler((job) => job.complete({ messageId: 'm' }), MAX_HANDLER_TIMEOUT_MS + 1).handler;
  expect(() => new HandlerRegistry([slow])).toThrow(/timeoutMs/);
  const longest = smsHandler((job) => job.complete({ messageId: 'm' }), MAX_HANDLER_TIMEOUT_MS).handler;
  expect(new HandlerRegistry([longest]).has('sms.notify')).toBe(true);
  const store = createSqliteStore({ path: ':memory:' });
  expect(
    () => new TimerScheduler({ store, runtime: null as never, leaseMs: MAX_HANDLER_TIMEOUT_MS }),
  ).toThrow(/leaseMs/);
});
