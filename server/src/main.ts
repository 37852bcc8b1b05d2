import { mkdir } from 'node:fs/promises';
import { loadPlugins } from '@ddt/plugins';
import { createServer } from './app.js';
import { openStore } from './config/open-store.js';
import { loadConfig } from './config/server-config.js';
import { loadSessionSecret } from './config/session-secret.js';
import { createServices } from './create-services.js';
import { DEMO_PASSWORD, seedDemoCounty } from './seed/demo-county.js';

const roleNames = { office: '督导室', inspector: '责任督学', school: '学校' } as const;

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  // Folder specs are relative to the working directory (the repository root under `npm start`).
  const plugins = await loadPlugins(config.plugins, { baseDir: process.cwd() });
  await mkdir(config.dataDir, { recursive: true });
  const store = await openStore(config);
  const services = createServices(store, undefined, { plugins, webhookEndpoints: config.webhookEndpoints });
  const seed = await seedDemoCounty(store, new Date());
  const programs = await services.catalog.publishFolder(config.definitionsDir);
  const app = createServer({
    services,
    sessionSecret: await loadSessionSecret(config.dataDir, config.sessionSecret),
    designerDir: config.designerDir,
    secureCookies: config.secureCookies,
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  });
  await app.listen({ host: config.host, port: config.port });

  const address = `http://${config.host}:${config.port}`;
  const lines = [
    `督导通已启动：${address}  （${Math.round(performance.now() - startedAt)} ms）`,
    `数据：${store.name}（${config.mongodbUrl ? config.mongodbDb : config.dataDir}）${seed.seeded ? '，已写入演示数据' : ''}`,
    ...plugins.map(
      (plugin) => `已加载插件：${plugin.name}（${plugin.handlers.map((h) => h.type).join('、')}）`,
    ),
    `已发布督导项目：${programs.map((program) => `${program.name} v${program.version}`).join('、') || '无'}`,
    `演示账号（密码均为 ${DEMO_PASSWORD}）：`,
    ...seed.logins.map(
      (login) => `  ${login.username.padEnd(10)} ${roleNames[login.role]}  ${login.displayName}`,
    ),
  ];
  console.log(lines.join('\n'));

  const shutdown = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(`督导通启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
