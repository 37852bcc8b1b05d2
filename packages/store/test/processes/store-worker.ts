/**
 * A child process for the multi-process SQLite tests. It opens the store at `path` and, by `mode`:
 * - `write`: writes instances forever — single creates, version-checked updates and batches of 20 —
 *   printing one line per acknowledged write (`create <id>`, `update <id> <version>`,
 *   `batch <n>`), until the parent kills it.
 * - `increment <n>`: adds 1 to a shared counter instance n times, re-reading after each conflict.
 * - `claim <owner>`: claims due timers one at a time until none is left, printing each claim.
 * An optional last argument is the epoch millisecond at which to start, so racing workers overlap.
 * Lines go to stdout, which is synchronous for pipes on Linux: a printed line's write is durable.
 */
import { createSqliteStore, isStoreError } from '../../src/index.js';
import { crashInstance } from './crash-instance.js';

const [path, mode, arg, startAt] = process.argv.slice(2);
if (!path || !mode) throw new Error('usage: store-worker <path> <write|increment|claim> [arg] [startAtMs]');
const store = createSqliteStore({ path });
await store.init();
// Racing workers start together at an agreed moment, after both have paid their start-up cost.
if (startAt) await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
const say = (line: string) => process.stdout.write(`${line}\n`);

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
  }
  say('done');
}

await store.close();
