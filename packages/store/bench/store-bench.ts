/**
 * `npm run bench:store` — the SQLite adapter's speed figures, each beside a baseline measured in the
 * same run (raw better-sqlite3 on the same rows, same pragmas). Medians of several rounds; rounds of
 * ours and of the baseline alternate, so a noisy machine disturbs both alike.
 *
 * Environment: BENCH_DIR (default: the OS temp dir), BENCH_INSTANCES (default 1,000,000: the size of
 * the store the query figures are taken on), BENCH_KEEP=1 to keep the data afterwards.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteStore, type Instance } from '../src/index.js';
import { realisticInstance } from './realistic-instances.js';

const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'ddt-store-bench-'));
const TOTAL = Number(process.env.BENCH_INSTANCES ?? 1_000_000);
const BIG_CAMPAIGN = 100_000;
const layout = { schools: 20_000, campaigns: 50 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const line = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);
const mb = (path: string) => `${fmt(statSync(path).size / 1e6)} MB`;

function rawDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS instances (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL)',
  );
  return db;
}

console.log(
  `督导通 store benchmark — SQLite ${new Database(':memory:').prepare('select sqlite_version() v').pluck().get()}, data in ${dir}`,
);
console.log(
  'Rows: realistic instances (5–15 KB engine state, 1–2 open tasks, a timer, some awaited messages).\n',
);

// 1. Batched inserts: ours (validation, side tables, every declared index) vs raw better-sqlite3
// inserting the same rows as (id, version, JSON) in transactions of the same size.
{
  const ours = createSqliteStore({ path: join(dir, 'insert-ours.sqlite') });
  await ours.init();
  const raw = rawDatabase(join(dir, 'insert-raw.sqlite'));
  const insertRaw = raw.prepare('INSERT INTO instances (id, version, doc) VALUES (?, ?, ?)');
  const rawBatch = raw.transaction((rows: Instance[]) => {
    for (const row of rows) insertRaw.run(row.id, row.version, JSON.stringify(row));
  });
  const ROUNDS = 7;
  const PER_ROUND = 10_000;
  const BATCH = 1_000;
  const oursRates: number[] = [];
  const rawRates: number[] = [];
  let avgBytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const rows = Array.from({ length: PER_ROUND }, (_, n) =>
      realisticInstance(round * PER_ROUND + n, layout),
    );
    if (round === 0)
      avgBytes = rows.reduce((sum, row) => sum + Buffer.byteLength(JSON.stringify(row)), 0) / rows.length;
    let start = performance.now();
    for (let b = 0; b < PER_ROUND; b += BATCH) await ours.createInstances(rows.slice(b, b + BATCH));
    oursRates.push(PER_ROUND / ((performance.now() - start) / 1000));
    start = performance.now();
    for (let b = 0; b < PER_ROUND; b += BATCH) rawBatch(rows.slice(b, b + BATCH));
    rawRates.push(PER_ROUND / ((performance.now() - start) / 1000));
  }
  console.log(
    `Batched instance inserts (${ROUNDS} rounds × ${fmt(PER_ROUND)} rows in batches of ${BATCH}, avg row ${fmt(avgBytes / 1024, 1)} KB, synchronous=FULL)`,
  );
  line('  ours: createInstances, median', `${fmt(median(oursRates))} instances/s   (target ≥ 20,000/s)`);
  line('  raw better-sqlite3 INSERT of the same rows, median', `${fmt(median(rawRates))} rows/s`);
  line('  ratio ours / raw', fmt(median(oursRates) / median(rawRates), 2));

  // 2. Version-checked single updates (one workflow step each, one commit each).
  const ids = Array.from({ length: 600 }, (_, n) => `i${n * 97}`);
  const updateRaw = raw.prepare('UPDATE instances SET version = ?, doc = ? WHERE id = ? AND version = ?');
  const oursUpdates: number[] = [];
  const rawUpdates: number[] = [];
  for (let round = 0; round < 3; round++) {
    const slice = ids.slice(round * 200, round * 200 + 200);
    const current = await Promise.all(slice.map((id) => ours.getInstance(id)));
    let start = performance.now();
    for (const instance of current) {
      const [first, ...rest] = instance!.tasks;
      const next = { ...first!, id: `${first!.id}-r${round}`, executionId: `r${round}` };
      await ours.updateInstance({ ...instance!, tasks: [...rest, next] }, instance!.version);
    }
    oursUpdates.push(slice.length / ((performance.now() - start) / 1000));
    start = performance.now();
    for (const instance of current) {
      updateRaw.run(instance!.version + 1, JSON.stringify(instance), instance!.id, instance!.version);
    }
    rawUpdates.push(slice.length / ((performance.now() - start) / 1000));
  }
  console.log('\nVersion-checked single updates (a task closes and another opens; one fsync per update)');
  line('  ours: updateInstance, median', `${fmt(median(oursUpdates))} updates/s`);
  line('  raw better-sqlite3 UPDATE … WHERE version = ?, median', `${fmt(median(rawUpdates))} updates/s`);
  line('  ratio ours / raw', fmt(median(oursUpdates) / median(rawUpdates), 2));
  await ours.close();
  raw.close();
}

// 3. A store of TOTAL instances: one campaign of 100,000 and the rest spread over 49 more.
const bigPath = join(dir, 'big.sqlite');
{
  const store = createSqliteStore({ path: bigPath });
  await store.init();
  const campaignOf = (n: number) => (n < BIG_CAMPAIGN ? 'kBig' : `k${n % (layout.campaigns - 1)}`);
  const BATCH = 5_000;
  const start = performance.now();
  for (let from = 0; from < TOTAL; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, TOTAL - from) }, (_, k) =>
      realisticInstance(from + k, layout, campaignOf),
    );
    await store.createInstances(rows);
    if ((from / BATCH) % 40 === 39) {
      const seconds = (performance.now() - start) / 1000;
      console.error(`  … ${fmt(from + BATCH)} instances in ${fmt(seconds)} s`);
    }
  }
  const setupSeconds = (performance.now() - start) / 1000;
  console.log(
    `\nSetup: ${fmt(TOTAL)} instances written in ${fmt(setupSeconds)} s (${fmt(TOTAL / setupSeconds)}/s), file ${mb(bigPath)}`,
  );

  // 4. A school's open tasks, as its inbox asks for them.
  const random = (n: number) => Math.floor(Math.random() * n);
  const time = async (fn: () => Promise<unknown> | unknown) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const schools = Array.from({ length: 3000 }, () => `s${random(layout.schools)}`);
  for (const s of schools.slice(0, 200)) await store.findTasks({ limit: 20, audience: [`school:${s}`] }); // warm
  const inbox: number[] = [];
  const inboxTwoKeys: number[] = [];
  const bySchool: number[] = [];
  const rawLookup: number[] = [];
  const lookup = store.db.prepare('SELECT doc FROM instances WHERE id = ?');
  let tasksSeen = 0;
  for (const s of schools) {
    inbox.push(
      await time(async () => {
        tasksSeen += (await store.findTasks({ limit: 20, audience: [`school:${s}`] })).items.length;
      }),
    );
    inboxTwoKeys.push(
      await time(() => store.findTasks({ limit: 20, audience: [`school:${s}`, `user:u-${s}`] })),
    );
    bySchool.push(await time(() => store.findTasks({ limit: 20, schoolId: s })));
    rawLookup.push(await time(() => lookup.get(`i${random(TOTAL)}`)));
  }
  console.log(
    `\nA school's open tasks with ${fmt(TOTAL)} instances stored (${fmt(schools.length)} random schools, page of 20, avg ${fmt(tasksSeen / schools.length, 1)} tasks returned)`,
  );
  line(
    '  findTasks { audience: [school] }: p50 / p99',
    `${fmt(percentile(inbox, 0.5), 3)} / ${fmt(percentile(inbox, 0.99), 3)} ms   (target p99 ≤ 5 ms)`,
  );
  line(
    '  findTasks { audience: [school, user] }: p50 / p99',
    `${fmt(percentile(inboxTwoKeys, 0.5), 3)} / ${fmt(percentile(inboxTwoKeys, 0.99), 3)} ms`,
  );
  line(
    '  findTasks { schoolId }: p50 / p99',
    `${fmt(percentile(bySchool, 0.5), 3)} / ${fmt(percentile(bySchool, 0.99), 3)} ms`,
  );
  line(
    '  baseline: raw primary-key read of one instance: p50 / p99',
    `${fmt(percentile(rawLookup, 0.5), 3)} / ${fmt(percentile(rawLookup, 0.99), 3)} ms`,
  );

  // 5. Campaign progress over the 100,000-instance campaign.
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
  await store.close();
}

if (process.env.BENCH_KEEP === '1') console.log(`\nData kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
