import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadProgramFolder } from '@ddt/program';
import { type Campaign, createSqliteStore, type ProgramVersion, type Store } from '@ddt/store';
import { BulkLauncher, type BulkLaunchProgress } from '../src/index.js';
import { campaign as fixtureCampaign } from './fixtures/records.js';
import { manySchools } from './fixtures/schools.js';

const kaixueFolder = new URL('../../../definitions/kaixue/', import.meta.url).pathname;
const now = () => new Date('2026-03-02T00:00:00.000Z');

async function kaixue(store: Store): Promise<{ program: ProgramVersion; campaign: Campaign }> {
  const bundle = await loadProgramFolder(kaixueFolder);
  const program: ProgramVersion = {
    id: 'kaixue@1',
    key: 'kaixue',
    version: 1,
    name: bundle.manifest.name,
    manifest: bundle.manifest as unknown as Record<string, unknown>,
    bpmn: bundle.bpmn,
    forms: bundle.forms,
    status: 'active',
    publishedAt: now().toISOString(),
    publishedBy: null,
  };
  await store.createProgramVersion(program);
  const campaign: Campaign = {
    ...fixtureCampaign,
    id: 'c-bulk',
    programKey: 'kaixue',
    params: { selfCheckPeriod: 'P7D', reviewPeriod: 'P5D' },
  };
  await store.createCampaign(campaign);
  return { program, campaign };
}

/** The campaign's school instances (开学督导 also starts one campaign-scope instance for the county). */
async function countInstances(store: Store, campaignId: string): Promise<number> {
  const rows = await store.campaignProgress(campaignId, [], { scope: 'school' });
  return rows[0]?.count ?? 0;
}

test('a launch to 600 schools runs on two worker threads, one instance per school, with progress', async () => {
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  const { program, campaign } = await kaixue(store);
  const progress: BulkLaunchProgress[] = [];
  const result = await new BulkLauncher({ store, now, workers: 2, chunkSize: 100 }).launch({
    program,
    campaign,
    schools: manySchools(600),
    params: campaign.params,
    onProgress: (step) => progress.push(step),
  });
  expect(result).toMatchObject({ total: 600, done: 600, created: 600, existing: 0, failed: 0, workers: 2 });
  expect(progress.map((step) => step.done)).toEqual([100, 200, 300, 400, 500, 600]);
  expect(await countInstances(store, campaign.id)).toBe(600);
  const one = await store.getInstance('c-bulk:school-00042');
  expect(one?.tasks).toEqual([
    expect.objectContaining({
      elementId: 'Task_SelfCheck',
      audience: ['school:school-00042'],
      dueAt: '2026-03-09T00:00:00.000Z',
    }),
  ]);
});

test('the pool hands workers chunks only as fast as the store writes them, so memory stays flat', async () => {
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  const { program, campaign } = await kaixue(store);
  // The store's first write waits until the test opens the gate: a slow disk.
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let writes = 0;
  const slow: Store = {
    ...store,
    createInstances: async (instances) => {
      writes++;
      await gate;
      return store.createInstances(instances);
    },
  };
  // Counts the chunks handed to worker threads (a spy on Node's API, not on ours).
  let handed = 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
    if (message && typeof message === 'object' && 'chunkId' in message) handed++;
    return post.call(this, message, ...rest);
  };
  try {
    const launch = new BulkLauncher({ store: slow, now, workers: 2, chunkSize: 50 }).launch({
      program,
      campaign,
      schools: manySchools(1000),
      params: campaign.params,
    });
    const until = Date.now() + 30_000;
    while (writes === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 1500)); // time enough to build every chunk, were they handed out
    expect(handed).toBeLessThanOrEqual(4); // two per worker: one written, one being built
    open();
    await expect(launch).resolves.toMatchObject({ created: 1000, failed: 0 });
    expect(handed).toBe(20);
  } finally {
    Worker.prototype.postMessage = post;
  }
});

test('a launch resumed after a partial one skips the schools that have an instance', async () => {
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  const { program, campaign } = await kaixue(store);
  const launcher = new BulkLauncher({ store, now, workers: 2, chunkSize: 100 });
  const schools = manySchools(300);
  await launcher.launch({ program, campaign, schools: schools.slice(0, 120), params: campaign.params });
  const resumed = await launcher.launch({ program, campaign, schools, params: campaign.params });
  expect(resumed).toMatchObject({ total: 300, done: 300, created: 180, existing: 120 });
  expect(await countInstances(store, campaign.id)).toBe(300);
});

test('a worker thread that dies mid-launch is replaced and its chunks are redone', async () => {
  const store = createSqliteStore({ path: ':memory:' });
  await store.init();
  const { program, campaign: base } = await kaixue(store);
  const campaign = { ...base, id: `c-crash-${process.pid}-${Date.now()}` };
  await store.createCampaign(campaign);
  const marker = join(tmpdir(), `${campaign.id}.crashed`);
  try {
    const result = await new BulkLauncher({
      store,
      now,
      workers: 2,
      chunkSize: 100,
      workerUrl: new URL('./fixtures/crash-once-worker.ts', import.meta.url),
    }).launch({ program, campaign, schools: manySchools(400), params: campaign.params });
    expect(result).toMatchObject({ created: 400, workerRestarts: 1 });
    expect(await countInstances(store, campaign.id)).toBe(400);
  } finally {
    rmSync(marker, { force: true });
  }
});

test('a launch whose process is killed midway resumes without launching any school twice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ddt-bulk-'));
  const path = join(dir, 'launch.sqlite');
  try {
    const setup = createSqliteStore({ path });
    await setup.init();
    const { program, campaign } = await kaixue(setup);
    await setup.close();

    const count = 3000;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=source',
        new URL('./fixtures/bulk-launch-child.ts', import.meta.url).pathname,
        path,
        campaign.id,
        'kaixue',
        String(count),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const killedAt = await new Promise<number>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (data: Buffer) => {
        buffer += data.toString();
        for (const line of buffer.split('\n').slice(0, -1)) {
          if (line.startsWith('{') && JSON.parse(line).done >= 300) {
            child.kill('SIGKILL');
            resolve(JSON.parse(line).done);
          }
          if (line === 'DONE') reject(new Error('the launch finished before it could be killed'));
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      });
      child.on('error', reject);
    });
    await new Promise((resolve) => child.once('exit', resolve));

    const store = createSqliteStore({ path });
    await store.init();
    const before = await countInstances(store, campaign.id);
    expect(before).toBeGreaterThanOrEqual(killedAt);
    expect(before).toBeLessThan(count);
    const result = await new BulkLauncher({ store, now, workers: 2 }).launch({
      program,
      campaign,
      schools: manySchools(count),
      params: campaign.params,
    });
    expect(result.existing).toBe(before);
    expect(result.created).toBe(count - before);
    expect(await countInstances(store, campaign.id)).toBe(count);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
