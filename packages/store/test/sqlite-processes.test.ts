import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createSqliteStore } from '../src/index.js';
import { crashInstance } from './processes/crash-instance.js';

/**
 * Real processes on one SQLite file: a writer killed with SIGKILL loses nothing it acknowledged, two
 * writers racing on one instance lose no update, and two schedulers never claim one timer twice.
 */
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const worker = join(here, 'processes', 'store-worker.ts');

interface Worker {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

function startWorker(...args: string[]): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions', 'source', worker, ...args], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, lines, exited };
}

/** Starts the workers together once every one of them has opened the store. */
async function startTogether(workers: Worker[]): Promise<void> {
  await waitFor(() => workers.every((w) => w.lines.includes('ready')), 30_000);
  for (const w of workers) w.child.stdin!.end('go\n');
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting for the worker');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('SQLite with several processes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ddt-crash-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    { mode: 'write', label: 'one write at a time' },
    { mode: 'write-concurrent', label: 'many writes at a time (group commits)' },
  ])(
    'keeps every acknowledged write of a writer killed with SIGKILL ($label), and opens cleanly',
    async ({ mode }) => {
      const path = join(dir, 'crash.sqlite');
      const writer = startWorker(path, mode);
      await startTogether([writer]);
      const { child, lines, exited } = writer;
      // Let it get well into its loop, then kill it at an arbitrary moment.
      await waitFor(() => lines.length >= 200, 30_000);
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 50)));
      child.kill('SIGKILL');
      await exited;
      const acknowledged = lines.filter((line) => line !== 'ready');

      const store = createSqliteStore({ path });
      await store.init();
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      let checked = 0;
      for (const line of acknowledged) {
        const [kind, id, version] = line.split(' ');
        if (kind === 'create') {
          const stored = await store.getInstance(id!);
          expect(stored?.id).toBe(id);
          checked++;
        } else if (kind === 'update') {
          expect(await store.getInstance(id!)).toEqual(crashInstance(id!, Number(version)));
          checked++;
        } else if (kind === 'batch') {
          const batch = await store.findInstances({ limit: 100, schoolId: `s-b${id}-0` });
          expect(batch.items.map((i) => i.id)).toEqual([`b${id}-0`]);
          checked++;
        }
      }
      expect(checked).toBe(acknowledged.length);
      // Batches are all-or-nothing even when the kill lands inside one.
      const batchRows = store.db
        .prepare(
          "SELECT substr(id, 2, instr(id, '-') - 2) AS n, count(*) AS c FROM instances WHERE id LIKE 'b%' GROUP BY n",
        )
        .all() as { n: string; c: number }[];
      for (const row of batchRows) expect(row.c).toBe(20);
      // The side tables match the instance rows they were written with.
      const counts = store.db
        .prepare(
          'SELECT (SELECT count(*) FROM instances) AS i, (SELECT count(*) FROM open_tasks) AS t, (SELECT count(*) FROM timers) AS m',
        )
        .get() as { i: number; t: number; m: number };
      expect(counts.t).toBe(counts.i * 2);
      expect(counts.m).toBe(counts.i);
      await store.close();
    },
  );

  it('loses no update when two processes increment one instance at once', async () => {
    const path = join(dir, 'race.sqlite');
    const seed = createSqliteStore({ path });
    await seed.init();
    await seed.createInstance({ ...crashInstance('counter', 1), state: { count: 0 } });
    await seed.close();

    const a = startWorker(path, 'increment', '150');
    const b = startWorker(path, 'increment', '150');
    await startTogether([a, b]);
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);

    const store = createSqliteStore({ path });
    await store.init();
    const counter = await store.getInstance('counter');
    expect(counter?.state).toEqual({ count: 300 });
    expect(counter?.version).toBe(301);
    await store.close();
  });

  it('never lets two scheduler processes claim the same timer', async () => {
    const path = join(dir, 'timers.sqlite');
    const seed = createSqliteStore({ path });
    await seed.init();
    await seed.createInstances(Array.from({ length: 300 }, (_, n) => crashInstance(`i${n}`, 1)));
    await seed.close();

    const workers = [startWorker(path, 'claim', 'a'), startWorker(path, 'claim', 'b')];
    await startTogether(workers);
    for (const w of workers) expect(await w.exited).toBe(0);
    const claimsOf = (w: (typeof workers)[number]) =>
      w.lines.filter((l) => l.startsWith('claimed ')).map((l) => l.slice('claimed '.length));
    const claimed = workers.flatMap(claimsOf);
    expect(claimed).toHaveLength(300);
    expect(new Set(claimed).size).toBe(300);
    // Both really took part: the claims were contended, not taken in turn.
    for (const w of workers) expect(claimsOf(w).length).toBeGreaterThan(0);
  });
});
