/**
 * `npm run bench:store` — the SQLite adapter's speed figures, each beside a baseline measured in the
 * same run on the same rows with the same pragmas (WAL, synchronous=FULL). Medians of several rounds;
 * rounds of ours and of the baselines alternate, so a noisy machine disturbs them alike.
 *
 * Rows are the instance records the runtime writes for the full 开学督导 program (`kaixue-instances.ts`:
 * launched and driven through the real WorkflowRuntime, with the sample.draw job run by the scheduler,
 * then copied with other ids): 45% at the school's self-check, 20% at the county office's review, 25% at
 * the 责任督学's on-site check, 10% completed. The synthetic 5–15 KB rows of `realistic-instances.ts`
 * are measured too.
 *
 * The store of BENCH_INSTANCES instances (default 1,000,000) takes minutes to write, so it is kept in
 * BENCH_CACHE_DIR (default: <tmp>/ddt-store-bench-cache) and reused by the next run when its schema
 * version, size, row generator and templates (a hash of them) match. BENCH_REBUILD=1 forces a new one;
 * BENCH_DIR holds the throw-away files of the insert rounds.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore, type Instance, type SqliteStore } from '../src/index.js';
import { taskViewOf } from '../src/instances/task-view.js';
import { SCHEMA_VERSION } from '../src/sqlite/migrations.js';
import { kaixueInstance, kaixueTemplatesHash, prepareKaixueInstances } from './kaixue-instances.js';
import { realisticInstance } from './realistic-instances.js';

const TOTAL = Number(process.env.BENCH_INSTANCES ?? 1_000_000);
const BIG_CAMPAIGN = 100_000;
const layout = { schools: 20_000, campaigns: 50 };
/**
 * Bump when the rows made here change (layout, campaigns); changes of the templates themselves are
 * caught by `kaixueTemplatesHash()`, also in the cached store's name.
 */
const ROWS_VERSION = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const line = (label: string, value: string) => console.log(`${label.padEnd(64)} ${value}`);
const sizeOf = (path: string) =>
  [path, `${path}-wal`].reduce((sum, file) => sum + (existsSync(file) ? statSync(file).size : 0), 0);
const gb = (path: string) => `${fmt(sizeOf(path) / 1e9, 1)} GB`;
const rowBytes = (rows: Instance[]) =>
  rows.reduce((sum, row) => sum + Buffer.byteLength(JSON.stringify(row)), 0) / rows.length;

function pragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -65536');
}

/** The baseline of the issue: one table (id, version, JSON), no other index, plain INSERTs. */
function rawDocTable(path: string): (rows: Instance[]) => void {
  const db = new Database(path);
  pragmas(db);
  db.exec('CREATE TABLE instances (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO instances (id, version, doc) VALUES (?, ?, ?)');
  return db.transaction((rows: Instance[]) => {
    for (const row of rows) insert.run(row.id, row.version, JSON.stringify(row));
  });
}

/**
 * The same rows written by hand into the same tables and indexes as ours (no validation, no group
 * commit, SQLite's own checkpoints): what the adapter's schema costs, so that ours / this is what our
 * code costs on top.
 */
