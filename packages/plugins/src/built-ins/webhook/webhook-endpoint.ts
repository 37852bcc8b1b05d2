import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { PluginError } from '../../errors/plugin-error.js';
import { BUILT_IN } from '../../registry/create-handler-registry.js';

/** A receiver the operator configured; BPMN names it, so URLs and secrets stay out of definitions. */
export const WebhookEndpointSchema = Type.Object(
  {
    url: Type.String({ pattern: '^https?://' }),
    /** Shared with the receiver to check `X-DDT-Signature-256`. */
    secret: Type.String({ minLength: 16 }),
  },
  { additionalProperties: false },
);
export type WebhookEndpoint = Static<typeof WebhookEndpointSchema>;

const ENDPOINT_NAME = /^[a-z][a-z0-9-]{0,63}$/;

export const WebhookEndpointsSchema = Type.Record(Type.String(), WebhookEndpointSchema);
export type WebhookEndpoints = Static<typeof WebhookEndpointsSchema>;

/** Refuses a bad endpoint configuration at start, naming the endpoint (never printing the secret). */
export function checkWebhookEndpoints(endpoints: unknown): WebhookEndpoints {
  const badName = Value.Check(WebhookEndpointsSchema, endpoints)
    ? Object.keys(endpoints as WebhookEndpoints).find((name) => !ENDPOINT_NAME.test(name))
    : undefined;
  const error =
    badName === undefined
      ? Value.Errors(WebhookEndpointsSchema, endpoints).First()
      : { path: `/${badName}`, message: '名称不合规 / invalid name' };
  if (error) {
    const field = error.path.endsWith('/secret')
      ? `${error.path}（至少 16 个字符 / at least 16 characters）`
      : error.path;
    throw new PluginError(
      'PLUGIN_ERR_CONFIG',
      BUILT_IN,
      null,
      `Webhook 端点配置错误：${field || '/'} ${error.message}（格式：{"名称":{"url":"https://…","secret":"…"}}，名称为小写字母、数字和 -）`,
      `bad webhook endpoint configuration: ${field || '/'} ${error.message} (format: {"name":{"url":"https://…","secret":"…"}}, names in lower-case letters, digits and -)`,
    );
  }
  return endpoints as WebhookEndpoints;
}
