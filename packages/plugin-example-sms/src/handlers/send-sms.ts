import { defineTaskHandler, Type } from '@ddt/sdk';
import { gatewayConfig, gatewayTimeoutMs } from '../gateway/gateway-config.js';

/**
 * `example.sms-send`: sends one SMS through an HTTP gateway (`POST {SMS_GATEWAY_URL}/messages`).
 * - 2xx `{ "id": "…" }` → complete with `smsMessageId`;
 * - 400 `{ "error": "invalid_number" }` → BPMN error `SMS_INVALID_NUMBER` (the process can ask the
 *   school to correct its phone number);
 * - 429, 5xx, other statuses, network errors, timeouts → fail (retried with backoff, then an incident).
 * The job's idempotency key goes to the gateway as `clientRef`, so a retried job sends one SMS.
 */
export default defineTaskHandler({
  type: 'example.sms-send',
  description: '发送短信（示例插件） / send an SMS (example plugin)',
  input: Type.Object({
    phone: Type.String({ pattern: '^1\\d{10}$' }),
    text: Type.String({ minLength: 1, maxLength: 500 }),
  }),
  output: Type.Object({ smsMessageId: Type.String({ minLength: 1 }) }),
  timeoutMs: gatewayTimeoutMs(),
  async handler(job) {
    const config = gatewayConfig();
    if ('missing' in config) return job.fail(`短信网关未配置：缺少环境变量 ${config.missing}`);

    let response: Response;
    try {
      response = await fetch(`${config.url}/messages`, {
        method: 'POST',
        signal: job.signal,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}` },
        body: JSON.stringify({
          to: job.variables.phone,
          text: job.variables.text,
          clientRef: job.idempotencyKey,
        }),
      });
    } catch (error) {
      return job.fail(job.signal.aborted ? '短信网关超时' : `无法连接短信网关：${(error as Error).message}`);
    }
    const body = (await response.json().catch(() => null)) as { id?: unknown; error?: unknown } | null;
    if (response.ok && typeof body?.id === 'string') return job.complete({ smsMessageId: body.id });
    if (response.status === 400 && body?.error === 'invalid_number') {
      return job.bpmnError('SMS_INVALID_NUMBER', `短信网关拒绝号码 ${job.variables.phone}`);
    }
    job.logger.warn('短信网关返回错误', { status: response.status, attempt: job.attempt });
    return job.fail(`短信网关返回 HTTP ${response.status}`);
  },
});
