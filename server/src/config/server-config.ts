import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const ServerConfigSchema = Type.Object({
  host: Type.String({ minLength: 1 }),
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  dataDir: Type.String({ minLength: 1 }),
  definitionsDir: Type.String({ minLength: 1 }),
  designerDir: Type.String({ minLength: 1 }),
  mongodbUrl: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
  mongodbDb: Type.String({ minLength: 1 }),
  sessionSecret: Type.Union([Type.String({ minLength: 32 }), Type.Null()]),
  secureCookies: Type.Boolean(),
  /** `PLUGINS`: task-handler plugins, comma-separated npm package names or folders (see packages/sdk). */
  plugins: Type.Array(Type.String({ minLength: 1 })),
  /** `WEBHOOK_ENDPOINTS`: JSON `{"<name>":{"url":"https://…","secret":"…"}}` for the `webhook.post` handler. */
  webhookEndpoints: Type.Unknown(),
  /** `TRUST_PROXY=true` behind a reverse proxy: the client address (audit log, rate limits) comes from X-Forwarded-For. */
  trustProxy: Type.Boolean(),
  /** `LOG_LEVEL`: pino level, default `warn`. */
  logLevel: Type.Union([
    Type.Literal('fatal'),
    Type.Literal('error'),
    Type.Literal('warn'),
    Type.Literal('info'),
    Type.Literal('debug'),
    Type.Literal('silent'),
  ]),
});
export type ServerConfig = Static<typeof ServerConfigSchema>;

/** Reads the configuration from the environment; a bad value stops the start with the setting's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const config = {
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    definitionsDir: resolve(env.DEFINITIONS_DIR ?? resolve(repositoryRoot, 'definitions')),
    designerDir: resolve(env.DESIGNER_DIR ?? resolve(repositoryRoot, 'designer/dist')),
    mongodbUrl: env.MONGODB_URL || null,
    mongodbDb: env.MONGODB_DB ?? 'duodaotong',
    sessionSecret: env.SESSION_SECRET ?? null,
    secureCookies: env.COOKIE_SECURE === 'true',
    plugins: (env.PLUGINS ?? '')
      .split(',')
      .map((spec) => spec.trim())
      .filter((spec) => spec !== ''),
    webhookEndpoints: jsonSetting(env, 'WEBHOOK_ENDPOINTS'),
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'warn',
  };
  const error = Value.Errors(ServerConfigSchema, config).First();
  if (error) throw new Error(`配置错误：${error.path.slice(1)} ${error.message}`);
  return config as ServerConfig;
}

function jsonSetting(env: NodeJS.ProcessEnv, name: string): unknown {
  const text = env[name];
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`配置错误：${name} 不是合法的 JSON`);
  }
}
