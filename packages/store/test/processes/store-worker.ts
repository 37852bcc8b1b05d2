/**
 * A child process for the multi-process SQLite tests. It opens the store at `path` and, by `mode`:
 * - `write`: writes instances forever — single creates, version-checked updates and batches of 20 —
 *   printing one line per acknowledged write (`create <id>`, `update <id> <version>`,
 *   `batch <n>`), until the parent kills it.
 * - `write-concurrent`: the same kinds of writes, many at a time (they share group commits), each
 *   line printed when its own write is acknowledged.
 * - `increment <n>`: adds 1 to a shared counter instance n times, re-reading after each conflict.
 * - `claim <owner>`: claims due timers one at a time until none is left, printing each claim.
 * Lines go to stdout, which is synchronous for pipes on Linux: a printed line's write is durable.
 */
import { createSqliteStore, isStoreError } from '../../src/index.js';
import { crashInstance } from './crash-instance.js';

const [path, mode, arg] = process.argv.slice(2);
if (!path || !mode)
  throw new Error('usage: store-worker <path> <write|write-concurrent|increment|claim> [arg]');
const store = createSqliteStore({ path });
await store.init();
const say = (line: string) => process.stdout.write(`${line}\n`);
// A start barrier: racing workers report `ready` and wait for the parent's `go` on stdin, so they run
// at the same time whatever each one's start-up cost was.
say('ready');
await new Promise<void>((go) => process.stdin.once('data', () => go()));
process.stdin.pause();
if (mode === 'write') {
  for (let n = 0; ; n++) {
    const id = `w${n}`;
    await store.createInstance(crashInstance(id, 1));
    say(`create ${id}`);
    if (n > 0) {
      const previous = `w${n - 1}`;
      const updated = await store.updateInstance(crashInstance(previous, 2), 1);
      say(`update ${previous} ${updated.version}`);
    }
    if (n % 10 === 0) {
      await store.createInstances(Array.from({ length: 20 }, (_, k) => crashInstance(`b${n}-${k}`, 1)));
      say(`batch ${n}`);
    }
  }
}

if (mode === 'write-concurrent') {
  // The same writes as `write`, asked for 8 to 25 at a time: they share group commits, and each line is
  // printed when its own write is acknowledged.
  for (let round = 0; ; round++) {
    const writes: Promise<unknown>[] = [];
    for (let k = 0; k < 8; k++) {
      const id = `w${round}-${k}`;
      writes.push(store.createInstance(crashInstance(id, 1)).then(() => say(`create ${id}`)));
      if (round > 0) {
        const previous = `w${round - 1}-${k}`;
        writes.push(
          store
            .updateInstance(crashInstance(previous, 2), 1)
            .then((updated) => say(`update ${previous} ${updated.version}`)),
        );
      }
    }
    if (round % 5 === 0) {
      const batch = Array.from({ length: 20 }, (_, k) => crashInstance(`b${round}-${k}`, 1));
      writes.push(store.createInstances(batch).then(() => say(`batch ${round}`)));
    }
    await Promise.all(writes);
  }
}

if (mode === 'increment') {
  for (let done = 0; done < Number(arg); ) {
    const current = (await store.getInstance('counter'))!;
    const state = current.state as { count: number };
    try {
      await store.updateInstance({ ...current, state: { count: state.count + 1 } }, current.version);
      done++;
    } catch (error) {
      if (!isStoreError(error, 'STORE_ERR_CONFLICT')) throw error;
      say('conflict');
    }
  }
  say('done');
}

if (mode === 'claim') {
  for (;;) {
    const claimed = await store.claimDueTimers({
      now: new Date().toISOString(),
      leaseMs: 600_000,
      owner: arg!,
      limit: 1,
    });
    if (claimed.length === 0) break;
    for (const claim of claimed) say(`claimed ${claim.instanceId}`);
    // A scheduler pauses between polls; without it one process would hold SQLite's write lock back to
    // back while the other sleeps in its busy handler.
    await new Promise((r) => setTimeout(r, 2));
  }
  say('done');
}

await store.close();
