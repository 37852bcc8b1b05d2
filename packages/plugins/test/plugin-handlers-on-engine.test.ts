// A third-party plugin (packages/plugin-example-sms, built to dist and loaded through its manifest) and
// a careless fixture plugin, run by the real runtime and scheduler on a real SQLite store.
import { loadPlugins } from '../src/index.js';
import { buildExamplePlugin, fixturePluginsDir, packagesDir } from './support/example-plugin.js';
import { type HttpReceiver, type Reply, startHttpReceiver } from './support/http-receiver.js';
import { serviceTaskBpmn } from './support/service-task-bpmn.js';
import { openTasks, startPlatform } from './support/test-platform.js';

const TIMEOUT_MS = 300;
let gateway: HttpReceiver;
let reply: (index: number) => Reply;

beforeAll(async () => {
  buildExamplePlugin();
  gateway = await startHttpReceiver((_, index) => reply(index));
  process.env.SMS_GATEWAY_URL = gateway.url;
  process.env.SMS_GATEWAY_TOKEN = 'test-token';
  process.env.SMS_TIMEOUT_MS = String(TIMEOUT_MS); // read by the plugin when it is loaded
});
afterAll(async () => {
  await gateway.close();
  for (const name of ['SMS_GATEWAY_URL', 'SMS_GATEWAY_TOKEN', 'SMS_TIMEOUT_MS']) delete process.env[name];
});
beforeEach(() => {
  gateway.requests.length = 0;
});

const accepted: Reply = { status: 201, json: { id: 'sms-1' } };
const busy: Reply = { status: 503, json: { error: 'busy' } };

/** A platform with the example plugin, at a service task that texts the school (`retries` attempts). */
async function atSmsJob(retries = 3) {
  const plugins = await loadPlugins(['./plugin-example-sms'], { baseDir: packagesDir });
  const bpmn = serviceTaskBpmn({
    type: 'example.sms-send',
    retries,
    inputs: { phone: '=params.phone', text: '="请于 5 日内整改：" + school.name' },
    catches: 'SMS_INVALID_NUMBER',
  });
  const platform = await startPlatform({ bpmn, plugins });
  const id = await platform.launch({ phone: '13800000000' });
  return { ...platform, id };
}

test('a plugin handler that completes moves the instance on with its output', async () => {
  reply = () => accepted;
  const p = await atSmsJob();
  const [job] = await p.jobs(p.id);
  expect((await p.scheduler.runDue()).outcomes.fired).toBe(1);

  const instance = await p.instance(p.id);
  expect(openTasks(instance)).toEqual(['after']);
  expect(JSON.stringify(instance.state)).toContain('"smsMessageId":"sms-1"');
  expect(job?.idempotencyKey).toMatch(/^c1:s1:/);
  expect(gateway.requests.map((request) => JSON.parse(request.body))).toEqual([
    { to: '13800000000', text: '请于 5 日内整改：测试小学', clientRef: job?.idempotencyKey },
  ]);
  await p.close();
});

test('a failed attempt is retried after the backoff and then succeeds, with the same idempotency key', async () => {
  reply = (index) => (index === 0 ? busy : accepted);
  const p = await atSmsJob();
  await p.scheduler.runDue();
  expect(await p.jobs(p.id)).toEqual([
    expect.objectContaining({ failures: 1, lastError: expect.stringContaining('503') }),
  ]);
  expect((await p.scheduler.runDue()).claimed).toBe(0); // not before the 10 s backoff

  p.clock.advance(10_000);
  await p.scheduler.runDue();
  expect(openTasks(await p.instance(p.id))).toEqual(['after']);
  const refs = gateway.requests.map((request) => JSON.parse(request.body).clientRef);
  expect(refs).toHaveLength(2);
  expect(new Set(refs).size).toBe(1);
  await p.close();
});

test('exhausted retries become an incident; an admin retry after the cause is fixed succeeds', async () => {
  reply = () => busy;
  const p = await atSmsJob(2);
  await p.scheduler.runDue();
  p.clock.advance(10_000);
  await p.scheduler.runDue();

  const stuck = await p.instance(p.id);
  expect(stuck.incidents).toEqual([
    expect.objectContaining({ elementId: 'job', error: expect.stringMatching(/重试 2 次.*503/) }),
  ]);
  expect(stuck.timers).toEqual([]);
  expect(openTasks(stuck)).toEqual([]);

  reply = () => accepted;
  const retried = await p.runtime.retryIncident(p.id, stuck.incidents[0]!.id);
  expect(retried.incidents).toEqual([]);
  await p.scheduler.runDue();
  expect(openTasks(await p.instance(p.id))).toEqual(['after']);
  expect(gateway.requests).toHaveLength(3);
  await p.close();
});

test('a BPMN error from the handler is caught by the error boundary event and never retried', async () => {
  reply = () => ({ status: 400, json: { error: 'invalid_number' } });
  const p = await atSmsJob();
  await p.scheduler.runDue();
  const instance = await p.instance(p.id);
  expect(openTasks(instance)).toEqual(['handleError']);
  expect(instance.incidents).toEqual([]);
  expect(instance.timers).toEqual([]);
  expect(gateway.requests).toHaveLength(1);
  await p.close();
});

test('an attempt the gateway never answers times out and counts as a failure to retry', async () => {
  reply = () => 'hang';
  const p = await atSmsJob();
  await p.scheduler.runDue();
  const [job] = await p.jobs(p.id);
  expect(job).toMatchObject({ failures: 1, lastError: expect.stringContaining(`${TIMEOUT_MS} ms`) });
  expect(job?.dueAt).toBe(new Date(p.clock.now().getTime() + 10_000).toISOString());
  await p.close();
});

test('an input that breaks the handler schema is an incident naming the field, and the handler is not run', async () => {
  reply = () => accepted;
  const plugins = await loadPlugins(['./plugin-example-sms'], { baseDir: packagesDir });
  const bpmn = serviceTaskBpmn({
    type: 'example.sms-send',
    inputs: { phone: '=params.phone', text: '="x"' },
  });
  const p = await startPlatform({ bpmn, plugins });
  const id = await p.launch({ phone: 13800000000 });
  await p.scheduler.runDue();
  expect((await p.instance(id)).incidents).toEqual([
    expect.objectContaining({ elementId: 'job', error: expect.stringContaining('/phone') }),
  ]);
  expect(gateway.requests).toEqual([]);
  await p.close();
});

test('an output that breaks the handler schema is an incident naming the field', async () => {
  const plugins = await loadPlugins(['./careless-echo'], { baseDir: fixturePluginsDir });
  const bpmn = serviceTaskBpmn({ type: 'careless.echo-length', inputs: { text: '=school.name' } });
  const p = await startPlatform({ bpmn, plugins });
  const id = await p.launch();
  await p.scheduler.runDue();
  const instance = await p.instance(id);
  expect(instance.incidents).toEqual([
    expect.objectContaining({ elementId: 'job', error: expect.stringContaining('/length') }),
  ]);
  expect(openTasks(instance)).toEqual([]);
  await p.close();
});
