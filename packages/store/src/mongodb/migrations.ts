import { randomUUID } from 'node:crypto';
import type { AppliedMigration } from '../contract/queries.js';
import { StoreError } from '../errors.js';
import type { MongoContext } from './context.js';
import { isDuplicateKey } from './translate-error.js';

/**
 * Versioned migrations for MongoDB, applied in order at `init()` and recorded in `storeMigrations`
 * (`_id` = the zero-padded version). A lock document keeps two starting servers from running one step twice; a step
 * must still be safe to re-run, since a process can die between doing the work and recording it.
 */
export interface MongoMigration {
  version: number;
  name: string;
  up(ctx: MongoContext): Promise<void>;
}

const COLLECTIONS = [
  'offices',
  'districts',
  'schools',
  'users',
  'conflicts',
  'programVersions',
  'campaigns',
  'instances',
  'submissions',
  'files',
  'drafts',
  'auditEvents',
  'timerLeases',
];

export const MONGO_MIGRATIONS: readonly MongoMigration[] = [
  {
    version: 1,
    name: 'collections',
    async up(ctx) {
      const existing = new Set(
        (await ctx.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name),
      );
      for (const name of COLLECTIONS) if (!existing.has(name)) await ctx.db.createCollection(name);
    },
  },
];

const LOCK_MS = 60_000;

async function withMigrationLock<T>(ctx: MongoContext, work: () => Promise<T>): Promise<T> {
  const locks = ctx.collection('storeLocks');
  const owner = randomUUID();
  const giveUpAt = Date.now() + 2 * LOCK_MS;
  for (;;) {
    const now = new Date();
    try {
      await locks.updateOne(
        { _id: 'migrations', until: { $lt: now } },
        { $set: { owner, until: new Date(now.getTime() + LOCK_MS) } },
        { upsert: true },
      );
      break;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (Date.now() > giveUpAt) {
        throw new StoreError('STORE_ERR_UNAVAILABLE', '数据库迁移被其他进程长时间占用', {
          lock: 'migrations',
        });
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await work();
  } finally {
    await locks.deleteOne({ _id: 'migrations', owner });
  }
}

export async function runMongoMigrations(
  ctx: MongoContext,
  migrations: readonly MongoMigration[] = MONGO_MIGRATIONS,
): Promise<void> {
  await withMigrationLock(ctx, async () => {
    const applied = new Set((await listMongoMigrations(ctx)).map((m) => m.version));
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await migration.up(ctx);
      await ctx.collection('storeMigrations').insertOne({
        _id: String(migration.version).padStart(6, '0'),
        version: migration.version,
        name: migration.name,
        appliedAt: new Date().toISOString(),
      });
    }
  });
}

export async function listMongoMigrations(ctx: MongoContext): Promise<AppliedMigration[]> {
  const docs = await ctx.collection('storeMigrations').find({}).sort({ version: 1 }).toArray();
  return docs.map((doc) => ({
    version: doc.version as number,
    name: doc.name as string,
    appliedAt: doc.appliedAt as string,
  }));
}
