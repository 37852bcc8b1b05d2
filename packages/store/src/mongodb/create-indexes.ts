import type { IndexSpecification } from 'mongodb';
import { INDEXES, type IndexDeclaration } from '../contract/indexes.js';
import type { InternalCollection, MongoContext } from './context.js';

export interface MongoIndexPlan {
  collection: IndexDeclaration['collection'] | InternalCollection;
  name: string;
  key: Record<string, 1 | -1>;
  unique: boolean;
  expireAfterSeconds?: number;
}

/** Indexes only this adapter needs. */
const OWN_INDEXES: readonly MongoIndexPlan[] = [
  // Leases are claimed by `_id`; these find a holder's lease and let MongoDB delete stale ones.
  {
    collection: 'timerLeases',
    name: 'timer_leases_owner',
    key: { instanceId: 1, timerId: 1, owner: 1 },
    unique: false,
  },
  {
    collection: 'timerLeases',
    name: 'timer_leases_expiry',
    key: { expiresAt: 1 },
    unique: false,
    expireAfterSeconds: 0,
  },
];

/** The contract's declarations as MongoDB indexes (`id` is `_id`; an index on `_id` alone exists already). */
export function planMongoIndexes(declarations: readonly IndexDeclaration[] = INDEXES): MongoIndexPlan[] {
  const plans: MongoIndexPlan[] = [];
  for (const index of declarations) {
    const key: Record<string, 1 | -1> = {};
    for (const field of index.fields) key[field.path === 'id' ? '_id' : field.path] = field.order;
    if (Object.keys(key).length === 1 && '_id' in key) continue;
    plans.push({ collection: index.collection, name: index.name, key, unique: index.unique === true });
  }
  return [...plans, ...OWN_INDEXES];
}

const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Makes each collection's indexes match the plan: creates missing ones, rebuilds any whose key or
 * options changed, drops the ones no longer declared (the `_id` index and GridFS's own stay).
 */
export async function createMongoIndexes(ctx: MongoContext): Promise<void> {
  const plans = planMongoIndexes();
  const collections = [...new Set(plans.map((plan) => plan.collection))];
  for (const name of collections) {
    const collection = ctx.collection(name);
    const wanted = plans.filter((plan) => plan.collection === name);
    const existing = await collection
      .listIndexes()
      .toArray()
      .catch(() => []);
    for (const index of existing) {
      if (index.name === '_id_') continue;
      const plan = wanted.find((p) => p.name === index.name);
      const matches =
        plan !== undefined &&
        sameKey(plan.key, index.key as Record<string, unknown>) &&
        plan.unique === (index.unique === true) &&
        plan.expireAfterSeconds === index.expireAfterSeconds;
      if (!matches) await collection.dropIndex(index.name as string);
    }
    const kept = new Set(
      (
        await collection
          .listIndexes()
          .toArray()
          .catch(() => [])
      ).map((index) => index.name as string),
    );
    for (const plan of wanted) {
      if (kept.has(plan.name)) continue;
      await collection.createIndex(plan.key as IndexSpecification, {
        name: plan.name,
        unique: plan.unique,
        ...(plan.expireAfterSeconds === undefined ? {} : { expireAfterSeconds: plan.expireAfterSeconds }),
      });
    }
  }
}