async function rawSameSchema(path: string): Promise<(rows: Instance[]) => void> {
  const made = createSqliteStore({ path, backgroundCheckpoints: false });
  await made.init();
  await made.close();
  const db = new Database(path);
  pragmas(db);
  const instance = db.prepare(
    `INSERT INTO instances (id, campaign_id, scope, school_id, office_path, district_id, school_type, status,
       version, created_at, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const task = db.prepare(
    `INSERT INTO open_tasks (task_id, instance_id, instance_version, campaign_id, school_id, district_id,
       office_path, assignee, due_at, created_at, view) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const key = db.prepare(
    `INSERT INTO task_keys (key, created_at, task_id, campaign_id, school_id, assignee, due_at,
       instance_version, view) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const group = db.prepare('INSERT INTO task_groups (grp, created_at, task_id) VALUES (?, ?, ?)');
  const timer = db.prepare(
    'INSERT INTO timers (instance_id, timer_id, element_id, execution_id, due_at) VALUES (?, ?, ?, ?, ?)',
  );
  const message = db.prepare(
    `INSERT INTO awaited_messages (instance_id, execution_id, element_id, name, correlation_key)
     VALUES (?, ?, ?, ?, ?)`,
  );
  return db.transaction((rows: Instance[]) => {
    for (const r of rows) {
      instance.run(
        r.id,
        r.campaignId,
        r.scope,
        r.schoolId,
        r.officePath,
        r.districtId,
        r.schoolType,
        r.status,
        r.version,
        r.createdAt,
        r.updatedAt,
        JSON.stringify(r),
      );
      for (const t of r.tasks) {
        const { instanceVersion: _column, ...view } = taskViewOf(r, t);
        const json = JSON.stringify(view);
        task.run(
          t.id,
          r.id,
          r.version,
          r.campaignId,
          r.schoolId,
          r.districtId,
          r.officePath,
          t.assignee,
          t.dueAt,
          t.createdAt,
          json,
        );
        for (const k of t.audience)
          key.run(k, t.createdAt, t.id, r.campaignId, r.schoolId, t.assignee, t.dueAt, r.version, json);
        for (const g of t.candidateGroups) group.run(g, t.createdAt, t.id);
      }
      for (const t of r.timers) timer.run(r.id, t.id, t.elementId, t.executionId, t.dueAt);
      for (const m of r.messages) message.run(r.id, m.executionId, m.elementId, m.name, m.correlationKey);
    }
  });
}

async function insertRounds(label: string, rowOf: (n: number) => Instance, dir: string): Promise<void> {
  const ROUNDS = 7;
  const PER_ROUND = 10_000;
  const BATCH = 1_000;
  const tag = label.replace(/\W+/g, '-');
  const ours = createSqliteStore({ path: join(dir, `${tag}-ours.sqlite`) });
  await ours.init();
  const rawDoc = rawDocTable(join(dir, `${tag}-raw.sqlite`));
  const rawSchema = await rawSameSchema(join(dir, `${tag}-raw-schema.sqlite`));
  const rates = { ours: [] as number[], rawDoc: [] as number[], rawSchema: [] as number[] };
  let bytes = 0;
  const commitsBefore = ours.writeStats().commits;
  for (let round = 0; round < ROUNDS; round++) {
    const rows = Array.from({ length: PER_ROUND }, (_, n) => rowOf(round * PER_ROUND + n));
    if (round === 0) bytes = rowBytes(rows);
    const timed = async (into: number[], write: (batch: Instance[]) => unknown) => {
      const start = performance.now();
      for (let b = 0; b < PER_ROUND; b += BATCH) await write(rows.slice(b, b + BATCH));
      into.push(PER_ROUND / ((performance.now() - start) / 1000));
    };
    await timed(rates.ours, (batch) => ours.createInstances(batch));
    await timed(rates.rawDoc, rawDoc);
    await timed(rates.rawSchema, rawSchema);
  }
  const commits = ours.writeStats().commits - commitsBefore;
  await ours.close();
  console.log(
    `\nBatched inserts, ${label}: avg row ${fmt(bytes)} bytes of JSON (${ROUNDS} rounds × ${fmt(PER_ROUND)} rows, batches of ${BATCH}, ${fmt(commits)} commits of ours)`,
  );
  line('  ours: createInstances, median', `${fmt(median(rates.ours))} instances/s   (target ≥ 20,000/s)`);
  line('  raw better-sqlite3: INSERT (id, version, doc), median', `${fmt(median(rates.rawDoc))} rows/s`);
  line(
    '  raw better-sqlite3: same rows into our tables and indexes, median',
    `${fmt(median(rates.rawSchema))} rows/s`,
  );
  line('  ratio ours / raw (id, version, doc)', fmt(median(rates.ours) / median(rates.rawDoc), 2));
  line(
    '  ratio ours / raw same schema (our code on top of the schema)',
    fmt(median(rates.ours) / median(rates.rawSchema), 2),
  );
}

/** A workflow step as the runtime writes it: the open task closes and the next one opens. */
function nextStep(instance: Instance, round: number): Instance {
  const [first, ...rest] = instance.tasks;
  const tasks = first
    ? [
        ...rest,
        { ...first, id: `${first.id}-r${round}`, executionId: `r${round}`, audience: ['user:u-next'] },
      ]
    : [];
  return { ...instance, tasks, updatedAt: new Date(Date.parse(instance.updatedAt) + 1000).toISOString() };
}

async function updateRounds(dir: string): Promise<void> {
  const path = join(dir, 'updates.sqlite');
  const ours = createSqliteStore({ path });
  await ours.init();
  const seed = Array.from({ length: 20_000 }, (_, n) => kaixueInstance(n, layout));
  for (let b = 0; b < seed.length; b += 1000) await ours.createInstances(seed.slice(b, b + 1000));
  const raw = new Database(join(dir, 'updates-raw.sqlite'));
  pragmas(raw);
  raw.exec('CREATE TABLE instances (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL)');
  const insertRaw = raw.prepare('INSERT INTO instances (id, version, doc) VALUES (?, ?, ?)');
  raw.transaction(() => {
    for (const row of seed) insertRaw.run(row.id, row.version, JSON.stringify(row));
  })();
  const updateRaw = raw.prepare('UPDATE instances SET version = ?, doc = ? WHERE id = ? AND version = ?');

  const CONCURRENCY = 32;
  const rates = { sequential: [] as number[], concurrent: [] as number[], raw: [] as number[] };
  let commits = 0;
  let writes = 0;
  for (let round = 0; round < 5; round++) {
    const ids = Array.from({ length: 1000 }, (_, n) => `i${(round * 1000 + n) * 4}`);
    const current = await Promise.all(ids.map((id) => ours.getInstance(id)));
    const steps = current.map((instance) => nextStep(instance!, round));
    const [single, grouped] = [steps.slice(0, 300), steps.slice(300)];
    let start = performance.now();
    for (const step of single) await ours.updateInstance(step, step.version);
    rates.sequential.push(single.length / ((performance.now() - start) / 1000));
    const before = ours.writeStats();
    start = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < grouped.length) {
          const step = grouped[next++]!;
          await ours.updateInstance(step, step.version);
        }
      }),
    );
    rates.concurrent.push(grouped.length / ((performance.now() - start) / 1000));
    commits += ours.writeStats().commits - before.commits;
    writes += ours.writeStats().writes - before.writes;
    start = performance.now();
    for (const step of single) updateRaw.run(step.version + 1, JSON.stringify(step), step.id, step.version);
    rates.raw.push(single.length / ((performance.now() - start) / 1000));
  }
  await ours.close();
  raw.close();
  console.log('\nVersion-checked updates of kaixue rows (a task closes and another opens; 20,000 stored)');
  line(
    '  ours: updateInstance one at a time (a commit each), median',
    `${fmt(median(rates.sequential))} updates/s`,
  );
  line(
    `  ours: updateInstance, ${CONCURRENCY} at a time (group commit), median`,
    `${fmt(median(rates.concurrent))} updates/s (${fmt(writes / commits, 1)} updates per commit)`,
  );
  line(
    '  raw better-sqlite3: UPDATE … WHERE version = ?, one per commit, median',
    `${fmt(median(rates.raw))} updates/s`,
  );
  line('  ratio ours one at a time / raw', fmt(median(rates.sequential) / median(rates.raw), 2));
}

/** The big store: reused from the cache when it was built by this schema, size, row generator and templates. */
async function bigStore(): Promise<{ store: SqliteStore; path: string }> {
  const cacheDir = process.env.BENCH_CACHE_DIR ?? join(tmpdir(), 'ddt-store-bench-cache');
  mkdirSync(cacheDir, { recursive: true });
  const name = `kaixue-${TOTAL}-schema${SCHEMA_VERSION}-rows${ROWS_VERSION}-${kaixueTemplatesHash()}.sqlite`;
  const path = join(cacheDir, name);
  // Other sizes or layouts left behind by earlier runs only take disk space.
  for (const file of readdirSync(cacheDir)) {
    if (file.startsWith('kaixue-') && !file.startsWith(name)) rmSync(join(cacheDir, file), { force: true });
  }
  if (process.env.BENCH_REBUILD === '1')
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });

  const complete = (): { seconds: number } | null => {
    if (!existsSync(path)) return null;
    const db = new Database(path, { readonly: true });
    try {
      const schema = db.prepare('SELECT max(version) FROM store_migrations').pluck().get();
      const meta = db.prepare("SELECT value FROM bench_meta WHERE key = 'complete'").pluck().get() as
        | string
        | undefined;
      return schema === SCHEMA_VERSION && meta ? (JSON.parse(meta) as { seconds: number }) : null;
    } catch {
      return null;
    } finally {
      db.close();
    }
  };
  const cached = complete();
  if (cached) {
    const store = createSqliteStore({ path });
    await store.init();
    console.log(
      `\nSetup: reused ${path} (${fmt(TOTAL)} instances, ${gb(path)}); it took ${fmt(cached.seconds)} s to write`,
    );
    return { store, path };
  }

  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  const store = createSqliteStore({ path });
  await store.init();
  const campaignOf = (n: number) => (n < BIG_CAMPAIGN ? 'kBig' : `k${n % (layout.campaigns - 1)}`);
  const BATCH = 5_000;
  const start = performance.now();
  for (let from = 0; from < TOTAL; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, TOTAL - from) }, (_, k) =>
      kaixueInstance(from + k, layout, campaignOf),
    );
    await store.createInstances(rows);
    if ((from / BATCH) % 40 === 39) {
      console.error(`  … ${fmt(from + BATCH)} instances in ${fmt((performance.now() - start) / 1000)} s`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  store.db.exec('CREATE TABLE IF NOT EXISTS bench_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  store.db
    .prepare("INSERT OR REPLACE INTO bench_meta (key, value) VALUES ('complete', ?)")
    .run(JSON.stringify({ seconds }));
  console.log(
    `\nSetup: ${fmt(TOTAL)} kaixue instances written in ${fmt(seconds)} s (${fmt(TOTAL / seconds)}/s), ${gb(path)}, kept for the next run in ${path}`,
  );
  return { store, path };
}

async function queries(store: SqliteStore, path: string): Promise<void> {
  const random = (n: number) => Math.floor(Math.random() * n);
  const time = async (fn: () => Promise<unknown> | unknown) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  // A second connection with 1 GiB of memory-mapped reads (off by default), to show what mmap changes.
  const mapped = createSqliteStore({ path, mmapMiB: 1024, backgroundCheckpoints: false });
  await mapped.init();
  const schools = Array.from({ length: 3000 }, () => `s${random(layout.schools)}`);
  for (const s of schools.slice(0, 200)) {
    await store.findTasks({ limit: 20, audience: [`school:${s}`] }); // warm the upper index levels
    await mapped.findTasks({ limit: 20, audience: [`school:${s}`] });
  }
  const inbox: number[] = [];
  const inboxMapped: number[] = [];
  const inboxTwoKeys: number[] = [];
  const inboxOffice: number[] = [];
  const inboxInspector: number[] = [];
  let officeSeen = 0;
  let inspectorSeen = 0;
  const bySchool: number[] = [];
  const rawLookup: number[] = [];
  const lookup = store.db.prepare('SELECT doc FROM instances WHERE id = ?');
  let tasksSeen = 0;
  for (const [i, s] of schools.entries()) {
    inbox.push(
      await time(async () => {
        tasksSeen += (await store.findTasks({ limit: 20, audience: [`school:${s}`] })).items.length;
      }),
    );
    // Another school: asking for the same one would find its pages already cached.
    const other = schools[(i + 1500) % schools.length];
    inboxMapped.push(await time(() => mapped.findTasks({ limit: 20, audience: [`school:${other}`] })));
    inboxTwoKeys.push(
      await time(() =>
        store.findTasks({ limit: 20, audience: [`school:${s}`, `user:u-insp${random(977)}`] }),
      ),
    );
    // The county office's review inbox (`office:c…`, Task_CountyReview) and a 责任督学's on-site checks.
    inboxOffice.push(
      await time(async () => {
        officeSeen += (await store.findTasks({ limit: 20, audience: [`office:c${random(131)}`] })).items
          .length;
      }),
    );
    inboxInspector.push(
      await time(async () => {
        inspectorSeen += (await store.findTasks({ limit: 20, audience: [`user:u-insp${random(977)}`] })).items
          .length;
      }),
    );
    bySchool.push(await time(() => store.findTasks({ limit: 20, schoolId: s })));
    rawLookup.push(await time(() => lookup.get(`i${random(TOTAL)}`)));
  }
  await mapped.close();
  const p = (xs: number[]) => `${fmt(percentile(xs, 0.5), 3)} / ${fmt(percentile(xs, 0.99), 3)} ms`;
  console.log(
    `\nA school's open tasks with ${fmt(TOTAL)} instances stored (${fmt(schools.length)} random schools, page of 20, avg ${fmt(tasksSeen / schools.length, 1)} tasks returned)`,
  );
  line('  findTasks { audience: [school] }: p50 / p99', `${p(inbox)}   (target p99 ≤ 5 ms)`);
  line('  the same on a connection with mmap_size = 1 GiB: p50 / p99', p(inboxMapped));
  line('  findTasks { audience: [school, user] }: p50 / p99', p(inboxTwoKeys));
  line(
    '  findTasks { audience: [office] } (county review): p50 / p99',
    `${p(inboxOffice)}   (avg ${fmt(officeSeen / schools.length, 1)} returned)`,
  );
  line(
    '  findTasks { audience: [user] } (on-site checks): p50 / p99',
    `${p(inboxInspector)}   (avg ${fmt(inspectorSeen / schools.length, 1)} returned)`,
  );
  line('  findTasks { schoolId } (every task of the school): p50 / p99', p(bySchool));
  line('  baseline: raw primary-key read of one instance: p50 / p99', p(rawLookup));

  const count = store.db.prepare('SELECT count(*) FROM instances WHERE campaign_id = ?').pluck();
  const progress = async (groupBy: Parameters<typeof store.campaignProgress>[1]) => {
    const runs: number[] = [];
    for (let n = 0; n < 15; n++) runs.push(await time(() => store.campaignProgress('kBig', groupBy)));
    return median(runs);
  };
  const rawCount: number[] = [];
  for (let n = 0; n < 15; n++) rawCount.push(await time(() => count.get('kBig')));
  const rows = await store.campaignProgress('kBig', ['status', 'districtId', 'schoolType']);
  console.log(
    `\nCampaign progress over ${fmt(Number(count.get('kBig')))} instances of one campaign (median of 15)`,
  );
  line('  campaignProgress [status]', `${fmt(await progress(['status']), 1)} ms   (target ≤ 300 ms)`);
  line('  campaignProgress [districtId, status]', `${fmt(await progress(['districtId', 'status']), 1)} ms`);
  line(
    `  campaignProgress [status, districtId, schoolType] (${fmt(rows.length)} rows)`,
    `${fmt(await progress(['status', 'districtId', 'schoolType']), 1)} ms`,
  );
  line(
    '  campaignProgress [all four dimensions]',
    `${fmt(await progress(['status', 'districtId', 'schoolType', 'officePath']), 1)} ms`,
  );
  line('  baseline: raw SELECT count(*) … WHERE campaign_id = ?', `${fmt(median(rawCount), 1)} ms`);
}

const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'ddt-store-bench-'));
try {
  console.log(
    `督导通 store benchmark — SQLite ${new Database(':memory:').prepare('select sqlite_version() v').pluck().get()}, synchronous=FULL, WAL`,
  );
  await prepareKaixueInstances();
  await insertRounds('kaixue rows from the runtime', (n) => kaixueInstance(n, layout), dir);
  await insertRounds('synthetic 5–15 KB rows', (n) => realisticInstance(n, layout), dir);
  await updateRounds(dir);
  rmSync(dir, { recursive: true, force: true });
  const { store, path } = await bigStore();
  await queries(store, path);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
