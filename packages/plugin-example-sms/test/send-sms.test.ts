import { runHandler } from '@ddt/sdk/testing';
import sendSms from '../src/handlers/send-sms.js';
import { startFakeGateway } from './support/fake-gateway.js';

const variables = { phone: '13800000000', text: '请于 5 日内提交整改报告' };

async function withGateway(
  reply: Parameters<typeof startFakeGateway>[0],
  run: (gateway: Awaited<ReturnType<typeof startFakeGateway>>) => Promise<void>,
) {
  const gateway = await startFakeGateway(reply);
  process.env.SMS_GATEWAY_URL = gateway.url;
  process.env.SMS_GATEWAY_TOKEN = 'test-token';
  try {
    await run(gateway);
  } finally {
    await gateway.close();
    delete process.env.SMS_GATEWAY_URL;
    delete process.env.SMS_GATEWAY_TOKEN;
  }
}

test('a message the gateway accepts completes with its id; the idempotency key is the client reference', async () => {
  await withGateway(
    () => ({ status: 201, json: { id: 'sms-1' } }),
    async (gateway) => {
      const result = await runHandler(sendSms, { variables, idempotencyKey: 'c1:s1:notify_1' });
      expect(result).toMatchObject({ kind: 'complete', output: { smsMessageId: 'sms-1' } });
      expect(gateway.requests).toEqual([
        {
          path: '/messages',
          authorization: 'Bearer test-token',
          body: { to: '13800000000', text: variables.text, clientRef: 'c1:s1:notify_1' },
        },
      ]);
    },
  );
});

test('a number the gateway rejects is the business error SMS_INVALID_NUMBER', async () => {
  await withGateway(
    () => ({ status: 400, json: { error: 'invalid_number' } }),
    async () => {
      expect(await runHandler(sendSms, { variables })).toMatchObject({
        kind: 'bpmnError',
        code: 'SMS_INVALID_NUMBER',
      });
    },
  );
});

test('a gateway error fails the attempt so the platform retries it', async () => {
  await withGateway(
    () => ({ status: 503, json: { error: 'busy' } }),
    async () => {
      const result = await runHandler(sendSms, { variables });
      expect(result).toMatchObject({ kind: 'fail', error: expect.stringContaining('503'), timedOut: false });
      expect(result.logs).toEqual([
        expect.objectContaining({ level: 'warn', detail: { status: 503, attempt: 1 } }),
      ]);
    },
  );
});

test('a gateway that never answers is cut off by the timeout', async () => {
  await withGateway(
    () => 'hang',
    async () => {
      expect(await runHandler(sendSms, { variables, timeoutMs: 50 })).toMatchObject({
        kind: 'fail',
        timedOut: true,
      });
    },
  );
});

test('a phone number that is not a mainland mobile number never reaches the gateway', async () => {
  await withGateway(
    () => ({ status: 201, json: { id: 'never' } }),
    async (gateway) => {
      const result = await runHandler(sendSms, { variables: { phone: '010-1234', text: 'x' } });
      expect(result).toMatchObject({ kind: 'incident', field: '/phone', called: false });
      expect(gateway.requests).toEqual([]);
    },
  );
});

test('without gateway settings the attempt fails naming the missing variable', async () => {
  expect(await runHandler(sendSms, { variables })).toMatchObject({
    kind: 'fail',
    error: expect.stringContaining('SMS_GATEWAY_URL'),
  });
});
