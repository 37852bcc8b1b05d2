import { createHmac } from 'node:crypto';
import { runHandler } from '@ddt/sdk/testing';
import {
  createWebhookHandler,
  DELIVERY_HEADER,
  EVENT_HEADER,
  isPluginError,
  SIGNATURE_HEADER,
} from '../src/index.js';
import { type HttpReceiver, type Reply, startHttpReceiver } from './support/http-receiver.js';
import { serviceTaskBpmn } from './support/service-task-bpmn.js';
import { openTasks, startPlatform } from './support/test-platform.js';

const SECRET = 'province-exchange-secret-0001';
let receiver: HttpReceiver;
let reply: (index: number) => Reply;

beforeAll(async () => {
  receiver = await startHttpReceiver((_, index) => reply(index));
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.requests.length = 0;
});

const webhook = (timeoutMs?: number) =>
  createWebhookHandler({
    endpoints: { province: { url: `${receiver.url}/hooks/ddt`, secret: SECRET } },
    ...(timeoutMs !== undefined && { timeoutMs }),
  });
const variables = { endpoint: 'province', event: 'rectification.closed', payload: { school: '测试小学' } };

/** What a receiver does: recompute the HMAC over the raw body with the shared secret. */
const signatureOf = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

test('a 5xx is retried by the runtime; every attempt is signed and carries the same delivery id', async () => {
  reply = (index) => (index === 0 ? { status: 502 } : { status: 204 });
  const bpmn = serviceTaskBpmn({
    type: 'webhook.post',
    inputs: { endpoint: '="province"', event: '="rectification.closed"', payload: '={school: school.name}' },
  });
  const p = await startPlatform({
    bpmn,
    builtIns: () => [webhook()],
  });
  const id = await p.launch();
  const [job] = await p.jobs(id);
  await p.scheduler.runDue();
  expect(await p.jobs(id)).toEqual([
    expect.objectContaining({ failures: 1, lastError: expect.stringContaining('502') }),
  ]);
  p.clock.advance(10_000);
  await p.scheduler.runDue();

  const instance = await p.instance(id);
  expect(openTasks(instance)).toEqual(['after']);
  expect(JSON.stringify(instance.state)).toContain('"deliveryStatus":204');
  expect(receiver.requests).toHaveLength(2);
  for (const request of receiver.requests) {
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/ddt' });
    expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request.headers[SIGNATURE_HEADER]).toBe(signatureOf(request.body));
    expect(request.headers[DELIVERY_HEADER]).toBe(job?.idempotencyKey);
    expect(request.headers[EVENT_HEADER]).toBe('rectification.closed');
    expect(JSON.parse(request.body)).toEqual({
      deliveryId: job?.idempotencyKey,
      event: 'rectification.closed',
      instanceId: 'c1:s1',
      programKey: 'test',
      programVersion: 1,
      campaignId: 'c1',
      schoolId: 's1',
      elementId: 'job',
      payload: { school: '测试小学' },
    });
  }
  expect(receiver.requests[0]?.body).toBe(receiver.requests[1]?.body);
  await p.close();
});

test('an endpoint that does not answer in time fails the attempt through job.signal', async () => {
  reply = () => 'hang';
  expect(await runHandler(webhook(100), { variables })).toMatchObject({ kind: 'fail', timedOut: true });
});

test('429 with Retry-After asks for the next attempt that much later', async () => {
  reply = () => ({ status: 429, headers: { 'retry-after': '120' } });
  expect(await runHandler(webhook(), { variables })).toMatchObject({ kind: 'fail', retryIn: 120_000 });
});

test('a 4xx refusal is the business error WEBHOOK_REJECTED, not a retry', async () => {
  reply = () => ({ status: 422 });
  expect(await runHandler(webhook(), { variables })).toMatchObject({
    kind: 'bpmnError',
    code: 'WEBHOOK_REJECTED',
  });
});

test('an unreachable endpoint fails the attempt', async () => {
  const closed = createWebhookHandler({
    endpoints: { gone: { url: 'http://127.0.0.1:9/x', secret: SECRET } },
  });
  expect(await runHandler(closed, { variables: { ...variables, endpoint: 'gone' } })).toMatchObject({
    kind: 'fail',
    timedOut: false,
    error: expect.stringContaining('gone'),
  });
});

test('an endpoint that is not configured is an incident naming the field; nothing is sent', async () => {
  reply = () => ({ status: 200 });
  const result = await runHandler(webhook(), { variables: { ...variables, endpoint: 'elsewhere' } });
  expect(result).toMatchObject({ kind: 'incident', field: '/endpoint', called: false });
  expect(receiver.requests).toEqual([]);
});

test.each([
  ['a secret shorter than 16 characters', { province: { url: 'https://example.org/h', secret: 'short' } }],
  ['a URL that is not http(s)', { province: { url: 'ftp://example.org/h', secret: SECRET } }],
  ['an endpoint name with capitals', { Province: { url: 'https://example.org/h', secret: SECRET } }],
  ['an endpoint without a secret', { province: { url: 'https://example.org/h' } }],
])('the start is refused for %s, without printing the secret', (_, endpoints) => {
  let error: unknown;
  try {
    createWebhookHandler({ endpoints });
  } catch (caught) {
    error = caught;
  }
  expect(isPluginError(error, 'PLUGIN_ERR_CONFIG')).toBe(true);
  expect((error as Error).message).not.toContain('short');
  expect((error as Error).message).not.toContain(SECRET);
});
