import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Checkpoints the WAL from a worker thread with its own connection, so that copying committed pages
 * into the database file (and its fsync) no longer runs inside a commit on the main thread. SQLite's
 * automatic checkpoint runs in the committing call: with better-sqlite3 that blocks the event loop for
 * as long as the copy and its fsync take, about as long as the commit itself.
 *
 * Durability does not change: a commit is durable once its WAL frames are fsynced, which the committing
 * connection still does; a checkpoint only moves durable pages into the database file. PASSIVE
 * checkpoints never block readers or the writer. The main connection keeps a high automatic
 * checkpoint threshold as a safety net, should this thread ever fall behind.
 */
export interface WalCheckpointer {
  stop(): Promise<void>;
}

/** Pages in the WAL (4 KiB each) at which the main connection checkpoints by itself after all. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 16_384;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 0');
let timer = null;
const run = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  timer = setTimeout(run, workerData.intervalMs);
};
run();
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export function startWalCheckpointer(path: string, intervalMs = 25): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, intervalMs } });
  // Never keeps a process alive; an error (the file went away) only ends the background checkpoints.
  worker.unref();
  worker.on('error', () => {});
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  return {
    async stop() {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
