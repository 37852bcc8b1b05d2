import { createHmac } from 'node:crypto';

/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the endpoint's secret. */
export const SIGNATURE_HEADER = 'x-ddt-signature-256';
/** Header carrying the job's idempotency key: the same on every retry, so receivers can drop repeats. */
export const DELIVERY_HEADER = 'x-ddt-delivery';
export const EVENT_HEADER = 'x-ddt-event';
export const ATTEMPT_HEADER = 'x-ddt-attempt';

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
