import { mkdir } from 'node:fs/promises';
import { loadPlugins } from '@ddt/plugins';
import { createServer } from './app.js';
import { loggerOptions } from './config/logger-options.js';
import { openStore } from './config/open-store.js';
import { loadConfig } from './config/server-config.js';
import { loadSessionSecret } from './config/session-secret.js';
import { createServices } from './create-services.js';
import { DEMO_PASSWORD, seedDemoCounty } from './seed/demo-county.js';

const roleNames = { office: '督导室', inspector: '责任督学', school: '学校' } as const;
/** How long a shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 15_000;

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
  const resumedImports = await services.imports.resumeUnfinished();
  const resumedLaunches = await services.launcher.resumeUnfinished();
  const app = createServer({
    services,
    sessionSecret: await loadSessionSecret(config.dataDir, config.sessionSecret),
    designerDir: config.designerDir,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    logger: loggerOptions(config.logLevel),
  });
  await app.listen({ host: config.host, port: config.port });
  services.scheduler.start();

  const address = `http://${config.host}:${config.port}`;
  const lines = [
    `督导通已启动：${address}  （${Math.round(performance.now() - startedAt)} ms）  接口文档：${address}/docs`,
    `数据：${store.name}（${config.mongodbUrl ? config.mongodbDb : config.dataDir}）${seed.seeded ? '，已写入演示数据' : ''}`,
    ...plugins.map(
      (plugin) => `已加载插件：${plugin.name}（${plugin.handlers.map((h) => h.type).join('、')}）`,
    ),
    `已发布督导项目：${programs.published.map((program) => `${program.name} v${program.version}`).join('、') || '无'}`,
    ...programs.refused.map(
      (refused) =>
        `未能发布 ${refused.folder}：${refused.problems
          .slice(0, 3)
          .map((problem) => `${problem.path} ${problem.message}`)
          .join('；')}`,
    ),
    ...(resumedImports.length > 0 ? [`已续完中断的导入：${resumedImports.join('、')}`] : []),
    ...(resumedLaunches.length > 0 ? [`已续完中断的下发：${resumedLaunches.join('、')}`] : []),
    `演示账号（密码均为 ${DEMO_PASSWORD}）：`,
    ...seed.logins.map(
      (login) => `  ${login.username.padEnd(10)} ${roleNames[login.role]}  ${login.displayName}`,
    ),
  ];
  console.log(lines.join('\n'));

  // Graceful shutdown: stop accepting connections and finish the requests in flight, let the scheduler
  // finish the timers it is firing, then close the store. A second signal or the grace period ends it.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    console.log(`收到 ${signal}，正在停止……`);
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    await Promise.all([app.close(), services.scheduler.stop()]);
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(`督导通启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
