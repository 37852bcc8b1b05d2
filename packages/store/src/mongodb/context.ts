import type { Collection, Db, Document, GridFSBucket, MongoClient } from 'mongodb';

/** Every document the store writes has a string `_id` (the record id, or one derived from it). */
export interface StoredDoc extends Document {
  _id: string;
}

import type { CollectionName } from '../contract/indexes.js';

/** Collections only this adapter needs, beside the contract's. */
export type InternalCollection = 'timerLeases' | 'storeMigrations' | 'storeLocks';

/** What every MongoDB operation works with. */
export interface MongoContext {
  client: MongoClient;
  db: Db;
  collection(name: CollectionName | InternalCollection): Collection<StoredDoc>;
  /** File bytes live in GridFS (`fileBlobs.files` / `fileBlobs.chunks`); metadata in `files`. */
  bucket: GridFSBucket;
}
