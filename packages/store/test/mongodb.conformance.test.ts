import { randomUUID } from 'node:crypto';
import { createMongoStore, type MongoStore } from '../src/index.js';
import { defineConformanceSuite } from './conformance/define-conformance-suite.js';

/**
 * The same conformance suite against MongoDB, when `MONGODB_URL` points at a server (standalone,
 * replica set or mongos). One throw-away database per run (`MONGODB_DB` or a random name), emptied
 * between tests and dropped at the end. No MongoDB server can be installed on the build machines, so
 * without the variable the run says so loudly and skips.
 */
const url = process.env.MONGODB_URL;

if (!url) {
  process.stderr.write(
    '\n**************************************************************\n' +
      '*  MongoDB conformance SKIPPED: set MONGODB_URL to run it     *\n' +
      '**************************************************************\n\n',
  );
  describe('store conformance: mongodb', () => {
    it.skip('MongoDB conformance SKIPPED: set MONGODB_URL', () => {});
  });
} else {
  const dbName = process.env.MONGODB_DB ?? `ddt_conformance_${randomUUID().slice(0, 8)}`;
  let main: MongoStore | null = null;
  const open = async () => {
    const store = createMongoStore({ url, dbName });
    await store.init();
    return store;
  };

  afterAll(async () => {
    if (main) {
      await main.client.db(dbName).dropDatabase();
      await main.close();
    }
  });

  defineConformanceSuite('mongodb', async () => {
    main ??= await open();
    // Empty every collection (GridFS included) but keep the indexes and the migration record.
    const db = main.client.db(dbName);
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      if (name !== 'storeMigrations' && !name.startsWith('system.')) await db.collection(name).deleteMany({});
    }
    const extra: MongoStore[] = [];
    return {
      store: main,
      async openAnother() {
        const another = await open();
        extra.push(another);
        return another;
      },
      async dispose() {
        for (const handle of extra) await handle.close();
      },
    };
  });
}
