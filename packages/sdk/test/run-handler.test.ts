import { Type } from '@sinclair/typebox';
import { defineTaskHandler, type Job, type JobAcknowledgement } from '../src/index.js';
import { runHandler } from '../src/testing/index.js';

const Input = Type.Object({ phone: Type.String({ pattern: '^1\\d{10}$' }), text: Type.String() });
const Output = Type.Object({ messageId: Type.String() });
type SmsJob = Job<{ phone: string; text: string }, { messageId: string }>;

function sms(
  behaviour: (job: SmsJob) => JobAcknowledgement | Promise<JobAcknowledgement>,
  timeoutMs?: number,
) {
  return defineTaskHandler({
    type: 'sms.send',
    description: '发送短信（测试）',
    input: Input,
    output: Output,
    ...(timeoutMs !== undefined && { timeoutMs }),
    handler: behaviour,
  });
}
const variables = { phone: '13800000000', text: '请于 5 日内整改' };

test('a completing handler returns its output and what it logged', async () => {
  const handler = sms((job) => {
    job.logger.info('已发送', { phone: job.variables.phone });
    return job.complete({ messageId: `m-${job.attempt}` });
  });
  expect(await runHandler(handler, { variables })).toEqual({
    kind: 'complete',
    output: { messageId: 'm-1' },
    called: true,
    logs: [{ level: 'info', message: '已发送', detail: { phone: '13800000000' } }],
  });
});

test('the fake job carries the ids, attempt and idempotency key the test gives', async () => {
  let seen: unknown;
  const handler = sms((job) => {
    seen = {
      ...job,
      logger: undefined,
      signal: undefined,
      complete: undefined,
      fail: undefined,
      bpmnError: undefined,
    };
    return job.complete({ messageId: 'm' });
  });
  await runHandler(handler, {
    variables,
    attempt: 3,
    retriesLeft: 0,
    idempotencyKey: 'c1:s1:sms_1',
    schoolId: null,
  });
  expect(seen).toMatchObject({
    type: 'sms.send',
    attempt: 3,
    retriesLeft: 0,
    idempotencyKey: 'c1:s1:sms_1',
    schoolId: null,
    variables,
  });
});

test('fail and bpmnError are reported as the platform records them', async () => {
  expect(
    await runHandler(
      sms((job) => job.fail('网关 503', { retryIn: 60_000 })),
      { variables },
    ),
  ).toMatchObject({
    kind: 'fail',
    error: '网关 503',
    retryIn: 60_000,
    timedOut: false,
  });
  expect(
    await runHandler(
      sms((job) => job.bpmnError('NO_PHONE')),
      { variables },
    ),
  ).toMatchObject({
    kind: 'bpmnError',
    code: 'NO_PHONE',
    message: 'NO_PHONE',
  });
});

test('a throw, or a return without acknowledgement, counts as a failure', async () => {
  const throwing = sms(() => {
    throw new Error('连接被拒绝');
  });
  expect(await runHandler(throwing, { variables })).toMatchObject({ kind: 'fail', error: '连接被拒绝' });
  const silent = sms(() => undefined as unknown as JobAcknowledgement);
  expect(await runHandler(silent, { variables })).toMatchObject({
    kind: 'fail',
    error: expect.stringContaining('complete'),
  });
});

test('the first acknowledgement wins', async () => {
  const twice = sms((job) => {
    job.bpmnError('FIRST');
    return job.complete({ messageId: 'm' });
  });
  expect(await runHandler(twice, { variables })).toMatchObject({ kind: 'bpmnError', code: 'FIRST' });
});

test('an attempt that outlives its timeout is aborted through job.signal and counts as a failure', async () => {
  let aborted = false;
  const slow = sms(
    (job) =>
      new Promise((resolve) => {
        job.signal.addEventListener('abort', () => {
          aborted = true;
          resolve(job.fail('aborted'));
        });
      }),
    20,
  );
  expect(await runHandler(slow, { variables })).toMatchObject({
    kind: 'fail',
    timedOut: true,
    error: expect.stringContaining('20 ms'),
  });
  expect(aborted).toBe(true);
});

test('an input that breaks the schema is an incident naming the field, and the handler is not called', async () => {
  let called = false;
  const handler = sms((job) => {
    called = true;
    return job.complete({ messageId: 'm' });
  });
  const result = await runHandler(handler, { variables: { phone: '110', text: 'x' } });
  expect(result).toMatchObject({ kind: 'incident', field: '/phone', called: false });
  expect(called).toBe(false);
});

test('an output that breaks the schema is an incident naming the field', async () => {
  const handler = sms((job) => job.complete({ messageId: 42 } as never));
  expect(await runHandler(handler, { variables })).toMatchObject({
    kind: 'incident',
    field: '/messageId',
    called: true,
  });
});
