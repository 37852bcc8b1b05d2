import { defineTaskHandler } from '@ddt/sdk';
import { type TLiteral, Type } from '@sinclair/typebox';
import { retryAfterMs } from './retry-after.js';
import { ATTEMPT_HEADER, DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signBody } from './sign-body.js';
import { checkWebhookEndpoints } from './webhook-endpoint.js';

export const WEBHOOK_TYPE = 'webhook.post';
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookHandlerOptions {
  /** Receivers by name (`WEBHOOK_ENDPOINTS`); a job names one in its `endpoint` input. */
  endpoints: unknown;
  /** Per attempt; the runtime aborts `job.signal` when it is up. Default 10 s. */
  timeoutMs?: number;
}

/**
 * `webhook.post`: POSTs `{ deliveryId, event, instance…, payload }` as JSON to a configured endpoint,
 * signed with HMAC-SHA256 over the exact body bytes, with the job's idempotency key as delivery id.
 * 2xx completes; 408, 429, 5xx, network errors and timeouts fail (retried with backoff, or after
 * `Retry-After`); any other status is the business error `WEBHOOK_REJECTED` (retrying cannot help).
 * An endpoint that is not configured breaks the input schema: an incident naming `/endpoint`.
 */
export function createWebhookHandler(options: WebhookHandlerOptions) {
  const endpoints = checkWebhookEndpoints(options.endpoints);
  const names = Object.keys(endpoints).map((name) => Type.Literal(name)) as TLiteral<string>[];
  return defineTaskHandler({
    type: WEBHOOK_TYPE,
    description:
      'HTTP 回调：向已配置的端点 POST JSON（HMAC-SHA256 签名，失败重试） / POST signed JSON to a configured endpoint',
    input: Type.Object({
      endpoint: Type.Union(names),
      event: Type.String({ pattern: '^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$', maxLength: 100 }),
      payload: Type.Record(Type.String(), Type.Unknown()),
    }),
    output: Type.Object({
      deliveryStatus: Type.Integer(),
      deliveryId: Type.String(),
    }),
    timeoutMs: options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS,
    async handler(job) {
      const { endpoint: name, event, payload } = job.variables;
      const endpoint = endpoints[name]!;
      const body = JSON.stringify({
        deliveryId: job.idempotencyKey,
        event,
        instanceId: job.instanceId,
        programKey: job.programKey,
        programVersion: job.programVersion,
        campaignId: job.campaignId,
        schoolId: job.schoolId,
        elementId: job.elementId,
        payload,
      });
      let response: Response;
      try {
        response = await fetch(endpoint.url, {
          method: 'POST',
          redirect: 'manual',
          signal: job.signal,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'duodaotong-webhook/1',
            [EVENT_HEADER]: event,
            [DELIVERY_HEADER]: job.idempotencyKey,
            [ATTEMPT_HEADER]: String(job.attempt),
            [SIGNATURE_HEADER]: signBody(body, endpoint.secret),
          },
          body,
        });
      } catch (error) {
        if (job.signal.aborted) return job.fail(`Webhook 端点 ${name} 超时未响应`);
        const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
        return job.fail(`无法连接 Webhook 端点 ${name}：${cause}`);
      }
      await response.body?.cancel().catch(() => {});
      const status = response.status;
      if (status >= 200 && status < 300) {
        return job.complete({ deliveryStatus: status, deliveryId: job.idempotencyKey });
      }
      if (status === 408 || status === 429 || status >= 500) {
        const retryIn = retryAfterMs(response.headers.get('retry-after'));
        return job.fail(`Webhook 端点 ${name} 返回 HTTP ${status}`, retryIn === undefined ? {} : { retryIn });
      }
      job.logger.warn(`Webhook 端点 ${name} 拒绝了回调`, { status, event });
      return job.bpmnError('WEBHOOK_REJECTED', `Webhook 端点 ${name} 拒绝了回调：HTTP ${status}`);
    },
  });
}
