import { GridFSBucket, MongoClient } from 'mongodb';
import { guardOperations } from '../adapter/guard-operations.js';
import type { Store } from '../contract/store.js';
import type { MongoContext } from './context.js';
import { createMongoIndexes } from './create-indexes.js';
import { listMongoMigrations, runMongoMigrations } from './migrations.js';
import { auditOps } from './operations/audit.js';
import { campaignOps } from './operations/campaigns.js';
import { conflictOps } from './operations/conflicts.js';
import { draftOps } from './operations/drafts.js';
import { fileOps } from './operations/files.js';
import { instanceOps } from './operations/instances.js';
import { organisationOps } from './operations/organisation.js';
import { programOps } from './operations/programs.js';
import { submissionOps } from './operations/submissions.js';
import { taskOps } from './operations/tasks.js';
import { timerOps } from './operations/timers.js';
import { translateMongoError } from './translate-error.js';

export interface MongoStoreOptions {
  /** A MongoDB connection string: standalone, replica set or mongos (`MONGODB_URL`). */
  url: string;
  /** Default `ddt` (`MONGODB_DB`). */
  dbName?: string;
  /** Connection pool size per server process. Default 20. */
  maxPoolSize?: number;
}

export type MongoStore = Store & {
  /** The driver client, for diagnostics and tests of this adapter. */
  readonly client: MongoClient;
};

/**
 * The scale-out store. Writes use `w: 'majority', j: true`: a method returns once a majority of the
 * replica set has the write in its journal, so an acknowledged write survives a crash and a failover.
 * Reads use `readConcern: 'majority'`, so nothing read can be rolled back. Call `init()` before use.
 */
export function createMongoStore(options: MongoStoreOptions): MongoStore {
  const client = new MongoClient(options.url, {
    writeConcern: { w: 'majority', journal: true },
    readConcern: { level: 'majority' },
    retryWrites: true,
    retryReads: true,
    maxPoolSize: options.maxPoolSize ?? 20,
  });
  const db = client.db(options.dbName ?? 'ddt');
  const ctx: MongoContext = {
    client,
    db,
    collection: (name) => db.collection(name),
    bucket: new GridFSBucket(db, { bucketName: 'fileBlobs' }),
  };
  let ready = false;

  const operations = {
    ...organisationOps(ctx),
    ...conflictOps(ctx),
    ...programOps(ctx),
    ...campaignOps(ctx),
    ...instanceOps(ctx),
    ...taskOps(ctx),
    ...timerOps(ctx),
    ...submissionOps(ctx),
    ...fileOps(ctx),
    ...draftOps(ctx),
    ...auditOps(ctx),
    listMigrations: () => listMongoMigrations(ctx),
  };

  return {
    name: 'mongodb',
    client,
    async init() {
      if (ready) return;
      try {
        await client.connect();
        await runMongoMigrations(ctx);
        await createMongoIndexes(ctx);
      } catch (error) {
        throw translateMongoError(error);
      }
      ready = true;
    },
    async close() {
      ready = false;
      await client.close();
    },
    ...guardOperations(operations, () => ready, translateMongoError),
  };
}
