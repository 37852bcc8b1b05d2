/** Where the SMS gateway is and how to authenticate, read from the server's environment at each job. */
export interface GatewayConfig {
  url: string;
  token: string;
}

/** The configuration, or the name of the missing setting. */
export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig | { missing: string } {
  const url = env.SMS_GATEWAY_URL;
  if (!url) return { missing: 'SMS_GATEWAY_URL' };
  const token = env.SMS_GATEWAY_TOKEN;
  if (!token) return { missing: 'SMS_GATEWAY_TOKEN' };
  return { url: url.replace(/\/+$/, ''), token };
}

/** Time allowed per attempt (`SMS_TIMEOUT_MS`, read when the plugin loads); default 10 s. */
export function gatewayTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.SMS_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : 10_000;
}
